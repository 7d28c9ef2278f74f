// parseArray: what people paste from code and from printed output.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_MAX_ELEMENTS, lineColumnOf, parseArray, shapeOf, tryParseArray } from '../../src/core/parse';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

/** Asserts the parse result; NaN and -0 are compared with Object.is. */
function expectParse(text: string, values: number[], shape: number[]): void {
  const r = parseArray(text);
  assert.deepEqual(r.shape, shape, `shape of ${JSON.stringify(text)}`);
  assert.equal(r.values.length, values.length, `length of ${JSON.stringify(text)}`);
  values.forEach((v, i) =>
    assert.ok(Object.is(r.values[i], v), `${JSON.stringify(text)}[${i}] = ${r.values[i]}, expected ${v}`),
  );
}

const X7 = [-3, -2, -1, 0, 1, 2, 3];

suite('parseArray: Python / JS / JSON lists', () => {
  test('the seed input with trailing dots and 0.0', () => expectParse('[-3.,-2.,-1.,0.0,1.,2.,3.]', X7, [7]));
  test('trailing comma', () => expectParse('[1, 2, 3,]', [1, 2, 3], [3]));
  test('exponents, underscores, leading +, leading point', () => {
    expectParse(
      '[1e-3, -2.5E+2, 1_000, +4, .5, 5., 1.e-05, 2E3]',
      [0.001, -250, 1000, 4, 0.5, 5, 1e-5, 2000],
      [8],
    );
  });
  test('tuples and nested tuples', () => {
    expectParse('(1, 2, 3)', [1, 2, 3], [3]);
    expectParse('((1, 2), (3, 4))', [1, 2, 3, 4], [2, 2]);
    expectParse('[(1, 2), (3, 4)]', [1, 2, 3, 4], [2, 2]);
    expectParse('(7,)', [7], [1]);
  });
  test('nested lists infer the shape', () => {
    expectParse('[[1, 2, 3], [4, 5, 6]]', [1, 2, 3, 4, 5, 6], [2, 3]);
    expectParse('[[[1], [2]], [[3], [4]]]', [1, 2, 3, 4], [2, 2, 1]);
  });
  test('JSON with whitespace and newlines', () => expectParse('[\n  0.5,\n  -1e-7\n]\n', [0.5, -1e-7], [2]));
  test('negative zero keeps its sign', () => expectParse('[-0, -0.0, 0]', [-0, -0, 0], [3]));
});

suite('parseArray: wrappers (extra arguments ignored)', () => {
  const cases: [string, number[], number[]][] = [
    ['np.array([1., 2.])', [1, 2], [2]],
    ['numpy.array([1, 2], dtype=numpy.float32)', [1, 2], [2]],
    ['np.array([[1, 2], [3, 4]], dtype="float64")', [1, 2, 3, 4], [2, 2]],
    ['tf.constant([-3., -2.], dtype=tf.float32)', [-3, -2], [2]],
    ['tf.convert_to_tensor([1.0, 2.0], tf.float32)', [1, 2], [2]],
    ['torch.tensor([1., 2.], requires_grad=True)', [1, 2], [2]],
    ["torch.tensor([[1., 2.]], dtype=torch.float64, device='cpu')", [1, 2], [1, 2]],
    ['torch.Tensor([0.5, 1.5])', [0.5, 1.5], [2]],
    ['jnp.array([1, 2, 3])', [1, 2, 3], [3]],
    ['jax.numpy.array([1.5], dtype=jnp.float32)', [1.5], [1]],
    ['np.asarray((1, 2))', [1, 2], [2]],
    ['tf.constant(5.0)', [5], []],
    ['np.float32(0.047425874)', [0.047425874], []],
    ['[np.float32(0.1), np.float64(0.2)]', [0.1, 0.2], [2]],
    ['new Float32Array([1, 2, 3])', [1, 2, 3], [3]],
    ['x = np.array([1, 2])', [1, 2], [2]],
    ['const xs = [1, 2, 3];', [1, 2, 3], [3]],
    ['Out[4]: array([1., 2.])', [1, 2], [2]],
    ['>>> [1, 2]', [1, 2], [2]],
    ['np.array([1, 2])  # inputs', [1, 2], [2]],
    ['[1, 2] // inputs', [1, 2], [2]],
  ];
  for (const [text, values, shape] of cases) test(text, () => expectParse(text, values, shape));
});

suite('parseArray: printed output', () => {
  test('NumPy str without commas, one line', () => {
    expectParse(
      '[0.04742587 0.11920292 0.26894143 0.5        0.7310586 ]',
      [0.04742587, 0.11920292, 0.26894143, 0.5, 0.7310586],
      [5],
    );
  });
  test('NumPy str, multi-line 2-D', () => expectParse('[[1. 2.]\n [3. 4.]]', [1, 2, 3, 4], [2, 2]));
  test('NumPy str, 3-D with blank lines', () => {
    expectParse('[[[0. 1.]\n  [2. 3.]]\n\n [[4. 5.]\n  [6. 7.]]]', [0, 1, 2, 3, 4, 5, 6, 7], [2, 2, 2]);
  });
  test('NumPy str with nan/inf and scientific notation', () => {
    expectParse('[ nan  inf -inf  1.5]', [NaN, Infinity, -Infinity, 1.5], [4]);
    expectParse('[1.e-05 1.e+00 3.e+00]', [1e-5, 1, 3], [3]);
  });
  test('NumPy repr', () => {
    expectParse(
      'array([0.04742587, 0.5       ,\n       0.95257413], dtype=float32)',
      [0.04742587, 0.5, 0.95257413],
      [3],
    );
    expectParse('array([], shape=(2, 0), dtype=float64)', [], [2, 0]);
    expectParse('array(1., dtype=float32)', [1], []);
  });
  test('TF eager str, one line and wrapped', () => {
    expectParse('tf.Tensor([0. 0. 0. 0. 1. 2. 3.], shape=(7,), dtype=float32)', [0, 0, 0, 0, 1, 2, 3], [7]);
    expectParse(
      'tf.Tensor(\n[0.04742587 0.11920292 0.26894143 0.5        0.7310586  0.880797\n 0.95257413], shape=(7,), dtype=float32)',
      [0.04742587, 0.11920292, 0.26894143, 0.5, 0.7310586, 0.880797, 0.95257413],
      [7],
    );
    expectParse('tf.Tensor(1.0, shape=(), dtype=float32)', [1], []);
    expectParse('tf.Tensor([[1. 2.]\n [3. 4.]], shape=(2, 2), dtype=float64)', [1, 2, 3, 4], [2, 2]);
  });
  test('TF eager str with collapsed whitespace (as in the seed article)', () => {
    expectParse(
      'tf.Tensor( [-0.6 -0.4 -0.2 0. 1. 2. 3. ], shape=(7,), dtype=float32)',
      [-0.6, -0.4, -0.2, 0, 1, 2, 3],
      [7],
    );
  });
  test('TF eager repr', () => {
    expectParse(
      '<tf.Tensor: shape=(7,), dtype=float32, numpy=array([-3., -2., -1.,  0.,  1.,  2.,  3.], dtype=float32)>',
      X7,
      [7],
    );
    expectParse('<tf.Tensor: shape=(), dtype=float32, numpy=0.5>', [0.5], []);
    expectParse(
      "<tf.Variable 'Variable:0' shape=(2,) dtype=float32, numpy=array([1., 2.], dtype=float32)>",
      [1, 2],
      [2],
    );
  });
  test('PyTorch printouts', () => {
    expectParse('tensor([0.0474, 0.1192, 0.2689])', [0.0474, 0.1192, 0.2689], [3]);
    expectParse('tensor([1., 2.], dtype=torch.float64)', [1, 2], [2]);
    expectParse('tensor([0.5000, 1.5000], requires_grad=True)', [0.5, 1.5], [2]);
    expectParse('tensor([0.7311], grad_fn=<SigmoidBackward0>)', [0.7311], [1]);
    expectParse('tensor([[ 0.1000, -0.2000],\n        [ 0.3000,  0.4000]])', [0.1, -0.2, 0.3, 0.4], [2, 2]);
    expectParse('tensor(0.5000)', [0.5], []);
    expectParse('tensor([], size=(2, 0))', [], [2, 0]);
    expectParse('tensor([nan, inf, -inf])', [NaN, Infinity, -Infinity], [3]);
  });
  test('JAX and TF.js printouts', () => {
    expectParse('Array([1., 2.], dtype=float32)', [1, 2], [2]);
    expectParse('Array(1., dtype=float32, weak_type=True)', [1], []);
    expectParse('Tensor\n    [0.0474259, 0.1192029, 0.2689414]', [0.0474259, 0.1192029, 0.2689414], [3]);
  });
});

suite('parseArray: inf and nan spellings', () => {
  const inf: [string, number][] = [
    ['inf', Infinity],
    ['-inf', -Infinity],
    ['+inf', Infinity],
    ['nan', NaN],
    ['np.inf', Infinity],
    ['-np.inf', -Infinity],
    ['np.nan', NaN],
    ['numpy.inf', Infinity],
    ['math.inf', Infinity],
    ['-math.inf', -Infinity],
    ['math.nan', NaN],
    ["float('inf')", Infinity],
    ['float("-inf")', -Infinity],
    ["float('nan')", NaN],
    ["float('Infinity')", Infinity],
    ["-float('inf')", -Infinity],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['NaN', NaN],
    ['torch.inf', Infinity],
    ['-torch.inf', -Infinity],
    ['torch.nan', NaN],
    ['jnp.inf', Infinity],
    ['null', NaN],
    ['1e999', Infinity],
    ['-1e999', -Infinity],
    ['np.float32(-1.5)', -1.5],
    ['-np.float32(1.5)', -1.5],
  ];
  for (const [text, v] of inf) {
    test(`${text} alone is a scalar, and works inside a list`, () => {
      expectParse(text, [v], []);
      expectParse(`[1, ${text}, 2]`, [1, v, 2], [3]);
    });
  }
});

suite('parseArray: scalars, bare lists, empty lists', () => {
  test('a lone number is a scalar of shape []', () => {
    expectParse('3.5', [3.5], []);
    expectParse('  -2  ', [-2], []);
  });
  test('bare comma- or space-separated numbers make shape [N]', () => {
    expectParse('1, 2, 3', [1, 2, 3], [3]);
    expectParse('1 2 3', [1, 2, 3], [3]);
    expectParse('1\n2\n3', [1, 2, 3], [3]);
    expectParse('1 2,3', [1, 2, 3], [3]);
    expectParse('3.5,', [3.5], [1]);
  });
  test('bare lists of lists', () => expectParse('[1, 2], [3, 4]', [1, 2, 3, 4], [2, 2]));
  test('commas are optional and mixing is fine', () => {
    expectParse('[1 2, 3 ,4]', [1, 2, 3, 4], [4]);
    expectParse('[[1, 2] [3, 4]]', [1, 2, 3, 4], [2, 2]);
  });
  test('[] is an empty array of shape [0]; [[], []] has shape [2, 0]', () => {
    expectParse('[]', [], [0]);
    expectParse('()', [], [0]);
    expectParse('[[], []]', [], [2, 0]);
    expectParse('[[]]', [], [1, 0]);
  });
  test('a shape declared by a printout must match', () => {
    expectParse('tf.Tensor([1. 2.], shape=(2,), dtype=float32)', [1, 2], [2]);
  });
});

suite('parseArray helpers', () => {
  test('DEFAULT_MAX_ELEMENTS is one million', () => assert.equal(DEFAULT_MAX_ELEMENTS, 1_000_000));
  test('maxElements at the boundary', () => {
    assert.equal(parseArray('[1, 2, 3]', { maxElements: 3 }).values.length, 3);
    assert.throws(() => parseArray('[1, 2, 3]', { maxElements: 2 }), /too many elements \(3 > 2\)/);
  });
  test('tryParseArray returns the error instead of throwing', () => {
    const bad = tryParseArray('[1, 2');
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.equal(bad.error.offset, 0);
    const good = tryParseArray('[1, 2]');
    assert.ok(good.ok && good.values.length === 2);
  });
  test('lineColumnOf', () => {
    assert.deepEqual(lineColumnOf('ab\ncd\nef', 4), { line: 2, column: 2 });
    assert.deepEqual(lineColumnOf('abc', 0), { line: 1, column: 1 });
  });
  test('shapeOf nested JS arrays', () => {
    assert.deepEqual(
      shapeOf([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      [2, 3],
    );
    assert.deepEqual(shapeOf(5), []);
    assert.deepEqual(shapeOf([]), [0]);
    assert.throws(() => shapeOf([[1, 2], [3]]), /ragged/);
    assert.throws(() => shapeOf([1, 'a']), /not a number/);
  });
  test('the result arrays are plain, trimmed number[]', () => {
    const r = parseArray('[1, 2, 3]');
    assert.ok(Array.isArray(r.values));
    assert.deepEqual(Object.keys(r.values), ['0', '1', '2']);
  });
});
