// Public surface of the activation library (re-exports only; one concern per module).
export {
  ACTIVATION_IDS,
  SELU_ALPHA,
  SELU_LAMBDA,
  SELU_LAMBDA_ALPHA,
  defaultParams,
  getActivation,
  isActivationId,
  resolveParams,
} from './registry';
export { TFJS_ACTIVATIONS } from './kernels/tfjs';
export type { ActivationEvaluateOptions } from './evaluate';
export { evaluate, sampleCurve, softmaxJacobian } from './evaluate';
export { reduceSum } from './reduce';
export { erf, erfc } from './erf';
