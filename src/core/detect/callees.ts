// Which dotted names are activation calls, per framework, with their positional parameters and defaults
// (reference: activation-math.md §2.B). Pure data plus a resolver; no I/O.
import type { DetectFramework } from '../framework';
import { PRINTOUT_CALLS, WRAPPER_PATHS } from '../parse/names';
import type { ActivationId } from '../types';

export type { DetectFramework } from '../framework';

/** A parameter value as written: a number, a boolean, a string (`'tanh'`) or null (`None`). */
export type ArgValue = number | boolean | string | null;

/** One callable: the activation it computes, its parameters after the input (positional order, canonical names)
 * and the framework's defaults for them. Canonical names: alpha, beta, threshold, max_value, approximate, axis. */
export interface CalleeSpec {
  activation: ActivationId;
  positional: readonly string[];
  defaults: Readonly<Record<string, ArgValue>>;
}

export interface ResolvedCallee {
  /** The full dotted path after alias resolution, e.g. `torch.nn.functional.gelu`. */
  path: string;
  framework: DetectFramework;
  spec: CalleeSpec;
}

type Table = Readonly<Record<string, CalleeSpec>>;

// Pure (annotated so a bundle that never resolves a callee, like the webview's, drops the tables).
/* @__NO_SIDE_EFFECTS__ */
function s(
  activation: ActivationId,
  positional: readonly string[] = [],
  defaults: Record<string, ArgValue> = {},
): CalleeSpec {
  return { activation, positional, defaults };
}

const TF_CORE: Table = {
  sigmoid: s('sigmoid'),
  tanh: s('tanh'),
  relu: s('relu'),
  relu6: s('relu6'),
  leaky_relu: s('leaky_relu', ['alpha'], { alpha: 0.2 }),
  elu: s('elu'),
  selu: s('selu'),
  gelu: s('gelu', ['approximate'], { approximate: false }),
  silu: s('silu', ['beta'], { beta: 1 }),
  swish: s('silu', ['beta'], { beta: 1 }),
  softplus: s('softplus'),
  softsign: s('softsign'),
  softmax: s('softmax', ['axis'], { axis: -1 }),
  log_softmax: s('log_softmax', ['axis'], { axis: -1 }),
  log_sigmoid: s('log_sigmoid'),
  exp: s('exponential'),
};

/**
 * `tf.keras.activations` as the tensorflow dialect's era has it (Keras 2: TF 1.13/1.14, plus the later Keras 2
 * additions swish, gelu, mish): hard_sigmoid is clip(0.2·x + 0.5, 0, 1) (the dialect's default slope), relu takes
 * alpha / max_value / threshold. Names Keras 2 never had (relu6, leaky_relu, celu, silu, hard_silu, log_sigmoid,
 * log_softmax) are not activation calls there: the code would raise AttributeError.
 */
const KERAS2_ACTIVATIONS: Table = {
  sigmoid: s('sigmoid'),
  tanh: s('tanh'),
  relu: s('relu', ['alpha', 'max_value', 'threshold'], { alpha: 0, max_value: null, threshold: 0 }),
  elu: s('elu', ['alpha'], { alpha: 1 }),
  selu: s('selu'),
  gelu: s('gelu', ['approximate'], { approximate: false }),
  swish: s('silu'),
  mish: s('mish'),
  softplus: s('softplus'),
  softsign: s('softsign'),
  hard_sigmoid: s('hard_sigmoid'),
  exponential: s('exponential'),
  softmax: s('softmax', ['axis'], { axis: -1 }),
};

/** Keras 3's hard_sigmoid (and hard_silu's factor): relu6(x + 3)/6, slope 1/6 in every dialect. */
const KERAS3_HARD_SIGMOID = { slope: 1 / 6 };

/** `keras.activations` (Keras 3): leaky_relu's negative_slope 0.2, hard_sigmoid relu6(x + 3)/6. */
const KERAS_ACTIVATIONS: Table = {
  sigmoid: s('sigmoid'),
  tanh: s('tanh'),
  relu: s('relu', ['alpha', 'max_value', 'threshold'], { alpha: 0, max_value: null, threshold: 0 }),
  relu6: s('relu6'),
  leaky_relu: s('leaky_relu', ['alpha'], { alpha: 0.2 }),
  elu: s('elu', ['alpha'], { alpha: 1 }),
  selu: s('selu'),
  celu: s('celu', ['alpha'], { alpha: 1 }),
  gelu: s('gelu', ['approximate'], { approximate: false }),
  silu: s('silu'),
  swish: s('silu'),
  mish: s('mish'),
  softplus: s('softplus'),
  softsign: s('softsign'),
  hard_sigmoid: s('hard_sigmoid', [], KERAS3_HARD_SIGMOID),
  hard_silu: s('hard_swish'),
  hard_swish: s('hard_swish'),
  exponential: s('exponential'),
  log_sigmoid: s('log_sigmoid'),
  softmax: s('softmax', ['axis'], { axis: -1 }),
  log_softmax: s('log_softmax', ['axis'], { axis: -1 }),
};

/** `keras.ops`: as the activations, but `ops.gelu` defaults to the tanh approximation, and `ops.exp` exists. */
const KERAS_OPS: Table = {
  ...KERAS_ACTIVATIONS,
  gelu: s('gelu', ['approximate'], { approximate: true }),
  exp: s('exponential'),
};

const TORCH_ROOT: Table = {
  sigmoid: s('sigmoid'),
  tanh: s('tanh'),
  relu: s('relu'),
  exp: s('exponential'),
  selu: s('selu'),
  celu: s('celu', ['alpha'], { alpha: 1 }),
  prelu: s('prelu', ['alpha']),
  softmax: s('softmax', ['axis'], { axis: null }),
  log_softmax: s('log_softmax', ['axis'], { axis: null }),
};

const TORCH_SPECIAL: Table = {
  expit: s('sigmoid'),
  softmax: s('softmax', ['axis'], { axis: null }),
  log_softmax: s('log_softmax', ['axis'], { axis: null }),
};

const TORCH_F: Table = {
  sigmoid: s('sigmoid'),
  tanh: s('tanh'),
  relu: s('relu'),
  relu6: s('relu6'),
  leaky_relu: s('leaky_relu', ['alpha'], { alpha: 0.01 }),
  elu: s('elu', ['alpha'], { alpha: 1 }),
  selu: s('selu'),
  celu: s('celu', ['alpha'], { alpha: 1 }),
  // approximate is keyword-only in F.gelu.
  gelu: s('gelu', [], { approximate: 'none' }),
  silu: s('silu'),
  mish: s('mish'),
  softplus: s('softplus', ['beta', 'threshold'], { beta: 1, threshold: 20 }),
  softsign: s('softsign'),
  hardsigmoid: s('hard_sigmoid'),
  hardswish: s('hard_swish'),
  logsigmoid: s('log_sigmoid'),
  prelu: s('prelu', ['alpha']),
  softmax: s('softmax', ['axis'], { axis: null }),
  log_softmax: s('log_softmax', ['axis'], { axis: null }),
};

const JAX_NN: Table = {
  relu: s('relu'),
  relu6: s('relu6'),
  sigmoid: s('sigmoid'),
  tanh: s('tanh'),
  log_sigmoid: s('log_sigmoid'),
  elu: s('elu', ['alpha'], { alpha: 1 }),
  selu: s('selu'),
  celu: s('celu', ['alpha'], { alpha: 1 }),
  gelu: s('gelu', ['approximate'], { approximate: true }),
  silu: s('silu'),
  swish: s('silu'),
  mish: s('mish'),
  softplus: s('softplus'),
  soft_sign: s('softsign'),
  hard_sigmoid: s('hard_sigmoid'),
  hard_silu: s('hard_swish'),
  hard_swish: s('hard_swish'),
  leaky_relu: s('leaky_relu', ['alpha'], { alpha: 0.01 }),
  softmax: s('softmax', ['axis'], { axis: -1 }),
  log_softmax: s('log_softmax', ['axis'], { axis: -1 }),
};

const JAX_NUMPY: Table = { tanh: s('tanh'), exp: s('exponential') };

const TFJS: Table = {
  sigmoid: s('sigmoid'),
  tanh: s('tanh'),
  relu: s('relu'),
  relu6: s('relu6'),
  leakyRelu: s('leaky_relu', ['alpha'], { alpha: 0.2 }),
  elu: s('elu'),
  selu: s('selu'),
  softplus: s('softplus'),
  softmax: s('softmax', ['axis'], { axis: -1 }),
  logSoftmax: s('log_softmax', ['axis'], { axis: -1 }),
  logSigmoid: s('log_sigmoid'),
  exp: s('exponential'),
  prelu: s('prelu', ['alpha']),
};

/** Namespace (full dotted module path) → framework and its functions. */
const NAMESPACES: ReadonlyMap<string, { framework: DetectFramework; table: Table }> = new Map([
  ['tensorflow', { framework: 'tensorflow', table: TF_CORE }],
  ['tensorflow.nn', { framework: 'tensorflow', table: TF_CORE }],
  ['tensorflow.math', { framework: 'tensorflow', table: TF_CORE }],
  ['tensorflow.keras.activations', { framework: 'keras', table: KERAS2_ACTIVATIONS }],
  // tf.keras.ops exists only where tf.keras is Keras 3 (TF ≥ 2.16).
  ['tensorflow.keras.ops', { framework: 'keras', table: KERAS_OPS }],
  ['tf_keras.activations', { framework: 'keras', table: KERAS2_ACTIVATIONS }],
  ['keras.activations', { framework: 'keras', table: KERAS_ACTIVATIONS }],
  ['keras.ops', { framework: 'keras', table: KERAS_OPS }],
  ['keras.ops.nn', { framework: 'keras', table: KERAS_OPS }],
  ['torch', { framework: 'pytorch', table: TORCH_ROOT }],
  ['torch.special', { framework: 'pytorch', table: TORCH_SPECIAL }],
  ['torch.nn.functional', { framework: 'pytorch', table: TORCH_F }],
  ['jax.nn', { framework: 'jax', table: JAX_NN }],
  ['flax.linen', { framework: 'jax', table: JAX_NN }],
  ['jax.numpy', { framework: 'jax', table: JAX_NUMPY }],
  ['tfjs', { framework: 'tfjs', table: TFJS }],
]);

/** Literal-array constructors whose first argument is the array. */
// The wrapper vocabulary is shared with the parser (src/core/parse/names.ts).
const WRAPPERS = WRAPPER_PATHS;

/** Local names bound without an import statement (the usual conventions), per language family. */
export const DEFAULT_PY_ALIASES: Readonly<Record<string, string>> = {
  tf: 'tensorflow',
  F: 'torch.nn.functional',
  nn: 'torch.nn',
  jnn: 'jax.nn',
  jnp: 'jax.numpy',
  np: 'numpy',
  K: 'keras.backend',
};
export const DEFAULT_JS_ALIASES: Readonly<Record<string, string>> = { tf: 'tfjs' };

/** `tf.compat.v1.nn.relu` → `tf.nn.relu`; `@tensorflow/tfjs-node` → `tfjs`. */
function normalisePath(path: string): string {
  return path.replace(/\.compat\.v[12](?=\.)/, '');
}

/** Applies the alias of the first segment: `F.gelu` → `torch.nn.functional.gelu`. */
export function expandCallee(callee: string, aliases: Readonly<Record<string, string>>): string {
  const dot = callee.indexOf('.');
  const head = dot < 0 ? callee : callee.slice(0, dot);
  const mapped = Object.prototype.hasOwnProperty.call(aliases, head) ? aliases[head] : undefined;
  const full = mapped === undefined ? callee : dot < 0 ? mapped : mapped + callee.slice(dot);
  return normalisePath(full);
}

/** The activation a dotted callee names, or null. */
export function resolveCallee(
  callee: string,
  aliases: Readonly<Record<string, string>>,
): ResolvedCallee | null {
  const path = expandCallee(callee, aliases);
  const dot = path.lastIndexOf('.');
  if (dot < 0) return null;
  const ns = NAMESPACES.get(path.slice(0, dot));
  if (!ns) return null;
  const name = path.slice(dot + 1);
  const spec = Object.prototype.hasOwnProperty.call(ns.table, name) ? ns.table[name] : undefined;
  return spec ? { path, framework: ns.framework, spec } : null;
}

/** True when `callee` is a literal-array constructor (`np.array`, `tf.constant`, `torch.tensor`, `tf.tensor1d`…) or
 * the head of a printout. */
export function isWrapperCallee(callee: string, aliases: Readonly<Record<string, string>>): boolean {
  return WRAPPERS.has(expandCallee(callee, aliases)) || PRINTOUT_CALLS.has(callee);
}
