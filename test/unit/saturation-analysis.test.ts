// analyzeInputs (per-element saturation / dead units / sides, summary) and depthGradient (|f'|^L in logs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeInputs, depthGradient } from '../../src/core/saturation';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

suite('analyzeInputs', () => {
  test('sigmoid on the seed inputs ±10 (exact): both tails saturated, not dead, outputs not zero-centred', () => {
    const { elements, summary } = analyzeInputs('sigmoid', [-10, -3, 0, 3, 10], [5], { epsilon: 0.01 });
    assert.deepEqual(
      elements.map((e) => [e.saturated, e.dead, e.side]),
      [
        [true, false, 'left'],
        [false, false, null],
        [false, false, null],
        [false, false, null],
        [true, false, 'right'],
      ],
    );
    assert.equal(summary.count, 5);
    assert.equal(summary.saturated, 2);
    assert.equal(summary.saturatedShare, 0.4);
    assert.equal(summary.leftSaturated, 1);
    assert.equal(summary.rightSaturated, 1);
    assert.ok(Math.abs(summary.outputMean - 0.5) < 1e-15);
    assert.equal(summary.zeroCentred, false);
  });
  test('tanh on symmetric inputs is zero-centred (the seed′s point about tanh vs sigmoid)', () => {
    const xs = [-3, -2, -1, 0, 1, 2, 3];
    assert.equal(analyzeInputs('tanh', xs, [7], { epsilon: 0.01 }).summary.zeroCentred, true);
    assert.equal(analyzeInputs('sigmoid', xs, [7], { epsilon: 0.01 }).summary.zeroCentred, false);
    assert.equal(analyzeInputs('relu', xs, [7], { epsilon: 0.01 }).summary.zeroCentred, false);
  });
  test('relu: negative inputs are dead units; 0 is alive in exact maths (f′(0⁺) = 1) but dead in TF (ReluGrad)', () => {
    const exact = analyzeInputs('relu', [-2, -1, 0, 1], [4], { epsilon: 0.01 });
    assert.deepEqual(
      exact.elements.map((e) => e.dead),
      [true, true, false, false],
    );
    assert.equal(exact.summary.dead, 2);
    assert.equal(exact.elements[0].side, 'left');
    const tf = analyzeInputs('relu', [-2, -1, 0, 1], [4], { epsilon: 0.01, dialect: 'tensorflow' });
    assert.deepEqual(
      tf.elements.map((e) => e.dead),
      [true, true, true, false],
    );
  });
  test('TF sigmoid at 20 is dead (gradient exactly 0) while the exact maths is only saturated', () => {
    const tf = analyzeInputs('sigmoid', [20, 0], [2], { epsilon: 1e-3, dialect: 'tensorflow' });
    assert.equal(tf.elements[0].dead, true);
    assert.equal(tf.elements[0].side, 'right');
    const exact = analyzeInputs('sigmoid', [20, 0], [2], { epsilon: 1e-3 });
    assert.equal(exact.elements[0].dead, false);
    assert.equal(exact.elements[0].saturated, true);
    // Framework x are the float32 inputs it evaluated.
    assert.equal(
      analyzeInputs('sigmoid', [0.1], [1], { epsilon: 1e-3, dialect: 'pytorch' }).elements[0].x,
      Math.fround(0.1),
    );
  });
  test('gelu near its minimum is saturated in the interior', () => {
    const { elements } = analyzeInputs('gelu', [-0.75, -5, 2], [3], { epsilon: 0.01 });
    assert.deepEqual(
      elements.map((e) => e.side),
      ['interior', 'left', null],
    );
  });
  test('softmax: a suppressed logit saturates on the left, a dominant one on the right', () => {
    const { elements, summary } = analyzeInputs('softmax', [0, 12, -12, 1], [4], { epsilon: 0.01 });
    assert.deepEqual(
      elements.map((e) => [e.saturated, e.side]),
      [
        [true, 'left'],
        [true, 'right'],
        [true, 'left'],
        [true, 'left'],
      ],
    );
    assert.equal(summary.leftSaturated, 3);
    const l = analyzeInputs('log_softmax', [0, 12, -12], [3], { epsilon: 0.01 });
    assert.deepEqual(
      l.elements.map((e) => [e.saturated, e.side]),
      [
        [false, null],
        [true, 'right'],
        [false, null],
      ],
    );
  });
  test('NaN inputs are neither saturated nor counted in the mean; empty input; validation', () => {
    const { elements, summary } = analyzeInputs('tanh', [NaN, 1], [2], { epsilon: 0.01 });
    assert.equal(elements[0].saturated, false);
    assert.ok(Math.abs(summary.outputMean - Math.tanh(1)) < 1e-15);
    const empty = analyzeInputs('tanh', [], [0], { epsilon: 0.01 });
    assert.equal(empty.summary.count, 0);
    assert.equal(empty.summary.saturatedShare, 0);
    assert.throws(() => analyzeInputs('tanh', [1], [1], { epsilon: -1 }), /epsilon/);
  });
});

suite('depthGradient', () => {
  test('|f′|^L through logs, with the sign for odd L', () => {
    const r = depthGradient([0.25, -0.5, -0.5, 1], 3);
    assert.deepEqual(Array.from(r.value), [0.25 ** 3, -(0.5 ** 3), -(0.5 ** 3), 1]);
    assert.ok(Math.abs(r.log10[0] - 3 * Math.log10(0.25)) < 1e-15);
    const even = depthGradient([-0.5], 2);
    assert.equal(even.value[0], 0.25);
  });
  test('sigmoid′ ≤ 0.25 over 10 layers: at most 0.25^10 ≈ 9.5e-7 (vanishing gradients)', () => {
    const r = depthGradient([0.25], 10);
    assert.ok(Math.abs(r.value[0] - 9.5367431640625e-7) < 1e-20);
    assert.ok(Math.abs(r.log10[0] - 10 * Math.log10(0.25)) < 1e-14);
  });
  test('no underflow surprises: log10 stays finite; value is 0 only below 10^−323.6', () => {
    const r = depthGradient([1e-5, 0.1, 0], 100);
    assert.equal(r.log10[0], -500);
    assert.equal(r.value[0], 0);
    assert.ok(Math.abs(r.log10[1] + 100) < 1e-12 && r.value[1] > 0);
    assert.equal(r.log10[2], -Infinity);
    assert.equal(r.value[2], 0);
    const deep = depthGradient([0.1], 323);
    assert.ok(deep.value[0] > 0 && deep.log10[0] > -323.6, 'a denormal, not 0');
    const deeper = depthGradient([0.1], 324);
    assert.equal(deeper.value[0], 0);
    assert.ok(deeper.log10[0] < -323.6);
  });
  test('L = 0 gives 1, NaN propagates, invalid L throws', () => {
    assert.deepEqual(Array.from(depthGradient([0.3, 0], 0).value), [1, 1]);
    assert.ok(Number.isNaN(depthGradient([NaN], 3).value[0]));
    assert.throws(() => depthGradient([1], 1.5), /layers/);
    assert.throws(() => depthGradient([1], -1), /layers/);
  });
});
