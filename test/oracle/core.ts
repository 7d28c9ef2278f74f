// The one door from the oracle layer into the project's code: every core function the oracles compare against
// comes through here. When the TF.js semantics move into the core as a `tfjs` dialect (today evaluateTfjs in
// src/hover/evaluation.ts and formatTfjs in src/hover/tfjsPrint.ts), only this file changes.
export {
  ACTIVATION_IDS,
  TFJS_ACTIVATIONS,
  defaultParams,
  evaluate,
  formatArray,
  getActivation,
  numpyStr,
  detectAt,
} from '../../src/core';
export type { ActivationId, Dialect, DType } from '../../src/core';
export { evaluateTfjs } from '../../src/hover/evaluation';
export { formatTfjs } from '../../src/hover/tfjsPrint';
