// How each dialect's framework prints its results: the one mapping the panel, the side panel and the hovers share.
import type { Dialect, DType, PrintStyle } from '../types';

/** The dtype a dialect computes in: the frameworks in float32, `exact` in float64. */
export function dtypeForDialect(dialect: Dialect): DType {
  return dialect === 'exact' ? 'float64' : 'float32';
}

/** TensorFlow → `tf.Tensor(...)`, PyTorch → `tensor(...)`, TF.js → `Tensor\n    [...]`, JAX → NumPy str of
 * float32, exact → NumPy str of float64. */
export function printStyleForDialect(dialect: Dialect): { style: PrintStyle; dtype: DType } {
  const dtype = dtypeForDialect(dialect);
  switch (dialect) {
    case 'tensorflow':
      return { style: 'tensorflow', dtype };
    case 'pytorch':
      return { style: 'pytorch', dtype };
    case 'tfjs':
      return { style: 'tfjs', dtype };
    default:
      return { style: 'numpy', dtype };
  }
}
