// Saturation analysis: exact saturation bands, framework-numerical dead bands, per-input analysis and
// the depth view. Re-exports only.
export type { SaturationOptions } from './bands';
export { saturationBands } from './bands';
export type { NumericallyDeadBand } from './numeric';
export { numericallyDeadBands } from './numeric';
export type { ElementAnalysis, InputSummary } from './analysis';
export { analyzeInputs, depthGradient } from './analysis';
export { isSaturatedGradient, saturationThreshold } from './threshold';
export { fitNumericDead, NUMERIC_SPAN, numericDeadCanonical } from './deadZone';
