// Activation layer objects (`nn.LeakyReLU(0.2)`, `keras.layers.ReLU(max_value=6.0)`, `keras.layers.Activation('relu')`)
// as the activation, framework, dialect, parameters and axis they compute when called.

import type { DetectFramework } from '../detect/callees';
import type { ActivationId } from '../types';
import type { ActivationSpec } from './activationCall';

/** A constructor argument as evaluated: a number, a string, a bool, None/null, or something else (undefined). */
export type LayerArg = number | string | boolean | null | undefined;

interface LayerDef {
  activation: ActivationId;
  /** Positional parameter names after `self` and their defaults (canonical names: alpha, beta, threshold, axis…). */
  params: readonly [keyword: string, canonical: string, def: LayerArg][];
}

/* @__NO_SIDE_EFFECTS__ */
const L = (activation: ActivationId, ...params: [string, string, LayerArg][]): LayerDef => ({
  activation,
  params,
});

/** torch.nn modules (PyTorch 1.13 signatures; `inplace` is accepted and ignored). */
const TORCH: Readonly<Record<string, LayerDef>> = {
  ReLU: L('relu', ['inplace', '', false]),
  ReLU6: L('relu6', ['inplace', '', false]),
  LeakyReLU: L('leaky_relu', ['negative_slope', 'alpha', 0.01], ['inplace', '', false]),
  ELU: L('elu', ['alpha', 'alpha', 1.0], ['inplace', '', false]),
  CELU: L('celu', ['alpha', 'alpha', 1.0], ['inplace', '', false]),
  SELU: L('selu', ['inplace', '', false]),
  GELU: L('gelu', ['approximate', 'approximate', 'none']),
  Sigmoid: L('sigmoid'),
  Tanh: L('tanh'),
  SiLU: L('silu', ['inplace', '', false]),
  Mish: L('mish', ['inplace', '', false]),
  Softplus: L('softplus', ['beta', 'beta', 1], ['threshold', 'threshold', 20]),
  Softsign: L('softsign'),
  Hardsigmoid: L('hard_sigmoid', ['inplace', '', false]),
  Hardswish: L('hard_swish', ['inplace', '', false]),
  LogSigmoid: L('log_sigmoid'),
  Softmax: L('softmax', ['dim', 'axis', null]),
  LogSoftmax: L('log_softmax', ['dim', 'axis', null]),
  PReLU: L('prelu', ['num_parameters', '', 1], ['init', 'alpha', 0.25]),
};

/** Keras layers (Keras 2 / tf.keras ≤ 2.15 signatures; Keras 3 renamed LeakyReLU's alpha to negative_slope). */
const KERAS: Readonly<Record<string, LayerDef>> = {
  ReLU: L(
    'relu',
    ['max_value', 'max_value', null],
    ['negative_slope', 'alpha', 0],
    ['threshold', 'threshold', 0],
  ),
  LeakyReLU: L('leaky_relu', ['alpha', 'alpha', 0.3], ['negative_slope', 'alpha', 0.3]),
  ELU: L('elu', ['alpha', 'alpha', 1.0]),
  Softmax: L('softmax', ['axis', 'axis', -1]),
  PReLU: L('prelu'),
};

/** `keras.layers.Activation('name')` names (keras.activations), as activation ids. */
const KERAS_ACTIVATION_NAMES: Readonly<Record<string, ActivationId>> = {
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  elu: 'elu',
  selu: 'selu',
  softmax: 'softmax',
  log_softmax: 'log_softmax',
  softplus: 'softplus',
  softsign: 'softsign',
  swish: 'silu',
  silu: 'silu',
  gelu: 'gelu',
  exponential: 'exponential',
  hard_sigmoid: 'hard_sigmoid',
  relu6: 'relu6',
  mish: 'mish',
  leaky_relu: 'leaky_relu',
};

const KERAS_PREFIXES = ['keras.layers.', 'tensorflow.keras.layers.', 'tf_keras.layers.'];

/** The layer a constructor path names (`torch.nn.LeakyReLU`), or null. */
export function layerDefOf(
  path: string,
): { def: LayerDef | 'activation'; framework: DetectFramework } | null {
  if (path.startsWith('torch.nn.')) {
    const name = path.slice('torch.nn.'.length);
    return Object.prototype.hasOwnProperty.call(TORCH, name)
      ? { def: TORCH[name], framework: 'pytorch' }
      : null;
  }
  for (const p of KERAS_PREFIXES) {
    if (!path.startsWith(p)) continue;
    const name = path.slice(p.length);
    if (name === 'Activation') return { def: 'activation', framework: 'keras' };
    return Object.prototype.hasOwnProperty.call(KERAS, name)
      ? { def: KERAS[name], framework: 'keras' }
      : null;
  }
  return null;
}

/**
 * The spec of a layer built with these arguments, or an English reason when an argument is not a value we can
 * read (then the layer's output cannot be known without running).
 */
export function layerSpec(
  path: string,
  args: readonly LayerArg[],
  kwargs: Readonly<Record<string, LayerArg>>,
): ActivationSpec | string {
  const found = layerDefOf(path);
  if (!found) return `${path} is not an activation layer this project models`;
  const dialect = found.framework === 'pytorch' ? 'pytorch' : 'tensorflow';
  if (found.def === 'activation') {
    const a = args[0] ?? kwargs.activation;
    if (typeof a !== 'string') return 'keras.layers.Activation needs the activation name as a string';
    const id = KERAS_ACTIVATION_NAMES[a];
    if (!id) return `keras.layers.Activation('${a}') is not an activation this project models`;
    return {
      activation: id,
      framework: 'keras',
      dialect,
      params: id === 'leaky_relu' ? { alpha: 0.2 } : {},
      axis: id === 'softmax' || id === 'log_softmax' ? -1 : undefined,
    };
  }
  const def = found.def;
  const values: Record<string, LayerArg> = {};
  for (const [, canonical, d] of def.params) if (canonical) values[canonical] = d;
  for (let i = 0; i < args.length; i++) {
    const p = def.params[i];
    if (!p) return `${path} takes at most ${def.params.length} positional arguments`;
    if (p[1]) values[p[1]] = args[i];
  }
  for (const [k, v] of Object.entries(kwargs)) {
    const p = def.params.find((q) => q[0] === k);
    if (!p) return `${path} has no parameter ${k}`;
    if (p[1]) values[p[1]] = v;
  }
  let activation = def.activation;
  const params: Record<string, number> = {};
  let axis: number | undefined;
  if (activation === 'gelu') {
    const a = values.approximate;
    if (a === 'tanh') activation = 'gelu_tanh';
    else if (a !== 'none') return `nn.GELU(approximate=${String(a)}) is not a known mode ('none' or 'tanh')`;
    delete values.approximate;
  }
  if (found.framework === 'keras' && activation === 'relu') {
    // Keras relu(x, negative_slope, max_value, threshold): the cases the core's kernels compute exactly.
    const slope = values.alpha;
    const max = values.max_value;
    const threshold = values.threshold;
    if (
      typeof slope !== 'number' ||
      (max !== null && typeof max !== 'number') ||
      typeof threshold !== 'number'
    )
      return 'keras.layers.ReLU arguments must be numbers';
    delete values.alpha;
    delete values.max_value;
    delete values.threshold;
    if (threshold !== 0)
      return `keras.layers.ReLU(threshold=${threshold}) is not evaluated yet (only threshold=0)`;
    if (slope !== 0 && max === null) {
      activation = 'leaky_relu';
      params.alpha = slope;
    } else if (slope === 0 && max === 6) activation = 'relu6';
    else if (slope !== 0 || max !== null)
      return `keras.layers.ReLU(max_value=${String(max)}, negative_slope=${slope}) is not evaluated yet`;
  }
  if (activation === 'softmax' || activation === 'log_softmax') {
    const a = values.axis;
    if (a === null || a === undefined) axis = undefined;
    else if (typeof a === 'number' && Number.isInteger(a)) axis = a;
    else return `the axis/dim of ${path} must be an integer`;
    delete values.axis;
  }
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'number') params[k] = v;
    else if (v !== null && v !== undefined && v !== false) return `parameter ${k} of ${path} is not a number`;
  }
  return { activation, framework: found.framework, dialect, params, axis };
}
