// numericallyDeadBands: the framework's float32 gradient is exactly 0 on the reported side of the
// threshold and not 0 one float32 before it; thresholds match the mechanisms (clamps, exp(x) − 1 → −1,
// outputs rounding to their asymptote, exp underflow with or without flush-to-zero).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../src/core/activations';
import { nextFloat32 } from '../../src/core/activations/float32';
import { numericallyDeadBands } from '../../src/core/saturation';
import type { Dialect } from '../../src/core/types';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const D: [number, number] = [-200, 200];

/** The dialect's gradient at float32 x (TF on its packet path, like the scan). */
function grad(id: string, x: number, dialect: Dialect): number {
  return evaluate(id, [x], [1], { dialect, eigenPath: 'packet' }).derivative[0];
}

/** Asserts the band's threshold: 0 at it and on a sample of points beyond it, not 0 one float32 inside. */
function checkThreshold(id: string, dialect: Dialect, t: number, side: 'left' | 'right', edge: number): void {
  assert.equal(Math.fround(t), t, 'threshold is a float32');
  assert.equal(grad(id, t, dialect), 0, `${dialect} ${id}: gradient at ${t}`);
  const before = nextFloat32(t, side === 'left');
  assert.notEqual(grad(id, before, dialect), 0, `${dialect} ${id}: gradient just outside at ${before}`);
  let x = t;
  for (let k = 0; k < 2000; k++) {
    x = nextFloat32(x, side === 'right');
    assert.equal(grad(id, x, dialect), 0, `${dialect} ${id}: gradient at ${x}`);
  }
  for (let k = 0; k <= 100; k++) {
    const v = Math.fround(t + ((edge - t) * k) / 100);
    assert.equal(grad(id, v, dialect), 0, `${dialect} ${id}: gradient at ${v}`);
  }
}

const CASES: Array<{
  id: string;
  dialect: Dialect;
  left?: [number, number];
  right?: [number, number];
  why: string;
}> = [
  {
    id: 'sigmoid',
    dialect: 'tensorflow',
    left: [-18, -18],
    right: [17.9, 18],
    why: '2018 rational clamped at ±18',
  },
  { id: 'tanh', dialect: 'tensorflow', left: [-9, -8.99], right: [8.99, 9], why: 'Eigen clamp ±9' },
  { id: 'elu', dialect: 'tensorflow', left: [-17.33, -17.32], why: 'exp(x) − 1 rounds to −1 below ln 2⁻²⁵' },
  { id: 'selu', dialect: 'tensorflow', left: [-17.33, -17.32], why: 'same exp(x) − 1' },
  { id: 'exponential', dialect: 'tensorflow', left: [-87.34, -87.33], why: 'exp flushed below FLT_MIN' },
  { id: 'log_sigmoid', dialect: 'tensorflow', right: [87.33, 87.34], why: '1/(exp(x)+1) flushed' },
  {
    id: 'sigmoid',
    dialect: 'pytorch',
    left: [-88.73, -88.72],
    right: [16.6355, 16.6356],
    why: '1 + exp(−x) rounds to 1; exp overflows',
  },
  {
    id: 'tanh',
    dialect: 'pytorch',
    left: [-9.011, -9.0109],
    right: [9.0109, 9.011],
    why: 'tanh rounds to ±1',
  },
  {
    id: 'elu',
    dialect: 'pytorch',
    left: [-103.98, -103.97],
    why: 'gradient α·exp(x) from the input: only denormal underflow',
  },
  { id: 'elu', dialect: 'jax', left: [-17.33, -17.32], why: 'expm1 JVP from the output' },
  {
    id: 'tanh',
    dialect: 'jax',
    left: [-7.9989, -7.9988],
    right: [7.9988, 7.9989],
    why: 'XLA clamp 7.99881 (FMA)',
  },
  {
    id: 'sigmoid',
    dialect: 'jax',
    left: [-87.34, -87.33],
    right: [16.6355, 16.6356],
    why: 'FTZ on the left',
  },
];

suite('numerically dead bands: gradient exactly 0 inside, nonzero just outside', () => {
  for (const c of CASES) {
    test(`${c.dialect} ${c.id} (${c.why})`, () => {
      const bands = numericallyDeadBands(c.id, { epsilon: 0.01, domain: D, dialect: c.dialect });
      const left = bands.find((b) => b.side === 'left');
      const right = bands.find((b) => b.side === 'right');
      assert.equal(Boolean(left), Boolean(c.left), 'left band');
      assert.equal(Boolean(right), Boolean(c.right), 'right band');
      if (left && c.left) {
        assert.equal(left.from, D[0]);
        assert.ok(left.to >= c.left[0] && left.to <= c.left[1], `left threshold ${left.to}`);
        checkThreshold(c.id, c.dialect, left.to, 'left', D[0]);
      }
      if (right && c.right) {
        assert.equal(right.to, D[1]);
        assert.ok(right.from >= c.right[0] && right.from <= c.right[1], `right threshold ${right.from}`);
        checkThreshold(c.id, c.dialect, right.from, 'right', D[1]);
      }
    });
  }
  test('TF ELU threshold is the largest float32 ≤ ln(2⁻²⁵) = −17.3286795…', () => {
    const [b] = numericallyDeadBands('elu', { epsilon: 0.01, domain: D, dialect: 'tensorflow' });
    assert.ok(b.to <= -25 * Math.LN2 && nextFloat32(b.to, true) > -25 * Math.LN2);
  });
  test('softsign: only where (1 + |x|)² leaves float32 (TF flushes 1/(1+|x|)² below FLT_MIN)', () => {
    const [l, r] = numericallyDeadBands('softsign', {
      epsilon: 0.01,
      domain: [-1e30, 1e30],
      dialect: 'tensorflow',
    });
    assert.ok(r.from > 9e18 && r.from < 1e19 && l.to === -r.from);
  });
});

suite('no numerically dead band', () => {
  test('exact dialect and vector activations', () => {
    assert.deepEqual(numericallyDeadBands('sigmoid', { epsilon: 0.01, domain: D }), []);
    assert.deepEqual(
      numericallyDeadBands('softmax', { epsilon: 0.01, domain: D, dialect: 'tensorflow' }),
      [],
    );
  });
  test('structural zeros are not numerical: relu, relu6, hard_sigmoid in every framework', () => {
    for (const dialect of ['tensorflow', 'pytorch', 'jax'] as Dialect[]) {
      for (const id of ['relu', 'relu6', 'hard_sigmoid', 'hard_swish', 'leaky_relu']) {
        assert.deepEqual(
          numericallyDeadBands(id, { epsilon: 0.01, domain: D, dialect }),
          [],
          `${dialect} ${id}`,
        );
      }
    }
  });
  test('a domain that stops short of the threshold', () => {
    assert.deepEqual(
      numericallyDeadBands('sigmoid', { epsilon: 0.01, domain: [-10, 10], dialect: 'tensorflow' }),
      [],
    );
  });
  test('a domain entirely inside the dead zone is one band', () => {
    assert.deepEqual(
      numericallyDeadBands('elu', { epsilon: 0.01, domain: [-100, -50], dialect: 'tensorflow' }),
      [{ from: -100, to: -50, side: 'left' }],
    );
    assert.deepEqual(
      numericallyDeadBands('sigmoid', { epsilon: 0.01, domain: [20, 30], dialect: 'tensorflow' }),
      [{ from: 20, to: 30, side: 'right' }],
    );
  });
});
