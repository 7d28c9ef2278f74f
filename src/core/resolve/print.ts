// "Exactly what print(y) shows" for a resolved value, in its framework: PyTorch with its dtype and autograd
// suffixes (`dtype=torch.float64`, `requires_grad=True`, `grad_fn=<ReluBackward0>`), NumPy's str, TensorFlow's
// tf.Tensor(...). Values the formatters do not print exactly (NumPy/TF integers and half types, TF.js, JAX,
// Python lists) give null: the caller shows the values its own way.

import { numpyStr } from '../format/numpy';
import { torchRepr } from '../format/pytorch';
import { tfStr } from '../format/tensorflow';
import type { ResolvedValue } from './types';

export function printResolved(v: ResolvedValue): string | null {
  const { values, shape, dtype } = v;
  if (v.framework === 'pytorch') {
    if (dtype === 'bool') return null;
    const integer = dtype === 'int32' || dtype === 'int64';
    const dtypeSuffix = dtype === 'float32' || dtype === 'int64' ? null : `dtype=torch.${dtype}`;
    const gradSuffix = v.gradFn ? `grad_fn=<${v.gradFn}>` : v.requiresGrad ? 'requires_grad=True' : undefined;
    // Half types are exact in float64; print their digits, not float32's.
    const fmtDType = dtype === 'float32' ? 'float32' : 'float64';
    return torchRepr(values, shape, fmtDType, {}, { integer, dtypeSuffix, gradSuffix });
  }
  if (dtype !== 'float32' && dtype !== 'float64') return null;
  if (v.framework === 'numpy') return numpyStr(values, shape, dtype, {});
  if (v.framework === 'tensorflow') return tfStr(values, shape, dtype, {});
  return null;
}
