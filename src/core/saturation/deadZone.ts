// The float32 dead-zone policy: where a framework's float32 gradient is exactly 0 although the true derivative is
// not, scanned once over a fixed span (independent of ε, the view and the inputs) and then fitted to any domain.
import type { Dialect } from '../types';
import { getActivation } from '../activations/registry';
import { numericallyDeadBands, type NumericallyDeadBand } from './numeric';

/**
 * Every float32 threshold where a framework's gradient becomes exactly 0 lies well inside ±128 (exp underflows
 * below −104, the output rounds to its asymptote beyond ±18, …); beyond it a dead region simply continues.
 */
export const NUMERIC_SPAN = 128;

/** The numerically-dead regions of `id` over [−NUMERIC_SPAN, NUMERIC_SPAN] (none in float64 or for vector ones). */
export function numericDeadCanonical(
  id: string,
  options: { dialect: Dialect; params: Record<string, number>; epsilon: number },
): NumericallyDeadBand[] {
  if (options.dialect === 'exact' || getActivation(id).vector) return [];
  return numericallyDeadBands(id, { ...options, domain: [-NUMERIC_SPAN, NUMERIC_SPAN] });
}

/** Fits canonical regions to a domain: a region that reaches ±NUMERIC_SPAN runs on to the domain's edge; clipped. */
export function fitNumericDead(
  canonical: readonly NumericallyDeadBand[],
  domain: readonly [number, number],
): NumericallyDeadBand[] {
  const out: NumericallyDeadBand[] = [];
  for (const b of canonical) {
    let from = b.from;
    let to = b.to;
    if (b.side === 'left' && from <= -NUMERIC_SPAN) from = Math.min(from, domain[0]);
    if (b.side === 'right' && to >= NUMERIC_SPAN) to = Math.max(to, domain[1]);
    from = Math.max(from, domain[0]);
    to = Math.min(to, domain[1]);
    if (to > from) out.push({ from, to, side: b.side });
  }
  return out;
}
