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
export {
  resolveValue,
  resolveLayer,
  printResolved,
  DEFAULT_MAX_RESOLVE_ELEMENTS,
  type ResolveDoc,
  type ResolveOptions,
  type ResolveResult,
  type ResolvedValue,
  type ResolvedLayer,
  type TooLarge,
  type ValueDType,
  type ValueFramework,
} from './resolve';
