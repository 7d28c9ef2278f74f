// Framework dialects: float32 results, agreement with exact maths, the derivative at kinks per framework
// (reference §2.D), flush-to-zero, framework cut-offs, softmax along the last axis, Jacobians, sums.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ACTIVATION_IDS,
  evaluate,
  getActivation,
  reduceSum,
  softmaxJacobian,
} from '../../src/core/activations';
import { eigenFastTanh } from '../../src/core/activations/eigen';
import { nextFloat32 } from '../../src/core/activations/float32';
import type { Dialect } from '../../src/core/types';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const F = Math.fround;
const FRAMEWORKS: Dialect[] = ['tensorflow', 'pytorch', 'jax', 'tfjs'];

function grid(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1) + 1e-3);
}

const d0 = (id: string, x: number, dialect: Dialect, params?: Record<string, number>): number =>
  evaluate(id, [x], [1], { dialect, params }).derivative[0];

suite('framework dialects compute in float32 and stay close to the exact maths', () => {
  for (const id of ACTIVATION_IDS) {
    test(id, () => {
      const xs = grid(-8, 8, 401);
      const exact = evaluate(id, xs, [xs.length]);
      for (const dialect of FRAMEWORKS) {
        const r = evaluate(id, xs, [xs.length], { dialect });
        for (let i = 0; i < xs.length; i++) {
          assert.equal(F(r.values[i]), r.values[i], `${dialect} ${id} value is float32`);
          assert.equal(F(r.derivative[i]), r.derivative[i], `${dialect} ${id} derivative is float32`);
          // TF's hard_sigmoid is the Keras 2 form and leaky_relu defaults differ by dialect: compare shapes only
          // where the definitions agree.
          if (id === 'hard_sigmoid' && (dialect === 'tensorflow' || dialect === 'tfjs')) continue;
          if (id === 'leaky_relu' && dialect !== 'tensorflow' && dialect !== 'tfjs') continue;
          const tolV = 2e-5 * Math.abs(exact.values[i]) + 2e-6;
          assert.ok(
            Math.abs(r.values[i] - exact.values[i]) <= tolV,
            `${dialect} ${id}(${xs[i]}) = ${r.values[i]} vs ${exact.values[i]}`,
          );
          // PyTorch's softsign autograd (1/a − x/a²) cancels: looser there.
          const tolD = (id === 'softsign' ? 1e-3 : 5e-5) * Math.abs(exact.derivative[i]) + 2e-5;
          assert.ok(
            Math.abs(r.derivative[i] - exact.derivative[i]) <= tolD,
            `${dialect} ${id}'(${xs[i]}) = ${r.derivative[i]} vs ${exact.derivative[i]}`,
          );
        }
      }
    });
  }
});

suite('derivative at kinks, as each framework’s autodiff returns it (§2.D)', () => {
  const LAMBDA = F(1.0507009873554805);
  const LAMBDA_ALPHA_TF = F(1.7580993408473768);
  const LAMBDA_ALPHA_PT = F(F(1.6732632423543772) * F(1.0507009873554805));
  const cases: Array<[string, number, Record<string, number> | undefined, Record<Dialect, number>]> = [
    ['relu', 0, undefined, { exact: 1, tensorflow: 0, pytorch: 0, jax: 0, tfjs: 0 }],
    ['relu6', 0, undefined, { exact: 1, tensorflow: 0, pytorch: 0, jax: 0, tfjs: 0 }],
    ['relu6', 6, undefined, { exact: 0, tensorflow: 0, pytorch: 0, jax: 0, tfjs: 1 }],
    ['leaky_relu', 0, undefined, { exact: 1, tensorflow: F(0.2), pytorch: F(0.01), jax: 1, tfjs: F(0.2) }],
    ['prelu', 0, undefined, { exact: 1, tensorflow: 0, pytorch: 0.25, jax: 1, tfjs: F(0.25) }],
    ['elu', 0, undefined, { exact: 1, tensorflow: 1, pytorch: 1, jax: 1, tfjs: 1 }],
    ['elu', 0, { alpha: 2 }, { exact: 1, tensorflow: 2, pytorch: 2, jax: 2, tfjs: 1 }],
    [
      'selu',
      0,
      undefined,
      {
        exact: 1.0507009873554805,
        tensorflow: LAMBDA,
        pytorch: LAMBDA_ALPHA_PT,
        jax: LAMBDA_ALPHA_PT,
        tfjs: LAMBDA_ALPHA_TF,
      },
    ],
    ['celu', 0, undefined, { exact: 1, tensorflow: 2, pytorch: 1, jax: 1, tfjs: 1 }],
    ['gelu', 0, undefined, { exact: 0.5, tensorflow: 0.5, pytorch: 0.5, jax: 0.5, tfjs: 0.5 }],
    ['silu', 0, undefined, { exact: 0.5, tensorflow: 0.5, pytorch: 0.5, jax: 0.5, tfjs: 0.5 }],
    ['softsign', 0, undefined, { exact: 1, tensorflow: 1, pytorch: 1, jax: 1, tfjs: 1 }],
    [
      'hard_sigmoid',
      -2.5,
      undefined,
      { exact: 1 / 6, tensorflow: F(0.2), pytorch: F(1 / 6), jax: F(1 / 6), tfjs: F(0.2) },
    ],
    [
      'hard_sigmoid',
      2.5,
      undefined,
      { exact: 1 / 6, tensorflow: F(0.2), pytorch: F(1 / 6), jax: F(1 / 6), tfjs: F(0.2) },
    ],
    ['hard_sigmoid', -3, undefined, { exact: 1 / 6, tensorflow: 0, pytorch: 0, jax: 0, tfjs: 0 }],
    ['hard_sigmoid', 3, undefined, { exact: 0, tensorflow: 0, pytorch: 0, jax: 0, tfjs: 0 }],
    ['hard_swish', -3, undefined, { exact: -0.5, tensorflow: 0, pytorch: -0.5, jax: 0, tfjs: -0.5 }],
    ['hard_swish', 3, undefined, { exact: 1, tensorflow: 1, pytorch: 1.5, jax: 1, tfjs: 1 }],
  ];
  for (const [id, x, params, expected] of cases) {
    test(`${id}′(${x})${params ? ` ${JSON.stringify(params)}` : ''}`, () => {
      for (const dialect of ['exact', ...FRAMEWORKS] as Dialect[]) {
        assert.equal(d0(id, x, dialect, params), expected[dialect], `${dialect}`);
      }
    });
  }
  test('selu′(0): λ in TF, λα in PyTorch and JAX (and TF′s λα is the float32 constant)', () => {
    assert.ok(Math.abs(LAMBDA_ALPHA_TF - LAMBDA_ALPHA_PT) <= 2e-7);
    assert.notEqual(d0('selu', 0, 'tensorflow'), d0('selu', 0, 'pytorch'));
  });
  test('mish′(0) = tanh(ln 2) = 0.6', () => {
    for (const dialect of ['exact', ...FRAMEWORKS] as Dialect[])
      assert.ok(Math.abs(d0('mish', 0, dialect) - 0.6) < 1e-6);
  });
});

suite('numerical behaviour specific to a framework', () => {
  test('flush-to-zero: exp(−88) is 0 in TF and JAX, a denormal in PyTorch', () => {
    assert.equal(evaluate('exponential', [-88], [1], { dialect: 'tensorflow' }).values[0], 0);
    assert.equal(evaluate('exponential', [-88], [1], { dialect: 'jax' }).values[0], 0);
    const pt = evaluate('exponential', [-88], [1], { dialect: 'pytorch' }).values[0];
    assert.ok(pt > 0 && pt < 1.1754943508222875e-38 && pt === F(Math.exp(-88)));
  });
  test('TF softplus returns x above 13.942385 (1 ulp low at 14); PyTorch only above βx > 20; JAX never', () => {
    const tf = evaluate('softplus', [14, 13.9], [2], { dialect: 'tensorflow' }).values;
    assert.equal(tf[0], 14);
    assert.equal(tf[1], F(Math.log1p(F(Math.exp(F(13.9))))));
    const correctly = F(14 + Math.log1p(Math.exp(-14)));
    assert.equal(correctly, 14.000000953674316);
    assert.equal(evaluate('softplus', [14], [1], { dialect: 'pytorch' }).values[0], correctly);
    assert.equal(evaluate('softplus', [14], [1], { dialect: 'jax' }).values[0], correctly);
    assert.equal(evaluate('softplus', [20.5], [1], { dialect: 'pytorch' }).values[0], 20.5);
    assert.equal(
      evaluate('softplus', [20.5], [1], { dialect: 'pytorch', params: { threshold: 30 } }).values[0],
      F(20.5 + Math.log1p(Math.exp(-20.5))),
    );
  });
  test('ELU gradient: from the output in TF and JAX (exactly 0 below −17.33), from exp(x) in PyTorch', () => {
    assert.equal(d0('elu', -20, 'tensorflow'), 0);
    assert.equal(d0('elu', -20, 'jax'), 0);
    assert.equal(d0('elu', -20, 'pytorch'), F(Math.exp(-20)));
    assert.ok(d0('elu', -17, 'tensorflow') > 0);
  });
  test('GELU (erf): TF and PyTorch collapse to −0 below ≈ −5.66 (1 + erf rounds to 0); JAX′s erfc form does not', () => {
    const tf = evaluate('gelu', [-6], [1], { dialect: 'tensorflow' }).values[0];
    const pt = evaluate('gelu', [-6], [1], { dialect: 'pytorch' }).values[0];
    const jax = evaluate('gelu', [-6], [1], { dialect: 'jax' }).values[0];
    assert.ok(Object.is(tf, -0) && Object.is(pt, -0));
    assert.ok(jax < 0 && Math.abs(jax / (-6 * 0.5 * 1.9731752900753e-9) - 1) < 1e-5, `${jax}`);
  });
  test('XLA/Eigen clamps are the first float32 where the rational is exactly 1 (FMA 7.9988, non-FMA 7.9053)', () => {
    for (const [c, fma] of [
      [7.99881172180175781, true],
      [7.90531110763549805, false],
    ] as const) {
      const x = F(c);
      // Unclamped rational (clamp 100): exactly 1 at c, below 1 one float32 earlier.
      assert.equal(eigenFastTanh(x, fma, 100), 1);
      assert.ok(eigenFastTanh(nextFloat32(x, false), fma, 100) < 1);
      assert.equal(evaluate('tanh', [c + 1], [1], { dialect: 'jax', fma }).values[0], 1);
    }
    // |x| < 0.0004 returns x itself.
    assert.equal(evaluate('tanh', [0.0003], [1], { dialect: 'jax' }).values[0], F(0.0003));
  });
  test('JAX tanh gradient is (1 + y)(1 − y), TF and PyTorch use 1 − y²', () => {
    const x = 0.7;
    const y = evaluate('tanh', [x], [1], { dialect: 'jax' }).values[0];
    assert.equal(d0('tanh', x, 'jax'), F(F(1 + y) * F(1 - y)));
    const yt = evaluate('tanh', [x], [1], { dialect: 'tensorflow' }).values[0];
    assert.equal(d0('tanh', x, 'tensorflow'), F(1 - F(yt * yt)));
  });
  test('PyTorch sigmoid is 1/(1 + exp(−x)) in float32 and reaches exactly 1 at 16.635532', () => {
    assert.equal(evaluate('sigmoid', [16.635532], [1], { dialect: 'pytorch' }).values[0], 1);
    assert.ok(evaluate('sigmoid', [16.63553], [1], { dialect: 'pytorch' }).values[0] < 1);
  });
  test('framework NaN / ±Inf propagation (never throws)', () => {
    for (const dialect of ['exact', ...FRAMEWORKS] as Dialect[]) {
      for (const id of ACTIVATION_IDS) {
        const r = evaluate(id, [NaN, Infinity, -Infinity, 1], getActivation(id).vector ? [2, 2] : [4], {
          dialect,
        });
        if (!getActivation(id).vector) assert.ok(Number.isNaN(r.values[0]), `${dialect} ${id}(NaN)`);
      }
      assert.deepEqual(
        Array.from(evaluate('sigmoid', [Infinity, -Infinity], [2], { dialect }).values),
        [1, 0],
      );
      assert.deepEqual(Array.from(evaluate('tanh', [Infinity, -Infinity], [2], { dialect }).values), [1, -1]);
      assert.ok(Number.isNaN(evaluate('relu', [NaN], [1], { dialect }).values[0]));
    }
    // tf.nn.softsign(inf) is inf/inf = nan in TF, a limit in exact maths.
    assert.ok(Number.isNaN(evaluate('softsign', [Infinity], [1], { dialect: 'tensorflow' }).values[0]));
    assert.equal(evaluate('softsign', [Infinity], [1]).values[0], 1);
  });
});

suite('softmax / log_softmax along the last axis', () => {
  test('a [2, 3] batch is two independent rows', () => {
    for (const dialect of ['exact', ...FRAMEWORKS] as Dialect[]) {
      for (const id of ['softmax', 'log_softmax']) {
        const both = evaluate(id, [1, 2, 3, -5, 0, 5], [2, 3], { dialect });
        const a = evaluate(id, [1, 2, 3], [3], { dialect });
        const b = evaluate(id, [-5, 0, 5], [3], { dialect });
        assert.deepEqual(Array.from(both.values), [...Array.from(a.values), ...Array.from(b.values)]);
        assert.deepEqual(Array.from(both.derivative), [
          ...Array.from(a.derivative),
          ...Array.from(b.derivative),
        ]);
      }
    }
  });
  test('rank 3 works on the last axis; shift invariance; rows sum to 1', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7];
    const r = evaluate('softmax', x, [2, 2, 2]);
    for (let i = 0; i < 8; i += 2) assert.ok(Math.abs(r.values[i] + r.values[i + 1] - 1) < 1e-15);
    const shifted = evaluate(
      'softmax',
      x.map((v) => v + 1000),
      [2, 2, 2],
    );
    for (let i = 0; i < 8; i++) assert.ok(Math.abs(shifted.values[i] - r.values[i]) < 1e-15);
  });
  test('a NaN poisons its own row only', () => {
    const r = evaluate('softmax', [NaN, 1, 2, 3], [2, 2], { dialect: 'tensorflow' });
    assert.ok(Number.isNaN(r.values[0]) && Number.isNaN(r.values[1]));
    assert.ok(r.values[2] > 0 && r.values[3] > 0);
  });
  test('exact softmax keeps relative accuracy for a dominant logit (1 − s computed without cancellation)', () => {
    const r = evaluate('softmax', [0, 40], [2]);
    const e = Math.exp(-40);
    assert.ok(Math.abs(r.derivative[1] / (e / (1 + e) ** 2) - 1) < 1e-14);
    const l = evaluate('log_softmax', [0, 40], [2]);
    assert.ok(Math.abs(l.values[1] / -Math.log1p(e) - 1) < 1e-14);
  });
  test('Jacobians: diagonal = derivative, rows sum to 0, log_softmax J = I − 1·sᵀ', () => {
    const row = [0.5, -1, 2, 0, 3];
    for (const dialect of ['exact', ...FRAMEWORKS] as Dialect[]) {
      for (const id of ['softmax', 'log_softmax'] as const) {
        const J = softmaxJacobian(id, row, { dialect });
        const ev = evaluate(id, row, [5], { dialect });
        const s = evaluate('softmax', row, [5], { dialect }).values;
        for (let i = 0; i < 5; i++) {
          assert.equal(J[i][i], ev.derivative[i]);
          assert.ok(Math.abs(J[i].reduce((a, b) => a + b, 0)) < 1e-6, `${dialect} ${id} row ${i}`);
          for (let j = 0; j < 5; j++) {
            const expected = id === 'softmax' ? s[i] * ((i === j ? 1 : 0) - s[j]) : (i === j ? 1 : 0) - s[j];
            assert.ok(Math.abs(J[i][j] - expected) < 1e-6, `${dialect} ${id} J[${i}][${j}]`);
          }
        }
      }
    }
  });
});

suite('reduceSum follows each framework′s float32 summation order', () => {
  // [2^24, 1 × 8] in float32. Eigen (TF): lanes l0 = 2^24, l1..l7 = 1, tail 1; predux
  // ((l0+l4)+(l1+l5)) + ((l2+l6)+(l3+l7)) = (2^24 + 2) + 4, then tail + that = 2^24 + 7 → 2^24 + 8 (ties to even).
  // ATen (PyTorch): the tail 1 goes into lane 0 (2^24 + 1 → 2^24), fold ((l0+l4)+(l2+l6)) + ((l1+l5)+(l3+l7))
  // = (2^24 + 2) + 4 = 2^24 + 6. JAX (left to right): every + 1 rounds back to 2^24. Exact: 2^24 + 8.
  const v = [2 ** 24, 1, 1, 1, 1, 1, 1, 1, 1];
  test('tensorflow', () => assert.equal(reduceSum(v, 'tensorflow'), 2 ** 24 + 8));
  test('pytorch', () => assert.equal(reduceSum(v, 'pytorch'), 2 ** 24 + 6));
  test('jax', () => assert.equal(reduceSum(v, 'jax'), 2 ** 24));
  test('exact (compensated)', () => {
    assert.equal(reduceSum(v, 'exact'), 2 ** 24 + 8);
    assert.equal(reduceSum([1e16, 1, -1e16], 'exact'), 1);
    assert.equal(reduceSum([], 'exact'), 0);
    assert.equal(reduceSum([1, Infinity], 'exact'), Infinity);
  });
  test('inputs are rounded to float32 first in framework dialects', () => {
    assert.equal(reduceSum([0.1, 0.2], 'tensorflow'), F(F(0.1) + F(0.2)));
    assert.throws(() => reduceSum([1], 'numpy' as never), /Unknown dialect/);
  });
});

suite('fuzz: any float input, any activation, any dialect', () => {
  test('never throws, keeps the length, framework outputs are float32 (fast-check)', () => {
    const dialects: Dialect[] = ['exact', ...FRAMEWORKS];
    fc.assert(
      fc.property(
        fc.array(fc.double(), { minLength: 1, maxLength: 24 }),
        fc.constantFrom(...ACTIVATION_IDS),
        fc.constantFrom(...dialects),
        (xs, id, dialect) => {
          const r = evaluate(id, xs, [xs.length], { dialect });
          assert.equal(r.values.length, xs.length);
          assert.equal(r.derivative.length, xs.length);
          if (dialect !== 'exact') {
            for (let i = 0; i < xs.length; i++) {
              const v = r.values[i];
              assert.ok(Number.isNaN(v) || F(v) === v);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
