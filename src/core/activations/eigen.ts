// Bit-level emulations of the float32 rational approximations that TensorFlow (through Eigen) and XLA
// use on CPU instead of libm. All arithmetic is float32 with flush-to-zero (TF and XLA CPU threads run
// with FTZ/DAZ). `fma` selects a build with fused multiply-add (`pmadd` fused: aarch64, -mfma); official
// x86 TF wheels of 2018–2019 were built without FMA, so TF uses fma = false.
//
// NaN: the 2018 Eigen clamps were plain SSE min/max, which can turn NaN into the clamp bound; we
// propagate NaN instead (documented simplification).

import { f32ftz as F, fmaf } from './float32';

/**
 * Plain float32 rounding for the Horner chains: flushing cannot change them (every partial sum is a
 * coefficient ≥ 1e-16 plus a product; a subnormal term below 1.2e-38 disappears in the rounding anyway),
 * so only x², c·p and the final quotient go through F (round + flush). This halves the cost.
 */
const R = Math.fround;

/** a·b + c as Eigen's `pmadd`: fused when `fma`, otherwise a float32 multiply then a float32 add (both FTZ). */
function madd(a: number, b: number, c: number, fma: boolean): number {
  return fma ? F(fmaf(a, b, c)) : F(F(a * b) + c);
}

// Eigen 2018-11-12 (77b447c2) scalar_logistic_op<float> packet path: 9/10 rational of σ(x) − ½ on [−18, 18].
const LA1 = Math.fround(2.48287947061529e-1);
const LA3 = Math.fround(8.51377133304701e-3);
const LA5 = Math.fround(6.08574864600143e-5);
const LA7 = Math.fround(1.15627324459942e-7);
const LA9 = Math.fround(4.37031012579801e-11);
const LB0 = Math.fround(9.9315192102318e-1);
const LB2 = Math.fround(1.16817656904453e-1);
const LB4 = Math.fround(1.70198817374094e-3);
const LB6 = Math.fround(6.2910678501704e-6);
const LB8 = Math.fround(5.76102136993427e-9);
const LB10 = Math.fround(6.10247389755681e-13);

/**
 * σ(x) as Eigen's 2018-11 vectorised (packet) logistic: x clamped to [−18, 18], odd 9th-degree numerator
 * over even 10th-degree denominator, + ½, clamped to [0, 1]. It returns exactly 0 for x ≤ −18.
 */
export function eigenLogisticPacket2018(x: number, fma = false): number {
  if (x !== x) return x;
  const c = x < -18 ? -18 : x > 18 ? 18 : x;
  const x2 = F(c * c);
  let p: number;
  let q: number;
  if (fma) {
    p = madd(x2, LA9, LA7, true);
    p = madd(x2, p, LA5, true);
    p = madd(x2, p, LA3, true);
    p = madd(x2, p, LA1, true);
    q = madd(x2, LB10, LB8, true);
    q = madd(x2, q, LB6, true);
    q = madd(x2, q, LB4, true);
    q = madd(x2, q, LB2, true);
    q = madd(x2, q, LB0, true);
  } else {
    // Hot path (x86 wheels): unfused, written out so that V8 inlines everything.
    p = R(R(x2 * LA9) + LA7);
    p = R(R(x2 * p) + LA5);
    p = R(R(x2 * p) + LA3);
    p = R(R(x2 * p) + LA1);
    q = R(R(x2 * LB10) + LB8);
    q = R(R(x2 * q) + LB6);
    q = R(R(x2 * q) + LB4);
    q = R(R(x2 * q) + LB2);
    q = R(R(x2 * q) + LB0);
  }
  p = F(c * p);
  const r = F(F(p / q) + 0.5);
  return r < 0 ? 0 : r > 1 ? 1 : r;
}

/** σ(x) as Eigen's 2018 scalar path (the tail of a tensor that does not fill a packet): 1/(1 + exp(−x)) in float32. */
export function eigenLogisticScalar2018(x: number): number {
  return F(1 / F(1 + F(Math.exp(-x))));
}

// Eigen generic_fast_tanh_float (2016-08 a4c266f8 … 2024-08): 13/6 rational; also XLA's EmitFastTanh.
const TA1 = Math.fround(4.89352455891786e-3);
const TA3 = Math.fround(6.37261928875436e-4);
const TA5 = Math.fround(1.48572235717979e-5);
const TA7 = Math.fround(5.12229709037114e-8);
const TA9 = Math.fround(-8.60467152213735e-11);
const TA11 = Math.fround(2.00018790482477e-13);
const TA13 = Math.fround(-2.76076847742355e-16);
const TB0 = Math.fround(4.89352518554385e-3);
const TB2 = Math.fround(2.268434632439e-3);
const TB4 = Math.fround(1.18534705686654e-4);
const TB6 = Math.fround(1.19825839466702e-6);

/** Clamp of the 2016–2019 Eigen fast tanh (TF ≤ 2.0). */
export const EIGEN_TANH_CLAMP_2016 = 9;
/** Clamps of Eigen 73a8d572 (2019-12-12) and XLA EmitFastTanh: the smallest x where the rational is exactly 1. */
export const EIGEN_TANH_CLAMP_2019_FMA = 7.99881172180175781;
export const EIGEN_TANH_CLAMP_2019_NOFMA = 7.90531110763549805;

/**
 * tanh(x) as Eigen's generic_fast_tanh_float: x clamped to [−clamp, clamp], x·P(x²)/Q(x²).
 * `smallCutoff` > 0 returns x itself for |x| < smallCutoff (Eigen ≥ 2019-12-16 and XLA use 0.0004).
 */
export function eigenFastTanh(
  x: number,
  fma = false,
  clamp = EIGEN_TANH_CLAMP_2016,
  smallCutoff = 0,
): number {
  if (x !== x) return x;
  if (smallCutoff > 0 && Math.abs(x) < smallCutoff) return x;
  const c = x < -clamp ? Math.fround(-clamp) : x > clamp ? Math.fround(clamp) : x;
  const x2 = F(c * c);
  let p: number;
  let q: number;
  if (fma) {
    p = madd(x2, TA13, TA11, true);
    p = madd(x2, p, TA9, true);
    p = madd(x2, p, TA7, true);
    p = madd(x2, p, TA5, true);
    p = madd(x2, p, TA3, true);
    p = madd(x2, p, TA1, true);
    q = madd(x2, TB6, TB4, true);
    q = madd(x2, q, TB2, true);
    q = madd(x2, q, TB0, true);
  } else {
    p = R(R(x2 * TA13) + TA11);
    p = R(R(x2 * p) + TA9);
    p = R(R(x2 * p) + TA7);
    p = R(R(x2 * p) + TA5);
    p = R(R(x2 * p) + TA3);
    p = R(R(x2 * p) + TA1);
    q = R(R(x2 * TB6) + TB4);
    q = R(R(x2 * q) + TB2);
    q = R(R(x2 * q) + TB0);
  }
  p = F(c * p);
  return F(p / q);
}

/** tanh(x) as XLA's EmitFastTanh (JAX on CPU): the same rational, clamp chosen by FMA, |x| < 0.0004 → x. */
export function xlaFastTanh(x: number, fma: boolean): number {
  return eigenFastTanh(x, fma, fma ? EIGEN_TANH_CLAMP_2019_FMA : EIGEN_TANH_CLAMP_2019_NOFMA, 0.0004);
}

// Eigen generic_fast_erf_float (2016 … 2023, SpecialFunctionsImpl.h): 13/8 rational clamped to [−4, 4].
const EA1 = Math.fround(-1.60960333262415e-2);
const EA3 = Math.fround(-2.95459980854025e-3);
const EA5 = Math.fround(-7.34990630326855e-4);
const EA7 = Math.fround(-5.69250639462346e-5);
const EA9 = Math.fround(-2.10102402082508e-6);
const EA11 = Math.fround(2.77068142495902e-8);
const EA13 = Math.fround(-2.72614225801306e-10);
const EB0 = Math.fround(-1.42647390514189e-2);
const EB2 = Math.fround(-7.37332916720468e-3);
const EB4 = Math.fround(-1.68282697438203e-3);
const EB6 = Math.fround(-2.13374055278905e-4);
const EB8 = Math.fround(-1.45660718464996e-5);

/** erf(x) as Eigen's float erf of 2016–2023 (TF's `tf.math.erf` on CPU): x clamped to [−4, 4], x·P(x²)/Q(x²). */
export function eigenErf2019(x: number, fma = false): number {
  if (x !== x) return x;
  const c = x < -4 ? -4 : x > 4 ? 4 : x;
  const x2 = F(c * c);
  let p: number;
  let q: number;
  if (fma) {
    p = madd(x2, EA13, EA11, true);
    p = madd(x2, p, EA9, true);
    p = madd(x2, p, EA7, true);
    p = madd(x2, p, EA5, true);
    p = madd(x2, p, EA3, true);
    p = madd(x2, p, EA1, true);
    q = madd(x2, EB8, EB6, true);
    q = madd(x2, q, EB4, true);
    q = madd(x2, q, EB2, true);
    q = madd(x2, q, EB0, true);
  } else {
    p = R(R(x2 * EA13) + EA11);
    p = R(R(x2 * p) + EA9);
    p = R(R(x2 * p) + EA7);
    p = R(R(x2 * p) + EA5);
    p = R(R(x2 * p) + EA3);
    p = R(R(x2 * p) + EA1);
    q = R(R(x2 * EB8) + EB6);
    q = R(R(x2 * q) + EB4);
    q = R(R(x2 * q) + EB2);
    q = R(R(x2 * q) + EB0);
  }
  p = F(c * p);
  return F(p / q);
}

/**
 * TF's CPU executor evaluates an elementwise op over a flat tensor of n elements in AVX packets of 8 and
 * finishes the last n mod 8 elements with the scalar functor (Eigen TensorExecutor / EvalRange; blocks
 * handed to threads are multiples of the packet size). Index i < packetEnd(n) takes the packet path.
 * This is why the seed's 7-element tf.sigmoid printed the scalar 1/(1+exp(−x)) values.
 */
export const TF_PACKET_SIZE = 8;
/** First index that is evaluated by the scalar tail for a tensor of n elements. */
export function tfPacketEnd(n: number): number {
  return n - (n % TF_PACKET_SIZE);
}
