// Names the parser understands: spellings of inf/nan, and wrappers whose first argument is the data.

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
  'Float32Array',
  'Float64Array',
  'Array',
]);
