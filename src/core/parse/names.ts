// The one vocabulary of what counts as a number in a literal, shared by the parser and the call detector: the
// plain number grammar, the named constants (inf/nan spellings, π and e) and the wrappers whose first argument is
// the data. The detector offers a literal only when the parser can read it.

/** Identifiers that stand for a number: Python, NumPy, PyTorch, JAX, math and JavaScript spellings. */
export const CONSTANTS: ReadonlyMap<string, number> = new Map<string, number>([
  ['inf', Infinity],
  ['nan', NaN],
  ['Infinity', Infinity],
  ['NaN', NaN],
  ['null', NaN], // what formatArray(…, 'json') writes for NaN
  ['np.inf', Infinity],
  ['np.nan', NaN],
  ['np.Inf', Infinity],
  ['np.NaN', NaN],
  ['np.NAN', NaN],
  ['np.Infinity', Infinity],
  ['np.PINF', Infinity],
  ['np.NINF', -Infinity],
  ['numpy.inf', Infinity],
  ['numpy.nan', NaN],
  ['math.inf', Infinity],
  ['math.nan', NaN],
  ['torch.inf', Infinity],
  ['torch.nan', NaN],
  ['jnp.inf', Infinity],
  ['jnp.nan', NaN],
  ['jax.numpy.inf', Infinity],
  ['jax.numpy.nan', NaN],
  ['Number.POSITIVE_INFINITY', Infinity],
  ['Number.NEGATIVE_INFINITY', -Infinity],
  ['Number.NaN', NaN],
  ['np.pi', Math.PI],
  ['numpy.pi', Math.PI],
  ['math.pi', Math.PI],
  ['torch.pi', Math.PI],
  ['jnp.pi', Math.PI],
  ['Math.PI', Math.PI],
  ['np.e', Math.E],
  ['numpy.e', Math.E],
  ['math.e', Math.E],
  ['torch.e', Math.E],
  ['jnp.e', Math.E],
  ['Math.E', Math.E],
]);

/**
 * Calls whose first argument is the array (or scalar); further arguments (dtype=…, requires_grad=True,
 * shape=(7,), device='cpu', grad_fn=<…>) are skipped, except shape=/size= which is checked.
 * Matched on the last dotted segment, so np./numpy./jnp./jax.numpy./cupy. prefixes all work.
 */
export const ARRAY_CALLS: ReadonlySet<string> = new Set([
  'array',
  'asarray',
  'asanyarray',
  'ascontiguousarray',
  'constant',
  'convert_to_tensor',
  'Variable',
  'Tensor',
  'tensor',
  'tensor1d',
  'tensor2d',
  'tensor3d',
  'as_tensor',
  'to_tensor',
  'FloatTensor',
  'DoubleTensor',
  'Array',
  'Float32Array',
  'Float64Array',
  'float16',
  'float32',
  'float64',
  'float_',
  'double',
  'float',
  'from',
]);

/** Dotted prefixes allowed in front of an ARRAY_CALLS name (anything else is an unknown function). */
export const CALL_PREFIXES: ReadonlySet<string> = new Set([
  '',
  'np',
  'numpy',
  'jnp',
  'jax.numpy',
  'tf',
  'tf.experimental.numpy',
  'torch',
  'cupy',
  'cp',
  'paddle',
  'mx.nd',
  'keras.ops',
  'Float32Array',
  'Float64Array',
  'Array',
]);

/**
 * Canonical paths (aliases expanded: `np` → `numpy`) of the wrapper calls the detector offers as a literal input:
 * a subset of what the parser reads (ARRAY_CALLS under CALL_PREFIXES), which also reads printouts (`tensor(…)`).
 */
export const WRAPPER_PATHS: ReadonlySet<string> = new Set([
  'tensorflow.constant',
  'tensorflow.convert_to_tensor',
  'tensorflow.Variable',
  'torch.tensor',
  'torch.Tensor',
  'torch.as_tensor',
  'torch.FloatTensor',
  'torch.DoubleTensor',
  'numpy.array',
  'numpy.asarray',
  'jax.numpy.array',
  'jax.numpy.asarray',
  'keras.ops.array',
  'keras.ops.convert_to_tensor',
  'tfjs.tensor',
  'tfjs.tensor1d',
  'tfjs.tensor2d',
  'tfjs.tensor3d',
  'tfjs.tensor4d',
]);

/** How the frameworks' printouts start (`tensor([...])`, `array([...])`, `Array([...], dtype=float32)`,
 * `tf.Tensor([...], shape=…)`): the detector takes a pasted printout for a literal too (the parser reads them all). */
export const PRINTOUT_CALLS: ReadonlySet<string> = new Set(['tensor', 'array', 'Array', 'tf.Tensor']);

/** Splits a dotted call name into the prefix and the last segment. */
function callParts(name: string): { prefix: string; last: string } {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? { prefix: name.slice(0, dot), last: name.slice(dot + 1) } : { prefix: '', last: name };
}

/** A call the parser reads through: its first argument is the data (`np.array(…)`, `tf.Tensor(…)`, `float(…)`). */
export function isArrayCall(name: string): boolean {
  const { prefix, last } = callParts(name);
  return ARRAY_CALLS.has(last) && CALL_PREFIXES.has(prefix);
}

/** A scalar constructor whose argument may be a string: `float('inf')`, `np.float32('1.5')`. */
export function isFloatCall(name: string): boolean {
  const { last } = callParts(name);
  return last === 'float' || last === 'double' || last.startsWith('float');
}

/** The spellings float('…') accepts besides a plain number (case-insensitive, optional sign). */
export function floatStringValue(raw: string): number | undefined {
  let s = raw;
  let sign = 1;
  if (s.startsWith('+') || s.startsWith('-')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  const lower = s.toLowerCase();
  if (lower === 'inf' || lower === 'infinity') return sign * Infinity;
  if (lower === 'nan') return NaN;
  return isPlainNumber(raw) ? Number(raw) : undefined;
}

/**
 * True when `text` is exactly a plain decimal number: `[+-](digits[.digits] | .digits)[(e|E)[+-]digits]`.
 * A single forward pass (a regex for this grammar backtracks quadratically on a long run of digits).
 */
export function isPlainNumber(text: string): boolean {
  const n = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  if (c === 43 || c === 45) c = text.charCodeAt(++i);
  let digits = 0;
  while (c >= 48 && c <= 57) {
    digits++;
    c = text.charCodeAt(++i);
  }
  if (c === 46) {
    c = text.charCodeAt(++i);
    while (c >= 48 && c <= 57) {
      digits++;
      c = text.charCodeAt(++i);
    }
  }
  if (digits === 0) return false;
  if (c === 101 || c === 69) {
    c = text.charCodeAt(++i);
    if (c === 43 || c === 45) c = text.charCodeAt(++i);
    let e = 0;
    while (c >= 48 && c <= 57) {
      e++;
      c = text.charCodeAt(++i);
    }
    if (e === 0) return false;
  }
  return i === n;
}
