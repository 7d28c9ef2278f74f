// `pytorch` dialect: PyTorch 1.13 CPU float32 kernels (ATen, x86 AVX2 + FMA build: Debian python3-torch, the
// oracle of test/oracle), denormals kept (PyTorch does not set FTZ).
// exp in ATen's vectorised blocks of 16 is SLEEF's u10 expf, emulated bit for bit (sleef.ts) in exp, sigmoid and
// the ELU family; the scalar tail and the other transcendentals (tanh, log1p, erf, and exp inside composites)
// are correctly rounded float32 (Math.fround of the float64 function), where SLEEF can differ by 1 ulp.
// Forward formulas and backward formulas are ATen's (cpu/Activation.cpp, cpu/Elu.h, UnaryOpsKernel,
// derivatives.yaml): sigmoid 1/(1+exp(−x)), backward (1−y)·y; tanh backward 1−y²; relu
// threshold_backward (result ≤ 0 → 0); relu6 hardtanh_backward (0 at both ends); elu/selu/celu via
// elu(x, α, scale, input_scale) with exp(x) − 1 forward (1.13; later versions expm1) and exp(x) in the backward
// (from the input, so the gradient stays nonzero until exp underflows); softplus threshold 20; hardswish backward −0.5 at −3 and
// 1 at +3. Composites (softsign, silu with β ≠ 1) follow autograd's chain rule.

import { erf } from '../erf';
import { sleefExpf } from '../sleef';
import { HARD_SIGMOID_SIXTH, SELU_ALPHA, SELU_LAMBDA } from '../registry';
import type { Kernel, KernelTable } from './types';

const F = Math.fround;

/**
 * ATen's vectorized_loop runs blocks of 2 × Vectorized<float>::size() = 16 elements (AVX2) and hands the last
 * n mod 16 to the scalar lambda: elements below this index take the vectorised path (ctx.packetEnd).
 */
export function atenVectorEnd(n: number): number {
  return n - (n % 16);
}
const SQRT1_2_F = F(Math.SQRT1_2);
/** kBeta of the GELU backward: M_2_SQRTPI · M_SQRT1_2 · 0.5. */
const GELU_PDF_F = F((2 / Math.sqrt(Math.PI)) * Math.SQRT1_2 * 0.5);
/** kBeta of the tanh GELU: M_SQRT2 · M_2_SQRTPI · 0.5. */
const GELU_TANH_BETA_F = F(Math.SQRT2 * (2 / Math.sqrt(Math.PI)) * 0.5);
const GELU_KAPPA_F = F(0.044715);
const ONE_SIXTH_F = F(1 / 6);

function ptSigmoid(v: number): number {
  return F(1 / F(1 + F(Math.exp(-v))));
}

/** ATen's exp: SLEEF's u10 in the vectorised blocks (i < packetEnd), glibc's (correctly rounded) in the tail. */
function atenExp(v: number, i: number, pe: number): number {
  return i < pe ? sleefExpf(v) : F(Math.exp(v));
}

const sigmoid: Kernel = (x, y, dy, _p, ctx) => {
  const pe = ctx.packetEnd;
  for (let i = 0; i < x.length; i++) {
    const s = F(1 / F(1 + atenExp(-x[i], i, pe)));
    y[i] = s;
    dy[i] = F(F(1 - s) * s);
  }
};

const tanh: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const t = F(Math.tanh(x[i]));
    y[i] = t;
    // ATen's kernels are built with -mfma: 1 − y·y is one fused multiply-add (t·t is exact in float64).
    dy[i] = F(1 - t * t);
  }
};

/** clamp_min(x, 0) is a vectorised max(0, x) that returns x for a tie: relu(−0) = −0, NaN stays NaN. */
const relu: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const r = v < 0 ? 0 : v;
    y[i] = r;
    dy[i] = r <= 0 ? 0 : 1;
  }
};

const relu6: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v > 6 ? 6 : v < 0 ? 0 : v;
    // hardtanh_backward's vectorised mask (x > 0) & (x < 6): NaN gets 0.
    dy[i] = v > 0 && v < 6 ? 1 : 0;
  }
};

/** leaky_relu and prelu: x > 0 ? x : a·x, backward x > 0 ? 1 : a. */
const leaky: Kernel = (x, y, dy, p) => {
  const a = F(p.alpha);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v > 0 ? v : F(v * a);
    dy[i] = v > 0 ? 1 : a;
  }
};

/**
 * ATen 1.13 elu(x, negcoef = α·scale, poscoef = scale, negiptcoef = input_scale): the negative branch is
 * (exp(x·negiptcoef) − 1)·negcoef — exp minus one, not expm1 (later ATen uses expm1), so a tiny
 * negative input gives 0, and −0 gives +0. Vectorised select on x > 0: NaN takes the negative branch (NaN
 * value and NaN gradient).
 */
function eluFamily(
  x: Float64Array,
  y: Float64Array,
  dy: Float64Array,
  pe: number,
  negcoef: number,
  poscoef: number,
  negiptcoef: number,
): void {
  const gcoef = F(negiptcoef * negcoef);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!(v > 0)) {
      const z = F(v * negiptcoef);
      const e = atenExp(z, i, pe);
      y[i] = F(F(e - 1) * negcoef);
      dy[i] = F(gcoef * e);
    } else {
      y[i] = F(v * poscoef);
      dy[i] = poscoef;
    }
  }
}

const elu: Kernel = (x, y, dy, p, ctx) => eluFamily(x, y, dy, ctx.packetEnd, F(p.alpha), 1, 1);
const selu: Kernel = (x, y, dy, _p, ctx) =>
  eluFamily(x, y, dy, ctx.packetEnd, F(F(SELU_ALPHA) * F(SELU_LAMBDA)), F(SELU_LAMBDA), 1);
const celu: Kernel = (x, y, dy, p, ctx) => eluFamily(x, y, dy, ctx.packetEnd, F(p.alpha), 1, F(1 / p.alpha));

const gelu: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const w = F(1 + F(erf(F(v * SQRT1_2_F))));
    y[i] = F(F(v * 0.5) * w);
    const cdf = F(0.5 * w);
    const pdf = F(GELU_PDF_F * F(Math.exp(F(F(v * v) * -0.5))));
    dy[i] = F(cdf + F(v * pdf));
  }
};

const geluTanh: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const x2 = F(v * v);
    const x3 = F(x2 * v);
    const inner = F(GELU_TANH_BETA_F * F(v + F(GELU_KAPPA_F * x3)));
    const t = F(Math.tanh(inner));
    const left = F(0.5 * v);
    const right = F(1 + t);
    y[i] = F(left * right);
    const innerD = F(GELU_TANH_BETA_F * F(1 + F(F(3 * GELU_KAPPA_F) * x2)));
    const rightD = F(F(left * F(1 - F(t * t))) * innerD);
    dy[i] = F(F(0.5 * right) + rightD);
  }
};

const silu: Kernel = (x, y, dy, p) => {
  const b = F(p.beta);
  if (b === 1) {
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      const q = F(1 + F(Math.exp(-v)));
      y[i] = F(v / q);
      const s = F(1 / q);
      dy[i] = F(s * F(1 + F(v * F(1 - s))));
    }
    return;
  }
  // x·sigmoid(βx) as a composite: autograd of mul and sigmoid.
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const s = ptSigmoid(F(v * b));
    y[i] = F(v * s);
    dy[i] = F(s + F(F(F(v * F(1 - s)) * s) * b));
  }
};

const mish: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const t = F(Math.tanh(F(Math.log1p(F(Math.exp(v))))));
    y[i] = F(v * t);
    const s = ptSigmoid(v);
    dy[i] = F(t + F(F(v * s) * F(1 - F(t * t))));
  }
};

const softplus: Kernel = (x, y, dy, p) => {
  const b = F(p.beta);
  const th = F(p.threshold);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const z = F(v * b);
    if (z > th) {
      y[i] = v;
      dy[i] = 1;
    } else {
      const e = F(Math.exp(z));
      y[i] = F(F(Math.log1p(e)) / b);
      dy[i] = F(e / F(e + 1));
    }
  }
};

/** input / (input.abs() + 1), differentiated by autograd: div's backward is grad/a for the numerator and
 * −grad·((x/a)/a) for the denominator (derivatives.yaml div_tensor_other_backward), then abs with sign(x). */
const softsign: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const a = F(Math.abs(v) + 1);
    y[i] = F(v / a);
    const sgn = v > 0 ? 1 : v < 0 ? -1 : v === v ? 0 : v;
    dy[i] = F(F(1 / a) + F(-F(F(v / a) / a) * sgn));
  }
};

/** F.hardsigmoid (slope 1/6); another slope as torch.clamp(slope·x + 0.5, 0, 1), clamp's gradient inclusive. */
const hardSigmoid: Kernel = (x, y, dy, p) => {
  if (p.slope !== HARD_SIGMOID_SIXTH) {
    const s = F(p.slope);
    for (let i = 0; i < x.length; i++) {
      const t = F(F(s * x[i]) + 0.5);
      y[i] = t > 1 ? 1 : t < 0 ? 0 : t;
      dy[i] = t >= 0 && t <= 1 ? s : 0;
    }
    return;
  }
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const a = F(v + 3);
    y[i] = F((a > 6 ? 6 : a > 0 ? a : a === a ? 0 : a) / 6);
    dy[i] = v > -3 && v < 3 ? ONE_SIXTH_F : 0;
  }
};

const hardSwish: Kernel = (x, y, dy, _p, ctx) => {
  const pe = ctx.packetEnd;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const a = F(v + 3);
    y[i] = F(F(v * (a > 6 ? 6 : a > 0 ? a : a === a ? 0 : a)) / 6);
    // hardswish_backward (1.13): x < −3 → 0, then x/3 + 0.5 up to 3 — exclusive in the vectorised loop (1 at
    // +3), inclusive in its scalar tail (1.5 at +3). Both give −0.5 at −3.
    const top = i < pe ? v < 3 : v <= 3;
    dy[i] = v < -3 ? 0 : top ? F(F(v / 3) + 0.5) : v === v ? 1 : v;
  }
};

const exponential: Kernel = (x, y, dy, _p, ctx) => {
  const pe = ctx.packetEnd;
  for (let i = 0; i < x.length; i++) {
    const e = atenExp(x[i], i, pe);
    y[i] = e;
    dy[i] = e;
  }
};

const logSigmoid: Kernel = (x, y, dy) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const z = F(Math.exp(-Math.abs(v)));
    y[i] = F((v < 0 ? v : v === v ? 0 : v) - F(Math.log1p(z)));
    const q = F(z / F(1 + z));
    dy[i] = v < 0 ? F(1 - q) : q;
  }
};

/** PyTorch (ATen CPU, float32, denormals kept) kernels. */
export const PYTORCH_KERNELS: KernelTable = {
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
