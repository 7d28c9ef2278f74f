// Issue 13.15: in Markdown, only fenced code blocks are code (hovers and inline results stay out of prose).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inCodeRange, markdownCodeRanges } from '../../src/core/detect/markdownCode';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const DOC = [
  'Prose with tf.nn.relu([-1., 2.]) in it.',
  '```python',
  'y = tf.nn.sigmoid([-3., 0., 3.])',
  '```',
  'More prose: torch.tanh(torch.tensor([1.]))',
  '~~~~js',
  'tf.relu(tf.tensor1d([-1, 2]))',
  '~~~',
  'tf.nn.elu([-1.])',
  '~~~~',
  '````',
  'still in the block: the ~~~ above did not close the tilde fence, and this ``` does not close ````',
  '```',
  '````',
  'after',
].join('\n');

const at = (needle: string): number => DOC.indexOf(needle);

suite('markdownCodeRanges', () => {
  const ranges = markdownCodeRanges(DOC);
  test('calls in fenced blocks are code; calls in prose and on fence lines are not', () => {
    assert.equal(inCodeRange(ranges, at('tf.nn.relu')), false);
    assert.equal(inCodeRange(ranges, at('tf.nn.sigmoid')), true);
    assert.equal(inCodeRange(ranges, at('torch.tanh')), false);
    assert.equal(inCodeRange(ranges, at('```python')), false);
    assert.equal(inCodeRange(ranges, at('after')), false);
  });
  test('a fence closes only with the same character and at least its length', () => {
    assert.equal(inCodeRange(ranges, at('tf.relu')), true);
    assert.equal(inCodeRange(ranges, at('tf.nn.elu')), true, '~~~ does not close ~~~~');
    assert.equal(inCodeRange(ranges, at('still in the block')), true, '``` does not close ````');
    assert.equal(inCodeRange(ranges, at('More prose')), false);
  });
  test('an unclosed fence runs to the end', () => {
    const r = markdownCodeRanges('text\n```\nx = tf.nn.relu([1.])');
    assert.equal(inCodeRange(r, 'text\n```\nx'.length - 1), true);
    assert.equal(inCodeRange(r, 0), false);
  });
  test('linear: 200,000 lines', () => {
    const big = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? '```' : 'prose')).join('\n');
    assert.ok(markdownCodeRanges(big).length > 0);
  });
});
