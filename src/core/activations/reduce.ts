// Summation orders of the frameworks (float32) and a compensated float64 sum for `exact`.

import type { Dialect } from '../types';
import { f32ftz } from './float32';

const F = Math.fround;

/** TF.js CPU Sum / softmax sums: float64 accumulation of the float32 values, stored as float32 once. */
export function float64SumToF32(v: ArrayLike<number>, start: number, end: number): number {
  let s = 0;
  for (let j = start; j < end; j++) s += v[j];
  return F(s);
}

/**
 * Eigen's InnerMostDimReducer (2019) with AVX packets of 8, as TF's CPU reduce_sum and its softmax
 * row sums: 8 lane accumulators over the full packets, a scalar left-to-right sum of the tail, then
 * tail + predux(lanes) where predux adds the two 128-bit halves and then hadd's twice:
 * ((l0+l4)+(l1+l5)) + ((l2+l6)+(l3+l7)). Single-threaded order (large tensors are sharded by TF's
 * thread pool; not emulated). FTZ.
 */
export function eigenSumF32(v: ArrayLike<number>, start: number, end: number): number {
  const n = end - start;
  const vec = n - (n % 8);
  let l0 = 0;
  let l1 = 0;
  let l2 = 0;
  let l3 = 0;
  let l4 = 0;
  let l5 = 0;
  let l6 = 0;
  let l7 = 0;
  for (let j = start; j < start + vec; j += 8) {
    l0 = f32ftz(l0 + v[j]);
    l1 = f32ftz(l1 + v[j + 1]);
    l2 = f32ftz(l2 + v[j + 2]);
    l3 = f32ftz(l3 + v[j + 3]);
    l4 = f32ftz(l4 + v[j + 4]);
    l5 = f32ftz(l5 + v[j + 5]);
    l6 = f32ftz(l6 + v[j + 6]);
    l7 = f32ftz(l7 + v[j + 7]);
  }
  let tail = 0;
  for (let j = start + vec; j < end; j++) tail = f32ftz(tail + v[j]);
  if (vec === 0) return tail;
  const a0 = f32ftz(l0 + l4);
  const a1 = f32ftz(l1 + l5);
  const a2 = f32ftz(l2 + l6);
  const a3 = f32ftz(l3 + l7);
  const red = f32ftz(f32ftz(a0 + a1) + f32ftz(a2 + a3));
  return f32ftz(tail + red);
}

/**
 * ATen's vec::reduce_all with Vectorized<float> of 8 (AVX2): the first 8 values seed the accumulator,
 * full vectors are added lane-wise, a partial tail vector is added into the low lanes, then the lanes
 * are folded by swapping halves: ((l0+l4)+(l2+l6)) + ((l1+l5)+(l3+l7)). Rows shorter than 8 are summed
 * left to right. Denormals kept.
 */
export function torchSumF32(v: ArrayLike<number>, start: number, end: number): number {
  const n = end - start;
  if (n < 8) {
    let s = n > 0 ? F(v[start]) : 0;
    for (let j = start + 1; j < end; j++) s = F(s + v[j]);
    return s;
  }
  const acc = [
    v[start],
    v[start + 1],
    v[start + 2],
    v[start + 3],
    v[start + 4],
    v[start + 5],
    v[start + 6],
    v[start + 7],
  ];
  let d = 8;
  for (; d < n - (n % 8); d += 8) for (let k = 0; k < 8; k++) acc[k] = F(acc[k] + v[start + d + k]);
  for (let k = 0; d + k < n; k++) acc[k] = F(acc[k] + v[start + d + k]);
  const b0 = F(acc[0] + acc[4]);
  const b1 = F(acc[1] + acc[5]);
  const b2 = F(acc[2] + acc[6]);
  const b3 = F(acc[3] + acc[7]);
  return F(F(b0 + b2) + F(b1 + b3));
}

/** XLA CPU reduction, modelled as a left-to-right float32 sum with FTZ. */
export function sequentialSumF32Ftz(v: ArrayLike<number>, start: number, end: number): number {
  let s = 0;
  for (let j = start; j < end; j++) s = f32ftz(s + v[j]);
  return s;
}

/** Neumaier-compensated float64 sum (error ≈ 1 ulp of the result, independent of n). */
export function compensatedSum(v: ArrayLike<number>, start: number, end: number): number {
  let s = 0;
  let c = 0;
  for (let j = start; j < end; j++) {
    const x = v[j];
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  // Infinite or NaN terms make the compensation meaningless: return the plain sum.
  return Number.isFinite(s) ? s + c : s;
}

/**
 * Sum of all values as tf.reduce_sum / torch.sum / jnp.sum would compute it in float32 (values are first
 * rounded to float32), or a compensated float64 sum for `exact`.
 */
export function reduceSum(values: ArrayLike<number>, dialect: Dialect): number {
  const n = values.length;
  switch (dialect) {
    case 'exact':
      return compensatedSum(values, 0, n);
    case 'tensorflow': {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = f32ftz(values[i]);
      return eigenSumF32(v, 0, n);
    }
    case 'pytorch': {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = F(values[i]);
      return torchSumF32(v, 0, n);
    }
    case 'jax': {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = f32ftz(values[i]);
      return sequentialSumF32Ftz(v, 0, n);
    }
    case 'tfjs': {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = F(values[i]);
      return float64SumToF32(v, 0, n);
    }
    default:
      throw new Error(`Unknown dialect "${String(dialect)}". Known: exact, tensorflow, pytorch, jax, tfjs`);
  }
}
