// numericallyDeadBands: where a framework's float32 gradient is exactly 0 although the true derivative
// of its definition is not (the output rounded to its asymptote, exp underflowed, …).

import type { Dialect } from '../types';
import {
  dialectOf,
  kernelContext,
  runElementwise,
  type ActivationEvaluateOptions,
} from '../activations/evaluate';
import { float32ToOrdinal, ordinalToFloat32, storeFor } from '../activations/float32';
import { getActivation, resolveParams, type ResolvedParams } from '../activations/registry';
import type { ElementwiseId, KernelContext } from '../activations/kernels/types';
import { checkSaturationOptions, type SaturationOptions } from './bands';
import { derivativeModel, type DerivativeModel } from './model';

export interface NumericallyDeadBand {
  from: number;
  to: number;
  side: 'left' | 'right';
}

/** Grid points examined from the domain edge inwards before bisecting. */
const GRID = 4096;
/** After bisection, every float32 between the threshold and the edge is checked, up to this many. */
const EXHAUSTIVE = 1 << 18;
const BATCH = 1 << 16;

class GradientProbe {
  private readonly x = new Float64Array(BATCH);
  private readonly y = new Float64Array(BATCH);
  private readonly dy = new Float64Array(BATCH);
  private readonly ctx: KernelContext;

  constructor(
    private readonly id: ElementwiseId,
    private readonly dialect: Dialect,
    private readonly p: ResolvedParams,
    private readonly model: DerivativeModel,
    options: ActivationEvaluateOptions,
  ) {
    // Scans use one code path for every x: TF's packet path unless the caller forces another.
    this.ctx = kernelContext(dialect, BATCH, options, 'packet');
  }

  /** The input as the dialect stores it. */
  round(v: number): number {
    return storeFor(this.dialect)(v);
  }

  /** Is the dialect's gradient exactly 0 at float32 v while the definition's derivative is not? */
  dead(v: number): boolean {
    this.x[0] = v;
    runElementwise(this.id, this.dialect, this.x.subarray(0, 1), this.y, this.dy, this.p, this.ctx);
    return this.dy[0] === 0 && !this.model.flatZero(v);
  }

  /**
   * Ordinal of the last non-dead float32 met when walking from ordinal `from` towards `to` (inclusive,
   * `to` is the edge), or null when all are dead. Checks at most EXHAUSTIVE values.
   */
  lastAlive(from: number, to: number): number | null {
    const step = to >= from ? 1 : -1;
    const count = Math.min(Math.abs(to - from) + 1, EXHAUSTIVE);
    let last: number | null = null;
    for (let done = 0; done < count; done += BATCH) {
      const m = Math.min(BATCH, count - done);
      for (let k = 0; k < m; k++) this.x[k] = ordinalToFloat32(from + step * (done + k));
      runElementwise(this.id, this.dialect, this.x.subarray(0, m), this.y, this.dy, this.p, this.ctx);
      for (let k = 0; k < m; k++) {
        if (this.dy[k] !== 0 || this.model.flatZero(this.x[k])) last = from + step * (done + k);
      }
    }
    return last;
  }
}

/** The numerically dead band that touches one end of [lo, hi] (float32 bounds), if any. */
function scanSide(
  probe: GradientProbe,
  lo: number,
  hi: number,
  side: 'left' | 'right',
): NumericallyDeadBand | null {
  const edge = side === 'right' ? hi : lo;
  if (!probe.dead(edge)) return null;
  // 1. Walk a grid inwards to the first point that is not dead.
  let alive: number | null = null;
  let prevDead = edge;
  for (let i = 1; i <= GRID; i++) {
    const t = i / GRID;
    const v = probe.round(side === 'right' ? hi - (hi - lo) * t : lo + (hi - lo) * t);
    if (!probe.dead(v)) {
      alive = v;
      break;
    }
    prevDead = v;
  }
  const whole = { from: lo, to: hi, side };
  if (alive === null) return whole;
  // 2. Bisect over float32 ordinals between the alive point and the dead one.
  let a = float32ToOrdinal(alive);
  let d = float32ToOrdinal(prevDead);
  while (Math.abs(d - a) > 1) {
    const m = Math.trunc((a + d) / 2);
    if (probe.dead(ordinalToFloat32(m))) d = m;
    else a = m;
  }
  // 3. Make sure every float32 from the threshold to the edge is dead (rational approximations can
  //    flicker between 1 and 1 ± 1 ulp before their clamp); move the threshold past any survivor.
  const edgeOrd = float32ToOrdinal(edge);
  for (let pass = 0; pass < 8; pass++) {
    const survivor = probe.lastAlive(d, edgeOrd);
    if (survivor === null) break;
    if (survivor === edgeOrd) return null;
    d = survivor + (edgeOrd > survivor ? 1 : -1);
  }
  const threshold = ordinalToFloat32(d);
  return side === 'right' ? { from: threshold, to: hi, side } : { from: lo, to: threshold, side };
}

/**
 * Intervals at the ends of `domain` where the dialect's float32 gradient is exactly 0 while the true
 * derivative of its definition is not: e.g. TF's sigmoid once y rounds to 1 (SigmoidGrad y(1−y) = 0),
 * TF's tanh beyond its ±9 clamp, ELU below ≈ −17.33 (exp(x) − 1 rounds to −1), softsign where
 * (1+|x|)² overflows. The threshold is a float32 found by bisection over float32 values and then
 * verified value by value (up to 262144 float32 values; beyond that on a 4096-point grid). The reported
 * threshold is the first dead float32 (right side: `from`; left side: `to`).
 * 'exact' → [] (float64 with analytic derivatives has no such band); softmax / log_softmax → [].
 * TensorFlow scans use Eigen's packet path (the path of large tensors).
 */
export function numericallyDeadBands(
  id: string,
  options: SaturationOptions & ActivationEvaluateOptions,
): NumericallyDeadBand[] {
  const info = getActivation(id);
  const dialect = dialectOf(options);
  const p = resolveParams(info.id, dialect, options.params);
  const { lo, hi } = checkSaturationOptions(options);
  if (dialect === 'exact' || info.vector) return [];
  const eid = info.id as ElementwiseId;
  const probe = new GradientProbe(eid, dialect, p, derivativeModel(eid, dialect, p), options);
  // Float32 bounds inside the domain.
  let flo = probe.round(lo);
  if (flo < lo) flo = ordinalToFloat32(float32ToOrdinal(flo) + 1);
  let fhi = probe.round(hi);
  if (fhi > hi) fhi = ordinalToFloat32(float32ToOrdinal(fhi) - 1);
  if (!(flo <= fhi)) return [];
  const left = scanSide(probe, flo, fhi, 'left');
  // The whole domain is dead: call it by the side of the line it lies on.
  if (left && left.to === fhi) return [{ from: lo, to: hi, side: lo + hi >= 0 ? 'right' : 'left' }];
  const right = scanSide(probe, flo, fhi, 'right');
  const out: NumericallyDeadBand[] = [];
  if (left) out.push({ from: lo, to: left.to, side: 'left' });
  if (right) out.push({ from: right.from, to: hi, side: 'right' });
  return out;
}
