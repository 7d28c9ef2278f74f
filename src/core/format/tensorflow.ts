// TensorFlow eager printing (`tensorflow/python/framework/ops.py`, `_EagerTensorBase`):
//   str:  tf.Tensor(<str(ndarray)>, shape=(7,), dtype=float32)
//   repr: <tf.Tensor: shape=(7,), dtype=float32, numpy=<repr(ndarray)>>
// `numpy_text` prefixes the NumPy text with '\n' when it spans several lines.

import type { DType } from '../types';
import { numpyRepr, numpyScalarStr, numpyStr, type NumpyPrintOptions } from './numpy';
import { pythonTuple } from './shape';

function numpyText(text: string): string {
  return text.includes('\n') ? '\n' + text : text;
}

/** `str(eager_tensor)` / `print(t)`: `tf.Tensor([...], shape=(7,), dtype=float32)`. */
export function tfStr(
  values: ArrayLike<number>,
  shape: readonly number[],
  dtype: DType,
  options: NumpyPrintOptions = {},
): string {
  const text = numpyStr(values, shape, dtype, options);
  return `tf.Tensor(${numpyText(text)}, shape=${pythonTuple(shape)}, dtype=${dtype})`;
}

/** `repr(eager_tensor)`: `<tf.Tensor: shape=(7,), dtype=float32, numpy=array([...], dtype=float32)>`; 0-d shows `numpy=0.5`. */
export function tfRepr(
  values: ArrayLike<number>,
  shape: readonly number[],
  dtype: DType,
  options: NumpyPrintOptions = {},
): string {
  // Newer TF prints 0-d tensors with repr(x.item()): a Python float, i.e. float64 shortest digits.
  const text = shape.length === 0 ? pythonFloatRepr(values[0]) : numpyRepr(values, shape, dtype, options);
  return `<tf.Tensor: shape=${pythonTuple(shape)}, dtype=${dtype}, numpy=${numpyText(text)}>`;
}

/** Python's `repr(float)`: shortest float64 digits, positional for 1e-4 ≤ |x| < 1e16. */
export function pythonFloatRepr(x: number): string {
  return numpyScalarStr(x, 'float64');
}
