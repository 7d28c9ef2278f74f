// Pure: which label a band box can carry at its drawn width. A label is drawn only inside its own box, and the
// boxes of one row do not overlap, so labels never run into each other at any width (issue 13.4); a band too narrow
// for any label is still named in the legend and the chart's accessible description.

/** Wide (CJK, full-width) characters take about one em; others about 0.62 em in the UI fonts. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** An upper estimate of a line's width in px at a font size (no canvas needed: the config is pure). */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) em += WIDE.test(c) ? 1 : 0.62;
  return em * fontSize;
}

/**
 * The first candidate (a label as lines) whose widest line, with padding on both sides, fits in `boxWidth` px;
 * null when none does.
 */
export function fitLabel(
  candidates: ReadonlyArray<readonly string[]>,
  boxWidth: number,
  fontSize: number,
  padding: number,
): string[] | null {
  for (const lines of candidates) {
    const width = Math.max(0, ...lines.map((l) => estimateTextWidth(l, fontSize))) + 2 * padding + 2;
    if (width <= boxWidth) return [...lines];
  }
  return null;
}
