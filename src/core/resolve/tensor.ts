// The value an expression evaluates to while resolving, and the one error that stops resolution.
import type { ArrayValue, ValueDType, ValueFramework } from './types';

export interface Tensor extends ArrayValue {
  /** A Python/JS number or bool written as such: a weak type in dtype promotion. */
  scalar?: 'int' | 'float' | 'bool';
  /** A Python list or tuple (not an array): `*` repeats it and `+` concatenates, so arithmetic is refused. */
  list?: boolean;
}

/**
 * Why resolution stops. `kind: 'tooLarge'` carries the element count; the evaluator adds where (which binding or
 * construct) before it leaves the resolver as an `Unresolved` / `TooLarge` result.
 */
export class Stop extends Error {
  constructor(
    readonly reason: string,
    readonly hint = '',
    readonly tooLargeCount?: number,
  ) {
    super(reason);
    this.name = 'Stop';
  }
}

export const HINT_DEBUGGER = 'Run the code under the debugger to see its live value.';
export const HINT_LITERAL = 'Write the values as a literal or with a supported generator (see the README).';

export function sizeOfShape(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** A Python scalar (int, float or bool) as a 0-d value. */
export function pyScalar(
  value: number,
  kind: 'int' | 'float' | 'bool',
  framework: ValueFramework = 'python',
): Tensor {
  const dtype: ValueDType = kind === 'int' ? 'int64' : kind === 'bool' ? 'bool' : 'float64';
  return { values: Float64Array.of(value), shape: [], dtype, framework, requiresGrad: false, scalar: kind };
}
