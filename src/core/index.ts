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
// Live debugger values (src/core/live/) are not re-exported: their host code is a chunk loaded while a session is
// paused, and importing them from here would put them in what activation loads. Types only:
export type { LiveLanguage, LiveRead, PathRefusal } from './live';
// The resolver's functions are one object, src/core/resolve/resolver.ts (RESOLVER), which hosts load on first use;
// its types, and the print of a resolved value, are here.
export type { Resolver } from './resolve/resolver';
export { printResolved } from './resolve/print';
export type {
  ResolveDoc,
  ResolveOptions,
  ResolveResult,
  ResolvedValue,
  ResolvedLayer,
  TooLarge,
  ValueDType,
  ValueFramework,
} from './resolve';
