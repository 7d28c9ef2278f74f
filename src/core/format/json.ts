// JSON output: nested arrays following the shape, numbers in their shortest round-trip form for the dtype.
// JSON has no NaN or Infinity. Choice: NaN → null (JSON.parse gives null; parseArray reads null back as NaN),
// +Infinity → 1e999 and -Infinity → -1e999 (valid JSON numbers that JSON.parse, Python's json and
// parseArray all read as ±Infinity). -0 is written as -0 (valid JSON; JSON.parse keeps the sign).
// The output is compact like JSON.stringify. Lost information: a NaN read by another JSON reader is null, and a
// shape with a zero before its last axis (e.g. [0, 3]) prints as [] and reads back as shape [0]; so does an empty
// shape that would need more than MAX_EMPTY_LISTS empty lists.

import type { DType } from '../types';
import { sizeOf, stridesOf } from './shape';
import { shortestString } from './shortest';

/**
 * An empty array whose shape would need more empty lists than this (shape [1e8, 0]: 10^8 `[]`) prints as `[]`:
 * the output stays bounded by the element count, not by the dimensions.
 */
const MAX_EMPTY_LISTS = 1_000;

/** The number of innermost empty lists a zero-size shape prints: the product of the dimensions before the first 0. */
function emptyLists(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) {
    if (d === 0) break;
    n *= d;
    if (n > MAX_EMPTY_LISTS) break;
  }
  return n;
}

/** One number as JSON text (see the file comment for NaN/Infinity). */
export function jsonNumber(x: number, dtype: DType): string {
  if (Number.isNaN(x)) return 'null';
  if (x === Infinity) return '1e999';
  if (x === -Infinity) return '-1e999';
  return shortestString(x, dtype);
}

/**
 * The whole array as compact JSON; a scalar shape [] prints the bare number. With `summary` the axes longer
 * than 2·edgeItems keep only their ends around a `...` entry (a preview: no longer JSON).
 */
export function jsonStr(
  values: ArrayLike<number>,
  shape: readonly number[],
  dtype: DType,
  summary?: { edgeItems: number },
): string {
  if (shape.length === 0) return jsonNumber(values[0], dtype);
  if (sizeOf(shape) === 0 && (shape[0] === 0 || emptyLists(shape) > MAX_EMPTY_LISTS)) return '[]';
  const strides = stridesOf(shape);
  const parts: string[] = [];
  const walk = (axis: number, offset: number): void => {
    const n = shape[axis];
    const last = axis === shape.length - 1;
    const item = (i: number): void => {
      if (last) parts.push(jsonNumber(values[offset + i], dtype));
      else walk(axis + 1, offset + i * strides[axis]);
    };
    parts.push('[');
    if (summary && n > 2 * summary.edgeItems) {
      for (let i = 0; i < summary.edgeItems; i++) {
        item(i);
        parts.push(',');
      }
      parts.push('...');
      for (let i = n - summary.edgeItems; i < n; i++) {
        parts.push(',');
        item(i);
      }
    } else {
      for (let i = 0; i < n; i++) {
        if (i > 0) parts.push(',');
        item(i);
      }
    }
    parts.push(']');
  };
  walk(0, 0);
  return parts.join('');
}
