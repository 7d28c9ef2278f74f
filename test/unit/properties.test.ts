// The ActivationProperties in the registry (reference §2.A), checked numerically on the exact dialect with
// default parameters: monotonicity by sampling, boundedness by the limits, zero-centring by f(−x) = −f(x),
// smoothness by jumps of f′ (C0) and of f″ (C1) on a fine grid, saturation by the derivative far out.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATION_IDS, evaluate, getActivation } from '../../src/core/activations';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const f = (id: string, xs: number[]): Float64Array => evaluate(id, xs, [xs.length]).values as Float64Array;
const df = (id: string, xs: number[]): Float64Array =>
  evaluate(id, xs, [xs.length]).derivative as Float64Array;
const grid = (lo: number, hi: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

const ELEMENTWISE = ACTIVATION_IDS.filter((id) => !getActivation(id).vector);

suite('monotonic', () => {
  for (const id of ELEMENTWISE) {
    test(`${id}: ${getActivation(id).properties.monotonic}`, () => {
      const xs = grid(-8, 8, 4001);
      const y = f(id, xs);
      let neg = 0;
      let zero = 0;
      for (let i = 1; i < y.length; i++) {
        const d = y[i] - y[i - 1];
        if (d < 0) neg++;
        else if (d === 0) zero++;
      }
      const expected = neg > 0 ? 'no' : zero > 0 ? 'non-decreasing' : 'strict';
      assert.equal(getActivation(id).properties.monotonic, expected);
    });
  }
});

suite('bounded', () => {
  for (const id of ELEMENTWISE) {
    test(`${id}: ${getActivation(id).properties.bounded}`, () => {
      const [lo, hi] = f(id, [-1e6, 1e6]);
      // Also sample: a bounded side must not exceed its limit inside the domain by much.
      const below = lo > -10;
      const above = hi < 10;
      const expected = below && above ? 'both' : below ? 'below' : above ? 'above' : 'none';
      assert.equal(getActivation(id).properties.bounded, expected, `f(−1e6) = ${lo}, f(1e6) = ${hi}`);
    });
  }
});

suite('zero-centred (odd)', () => {
  for (const id of ELEMENTWISE) {
    test(`${id}: ${String(getActivation(id).properties.zeroCentred)}`, () => {
      const xs = grid(0.01, 10, 500);
      const p = f(id, xs);
      const n = f(
        id,
        xs.map((x) => -x),
      );
      const odd = xs.every((_, i) => Math.abs(p[i] + n[i]) <= 1e-15 * Math.abs(p[i]));
      assert.equal(getActivation(id).properties.zeroCentred, odd);
    });
  }
});

suite('smoothness', () => {
  for (const id of ELEMENTWISE) {
    test(`${id}: ${getActivation(id).properties.smoothness}`, () => {
      // A grid with a node exactly on every kink candidate (0, ±3, 6, −1.5…): step 1/1024 on [−8, 8].
      const h = 1 / 1024;
      const xs = grid(-8, 8, 16 * 1024 + 1);
      const d = df(id, xs);
      let maxJump1 = 0;
      let maxJump2 = 0;
      for (let i = 1; i + 1 < d.length; i++) {
        // Relative to the local size of f′ (so that e^x's growth is not mistaken for a jump).
        const scale = 1 + Math.abs(d[i]);
        maxJump1 = Math.max(maxJump1, Math.abs(d[i] - d[i - 1]) / scale);
        // Second differences of f′ ≈ f‴·h² for smooth f, ≈ the jump of f″ times h where f″ jumps.
        const s2 = Math.abs(d[i + 1] - 2 * d[i] + d[i - 1]);
        maxJump2 = Math.max(maxJump2, s2 / h / scale);
      }
      // f′ jumps (C0): a relative jump ≥ 0.02 between neighbours; otherwise ≤ max|f″|·h ≈ 2e-3.
      // f″ jumps (C1): second difference / h ≥ 0.1; smooth: ≤ max|f‴|·h ≈ 1e-2.
      const expected = maxJump1 > 0.02 ? 'C0' : maxJump2 > 0.1 ? 'C1' : 'Cinf';
      assert.equal(getActivation(id).properties.smoothness, expected, `Δf′ ${maxJump1}, Δ²f′/h ${maxJump2}`);
    });
  }
});

suite('left / right saturation (the seed′s 左饱和 / 右饱和)', () => {
  /** 'hard': f′ = 0 exactly far out; 'soft': f′ ≠ 0 but → 0; 'none': |f′| stays away from 0. */
  function kind(id: string, sign: -1 | 1): string {
    const xs = [10, 20, 40, 80, 160, 320, 640].map((x) => sign * x);
    const d = Array.from(df(id, xs), Math.abs);
    if (d.every((v) => v === 0)) return 'hard';
    const decreasing = d.every((v, i) => i === 0 || v <= d[i - 1]);
    if (d[1] > 0 && decreasing && d[d.length - 1] < 1e-5) return 'soft';
    if (d.every((v) => v >= 1e-3)) return 'none';
    return 'unclear';
  }
  for (const id of ELEMENTWISE) {
    const p = getActivation(id).properties;
    test(`${id}: left ${p.leftSaturation}, right ${p.rightSaturation}`, () => {
      assert.equal(kind(id, -1), p.leftSaturation, 'left');
      assert.equal(kind(id, 1), p.rightSaturation, 'right');
    });
  }
});

suite('vector activations, as functions of their own logit with the others fixed', () => {
  test('softmax: strictly increasing, bounded in (0, 1), soft on both sides; log_softmax: bounded above, right soft', () => {
    const others = [0.5, -1];
    const xs = grid(-30, 30, 601);
    const s = xs.map((x) => evaluate('softmax', [x, ...others], [3]).values[0]);
    const ds = xs.map((x) => evaluate('softmax', [x, ...others], [3]).derivative[0]);
    assert.ok(s.every((v, i) => i === 0 || v > s[i - 1]));
    assert.ok(s.every((v) => v > 0 && v < 1));
    assert.ok(ds[0] > 0 && ds[0] < 1e-10 && ds[600] > 0 && ds[600] < 1e-10);
    const p = getActivation('softmax').properties;
    assert.deepEqual(
      [p.monotonic, p.bounded, p.leftSaturation, p.rightSaturation],
      ['strict', 'both', 'soft', 'soft'],
    );
    const l = xs.map((x) => evaluate('log_softmax', [x, ...others], [3]));
    assert.ok(l.every((r) => r.values[0] < 0));
    assert.ok(Math.abs(l[0].derivative[0] - 1) < 1e-10 && l[600].derivative[0] < 1e-10);
    const q = getActivation('log_softmax').properties;
    assert.deepEqual(
      [q.monotonic, q.bounded, q.leftSaturation, q.rightSaturation],
      ['strict', 'above', 'none', 'soft'],
    );
  });
});
