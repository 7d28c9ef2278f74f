// saturationBands against a brute-force scan of the exact derivative on a fine grid, endpoint accuracy
// (|f'| crosses ε within ±1e-9 of each endpoint), kinds (soft / hard / dead), sides, validation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, getActivation } from '../../src/core/activations';
import { saturationBands } from '../../src/core/saturation';
import type { SaturationBand } from '../../src/core/types';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const D: [number, number] = [-30, 30];
const IDS = [
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'elu',
  'selu',
  'celu',
  'gelu',
  'gelu_tanh',
  'silu',
  'mish',
  'softplus',
  'softsign',
  'hard_sigmoid',
  'hard_swish',
  'relu6',
  'exponential',
  'log_sigmoid',
  'prelu',
];
const EPSILONS = [0.1, 0.01, 1e-3, 1e-6];
const KINKS: Record<string, number[]> = {
  relu: [0],
  relu6: [0, 6],
  leaky_relu: [0],
  prelu: [0],
  elu: [0],
  selu: [0],
  hard_sigmoid: [-3, 3],
  hard_swish: [-3, 3],
};

const deriv = (id: string, xs: number[], params?: Record<string, number>): Float64Array =>
  evaluate(id, xs, [xs.length], { params }).derivative as Float64Array;

function inBands(bands: SaturationBand[], x: number): boolean {
  return bands.some((b) => x >= b.from && x <= b.to);
}
function nearEndpoint(bands: SaturationBand[], x: number, tol: number): boolean {
  return bands.some((b) => Math.abs(x - b.from) <= tol || Math.abs(x - b.to) <= tol);
}

suite('saturationBands = brute force on a 0.001 grid', () => {
  for (const id of IDS) {
    test(id, () => {
      const n = 60001;
      const xs = Array.from({ length: n }, (_, i) => D[0] + ((D[1] - D[0]) * i) / (n - 1));
      const d = deriv(id, xs);
      for (const eps of EPSILONS) {
        const bands = saturationBands(id, { epsilon: eps, domain: D });
        // Bands are ordered, disjoint and inside the domain.
        for (let i = 0; i < bands.length; i++) {
          assert.ok(bands[i].from >= D[0] && bands[i].to <= D[1] && bands[i].from < bands[i].to);
          if (i > 0) assert.ok(bands[i].from >= bands[i - 1].to);
        }
        for (let i = 0; i < n; i++) {
          if (nearEndpoint(bands, xs[i], 1e-9)) continue;
          const saturated = Math.abs(d[i]) < eps;
          assert.equal(inBands(bands, xs[i]), saturated, `${id} ε=${eps} at x=${xs[i]} (f'=${d[i]})`);
        }
      }
    });
  }
});

suite('band endpoints are accurate to 1e-9 in x', () => {
  for (const id of IDS) {
    test(id, () => {
      for (const eps of EPSILONS) {
        for (const b of saturationBands(id, { epsilon: eps, domain: D })) {
          for (const e of [b.from, b.to]) {
            if (e === D[0] || e === D[1]) continue;
            if ((KINKS[id] ?? []).includes(e)) continue;
            const [l, r] = deriv(id, [e - 1e-9, e + 1e-9]);
            const below = [Math.abs(l) < eps, Math.abs(r) < eps];
            assert.notEqual(below[0], below[1], `${id} ε=${eps}: |f'| must cross ε at ${e} (${l}, ${r})`);
            const [de] = deriv(id, [e]);
            assert.ok(
              Math.abs(Math.abs(de) - eps) <= 1e-6 * eps + 1e-12,
              `${id} |f'(${e})| = ${de} ≈ ${eps}`,
            );
          }
        }
      }
    });
  }
});

suite('specific bands', () => {
  test('sigmoid, ε = 0.01: σ′(x) = 0.01 at x = ±4.58486 (and 4.5951 is where σ(x) = 0.01 instead)', () => {
    const bands = saturationBands('sigmoid', { epsilon: 0.01, domain: D });
    assert.equal(bands.length, 2);
    assert.deepEqual(
      bands.map((b) => [b.side, b.kind]),
      [
        ['left', 'soft'],
        ['right', 'soft'],
      ],
    );
    // Closed form: σ(1 − σ) = ε ⇔ x = ±2·ln((1 + √(1 − 4ε))/(2√ε)).
    const x = 2 * Math.log((1 + Math.sqrt(0.96)) / 0.2);
    assert.ok(Math.abs(bands[0].to + x) < 1e-12 && Math.abs(bands[1].from - x) < 1e-12);
    assert.ok(Math.abs(x - 4.584863) < 1e-6);
    const s = 1 / (1 + Math.exp(-x));
    assert.ok(Math.abs(s * (1 - s) - 0.01) < 1e-15);
    // ln 99 = 4.59512 is the softplus band (σ(x) = 0.01), not the sigmoid one.
    const sp = saturationBands('softplus', { epsilon: 0.01, domain: D });
    assert.ok(Math.abs(sp[0].to + Math.log(99)) < 1e-12);
  });
  test('tanh, ε = 0.01: ±ln((1 + √0.99)/0.1) = ±2.99322', () => {
    const b = saturationBands('tanh', { epsilon: 0.01, domain: D });
    const x = Math.log((1 + Math.sqrt(0.99)) / 0.1);
    assert.ok(Math.abs(b[0].to + x) < 1e-12 && Math.abs(b[1].from - x) < 1e-12);
  });
  test('relu: a dead left band for any ε ≤ 1; with ε > 1 the right side is a soft band too', () => {
    assert.deepEqual(saturationBands('relu', { epsilon: 1e-6, domain: [-5, 5] }), [
      { from: -5, to: 0, side: 'left', kind: 'dead' },
    ]);
    assert.deepEqual(saturationBands('relu', { epsilon: 2, domain: [-5, 5] }), [
      { from: -5, to: 0, side: 'left', kind: 'dead' },
      { from: 0, to: 5, side: 'right', kind: 'soft' },
    ]);
  });
  test('relu6 / hard_sigmoid: dead on the left (f = 0), hard on the right (f constant ≠ 0)', () => {
    assert.deepEqual(
      saturationBands('relu6', { epsilon: 0.5, domain: [-10, 10] }).map((b) => [
        b.from,
        b.to,
        b.side,
        b.kind,
      ]),
      [
        [-10, 0, 'left', 'dead'],
        [6, 10, 'right', 'hard'],
      ],
    );
    assert.deepEqual(
      saturationBands('hard_sigmoid', { epsilon: 0.1, domain: [-10, 10] }).map((b) => [b.from, b.to, b.kind]),
      [
        [-10, -3, 'dead'],
        [3, 10, 'hard'],
      ],
    );
    // TensorFlow's Keras 2 hard_sigmoid is flat beyond ±2.5 instead.
    assert.deepEqual(
      saturationBands('hard_sigmoid', { epsilon: 0.1, domain: [-10, 10], dialect: 'tensorflow' }).map((b) => [
        b.from,
        b.to,
      ]),
      [
        [-10, -2.5],
        [2.5, 10],
      ],
    );
  });
  test('non-monotonic functions have an interior band around the minimum of f', () => {
    for (const id of ['gelu', 'gelu_tanh', 'silu', 'mish', 'hard_swish']) {
      const bands = saturationBands(id, { epsilon: 0.01, domain: D });
      const interior = bands.filter((b) => b.side === 'interior');
      assert.equal(interior.length, 1, id);
      const [d] = deriv(id, [(interior[0].from + interior[0].to) / 2]);
      assert.ok(Math.abs(d) < 0.01);
    }
    // gelu: with ε above max|f′| on the left (0.1289), the tail and the interior band merge.
    const merged = saturationBands('gelu', { epsilon: 0.2, domain: D });
    assert.equal(merged.length, 1);
    assert.equal(merged[0].side, 'left');
  });
  test('leaky forms: no band while α ≥ ε; a soft band when α < ε (α = 0.001, ε = 0.01)', () => {
    assert.deepEqual(saturationBands('leaky_relu', { epsilon: 0.01, domain: D }), []);
    assert.deepEqual(saturationBands('leaky_relu', { epsilon: 0.01, domain: D, params: { alpha: 0.001 } }), [
      { from: -30, to: 0, side: 'left', kind: 'soft' },
    ]);
    assert.equal(getActivation('leaky_relu').properties.leftSaturation, 'none');
    assert.deepEqual(saturationBands('leaky_relu', { epsilon: 0.01, domain: D, params: { alpha: 0 } }), [
      { from: -30, to: 0, side: 'left', kind: 'dead' },
    ]);
    assert.deepEqual(saturationBands('prelu', { epsilon: 0.3, domain: D }), [
      { from: -30, to: 0, side: 'left', kind: 'soft' },
    ]);
  });
  test('parameters move the bands: elu α, celu α, silu β, softplus β', () => {
    const elu = saturationBands('elu', { epsilon: 0.01, domain: D, params: { alpha: 2 } });
    assert.ok(Math.abs(elu[0].to - Math.log(0.005)) < 1e-12);
    const celu = saturationBands('celu', { epsilon: 0.01, domain: D, params: { alpha: 2 } });
    assert.ok(Math.abs(celu[0].to - 2 * Math.log(0.01)) < 1e-12);
    const silu1 = saturationBands('silu', { epsilon: 0.01, domain: D });
    const silu2 = saturationBands('silu', { epsilon: 0.01, domain: D, params: { beta: 2 } });
    assert.ok(Math.abs(silu2[0].to - silu1[0].to / 2) < 1e-9);
    const sp = saturationBands('softplus', { epsilon: 0.01, domain: D, params: { beta: 3 } });
    assert.ok(Math.abs(sp[0].to + Math.log(99) / 3) < 1e-12);
  });
  test('a band covering the whole domain is "interior"; vector activations have no bands', () => {
    assert.deepEqual(saturationBands('sigmoid', { epsilon: 0.3, domain: [-1, 1] }), [
      { from: -1, to: 1, side: 'interior', kind: 'soft' },
    ]);
    assert.deepEqual(saturationBands('softmax', { epsilon: 0.01, domain: D }), []);
    assert.deepEqual(saturationBands('log_softmax', { epsilon: 0.01, domain: D }), []);
  });
  test('validation', () => {
    assert.throws(() => saturationBands('sigmoid', { epsilon: 0, domain: D }), /epsilon/);
    assert.throws(() => saturationBands('sigmoid', { epsilon: NaN, domain: D }), /epsilon/);
    assert.throws(() => saturationBands('sigmoid', { epsilon: 0.1, domain: [1, -1] }), /domain/);
    assert.throws(() => saturationBands('sigmoid', { epsilon: 0.1, domain: [-Infinity, 1] }), /domain/);
    assert.throws(() => saturationBands('swish', { epsilon: 0.1, domain: D }), /Unknown activation/);
    assert.throws(
      () => saturationBands('elu', { epsilon: 0.1, domain: D, params: { beta: 1 } }),
      /Unknown parameter/,
    );
  });
});
