// PyTorch printing (`torch/_tensor_str.py`): expected strings follow the reference §7.3 examples and the
// rules of _Formatter / _vector_str / _tensor_str_with_formatter / _add_suffixes, worked out by hand below
// (element width w → per line floor((80 − indent) / (w + 2)); rows joined with ",\n" + indent spaces).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatArray,
  formatArrayWith,
  formatScalar,
  formatShape,
  summarizeArray,
} from '../../src/core/format';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const pt = (v: number[], shape = [v.length], dtype: 'float32' | 'float64' = 'float32'): string =>
  formatArray(v, shape, 'pytorch', dtype);

suite('pytorch: reference §7.3 examples', () => {
  test('sigmoid: {:.4f}, default dtype, no suffix', () => {
    assert.equal(
      pt([0.04742587, 0.11920292, 0.26894143, 0.5, 0.7310586, 0.8807971, 0.95257413]),
      'tensor([0.0474, 0.1192, 0.2689, 0.5000, 0.7311, 0.8808, 0.9526])',
    );
  });
  test('relu: int mode prints 0. 3.', () => {
    assert.equal(pt([0, 0, 0, 0, 1, 2, 3]), 'tensor([0., 0., 0., 0., 1., 2., 3.])');
  });
  test('[1e-5, 1, 3]: scientific', () => {
    assert.equal(pt([1e-5, 1, 3]), 'tensor([1.0000e-05, 1.0000e+00, 3.0000e+00])');
  });
});

suite('pytorch: formatter rules', () => {
  test('right-aligned to the widest element', () => {
    assert.equal(pt([1.5, -20.25]), 'tensor([  1.5000, -20.2500])');
    assert.equal(pt([-3, -2, -1, 0, 1, 2, 3]), 'tensor([-3., -2., -1.,  0.,  1.,  2.,  3.])');
  });
  test('exact binary ties round half to even like Python (0.03125 → 0.0312)', () => {
    assert.equal(pt([0.03125, 0.5]), 'tensor([0.0312, 0.5000])');
    assert.equal(pt([0.09375, 0.5]), 'tensor([0.0938, 0.5000])');
  });
  test('int mode switches to scientific when max/min > 1000 or max > 1e8', () => {
    assert.equal(pt([1, 2000]), 'tensor([1.0000e+00, 2.0000e+03])');
    assert.equal(pt([1, 1000]), 'tensor([   1., 1000.])');
    assert.equal(pt([2e8], [1], 'float64'), 'tensor([2.0000e+08], dtype=torch.float64)');
  });
  test('non-integral: scientific when min < 1e-4', () => {
    assert.equal(pt([0.00005, 0.5]), 'tensor([5.0000e-05, 5.0000e-01])');
  });
  test('nan, inf, -0.', () => {
    assert.equal(pt([NaN, 1]), 'tensor([nan, 1.])');
    assert.equal(pt([Infinity, -Infinity]), 'tensor([inf, -inf])');
    assert.equal(pt([-0, 1]), 'tensor([-0., 1.])');
    assert.equal(pt([NaN, 0.5]), 'tensor([   nan, 0.5000])');
    assert.equal(pt([NaN, 1e-5, 1]), 'tensor([       nan, 1.0000e-05, 1.0000e+00])');
  });
  test('float64 adds the dtype suffix; float32 is the default', () => {
    assert.equal(pt([1, 2], [2], 'float64'), 'tensor([1., 2.], dtype=torch.float64)');
    assert.equal(formatArray([0.1], [1], 'pytorch'), 'tensor([0.1000])');
  });
  test('0-d tensors', () => {
    assert.equal(pt([0.5], []), 'tensor(0.5000)');
    assert.equal(pt([1], []), 'tensor(1.)');
    assert.equal(pt([1], [], 'float64'), 'tensor(1., dtype=torch.float64)');
    assert.equal(formatScalar(0.047425874, 'pytorch'), '0.0474');
  });
  test('empty tensors', () => {
    assert.equal(pt([], [0]), 'tensor([])');
    assert.equal(pt([], [0], 'float64'), 'tensor([], dtype=torch.float64)');
    assert.equal(pt([], [2, 0]), 'tensor([], size=(2, 0))');
  });
  test('shape text', () => {
    assert.equal(formatShape([2, 3], 'pytorch'), 'torch.Size([2, 3])');
  });
});

suite('pytorch: layout', () => {
  test('a long row wraps with an 8-space continuation indent', () => {
    // widest '19.5000' → width 7 → element length 9 → floor((80 − 7) / 9) = 8 per line
    const v = Array.from({ length: 20 }, (_, i) => i + 0.5);
    assert.equal(
      pt(v),
      'tensor([ 0.5000,  1.5000,  2.5000,  3.5000,  4.5000,  5.5000,  6.5000,  7.5000,\n' +
        '         8.5000,  9.5000, 10.5000, 11.5000, 12.5000, 13.5000, 14.5000, 15.5000,\n' +
        '        16.5000, 17.5000, 18.5000, 19.5000])',
    );
  });
  test('2-D: rows joined by ",\\n" and 8 spaces', () => {
    assert.equal(
      pt([0.1, -0.2, 0.3, 0.4], [2, 2]),
      'tensor([[ 0.1000, -0.2000],\n        [ 0.3000,  0.4000]])',
    );
  });
  test('3-D: a blank line between blocks, indent grows by one per level', () => {
    assert.equal(
      pt([0, 1, 2, 3, 4, 5, 6, 7], [2, 2, 2]),
      'tensor([[[0., 1.],\n         [2., 3.]],\n\n        [[4., 5.],\n         [6., 7.]]])',
    );
  });
  test('summarised 1-D (> 1000 elements): " ..." among the edge items, then wrapped', () => {
    // int mode, 1999/1 > 1000 → scientific, width 10 → element length 12 → floor(73 / 12) = 6 per line
    const v = Array.from({ length: 2000 }, (_, i) => i);
    assert.equal(
      pt(v),
      'tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n        1.9990e+03])',
    );
  });
  test('summarised 2-D: "...," between the edge rows', () => {
    const v = Array.from({ length: 1100 }, (_, i) => (i % 100) / 100);
    // shown values 0.00 … 0.99 (min 0.01): fixed width 6, per line floor((80 − 8) / 8) = 9
    const row = (a: string): string => `[${a}]`;
    const first = row('0.0000, 0.0100, 0.0200,  ..., 0.9700, 0.9800, 0.9900');
    assert.equal(
      pt(v, [11, 100]),
      `tensor([${first},\n        ${first},\n        ${first},\n        ...,\n        ${first},\n        ${first},\n        ${first}])`,
    );
  });
  test('the dtype suffix moves to its own line when the last line is too long', () => {
    // "tensor([…]" is 79 characters; torch counts it as 79 + 2, and 81 + len("dtype=torch.float64") + 2 > 80
    const v = Array.from({ length: 9 }, (_, i) => i + 0.25);
    const s = pt(v, [9], 'float64');
    assert.equal(
      s,
      'tensor([0.2500, 1.2500, 2.2500, 3.2500, 4.2500, 5.2500, 6.2500, 7.2500, 8.2500],\n       dtype=torch.float64)',
    );
  });
  test('print options and hover summaries', () => {
    assert.equal(formatArrayWith([1.23456], [1], 'pytorch', 'float32', { precision: 2 }), 'tensor([1.23])');
    assert.equal(
      summarizeArray(
        Array.from({ length: 10 }, (_, i) => i),
        [10],
        'pytorch',
        'float32',
        { edgeItems: 2 },
      ),
      'tensor([0., 1.,  ..., 8., 9.])',
    );
  });
});
