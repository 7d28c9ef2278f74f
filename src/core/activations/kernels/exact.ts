// `exact` dialect: float64 mathematics with numerically stable formulas.
//
// Kink convention: at a point where f is not differentiable (relu at 0, relu6 at 0 and 6, leaky_relu,
// prelu, elu, selu at 0, hard_sigmoid at ±3, hard_swish at ±3) the derivative reported is the
// right-hand derivative f'(x⁺) = lim_{h→0⁺} (f(x+h) − f(x))/h. It is a well-defined number everywhere,
// it is what a plot drawn left to right shows just after the kink, and it is tested.
// Infinite inputs give the limits (sigmoid(±∞) = 1/0, softsign(±∞) = ±1, gelu(−∞) = 0, …) and NaN
// gives NaN for both value and derivative.

import { erfc, expNegHalfSquare } from '../erf';
import { HARD_SIGMOID_SIXTH, SELU_LAMBDA, SELU_LAMBDA_ALPHA } from '../registry';
import type { Kernel, KernelTable } from './types';

const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)
const SQRT_2_OVER_PI = 0.7978845608028654; // √(2/π)
const GELU_C = 0.044715;

/** σ(x) without overflow: exp(−|x|) only. */
export function sigmoid64(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** ln(1 + e^x) without overflow or cancellation. */
export function softplus64(x: number): number {
  return (x > 0 ? x : 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

const sigmoid: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= 0) {
      const e = Math.exp(-v);
      const s = 1 / (1 + e);
      y[i] = s;
      dy[i] = e * s * s;
    } else {
      const e = Math.exp(v);
      const s = e / (1 + e);
      y[i] = s;
      dy[i] = s / (1 + e);
    }
  }
};

const tanh: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    // sech²(x) = 4e/(1+e)² with e = exp(−2|x|): no cancellation in 1 − tanh².
    const e = Math.exp(-2 * Math.abs(v));
    const q = 1 + e;
    y[i] = Math.tanh(v);
    dy[i] = (4 * e) / (q * q);
  }
};

const relu: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= 0) {
      y[i] = v;
      dy[i] = 1;
    } else if (v < 0) {
      y[i] = 0;
      dy[i] = 0;
    } else {
      y[i] = v;
      dy[i] = v;
    }
  }
};

const relu6: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= 0 && v < 6) {
      y[i] = v;
      dy[i] = 1;
    } else if (v < 0) {
      y[i] = 0;
      dy[i] = 0;
    } else if (v >= 6) {
      y[i] = 6;
      dy[i] = 0;
    } else {
      y[i] = v;
      dy[i] = v;
    }
  }
};

/** leaky_relu and prelu share the maths: x for x ≥ 0, a·x below. */
const leaky: Kernel = (x, y, dy, p) => {
  const a = p.alpha;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= 0) {
      y[i] = v;
      dy[i] = 1;
    } else if (v < 0) {
      y[i] = a * v;
      dy[i] = a;
    } else {
      y[i] = v;
      dy[i] = v;
    }
  }
};

const elu: Kernel = (x, y, dy, p) => {
  const a = p.alpha;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= 0) {
      y[i] = v;
      dy[i] = 1;
    } else if (v < 0) {
      y[i] = a * Math.expm1(v);
      dy[i] = a * Math.exp(v);
    } else {
      y[i] = v;
      dy[i] = v;
    }
  }
};

const selu: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= 0) {
      y[i] = SELU_LAMBDA * v;
      dy[i] = SELU_LAMBDA;
    } else if (v < 0) {
      y[i] = SELU_LAMBDA_ALPHA * Math.expm1(v);
      dy[i] = SELU_LAMBDA_ALPHA * Math.exp(v);
    } else {
      y[i] = v;
      dy[i] = v;
    }
  }
};

const celu: Kernel = (x, y, dy, p) => {
  const a = p.alpha;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= 0) {
      y[i] = v;
      dy[i] = 1;
    } else if (v < 0) {
      const t = v / a;
      y[i] = a * Math.expm1(t);
      dy[i] = Math.exp(t);
    } else {
      y[i] = v;
      dy[i] = v;
    }
  }
};

const gelu: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === Infinity) {
      y[i] = v;
      dy[i] = 1;
    } else if (v === -Infinity) {
      y[i] = -0;
      dy[i] = 0;
    } else {
      // Φ(x) = erfc(−x/√2)/2 keeps full relative accuracy in the negative tail.
      const cdf = 0.5 * erfc(-v * Math.SQRT1_2);
      y[i] = v * cdf;
      dy[i] = cdf + v * INV_SQRT_2PI * expNegHalfSquare(v);
    }
  }
};

const geluTanh: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v > 40) {
      // σ(2u) = 1 and its derivative term underflow in float64 long before this.
      y[i] = v;
      dy[i] = 1;
    } else if (v < -40) {
      y[i] = -0;
      dy[i] = 0;
    } else if (v === v) {
      const v2 = v * v;
      const u2 = 2 * SQRT_2_OVER_PI * v * (1 + GELU_C * v2);
      // ½(1 + tanh u) = σ(2u), evaluated without cancellation on either side.
      let s: number;
      let sc: number;
      if (u2 >= 0) {
        const e = Math.exp(-u2);
        s = 1 / (1 + e);
        sc = e * s;
      } else {
        const e = Math.exp(u2);
        sc = 1 / (1 + e);
        s = e * sc;
      }
      y[i] = v * s;
      dy[i] = s + v * 2 * s * sc * SQRT_2_OVER_PI * (1 + 3 * GELU_C * v2);
    } else {
      y[i] = v;
      dy[i] = v;
    }
  }
};

const silu: Kernel = (x, y, dy, p) => {
  const b = p.beta;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const z = b * v;
    if (v === v && (v === Infinity || v === -Infinity)) {
      // Limits: x·σ(βx) → x where βx → +∞, → 0 where βx → −∞, x/2 when β = 0.
      if (b === 0) {
        y[i] = v * 0.5;
        dy[i] = 0.5;
      } else if (z > 0) {
        y[i] = v;
        dy[i] = 1;
      } else {
        y[i] = v > 0 ? 0 : -0;
        dy[i] = 0;
      }
      continue;
    }
    let s: number;
    let sc: number;
    if (z >= 0) {
      const e = Math.exp(-z);
      s = 1 / (1 + e);
      sc = e * s;
    } else {
      const e = Math.exp(z);
      sc = 1 / (1 + e);
      s = e * sc;
    }
    y[i] = v * s;
    dy[i] = s * (1 + z * sc);
  }
};

const mish: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === Infinity) {
      y[i] = v;
      dy[i] = 1;
      continue;
    }
    if (v === -Infinity) {
      y[i] = -0;
      dy[i] = 0;
      continue;
    }
    // tanh(softplus x) = w/(w+2) with w = e^{2x} + 2e^x; 1 − tanh² = (4w+4)/(w+2)². For x ≥ 0 both are
    // rewritten with n = e^{−x} so that nothing overflows.
    let t: number;
    let sech2: number;
    let s: number;
    if (v >= 0) {
      const n = Math.exp(-v);
      const n2 = n * n;
      const den = 1 + 2 * n + 2 * n2;
      t = (1 + 2 * n) / den;
      sech2 = (4 * n2 * (1 + 2 * n) + 4 * n2 * n2) / (den * den);
      s = 1 / (1 + n);
    } else {
      const e = Math.exp(v);
      const w = e * e + 2 * e;
      t = w / (w + 2);
      sech2 = (4 * w + 4) / ((w + 2) * (w + 2));
      s = e / (1 + e);
    }
    y[i] = v * t;
    dy[i] = t + v * s * sech2;
  }
};

const softplus: Kernel = (x, y, dy, p) => {
  const b = p.beta;
  for (let i = 0; i < x.length; i++) {
    const z = b * x[i];
    y[i] = ((z > 0 ? z : 0) + Math.log1p(Math.exp(-Math.abs(z)))) / b;
    dy[i] = sigmoid64(z);
  }
};

const softsign: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const a = 1 + Math.abs(v);
    if (a === Infinity) {
      y[i] = v > 0 ? 1 : -1;
      dy[i] = 0;
    } else {
      y[i] = v / a;
      dy[i] = 1 / (a * a);
    }
  }
};

/** clip(s·x + 0.5, 0, 1) for a slope other than 1/6, right-hand derivative at the kinks ±0.5/s. */
function clipHardSigmoid(x: Float64Array, y: Float64Array, dy: Float64Array, s: number): void {
  const lo = -0.5 / s;
  const hi = 0.5 / s;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= lo && v < hi) {
      y[i] = s * v + 0.5;
      dy[i] = s;
    } else if (v < lo) {
      y[i] = 0;
      dy[i] = 0;
    } else if (v >= hi) {
      y[i] = 1;
      dy[i] = 0;
    } else {
      y[i] = v;
      dy[i] = v;
    }
  }
}

const hardSigmoid: Kernel = (x, y, dy, p) => {
  if (p.slope !== HARD_SIGMOID_SIXTH) return clipHardSigmoid(x, y, dy, p.slope);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= -3 && v < 3) {
      y[i] = (v + 3) / 6;
      dy[i] = 1 / 6;
    } else if (v < -3) {
      y[i] = 0;
      dy[i] = 0;
    } else if (v >= 3) {
      y[i] = 1;
      dy[i] = 0;
    } else {
      y[i] = v;
      dy[i] = v;
    }
  }
};

const hardSwish: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= -3 && v < 3) {
      y[i] = (v * (v + 3)) / 6;
      dy[i] = (2 * v + 3) / 6;
    } else if (v < -3) {
      y[i] = -0;
      dy[i] = 0;
    } else if (v >= 3) {
      y[i] = v;
      dy[i] = 1;
    } else {
      y[i] = v;
      dy[i] = v;
    }
  }
};

const exponential: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const e = Math.exp(x[i]);
    y[i] = e;
    dy[i] = e;
  }
};

const logSigmoid: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const e = Math.exp(-Math.abs(v));
    y[i] = (v < 0 ? v : 0) - Math.log1p(e);
    // σ(−x) = 1/(1 + e^x)
    dy[i] = v > 0 ? e / (1 + e) : 1 / (1 + e);
  }
};

/** Float64 kernels with stable formulas and the right-hand derivative at kinks. */
export const EXACT_KERNELS: KernelTable = {
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
