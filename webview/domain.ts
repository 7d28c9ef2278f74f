// Pure: the x range the main chart opens on, and which inputs it draws.
//
// The default view shows where the inputs are dense, not their extremes: the article's ELU input
// [-10000, -100, -3, …, 3] would otherwise squeeze the curve near 0 into a sliver (issue 13.14). From [-6, 6], each
// side grows one doubling shell at a time (6–12, 12–24, …) while the next shell holds an input; inputs beyond the
// first empty shell are outliers, drawn as markers at the plot's edge, and "Show all inputs" opens the full range.
// When most inputs would be outliers, the full range is the default. Linear in the number of inputs.

import { paddedDomain } from '../src/core/chartDomain';

/** Half-width of the range always shown (the activations' interesting region). */
const BASE = 6;
/** Shells beyond 6·2^k cover every float64. */
const SHELLS = 1100;
const MARGIN = 0.08;

export interface InputDomain {
  /** The default view (with margin). */
  domain: [number, number];
  /** Every finite input (with margin): what "Show all inputs" opens. */
  full: [number, number];
  /** Finite inputs outside `domain`. */
  outliers: number;
  /** The smallest and largest finite input (NaN without any). */
  extent: [number, number];
}

/** The shell of |v| beyond BASE: 1 for (6, 12], 2 for (12, 24], … */
function shellOf(a: number): number {
  return Math.min(SHELLS - 1, Math.max(1, Math.ceil(Math.log2(a / BASE))));
}

/** An 8 % margin, overflow-proof (inputs near ±1e308): the one policy in the core. */
function withMargin(lo: number, hi: number): [number, number] {
  return paddedDomain(lo, hi, MARGIN, 0);
}

/** The default and the full x range of a set of inputs (at least [-6, 6], an 8 % margin). */
export function inputDomain(values: ArrayLike<number> | null | undefined): InputDomain {
  const left = new Uint8Array(SHELLS);
  const right = new Uint8Array(SHELLS);
  let lo = -BASE;
  let hi = BASE;
  let finite = 0;
  let min = NaN;
  let max = NaN;
  const n = values?.length ?? 0;
  for (let i = 0; i < n; i++) {
    const v = values![i];
    if (!Number.isFinite(v)) continue;
    finite++;
    if (!(v >= min)) min = v;
    if (!(v <= max)) max = v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (v < -BASE) left[shellOf(-v)] = 1;
    else if (v > BASE) right[shellOf(v)] = 1;
  }
  const full = withMargin(lo, hi);
  // Walk outwards while the next shell is occupied.
  const reach = (shells: Uint8Array): number => {
    let k = 0;
    while (k + 1 < SHELLS && shells[k + 1]) k++;
    return k;
  };
  const kl = reach(left);
  const kr = reach(right);
  const limitLo = kl === 0 ? -BASE : -BASE * 2 ** kl;
  const limitHi = kr === 0 ? BASE : BASE * 2 ** kr;
  let coreLo = -BASE;
  let coreHi = BASE;
  let outliers = 0;
  for (let i = 0; i < n; i++) {
    const v = values![i];
    if (!Number.isFinite(v)) continue;
    if (v < limitLo || v > limitHi) outliers++;
    else {
      if (v < coreLo) coreLo = v;
      if (v > coreHi) coreHi = v;
    }
  }
  const extent: [number, number] = [min, max];
  if (outliers === 0 || outliers * 2 >= finite) return { domain: full, full, outliers: 0, extent };
  return { domain: withMargin(coreLo, coreHi), full, outliers, extent };
}

/** The x range the main chart opens on for a request's inputs. */
export function defaultDomain(request: { input: { values: ArrayLike<number> } | null }): [number, number] {
  return inputDomain(request.input?.values).domain;
}

/** Input points to draw: every finite input, thinned to one per curve sample when there are many more than samples. */
export function inputPoints(
  xs: ArrayLike<number>,
  domain: readonly [number, number],
  samples: number,
): number[] {
  const out: number[] = [];
  const n = xs.length;
  if (n <= samples * 2) {
    for (let i = 0; i < n; i++) if (Number.isFinite(xs[i])) out.push(i);
    return out;
  }
  // Many inputs: keep one per pixel column (points on a curve at the same pixel coincide).
  const seen = new Uint8Array(samples + 1);
  const scale = samples / (domain[1] - domain[0]);
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (!Number.isFinite(x)) continue;
    const bucket = Math.round((x - domain[0]) * scale);
    if (bucket < 0 || bucket > samples) {
      out.push(i);
      continue;
    }
    if (seen[bucket] === 0) {
      seen[bucket] = 1;
      out.push(i);
    }
  }
  return out;
}
