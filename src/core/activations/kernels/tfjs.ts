// TensorFlow.js CPU backend (tfjs-backend-cpu 4.x) kernels and tfjs-core gradients, op by op.
// Each TF.js op computes in JavaScript's float64 on float32 inputs and stores a float32 tensor, so a single op is
// "float64 maths, rounded once" — but a gradient is a chain of ops, each rounded: SigmoidGrad is
// mul(y, sub(1, y)), EluGrad works from the output (v ≥ 0 ? 1 : v + 1), SeluGrad uses float32 constants and
// exp(x), softplus' gradient is sigmoid(x). Forward quirks kept: relu is Math.max(0, x) (−0 → 0), leakyRelu and
// prelu keep −0 (x < 0 ? α·x : x), elu/selu use exp(x) − 1 (not expm1), softplus uses log(1 + exp(x)) with
// TF's float64 cut-offs log(ε) + 2, softmax subtracts the row max, sums in float64 and divides.
// Denormals are kept (JavaScript has no flush-to-zero). Compared with the real @tensorflow/tfjs by the oracle
// layer (test/oracle).

import type { ActivationId } from '../../types';
import { SELU_LAMBDA, SELU_LAMBDA_ALPHA, type ResolvedParams } from '../registry';

const F = Math.fround;
/** backend_util.SELU_SCALE / SELU_SCALEALPHA (the registry's λ and λα): float64 in the forward kernel, float32
 * scalars in the gradient. */
const SELU_SCALE = SELU_LAMBDA;
const SELU_SCALEALPHA = SELU_LAMBDA_ALPHA;
/** tfjs-backend-cpu Softplus: Math.log(2^-23) + 2, in float64. */
const SOFTPLUS_THRESHOLD = Math.log(1.1920928955078125e-7) + 2.0;

/** The activations TF.js has as ops (tf.sigmoid, tf.leakyRelu, tf.logSoftmax, …). */
export const TFJS_ACTIVATIONS: readonly ActivationId[] = [
  'sigmoid',
  'tanh',
  'relu',
  'relu6',
  'leaky_relu',
  'elu',
  'selu',
  'softplus',
  'softmax',
  'log_softmax',
  'log_sigmoid',
  'exponential',
  'prelu',
];

function sigmoid64(v: number): number {
  return 1 / (1 + Math.exp(-v));
}

function softplus64(v: number): number {
  const e = Math.exp(v);
  if (v < SOFTPLUS_THRESHOLD) return e;
  if (v > -SOFTPLUS_THRESHOLD) return v;
  return Math.log(1.0 + e);
}

/** step(x) of the relu gradients: NaN stays NaN. */
function step(v: number): number {
  return v !== v ? NaN : v > 0 ? 1 : 0;
}

type Elementwise = (v: number, p: ResolvedParams) => [number, number];

const ELEMENTWISE: Partial<Record<ActivationId, Elementwise>> = {
  sigmoid: (v) => {
    const y = F(sigmoid64(v));
    return [y, F(y * F(1 - y))];
  },
  tanh: (v) => {
    const y = F(Math.tanh(v));
    return [y, F(1 - F(y * y))];
  },
  relu: (v) => [Math.max(0, v), step(v)],
  // mask = lessEqual(x, 6) · step(x): 1 at x = 6, NaN for NaN.
  relu6: (v) => [Math.min(Math.max(0, v), 6), (v <= 6 ? 1 : 0) * step(v)],
  leaky_relu: (v, p) => [v < 0 ? F(p.alpha * v) : v, v > 0 ? 1 : F(p.alpha)],
  // tf.elu has no α: always exp(x) − 1.
  elu: (v) => {
    const y = v >= 0 ? v : F(Math.exp(v) - 1);
    return [y, y >= 0 ? 1 : F(y + 1)];
  },
  selu: (v) => [
    v >= 0 ? F(SELU_SCALE * v) : F(SELU_SCALEALPHA * (Math.exp(v) - 1)),
    v > 0 ? F(SELU_SCALE) : F(F(SELU_SCALEALPHA) * F(Math.exp(v))),
  ],
  softplus: (v) => [F(softplus64(v)), F(sigmoid64(v))],
  // logSigmoid = neg(softplus(neg(x))), custom gradient sigmoid(neg(x)).
  log_sigmoid: (v) => [-F(softplus64(-v)), F(sigmoid64(-v))],
  exponential: (v) => {
    const y = F(Math.exp(v));
    return [y, y];
  },
  prelu: (v, p) => [v < 0 ? F(F(p.alpha) * v) : v, v > 0 ? 1 : F(p.alpha)],
};

/** Max_impl: NaN wins, else the largest. */
function rowMax(x: ArrayLike<number>, start: number, end: number): number {
  let m = x[start];
  for (let j = start + 1; j < end; j++) {
    const v = x[j];
    if (Number.isNaN(v) || v > m) m = v;
  }
  return m;
}

/**
 * softmax / log_softmax of each row of length n; the derivative is the Jacobian diagonal as tf.grad gives it for
 * a one-hot upstream gradient: softmax y − y·y (SoftmaxGrad), log_softmax 1 − exp(value).
 */
function vectorRows(
  id: 'softmax' | 'log_softmax',
  x: Float32Array,
  n: number,
  y: Float32Array,
  dy: Float32Array,
) {
  for (let start = 0; start < x.length; start += n) {
    const end = start + n;
    const m = rowMax(x, start, end);
    let sum = 0;
    for (let j = start; j < end; j++) {
      const e = F(Math.exp(F(x[j] - m)));
      y[j] = e;
      sum += e;
    }
    const s = F(sum);
    if (id === 'softmax') {
      for (let j = start; j < end; j++) {
        const v = F(y[j] / s);
        y[j] = v;
        dy[j] = F(v - F(v * v));
      }
    } else {
      const logSum = F(Math.log(s));
      for (let j = start; j < end; j++) {
        const v = F(F(x[j] - m) - logSum);
        y[j] = v;
        dy[j] = F(1 - F(Math.exp(v)));
      }
    }
  }
}

/**
 * Values and derivative of a TF.js activation op on float32 inputs (rounded here), or null when TF.js has no
 * such op. softmax / log_softmax work along the last axis (TF.js supports no other).
 */
export function tfjsKernel(
  id: ActivationId,
  values: ArrayLike<number>,
  shape: readonly number[],
  p: ResolvedParams,
): { values: Float32Array; derivative: Float32Array } | null {
  const x = Float32Array.from({ length: values.length }, (_, i) => values[i]);
  const y = new Float32Array(x.length);
  const dy = new Float32Array(x.length);
  if (id === 'softmax' || id === 'log_softmax') {
    const n = shape.length ? shape[shape.length - 1] : x.length;
    if (n > 0) vectorRows(id, x, n, y, dy);
    return { values: y, derivative: dy };
  }
  const f = ELEMENTWISE[id];
  if (!f) return null;
  for (let i = 0; i < x.length; i++) [y[i], dy[i]] = f(x[i], p);
  return { values: y, derivative: dy };
}
