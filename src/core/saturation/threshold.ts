// The one ε comparison: an input is saturated when |f′(x)| < ε, both in the dialect's dtype. A float32 framework
// computes f′ in float32, so ε is rounded to float32 too: float32 leaky ReLU's slope 0.01 is then exactly ε and
// not saturated at ε = 0.01 (the summary's "leaky ReLU does not saturate" holds), as in float64.
import type { Dialect } from '../types';

/** ε as the dialect's gradients are compared with it (float32 rounding for the framework dialects). */
export function saturationThreshold(epsilon: number, dialect: Dialect): number {
  return dialect === 'exact' ? epsilon : Math.fround(epsilon);
}

/** Whether a gradient counts as saturated against a threshold from saturationThreshold (NaN never does). */
export function isSaturatedGradient(dy: number, threshold: number): boolean {
  return Math.abs(dy) < threshold;
}
