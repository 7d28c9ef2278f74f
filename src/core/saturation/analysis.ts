// Per-element saturation analysis of actual inputs, and the depth (vanishing-gradient) view.

import type { EvaluateOptions, SaturationBand } from '../types';
import { dialectOf, evaluate, roundInput, type ActivationEvaluateOptions } from '../activations/evaluate';
import { getActivation, resolveParams } from '../activations/registry';
import type { ElementwiseId } from '../activations/kernels/types';
import { bandsOfModel } from './bands';
import { derivativeModel } from './model';
import { isSaturatedGradient, saturationThreshold } from './threshold';

export interface ElementAnalysis {
  x: number;
  y: number;
  dy: number;
  saturated: boolean;
  dead: boolean;
  /** The input or its output is NaN: it has no value or gradient, so it is neither active nor saturated. */
  nan: boolean;
  side: 'left' | 'right' | 'interior' | null;
}

export interface InputSummary {
  count: number;
  saturated: number;
  dead: number;
  saturatedShare: number;
  outputMean: number;
  zeroCentred: boolean;
  leftSaturated: number;
  rightSaturated: number;
  /** Elements whose input or output is NaN (left out of every count above and of the mean). */
  nan: number;
  /** Finite outputs the mean averages (count − NaN − infinite outputs). */
  finiteOutputs: number;
}

/**
 * Evaluates `id` on the inputs (as `evaluate` does: TF's executor path, float32 for frameworks) and
 * marks each element: saturated when |f'(x)| < ε (f' and ε in the dialect's dtype: saturationThreshold); dead when the
 * dialect's gradient is exactly 0 (for `exact`: f' ≡ 0 there mathematically, e.g. relu at x < 0).
 * side (null unless saturated or dead): the side of the exact saturation band containing x; an element
 * that is only numerically saturated (outside every exact band) is 'left' for x < 0, else 'right'.
 * For softmax / log_softmax the side says whether the element's own probability is < ½ ('left': a
 * suppressed logit) or ≥ ½ ('right': the dominant logit).
 * A NaN input (or output) is marked `nan` and neither saturated nor dead.
 * Summary: outputMean averages the finite outputs (NaN when there are none, e.g. `[]`); zeroCentred means |mean| ≤ 0.1 × RMS of the finite
 * outputs (or all outputs are 0); leftSaturated / rightSaturated count saturated elements per side.
 */
export function analyzeInputs(
  id: string,
  values: ArrayLike<number>,
  shape: readonly number[],
  options: { epsilon: number } & EvaluateOptions & ActivationEvaluateOptions,
): { elements: ElementAnalysis[]; summary: InputSummary } {
  const info = getActivation(id);
  const dialect = dialectOf(options);
  const eps = options.epsilon;
  if (typeof eps !== 'number' || !(eps > 0) || !Number.isFinite(eps)) {
    throw new Error(`epsilon must be a finite number > 0, got ${String(eps)}`);
  }
  const threshold = saturationThreshold(eps, dialect);
  const ev = evaluate(id, values, shape, options);
  const n = values.length;
  const p = resolveParams(info.id, dialect, options.params);
  const model = info.vector ? null : derivativeModel(info.id as ElementwiseId, dialect, p);
  let bands: SaturationBand[] = [];
  if (model) {
    let lo = -1;
    let hi = 1;
    for (let i = 0; i < n; i++) {
      const v = Number(values[i]);
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    bands = bandsOfModel(model, eps, lo - 1, hi + 1);
  }
  const elements: ElementAnalysis[] = [];
  let saturated = 0;
  let dead = 0;
  let left = 0;
  let right = 0;
  let sum = 0;
  let sumSq = 0;
  let finite = 0;
  let nanCount = 0;
  for (let i = 0; i < n; i++) {
    const y = ev.values[i];
    const dy = ev.derivative[i];
    const x = roundInput(Number(values[i]), dialect);
    const nan = Number.isNaN(x) || Number.isNaN(y);
    const sat = !nan && isSaturatedGradient(dy, threshold);
    let isDead: boolean;
    if (nan) isDead = false;
    else if (dialect === 'exact' && model) isDead = Number.isFinite(x) ? model.flatZero(x) : dy === 0;
    else isDead = dy === 0;
    if (nan) nanCount++;
    let side: ElementAnalysis['side'] = null;
    if (sat || isDead) {
      if (!model) {
        const s = info.id === 'softmax' ? y : Math.exp(y);
        side = s < 0.5 ? 'left' : 'right';
      } else {
        const band = bands.find((b) => x >= b.from && x <= b.to);
        side = band ? band.side : x < 0 ? 'left' : 'right';
      }
    }
    if (sat) {
      saturated++;
      if (side === 'left') left++;
      else if (side === 'right') right++;
    }
    if (isDead) dead++;
    if (Number.isFinite(y)) {
      sum += y;
      sumSq += y * y;
      finite++;
    }
    elements.push({ x, y, dy, saturated: sat, dead: isDead, nan, side });
  }
  const mean = finite > 0 ? sum / finite : NaN;
  const rms = finite > 0 ? Math.sqrt(sumSq / finite) : NaN;
  return {
    elements,
    summary: {
      count: n,
      saturated,
      dead,
      saturatedShare: n > 0 ? saturated / n : 0,
      outputMean: mean,
      zeroCentred: finite > 0 && (rms === 0 || Math.abs(mean) <= 0.1 * rms),
      leftSaturated: left,
      rightSaturated: right,
      nan: nanCount,
      finiteOutputs: finite,
    },
  };
}

/** log10(2^−1075): below this |f'|^L rounds to 0 in float64. */
const LOG10_UNDERFLOW = -1075 * Math.LOG10E * Math.LN2;

/**
 * The gradient factor |f'(x)|^L that L stacked layers of the activation contribute (chain rule), computed
 * through logarithms: log10 = L·log10|f'| is always finite (−∞ only for f' = 0), and value is
 * sign·10^log10, which is 0 only when log10 < −323.6 (float64 underflow). The sign is kept: a negative
 * f' with odd L gives a negative value. L must be an integer ≥ 0 (L = 0 gives 1).
 */
export function depthGradient(
  derivatives: ArrayLike<number>,
  layers: number,
): { log10: Float64Array; value: Float64Array } {
  if (!Number.isInteger(layers) || layers < 0)
    throw new Error(`layers must be an integer ≥ 0, got ${layers}`);
  const n = derivatives.length;
  const log10 = new Float64Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = Number(derivatives[i]);
    if (layers === 0) {
      log10[i] = 0;
      value[i] = d === d ? 1 : NaN;
      continue;
    }
    const a = Math.abs(d);
    const l = layers * Math.log10(a);
    log10[i] = l;
    const sign = d < 0 && layers % 2 === 1 ? -1 : 1;
    let v = Math.pow(a, layers);
    if (v === 0 && l >= LOG10_UNDERFLOW) v = Number.MIN_VALUE;
    else if (v !== 0 && l < LOG10_UNDERFLOW) v = 0;
    value[i] = sign * v;
  }
  return { log10, value };
}
