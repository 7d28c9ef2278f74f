// Elementwise arithmetic as the frameworks do it: dtype promotion (Python scalars are weak), NumPy broadcasting,
// and rounding per operation in the result's dtype (float32 arithmetic rounds after every op; half types compute
// in float32 and round back). Only operations whose rounding is exactly known are evaluated.

import { checkCount } from './generators';
import { isFloatDType, isIntDType, roundTo } from './rounding';
import { Stop, type Tensor } from './tensor';
import type { ValueDType, ValueFramework } from './types';
import { defaultDType } from './dtypes';

export type BinaryOp = '+' | '-' | '*' | '/' | '**';

const RANK: Readonly<Record<ValueDType, number>> = {
  bool: 0,
  int32: 1,
  int64: 2,
  float16: 3,
  bfloat16: 3,
  float32: 4,
  float64: 5,
};

const GRAD: Readonly<Record<BinaryOp, string>> = {
  '+': 'AddBackward0',
  '-': 'SubBackward0',
  '*': 'MulBackward0',
  '/': 'DivBackward0',
  '**': 'PowBackward0',
};

function frameworkOf(a: Tensor, b: Tensor): ValueFramework {
  const fa = a.scalar ? null : a.framework;
  const fb = b.scalar ? null : b.framework;
  if (fa && fb && fa !== fb) {
    if (fa === 'python' || fb === 'python') return fa === 'python' ? fb : fa;
    throw new Stop(`mixing a ${fa} value with a ${fb} value is not evaluated`);
  }
  return fa ?? fb ?? 'python';
}

/** The result dtype of `a op b` in framework fw. */
function resultDType(a: Tensor, b: Tensor, op: BinaryOp, fw: ValueFramework): ValueDType {
  const weakA = !!a.scalar;
  const weakB = !!b.scalar;
  let d: ValueDType;
  if (weakA && weakB) {
    d = a.scalar === 'float' || b.scalar === 'float' ? 'float64' : 'int64';
  } else if (weakA || weakB) {
    const strong = weakA ? b : a;
    const weak = weakA ? a : b;
    d = strong.dtype;
    if (weak.scalar === 'float' && !isFloatDType(d)) {
      if (fw === 'tensorflow')
        throw new Stop(`TensorFlow does not mix a ${d} tensor with a float (TypeError)`);
      d = defaultDType(fw, 'float');
    }
  } else {
    if (a.dtype !== b.dtype && fw === 'tensorflow')
      throw new Stop(`TensorFlow does not mix ${a.dtype} and ${b.dtype} tensors (InvalidArgumentError)`);
    if (
      (a.dtype === 'float16' && b.dtype === 'bfloat16') ||
      (a.dtype === 'bfloat16' && b.dtype === 'float16')
    )
      d = 'float32';
    else d = RANK[a.dtype] >= RANK[b.dtype] ? a.dtype : b.dtype;
  }
  if (d === 'bool') d = fw === 'tensorflow' || fw === 'tfjs' ? 'int32' : 'int64';
  if (op === '/' && !isFloatDType(d)) {
    // true division of integers
    d =
      fw === 'pytorch'
        ? 'float32'
        : fw === 'tensorflow'
          ? d === 'int32'
            ? 'float64'
            : 'float64'
          : fw === 'tfjs' || fw === 'jax'
            ? 'float32'
            : 'float64';
  }
  return d;
}

/** NumPy broadcasting of two shapes, or a Stop naming both. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1)
      throw new Stop(`shapes (${a.join(', ')}) and (${b.join(', ')}) cannot be broadcast together`);
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** Flat index into a tensor of `shape` broadcast to `out`, for every output element. */
function broadcastIndex(shape: readonly number[], out: readonly number[], n: number): Int32Array | null {
  if (shape.length === out.length && shape.every((d, i) => d === out[i])) return null;
  const idx = new Int32Array(n);
  const nd = out.length;
  const strides = new Array<number>(nd).fill(0);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const o = nd - shape.length + i;
    strides[o] = shape[i] === 1 ? 0 : s;
    s *= shape[i];
  }
  const pos = new Array<number>(nd).fill(0);
  for (let k = 0; k < n; k++) {
    let f = 0;
    for (let i = 0; i < nd; i++) f += pos[i] * strides[i];
    idx[k] = f;
    for (let i = nd - 1; i >= 0; i--) {
      if (++pos[i] < out[i]) break;
      pos[i] = 0;
    }
  }
  return idx;
}

function applyOp(op: BinaryOp, x: number, y: number, d: ValueDType, exponent: number | null): number {
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    case '**':
      if (exponent === 2) return x * x;
      if (exponent === 0.5) return Math.sqrt(x);
      if (exponent === 1) return x;
      if (exponent === 0) return 1;
      if (exponent === -1) return 1 / x;
      if (isIntDType(d) && Number.isInteger(y) && y >= 0) return x ** y;
      throw new Stop(`x ** ${y} in ${d} depends on the framework's pow; not modelled`);
  }
}

/** a op b, elementwise with broadcasting, as framework `fw` computes it. */
export function binary(op: BinaryOp, a: Tensor, b: Tensor, limit: number): Tensor {
  if ((a.list && !a.scalar) || (b.list && !b.scalar)) {
    const what = op === '*' ? 'repeats the list' : op === '+' ? 'concatenates lists' : 'is a TypeError';
    throw new Stop(
      `${op} on a Python list ${what}; it is not elementwise arithmetic`,
      'Wrap the list in np.array(...) or torch.tensor(...).',
    );
  }
  const fw = frameworkOf(a, b);
  const d = resultDType(a, b, op, fw);
  const shape = broadcastShapes(a.shape, b.shape);
  let n = 1;
  for (const s of shape) n *= s;
  checkCount(n, limit, `the result of ${op}`);
  const exponent = op === '**' ? (b.shape.length === 0 ? b.values[0] : null) : null;
  if (op === '**' && exponent === null && !isIntDType(d))
    throw new Stop('a ** b with an array exponent is not modelled');
  const ia = broadcastIndex(a.shape, shape, n);
  const ib = broadcastIndex(b.shape, shape, n);
  // Operands converted to the result dtype first (a float32 tensor times the Python float 0.1 multiplies by
  // float32(0.1)); half types compute in float32 and round back.
  const half = d === 'float16' || d === 'bfloat16';
  // PyTorch hands a Python scalar to a half-precision kernel as a float32 (its opmath type); NumPy casts it to
  // the array's dtype first.
  const convA = a.scalar && half && fw === 'pytorch' ? Math.fround : (v: number): number => roundTo(v, d);
  const convB = b.scalar && half && fw === 'pytorch' ? Math.fround : (v: number): number => roundTo(v, d);
  const compute: ValueDType = half ? 'float32' : d;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const x = convA(a.values[ia ? ia[k] : a.shape.length === 0 ? 0 : k]);
    const y = convB(b.values[ib ? ib[k] : b.shape.length === 0 ? 0 : k]);
    let r = roundTo(applyOp(op, x, y, d, exponent), compute);
    if (compute !== d) r = roundTo(r, d);
    if (isIntDType(d) && !Number.isSafeInteger(r))
      throw new Stop(`integer overflow beyond 2^53 is not modelled`);
    out[k] = r;
  }
  const requiresGrad = a.requiresGrad || b.requiresGrad;
  const t: Tensor = { values: out, shape, dtype: d, framework: fw, requiresGrad };
  if (a.scalar && b.scalar) t.scalar = isFloatDType(d) ? 'float' : 'int';
  if (requiresGrad && fw === 'pytorch') {
    t.gradFn =
      op === '-' && a.scalar
        ? 'RsubBackward1'
        : op === '**' && a.scalar
          ? 'PowBackward1'
          : op === '/' && a.scalar
            ? 'MulBackward0'
            : GRAD[op];
  }
  return t;
}

/** -x / +x. */
export function unary(op: '-' | '+', x: Tensor): Tensor {
  if (x.list) throw new Stop(`unary ${op} on a Python list is a TypeError`);
  if (op === '+') return x;
  if (x.dtype === 'bool') throw new Stop('negating a bool tensor is an error');
  const out = new Float64Array(x.values.length);
  for (let i = 0; i < out.length; i++) out[i] = -x.values[i];
  const t: Tensor = { ...x, values: out };
  if (x.requiresGrad && x.framework === 'pytorch') t.gradFn = 'NegBackward0';
  return t;
}
