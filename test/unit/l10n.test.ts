// Localisation is complete in both languages: every key used exists in English and Simplified Chinese, and no
// translation is left behind for a string the code no longer uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UI_STRINGS } from '../../src/shared/uiStrings';
import { ACTIVATION_IDS, getActivation } from '../../src/core';

const root = join(__dirname, '..', '..', '..');
const readJson = (p: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, p), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, dir, f));
}

/** String literals passed to vscode.l10n.t(...) in the host code. */
function l10nCallLiterals(): Set<string> {
  const found = new Set<string>();
  const call = /l10n\.t\(\s*(?:\{\s*message:\s*)?('(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")/g;
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(call)) {
      // The literal is a JS string: evaluate its escapes the way the compiler would.
      const literal = m[1];
      const body = literal.slice(1, -1).replace(/\\(['"\\])/g, '$1');
      found.add(body);
    }
  }
  return found;
}

/** Strings the host translates that are not literals at the call site: webview strings and activation metadata. */
function indirectKeys(): Set<string> {
  const keys = new Set<string>(Object.values(UI_STRINGS));
  for (const id of ACTIVATION_IDS) {
    const info = getActivation(id);
    keys.add(info.description);
    for (const p of info.params) keys.add(p.label);
  }
  return keys;
}

void test('package.json %keys% exist in package.nls.json and package.nls.zh-cn.json, and none is unused', () => {
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
  assert.ok(used.size > 10, `expected many %keys% in package.json, found ${used.size}`);
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const nls = readJson(file);
    const missing = [...used].filter((k) => typeof nls[k] !== 'string' || (nls[k] as string).trim() === '');
    assert.deepEqual(missing, [], `${file} lacks keys used by package.json`);
    const unused = Object.keys(nls).filter((k) => !used.has(k));
    assert.deepEqual(unused, [], `${file} has keys package.json does not use`);
  }
});

void test('every vscode.l10n.t message and webview string has a Simplified Chinese translation, and none is unused', () => {
  const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
  const literals = l10nCallLiterals();
  assert.ok(literals.size > 10, `expected many l10n.t calls in src/, found ${literals.size}`);
  const needed = new Set([...literals, ...indirectKeys()]);
  const missing = [...needed].filter(
    (k) => typeof bundle[k] !== 'string' || (bundle[k] as string).trim() === '',
  );
  assert.deepEqual(missing, [], 'l10n/bundle.l10n.zh-cn.json lacks translations');
  const unused = Object.keys(bundle).filter((k) => !needed.has(k));
  assert.deepEqual(
    unused,
    [],
    'l10n/bundle.l10n.zh-cn.json has translations for strings the code no longer uses',
  );
});

void test('translations keep every {n} placeholder of the English text', () => {
  const bundle = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
  for (const [english, chinese] of Object.entries(bundle)) {
    const placeholders = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    assert.deepEqual(placeholders(chinese), placeholders(english), `placeholders differ for "${english}"`);
  }
});
