// The parameter sets each activation is compared with: the dialect's defaults plus values that move a kink,
// a slope or a cut-off. Names are the core's (alpha, beta, threshold).
import type { ActivationId } from './core';

export const PARAM_SETS: Readonly<Partial<Record<ActivationId, readonly Record<string, number>[]>>> = {
  leaky_relu: [{ alpha: 0.01 }, { alpha: 0.2 }, { alpha: 0.3 }],
  elu: [{ alpha: 1 }, { alpha: 0.5 }, { alpha: 2 }],
  celu: [{ alpha: 1 }, { alpha: 0.5 }, { alpha: 2 }],
  silu: [{ beta: 1 }, { beta: 2 }, { beta: 0.5 }],
  softplus: [
    { beta: 1, threshold: 20 },
    { beta: 2, threshold: 10 },
    { beta: 0.5, threshold: 20 },
  ],
  prelu: [{ alpha: 0.25 }, { alpha: -0.1 }],
  hard_sigmoid: [{ slope: 1 / 6 }, { slope: 0.2 }],
};

/** The parameter sets of `id` ([{}] for an activation without parameters). */
export function paramSetsOf(id: ActivationId): readonly Record<string, number>[] {
  return PARAM_SETS[id] ?? [{}];
}

export function paramText(p: Record<string, number>): string {
  const e = Object.entries(p);
  return e.length ? e.map(([k, v]) => `${k}=${v}`).join(',') : 'defaults';
}
