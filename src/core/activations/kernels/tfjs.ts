// `tfjs` dialect: TensorFlow.js's CPU backend (tfjs-backend-cpu). Tensors hold float32 (subnormals kept, no FTZ),
// but each kernel computes with JavaScript's float64 Math on those values and stores its result in a Float32Array.
// So a single op is float64 maths on float32 inputs, rounded once (tf.sigmoid(2) = 0.8807971, not the article's
// TensorFlow 0.880797). Gradients are the ops' registered gradient functions (tfjs-core/src/gradients), each
// intermediate op rounded to float32, with TF.js's conventions at the kinks (activation-math.md §2.C/§2.D):
// relu′(0) = 0, relu6′(6) = 1 (`(x <= 6) * step(x)`), leaky/prelu′(0) = α, elu′(0) = 1 (from y ≥ 0),
// selu′(0) = λα (`where(x > 0, …)`), softplus/log_sigmoid through sigmoid.
// hard_sigmoid is the layers' `hardSigmoid`, clip(0.2x + 0.5, 0, 1) with an inclusive clip gradient (Keras 2).
// Activations TF.js has only as compositions of layers ops or not at all (celu, gelu, gelu_tanh, silu, mish,
// softsign, hard_swish), and tf.exp, are float64 maths on the float32 input rounded once, value and derivative.

import type { ActivationId } from '../../types';
import { SELU_LAMBDA, SELU_LAMBDA_ALPHA } from '../registry';
import { EXACT_KERNELS } from './exact';
import type { Kernel, KernelTable } from './types';

const F = Math.fround;
const LAMBDA_F = F(SELU_LAMBDA);
const LAMBDA_ALPHA_F = F(SELU_LAMBDA_ALPHA);
/** tfjs-backend-cpu Softplus.ts: log(FLT_EPSILON) + 2, in float64. */
const SOFTPLUS_THRESHOLD = Math.log(1.1920928955078125e-7) + 2;

/** tf.sigmoid's forward: 1 / (1 + exp(−x)) in float64, stored as float32. */
const sigmoidF = (v: number): number => F(1 / (1 + Math.exp(-v)));

/** tf.softplus's forward (Softplus.ts): exp(x) below the threshold, x above −threshold, else log(1 + exp(x)). */
function softplusF(v: number): number {
  if (v < SOFTPLUS_THRESHOLD) return F(Math.exp(v));
  if (v > -SOFTPLUS_THRESHOLD) return v;
  return F(Math.log(1 + Math.exp(v)));
}

/** Float64 maths on the float32 input, value and derivative rounded once. */
function rounded(kernel: Kernel): Kernel {
  return (x, y, dy, p, ctx) => {
    kernel(x, y, dy, p, ctx);
    for (let i = 0; i < x.length; i++) {
      y[i] = F(y[i]);
      dy[i] = F(dy[i]);
    }
  };
}

const sigmoid: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const s = sigmoidF(x[i]);
    y[i] = s;
    // Sigmoid_grad.ts: dy * (y * (1 − y))
    dy[i] = F(s * F(1 - s));
  }
};

const tanh: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const t = F(Math.tanh(x[i]));
    y[i] = t;
    // Tanh_grad.ts: (1 − y²) * dy
    dy[i] = F(1 - F(t * t));
  }
};

/** step(x) of Step.ts with alpha 0: 1 above 0, 0 at and below, NaN for NaN. */
const step = (v: number): number => (v > 0 ? 1 : v === v ? 0 : v);

/** Relu.ts: Math.max(0, x), so relu(−0) = 0. */
const relu: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = Math.max(0, v);
    dy[i] = step(v);
  }
};

const relu6: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = Math.min(Math.max(0, v), 6);
    // Relu6_grad.ts: (x <= 6) * step(x): 1 at x = 6.
    dy[i] = v > 6 ? 0 : step(v);
  }
};

/** tf.leakyRelu: x < 0 ? α·x : x (−0 kept; α a JavaScript number, so α·x in float64 rounded once); gradient
 * where(x > 0, dy, dy·α) with α as a float32 scalar, so α at 0 and at NaN. */
const leaky: Kernel = (x, y, dy, p) => {
  const a = p.alpha;
  const aF = F(a);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v < 0 ? F(a * v) : v;
    dy[i] = v > 0 ? 1 : aF;
  }
};

/** tf.prelu: as leakyRelu, but α is a float32 tensor already. */
const prelu: Kernel = (x, y, dy, p) => {
  const a = F(p.alpha);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v < 0 ? F(a * v) : v;
    dy[i] = v > 0 ? 1 : a;
  }
};

/** tf.elu (α = 1 in TF.js): x ≥ 0 ? x : exp(x) − 1; EluGrad from the output: y ≥ 0 ? dy : dy·(y + 1). */
const elu: Kernel = (x, y, dy, p) => {
  const a = p.alpha;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const out = v >= 0 ? v : v === v ? F(a * (Math.exp(v) - 1)) : v;
    y[i] = out;
    dy[i] = out >= 0 ? 1 : out === out ? F(a === 1 ? out + 1 : F(a * Math.exp(v))) : out;
  }
};

/** tf.selu: x ≥ 0 ? λx : λα(exp(x) − 1); gradient where(x > 0, dy·λ, dy·λα·exp(x)), so λα at 0. */
const selu: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v >= 0 ? F(SELU_LAMBDA * v) : v === v ? F(SELU_LAMBDA_ALPHA * (Math.exp(v) - 1)) : v;
    dy[i] = v > 0 ? LAMBDA_F : v === v ? F(LAMBDA_ALPHA_F * F(Math.exp(v))) : v;
  }
};

/** tf.softplus; gradient dy·sigmoid(x). beta ≠ 1 is softplus(βx)/β, as a user would write it. */
const softplus: Kernel = (x, y, dy, p) => {
  const b = p.beta;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (b === 1) {
      y[i] = softplusF(v);
      dy[i] = sigmoidF(v);
    } else {
      const bx = F(b * v);
      y[i] = F(softplusF(bx) / b);
      dy[i] = sigmoidF(bx);
    }
  }
};

/** tf.logSigmoid = −softplus(−x) with the custom gradient dy·sigmoid(−x). */
const logSigmoid: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = -softplusF(-v);
    dy[i] = sigmoidF(-v);
  }
};

/** layers hardSigmoid: clipByValue(0.5 + s·x, 0, 1) (s = 0.2); the clip passes the gradient on [0, 1] inclusive. */
const hardSigmoid: Kernel = (x, y, dy, p) => {
  const s = F(p.slope);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const pre = F(0.5 + F(s * v));
    y[i] = pre < 0 ? 0 : pre > 1 ? 1 : pre;
    dy[i] = pre >= 0 && pre <= 1 ? s : pre === pre ? 0 : pre;
  }
};

/** The activations TF.js has as ops (tf.sigmoid, tf.leakyRelu, tf.logSoftmax, …); the others only as layers. */
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

/** Every activation as float64 maths rounded once, overridden by those whose TF.js op computes otherwise. */
export const TFJS_KERNELS: KernelTable = {
  ...(Object.fromEntries(
    Object.entries(EXACT_KERNELS).map(([id, kernel]) => [id, rounded(kernel)]),
  ) as Record<keyof KernelTable, Kernel>),
  sigmoid,
  tanh,
  relu,
  leaky_relu: leaky,
  elu,
  relu6,
  selu,
  softplus,
  hard_sigmoid: hardSigmoid,
  log_sigmoid: logSigmoid,
  prelu,
};
