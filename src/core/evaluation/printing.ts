// How a framework prints an evaluation: its print style, full or summarised prints, the name of its reduce-sum,
// and the short text CodeLens and inlay hints show.
import type { Framework } from '../framework';
import { formatArray, summarizeArray } from '../format';
import { torchRepr } from '../format/pytorch';
import { checkShape, toDType } from '../format/shape';
import type { DType, PrintStyle } from '../types';

/** TensorFlow and Keras → `tf.Tensor(...)`, PyTorch → `tensor(...)`, TF.js → `Tensor\n    [...]`, JAX and NumPy →
 * NumPy's str. */
export const FRAMEWORK_PRINT_STYLE: Readonly<Record<Framework, PrintStyle>> = {
  tensorflow: 'tensorflow',
  keras: 'tensorflow',
  pytorch: 'pytorch',
  tfjs: 'tfjs',
  jax: 'numpy',
  numpy: 'numpy',
};

/** What each framework calls a full reduction (the softmax sum line). */
export const SUM_LABELS: Readonly<Record<Framework, string>> = {
  tensorflow: 'tf.reduce_sum',
  keras: 'tf.reduce_sum',
  pytorch: 'torch.sum',
  jax: 'jnp.sum',
  numpy: 'np.sum',
  tfjs: 'tf.sum',
};

/** Above this many elements the hover shows the framework's first/last values; Copy result keeps the full print. */
export const HOVER_FULL_PRINT_LIMIT = 100;

/** Prints values in a style; `summary` keeps only the first and last values of each long axis. */
export function printValues(
  values: ArrayLike<number>,
  shape: readonly number[],
  style: PrintStyle,
  dtype: DType,
  summary = false,
  gradSuffix?: string,
): string {
  if (gradSuffix && style === 'pytorch') {
    // print(y) of a tensor that requires grad: the values, then `grad_fn=<…>` (torch's _add_suffixes).
    checkShape(shape, values.length);
    const options = summary ? { threshold: 0, edgeItems: 3 } : {};
    return torchRepr(toDType(values, dtype), shape, dtype, options, { gradSuffix });
  }
  return summary ? summarizeArray(values, shape, style, dtype) : formatArray(values, shape, style, dtype);
}

/** A short result for CodeLens / inlay hints: `[0.0474 … 0.9526]`, `[0.2, 0.8]`, `0.5`. */
export function shortResult(values: ArrayLike<number>, shape: readonly number[]): string {
  const num = (v: number): string => {
    if (Number.isNaN(v)) return 'nan';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    const a = Math.abs(v);
    if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2);
    return v.toFixed(4);
  };
  if (shape.length === 0 && values.length === 1) return num(values[0]);
  if (values.length === 0) return '[]';
  if (values.length === 1) return `[${num(values[0])}]`;
  if (values.length === 2) return `[${num(values[0])}, ${num(values[1])}]`;
  return `[${num(values[0])} \u2026 ${num(values[values.length - 1])}]`;
}
