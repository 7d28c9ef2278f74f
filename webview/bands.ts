// Pure: how the saturation bands and the float32 numerically-dead regions are drawn on the main chart — colours,
// dashes per kind, labels fitted to each box's drawn width, and their names in the seed's words.
import type { AnnotationContext, BoxAnnotation } from './annotations';
import type { NumericallyDeadBand, SaturationBand } from '../src/core';
import { fillPlaceholders } from '../src/shared/uiStrings';
import { fitLabel } from './bandLabels';
import { withAlpha } from './color';
import type { Strings } from './strings';
import type { Palette } from './theme';

export type BandKind = SaturationBand['kind'];
/** A region where the framework's float32 gradient is exactly 0 although the true derivative is not. */
export type NumericDeadBand = NumericallyDeadBand;
/** Optional fills for the bands (canvas patterns made in the DOM); plain translucent colours when absent. */
export type BandFills = Partial<Record<BandKind | 'numeric', string | CanvasPattern>>;

const BAND_KIND: Record<BandKind, keyof Strings> = { soft: 'bandSoft', hard: 'bandHard', dead: 'bandDead' };
const BAND_SIDE: Record<SaturationBand['side'], keyof Strings> = {
  left: 'leftSide',
  right: 'rightSide',
  interior: 'interior',
};

/** The label of a band in the seed's words, e.g. "left saturation · soft" (左饱和 · 软饱和). */
export function bandLabel(band: Pick<SaturationBand, 'side' | 'kind'>, strings: Strings): string {
  return fillPlaceholders(strings.bandLabel, strings[BAND_SIDE[band.side]], strings[BAND_KIND[band.kind]]);
}

/** The labels a band box may carry, longest first: side and kind on two lines, then the kind alone. */
export function bandLabelCandidates(
  band: Pick<SaturationBand, 'side' | 'kind'>,
  strings: Strings,
): string[][] {
  return [[strings[BAND_SIDE[band.side]], strings[BAND_KIND[band.kind]]], [strings[BAND_KIND[band.kind]]]];
}

/** Band colour per kind, from the palette. */
export function bandColor(kind: BandKind, palette: Palette): string {
  return kind === 'soft' ? palette.soft : kind === 'hard' ? palette.hard : palette.dead;
}

/** Border dash per band kind, so kinds differ by more than colour: soft dashed, hard solid, dead dotted + hatch. */
export const BAND_DASH: Record<BandKind, number[]> = { soft: [6, 4], hard: [], dead: [2, 2] };

/** Which band (if any) contains x. */
export function bandAt(bands: readonly SaturationBand[], x: number): SaturationBand | undefined {
  for (const b of bands) if (x >= b.from && x <= b.to) return b;
  return undefined;
}

/** Labels sit at the band's outer edge (the plot's left or right side), where they do not cover the curve's bend. */
function labelAnchor(side: SaturationBand['side']): 'start' | 'center' | 'end' {
  return side === 'left' ? 'start' : side === 'right' ? 'end' : 'center';
}

const BAND_FONT = 11;
const NUMERIC_FONT = 10;
const LABEL_PADDING = 3;

/** The drawn width in px of [from, to] on the chart's x scale (0 before the scale exists). */
function boxWidth(ctx: AnnotationContext, from: number, to: number): number {
  const x = ctx.chart?.scales?.x;
  if (!x) return 0;
  return Math.abs(x.getPixelForValue(to) - x.getPixelForValue(from));
}

/** Annotation boxes for the saturation bands (behind the data) and the float32 numerically-dead regions. */
export function bandAnnotations(
  bands: readonly SaturationBand[],
  numericDead: readonly NumericDeadBand[],
  domain: readonly [number, number],
  palette: Palette,
  strings: Strings,
  fills: BandFills = {},
): Record<string, BoxAnnotation> {
  const annotations: Record<string, BoxAnnotation> = {};
  const visible = (b: { from: number; to: number }): boolean => b.to > domain[0] && b.from < domain[1];
  const alpha = palette.highContrast ? 0.28 : 0.14;
  bands.filter(visible).forEach((band, i) => {
    const color = bandColor(band.kind, palette);
    const xMin = Math.max(band.from, domain[0]);
    const xMax = Math.min(band.to, domain[1]);
    const candidates = bandLabelCandidates(band, strings);
    const content = (ctx: AnnotationContext): string[] | null =>
      fitLabel(candidates, boxWidth(ctx, xMin, xMax), BAND_FONT, LABEL_PADDING);
    annotations[`band${i}`] = {
      type: 'box',
      xMin,
      xMax,
      backgroundColor: fills[band.kind] ?? withAlpha(color, band.kind === 'soft' ? alpha : alpha * 1.5),
      borderColor: color,
      borderWidth: band.kind === 'hard' ? 2 : 1.5,
      borderDash: BAND_DASH[band.kind],
      drawTime: 'beforeDatasetsDraw',
      adjustScaleRange: false,
      label: {
        display: (ctx: AnnotationContext) => content(ctx) !== null,
        content: (ctx: AnnotationContext) => content(ctx) ?? '',
        position: { x: labelAnchor(band.side), y: 'start' },
        color: palette.foreground,
        font: { size: BAND_FONT, family: palette.fontFamily },
        padding: LABEL_PADDING,
      },
    };
  });
  numericDead.filter(visible).forEach((band, i) => {
    const xMin = Math.max(band.from, domain[0]);
    const xMax = Math.min(band.to, domain[1]);
    const content = (ctx: AnnotationContext): string[] | null =>
      fitLabel([[strings.numericDead]], boxWidth(ctx, xMin, xMax), NUMERIC_FONT, LABEL_PADDING);
    annotations[`numericDead${i}`] = {
      type: 'box',
      xMin,
      xMax,
      backgroundColor: fills.numeric ?? withAlpha(palette.numericDead, 0.08),
      borderColor: palette.numericDead,
      borderWidth: 1,
      borderDash: [1, 3],
      drawTime: 'beforeDatasetsDraw',
      adjustScaleRange: false,
      label: {
        display: (ctx: AnnotationContext) => content(ctx) !== null,
        content: (ctx: AnnotationContext) => content(ctx) ?? '',
        position: { x: labelAnchor(band.side), y: 'end' },
        color: palette.foreground,
        font: { size: NUMERIC_FONT, family: palette.fontFamily },
        padding: LABEL_PADDING,
      },
    };
  });
  return annotations;
}
