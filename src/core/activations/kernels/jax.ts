// `jax` dialect: jax.nn on XLA CPU, float32 with flush-to-zero (XLA's CPU executable sets FTZ/DAZ like
// TF). tanh is XLA's EmitFastTanh (Eigen's 13/6 rational, |x| < 0.0004 → x) on an FMA host with FP-op
// fusion, so the clamp is 7.99881172 and the multiply-adds are fused (ctx.fma, default true); other
// transcendentals are correctly rounded float32. Derivatives are JAX's JVP rules: logistic g·y·(1−y),
// tanh (g + g·y)(1 − y), expm1 g·(y + 1) (from the output, so ELU/SELU/CELU gradients die where
// expm1 rounds to −1), relu / relu6 custom_jvp (0 at the kinks), leaky_relu where(x >= 0) (1 at 0),
// max/min ties split ½/½ (celu′(0) = 1), logaddexp (softplus) exp(x − y).
// id 'gelu' is the erf form (jax.nn.gelu(approximate=False), via erfc); jax.nn.gelu's default tanh
// approximation is id 'gelu_tanh'. JAX has no prelu: it is where(x >= 0, x, a·x) like leaky_relu.

import { erfc } from '../erf';
import { xlaFastTanh } from '../eigen';
import { f32ftz as F } from '../float32';
import { HARD_SIGMOID_SIXTH, SELU_ALPHA, SELU_LAMBDA } from '../registry';
import type { Kernel, KernelTable } from './types';

const ALPHA_F = Math.fround(SELU_ALPHA);
const SCALE_F = Math.fround(SELU_LAMBDA);
const SQRT_HALF_F = Math.fround(Math.SQRT1_2);
const MINUS_TWO_OVER_SQRT_PI_F = Math.fround(-2 / Math.sqrt(Math.PI));
const SQRT_2_OVER_PI_F = Math.fround(Math.sqrt(2 / Math.PI));
const GELU_C_F = Math.fround(0.044715);
const ONE_SIXTH_F = Math.fround(1 / 6);

function jaxSigmoid(v: number): number {
  return F(1 / F(1 + F(Math.exp(-v))));
}

/** jax.nn.softplus = logaddexp(x, 0) = max(x, 0) + log1p(exp(−|x|)). */
function jaxSoftplus(v: number): number {
  return F((v > 0 ? v : v === v ? 0 : v) + F(Math.log1p(F(Math.exp(-Math.abs(v))))));
}

const sigmoid: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const s = jaxSigmoid(x[i]);
    y[i] = s;
    dy[i] = F(s * F(1 - s));
  }
};

const tanh: Kernel = (x, y, dy, _p, ctx) => {
  const fma = ctx.fma;
  for (let i = 0; i < x.length; i++) {
    const t = xlaFastTanh(x[i], fma);
    y[i] = t;
    dy[i] = F(F(1 + t) * F(1 - t));
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

const leaky: Kernel = (x, y, dy, p) => {
  const a = Math.fround(p.alpha);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v >= 0 ? v : F(a * v);
    dy[i] = v >= 0 ? 1 : a;
  }
};

/** where(x > 0, x, α·expm1(x)); JVP of expm1 is g·(y + 1). Returns via out arrays, scaled by `scale`. */
function eluLike(x: Float64Array, y: Float64Array, dy: Float64Array, alpha: number, scale: number): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    let e: number;
    let d: number;
    if (v > 0) {
      e = v;
      d = 1;
    } else {
      const m = F(Math.expm1(v));
      e = F(alpha * m);
      d = F(alpha * F(m + 1));
    }
    if (scale === 1) {
      y[i] = e;
      dy[i] = d;
    } else {
      y[i] = F(scale * e);
      dy[i] = F(scale * d);
    }
  }
}

const elu: Kernel = (x, y, dy, p) => eluLike(x, y, dy, Math.fround(p.alpha), 1);
const selu: Kernel = (x, y, dy) => eluLike(x, y, dy, ALPHA_F, SCALE_F);

const celu: Kernel = (x, y, dy, p) => {
  const a = Math.fround(p.alpha);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const m = F((v < 0 ? v : v === v ? 0 : v) / a);
    const e = F(Math.expm1(m));
    y[i] = F((v > 0 ? v : v === v ? 0 : v) + F(a * e));
    const dMax = v > 0 ? 1 : v === 0 ? 0.5 : 0;
    const dMin = v < 0 ? 1 : v === 0 ? 0.5 : 0;
    const de = F(F(dMin / a) * F(e + 1));
    dy[i] = F(dMax + F(a * de));
  }
};

/** jax.nn.gelu(approximate=False) = 0.5·x·erfc(−x·√½). */
const gelu: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const z = F(-v * SQRT_HALF_F);
    const w = F(erfc(z));
    const u = F(0.5 * v);
    y[i] = F(u * w);
    const dw = F(F(MINUS_TWO_OVER_SQRT_PI_F * F(Math.exp(F(-F(z * z))))) * -SQRT_HALF_F);
    dy[i] = F(F(0.5 * w) + F(u * dw));
  }
};

/** jax.nn.gelu(approximate=True). */
const geluTanh: Kernel = (x, y, dy, _p, ctx) => {
  const fma = ctx.fma;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const x2 = F(v * v);
    const inner = F(SQRT_2_OVER_PI_F * F(v + F(GELU_C_F * F(x2 * v))));
    const t = xlaFastTanh(inner, fma);
    const cdf = F(0.5 * F(1 + t));
    y[i] = F(v * cdf);
    const dInner = F(SQRT_2_OVER_PI_F * F(1 + F(GELU_C_F * F(3 * x2))));
    const dt = F(F(dInner + F(dInner * t)) * F(1 - t));
    dy[i] = F(cdf + F(v * F(0.5 * dt)));
  }
};

const silu: Kernel = (x, y, dy, p) => {
  const b = Math.fround(p.beta);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const s = jaxSigmoid(b === 1 ? v : F(b * v));
    y[i] = F(v * s);
    dy[i] = F(s + F(v * F(F(b * s) * F(1 - s))));
  }
};

const mish: Kernel = (x, y, dy, _p, ctx) => {
  const fma = ctx.fma;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const sp = jaxSoftplus(v);
    const t = xlaFastTanh(sp, fma);
    y[i] = F(v * t);
    const dsp = F(Math.exp(F(v - sp)));
    const dt = F(F(dsp + F(dsp * t)) * F(1 - t));
    dy[i] = F(t + F(v * dt));
  }
};

const softplus: Kernel = (x, y, dy, p) => {
  const b = Math.fround(p.beta);
  for (let i = 0; i < x.length; i++) {
    const z = b === 1 ? x[i] : F(b * x[i]);
    const sp = jaxSoftplus(z);
    const g = F(Math.exp(F(z - sp)));
    y[i] = b === 1 ? sp : F(sp / b);
    dy[i] = b === 1 ? g : F(F(b * g) / b);
  }
};

const softsign: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const a = F(Math.abs(v) + 1);
    y[i] = F(v / a);
    dy[i] = F(F(1 / a) + F(F(-Math.abs(v)) * F(1 / F(a * a))));
  }
};

/** jax.nn.hard_sigmoid = relu6(x + 3)/6 (slope 1/6); another slope as jnp.clip(slope·x + 0.5, 0, 1), whose
 * max/min ties split the gradient ½/½ at the two kinks. */
const hardSigmoid: Kernel = (x, y, dy, p) => {
  if (p.slope !== HARD_SIGMOID_SIXTH) {
    const s = Math.fround(p.slope);
    for (let i = 0; i < x.length; i++) {
      const t = F(F(s * x[i]) + 0.5);
      y[i] = t > 1 ? 1 : t < 0 ? 0 : t;
      dy[i] = t > 0 && t < 1 ? s : t === 0 || t === 1 ? F(s * 0.5) : 0;
    }
    return;
  }
  for (let i = 0; i < x.length; i++) {
    const a = F(x[i] + 3);
    y[i] = F((a > 6 ? 6 : a > 0 ? a : a === a ? 0 : a) / 6);
    dy[i] = a > 0 && a < 6 ? ONE_SIXTH_F : 0;
  }
};

const hardSwish: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const a = F(v + 3);
    const h = F((a > 6 ? 6 : a > 0 ? a : a === a ? 0 : a) / 6);
    y[i] = F(v * h);
    dy[i] = F(h + (a > 0 && a < 6 ? F(v * ONE_SIXTH_F) : 0));
  }
};

const exponential: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const e = F(Math.exp(x[i]));
    y[i] = e;
    dy[i] = e;
  }
};

/** jax.nn.log_sigmoid = −softplus(−x). */
const logSigmoid: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const n = -x[i];
    const sp = jaxSoftplus(n);
    y[i] = -sp;
    dy[i] = F(Math.exp(F(n - sp)));
  }
};

/** jax.nn (XLA CPU, float32, FTZ) kernels. */
export const JAX_KERNELS: KernelTable = {
  sigmoid,
  tanh,
  relu,
  leaky_relu: leaky,
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
  prelu: leaky,
};
