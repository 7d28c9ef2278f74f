// NumPy as the oracle of the NumPy printer (the `jax` dialect prints float32 NumPy text, `exact` float64 NumPy
// text, TensorFlow wraps NumPy's str): str(ndarray) and str(scalar) of the core's own results for every
// activation, plus layout edge cases (summarised, wide, 3-D, ±inf/NaN, tiny and huge magnitudes), through
// NumPy 1.24 (Debian, /usr/bin/python3) and, when the default python3 has one, NumPy 2.x. One process each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ACTIVATION_IDS, evaluate, formatArray, getActivation, type DType } from './core';
import {
  EDGE_VALUES,
  elementwiseInputs,
  f32Bits,
  f64Bits,
  logGrid,
  uniformGrid,
  vectorInputs,
} from './inputs';
import { DEBIAN_PYTHON, pythonHas, runPython } from './python';
import { writeReport } from './report';

interface PrintCase {
  key: string;
  dtype: DType;
  values: number[];
  shape: number[];
}

const cases: PrintCase[] = [];
const add = (key: string, dtype: DType, values: ArrayLike<number>, shape: number[]): void => {
  const v = Array.from(values, (x) => (dtype === 'float32' ? Math.fround(x) : x));
  cases.push({ key: `${key}|${dtype}`, dtype, values: v, shape });
};
// The core's results, as the jax (float32) and exact (float64) dialects print them.
for (const id of ACTIVATION_IDS) {
  const inputs = getActivation(id).vector ? vectorInputs() : elementwiseInputs();
  for (const input of inputs) {
    const jax = evaluate(id, input.values, input.shape, { dialect: 'jax' });
    add(`${id} jax ${input.name}`, 'float32', jax.values, input.shape);
    add(`${id}' jax ${input.name}`, 'float32', jax.derivative, input.shape);
    const exact = evaluate(id, input.values, input.shape, { dialect: 'exact' });
    add(`${id} exact ${input.name}`, 'float64', exact.values, input.shape);
  }
}
// Layout: summarised (> 1000 elements), wide rows, 3-D, magnitudes around the scientific cut-offs, scalars.
for (const dtype of ['float32', 'float64'] as const) {
  add('summarised 1-D', dtype, uniformGrid(1, 1200, -5, 5), [1200]);
  add('summarised 2-D', dtype, uniformGrid(2, 40 * 40, -1, 1), [40, 40]);
  add('wide 2-D', dtype, logGrid(3, 60), [3, 20]);
  add('3-D', dtype, uniformGrid(4, 24, -100, 100), [2, 3, 4]);
  add('edges', dtype, EDGE_VALUES, [EDGE_VALUES.length]);
  add('integers', dtype, [-3, -2, -1, 0, 1, 2, 3], [7]);
  add('1e5..1e9', dtype, [1e5, 5e5, 1e6, 2e6, 1e7, 9.9e7, 1e8, 1e9].slice(0, 4), [4]);
  add('below 1e6', dtype, [999999, 1.5, -2], [3]);
  add('at 1e6', dtype, [1e6, 1.5, -2], [3]);
  add('at 1e8', dtype, [1e8, 1.5], [2]);
  add('tiny', dtype, [1e-5, 0.5], [2]);
  add('tiny 1e-4', dtype, [1e-4, 0.5], [2]);
  add('empty', dtype, [], [0]);
  for (const s of [0.1, 1 / 3, 1e-5, 1e16, 123456789, 2 ** -149, NaN, -Infinity, -0, 0.880797])
    add(`scalar ${s}`, dtype, [s], []);
}

interface NumpyReply {
  numpy: string;
  prints: Record<string, string>;
}

function request(): unknown {
  return {
    prints: cases.map((c) => ({
      key: c.key,
      dtype: c.dtype,
      x: c.dtype === 'float32' ? f32Bits(c.values) : f64Bits(c.values),
      shape: c.shape,
    })),
  };
}

/** The NumPy 2.x of the default python3, if there is one (not installed by the project: optional). */
function numpy2Python(): string | null {
  const r = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  return !r.error && r.status === 0 && /^2\./.test(r.stdout.trim()) ? 'python3' : null;
}

const debian = pythonHas(DEBIAN_PYTHON, ['numpy'])
  ? runPython<NumpyReply>(DEBIAN_PYTHON, 'numpy_oracle.py', request())
  : { ok: false, error: `${DEBIAN_PYTHON} cannot import numpy (run scripts/install-system-deps.sh)` };
const py2 = numpy2Python();
const modern = py2 ? runPython<NumpyReply>(py2, 'numpy_oracle.py', request()) : null;

/**
 * Known version difference (README): NumPy ≥ 2.3 prints float32 in scientific notation from 1e6 — arrays and
 * scalars — while float64 keeps 1e8 (arrays) and 1e16 (scalars); NumPy 1.24 uses the float64 cut-offs for float32
 * too. The core prints as NumPy 2.4 does, so with 1.24 a float32 scalar in [1e6, 1e16), or a float32 array whose
 * largest |value| lies in [1e6, 1e8), prints differently. These cases are exactly that.
 */
function numpy124Differs(c: PrintCase): boolean {
  if (c.dtype !== 'float32') return false;
  if (c.shape.length === 0) return Math.abs(c.values[0]) >= 1e6 && Math.abs(c.values[0]) < 1e16;
  const finite = c.values.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs);
  if (finite.length === 0) return false;
  const max = Math.max(...finite);
  const min = Math.min(...finite);
  // NumPy's exp-format rule: max ≥ cut-off, or min < 1e-4, or max/min > 1e3. Only the cut-off moved.
  return max >= 1e6 && max < 1e8 && !(min < 1e-4 || max / min > 1e3);
}

const stats = { cases: 0, elements: 0, prints: 0, inexact: 0 };

function comparePrints(
  reply: { ok: boolean; result?: NumpyReply; error?: string },
  numpy2: boolean,
): string[] {
  assert.ok(reply.ok && reply.result, reply.error);
  const problems: string[] = [];
  let versionDiffs = 0;
  for (const c of cases) {
    const real = reply.result.prints[c.key];
    const core = formatArray(c.values, c.shape, 'numpy', c.dtype);
    stats.prints++;
    stats.elements += c.values.length;
    if (!numpy2 && numpy124Differs(c)) {
      versionDiffs++;
      if (core === real) problems.push(`${c.key}: expected the documented 1.24 difference, but they agree`);
      continue;
    }
    if (core !== real) problems.push(`${c.key}:\n  numpy: ${real}\n  core:  ${core}`);
  }
  if (!numpy2) assert.ok(versionDiffs > 0, 'the 1e6 float32 cut-off case must be exercised');
  return problems;
}

void test('numpy 1.24 (Debian): str() of every printed case matches the core (bar the documented 2.3 cut-off)', () => {
  const problems = comparePrints(debian, false);
  assert.equal(problems.length, 0, problems.slice(0, 12).join('\n'));
});

void test('numpy 2.x (default python3, when present): str() of every printed case matches the core', (t) => {
  if (!modern) {
    t.skip('the default python3 has no NumPy 2.x');
    return;
  }
  const problems = comparePrints(modern, true);
  assert.equal(problems.length, 0, problems.slice(0, 12).join('\n'));
});

void test('numpy: report', () => {
  assert.ok(debian.ok && debian.result, debian.error);
  stats.cases = cases.length;
  const versions = [debian.result.numpy, modern?.result?.numpy].filter(Boolean).join(' + ');
  writeReport({ framework: 'numpy', version: versions, ...stats });
});
