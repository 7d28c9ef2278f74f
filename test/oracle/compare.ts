// Comparing the core's float32 results with a framework's: bit equality (NaN equals NaN, −0 differs from +0,
// because it prints differently), else the distance in float32 ulps.

/** Ordered integer of a float32 (adjacent floats differ by 1; −0 and +0 both map to 0). */
function ordered(x: number): number {
  const u = new Uint32Array(new Float32Array([x]).buffer)[0];
  return u >= 0x80000000 ? 0x80000000 - u : u;
}

/** 0 when identical (bits, or both NaN), Infinity when one is NaN or the zeros' signs differ, else ulps. */
export function ulpDistance(a: number, b: number): number {
  const fa = Math.fround(a);
  const fb = Math.fround(b);
  if (Number.isNaN(fa) || Number.isNaN(fb)) return Number.isNaN(fa) && Number.isNaN(fb) ? 0 : Infinity;
  if (Object.is(fa, fb)) return 0;
  if (fa === 0 && fb === 0) return Infinity;
  return Math.abs(ordered(fa) - ordered(fb));
}

/**
 * How far the core may be from a framework, with the reason written next to it (no bound without one):
 * an element passes when its distance is ≤ ulps, or |core − framework| ≤ abs · max(1, |x|) (for cancellations
 * and approximations whose error is absolute, not relative), or both are zeros and zeroSign allows either sign.
 */
export interface Tolerance {
  ulps: number;
  abs?: number;
  zeroSign?: boolean;
  why?: string;
}

export const EXACT: Tolerance = { ulps: 0 };

/** True when core and framework agree within the tolerance. */
export function within(x: number, core: number, framework: number, t: Tolerance): boolean {
  const d = ulpDistance(core, framework);
  if (d <= t.ulps) return true;
  const c = Math.fround(core);
  const f = Math.fround(framework);
  if (t.zeroSign && c === 0 && f === 0) return true;
  if (t.abs !== undefined && Number.isFinite(c) && Number.isFinite(f)) {
    const scale = Number.isFinite(x) ? Math.max(1, Math.abs(x)) : 1;
    return Math.abs(c - f) <= t.abs * scale;
  }
  return false;
}

export interface Mismatch {
  index: number;
  x: number;
  core: number;
  framework: number;
  ulps: number;
}

/** Every element outside the tolerance (EXACT: every element that differs in any bit). */
export function mismatches(
  x: ArrayLike<number>,
  core: ArrayLike<number>,
  framework: ArrayLike<number>,
  t: Tolerance = EXACT,
): Mismatch[] {
  const out: Mismatch[] = [];
  for (let i = 0; i < framework.length; i++) {
    if (within(x[i], core[i], framework[i], t)) continue;
    out.push({
      index: i,
      x: x[i],
      core: core[i],
      framework: framework[i],
      ulps: ulpDistance(core[i], framework[i]),
    });
  }
  return out;
}

/** A short listing for an assertion message. */
export function describeMismatches(list: readonly Mismatch[], limit = 8): string {
  const shown = list
    .slice(0, limit)
    .map((m) => `  x=${m.x}: core ${m.core}, framework ${m.framework} (${m.ulps} ulp)`)
    .join('\n');
  return list.length > limit ? `${shown}\n  … ${list.length - limit} more` : shown;
}
