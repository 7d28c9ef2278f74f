// Reading arrays pasted from code or printed output (Python/JS/JSON lists, NumPy/TF/PyTorch/JAX printouts).
//
// Decisions worth knowing:
// - `[]` is a valid empty array of shape [0]; `[[], []]` has shape [2, 0].
// - A lone number is a scalar (shape []); bare numbers separated by commas or whitespace (`1, 2, 3`, `1 2 3`,
//   also over several lines) are one flat list of shape [N]; a trailing comma makes a 1-element list.
// - Parentheses delimit sequences like Python tuples; unlike Python, `(5)` is also read as a 1-element sequence.
// - Commas between items are optional (NumPy/TF printouts have none); mixing both styles is accepted.
// - `null` reads as NaN (formatArray(…, 'json') writes NaN as null); 1e999 reads as Infinity (its ±inf spelling).
// - shape=(…) / size=(…) in a printout must agree with the values; for an empty printout it gives the shape.
// - Summarised printouts ('...') are rejected: the elided values are not in the text.

import { ParseError } from './errors';
import { stripCommentPrefixes } from './commentPrefixes';
import { MAX_NESTING_DEPTH, Parser } from './grammar';

export { ParseError, lineColumnOf } from './errors';
export type { ParseErrorKind } from './errors';
export { MAX_NESTING_DEPTH } from './grammar';

/** Default cap on the number of elements parseArray accepts. */
export const DEFAULT_MAX_ELEMENTS = 1_000_000;

/** Options of parseArray. */
export interface ParseOptions {
  /** Most elements accepted (default 1,000,000); more raises ParseError "too many elements (N > cap)". */
  maxElements?: number;
}

/** Reads an array (or scalar) from text; throws ParseError with the offending offset when it cannot. */
export function parseArray(text: string, options?: ParseOptions): { values: number[]; shape: number[] } {
  const cap = options?.maxElements ?? DEFAULT_MAX_ELEMENTS;
  if (!(cap >= 0)) throw new RangeError(`maxElements must be a non-negative number, got ${cap}`);
  return new Parser(stripCommentPrefixes(text), cap).parse();
}

/** Like parseArray but returns the ParseError instead of throwing it. */
export function tryParseArray(
  text: string,
  options?: ParseOptions,
): { ok: true; values: number[]; shape: number[] } | { ok: false; error: ParseError } {
  try {
    const r = parseArray(text, options);
    return { ok: true, values: r.values, shape: r.shape };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e };
    throw e;
  }
}

/**
 * Shape of a nested JS array (ParseError with offset 0 when it is not one: the input is not text) of numbers (e.g. [[1, 2], [3, 4]] → [2, 2]; a number → []); throws on ragged
 * or non-numeric input or nesting deeper than MAX_NESTING_DEPTH.
 */
export function shapeOf(nested: unknown): number[] {
  const shape: number[] = [];
  let x: unknown = nested;
  while (Array.isArray(x)) {
    if (shape.length >= MAX_NESTING_DEPTH)
      throw new ParseError(`nesting deeper than ${MAX_NESTING_DEPTH} levels`, 0, 'tooDeep');
    shape.push(x.length);
    if (x.length === 0) break;
    x = x[0];
  }
  const check = (v: unknown, axis: number, path: string): void => {
    if (axis === shape.length) {
      if (typeof v !== 'number') throw new ParseError(`element ${path || '[]'} is not a number`, 0);
      return;
    }
    if (!Array.isArray(v))
      throw new ParseError(
        `element ${path || '[]'} is not a list (expected ${shape.length} levels of nesting)`,
        0,
        'ragged',
      );
    if (v.length !== shape[axis]) {
      throw new ParseError(
        `ragged nested list: ${path || 'the top level'} has ${v.length} elements, expected ${shape[axis]}`,
        0,
        'ragged',
      );
    }
    for (let i = 0; i < v.length; i++) check(v[i], axis + 1, `${path}[${i}]`);
  };
  check(nested, 0, '');
  return shape;
}
