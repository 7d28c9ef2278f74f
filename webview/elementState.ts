// Pure: the state word of one input under the main activation (table, tooltips).
import type { Strings } from './strings';

/** Saturation state text of one element of the analysis (for a vector activation the side is suppressed/dominant). */
export function elementState(
  e: {
    saturated: boolean;
    dead: boolean;
    nan?: boolean;
    side?: 'left' | 'right' | 'interior' | null;
  },
  strings: Strings,
  vector = false,
): string {
  // NaN has no value and no gradient: neither active nor saturated (issue 13.13).
  if (e.nan) return strings.stateNaN;
  if (e.dead) return strings.dead;
  if (!e.saturated) return strings.active;
  if (vector)
    return e.side === 'left'
      ? strings.stateSuppressed
      : e.side === 'right'
        ? strings.stateDominant
        : strings.saturated;
  if (e.side === 'left') return strings.stateLeft;
  if (e.side === 'right') return strings.stateRight;
  return strings.saturated;
}
