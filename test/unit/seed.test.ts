// The seed article's TensorFlow printouts, end to end: evaluate (tensorflow dialect) → formatArray
// (TensorFlow eager print style) → compare with the article's text, whitespace collapsed.
// The expected lines are copied verbatim from the seed (shared/seed/000_326a7a8f3f1cb882.txt), where the
// article's HTML had already collapsed newlines and runs of spaces.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, reduceSum } from '../../src/core/activations';
import { formatArray } from '../../src/core/format';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
const X7 = [-3, -2, -1, 0, 1, 2, 3];

const CASES: Array<{
  call: string;
  id: string;
  input: number[];
  params?: Record<string, number>;
  printed: string;
}> = [
  {
    call: "tf.nn.sigmoid([-3.,-2.,-1.,0.0,1.,2.,3.],name='sigmoid_op')",
    id: 'sigmoid',
    input: X7,
    printed:
      'tf.Tensor( [0.04742587 0.11920292 0.26894143 0.5 0.7310586 0.880797 0.95257413], shape=(7,), dtype=float32)',
  },
  {
    call: "tf.nn.tanh([-3.,-2.,-1.,0.0,1.,2.,3.],name='tanh_op')",
    id: 'tanh',
    input: X7,
    printed:
      'tf.Tensor( [-0.9950547 -0.9640276 -0.7615942 0. 0.7615942 0.9640276 0.9950547], shape=(7,), dtype=float32)',
  },
  {
    call: "tf.nn.relu([-3.,-2.,-1.,0.0,1.,2.,3.],name='relu_op')",
    id: 'relu',
    input: X7,
    printed: 'tf.Tensor([0. 0. 0. 0. 1. 2. 3.], shape=(7,), dtype=float32)',
  },
  {
    call: "tf.nn.leaky_relu([-3.,-2.,-1.,0.0,1.,2.,3.],alpha=0.2,name='leaky_relu_op')",
    id: 'leaky_relu',
    input: X7,
    params: { alpha: 0.2 },
    printed: 'tf.Tensor([-0.6 -0.4 -0.2 0. 1. 2. 3. ], shape=(7,), dtype=float32)',
  },
  {
    call: "tf.nn.elu([-10000,-100.,-3.,-2.,-1.,0.0,1.,2.,3.],name='elu_relu_op')",
    id: 'elu',
    input: [-10000, -100, -3, -2, -1, 0, 1, 2, 3],
    printed:
      'tf.Tensor( [-1. -1. -0.95021296 -0.86466473 -0.63212055 0. 1. 2. 3. ], shape=(9,), dtype=float32)',
  },
  {
    call: "tf.nn.softmax([-3.,-2.,-1.,0.0,1.,2.,3.],name='softmax_op')",
    id: 'softmax',
    input: X7,
    printed:
      'tf.Tensor( [0.0015683 0.00426308 0.01158826 0.03150015 0.0856263 0.23275642 0.6326975 ], shape=(7,), dtype=float32)',
  },
];

suite('seed article printouts (evaluate → formatArray)', () => {
  for (const c of CASES) {
    test(c.call, () => {
      const r = evaluate(c.id, c.input, [c.input.length], { dialect: 'tensorflow', params: c.params });
      const text = formatArray(r.values, [c.input.length], 'tensorflow', 'float32');
      assert.equal(collapse(text), collapse(c.printed));
    });
  }
  test('tf.reduce_sum(softmax_test) prints tf.Tensor(1.0, shape=(), dtype=float32)', () => {
    const s = evaluate('softmax', X7, [7], { dialect: 'tensorflow' });
    const sum = reduceSum(s.values, 'tensorflow');
    assert.equal(
      collapse(formatArray([sum], [], 'tensorflow', 'float32')),
      'tf.Tensor(1.0, shape=(), dtype=float32)',
    );
  });
});
