// Pure: turns a PlotRequest (+ view range and palette) into the main chart's configuration — datasets for f, f'
// and the selected inputs, saturation bands as annotation boxes, axes, tooltips. No DOM access, so it is unit-tested
// in Node.
import type { ChartConfiguration, ChartDataset, LegendItem, TooltipItem } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import {
  evaluate,
  getActivation,
  numericallyDeadBands,
  sampleCurve,
  saturationBands,
  type ActivationId,
  type SaturationBand,
} from '../src/core';
import type { PlotRequest } from '../src/shared/plotRequest';
import { paddedDomain } from '../src/core/chartDomain';
import type { Palette } from './theme';
import { fillPlaceholders, UI_STRINGS } from '../src/shared/uiStrings';
import { computeContext, paramsFor, type PlotContext } from './model';
import { cellText, shortNumber } from './format';

export { paramsFor } from './model';

export type Point = { x: number; y: number };
export type Strings = Record<keyof typeof UI_STRINGS, string>;
export type BandKind = SaturationBand['kind'];
/** A region where the framework's float32 gradient is exactly 0 although the true derivative is not. */
export type NumericDeadBand = { from: number; to: number; side: 'left' | 'right' };

export interface ViewOptions {
  /** x range to draw (after zoom/pan); default: the inputs with a margin, at least [-6, 6]. */
  domain?: readonly [number, number] | null;
  /** Curve samples (at least one per device pixel of the plot width). */
  samples: number;
  /** Show f' (the legend toggles it too). */
  showDerivative: boolean;
  /** f' on its own y axis (true) or sharing f's axis (false). */
  derivativeOwnAxis: boolean;
  /** Fraction of the width also sampled beyond each side, so a pan shows curve before it is resampled (default 0). */
  overscan?: number;
  /**
   * The float32 numerically-dead regions over [−NUMERIC_SPAN, NUMERIC_SPAN] (numericDeadCanonical), when the caller
   * has them cached: the core's scan is far too slow to repeat on every ε step or pan. Computed here when absent.
   */
  numericDead?: readonly NumericDeadBand[];
  /** The window's devicePixelRatio (sharp lines at fractional ratios); Chart.js's default when absent. */
  devicePixelRatio?: number;
}

/** Optional fills for the bands (canvas patterns made in the DOM); plain translucent colours when absent. */
export type BandFills = Partial<Record<BandKind | 'numeric', string | CanvasPattern>>;

/** The x range that covers the finite inputs with an 8 % margin, and at least [-6, 6]. */
export function defaultDomain(request: PlotRequest): [number, number] {
  let lo = -6;
  let hi = 6;
  if (request.input) {
    for (const v of request.input.values) {
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  // Overflow-proof (inputs near ±1e308): the one policy in the core.
  return paddedDomain(lo, hi, 0.08, 0);
}

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

/** Translucent version of a colour given as #rgb, #rrggbb(aa) or rgb(a)(…) (what themes and computed styles give). */
export function withAlpha(color: string, alpha: number): string {
  let hex = color.trim();
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(hex);
  if (rgb) return `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${alpha})`;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(hex);
  if (short) hex = `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  const m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(hex);
  if (!m) return color;
  const a = Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0');
  return `#${m[1]}${a}`;
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

/** Saturation state text of one element of the analysis (for a vector activation the side is suppressed/dominant). */
export function elementState(
  e: { saturated: boolean; dead: boolean; side?: 'left' | 'right' | 'interior' | null },
  strings: Strings,
  vector = false,
): string {
  if (e.dead) return strings.dead;
  if (!e.saturated) return strings.active;
  if (vector)
    return e.side === 'left'
      ? strings.stateSuppressed
      : e.side === 'right'
        ? strings.stateDominant
        : strings.saturated;
  if (e.side === 'left') return strings.stateLeft;
  if (e.side === 'right') return strings.stateRight;
  return strings.saturated;
}

type Role = 'f' | 'df' | 'inputs' | 'inputsDf';
interface SeriesMeta {
  role: Role;
  id: ActivationId;
  label: string;
  /** f and f' at each point of the dataset (same index as its data). */
  y: ArrayLike<number>;
  dy: ArrayLike<number>;
  /** State text per point (inputs only). */
  states?: string[];
}

export interface MainChartModel {
  config: ChartConfiguration<'line' | 'scatter', Point[]>;
  domain: [number, number];
  bands: SaturationBand[];
  numericDead: NumericDeadBand[];
  ariaLabel: string;
  /** Activations drawn as curves (vector ones are left out of a comparison). */
  drawn: ActivationId[];
  /** Vector activations left out of the comparison (shown as a note). */
  skipped: ActivationId[];
}

/** Input points to draw: every finite input, thinned to one per curve sample when there are many more than samples. */
export function inputPoints(
  xs: ArrayLike<number>,
  domain: readonly [number, number],
  samples: number,
): number[] {
  const out: number[] = [];
  const n = xs.length;
  if (n <= samples * 2) {
    for (let i = 0; i < n; i++) if (Number.isFinite(xs[i])) out.push(i);
    return out;
  }
  // Many inputs: keep one per pixel column (points on a curve at the same pixel coincide).
  const seen = new Uint8Array(samples + 1);
  const scale = samples / (domain[1] - domain[0]);
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (!Number.isFinite(x)) continue;
    const bucket = Math.round((x - domain[0]) * scale);
    if (bucket < 0 || bucket > samples) {
      out.push(i);
      continue;
    }
    if (seen[bucket] === 0) {
      seen[bucket] = 1;
      out.push(i);
    }
  }
  return out;
}

/** Builds the main chart for the request's elementwise activations (vector ones are drawn elsewhere, as bars). */
export function buildMainChart(
  request: PlotRequest,
  view: ViewOptions,
  palette: Palette,
  strings: Strings,
  context?: PlotContext,
  fills: BandFills = {},
): MainChartModel {
  const ctx = context ?? computeContext(request);
  const domain: [number, number] = view.domain ? [view.domain[0], view.domain[1]] : defaultDomain(request);
  const overscan = Math.max(0, view.overscan ?? 0);
  const width = domain[1] - domain[0];
  const sampled: [number, number] = [domain[0] - overscan * width, domain[1] + overscan * width];
  const samples = Math.max(2, Math.round(view.samples * (1 + 2 * overscan)));
  const datasets: Array<ChartDataset<'line' | 'scatter', Point[]>> = [];
  const meta: SeriesMeta[] = [];
  const drawn = request.activations.filter((id) => !getActivation(id).vector);
  const skipped = request.activations.filter((id) => getActivation(id).vector);
  const compare = drawn.length > 1;
  const dfAxis = view.derivativeOwnAxis ? 'y2' : 'y';
  const input = request.input;
  const inputIndex = input ? inputPoints(input.values, sampled, samples) : [];

  drawn.forEach((id, index) => {
    const info = getActivation(id);
    const params = paramsFor(request, id);
    const curve = sampleCurve(id, sampled, samples, { dialect: request.dialect, params });
    const color = compare ? palette.series[index % palette.series.length] : palette.fn;
    const dfColor = compare ? color : palette.derivative;
    const n = curve.x.length;
    const fn: Point[] = new Array<Point>(n);
    const df: Point[] = new Array<Point>(n);
    for (let i = 0; i < n; i++) {
      fn[i] = { x: curve.x[i], y: curve.y[i] };
      df[i] = { x: curve.x[i], y: curve.dy[i] };
    }
    const suffix = compare ? ` ${info.label}` : '';
    datasets.push({
      type: 'line',
      label: `${strings.functionSeries}${suffix}`,
      data: fn,
      borderColor: color,
      backgroundColor: color,
      borderWidth: index === 0 ? 2.5 : 2,
      pointRadius: 0,
      pointHitRadius: 4,
      yAxisID: 'y',
      order: 2,
    });
    meta.push({ role: 'f', id, label: info.label, y: curve.y, dy: curve.dy });
    datasets.push({
      type: 'line',
      label: `${strings.derivativeSeries}${suffix}`,
      data: df,
      borderColor: dfColor,
      backgroundColor: dfColor,
      borderWidth: 1.5,
      borderDash: [6, 4],
      pointRadius: 0,
      pointHitRadius: 4,
      hidden: !view.showDerivative,
      yAxisID: dfAxis,
      order: 3,
    });
    meta.push({ role: 'df', id, label: info.label, y: curve.y, dy: curve.dy });

    if (!input || inputIndex.length === 0) return;
    // Inputs on this activation's curve (the main one from the shared analysis).
    let ys: ArrayLike<number>;
    let dys: ArrayLike<number>;
    let states: string[];
    if (index === 0 && ctx.analysis) {
      const els = ctx.analysis.elements;
      ys = inputIndex.map((i) => els[i].y);
      dys = inputIndex.map((i) => els[i].dy);
      states = inputIndex.map((i) => elementState(els[i], strings));
    } else {
      const own = sampleAt(id, input.values, inputIndex, request);
      ys = own.y;
      dys = own.dy;
      states = own.dy.map((d) => (Math.abs(d) < request.epsilon ? strings.saturated : strings.active));
    }
    const onCurve: Point[] = new Array<Point>(inputIndex.length);
    const onDerivative: Point[] = new Array<Point>(inputIndex.length);
    for (let k = 0; k < inputIndex.length; k++) {
      const x = input.values[inputIndex[k]];
      onCurve[k] = { x, y: ys[k] };
      onDerivative[k] = { x, y: dys[k] };
    }
    const pointColor = compare ? color : palette.inputs;
    datasets.push({
      type: 'scatter',
      label: `${strings.inputsSeries}${suffix}`,
      data: onCurve,
      borderColor: pointColor,
      backgroundColor: withAlpha(palette.background, 0.9),
      borderWidth: 2,
      pointRadius: 4,
      pointHoverRadius: 6,
      yAxisID: 'y',
      order: 0,
    });
    meta.push({ role: 'inputs', id, label: info.label, y: ys, dy: dys, states });
    datasets.push({
      type: 'scatter',
      label: `${strings.inputsOnDerivative}${suffix}`,
      data: onDerivative,
      borderColor: dfColor,
      backgroundColor: dfColor,
      pointStyle: 'rectRot',
      pointRadius: 4,
      pointHoverRadius: 6,
      hidden: !view.showDerivative,
      yAxisID: dfAxis,
      order: 1,
    });
    meta.push({ role: 'inputsDf', id, label: info.label, y: ys, dy: dys, states });
  });

  // Bands of the main activation (in a comparison, of the first one drawn).
  const bandId = drawn[0];
  let bands: SaturationBand[] = [];
  let numericDead: NumericDeadBand[] = [];
  if (bandId !== undefined) {
    const options = {
      dialect: request.dialect,
      params: paramsFor(request, bandId),
      epsilon: request.epsilon,
      domain: sampled,
    };
    const inside = (b: { from: number; to: number }): boolean => b.to > sampled[0] && b.from < sampled[1];
    bands = saturationBands(bandId, options).filter(inside);
    if (request.dialect !== 'exact') {
      const canonical = view.numericDead ?? numericDeadCanonical(request, bandId);
      numericDead = fitNumericDead(canonical, sampled).filter(inside);
    }
  }
  // Boxes are clipped to the visible range so their labels sit inside the plot (a pan re-clips them on resample).
  const annotations = bandAnnotations(bands, numericDead, domain, palette, strings, fills);

  const names = request.activations.map((id) => getActivation(id).label).join(', ');
  const bandText = bands.length
    ? bands.map((b) => bandLabel(b, strings)).join(strings.listSeparator)
    : strings.noBands;
  const summary = ctx.analysis?.summary;
  const ariaLabel =
    input && summary
      ? fillPlaceholders(
          strings.chartAria,
          names,
          summary.count,
          summary.saturated,
          summary.leftSaturated,
          summary.rightSaturated,
          summary.dead,
          bandText,
        )
      : fillPlaceholders(strings.chartAriaNoInput, names, bandText);

  const grid = { color: withAlpha(palette.grid, palette.highContrast ? 0.9 : 0.45) };
  const ticks = { color: palette.foreground, font: { family: palette.fontFamily } };
  const linked = linkedDatasets(meta);
  const dtype = ctx.dtype;
  const fmt = (v: number): string => cellText(v, dtype);
  return {
    domain,
    bands,
    numericDead,
    ariaLabel,
    drawn,
    skipped,
    config: {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        parsing: false,
        normalized: true,
        responsive: true,
        maintainAspectRatio: false,
        devicePixelRatio: view.devicePixelRatio,
        interaction: { mode: 'nearest', intersect: false, axis: 'x' },
        font: { family: palette.fontFamily },
        scales: {
          x: {
            type: 'linear',
            min: domain[0],
            max: domain[1],
            grid,
            ticks: { ...ticks, includeBounds: false },
            border: { color: palette.foreground },
            title: { display: true, text: 'x', color: palette.foreground },
          },
          y: {
            type: 'linear',
            grid,
            ticks: { ...ticks, includeBounds: false },
            border: { color: palette.foreground },
            title: {
              display: true,
              text: view.derivativeOwnAxis
                ? strings.functionSeries
                : `${strings.functionSeries}, ${strings.derivativeSeries}`,
              color: palette.foreground,
            },
          },
          y2: {
            type: 'linear',
            display: view.derivativeOwnAxis && view.showDerivative,
            position: 'right',
            grid: { drawOnChartArea: false },
            ticks: { color: palette.derivative },
            border: { color: palette.derivative },
            title: { display: true, text: strings.derivativeSeries, color: palette.derivative },
          },
        },
        plugins: {
          legend: {
            labels: {
              color: palette.foreground,
              usePointStyle: true,
              sort: (a: LegendItem, b: LegendItem) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
              filter: (item: LegendItem) => {
                const role = item.datasetIndex === undefined ? undefined : meta[item.datasetIndex]?.role;
                return role !== 'inputsDf';
              },
            },
            onClick: (_event, item, legend) => {
              const chart = legend.chart;
              const index = item.datasetIndex;
              if (index === undefined) return;
              const visible = !chart.isDatasetVisible(index);
              for (const i of [index, ...(linked.get(index) ?? [])]) chart.setDatasetVisibility(i, visible);
              chart.update('none');
            },
          },
          tooltip: {
            filter: (
              item: TooltipItem<'line' | 'scatter'>,
              _index: number,
              items: Array<TooltipItem<'line' | 'scatter'>>,
            ) => {
              const m = meta[item.datasetIndex];
              if (!m) return false;
              // f and f' of one activation share x: show one line for both.
              if (m.role === 'df')
                return !items.some(
                  (o) => meta[o.datasetIndex]?.role === 'f' && meta[o.datasetIndex]?.id === m.id,
                );
              if (m.role === 'inputsDf')
                return !items.some(
                  (o) => meta[o.datasetIndex]?.role === 'inputs' && meta[o.datasetIndex]?.id === m.id,
                );
              return true;
            },
            callbacks: {
              title: (items: Array<TooltipItem<'line' | 'scatter'>>) =>
                items.length ? fillPlaceholders(strings.tooltipX, fmt((items[0].raw as Point).x)) : '',
              label: (item: TooltipItem<'line' | 'scatter'>) => {
                const m = meta[item.datasetIndex];
                if (!m) return '';
                const i = item.dataIndex;
                return fillPlaceholders(strings.tooltipValues, m.label, fmt(m.y[i]), fmt(m.dy[i]));
              },
              afterLabel: (item: TooltipItem<'line' | 'scatter'>) => {
                const m = meta[item.datasetIndex];
                if (!m) return '';
                const i = item.dataIndex;
                let state: string;
                if (m.states) state = m.states[i];
                else if (m.id === bandId) {
                  const band = bandAt(bands, (item.raw as Point).x);
                  state = band ? bandLabel(band, strings) : strings.active;
                } else state = Math.abs(m.dy[i]) < request.epsilon ? strings.saturated : strings.active;
                return fillPlaceholders(strings.tooltipState, state);
              },
            },
          },
          annotation: { annotations },
        },
      },
    },
  };
}

/** f and f' of `id` at the chosen inputs (for compared activations, which the shared analysis does not cover). */
function sampleAt(
  id: ActivationId,
  values: readonly number[],
  indices: readonly number[],
  request: PlotRequest,
): { y: number[]; dy: number[] } {
  const xs = indices.map((i) => values[i]);
  const r = evaluate(id, xs, [xs.length], { dialect: request.dialect, params: paramsFor(request, id) });
  return { y: Array.from(r.values), dy: Array.from(r.derivative) };
}

/** Datasets toggled together from the legend: f' hides its input points too. */
function linkedDatasets(meta: readonly SeriesMeta[]): Map<number, number[]> {
  const links = new Map<number, number[]>();
  meta.forEach((m, i) => {
    if (m.role !== 'df') return;
    const j = meta.findIndex((o) => o.role === 'inputsDf' && o.id === m.id);
    if (j >= 0) links.set(i, [j]);
  });
  return links;
}

/** Labels sit at the band's outer edge (the plot's left or right side), where they do not cover the curve's bend. */
function labelAnchor(side: SaturationBand['side']): 'start' | 'center' | 'end' {
  return side === 'left' ? 'start' : side === 'right' ? 'end' : 'center';
}

/**
 * Every float32 threshold where a framework's gradient becomes exactly 0 lies well inside ±128 (exp underflows
 * below −104, the output rounds to its asymptote beyond ±18, …); beyond it a dead region simply continues.
 */
export const NUMERIC_SPAN = 128;

/** The core's numerically-dead regions of `id` over [−NUMERIC_SPAN, NUMERIC_SPAN] (independent of ε and the view). */
export function numericDeadCanonical(request: PlotRequest, id: ActivationId): NumericDeadBand[] {
  if (request.dialect === 'exact' || getActivation(id).vector) return [];
  return numericallyDeadBands(id, {
    dialect: request.dialect,
    params: paramsFor(request, id),
    epsilon: request.epsilon,
    domain: [-NUMERIC_SPAN, NUMERIC_SPAN],
  });
}

/** Fits canonical regions to a domain: a region that reaches ±NUMERIC_SPAN runs on to the domain's edge; clipped. */
export function fitNumericDead(
  canonical: readonly NumericDeadBand[],
  domain: readonly [number, number],
): NumericDeadBand[] {
  const out: NumericDeadBand[] = [];
  for (const b of canonical) {
    let from = b.from;
    let to = b.to;
    if (b.side === 'left' && from <= -NUMERIC_SPAN) from = Math.min(from, domain[0]);
    if (b.side === 'right' && to >= NUMERIC_SPAN) to = Math.max(to, domain[1]);
    from = Math.max(from, domain[0]);
    to = Math.min(to, domain[1]);
    if (to > from) out.push({ from, to, side: b.side });
  }
  return out;
}

/** Annotation boxes for the saturation bands (behind the data) and the float32 numerically-dead regions. */
export function bandAnnotations(
  bands: readonly SaturationBand[],
  numericDead: readonly NumericDeadBand[],
  domain: readonly [number, number],
  palette: Palette,
  strings: Strings,
  fills: BandFills = {},
): Record<string, AnnotationOptions> {
  const annotations: Record<string, AnnotationOptions> = {};
  const visible = (b: { from: number; to: number }): boolean => b.to > domain[0] && b.from < domain[1];
  bands = bands.filter(visible);
  numericDead = numericDead.filter(visible);
  const alpha = palette.highContrast ? 0.28 : 0.14;
  bands.forEach((band, i) => {
    const color = bandColor(band.kind, palette);
    annotations[`band${i}`] = {
      type: 'box',
      xMin: Math.max(band.from, domain[0]),
      xMax: Math.min(band.to, domain[1]),
      backgroundColor: fills[band.kind] ?? withAlpha(color, band.kind === 'soft' ? alpha : alpha * 1.5),
      borderColor: color,
      borderWidth: band.kind === 'hard' ? 2 : 1.5,
      borderDash: BAND_DASH[band.kind],
      drawTime: 'beforeDatasetsDraw',
      adjustScaleRange: false,
      label: {
        display: true,
        content: [strings[BAND_SIDE[band.side]], strings[BAND_KIND[band.kind]]],
        position: { x: labelAnchor(band.side), y: 'start' },
        color: palette.foreground,
        font: { size: 11, family: palette.fontFamily },
        padding: 3,
      },
    };
  });
  numericDead.forEach((band, i) => {
    annotations[`numericDead${i}`] = {
      type: 'box',
      xMin: Math.max(band.from, domain[0]),
      xMax: Math.min(band.to, domain[1]),
      backgroundColor: fills.numeric ?? withAlpha(palette.numericDead, 0.08),
      borderColor: palette.numericDead,
      borderWidth: 1,
      borderDash: [1, 3],
      drawTime: 'beforeDatasetsDraw',
      adjustScaleRange: false,
      label: {
        display: true,
        content: strings.numericDead,
        position: { x: labelAnchor(band.side), y: 'end' },
        color: palette.foreground,
        font: { size: 10, family: palette.fontFamily },
        padding: 3,
      },
    };
  });
  return annotations;
}

/** Human label of an activation in charts (falls back to the id). */
export function activationLabel(id: ActivationId): string {
  return getActivation(id).label;
}

export function mainActivationIsVector(request: PlotRequest): boolean {
  return getActivation(request.activations[0]).vector;
}

/** Short label for ε in axis titles and readouts. */
export function epsilonText(epsilon: number): string {
  return shortNumber(epsilon, 3);
}
