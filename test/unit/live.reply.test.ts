// The debuggee's reply is data from outside: anything but the conversion's exact shape is refused, clearly.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { subjectOfText, type EvaluationSettings } from '../../src/core';
import { liveSubject, parseLiveReply } from '../../src/core/live';

const reply = (o: unknown): string => 'ALV1' + JSON.stringify(o);
const SETTINGS: EvaluationSettings = {
  defaultActivation: 'sigmoid',
  defaultDialect: 'pytorch',
  epsilon: 0.01,
  maxElements: 100,
};

void describe('live values: reply validation', () => {
  void it('reads a value, quoted or not, with Python NaN / Infinity tokens', () => {
    const text =
      'ALV1{"v": 1, "fw": "pytorch", "dtype": "float64", "shape": [2, 2], "size": 4, "values": [1.0, NaN, -Infinity, Infinity]}';
    for (const result of [text, JSON.stringify(text)]) {
      const r = parseLiveReply(result, 100);
      assert.ok(r.ok);
      assert.deepEqual(r.value.input.values, [1, NaN, -Infinity, Infinity]);
      assert.deepEqual(r.value.input.shape, [2, 2]);
      assert.equal(r.value.framework, 'pytorch');
      assert.equal(r.value.dtype, 'float64');
      assert.equal(r.value.sampled, false);
    }
  });

  void it('keeps the size of a sample and flattens its shape', () => {
    const r = parseLiveReply(
      reply({ v: 1, fw: null, dtype: 'int64', shape: [1000, 10], size: 10000, values: [1, 2, 3] }),
      3,
    );
    assert.ok(r.ok);
    assert.equal(r.value.sampled, true);
    assert.equal(r.value.size, 10000);
    assert.deepEqual(r.value.input.shape, [3]);
    assert.deepEqual(r.value.shape, [1000, 10]);
    assert.equal(r.value.dtype, 'float32');
  });

  void it('refuses anything else with a specific reason', () => {
    const bad: Array<[string, string]> = [
      [
        'ALV1{"v": 1, "shape": [2], "size": 2, "values": [1.0',
        'the answer is not valid JSON (cut short by the debugger?)',
      ],
      [reply([1]), 'not an object'],
      [reply({ v: 2 }), 'unknown version'],
      [reply({ v: 1, fw: null, dtype: null, shape: [-1], size: -1, values: [] }), 'bad shape'],
      [
        reply({ v: 1, fw: null, dtype: null, shape: [2], size: 3, values: [1, 2] }),
        'size does not match the shape',
      ],
      [reply({ v: 1, fw: 'evil', dtype: null, shape: [1], size: 1, values: [1] }), 'unknown framework'],
      [reply({ v: 1, fw: null, dtype: '<img src=x>', shape: [1], size: 1, values: [1] }), 'bad dtype'],
      [reply({ v: 1, fw: null, dtype: null, shape: [3], size: 3, values: [1, 2] }), 'wrong number of values'],
      [
        reply({ v: 1, fw: null, dtype: null, shape: [500], size: 500, values: new Array(200).fill(0) }),
        'wrong number of values',
      ],
      [
        reply({ v: 1, fw: null, dtype: null, shape: [2], size: 2, values: [1, 'x'] }),
        'value 1 is not a number',
      ],
      [reply({ v: 1, error: 'boom' }), 'unknown error'],
    ];
    for (const [text, detail] of bad)
      assert.deepEqual(parseLiveReply(text, 100), { ok: false, reason: 'malformed', detail }, text);
    assert.deepEqual(parseLiveReply("Traceback:\n  NameError: name 'y' is not defined\n", 100), {
      ok: false,
      reason: 'foreign',
      text: "NameError: name 'y' is not defined",
    });
    assert.deepEqual(parseLiveReply(reply({ v: 1, error: 'notNumeric', type: 'builtins.str' }), 100), {
      ok: false,
      reason: 'notNumeric',
      type: 'builtins.str',
    });
  });

  void it('completes a call subject; refuses softmax of a sample', () => {
    const base = subjectOfText('[0.0]', SETTINGS, {}, 'gelu');
    assert.equal(base.kind, 'subject');
    if (base.kind !== 'subject') return;
    const full = parseLiveReply(
      reply({ v: 1, fw: 'pytorch', dtype: 'float64', shape: [2], size: 2, values: [1, 2] }),
      100,
    );
    assert.ok(full.ok);
    const s = liveSubject(base.subject, full.value, 'x');
    assert.ok(s.ok);
    assert.equal(s.subject.dtype, 'float64');
    assert.deepEqual(s.subject.input.values, [1, 2]);
    const sample = parseLiveReply(
      reply({ v: 1, fw: null, dtype: null, shape: [9], size: 9, values: [1, 2, 3] }),
      3,
    );
    assert.ok(sample.ok);
    assert.deepEqual(liveSubject({ ...base.subject, activation: 'softmax' }, sample.value, 'x'), {
      ok: false,
      reason: 'sampledVector',
      size: 9,
    });
  });
});
