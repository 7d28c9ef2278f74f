// Layer objects as callees: `act(x)` where `act = nn.LeakyReLU(0.2)` (or `self.act(x)` in forward). The detector
// is pure and knows only the callee tables; this adapter answers its `layerCallee` option from the resolver.
import type { ResolvedCallee } from '../detect/callees';
import type { ResolutionContext } from './resolution';

/**
 * Layer look-ups per adapter (one detection): each reads back up to the resolver's window, and a hostile
 * `f(f(f(…` nesting asks once per enclosing call; the detector asks the innermost first.
 */
export const MAX_LAYER_LOOKUPS = 8;

/** Names that can hold a layer: `act`, `self.act` (anything longer is a module path the tables would know). */
const LAYER_NAME = /^(?:self\.)?[A-Za-z_$][\w$]*$/;

/**
 * The detector's `layerCallee` for a document: each name is resolved at most once per offset (the detector may
 * ask twice for the same callee), at most MAX_LAYER_LOOKUPS names in all; the layer's parameters become the callee's defaults, so the call's own
 * arguments (only the input) change nothing.
 */
export function layerCalleeFor(
  resolution: ResolutionContext,
): (name: string, absoluteOffset: number) => ResolvedCallee | null {
  const { doc, resolver, isCancelled } = resolution;
  const seen = new Map<string, ResolvedCallee | null>();
  return (name, offset) => {
    if (!LAYER_NAME.test(name)) return null;
    const key = `${name}@${offset}`;
    const hit = seen.get(key);
    if (hit !== undefined) return hit;
    if (seen.size >= MAX_LAYER_LOOKUPS) return null;
    const layer = resolver.resolveLayer(doc, offset, name, { isCancelled });
    let callee: ResolvedCallee | null = null;
    if (layer.kind === 'layer' && !layer.ignoredParams?.length) {
      const defaults: Record<string, number> = { ...layer.params };
      if (layer.axis !== undefined) defaults.axis = layer.axis;
      callee = {
        path: `${name} = ${layer.origin.text}`,
        framework: layer.framework,
        spec: { activation: layer.activation, positional: [], defaults },
      };
    }
    seen.set(key, callee);
    return callee;
  };
}
