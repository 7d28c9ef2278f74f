// TensorFlow.js (@tensorflow/tfjs, CPU backend in Node) as the oracle of TF.js calls: every TF.js activation op,
// parameter set and input, values and tf.grad derivatives (softmax: the Jacobian diagonal, one one-hot upstream
// gradient per column), and tensor.toString() against the core's TF.js printer. Runs in this process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { TFJS_ACTIVATIONS, evaluateTfjs, formatTfjs, getActivation, type ActivationId } from './core';
import { describeMismatches, mismatches } from './compare';
import { elementwiseInputs, vectorInputs } from './inputs';
import { paramText } from './paramSets';
import { writeReport } from './report';

/** TF.js's parameters: only leakyRelu (alpha) and prelu (a tensor alpha) take any. */
const TFJS_PARAMS: Partial<Record<ActivationId, Record<string, number>[]>> = {
  leaky_relu: [{ alpha: 0.2 }, { alpha: 0.01 }, { alpha: 0.3 }],
  prelu: [{ alpha: 0.25 }, { alpha: -0.1 }],
};

function op(id: ActivationId, p: Record<string, number>): (x: tf.Tensor) => tf.Tensor {
  switch (id) {
    case 'sigmoid':
      return (x) => tf.sigmoid(x);
    case 'tanh':
      return (x) => tf.tanh(x);
    case 'relu':
      return (x) => tf.relu(x);
    case 'relu6':
      return (x) => tf.relu6(x);
    case 'leaky_relu':
      return (x) => tf.leakyRelu(x, p.alpha);
    case 'elu':
      return (x) => tf.elu(x);
    case 'selu':
      return (x) => tf.selu(x);
    case 'softplus':
      return (x) => tf.softplus(x);
    case 'softmax':
      return (x) => tf.softmax(x);
    case 'log_softmax':
      return (x) => tf.logSoftmax(x);
    case 'log_sigmoid':
      return (x) => tf.logSigmoid(x);
    case 'exponential':
      return (x) => tf.exp(x);
    case 'prelu':
      return (x) => tf.prelu(x, tf.scalar(p.alpha));
    default:
      throw new Error(`TF.js has no op for ${id}`);
  }
}

/** Values, derivative and print of one TF.js call. */
function runTfjs(id: ActivationId, p: Record<string, number>, values: number[], shape: number[]) {
  return tf.tidy(() => {
    const f = op(id, p);
    const x = tf.tensor(values, shape, 'float32');
    const y = f(x);
    let dy: Float32Array;
    if (getActivation(id).vector) {
      const n = shape[shape.length - 1];
      dy = new Float32Array(values.length);
      for (let col = 0; col < n; col++) {
        const oneHot = tf.tensor(
          values.map((_, i) => (i % n === col ? 1 : 0)),
          shape,
          'float32',
        );
        const g = tf.grad(f)(x, oneHot).dataSync();
        for (let i = col; i < values.length; i += n) dy[i] = g[i];
      }
    } else {
      dy = tf.grad(f)(x).dataSync() as Float32Array;
    }
    return { y: Float32Array.from(y.dataSync()), dy: Float32Array.from(dy), str: y.toString() };
  });
}

const stats = { cases: 0, elements: 0, prints: 0, inexact: 0 };

void test('tfjs: the CPU backend is running', async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  assert.equal(tf.getBackend(), 'cpu');
});

for (const id of TFJS_ACTIVATIONS) {
  void test(`tfjs: tf.${id} values, tf.grad derivatives and toString() match TF.js`, () => {
    const problems: string[] = [];
    const inputs = getActivation(id).vector ? vectorInputs() : elementwiseInputs();
    for (const params of TFJS_PARAMS[id] ?? [{}]) {
      for (const input of inputs) {
        const key = `${id}|${paramText(params)}|${input.name}`;
        const real = runTfjs(id, params, input.values, input.shape);
        const core = evaluateTfjs(id, input.values, input.shape, params);
        const mv = mismatches(input.values, core.values, real.y);
        const md = mismatches(input.values, core.derivative, real.dy);
        stats.cases++;
        stats.elements += real.y.length + real.dy.length;
        if (mv.length) problems.push(`${key} values:\n${describeMismatches(mv)}`);
        if (md.length) problems.push(`${key} derivative:\n${describeMismatches(md)}`);
        const printed = formatTfjs(real.y, input.shape);
        stats.prints++;
        if (printed !== real.str)
          problems.push(`${key} toString():\n  tfjs: ${real.str}\n  core: ${printed}`);
      }
    }
    assert.equal(problems.length, 0, problems.join('\n'));
  });
}

void test('tfjs: report', () => {
  writeReport({ framework: 'tfjs', version: tf.version.tfjs, ...stats });
  assert.ok(stats.cases > 0);
});
