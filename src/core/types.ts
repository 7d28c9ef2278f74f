// Shared types of the pure core. No `vscode`, no DOM: this runs in Node, in a web worker and in the webview.

/** Which framework's arithmetic and defaults to emulate. `exact` is float64 maths with stable formulas; `tfjs` is
 * TensorFlow.js's CPU backend (float64 maths on float32 tensors, each op's result stored as float32). */
export type Dialect = 'exact' | 'tensorflow' | 'pytorch' | 'jax' | 'tfjs';
export const DIALECTS: readonly Dialect[] = ['exact', 'tensorflow', 'pytorch', 'jax', 'tfjs'];

/** How an array is printed: NumPy str, TF eager str, torch repr, JSON, TF.js `print()`. */
export type PrintStyle = 'numpy' | 'tensorflow' | 'pytorch' | 'json' | 'tfjs';
export const PRINT_STYLES: readonly PrintStyle[] = ['tensorflow', 'numpy', 'pytorch', 'json', 'tfjs'];
export type DType = 'float32' | 'float64';

export type ActivationId =
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leaky_relu'
  | 'elu'
  | 'softmax'
  | 'relu6'
  | 'selu'
  | 'celu'
  | 'gelu'
  | 'gelu_tanh'
  | 'silu'
  | 'mish'
  | 'softplus'
  | 'softsign'
  | 'hard_sigmoid'
  | 'hard_swish'
  | 'exponential'
  | 'log_sigmoid'
  | 'log_softmax'
  | 'prelu';

export interface EvaluateOptions {
  /** Default 'exact'. */
  dialect?: Dialect;
  /** e.g. { alpha: 0.2 }; missing ones take the dialect's defaults. */
  params?: Record<string, number>;
}

export interface Evaluation {
  values: ArrayLike<number>;
  /** Elementwise derivative; for softmax/log_softmax the Jacobian diagonal. */
  derivative: ArrayLike<number>;
}

/** How f' behaves as x → −∞ (left) or +∞ (right): the seed's 左饱和 / 右饱和. */
export type SaturationKind = 'soft' | 'hard' | 'none';

export interface ParamSpec {
  name: string;
  /** English label; the host translates it. */
  label: string;
  defaults: Record<Dialect, number>;
  min: number;
  max: number;
  step: number;
}

export interface ActivationProperties {
  /** C0: continuous only; C1: continuously differentiable; Cinf: smooth. */
  smoothness: 'C0' | 'C1' | 'Cinf';
  monotonic: 'strict' | 'non-decreasing' | 'no';
  /** Which sides of the output are bounded. */
  bounded: 'both' | 'below' | 'above' | 'none';
  zeroCentred: boolean;
  leftSaturation: SaturationKind;
  rightSaturation: SaturationKind;
}

export interface ActivationInfo {
  id: ActivationId;
  label: string;
  /** Plain-text formula, e.g. "1 / (1 + e^(−x))". */
  formula: string;
  latex: string;
  /** One English line; the host translates it. */
  description: string;
  params: readonly ParamSpec[];
  /** softmax / log_softmax: a function of the whole last axis, not elementwise. */
  vector: boolean;
  /** Output range as text, e.g. "(0, 1)". */
  range: string;
  properties: ActivationProperties;
  /** One of the seed article's six. */
  seed: boolean;
}

/** A maximal interval of x where |f'(x)| < ε (or f' is exactly 0). */
export interface SaturationBand {
  from: number;
  to: number;
  side: 'left' | 'right' | 'interior';
  /** soft: 0 < |f'| < ε; hard: f' = 0 exactly; dead: f' = 0 and f = 0 (a dead unit: no signal either way). */
  kind: 'soft' | 'hard' | 'dead';
}
