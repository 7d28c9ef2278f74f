// The float32 numerically-dead regions, cached per activation, dialect and parameters: the core finds them by
// scanning float32 values (tens to hundreds of ms), while they do not depend on ε, the zoom or the inputs. A miss is
// computed after the current frame, so the chart appears at once and the regions follow.
import { numericDeadCanonical, type ActivationId, type NumericallyDeadBand } from '../src/core';
import type { PlotRequest } from '../src/shared/plotRequest';
import { paramsFor } from './model';

export class NumericDeadCache {
  private readonly done = new Map<string, NumericallyDeadBand[]>();
  private readonly pending = new Set<string>();

  /** The regions if known (exact dialect: none); otherwise starts computing them and returns undefined. */
  get(
    request: PlotRequest,
    id: ActivationId | undefined,
    onReady: () => void,
  ): readonly NumericallyDeadBand[] | undefined {
    if (id === undefined || request.dialect === 'exact') return [];
    const key = `${id}|${request.dialect}|${JSON.stringify(paramsFor(request, id))}`;
    const hit = this.done.get(key);
    if (hit) return hit;
    if (!this.pending.has(key)) {
      this.pending.add(key);
      setTimeout(() => {
        try {
          this.done.set(
            key,
            numericDeadCanonical(id, {
              dialect: request.dialect,
              params: paramsFor(request, id),
              epsilon: request.epsilon,
            }),
          );
        } catch {
          this.done.set(key, []);
        }
        this.pending.delete(key);
        onReady();
      }, 0);
    }
    return undefined;
  }
}
