// Issue 13.7: typed numbers outside a slider's range are clamped and explained, never silently kept.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readTypedNumber, typedNumberMessage } from '../../webview/numberBox';
import { DEPTH_RANGE, EPSILON_RANGE } from '../../webview/requestEdit';
import { STRINGS } from './webviewSnapshot';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

suite('number boxes', () => {
  test('ε 0.7 is clamped to the maximum 0.5, with a message that says so', () => {
    const r = readTypedNumber('0.7', EPSILON_RANGE);
    assert.deepEqual(r, { kind: 'clamped', value: 0.5, typed: 0.7 });
    assert.equal(
      typedNumberMessage(r, 'ε', EPSILON_RANGE, STRINGS),
      'ε goes from 0.000001 to 0.5: 0.7 was set to 0.5.',
    );
  });
  test('depth 1000 and 0 become 50 and 1; 2.6 rounds to 3 and says so', () => {
    assert.deepEqual(readTypedNumber('1000', DEPTH_RANGE, true), { kind: 'clamped', value: 50, typed: 1000 });
    assert.deepEqual(readTypedNumber('0', DEPTH_RANGE, true), { kind: 'clamped', value: 1, typed: 0 });
    assert.deepEqual(readTypedNumber('2.6', DEPTH_RANGE, true), { kind: 'clamped', value: 3, typed: 2.6 });
    assert.deepEqual(readTypedNumber('12', DEPTH_RANGE, true), { kind: 'ok', value: 12 });
  });
  test('in range: used as typed, no message', () => {
    const r = readTypedNumber('0.02', EPSILON_RANGE);
    assert.deepEqual(r, { kind: 'ok', value: 0.02 });
    assert.equal(typedNumberMessage(r, 'ε', EPSILON_RANGE, STRINGS), '');
  });
  test('empty or not a number is refused with a message', () => {
    for (const text of ['', ' ', 'abc', 'NaN', 'Infinity']) {
      const r = readTypedNumber(text, EPSILON_RANGE);
      assert.deepEqual(r, { kind: 'invalid' }, text);
      assert.match(typedNumberMessage(r, 'ε', EPSILON_RANGE, STRINGS), /needs a number from/);
    }
  });
});
