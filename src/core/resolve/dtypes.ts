// Dtype names as the frameworks spell them, and each framework's default dtypes for Python floats and ints.
import type { ValueDType, ValueFramework } from './types';

const NAMES: Readonly<Record<string, ValueDType>> = {
  float16: 'float16',
  half: 'float16',
  bfloat16: 'bfloat16',
  float32: 'float32',
  float: 'float32',
  single: 'float32',
  float64: 'float64',
  double: 'float64',
  int32: 'int32',
  int: 'int64',
  int64: 'int64',
  long: 'int64',
  bool: 'bool',
  bool_: 'bool',
};

/** Module prefixes (after alias expansion) whose attributes name dtypes. */
const DTYPE_MODULES = new Set([
  'numpy',
  'torch',
  'tensorflow',
  'jax.numpy',
  'keras',
  'tensorflow.dtypes',
  'tfjs',
]);

/**
 * The dtype a dotted name or string names (`torch.float64`, `np.float32`, `'float32'`, `tf.bfloat16`), or null.
 * `torch.float` is float32 and `np.float_`/Python `float` float64, as in the frameworks.
 */
export function dtypeOf(path: string, framework: ValueFramework | null): ValueDType | null {
  if (path === 'float') return framework === 'pytorch' ? 'float32' : 'float64';
  if (path === 'int') return 'int64';
  if (path === 'bool') return 'bool';
  const dot = path.lastIndexOf('.');
  const mod = dot < 0 ? '' : path.slice(0, dot);
  const name = dot < 0 ? path : path.slice(dot + 1);
  if (dot >= 0 && !DTYPE_MODULES.has(mod)) return null;
  if (mod === 'numpy' && (name === 'float' || name === 'float_' || name === 'double')) return 'float64';
  if (mod === 'numpy' && name === 'int_') return 'int64';
  if (mod === 'torch' && name === 'float') return 'float32';
  if (mod === 'torch' && name === 'int') return 'int32';
  if ((mod === 'numpy' || mod === 'jax.numpy') && name === 'float') return null;
  if (mod === 'numpy' && name === 'bfloat16') return null;
  return Object.prototype.hasOwnProperty.call(NAMES, name) ? NAMES[name] : null;
}

/** The dtype a framework gives a list of Python floats / ints / bools. */
export function defaultDType(framework: ValueFramework, kind: 'float' | 'int' | 'bool'): ValueDType {
  if (kind === 'bool') return 'bool';
  switch (framework) {
    case 'numpy':
    case 'python':
      return kind === 'float' ? 'float64' : 'int64';
    case 'pytorch':
      return kind === 'float' ? 'float32' : 'int64';
    case 'tensorflow':
    case 'jax':
      return kind === 'float' ? 'float32' : 'int32';
    case 'tfjs':
      return 'float32';
  }
}

/** JAX without x64 stores float64/int64 requests as float32/int32. */
export function canonicalJax(d: ValueDType): ValueDType {
  return d === 'float64' ? 'float32' : d === 'int64' ? 'int32' : d;
}
