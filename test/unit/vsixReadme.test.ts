// The vsix's lighter README (scripts/vsixReadme.mjs): every word of the repository's README kept, only pictures the
// vsix carries shown, and .vscodeignore packing exactly those (plus the walkthrough's, which are among them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { VSIX_PICTURES, vsixReadme } from '../../scripts/vsixReadme.mjs';

const root = path.resolve(__dirname, '..', '..', '..');
const read = (f: string): string => readFileSync(path.join(root, f), 'utf8');
const IMAGE = /!\[([^\]]*)\]\(([^)\s]+)\)/g;

void test('the vsix README keeps the text, shows only the packed pictures, and names the others', () => {
  for (const [name, up] of [
    ['README.md', ''],
    ['README.zh-CN.md', '../'],
  ] as const) {
    const original = read(name);
    const light = vsixReadme(original, up);
    const shown = [...light.matchAll(IMAGE)].map((m) => m[2]);
    assert.ok(shown.length > 0, `${name}: some pictures stay`);
    for (const src of shown)
      assert.ok(
        VSIX_PICTURES.some((p) => src === `${up}docs/images/${p}`),
        `${name}: ${src} is not packed`,
      );
    // Every dropped picture's caption is still there, and the text outside pictures is unchanged.
    for (const m of original.matchAll(IMAGE)) assert.ok(light.includes(m[1]), `${name}: caption ${m[1]}`);
    const words = (s: string): string =>
      s
        .replace(IMAGE, '')
        .replace(/\*[^*|\n]*\*/g, '')
        .replace(/\]\([^)]*\)/g, ']');
    assert.equal(words(light), words(original), `${name}: text changed`);
  }
});

void test('.vscodeignore packs exactly the pictures the vsix README shows, the walkthrough ones among them', () => {
  const packed = read('.vscodeignore')
    .split('\n')
    .filter((l) => l.startsWith('!docs/images/'))
    .map((l) => l.slice('!docs/images/'.length));
  assert.deepEqual([...packed].sort(), [...VSIX_PICTURES].sort());
  const manifest = read('package.json');
  for (const m of manifest.matchAll(/"docs\/images\/([^"]+)"/g))
    assert.ok(VSIX_PICTURES.includes(m[1]), `the walkthrough shows ${m[1]}`);
});
