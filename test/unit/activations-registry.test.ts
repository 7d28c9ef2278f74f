// Registry and metadata: ids, lookup errors, per-dialect parameter defaults, parameter validation,
// and input validation of evaluate.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACTIVATION_IDS,
  defaultParams,
  evaluate,
  getActivation,
  isActivationId,
  softmaxJacobian,
} from '../../src/core/activations';
import { DIALECTS, type ActivationId } from '../../src/core/types';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const ALL: ActivationId[] = [
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'elu',
  'softmax',
  'relu6',
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
  'exponential',
  'log_sigmoid',
  'log_softmax',
  'prelu',
];

suite('activation ids', () => {
  test('the seed six come first, in the article order, then the rest; no duplicates', () => {
    assert.deepEqual(ACTIVATION_IDS.slice(0, 6), ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softmax']);
    assert.deepEqual([...ACTIVATION_IDS].sort(), [...ALL].sort());
    assert.equal(new Set(ACTIVATION_IDS).size, ACTIVATION_IDS.length);
  });
  test('isActivationId / getActivation', () => {
    for (const id of ALL) {
      assert.ok(isActivationId(id));
      assert.equal(getActivation(id).id, id);
    }
    assert.equal(isActivationId('swish'), false);
    assert.equal(isActivationId('toString'), false);
    assert.throws(() => getActivation('swish'), {
      message: `Unknown activation "swish". Known: ${ACTIVATION_IDS.join(', ')}`,
    });
  });
});

suite('metadata', () => {
  test('every activation has short one-line texts and consistent flags', () => {
    for (const id of ACTIVATION_IDS) {
      const a = getActivation(id);
      for (const text of [a.label, a.formula, a.latex, a.description, a.range]) {
        assert.ok(text.length > 0 && !text.includes('\n'), `${id}: ${text}`);
      }
      assert.ok(a.description.length <= 100, `${id} description is short`);
      assert.equal(a.seed, ACTIVATION_IDS.indexOf(id) < 6);
      assert.equal(a.vector, id === 'softmax' || id === 'log_softmax');
    }
  });
  test('parameter specs: defaults for every dialect inside the slider range, positive step', () => {
    for (const id of ACTIVATION_IDS) {
      for (const p of getActivation(id).params) {
        assert.ok(p.min < p.max && p.step > 0, `${id}.${p.name}`);
        for (const d of DIALECTS) {
          const v = p.defaults[d];
          assert.ok(v >= p.min && v <= p.max, `${id}.${p.name}[${d}] = ${v}`);
        }
      }
    }
  });
  test('metadata objects are frozen (shared by every caller)', () => {
    const a = getActivation('leaky_relu');
    assert.ok(Object.isFrozen(a) && Object.isFrozen(a.params) && Object.isFrozen(a.params[0].defaults));
  });
});

suite('defaultParams per dialect', () => {
  test('leaky_relu: 0.2 in tensorflow and exact, 0.01 in pytorch and jax', () => {
    assert.deepEqual(defaultParams('leaky_relu', 'tensorflow'), { alpha: 0.2 });
    assert.deepEqual(defaultParams('leaky_relu', 'exact'), { alpha: 0.2 });
    assert.deepEqual(defaultParams('leaky_relu', 'pytorch'), { alpha: 0.01 });
    assert.deepEqual(defaultParams('leaky_relu', 'jax'), { alpha: 0.01 });
  });
  test('prelu 0.25, elu/celu α 1, silu β 1, softplus β 1 threshold 20, none for sigmoid', () => {
    for (const d of DIALECTS) {
      assert.deepEqual(defaultParams('prelu', d), { alpha: 0.25 });
      assert.deepEqual(defaultParams('elu', d), { alpha: 1 });
      assert.deepEqual(defaultParams('celu', d), { alpha: 1 });
      assert.deepEqual(defaultParams('silu', d), { beta: 1 });
      assert.deepEqual(defaultParams('softplus', d), { beta: 1, threshold: 20 });
      assert.deepEqual(defaultParams('sigmoid', d), {});
    }
  });
  test('the dialect default is what evaluate uses when no params are given', () => {
    const x = [-1];
    assert.equal(evaluate('leaky_relu', x, [1], { dialect: 'pytorch' }).values[0], Math.fround(-0.01));
    assert.equal(evaluate('leaky_relu', x, [1], { dialect: 'tensorflow' }).values[0], Math.fround(-0.2));
    assert.equal(evaluate('prelu', x, [1]).values[0], -0.25);
  });
});

suite('parameter and input validation', () => {
  test('unknown parameter names the parameter and the known ones', () => {
    assert.throws(() => evaluate('leaky_relu', [1], [1], { params: { beta: 1 } }), {
      message: 'Unknown parameter "beta" for leaky_relu. Known: alpha',
    });
    assert.throws(() => evaluate('sigmoid', [1], [1], { params: { alpha: 1 } }), /Known: \(none\)/);
    assert.throws(() => evaluate('softplus', [1], [1], { params: { gamma: 1 } }), /Known: beta, threshold/);
  });
  test('non-finite and out-of-domain values throw clear errors', () => {
    assert.throws(
      () => evaluate('elu', [1], [1], { params: { alpha: NaN } }),
      /"alpha" of elu must be a finite number/,
    );
    assert.throws(() => evaluate('elu', [1], [1], { params: { alpha: Infinity } }), /finite/);
    assert.throws(() => evaluate('celu', [1], [1], { params: { alpha: 0 } }), /"alpha" of celu must be > 0/);
    assert.throws(() => evaluate('softplus', [1], [1], { params: { beta: -1 } }), /must be > 0/);
    // Values outside the slider range are still valid maths.
    assert.doesNotThrow(() => evaluate('leaky_relu', [1], [1], { params: { alpha: 3 } }));
  });
  test('unknown dialect, shape mismatch, bad shapes, scalar softmax', () => {
    assert.throws(() => evaluate('relu', [1], [1], { dialect: 'numpy' as never }), /Unknown dialect "numpy"/);
    assert.throws(() => evaluate('relu', [1, 2, 3], [2]), /Shape \[2\] holds 2 values but 3 were given/);
    assert.throws(() => evaluate('relu', [1, 2], [2.5]), /Invalid shape/);
    assert.throws(() => evaluate('softmax', [1], []), /at least one axis/);
    assert.doesNotThrow(() => evaluate('relu', [1], []));
    assert.throws(() => softmaxJacobian('relu' as never, [1, 2]), /softmax and log_softmax/);
  });
  test('empty inputs are fine', () => {
    const r = evaluate('softmax', [], [0, 3]);
    assert.equal(r.values.length, 0);
    assert.equal(evaluate('tanh', [], [0]).derivative.length, 0);
  });
});
