// The one door from the oracle layer into the project's code: every core function the oracles compare against
// comes through here.
export {
  ACTIVATION_IDS,
  TFJS_ACTIVATIONS,
  defaultParams,
  evaluate,
  formatArray,
  formatTfjs,
  getActivation,
  numpyStr,
  detectAt,
} from '../../src/core';
export type { ActivationId, Dialect, DType } from '../../src/core';
import { evaluate } from '../../src/core';

/** A TF.js op as the `tfjs` dialect computes it (float32 tensors; softmax along the last axis, as TF.js does). */
export function evaluateTfjs(
  id: string,
  values: number[],
  shape: number[],
  params: Record<string, number>,
): { values: ArrayLike<number>; derivative: ArrayLike<number> } {
  return evaluate(id, values, shape, { dialect: 'tfjs', params });
}
