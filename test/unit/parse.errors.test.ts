// parseArray on bad input: always a ParseError with a specific message and the offset of the problem;
// never a generic failure, never a hang.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError, parseArray } from '../../src/core/parse';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

/** Runs parseArray expecting a ParseError; returns it. */
function parseError(text: string, options?: { maxElements?: number }): ParseError {
  try {
    parseArray(text, options);
  } catch (e) {
    assert.ok(e instanceof ParseError, `expected a ParseError, got ${String(e)}`);
    assert.equal(e.name, 'ParseError');
    return e;
  }
  return assert.fail(`no error for ${JSON.stringify(text)}`);
}

// [input, message substring, offset]
const MALFORMED: [string, string, number][] = [
  ['', 'empty input', 0],
  ['   \n\t ', 'empty input', 0],
  ['# only a comment', 'empty input', 0],
  ['[1, 2', "unclosed '['", 0],
  ['[[1, 2], [3, 4]', "unclosed '['", 0],
  ['x = [[1], [2, 3', "unclosed '['", 10],
  ['np.array([1, 2]', "unclosed '('", 8],
  ['[1, 2]]', "unexpected closing ']'", 6],
  [')', "unexpected closing ')'", 0],
  ['[1, 2)', "mismatched brackets: ')' closes the '['", 5],
  ['([1, 2)]', "mismatched brackets: ')' closes the '['", 6],
  ['[[1, 2], [3]]', 'ragged nested list: this row has 1 element, expected 2', 9],
  ['[[1, 2], [3, 4, 5]]', 'this row has 3 elements, expected 2', 9],
  ['[[[1], [2]], [[3], [4], [5]]]', 'this row has 3 elements, expected 2', 13],
  ['[[1, 2], 3]', 'a number among lists', 9],
  ['[1, [2]]', 'a list among numbers', 4],
  ['[[1], [[2]]]', 'inconsistent nesting', 7],
  ['[[[1]], [2]]', 'inconsistent nesting', 9],
  ['[1..2]', "invalid number '1..2': two decimal points", 1],
  ['[1.2.3]', 'two decimal points', 1],
  ['1e', "invalid number '1e': the exponent has no digits", 0],
  ['[1e+, 2]', 'the exponent has no digits', 1],
  ['--3', "invalid number '--3': repeated sign", 0],
  ['[-.]', "invalid number '-.': no digits", 1],
  ['[1, .]', "invalid number '.': no digits", 4],
  ['[1, - 3]', 'a sign must be followed by digits', 4],
  ['[1-2]', "unexpected '-'", 1],
  ["['a', 'b']", "a string is not a number: 'a'", 1],
  ['["1.5"]', 'a string is not a number: "1.5"', 1],
  ['[1, ..., 3]', "summarised printout: '...'", 4],
  ['[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03]', "summarised printout: '...'", 31],
  ['tensor([0., 1., 2.,  ..., 7., 8., 9.])', 'summarised printout', 21],
  ['[0.1, …, 0.9]', 'summarised printout', 6],
  ['[1,,2]', "unexpected ',': empty item between commas", 3],
  ['[,1]', "unexpected ',' right after the opening bracket", 1],
  [', 1', "unexpected ','", 0],
  ['foo', "unknown token 'foo'", 0],
  ['[1, bar, 3]', "unknown token 'bar'", 4],
  ['[True, False]', "unknown token 'True': booleans are not numbers", 1],
  ['[None]', "unknown token 'None'", 1],
  ['np.foo([1, 2])', "unknown function 'np.foo(…)'", 0],
  ['np.linspace(-3, 3, 7)', "unknown function 'np.linspace(…)'", 0],
  ['np.array([1, 2]).reshape(2, 1)', "method calls such as '.reshape' are not supported", 16],
  ['@', "unknown token '@'", 0],
  ['[1, 2] @ x', "unknown token '@'", 7],
  ['0x1F', 'hexadecimal is not supported', 0],
  ['[1j]', 'complex numbers are not supported', 1],
  ['[2.5f]', "invalid number '2.5f'", 1],
  ['[1_]', "'_' must sit between digits", 1],
  ['[1__000]', "'_' must sit between digits", 1],
  ['float("abc")', 'float() of an invalid string "abc"', 6],
  ['-foo', "a sign must be followed by a number, not 'foo'", 0],
  ['{1, 2}', "'{' is not an array bracket", 0],
  ['[1, 2]; 3', "unexpected text after ';'", 8],
  ['np.array()', "'np.array()' has no data", 8],
  ['np.array([1] [2])', "expected ',' or ')' after the data of 'np.array(…)', found '['", 13],
  ['tf.Tensor([1. 2.], shape=(3,), dtype=float32)', 'declares shape (3,) but its values have shape (2,)', 19],
  ['<tf.Tensor: shape=(7,), dtype=float32>', "no 'numpy=' values", 0],
  ['<tf.Tensor: shape=(1,), numpy=array([1.])', "unclosed '<'", 0],
  ['[1 2 3] [4 5]', 'this row has 2 elements, expected 3', 8],
  ['[1, 2, 3, 4]', 'too many elements (4 > 3)', 10],
];

suite('parseArray: malformed input → ParseError(message, offset)', () => {
  for (const [text, message, offset] of MALFORMED) {
    test(`${JSON.stringify(text)} → ${message} @ ${offset}`, () => {
      const e = parseError(text, text === '[1, 2, 3, 4]' ? { maxElements: 3 } : undefined);
      assert.ok(
        e.message.includes(message),
        `message ${JSON.stringify(e.message)} lacks ${JSON.stringify(message)}`,
      );
      assert.equal(e.offset, offset, `offset for ${JSON.stringify(text)} (${e.message})`);
    });
  }
  test('there are at least 30 malformed cases', () => assert.ok(MALFORMED.length >= 30));
});

suite('parseArray: limits and linear time', () => {
  test('nesting deeper than 32 levels is refused at the 33rd bracket', () => {
    const e = parseError('['.repeat(40) + '1' + ']'.repeat(40));
    assert.match(e.message, /nesting deeper than 32 levels/);
    assert.equal(e.offset, 32);
    assert.deepEqual(parseArray('['.repeat(32) + '1' + ']'.repeat(32)).shape, new Array(32).fill(1));
  });
  test('too many elements reports the total and the offset of the first one beyond the cap', () => {
    const text = '[' + Array.from({ length: 12 }, (_, i) => i).join(', ') + ']';
    const e = parseError(text, { maxElements: 10 });
    assert.match(e.message, /too many elements \(12 > 10\)/);
    assert.equal(e.offset, text.indexOf('10'));
    assert.equal(e.kind, 'tooLarge');
    assert.equal(parseError('[1, 2,, 3]').kind, 'syntax');
  });
  test('the default cap is 1,000,000 elements', () => {
    const e = parseError('0 '.repeat(1_000_001));
    assert.match(e.message, /too many elements \(1000001 > 1000000\)/);
  });
  test('100,000-character garbage lines fail fast', () => {
    const lines = [
      '@'.repeat(100_000),
      'x'.repeat(100_000),
      '['.repeat(100_000),
      '1'.repeat(99_999) + 'x',
      '1.'.repeat(50_000),
      '[1 '.repeat(33_333),
      '-'.repeat(100_000),
      '(['.repeat(50_000),
      '"'.repeat(100_000),
      'np.array(' + ' '.repeat(99_990),
      '1 '.repeat(49_999) + ']',
      'tf.Tensor([1], ' + 'a='.repeat(49_990),
      'float("' + 'x'.repeat(99_990) + '")',
      "['" + 'y'.repeat(99_990) + "']",
    ];
    for (const line of lines) {
      const t0 = performance.now();
      const e = parseError(line);
      const ms = performance.now() - t0;
      assert.ok(ms < 500, `${JSON.stringify(line.slice(0, 12))}… took ${ms.toFixed(0)} ms`);
      assert.ok(e.message.length < 400, 'messages quote at most a short snippet');
    }
  });
  test('a long valid line of numbers parses in linear time', () => {
    const text = '1.5 '.repeat(250_000);
    const t0 = performance.now();
    const r = parseArray(text);
    assert.equal(r.values.length, 250_000);
    assert.ok(performance.now() - t0 < 2000);
  });
  test('maxElements must be non-negative', () => {
    assert.throws(() => parseArray('[1]', { maxElements: -1 }), RangeError);
  });
});
