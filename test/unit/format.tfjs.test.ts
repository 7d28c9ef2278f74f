// TF.js print() text (tfjs-core tensor_format.ts): 7 decimals, no padding on rank 1, padded columns for rank ≥ 2,
// 3 + '...' + 3 beyond 20 items. Expected texts from the activation reference §7.3 and TF.js's documented output.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatTfjs } from '../../src/core/format/tfjs';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

suite('formatTfjs', () => {
  test('sigmoid of [-3…3] prints 7 decimals (reference §7.3)', () => {
    const x = [-3, -2, -1, 0, 1, 2, 3];
    const y = x.map((v) => 1 / (1 + Math.exp(-v)));
    assert.equal(
      formatTfjs(y, [7]),
      'Tensor\n    [0.0474259, 0.1192029, 0.2689414, 0.5, 0.7310586, 0.8807971, 0.9525741]',
    );
  });

  test('a 2-d tensor pads its columns and continues rows with a space', () => {
    assert.equal(formatTfjs([1, 2, 3, 4], [2, 2]), 'Tensor\n    [[1, 2],\n     [3, 4]]');
    assert.equal(formatTfjs([1, -20.5, 300, 4], [2, 2]), 'Tensor\n    [[1  , -20.5],\n     [300, 4    ]]');
  });

  test('more than 20 values: the first 3, ..., the last 3', () => {
    const v = Array.from({ length: 25 }, (_, i) => i);
    assert.equal(formatTfjs(v, [25]), 'Tensor\n    [0, 1, 2, ..., 22, 23, 24]');
  });

  test('values below 5e-8 print as 0; a scalar prints its float32 value', () => {
    assert.equal(formatTfjs([1e-8, 1], [2]), 'Tensor\n    [0, 1]');
    assert.equal(formatTfjs([0.5], []), 'Tensor\n    0.5');
  });
});
