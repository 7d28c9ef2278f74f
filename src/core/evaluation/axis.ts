// The axis a softmax / log_softmax normalises over, and moving it last and back (the kernels normalise along the
// last axis of a row-major array).
import type { Framework } from '../framework';

/**
 * The axis as a non-negative index, or an error text. `written` is the call's axis (negative counts from the end)
 * or null for the framework's default: −1 everywhere but PyTorch, whose implicit dim is 0 for 0-, 1- and 3-d input,
 * else 1. TF.js normalises along the last axis only.
 */
export function resolveAxis(written: number | null, framework: Framework, rank: number): number | string {
  if (rank === 0) return 0;
  const axis = written ?? (framework === 'pytorch' ? (rank === 1 || rank === 3 ? 0 : 1) : -1);
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank)
    return `axis ${axis} is out of range for an array of rank ${rank}`;
  if (framework === 'tfjs' && a !== rank - 1)
    return `TensorFlow.js normalises along the last axis only (axis ${axis})`;
  return a;
}

/** The source index of each element once `axis` is moved last (row-major): moved[j] = values[order[j]]. */
export function axisLastOrder(shape: readonly number[], axis: number): Int32Array {
  const rank = shape.length;
  const dims = [...Array(rank).keys()].filter((k) => k !== axis).concat(axis);
  const strides = new Array<number>(rank);
  let s = 1;
  for (let k = rank - 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k];
  }
  const order = new Int32Array(s);
  const idx = new Array<number>(rank).fill(0);
  for (let j = 0; j < s; j++) {
    let src = 0;
    for (let i = 0; i < rank; i++) src += idx[i] * strides[dims[i]];
    order[j] = src;
    for (let i = rank - 1; i >= 0; i--) {
      if (++idx[i] < shape[dims[i]]) break;
      idx[i] = 0;
    }
  }
  return order;
}

/** The shape once `axis` is moved last. */
export function axisLastShape(shape: readonly number[], axis: number): number[] {
  return shape.filter((_, k) => k !== axis).concat(shape[axis]);
}

/** Gathers values into the moved order. */
export function gather<T>(values: ArrayLike<T>, order: Int32Array): T[] {
  const out = new Array<T>(order.length);
  for (let j = 0; j < order.length; j++) out[j] = values[order[j]];
  return out;
}

/** Scatters moved values back to the original order. */
export function scatter<T>(moved: ArrayLike<T>, order: Int32Array): T[] {
  const out = new Array<T>(order.length);
  for (let j = 0; j < order.length; j++) out[order[j]] = moved[j];
  return out;
}
