// The frameworks' own documentation as a test corpus (test/fixtures/docstrings, see its README): each docstring
// example's call is hovered like user code — the detector, then the hover's evaluation in the call's dialect —
// and the numbers it shows are compared with the docstring's. A docstring marked `differs` (wrong, or
// version-dependent) must really differ, and the core must give the recorded `actual` values instead.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectAt, scanImportAliases } from '../../src/core';
import { evaluateDetection, type EvaluationSettings } from '../../src/core';

const DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'docstrings');
const SETTINGS: EvaluationSettings = {
  defaultActivation: 'sigmoid',
  defaultDialect: 'tensorflow',
  epsilon: 0.01,
  maxElements: 100_000,
};

interface DocCase {
  file: string;
  name: string;
  shows: string;
  verdict: 'agrees' | 'differs';
  actual: string | null;
  ignored: string[];
  /** Offset of the call line in the file, and the line. */
  offset: number;
  code: string;
}

/** Reads the cases of one fixture file (format: test/fixtures/docstrings/README.md). */
function readCases(file: string): DocCase[] {
  const text = fs.readFileSync(path.join(DIR, file), 'utf8');
  const cases: DocCase[] = [];
  let cur: Partial<DocCase> & { field?: string } = {};
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const m = /^# --- case: (.*)$/.exec(line);
    if (m) {
      cur = { file, name: m[1], ignored: [], actual: null };
      continue;
    }
    if (cur.name === undefined) continue;
    const f = /^# (shows|verdict|actual|ignored|why|note|source): ?(.*)$/.exec(line);
    if (f) {
      cur.field = f[1];
      if (f[1] === 'shows') cur.shows = f[2];
      else if (f[1] === 'verdict') cur.verdict = f[2].trim() as DocCase['verdict'];
      else if (f[1] === 'actual') cur.actual = f[2];
      else if (f[1] === 'ignored') cur.ignored = f[2].split(',').map((s) => s.trim());
      continue;
    }
    if (/^# {3}/.test(line)) {
      if (cur.field === 'shows') cur.shows += ' ' + line.slice(4);
      continue;
    }
    if (line.startsWith('#') || line.trim() === '') continue;
    assert.ok(cur.shows && cur.verdict, `${file}: case "${cur.name}" needs shows and verdict`);
    cases.push({ ...(cur as DocCase), offset: start, code: line });
    cur = {};
  }
  return cases;
}

/** The numbers of a printed array: what lies between its outermost brackets. */
function numbersOf(printed: string): string[] {
  const a = printed.indexOf('[');
  const b = printed.lastIndexOf(']');
  assert.ok(a >= 0 && b > a, `no bracketed values in ${printed}`);
  return printed.slice(a, b + 1).match(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|-?inf|nan/gi) ?? [];
}

/**
 * True when the float32 value `v` is what `shown` says: the same float32 (NumPy and TF print the shortest digits
 * that identify a float32), or — for PyTorch's fixed 4 decimals, and for numbers of 6 or more significant digits
 * (docstrings cut digits by hand; float64 prints keep 8) — `v` rounded to the digits shown. A short NumPy number
 * ("0.3") is exact: NumPy would have printed more digits for any other value.
 */
function agrees(v: number, shown: string, fixedDecimals: boolean): boolean {
  const t = Number(shown);
  if (Object.is(Math.fround(t), Math.fround(v)) || (t === 0 && v === 0)) return true;
  const m = /^-?(\d*)\.?(\d*)(?:e([-+]?\d+))?$/i.exec(shown);
  if (!m) return false;
  const significant = (m[1] + m[2]).replace(/^0+/, '').length;
  if (!fixedDecimals && significant < 6) return false;
  const unit = 10 ** (Number(m[3] ?? 0) - m[2].length);
  return Math.abs(v - t) <= unit / 2 + Math.abs(t) * 1e-12;
}

function disagreements(values: ArrayLike<number>, printed: string): string[] {
  const shown = numbersOf(printed);
  const fixed = printed.includes('tensor(');
  const out: string[] = [];
  assert.equal(values.length, shown.length, `${shown.length} numbers shown, ${values.length} computed`);
  for (let i = 0; i < shown.length; i++) {
    if (!agrees(values[i], shown[i], fixed)) out.push(`${shown[i]} ≠ ${values[i]}`);
  }
  return out;
}

const FILES = ['tensorflow.py', 'keras2.py', 'keras3.py', 'jax.py', 'pytorch.py'];

void describe('framework docstrings, hovered like user code', () => {
  for (const file of FILES) {
    const cases = readCases(file);
    const text = fs.readFileSync(path.join(DIR, file), 'utf8');
    const aliases = scanImportAliases(text, 'python');
    void it(`${file}: has cases`, () => assert.ok(cases.length > 0));
    for (const c of cases) {
      void it(`${file}: ${c.name} (${c.verdict})`, () => {
        const open = c.code.indexOf('(');
        const d = detectAt((s, e) => text.slice(s, e), text.length, c.offset + open - 1, 'python', {
          aliases,
        });
        assert.ok(d && d.kind === 'call', `no activation call detected in ${c.code}`);
        const ev = evaluateDetection(d, SETTINGS);
        assert.equal(ev.kind, 'ok', JSON.stringify(ev));
        if (ev.kind !== 'ok') return;
        for (const p of c.ignored)
          assert.ok(ev.source.ignoredParams.includes(p), `${p} should be reported as ignored`);
        const off = disagreements(ev.output, c.shows);
        if (c.verdict === 'agrees') {
          assert.deepEqual(off, [], `docstring ${c.shows}\n  core ${ev.printed}`);
        } else {
          assert.ok(off.length > 0, `marked "differs" but the core agrees with the docstring: ${ev.printed}`);
          assert.ok(c.actual, 'a "differs" case records the actual values');
          assert.deepEqual(disagreements(ev.output, `[${c.actual}]`), [], `core ${ev.printed}`);
        }
      });
    }
  }
});
