// The x range a chart shows around finite inputs, overflow-proof: the one policy behind the hover's SVG chart and the
// webview's chart. Inputs near ±MAX_VALUE made `hi − lo` infinite (a thrown "invalid domain" and an empty hover);
// here the ends are clamped to ±MAX_VALUE/4 (so hi − lo, the samplers' step, stays finite), the half-range never
// overflows, and the margin is also relative to the magnitude (an absolute 0.5 vanishes next to 1e300): lo < hi always.

const LIMIT = Number.MAX_VALUE / 4;

/** [lo, hi] widened by `fraction` of the range on each side (at least `minMargin`); finite lo < hi for finite input. */
export function paddedDomain(lo: number, hi: number, fraction: number, minMargin: number): [number, number] {
  const l = Math.min(Math.max(lo, -LIMIT), LIMIT);
  const h = Math.min(Math.max(hi, -LIMIT), LIMIT);
  const margin = Math.max(
    (h / 2 - l / 2) * 2 * fraction,
    minMargin,
    Math.max(Math.abs(l), Math.abs(h)) * 2 ** -20,
  );
  return [Math.max(l - margin, -LIMIT), Math.min(h + margin, LIMIT)];
}
