// The resolver as one object, the unit a host loads on first use (its extension host imports this module lazily,
// so activation does not download it): what the pipeline and the hovers call to read values from real code.
import { resolveLayer, resolveValue } from './index';

export const RESOLVER = { resolveValue, resolveLayer } as const;

export type Resolver = typeof RESOLVER;
