// JSON output: valid JSON (JSON.parse accepts every output), nested by shape, shortest digits for the dtype.
// NaN → null, ±Infinity → ±1e999 (valid JSON numbers that JSON.parse reads as ±Infinity), -0 → -0.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatArray, formatScalar, formatShape, summarizeArray } from '../../src/core/format';
import { parseArray } from '../../src/core/parse';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

suite('json', () => {
  test('1-D float64 is JSON.stringify output', () => {
    const v = [0.1, -2.5, 1e-7, 1e21, 3];
    assert.equal(formatArray(v, [5], 'json', 'float64'), JSON.stringify(v));
    assert.equal(formatArray(v, [5], 'json'), JSON.stringify(v));
  });
  test('float32 prints float32 shortest digits', () => {
    const v = [0.1, 0.2, 1 / 3].map(Math.fround);
    assert.equal(formatArray(v, [3], 'json', 'float32'), '[0.1,0.2,0.33333334]');
    assert.equal(formatArray([0.1], [1], 'json', 'float32'), '[0.1]');
  });
  test('nested by shape', () => {
    assert.equal(formatArray([1, 2, 3, 4, 5, 6], [2, 3], 'json', 'float64'), '[[1,2,3],[4,5,6]]');
    assert.equal(
      formatArray([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2], 'json', 'float64'),
      '[[[1,2],[3,4]],[[5,6],[7,8]]]',
    );
  });
  test('scalars and empty arrays', () => {
    assert.equal(formatArray([2.5], [], 'json', 'float64'), '2.5');
    assert.equal(formatArray([], [0], 'json', 'float64'), '[]');
    assert.equal(formatArray([], [2, 0], 'json', 'float64'), '[[],[]]');
    assert.equal(formatArray([], [0, 3], 'json', 'float64'), '[]');
  });
  test('non-finite and negative zero stay valid JSON', () => {
    const s = formatArray([NaN, Infinity, -Infinity, -0, 1], [5], 'json', 'float64');
    assert.equal(s, '[null,1e999,-1e999,-0,1]');
    const j = JSON.parse(s) as (number | null)[];
    assert.deepEqual(j.slice(0, 3), [null, Infinity, -Infinity]);
    assert.ok(Object.is(j[3], -0));
  });
  test('parseArray reads the JSON output back, NaN included', () => {
    const back = parseArray(formatArray([NaN, Infinity, -Infinity, -0, 1], [5], 'json', 'float64'));
    assert.deepEqual(back.shape, [5]);
    assert.ok(Number.isNaN(back.values[0]));
    assert.equal(back.values[1], Infinity);
    assert.equal(back.values[2], -Infinity);
    assert.ok(Object.is(back.values[3], -0));
  });
  test('formatScalar, formatShape and the summary preview', () => {
    assert.equal(formatScalar(NaN, 'json'), 'null');
    assert.equal(formatScalar(Math.fround(0.1), 'json', 'float32'), '0.1');
    assert.equal(formatShape([2, 3], 'json'), '[2,3]');
    assert.equal(
      summarizeArray(
        Array.from({ length: 10 }, (_, i) => i),
        [10],
        'json',
        'float64',
      ),
      '[0,1,2,...,7,8,9]',
    );
  });
});
