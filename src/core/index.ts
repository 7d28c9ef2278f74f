// Public surface of the pure core (a contract: other tools import it; keep names and shapes).
// Each module is one concern; this file only re-exports.
export * from './types';
export * from './activations';
export * from './parse';
export * from './format';
export * from './saturation';
export * from './detect';
export * from './framework';
export * from './evaluation';
export * from './live';
