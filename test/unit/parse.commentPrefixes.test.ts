// Issue 13 item 1: printouts selected inside comments and doctests are read; real comments still end the text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseArray, tryParseArray } from '../../src/core/parse';
import { stripCommentPrefixes } from '../../src/core/parse/commentPrefixes';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const NUMPY_COMMENT = '# [0.04742587 0.11920292 0.26894142 0.5        0.73105858 0.88079708\n#  0.95257413]';
const SIGMOID7 = [0.04742587, 0.11920292, 0.26894142, 0.5, 0.73105858, 0.88079708, 0.95257413];

suite('comment markers at line starts of a selected printout', () => {
  test('reads the NumPy printout in examples/numpy_example.py, whole lines selected', () => {
    const r = parseArray(NUMPY_COMMENT);
    assert.deepEqual(r.shape, [7]);
    assert.deepEqual(r.values, SIGMOID7);
  });
  test('reads it when the selection starts at the bracket (first line without its #)', () => {
    assert.deepEqual(parseArray(NUMPY_COMMENT.slice(2)).values, SIGMOID7);
  });
  test('reads a one-line printout that starts with #', () => {
    assert.deepEqual(parseArray('# [0.  0.  0.  0.5 2.5]').values, [0, 0, 0, 0.5, 2.5]);
  });
  test('reads //, -- and doctest prompts', () => {
    assert.deepEqual(parseArray('// [1, 2,\n//  3]').values, [1, 2, 3]);
    assert.deepEqual(parseArray('-- [1, 2,\n--  3]').values, [1, 2, 3]);
    assert.deepEqual(parseArray('>>> [[1, 2],\n...  [3, 4]]').shape, [2, 2]);
    assert.deepEqual(
      parseArray('  # tensor([[0.1, 0.2],\n  #         [0.3, 0.4]])').values,
      [0.1, 0.2, 0.3, 0.4],
    );
  });
  test('keeps offsets: an error points into the selection where the bad text is', () => {
    const text = '# [1, 2,\n#  x3]';
    const r = tryParseArray(text);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(text[r.error.offset], 'x');
    assert.equal(stripCommentPrefixes(text).length, text.length);
  });
  test('leaves a real comment inside code alone (3 stays commented out)', () => {
    assert.deepEqual(parseArray('[1, 2,\n# 3,\n 4]').values, [1, 2, 4]);
  });
  test('does not take NumPy summary rows or negative numbers for markers', () => {
    const summary = '[[ 0,  1, ...,  8,  9],\n ...,\n [80, 81, ..., 88, 89]]';
    assert.equal(stripCommentPrefixes(summary), summary);
    const dashes = '[1,\n--2]';
    assert.equal(stripCommentPrefixes(dashes), dashes);
  });
  test('a comment in words stays a comment', () => {
    const r = tryParseArray('# only a comment');
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error.message, /empty input/);
  });
  test('does not mix marker families', () => {
    const mixed = '# [1,\n// 2]';
    assert.equal(stripCommentPrefixes(mixed), mixed);
  });
  test('is linear: a 200,000-line commented printout is read', () => {
    const n = 200_000;
    const text = '# [' + Array.from({ length: n }, (_, i) => String(i % 7)).join('\n#  ') + ']';
    assert.equal(parseArray(text).values.length, n);
  });
});
