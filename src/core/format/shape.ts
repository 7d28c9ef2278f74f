// Shape helpers shared by the printers: validation, element counts, which elements a summary shows.

import type { DType } from '../types';

/** Number of elements of a shape (1 for a scalar shape []). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Throws unless every dimension is a non-negative integer and the shape holds exactly `length` elements. */
export function checkShape(shape: readonly number[], length: number): void {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0)
      throw new Error(`invalid shape [${shape.join(', ')}]: dimensions must be non-negative integers`);
  }
  const size = sizeOf(shape);
  if (size !== length) {
    throw new Error(`shape [${shape.join(', ')}] holds ${size} elements but ${length} values were given`);
  }
}

/** Copies the values, rounding each to float32 when the dtype is float32. */
export function toDType(values: ArrayLike<number>, dtype: DType): Float64Array {
  const out = new Float64Array(values.length);
  if (dtype === 'float32') for (let i = 0; i < values.length; i++) out[i] = Math.fround(values[i]);
  else for (let i = 0; i < values.length; i++) out[i] = values[i];
  return out;
}

/** Row-major strides (in elements) of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/**
 * Flat indices of the elements a printout shows, in order: all of them, or, when summarising, only the
 * first and last `edgeItems` along every axis longer than 2·edgeItems (NumPy's `_leading_trailing`).
 */
export function shownIndices(shape: readonly number[], summarize: boolean, edgeItems: number): number[] {
  const strides = stridesOf(shape);
  const out: number[] = [];
  const walk = (axis: number, offset: number): void => {
    if (axis === shape.length) {
      out.push(offset);
      return;
    }
    const n = shape[axis];
    const stride = strides[axis];
    if (summarize && n > 2 * edgeItems) {
      for (let i = 0; i < edgeItems; i++) walk(axis + 1, offset + i * stride);
      for (let i = n - edgeItems; i < n; i++) walk(axis + 1, offset + i * stride);
    } else {
      for (let i = 0; i < n; i++) walk(axis + 1, offset + i * stride);
    }
  };
  walk(0, 0);
  return out;
}

/** Python's str of a tuple of ints: (), (7,), (2, 3). */
export function pythonTuple(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

/** Defaults overridden by the options that are actually given (undefined entries are ignored). */
export function withDefaults<T extends object>(defaults: Required<T>, options: T): Required<T> {
  const out = { ...defaults };
  for (const key of Object.keys(options) as (keyof T)[]) {
    const v = options[key];
    if (v !== undefined) out[key] = v as Required<T>[keyof T];
  }
  return out;
}
