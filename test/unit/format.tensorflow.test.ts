// TensorFlow eager printing. Acceptance: every TensorFlow output printed in the seed article
// (shared/seed/000_326a7a8f3f1cb882.txt, whose whitespace is collapsed) from float32 inputs, plus the exact
// layouts (whitespace included) that NumPy 2.4's str() gives for those values, and reference §7.2.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatArray, formatArrayRepr, formatScalar, formatShape, tfStr } from '../../src/core/format';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const f32 = (xs: number[]): number[] => xs.map(Math.fround);
const collapse = (s: string): string => s.replace(/\s+/g, ' ').replace(/\( /g, '(').trim();
const tf = (v: number[], shape = [v.length]): string => formatArray(v, shape, 'tensorflow', 'float32');

// The seed's inputs and its TF 1.x outputs (the values are what TF computed; they are float32).
const X = [-3, -2, -1, 0, 1, 2, 3];
const SEED = {
  sigmoid: [0.04742587, 0.11920292, 0.26894143, 0.5, 0.7310586, 0.880797, 0.95257413],
  tanh: [-0.9950547, -0.9640276, -0.7615942, 0, 0.7615942, 0.9640276, 0.9950547],
  relu: [0, 0, 0, 0, 1, 2, 3],
  elu: [-1, -1, -0.95021296, -0.86466473, -0.63212055, 0, 1, 2, 3],
  softmax: [0.0015683, 0.00426308, 0.01158826, 0.03150015, 0.0856263, 0.23275642, 0.6326975],
};

suite('tensorflow: the seed article outputs (whitespace-collapsed, as the seed stores them)', () => {
  test('sigmoid', () => {
    assert.equal(
      collapse(tf(f32(SEED.sigmoid))),
      'tf.Tensor([0.04742587 0.11920292 0.26894143 0.5 0.7310586 0.880797 0.95257413], shape=(7,), dtype=float32)',
    );
  });
  test('tanh', () => {
    assert.equal(
      collapse(tf(f32(SEED.tanh))),
      'tf.Tensor([-0.9950547 -0.9640276 -0.7615942 0. 0.7615942 0.9640276 0.9950547], shape=(7,), dtype=float32)',
    );
  });
  test('relu', () => {
    assert.equal(
      tf(f32(X.map((x) => Math.max(x, 0)))),
      'tf.Tensor([0. 0. 0. 0. 1. 2. 3.], shape=(7,), dtype=float32)',
    );
  });
  test('leaky_relu with alpha=0.2 computed as float32 products', () => {
    const alpha = Math.fround(0.2);
    const v = X.map((x) => (x < 0 ? Math.fround(Math.fround(x) * alpha) : x));
    assert.equal(v[0], Math.fround(-0.6)); // fround(-3·fround(0.2)) is the float32 nearest −0.6
    assert.equal(tf(v), 'tf.Tensor([-0.6 -0.4 -0.2  0.   1.   2.   3. ], shape=(7,), dtype=float32)');
  });
  test('elu (9 values)', () => {
    assert.equal(
      collapse(tf(f32(SEED.elu))),
      'tf.Tensor([-1. -1. -0.95021296 -0.86466473 -0.63212055 0. 1. 2. 3. ], shape=(9,), dtype=float32)',
    );
  });
  test('softmax', () => {
    assert.equal(
      collapse(tf(f32(SEED.softmax))),
      'tf.Tensor([0.0015683 0.00426308 0.01158826 0.03150015 0.0856263 0.23275642 0.6326975 ], shape=(7,), dtype=float32)',
    );
  });
  test('reduce_sum of the softmax: a 0-d tensor', () => {
    assert.equal(tf([1], []), 'tf.Tensor(1.0, shape=(), dtype=float32)');
  });
});

suite('tensorflow: exact layouts (NumPy 2.4 str inside, leading newline when it wraps)', () => {
  test('sigmoid: wraps after 0.880797 and starts with a newline', () => {
    assert.equal(
      tf(f32(SEED.sigmoid)),
      'tf.Tensor(\n[0.04742587 0.11920292 0.26894143 0.5        0.7310586  0.880797\n 0.95257413], shape=(7,), dtype=float32)',
    );
  });
  test('tanh', () => {
    assert.equal(
      tf(f32(SEED.tanh)),
      'tf.Tensor(\n[-0.9950547 -0.9640276 -0.7615942  0.         0.7615942  0.9640276\n  0.9950547], shape=(7,), dtype=float32)',
    );
  });
  test('elu', () => {
    assert.equal(
      tf(f32(SEED.elu)),
      'tf.Tensor(\n[-1.         -1.         -0.95021296 -0.86466473 -0.63212055  0.\n  1.          2.          3.        ], shape=(9,), dtype=float32)',
    );
  });
  test('softmax', () => {
    assert.equal(
      tf(f32(SEED.softmax)),
      'tf.Tensor(\n[0.0015683  0.00426308 0.01158826 0.03150015 0.0856263  0.23275642\n 0.6326975 ], shape=(7,), dtype=float32)',
    );
  });
  test('reference §7.2: x and the reference sigmoid', () => {
    assert.equal(tf(X), 'tf.Tensor([-3. -2. -1.  0.  1.  2.  3.], shape=(7,), dtype=float32)');
    assert.equal(
      tf(f32([0.04742587, 0.11920292, 0.26894143, 0.5, 0.7310586, 0.8807971, 0.95257413])),
      'tf.Tensor(\n[0.04742587 0.11920292 0.26894143 0.5        0.7310586  0.8807971\n 0.95257413], shape=(7,), dtype=float32)',
    );
    assert.equal(tf([0.5], []), 'tf.Tensor(0.5, shape=(), dtype=float32)');
  });
  test('reference §7.2: repr', () => {
    assert.equal(
      formatArrayRepr(
        f32([0.04742587, 0.11920292, 0.26894143, 0.5, 0.7310586, 0.8807971, 0.95257413]),
        [7],
        'tensorflow',
        'float32',
      ),
      '<tf.Tensor: shape=(7,), dtype=float32, numpy=\narray([0.04742587, 0.11920292, 0.26894143, 0.5       , 0.7310586 ,\n       0.8807971 , 0.95257413], dtype=float32)>',
    );
    assert.equal(
      formatArrayRepr([0.5], [], 'tensorflow', 'float32'),
      '<tf.Tensor: shape=(), dtype=float32, numpy=0.5>',
    );
  });
  test('a 0-d tensor uses the scalar str: full shortest float32 digits', () => {
    assert.equal(tf([Math.fround(0.047425874)], []), 'tf.Tensor(0.047425874, shape=(), dtype=float32)');
    assert.equal(formatScalar(0.047425874, 'tensorflow', 'float32'), '0.047425874');
  });
  test('shapes: (7,), (2, 3), () and float64', () => {
    assert.equal(
      formatArray([1, 2, 3, 4, 5, 6], [2, 3], 'tensorflow', 'float64'),
      'tf.Tensor(\n[[1. 2. 3.]\n [4. 5. 6.]], shape=(2, 3), dtype=float64)',
    );
    assert.equal(formatShape([7], 'tensorflow'), '(7,)');
    assert.equal(formatShape([2, 3], 'tensorflow'), '(2, 3)');
    assert.equal(formatShape([], 'tensorflow'), '()');
  });
  test('empty tensor', () => {
    assert.equal(tf([], [0]), 'tf.Tensor([], shape=(0,), dtype=float32)');
    assert.equal(tfStr([], [2, 0], 'float32'), 'tf.Tensor([], shape=(2, 0), dtype=float32)');
  });
  test('the default dtype of the tensorflow style is float32', () => {
    assert.equal(formatArray([0.1], [1], 'tensorflow'), 'tf.Tensor([0.1], shape=(1,), dtype=float32)');
  });
  test('summarised (more than 1000 elements)', () => {
    const v = Array.from({ length: 2000 }, (_, i) => i);
    assert.equal(
      tf(v),
      'tf.Tensor([0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03], shape=(2000,), dtype=float32)',
    );
  });
});
