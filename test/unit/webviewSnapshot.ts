// Snapshot helpers for the webview's pure chart builders: a chart configuration reduced to stable, readable JSON
// (functions named, numbers rounded, long data arrays sampled), compared with a fixture in
// test/unit/fixtures/chart/. UPDATE_FIXTURES=1 rewrites the fixtures deliberately; a mismatch fails with a line diff.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Palette } from '../../webview/theme';
import { UI_STRINGS } from '../../src/shared/uiStrings';
import type { Strings } from '../../webview/strings';

/** Bundled tests run from out/test/unit: the fixtures stay in the source tree. */
export const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'unit', 'fixtures', 'chart');

/** A palette as plain named colours, so snapshots say which role a colour plays. */
export const PALETTE: Palette = {
  foreground: '#cccccc',
  muted: '#999999',
  grid: '#454545',
  background: '#1e1e1e',
  fn: '#3794ff',
  derivative: '#d18616',
  inputs: '#eeeeee',
  soft: '#cca700',
  hard: '#f14c4c',
  dead: '#b180d7',
  numericDead: '#ff0000',
  series: ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'],
  fontFamily: 'sans-serif',
  highContrast: false,
};

export const STRINGS: Strings = { ...UI_STRINGS };

/** Rounds to 6 significant digits; non-finite numbers become strings (JSON has none). */
function num(v: number): number | string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return 0;
  return Number(v.toPrecision(6));
}

/** Stable JSON form: functions → "[function]", numbers rounded, arrays over 12 items sampled with their length. */
export function snapshot(value: unknown): unknown {
  if (typeof value === 'function') return '[function]';
  if (typeof value === 'number') return num(value);
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value)) return snapshot(Array.from(value as unknown as ArrayLike<number>));
  if (Array.isArray(value)) {
    if (value.length <= 12) return value.map(snapshot);
    const picks: Record<string, unknown> = { length: value.length };
    const n = value.length;
    for (const i of [0, 1, 2, Math.floor(n / 4), Math.floor(n / 2), Math.floor((3 * n) / 4), n - 2, n - 1]) {
      picks[`[${i}]`] = snapshot(value[i]);
    }
    return picks;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    out[k] = snapshot(v);
  }
  return out;
}

/** A unified-style line diff (LCS), with `context` unchanged lines around each change, at most `max` lines. */
export function lineDiff(expected: string, actual: string, context = 2, max = 60): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the LCS of a[i..] and b[j..]
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops: Array<{ op: ' ' | '-' | '+'; line: string; at: number }> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ op: ' ', line: a[i], at: i + 1 });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      ops.push({ op: '+', line: b[j], at: i + 1 });
      j++;
    } else {
      ops.push({ op: '-', line: a[i], at: i + 1 });
      i++;
    }
  }
  const keep = new Uint8Array(ops.length);
  ops.forEach((o, k) => {
    if (o.op === ' ') return;
    for (let c = Math.max(0, k - context); c <= Math.min(ops.length - 1, k + context); c++) keep[c] = 1;
  });
  const out: string[] = [];
  let gap = false;
  for (let k = 0; k < ops.length && out.length < max; k++) {
    if (!keep[k]) {
      gap = true;
      continue;
    }
    if (gap || out.length === 0) out.push(`@@ line ${ops[k].at} (- expected, + actual)`);
    gap = false;
    out.push(`${ops[k].op} ${ops[k].line}`);
  }
  return out.join('\n');
}

/** Compares `value` (snapshotted) with fixtures/chart/<name>.json; UPDATE_FIXTURES=1 writes it instead. */
export function matchFixture(name: string, value: unknown): void {
  const file = join(FIXTURES, `${name}.json`);
  const text = `${JSON.stringify(snapshot(value), null, 2)}\n`;
  if (process.env.UPDATE_FIXTURES === '1') {
    mkdirSync(FIXTURES, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  assert.ok(existsSync(file), `Missing fixture ${file}: run the tests with UPDATE_FIXTURES=1 to create it.`);
  const expected = readFileSync(file, 'utf8');
  if (expected !== text) {
    assert.fail(
      `Chart snapshot "${name}" differs from ${file}:\n${lineDiff(expected, text)}\n` +
        'If the change is intended, rerun with UPDATE_FIXTURES=1 and review the fixture diff.',
    );
  }
}
