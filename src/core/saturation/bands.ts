// saturationBands: maximal intervals of the domain where |f'(x)| < ε, in exact maths.

import type { EvaluateOptions, SaturationBand } from '../types';
import { dialectOf } from '../activations/evaluate';
import { getActivation, resolveParams } from '../activations/registry';
import type { ElementwiseId } from '../activations/kernels/types';
import { bisect, derivativeModel, type DerivativeModel } from './model';

/** Options of the saturation analysis: a threshold ε on |f'| and the x-domain to examine. */
export interface SaturationOptions extends EvaluateOptions {
  epsilon: number;
  domain: readonly [number, number];
}

/** Validates ε and the domain; returns them. */
export function checkSaturationOptions(options: SaturationOptions): { eps: number; lo: number; hi: number } {
  const eps = options.epsilon;
  if (typeof eps !== 'number' || !(eps > 0) || !Number.isFinite(eps)) {
    throw new Error(`epsilon must be a finite number > 0, got ${String(eps)}`);
  }
  const [lo, hi] = options.domain;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
    throw new Error(`Invalid domain [${lo}, ${hi}]: need finite lo < hi`);
  }
  return { eps, lo, hi };
}

/** A point just inside (a, b) next to `at` (a or b), so that derivatives are taken on the open piece. */
function inside(a: number, b: number, at: number): number {
  const d = Math.min((b - a) * 1e-7, 1e-11 * Math.max(1, Math.abs(a), Math.abs(b)));
  return at === a ? a + d : b - d;
}

type Kind = SaturationBand['kind'];

function classify(m: DerivativeModel, x: number, eps: number): Kind | null {
  if (m.flatZero(x)) return m.valueZero(x) ? 'dead' : 'hard';
  return Math.abs(m.deriv(x)) < eps ? 'soft' : null;
}

/** Bands of one model over [lo, hi]. */
export function bandsOfModel(m: DerivativeModel, eps: number, lo: number, hi: number): SaturationBand[] {
  const pts = new Set<number>([lo, hi]);
  for (const k of [...m.kinks, ...m.criticals]) if (k > lo && k < hi) pts.add(k);
  const analytic = m.crossings ? m.crossings(eps) : null;
  if (analytic) for (const c of analytic) if (c > lo && c < hi) pts.add(c);
  let sorted = [...pts].sort((a, b) => a - b);
  if (!analytic) {
    // |f'| is monotone on each piece: at most one crossing of ε, found by bisection.
    const g = (x: number): number => Math.abs(m.deriv(x)) - eps;
    const extra: number[] = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const a = sorted[i];
      const b = sorted[i + 1];
      const xa = inside(a, b, a);
      const xb = inside(a, b, b);
      const ga = g(xa);
      const gb = g(xb);
      if (ga < 0 !== gb < 0 && ga === ga && gb === gb) extra.push(bisect(g, xa, xb));
    }
    sorted = [...new Set([...sorted, ...extra])].sort((a, b) => a - b);
  }
  const out: SaturationBand[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i];
    const b = sorted[i + 1];
    const kind = classify(m, a + (b - a) / 2, eps);
    if (kind === null) continue;
    const last = out[out.length - 1];
    if (last && last.to === a && last.kind === kind) last.to = b;
    else out.push({ from: a, to: b, side: 'interior', kind });
  }
  for (const band of out) {
    const left = band.from === lo;
    const right = band.to === hi;
    band.side = left && !right ? 'left' : right && !left ? 'right' : 'interior';
  }
  return out;
}

/**
 * Maximal intervals of `domain` where |f'(x)| < ε in exact maths (the dialect only picks definitions and
 * parameter defaults). Endpoints come from closed forms (sigmoid, tanh, elu, softsign, …) or from
 * bisection on pieces where |f'| is monotone (gelu, silu, mish, …): accurate to ~1e-15 relative.
 * Adjacent bands of different kinds (e.g. relu6 with ε > 1: dead, soft, hard) are reported separately.
 * side: 'left' / 'right' when the band reaches only the left / right end of the domain, 'interior'
 * otherwise (including a band that covers the whole domain).
 * softmax / log_softmax return []: their derivative is a Jacobian that depends on the whole row, so
 * there is no 1-D band (analyzeInputs reports saturated elements of an actual row instead).
 */
export function saturationBands(id: string, options: SaturationOptions): SaturationBand[] {
  const info = getActivation(id);
  const dialect = dialectOf(options);
  const p = resolveParams(info.id, dialect, options.params);
  const { eps, lo, hi } = checkSaturationOptions(options);
  if (info.vector) return [];
  return bandsOfModel(derivativeModel(info.id as ElementwiseId, dialect, p), eps, lo, hi);
}
