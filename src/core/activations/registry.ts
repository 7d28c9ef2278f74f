// Activation metadata: ids, labels, formulas, parameters with per-dialect defaults, properties (§2.A of
// the activation reference), and parameter validation.
//
// Default choices (judgement calls, documented here once):
// - leaky_relu alpha: tensorflow 0.2 (tf.nn.leaky_relu, the seed's value), pytorch / jax 0.01
//   (F.leaky_relu, jax.nn.leaky_relu). `exact` uses 0.2 so the exact curve matches the seed article;
//   0.01 (Maas et al. 2013, PyTorch) is one slider move away. Keras layers use 0.3: not a dialect here.
// - prelu alpha 0.25 everywhere (nn.PReLU's init; the Keras layer starts at 0).
// - softplus: beta 1 and threshold 20 are PyTorch's F.softplus arguments. TensorFlow and JAX have
//   neither: in those dialects beta is applied as softplus(beta·x)/beta (what a user would write) and
//   threshold is accepted but ignored (TF uses its fixed log(FLT_EPSILON)+2 cut-offs, JAX none);
//   `exact` ignores threshold (exact maths has no cut-off).
// - silu beta 1 (tf.nn.silu has beta since TF 2.8; elsewhere beta ≠ 1 is x·sigmoid(beta·x)).
// - hard_sigmoid = clip(slope·x + 0.5, 0, 1): the tensorflow dialect's slope is Keras 2's 0.2 (tf.keras in the
//   seed's era, TF 1.13/1.14, up to TF 2.15); pytorch, jax and exact use 1/6, which every framework computes as
//   relu6(x + 3)/6 (F.hardsigmoid, jax.nn, Keras 3 — `keras.*` calls pass slope 1/6 in every dialect, see
//   callees.ts). The kernels take slope 1/6 as that relu6 form, any other slope as the clip form.
// - gelu is always the erf form, in every dialect, even jax whose jax.nn.gelu defaults to the tanh
//   approximation: the id names the function; gelu_tanh is the approximation.

import type { ActivationId, ActivationInfo, ActivationProperties, Dialect, ParamSpec } from '../types';

/** Every activation id: the seed's six first, then the rest. */
export const ACTIVATION_IDS: readonly ActivationId[] = [
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'elu',
  'softmax',
  'relu6',
  'selu',
  'celu',
  'gelu',
  'gelu_tanh',
  'silu',
  'mish',
  'softplus',
  'softsign',
  'hard_sigmoid',
  'hard_swish',
  'exponential',
  'log_sigmoid',
  'log_softmax',
  'prelu',
];

/** λ and α of SELU (Klambauer et al. 2017), and their product, as in TF / PyTorch / JAX. */
// (1.0507009873554804934193349852946, 1.6732632423543772848170429916717 and
// 1.7580993408473768599402175208123, rounded to float64.)
export const SELU_LAMBDA = 1.0507009873554805;
export const SELU_ALPHA = 1.6732632423543772;
export const SELU_LAMBDA_ALPHA = 1.7580993408473768;

/** Which values a parameter may take mathematically (the slider range is only a UI hint). */
type ParamDomain = 'finite' | 'positive';

interface ParamDef extends ParamSpec {
  domain: ParamDomain;
}

function same(v: number): Record<Dialect, number> {
  return { exact: v, tensorflow: v, pytorch: v, jax: v, tfjs: v };
}

function props(
  smoothness: ActivationProperties['smoothness'],
  monotonic: ActivationProperties['monotonic'],
  bounded: ActivationProperties['bounded'],
  zeroCentred: boolean,
  leftSaturation: ActivationProperties['leftSaturation'],
  rightSaturation: ActivationProperties['rightSaturation'],
): ActivationProperties {
  return { smoothness, monotonic, bounded, zeroCentred, leftSaturation, rightSaturation };
}

interface Entry extends Omit<ActivationInfo, 'params'> {
  params: readonly ParamDef[];
}

const ALPHA_LEAKY: ParamDef = {
  name: 'alpha',
  label: 'Negative slope α',
  defaults: { exact: 0.2, tensorflow: 0.2, pytorch: 0.01, jax: 0.01, tfjs: 0.2 },
  min: 0,
  max: 1,
  step: 0.01,
  domain: 'finite',
};

const ENTRIES: Record<ActivationId, Entry> = {
  sigmoid: {
    id: 'sigmoid',
    label: 'Sigmoid',
    formula: 'σ(x) = 1 / (1 + e^(−x))',
    latex: '\\sigma(x) = \\frac{1}{1 + e^{-x}}',
    description: 'Squashes any input into (0, 1); saturates on both sides.',
    params: [],
    vector: false,
    range: '(0, 1)',
    properties: props('Cinf', 'strict', 'both', false, 'soft', 'soft'),
    seed: true,
  },
  tanh: {
    id: 'tanh',
    label: 'Tanh',
    formula: 'tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x))',
    latex: '\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
    description: 'Zero-centred S-curve with outputs in (−1, 1); saturates on both sides.',
    params: [],
    vector: false,
    range: '(−1, 1)',
    properties: props('Cinf', 'strict', 'both', true, 'soft', 'soft'),
    seed: true,
  },
  relu: {
    id: 'relu',
    label: 'ReLU',
    formula: 'relu(x) = max(0, x)',
    latex: '\\mathrm{relu}(x) = \\max(0, x)',
    description: 'Passes positive inputs unchanged and outputs 0 for negative inputs.',
    params: [],
    vector: false,
    range: '[0, ∞)',
    properties: props('C0', 'non-decreasing', 'below', false, 'hard', 'none'),
    seed: true,
  },
  leaky_relu: {
    id: 'leaky_relu',
    label: 'Leaky ReLU',
    formula: 'leaky_relu(x) = x if x > 0, α·x otherwise',
    latex: '\\mathrm{leaky\\_relu}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}',
    description: 'Like ReLU, but negative inputs keep a small slope α instead of 0.',
    params: [ALPHA_LEAKY],
    vector: false,
    range: '(−∞, ∞)',
    properties: props('C0', 'strict', 'none', false, 'none', 'none'),
    seed: true,
  },
  elu: {
    id: 'elu',
    label: 'ELU',
    formula: 'elu(x) = x if x > 0, α·(e^x − 1) otherwise',
    latex: '\\mathrm{elu}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha (e^{x} - 1) & x \\le 0 \\end{cases}',
    description: 'Identity for positive inputs; smoothly approaches −α for negative inputs.',
    params: [
      { name: 'alpha', label: 'Scale α', defaults: same(1), min: 0, max: 3, step: 0.05, domain: 'finite' },
    ],
    vector: false,
    range: '(−α, ∞)',
    properties: props('C1', 'strict', 'below', false, 'soft', 'none'),
    seed: true,
  },
  softmax: {
    id: 'softmax',
    label: 'Softmax',
    formula: 'softmax(x)_i = e^(x_i) / Σ_j e^(x_j)',
    latex: '\\mathrm{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}',
    description: 'Turns a vector of scores into probabilities that sum to 1 (along the last axis).',
    params: [],
    vector: true,
    range: '(0, 1), sums to 1',
    properties: props('Cinf', 'strict', 'both', false, 'soft', 'soft'),
    seed: true,
  },
  relu6: {
    id: 'relu6',
    label: 'ReLU6',
    formula: 'relu6(x) = min(max(0, x), 6)',
    latex: '\\mathrm{relu6}(x) = \\min(\\max(0, x), 6)',
    description: 'ReLU capped at 6.',
    params: [],
    vector: false,
    range: '[0, 6]',
    properties: props('C0', 'non-decreasing', 'both', false, 'hard', 'hard'),
    seed: false,
  },
  selu: {
    id: 'selu',
    label: 'SELU',
    formula: 'selu(x) = λ·x if x > 0, λ·α·(e^x − 1) otherwise (λ ≈ 1.0507, α ≈ 1.6733)',
    latex:
      '\\mathrm{selu}(x) = \\lambda \\begin{cases} x & x > 0 \\\\ \\alpha (e^{x} - 1) & x \\le 0 \\end{cases}',
    description: 'Scaled ELU with fixed constants chosen to keep activations normalised.',
    params: [],
    vector: false,
    range: '(−1.7581, ∞)',
    properties: props('C0', 'strict', 'below', false, 'soft', 'none'),
    seed: false,
  },
  celu: {
    id: 'celu',
    label: 'CELU',
    formula: 'celu(x) = max(0, x) + min(0, α·(e^(x/α) − 1))',
    latex:
      '\\mathrm{celu}(x) = \\max(0, x) + \\min\\left(0, \\alpha \\left(e^{x/\\alpha} - 1\\right)\\right)',
    description: 'ELU rescaled so that it is continuously differentiable for every α.',
    params: [
      {
        name: 'alpha',
        label: 'Scale α',
        defaults: same(1),
        min: 0.05,
        max: 3,
        step: 0.05,
        domain: 'positive',
      },
    ],
    vector: false,
    range: '(−α, ∞)',
    properties: props('C1', 'strict', 'below', false, 'soft', 'none'),
    seed: false,
  },
  gelu: {
    id: 'gelu',
    label: 'GELU (erf)',
    formula: 'gelu(x) = x·Φ(x) = ½·x·(1 + erf(x/√2))',
    latex: '\\mathrm{gelu}(x) = x\\,\\Phi(x) = \\tfrac{1}{2} x \\left(1 + \\mathrm{erf}(x/\\sqrt{2})\\right)',
    description: 'Weights each input by the probability that a standard normal variable is below it.',
    params: [],
    vector: false,
    range: '[−0.16997, ∞)',
    properties: props('Cinf', 'no', 'below', false, 'soft', 'none'),
    seed: false,
  },
  gelu_tanh: {
    id: 'gelu_tanh',
    label: 'GELU (tanh approximation)',
    formula: 'gelu_tanh(x) = ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))',
    latex:
      '\\tfrac{1}{2} x \\left(1 + \\tanh\\left(\\sqrt{2/\\pi}\\,\\left(x + 0.044715 x^{3}\\right)\\right)\\right)',
    description: 'The tanh approximation of GELU.',
    params: [],
    vector: false,
    range: '[−0.17004, ∞)',
    properties: props('Cinf', 'no', 'below', false, 'soft', 'none'),
    seed: false,
  },
  silu: {
    id: 'silu',
    label: 'SiLU / Swish',
    formula: 'silu(x) = x·σ(β·x)',
    latex: '\\mathrm{silu}(x) = x\\,\\sigma(\\beta x)',
    description: 'The input times its sigmoid; smooth and slightly negative for negative inputs.',
    params: [{ name: 'beta', label: 'β', defaults: same(1), min: 0, max: 5, step: 0.05, domain: 'finite' }],
    vector: false,
    range: '[−0.27846, ∞) for β = 1',
    properties: props('Cinf', 'no', 'below', false, 'soft', 'none'),
    seed: false,
  },
  mish: {
    id: 'mish',
    label: 'Mish',
    formula: 'mish(x) = x·tanh(softplus(x))',
    latex: '\\mathrm{mish}(x) = x \\tanh\\left(\\ln\\left(1 + e^{x}\\right)\\right)',
    description: 'The input times tanh of its softplus; smooth and non-monotonic.',
    params: [],
    vector: false,
    range: '[−0.30884, ∞)',
    properties: props('Cinf', 'no', 'below', false, 'soft', 'none'),
    seed: false,
  },
  softplus: {
    id: 'softplus',
    label: 'Softplus',
    formula: 'softplus(x) = ln(1 + e^(β·x)) / β',
    latex: '\\mathrm{softplus}(x) = \\frac{1}{\\beta} \\ln\\left(1 + e^{\\beta x}\\right)',
    description: 'A smooth version of ReLU; always positive.',
    params: [
      { name: 'beta', label: 'β', defaults: same(1), min: 0.1, max: 5, step: 0.1, domain: 'positive' },
      {
        name: 'threshold',
        label: 'Linear above β·x >',
        defaults: same(20),
        min: 1,
        max: 40,
        step: 1,
        domain: 'finite',
      },
    ],
    vector: false,
    range: '(0, ∞)',
    properties: props('Cinf', 'strict', 'below', false, 'soft', 'none'),
    seed: false,
  },
  softsign: {
    id: 'softsign',
    label: 'Softsign',
    formula: 'softsign(x) = x / (1 + |x|)',
    latex: '\\mathrm{softsign}(x) = \\frac{x}{1 + |x|}',
    description: 'Zero-centred S-curve like tanh, but it approaches ±1 only polynomially.',
    params: [],
    vector: false,
    range: '(−1, 1)',
    properties: props('C1', 'strict', 'both', true, 'soft', 'soft'),
    seed: false,
  },
  hard_sigmoid: {
    id: 'hard_sigmoid',
    label: 'Hard sigmoid',
    formula: 'hard_sigmoid(x) = clip(s·x + 0.5, 0, 1): s = 1/6 is relu6(x + 3)/6, s = 0.2 is Keras 2',
    latex: '\\mathrm{hard\\_sigmoid}(x) = \\min(\\max(s x + 0.5, 0), 1)',
    description: 'Piecewise-linear approximation of the sigmoid.',
    params: [
      {
        name: 'slope',
        label: 'Slope s',
        defaults: { exact: 1 / 6, tensorflow: 0.2, pytorch: 1 / 6, jax: 1 / 6, tfjs: 0.2 },
        min: 0.05,
        max: 1,
        step: 0.01,
        domain: 'positive',
      },
    ],
    vector: false,
    range: '[0, 1]',
    properties: props('C0', 'non-decreasing', 'both', false, 'hard', 'hard'),
    seed: false,
  },
  hard_swish: {
    id: 'hard_swish',
    label: 'Hard swish',
    formula: 'hard_swish(x) = x·relu6(x + 3) / 6',
    latex: '\\mathrm{hard\\_swish}(x) = x \\, \\frac{\\min(\\max(x + 3, 0), 6)}{6}',
    description: 'Piecewise approximation of SiLU built from ReLU6.',
    params: [],
    vector: false,
    range: '[−0.375, ∞)',
    properties: props('C0', 'no', 'below', false, 'hard', 'none'),
    seed: false,
  },
  exponential: {
    id: 'exponential',
    label: 'Exponential',
    formula: 'exp(x) = e^x',
    latex: 'e^{x}',
    description: 'The exponential function; it overflows float32 above x ≈ 88.72.',
    params: [],
    vector: false,
    range: '(0, ∞)',
    properties: props('Cinf', 'strict', 'below', false, 'soft', 'none'),
    seed: false,
  },
  log_sigmoid: {
    id: 'log_sigmoid',
    label: 'Log-sigmoid',
    formula: 'log_sigmoid(x) = ln σ(x) = −softplus(−x)',
    latex: '\\ln \\sigma(x) = -\\ln\\left(1 + e^{-x}\\right)',
    description: 'The logarithm of the sigmoid; always negative.',
    params: [],
    vector: false,
    range: '(−∞, 0)',
    properties: props('Cinf', 'strict', 'above', false, 'none', 'soft'),
    seed: false,
  },
  log_softmax: {
    id: 'log_softmax',
    label: 'Log-softmax',
    formula: 'log_softmax(x)_i = x_i − ln Σ_j e^(x_j)',
    latex: '\\mathrm{log\\_softmax}(x)_i = x_i - \\ln \\sum_j e^{x_j}',
    description: 'The logarithm of softmax, computed stably (along the last axis).',
    params: [],
    vector: true,
    range: '(−∞, 0]',
    properties: props('Cinf', 'strict', 'above', false, 'none', 'soft'),
    seed: false,
  },
  prelu: {
    id: 'prelu',
    label: 'PReLU',
    formula: 'prelu(x) = x if x > 0, a·x otherwise (a learned)',
    latex: '\\mathrm{prelu}(x) = \\begin{cases} x & x > 0 \\\\ a x & x \\le 0 \\end{cases}',
    description: 'Leaky ReLU whose negative slope a is learned.',
    params: [
      {
        name: 'alpha',
        label: 'Slope a',
        defaults: same(0.25),
        min: -1,
        max: 1,
        step: 0.01,
        domain: 'finite',
      },
    ],
    vector: false,
    range: '(−∞, ∞)',
    properties: props('C0', 'strict', 'none', false, 'none', 'none'),
    seed: false,
  },
};

const INFOS: Record<string, ActivationInfo> = {};
for (const id of ACTIVATION_IDS) {
  const e = ENTRIES[id];
  INFOS[id] = Object.freeze({
    ...e,
    params: Object.freeze(
      e.params.map((p) =>
        Object.freeze({
          name: p.name,
          label: p.label,
          defaults: Object.freeze({ ...p.defaults }),
          min: p.min,
          max: p.max,
          step: p.step,
        }),
      ),
    ),
    properties: Object.freeze({ ...e.properties }),
  }) as ActivationInfo;
}

/** True when `id` is one of ACTIVATION_IDS. */
export function isActivationId(id: string): id is ActivationId {
  return Object.prototype.hasOwnProperty.call(ENTRIES, id);
}

/** Metadata of one activation; throws for an unknown id, listing the known ones. */
export function getActivation(id: string): ActivationInfo {
  if (!isActivationId(id)) throw new Error(`Unknown activation "${id}". Known: ${ACTIVATION_IDS.join(', ')}`);
  return INFOS[id];
}

/** The parameter defaults of `id` in `dialect`, e.g. { alpha: 0.01 } for leaky_relu in pytorch. */
export function defaultParams(id: ActivationId, dialect: Dialect): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of getActivation(id).params) out[p.name] = p.defaults[dialect];
  return out;
}

/** Parameters after defaults and validation; fields an activation does not use are NaN. */
export interface ResolvedParams {
  alpha: number;
  beta: number;
  threshold: number;
  /** hard_sigmoid's slope (1/6: relu6(x + 3)/6; 0.2: Keras 2). */
  slope: number;
}

/** hard_sigmoid's modern slope: with it the kernels compute relu6(x + 3)/6, as the frameworks do. */
export const HARD_SIGMOID_SIXTH = 1 / 6;

/** Merges user params over the dialect defaults; throws on unknown names and invalid values. */
export function resolveParams(
  id: ActivationId,
  dialect: Dialect,
  params: Record<string, number> | undefined,
): ResolvedParams {
  const entry = ENTRIES[id];
  const out: ResolvedParams = { alpha: NaN, beta: NaN, threshold: NaN, slope: NaN };
  for (const p of entry.params) out[p.name as keyof ResolvedParams] = p.defaults[dialect];
  if (params) {
    for (const name of Object.keys(params)) {
      const def = entry.params.find((p) => p.name === name);
      if (!def) {
        const known = entry.params.map((p) => p.name);
        throw new Error(
          `Unknown parameter "${name}" for ${id}. Known: ${known.length ? known.join(', ') : '(none)'}`,
        );
      }
      const v = params[name];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new Error(`Parameter "${name}" of ${id} must be a finite number, got ${String(v)}`);
      }
      if (def.domain === 'positive' && !(v > 0)) {
        throw new Error(`Parameter "${name}" of ${id} must be > 0, got ${v}`);
      }
      out[name as keyof ResolvedParams] = v;
    }
  }
  return out;
}
