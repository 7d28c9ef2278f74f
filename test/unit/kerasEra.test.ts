// Era-consistent Keras: `tf.keras.*` is the Keras 2 of the tensorflow dialect's era (TF 1.13/1.14), `keras.*` is
// Keras 3 — hard_sigmoid's slope, and which names exist at all.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultParams, detectAt, evaluate } from '../../src/core';
import { evaluateDetection, type EvaluationSettings } from '../../src/core';

const SETTINGS: EvaluationSettings = {
  defaultActivation: 'sigmoid',
  defaultDialect: 'tensorflow',
  epsilon: 0.01,
  maxElements: 100_000,
};

function hoverValues(code: string): number[] | string {
  const d = detectAt((s, e) => code.slice(s, e), code.length, code.indexOf('(') - 1, 'python');
  if (!d || d.kind !== 'call') return 'no call';
  const ev = evaluateDetection(d, SETTINGS);
  return ev.kind === 'ok' ? Array.from(ev.output) : ev.kind;
}

const F = Math.fround;

void describe('Keras 2 (tf.keras) and Keras 3 (keras) semantics', () => {
  void it('tf.keras.activations.hard_sigmoid is Keras 2: clip(0.2·x + 0.5, 0, 1), flat beyond ±2.5', () => {
    assert.deepEqual(hoverValues('tf.keras.activations.hard_sigmoid([-3., -2.5, -1., 0., 1., 2.5, 3.])'), [
      0,
      0,
      F(F(F(0.2) * -1) + 0.5),
      0.5,
      F(F(F(0.2) * 1) + 0.5),
      1,
      1,
    ]);
  });

  void it('keras.activations / keras.ops hard_sigmoid is Keras 3: relu6(x + 3)/6, even in the tensorflow dialect', () => {
    const keras3 = [0, F(0.5 / 6), F(2 / 6), 0.5, F(4 / 6), F(5.5 / 6), 1];
    assert.deepEqual(
      hoverValues('keras.activations.hard_sigmoid([-3., -2.5, -1., 0., 1., 2.5, 3.])'),
      keras3,
    );
    assert.deepEqual(hoverValues('keras.ops.hard_sigmoid([-3., -2.5, -1., 0., 1., 2.5, 3.])'), keras3);
    // and PyTorch / JAX agree with Keras 3
    assert.deepEqual(hoverValues('F.hardsigmoid(torch.tensor([-3., -2.5, -1., 0., 1., 2.5, 3.]))'), keras3);
  });

  void it('Keras 3 on TF differentiates relu6(x + 3)/6: Relu6Grad is 0 at both kinks; Keras 2 clips inclusively', () => {
    const x = [-3, -2.5, 0, 2.5, 3];
    const k3 = evaluate('hard_sigmoid', x, [5], { dialect: 'tensorflow', params: { slope: 1 / 6 } });
    assert.deepEqual(Array.from(k3.derivative), [0, F(1 / 6), F(1 / 6), F(1 / 6), 0]);
    const k2 = evaluate('hard_sigmoid', x, [5], { dialect: 'tensorflow' });
    assert.deepEqual(Array.from(k2.derivative), [0, F(0.2), F(0.2), F(0.2), 0]);
  });

  void it('the slope defaults: 0.2 in the tensorflow dialect (Keras 2), 1/6 elsewhere', () => {
    assert.deepEqual(defaultParams('hard_sigmoid', 'tensorflow'), { slope: 0.2 });
    for (const d of ['exact', 'pytorch', 'jax'] as const)
      assert.deepEqual(defaultParams('hard_sigmoid', d), { slope: 1 / 6 });
  });

  void it('known limit (README): tf.keras.activations.softmax of a 1-D literal is computed, where Keras 2 raised', () => {
    // Keras 2 of the TF 1.x era: ValueError "Cannot apply softmax to a tensor that is 1D". The hover computes it
    // as Keras 3 and tf.nn.softmax do; this pins that choice.
    const v = hoverValues('tf.keras.activations.softmax([1., 2.])');
    assert.ok(Array.isArray(v) && v.length === 2, String(v));
    assert.ok(Math.abs(v[0] + v[1] - 1) < 1e-6);
  });

  void it('names Keras 2 never had are not activation calls under tf.keras (AttributeError there); Keras 3 has them', () => {
    for (const name of ['relu6', 'leaky_relu', 'celu', 'silu', 'hard_silu', 'log_sigmoid', 'log_softmax']) {
      assert.equal(hoverValues(`tf.keras.activations.${name}([-1., 1.])`), 'no call', `tf.keras ${name}`);
      assert.notEqual(hoverValues(`keras.activations.${name}([-1., 1.])`), 'no call', `keras ${name}`);
    }
    // Keras 2 did have swish, gelu and mish (TF 2.2, 2.4, 2.13)
    for (const name of ['swish', 'gelu', 'mish']) {
      assert.notEqual(hoverValues(`tf.keras.activations.${name}([-1., 1.])`), 'no call', `tf.keras ${name}`);
    }
  });
});
