// `tensorflow` dialect: TF 1.13/1.14 CPU kernels (the seed article's era: 2019, TF 1.x eager) in float32
// with flush-to-zero, on an x86 wheel built with AVX but without FMA.
//
// What is emulated and why
// - sigmoid: Eigen 2018-11-12 (77b447c2) scalar_logistic_op<float>. Its vectorised path is a 9/10
//   rational clamped to [−18, 18]; its scalar path is 1/(1 + exp(−x)). TF's executor runs packets of 8
//   and a scalar tail (eigen.ts `tfPacketEnd`), so the seed's 7-element tensor went entirely through the
//   scalar path: that is the only variant that prints 0.880797 for σ(2) (the rational gives 0.8807971,
//   the correctly rounded value). Which path an element takes is chosen by ctx.packetEnd.
// - tanh: Eigen generic_fast_tanh_float, 13/6 rational clamped at ±9 (2016-08 … 2019-12). FMA and
//   non-FMA agree on the seed's inputs; non-FMA (x86 wheels) is the default and reproduces TF issue
//   #34773 (tanh(−8.51089) = −1.0000001); the FMA variant reproduces issue #23054.
// - Gradients are TF's gradient kernels: SigmoidGrad y(1−y), TanhGrad 1−y², EluGrad (y<0 ? y+1 : 1),
//   SeluGrad (y<0 ? y+λα : λ), ReluGrad (x>0), Relu6Grad (0<x<6), LeakyReluGrad (x>0 ? 1 : α),
//   SoftplusGrad 1/(exp(−x)+1), SoftsignGrad 1/(1+|x|)²; composites (gelu, silu, mish, celu,
//   hard_sigmoid, hard_swish, log_sigmoid, prelu) follow the chain rule of the TF ops they are made of,
//   including TF's tie rules for Maximum/Minimum (ties pass the gradient).
// - elu is exp(x) − 1 (TF's functor, not expm1); α ≠ 1 is Keras' tf.where(x > 0, elu(x), α·elu(x)).
// - hard_sigmoid: Keras 2's clip(0.2·x + 0.5) for tf.keras (slope 0.2, the default), Keras 3's relu6(x + 3)/6
//   for keras.* (slope 1/6).
// - Ops that TF 1.x did not have use the later TF/Keras definitions on the same Eigen: gelu (TF 2.4
//   composite with Eigen's 13/8 float erf clamped at ±4), silu (tf.nn.silu), mish (Keras 2.13),
//   celu and hard_swish (Keras 3 on the TF backend), prelu (the Keras PReLU layer).
// - Not emulated: Eigen's own vectorised exp (pexp, ≤ 1 ulp from the correctly rounded value we use),
//   multi-threaded sharding, and the NaN quirks of SSE min/max (NaN propagates here).

import { eigenErf2019, eigenFastTanh, eigenLogisticPacket2018, eigenLogisticScalar2018 } from '../eigen';
import { f32ftz as F } from '../float32';
import { HARD_SIGMOID_SIXTH, SELU_LAMBDA, SELU_LAMBDA_ALPHA } from '../registry';
import type { Kernel, KernelContext, KernelTable } from './types';

const LAMBDA_F = Math.fround(SELU_LAMBDA);
const LAMBDA_ALPHA_F = Math.fround(SELU_LAMBDA_ALPHA);
/** softplus_op.h: log(NumTraits<float>::epsilon()) + 2 = −13.942385 (float32). */
const SOFTPLUS_THRESHOLD = F(F(Math.log(1.1920928955078125e-7)) + 2);
const SQRT2_F = Math.fround(1.4142135623730951);
const TWO_OVER_SQRT_PI_F = Math.fround(2 / Math.sqrt(Math.PI));
const GELU_K_F = Math.fround(0.7978845608028654);
const GELU_C_F = Math.fround(0.044715);
const SIXTH_F = Math.fround(1 / 6);

/** tf.math.softplus forward (float32): x above −threshold, exp(x) below threshold, log1p(exp(x)) between. */
export function tfSoftplus(v: number): number {
  if (v > -SOFTPLUS_THRESHOLD) return v;
  const e = F(Math.exp(v));
  if (v < SOFTPLUS_THRESHOLD) return e;
  return F(Math.log1p(e));
}

/** SoftplusGrad for an upstream gradient of 1: 1/(exp(−x) + 1). */
function tfSoftplusGrad(v: number): number {
  return F(1 / F(F(Math.exp(-v)) + 1));
}

/** tf.sigmoid of element i: packet path (rational) below packetEnd, scalar path after. */
function tfSigmoid(v: number, i: number, ctx: KernelContext): number {
  return i < ctx.packetEnd ? eigenLogisticPacket2018(v, ctx.fma) : eigenLogisticScalar2018(v);
}

/** TF's tanh (Eigen fast rational, clamp ±9). */
function tfTanh(v: number, fma: boolean): number {
  return eigenFastTanh(v, fma, 9, 0);
}

const sigmoid: Kernel = (x, y, dy, _p, ctx) => {
  const pe = ctx.packetEnd;
  const fma = ctx.fma;
  for (let i = 0; i < x.length; i++) {
    const s = i < pe ? eigenLogisticPacket2018(x[i], fma) : eigenLogisticScalar2018(x[i]);
    y[i] = s;
    dy[i] = F(s * F(1 - s));
  }
};

const tanh: Kernel = (x, y, dy, _p, ctx) => {
  const fma = ctx.fma;
  for (let i = 0; i < x.length; i++) {
    const t = eigenFastTanh(x[i], fma, 9, 0);
    y[i] = t;
    dy[i] = F(1 - F(t * t));
  }
};

const relu: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v > 0 ? v : v === v ? 0 : v;
    dy[i] = v > 0 ? 1 : 0;
  }
};

const relu6: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v > 6 ? 6 : v > 0 ? v : v === v ? 0 : v;
    dy[i] = v > 0 && v < 6 ? 1 : 0;
  }
};

const leakyRelu: Kernel = (x, y, dy, p) => {
  const a = Math.fround(p.alpha);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v > 0 ? v : F(v * a);
    dy[i] = v > 0 ? 1 : a;
  }
};

const elu: Kernel = (x, y, dy, p) => {
  const a = Math.fround(p.alpha);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const y1 = v < 0 ? F(F(Math.exp(v)) - 1) : v;
    const g1 = y1 < 0 ? F(y1 + 1) : 1;
    if (v > 0) {
      y[i] = v;
      dy[i] = 1;
    } else {
      y[i] = F(a * y1);
      dy[i] = F(a * g1);
    }
  }
};

const selu: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const s = v < 0 ? F(LAMBDA_ALPHA_F * F(F(Math.exp(v)) - 1)) : F(LAMBDA_F * v);
    y[i] = s;
    dy[i] = s < 0 ? F(s + LAMBDA_ALPHA_F) : LAMBDA_F;
  }
};

/** Keras 3 (TF backend): maximum(x, 0) + α·expm1(minimum(x, 0)/α); both ties pass the gradient (f'(0) = 2). */
const celu: Kernel = (x, y, dy, p) => {
  const a = Math.fround(p.alpha);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const m = F((v < 0 ? v : v === v ? 0 : v) / a);
    const e = F(Math.expm1(m));
    y[i] = F((v > 0 ? v : v === v ? 0 : v) + F(a * e));
    const gMin = F(F(F(a) * F(Math.exp(m))) / a);
    dy[i] = F((v >= 0 ? 1 : 0) + (v <= 0 ? gMin : 0));
  }
};

/** tf.nn.gelu(approximate=False) = 0.5·x·(1 + erf(x/√2)), gradient by TF autodiff (ErfGrad uses exp(−z²)). */
const gelu: Kernel = (x, y, dy, _p, ctx) => {
  const fma = ctx.fma;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const z = F(v / SQRT2_F);
    const w = F(1 + eigenErf2019(z, fma));
    const u = F(0.5 * v);
    y[i] = F(u * w);
    const gz = F(F(u * TWO_OVER_SQRT_PI_F) * F(Math.exp(-F(z * z))));
    dy[i] = F(F(w * 0.5) + F(gz / SQRT2_F));
  }
};

/** tf.nn.gelu(approximate=True) = 0.5·x·(1 + tanh(0.79788456·(x + 0.044715·x³))), TF autodiff. */
const geluTanh: Kernel = (x, y, dy, _p, ctx) => {
  const fma = ctx.fma;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const p3 = F(Math.pow(v, 3));
    const b = F(v + F(GELU_C_F * p3));
    const t = tfTanh(F(GELU_K_F * b), fma);
    const w = F(1 + t);
    const u = F(0.5 * v);
    y[i] = F(u * w);
    const gb = F(F(u * F(1 - F(t * t))) * GELU_K_F);
    const gPow = F(F(F(gb * GELU_C_F) * 3) * F(v * v));
    dy[i] = F(F(F(w * 0.5) + gb) + gPow);
  }
};

/** tf.nn.silu(x, beta) = x·sigmoid(βx), with TF's custom gradient σ(1 + βx(1 − σ)). */
const silu: Kernel = (x, y, dy, p, ctx) => {
  const b = Math.fround(p.beta);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const z = F(b * v);
    const s = tfSigmoid(z, i, ctx);
    y[i] = F(v * s);
    dy[i] = F(s * F(1 + F(z * F(1 - s))));
  }
};

/** Keras 2.13 mish: x·tanh(softplus(x)) on TF ops. */
const mish: Kernel = (x, y, dy, _p, ctx) => {
  const fma = ctx.fma;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const sp = tfSoftplus(v);
    const t = tfTanh(sp, fma);
    y[i] = F(v * t);
    const gSp = F(F(v * F(1 - F(t * t))) / F(F(Math.exp(-v)) + 1));
    dy[i] = F(t + gSp);
  }
};

/** tf.math.softplus; β ≠ 1 as softplus(β·x)/β (TF has no β). */
const softplus: Kernel = (x, y, dy, p) => {
  const b = Math.fround(p.beta);
  if (b === 1) {
    for (let i = 0; i < x.length; i++) {
      y[i] = tfSoftplus(x[i]);
      dy[i] = tfSoftplusGrad(x[i]);
    }
    return;
  }
  const inv = F(1 / b);
  for (let i = 0; i < x.length; i++) {
    const z = F(b * x[i]);
    y[i] = F(tfSoftplus(z) / b);
    dy[i] = F(F(inv / F(F(Math.exp(-z)) + 1)) * b);
  }
};

const softsign: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const a = F(Math.abs(v) + 1);
    y[i] = F(v / a);
    dy[i] = F(1 / F(a * a));
  }
};

/**
 * Keras 2 hard_sigmoid (tf.keras, slope 0.2): clip_by_value(slope·x + 0.5, 0, 1), the clip's gradient inclusive
 * at 0 and 1. Keras 3 on TF (slope 1/6): relu6(x + 3) / 6, whose Relu6Grad is 0 at both kinks.
 */
const hardSigmoid: Kernel = (x, y, dy, p) => {
  if (p.slope === HARD_SIGMOID_SIXTH) {
    for (let i = 0; i < x.length; i++) {
      const a = F(x[i] + 3);
      y[i] = F((a > 6 ? 6 : a > 0 ? a : a === a ? 0 : a) / 6);
      dy[i] = a > 0 && a < 6 ? SIXTH_F : 0;
    }
    return;
  }
  const s = Math.fround(p.slope);
  for (let i = 0; i < x.length; i++) {
    const t = F(F(s * x[i]) + 0.5);
    y[i] = t > 1 ? 1 : t < 0 ? 0 : t;
    dy[i] = t >= 0 && t <= 1 ? s : t === t ? 0 : t;
  }
};

/** Keras 3 hard_silu on TF: x·(relu6(x + 3)/6); Relu6Grad is 0 at both ends (f'(−3) = 0, f'(3) = 1). */
const hardSwish: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const a = F(v + 3);
    const r = a > 6 ? 6 : a > 0 ? a : a === a ? 0 : a;
    const h = F(r / 6);
    y[i] = F(v * h);
    dy[i] = F(h + (a > 0 && a < 6 ? F(v / 6) : 0));
  }
};

const exponential: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const e = F(Math.exp(x[i]));
    y[i] = e;
    dy[i] = e;
  }
};

/** tf.math.log_sigmoid = −softplus(−x). */
const logSigmoid: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = -tfSoftplus(-v);
    dy[i] = F(1 / F(F(Math.exp(v)) + 1));
  }
};

/** Keras PReLU layer: relu(x) − α·relu(−x); f'(0) = 0 (both ReluGrads are 0 there). */
const prelu: Kernel = (x, y, dy, p) => {
  const a = Math.fround(p.alpha);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const pos = v > 0 ? v : v === v ? 0 : v;
    const nv = -v;
    const neg = F(a * (nv > 0 ? nv : nv === nv ? 0 : nv));
    y[i] = F(pos - neg);
    dy[i] = F((v > 0 ? 1 : 0) + (nv > 0 ? a : 0));
  }
};

/** TensorFlow (TF 1.x era Eigen, x86 AVX, no FMA, FTZ) float32 kernels. */
export const TENSORFLOW_KERNELS: KernelTable = {
  sigmoid,
  tanh,
  relu,
  leaky_relu: leakyRelu,
  elu,
  relu6,
  selu,
  celu,
  gelu,
  gelu_tanh: geluTanh,
  silu,
  mish,
  softplus,
  softsign,
  hard_sigmoid: hardSigmoid,
  hard_swish: hardSwish,
  exponential,
  log_sigmoid: logSigmoid,
  prelu,
};
