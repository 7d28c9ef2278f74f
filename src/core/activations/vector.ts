// softmax and log_softmax along the last axis, per dialect, with the Jacobian diagonal (the elementwise
// "derivative") and the full Jacobian of one row.
//
// - exact: float64; max subtraction; the sum of the non-maximal terms S′ is kept apart so that
//   1 − s_max = S′/(1 + S′) and log(Σ) = log1p(S′) have no cancellation.
// - tensorflow (SoftmaxFunctor / LogSoftmax, 2019): shifted = x − max; exp; Eigen row sum;
//   softmax = e · (1/sum) (TF multiplies by the reciprocal); log_softmax = shifted − log(sum).
//   Backward SoftmaxGrad (g − Σ g·s)·s and LogSoftmaxGrad g − Σg·exp(y).
// - pytorch (_vec_softmax_lastdim / _vec_log_softmax_lastdim): exp(x − max), ATen vector sum,
//   e · (1/sum); log_softmax x − (max + log(sum)). Backward s·(g − Σ g·s), g − exp(y)·Σg.
// - jax: exp(x − max) / sum (a division); log_softmax shifted − log(sum); JVPs y·(ẋ − Σ y·ẋ) and
//   ẋ − Σ softmax·ẋ. Float32 with FTZ.
// Any NaN in a row makes the whole row NaN (the max or the sum is NaN in every framework); a +∞ logit
// gives ∞ − ∞ = NaN, as in the frameworks (exact included: it follows the same max-subtraction
// arithmetic).

import type { Dialect } from '../types';
import { storeFor } from './float32';
import { sleefExpf } from './sleef';
import { compensatedSum, eigenSumF32, float64SumToF32, sequentialSumF32Ftz, torchSumF32 } from './reduce';

export type VectorId = 'softmax' | 'log_softmax';

function rowMax(x: ArrayLike<number>, start: number, end: number): number {
  let m = -Infinity;
  for (let j = start; j < end; j++) {
    const v = x[j];
    if (v !== v) return NaN;
    if (v > m) m = v;
  }
  return m;
}

/** Exact (float64) softmax / log_softmax of x[start..end) into y, diagonal of the Jacobian into dy. */
function exactRow(
  id: VectorId,
  x: ArrayLike<number>,
  y: Float64Array,
  dy: Float64Array,
  start: number,
  end: number,
): void {
  const m = rowMax(x, start, end);
  let arg = -1;
  for (let j = start; j < end; j++) {
    if (x[j] === m) {
      arg = j;
      break;
    }
  }
  // e_j = exp(x_j − m); the argmax term is exactly 1 and is left out of S′.
  for (let j = start; j < end; j++) y[j] = j === arg ? 0 : Math.exp(x[j] - m);
  const others = compensatedSum(y, start, end);
  const total = 1 + others;
  const logTotal = Math.log1p(others);
  for (let j = start; j < end; j++) {
    const e = j === arg ? 1 : y[j];
    const s = e / total;
    // 1 − s_j = (Σ_{k≠j} e_k)/total, without cancellation.
    const rest = (j === arg ? others : total - e) / total;
    if (id === 'softmax') {
      y[j] = s;
      dy[j] = s * rest;
    } else {
      y[j] = x[j] - m - logTotal;
      dy[j] = rest;
    }
  }
  if (m !== m || m === Infinity || m === -Infinity) {
    for (let j = start; j < end; j++) {
      y[j] = NaN;
      dy[j] = NaN;
    }
  }
}

function frameworkRow(
  id: VectorId,
  dialect: Exclude<Dialect, 'exact'>,
  x: ArrayLike<number>,
  y: Float64Array,
  dy: Float64Array,
  start: number,
  end: number,
): void {
  const R = storeFor(dialect);
  const m = rowMax(x, start, end);
  // y temporarily holds exp(x − max); PyTorch's vec::map runs the whole row through SLEEF's expf.
  const exp = dialect === 'pytorch' ? sleefExpf : Math.exp;
  for (let j = start; j < end; j++) y[j] = R(exp(R(x[j] - m)));
  const sum =
    dialect === 'tensorflow'
      ? eigenSumF32(y, start, end)
      : dialect === 'pytorch'
        ? torchSumF32(y, start, end)
        : dialect === 'tfjs'
          ? float64SumToF32(y, start, end)
          : sequentialSumF32Ftz(y, start, end);
  if (id === 'softmax') {
    const inv = R(1 / sum);
    for (let j = start; j < end; j++) {
      // JAX and TF.js divide; TF and PyTorch multiply by the reciprocal.
      const s = dialect === 'jax' || dialect === 'tfjs' ? R(y[j] / sum) : R(y[j] * inv);
      y[j] = s;
      // TF.js's backward dy·y − Σ(dy·y)·y with a one-hot dy: s − s·s.
      dy[j] = dialect === 'jax' ? R(s * R(1 - s)) : dialect === 'tfjs' ? R(s - R(s * s)) : R(R(1 - s) * s);
    }
  } else {
    const ls = R(Math.log(sum));
    const shiftTotal = R(m + ls);
    for (let j = start; j < end; j++) {
      const e = y[j];
      const out = dialect === 'pytorch' ? R(x[j] - shiftTotal) : R(R(x[j] - m) - ls);
      y[j] = out;
      dy[j] = dialect === 'jax' ? R(1 - R(e / sum)) : R(1 - R(exp(out)));
    }
  }
}

/**
 * softmax / log_softmax of x (already rounded to float32 for framework dialects) along the last axis of
 * rows of length `rowLength`.
 */
export function vectorKernel(
  id: VectorId,
  dialect: Dialect,
  x: Float64Array,
  y: Float64Array,
  dy: Float64Array,
  rowLength: number,
): void {
  if (rowLength === 0) return;
  for (let start = 0; start < x.length; start += rowLength) {
    const end = start + rowLength;
    if (dialect === 'exact') exactRow(id, x, y, dy, start, end);
    else frameworkRow(id, dialect, x, y, dy, start, end);
  }
}

/**
 * Full Jacobian J[i][j] = ∂out_i/∂x_j of one row, as the dialect's backward pass builds it row by row
 * (one vector–Jacobian product per output i with a one-hot upstream gradient).
 */
export function vectorJacobian(id: VectorId, dialect: Dialect, x: Float64Array): number[][] {
  const n = x.length;
  const y = new Float64Array(n);
  const dy = new Float64Array(n);
  vectorKernel(id, dialect, x, y, dy, n);
  const J: number[][] = [];
  if (dialect === 'exact') {
    // s_j from y (softmax) or exp(y) (log_softmax); diagonal from dy (already cancellation-free).
    const s = new Float64Array(n);
    for (let j = 0; j < n; j++) s[j] = id === 'softmax' ? y[j] : Math.exp(y[j]);
    for (let i = 0; i < n; i++) {
      const row: number[] = new Array<number>(n);
      for (let j = 0; j < n; j++) {
        if (i === j) row[j] = dy[i];
        else row[j] = id === 'softmax' ? -s[i] * s[j] : -s[j];
      }
      J.push(row);
    }
    return J;
  }
  const R = storeFor(dialect);
  // w_j: the weights the backward pass subtracts (softmax: s_j; log_softmax: exp(y_j), or e_j/sum in JAX).
  const w = new Float64Array(n);
  if (id === 'log_softmax' && dialect === 'jax') {
    const m = rowMax(x, 0, n);
    for (let j = 0; j < n; j++) w[j] = R(Math.exp(R(x[j] - m)));
    const sum = sequentialSumF32Ftz(w, 0, n);
    for (let j = 0; j < n; j++) w[j] = R(w[j] / sum);
  } else {
    for (let j = 0; j < n; j++) w[j] = id === 'softmax' ? y[j] : R(Math.exp(y[j]));
  }
  for (let i = 0; i < n; i++) {
    const row: number[] = new Array<number>(n);
    for (let j = 0; j < n; j++) {
      if (i === j) row[j] = dy[i];
      else if (id === 'log_softmax') row[j] = R(-w[j]);
      // VJP with g = e_i: (g_j − Σ g·s)·s_j; JAX's JVP column: s_i·(δ_ij − s_j). Off the diagonal both are −s_i·s_j.
      else row[j] = R(-w[i] * w[j]);
    }
    J.push(row);
  }
  return J;
}
