// Pure: turns a PlotRequest (+ view range and palette) into the main chart's configuration — datasets for f, f'
// and the selected inputs, inputs beyond the view as edge markers, the legend, tooltips and the saturation bands
// (drawn by bands.ts). No DOM access, so it is unit-tested in Node.
import type { ChartConfiguration, ChartDataset, LegendItem, TooltipItem } from 'chart.js';
import {
  evaluate,
  fitNumericDead,
  numericDeadCanonical,
  getActivation,
  isSaturatedGradient,
  sampleCurve,
  saturationBands,
  saturationThreshold,
  type ActivationId,
  type SaturationBand,
} from '../src/core';
import type { PlotRequest } from '../src/shared/plotRequest';
import type { Palette } from './theme';
import { fillPlaceholders } from '../src/shared/uiStrings';
import { computeContext, paramsFor, type PlotContext } from './model';
import { cellText } from './format';
import { bandAnnotations, bandAt, bandColor, bandLabel, type BandFills, type NumericDeadBand } from './bands';
import { axisStyle, baseOptions, CURVE_INTERACTION, derivativeAxis, xAxis, type Point } from './chartOptions';
import { withAlpha } from './color';
import { inputDomain, inputPoints } from './domain';
import { elementState } from './elementState';
import type { Strings } from './strings';

export interface ViewOptions {
  /** x range to draw (after zoom/pan or "Show all inputs"); default: where the inputs are dense (domain.ts). */
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

type Role = 'f' | 'df' | 'inputs' | 'inputsDf' | 'outliers';
interface SeriesMeta {
  role: Role;
  id: ActivationId;
  label: string;
  /** f and f' at each point of the dataset (same index as its data). */
  y: ArrayLike<number>;
  dy: ArrayLike<number>;
  /** State text per point (inputs only). */
  states?: string[];
  /** The inputs' own x where the point is not drawn at it (outliers sit at the plot's edge). */
  x?: ArrayLike<number>;
}

export interface MainChartModel {
  config: ChartConfiguration<'line' | 'scatter', Point[]>;
  domain: [number, number];
  /** Every finite input (what "Show all inputs" opens). */
  fullDomain: [number, number];
  /** Inputs outside the drawn domain (marked at its edges). */
  outliers: number;
  /** The smallest and largest finite input. */
  extent: [number, number];
  bands: SaturationBand[];
  numericDead: NumericDeadBand[];
  ariaLabel: string;
  /** Activations drawn as curves (vector ones are left out of a comparison). */
  drawn: ActivationId[];
  /** Vector activations left out of the comparison (shown as a note). */
  skipped: ActivationId[];
}

/** Legend entry width for line samples: f solid, f′ dashed, so the two differ by more than colour. */
const LEGEND_LINE = 22;

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
  const span = inputDomain(request.input?.values);
  const domain: [number, number] = view.domain ? [view.domain[0], view.domain[1]] : span.domain;
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
  const threshold = saturationThreshold(request.epsilon, request.dialect);
  const stateOf = (dy: number): string =>
    Number.isNaN(dy)
      ? strings.stateNaN
      : isSaturatedGradient(dy, threshold)
        ? strings.saturated
        : strings.active;
  // Inputs outside the drawn range: marked at its edges (the range a pan reaches is resampled anyway).
  const outside: number[] = [];
  if (input) {
    const xs = input.values;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      if (Number.isFinite(x) && (x < domain[0] || x > domain[1])) outside.push(i);
    }
  }

  drawn.forEach((id, index) => {
    const info = getActivation(id);
    const params = paramsFor(request, id);
    const curve = sampleCurve(id, sampled, samples, { dialect: request.dialect, params });
    const color = compare ? palette.series[index % palette.series.length] : palette.fn;
    const dfColor = compare ? color : palette.derivative;
    const n = curve.x.length;
    const fn: Point[] = new Array<Point>(n);
    const df: Point[] = new Array<Point>(n);
    let yMin = Infinity;
    let yMax = -Infinity;
    for (let i = 0; i < n; i++) {
      fn[i] = { x: curve.x[i], y: curve.y[i] };
      df[i] = { x: curve.x[i], y: curve.dy[i] };
      const y = curve.y[i];
      if (curve.x[i] >= domain[0] && curve.x[i] <= domain[1] && Number.isFinite(y)) {
        if (y < yMin) yMin = y;
        if (y > yMax) yMax = y;
      }
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
      pointStyle: 'line',
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
      pointStyle: 'line',
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
      states = own.dy.map(stateOf);
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

    // Outliers of the main activation: a triangle at the edge pointing to where the input lies; the height is
    // clamped to the drawn curve's so a far input does not stretch the y axis back into a sliver.
    if (index !== 0 || outside.length === 0) return;
    const own = sampleAt(id, input.values, outside, request);
    const edge: Point[] = outside.map((i, k) => ({
      x: input.values[i] < domain[0] ? domain[0] : domain[1],
      y:
        Number.isFinite(own.y[k]) && yMin <= yMax
          ? Math.min(yMax, Math.max(yMin, own.y[k]))
          : (yMin + yMax) / 2,
    }));
    datasets.push({
      type: 'scatter',
      label: fillPlaceholders(strings.outliersSeries, outside.length),
      data: edge,
      borderColor: pointColor,
      backgroundColor: pointColor,
      pointStyle: 'triangle',
      pointRotation: outside.map((i) => (input.values[i] < domain[0] ? -90 : 90)),
      pointRadius: 6,
      pointHoverRadius: 8,
      clip: false,
      yAxisID: 'y',
      order: 0,
    });
    meta.push({
      role: 'outliers',
      id,
      label: info.label,
      y: own.y,
      dy: own.dy,
      states: own.dy.map(stateOf),
      x: outside.map((i) => input.values[i]),
    });
  });

  // Bands of the main activation (in a comparison, of the first one drawn: the legend says so).
  const bandId = drawn[0];
  let bands: SaturationBand[] = [];
  let numericDead: NumericDeadBand[] = [];
  if (bandId !== undefined) {
    const params = paramsFor(request, bandId);
    const options = { dialect: request.dialect, params, epsilon: request.epsilon, domain: sampled };
    const inside = (b: { from: number; to: number }): boolean => b.to > sampled[0] && b.from < sampled[1];
    bands = saturationBands(bandId, options).filter(inside);
    if (request.dialect !== 'exact') {
      const canonical =
        view.numericDead ??
        numericDeadCanonical(bandId, { dialect: request.dialect, params, epsilon: request.epsilon });
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
  let ariaLabel =
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
  if (compare && bandId !== undefined)
    ariaLabel += ` ${fillPlaceholders(strings.bandsOf, getActivation(bandId).label)}`;
  if (outside.length) ariaLabel += ` ${fillPlaceholders(strings.outliersSeries, outside.length)}.`;

  const style = axisStyle(palette);
  const linked = linkedDatasets(meta, compare);
  const dtype = ctx.dtype;
  const fmt = (v: number): string => cellText(v, dtype);
  const legendItems = legendEntries(meta, datasets, compare, bandId, bands, palette, strings, fills);
  return {
    domain,
    fullDomain: span.full,
    outliers: outside.length,
    extent: span.extent,
    bands,
    numericDead,
    ariaLabel,
    drawn,
    skipped,
    config: {
      type: 'line',
      data: { datasets },
      options: {
        ...baseOptions(view.devicePixelRatio),
        parsing: false,
        interaction: CURVE_INTERACTION,
        font: { family: palette.fontFamily },
        scales: {
          x: xAxis(domain, palette),
          y: {
            type: 'linear',
            grid: style.grid,
            ticks: { ...style.ticks, includeBounds: false },
            border: style.border,
            title: {
              display: true,
              text: view.derivativeOwnAxis
                ? strings.functionSeries
                : `${strings.functionSeries}, ${strings.derivativeSeries}`,
              color: palette.foreground,
            },
          },
          y2: derivativeAxis(
            palette,
            strings.derivativeSeries,
            view.derivativeOwnAxis && view.showDerivative,
          ),
        },
        plugins: {
          legend: {
            labels: {
              color: palette.foreground,
              usePointStyle: true,
              pointStyleWidth: LEGEND_LINE,
              generateLabels: (chart) =>
                legendItems.map((item) => ({
                  ...item,
                  hidden:
                    item.datasetIndex === undefined ? false : !chart.isDatasetVisible(item.datasetIndex),
                })),
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
              title: (items: Array<TooltipItem<'line' | 'scatter'>>) => {
                if (!items.length) return '';
                const m = meta[items[0].datasetIndex];
                const x = m?.x ? m.x[items[0].dataIndex] : (items[0].raw as Point).x;
                return fillPlaceholders(strings.tooltipX, fmt(x));
              },
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
                } else state = stateOf(m.dy[i]);
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

/**
 * The legend. One activation: f, f′, the inputs (and the outliers). A comparison: one entry per activation (it
 * toggles all of that activation's series), then f′ once for all (dashed), the inputs once, and which activation
 * the shaded bands belong to — not 4 entries per activation in several rows (issue 13.12).
 */
function legendEntries(
  meta: readonly SeriesMeta[],
  datasets: ReadonlyArray<ChartDataset<'line' | 'scatter', Point[]>>,
  compare: boolean,
  bandId: ActivationId | undefined,
  bands: readonly SaturationBand[],
  palette: Palette,
  strings: Strings,
  fills: BandFills,
): LegendItem[] {
  const item = (i: number, text: string, overrides: Partial<LegendItem> = {}): LegendItem => {
    const ds = datasets[i];
    const line = ds.pointStyle === 'line';
    return {
      text,
      datasetIndex: i,
      fillStyle: String(line ? ds.borderColor : ds.backgroundColor),
      strokeStyle: String(ds.borderColor),
      lineWidth: line ? 2 : Number(ds.borderWidth ?? 2),
      lineDash: (ds as { borderDash?: number[] }).borderDash ?? [],
      pointStyle: (ds.pointStyle as LegendItem['pointStyle']) ?? 'circle',
      fontColor: palette.foreground,
      hidden: false,
      ...overrides,
    };
  };
  const out: LegendItem[] = [];
  if (!compare) {
    meta.forEach((m, i) => {
      if (m.role !== 'inputsDf') out.push(item(i, String(datasets[i].label ?? '')));
    });
    return out;
  }
  meta.forEach((m, i) => {
    if (m.role === 'f') out.push(item(i, m.label));
  });
  const firstDf = meta.findIndex((m) => m.role === 'df');
  if (firstDf >= 0)
    out.push(
      item(firstDf, strings.derivativeDashed, {
        fillStyle: palette.foreground,
        strokeStyle: palette.foreground,
      }),
    );
  const firstInputs = meta.findIndex((m) => m.role === 'inputs');
  if (firstInputs >= 0)
    out.push(item(firstInputs, strings.inputsSeries, { strokeStyle: palette.foreground }));
  const outliers = meta.findIndex((m) => m.role === 'outliers');
  if (outliers >= 0) out.push(item(outliers, String(datasets[outliers].label ?? '')));
  if (bandId !== undefined && bands.length) {
    const kind = bands[0].kind;
    const fill = fills[kind];
    out.push({
      text: fillPlaceholders(strings.bandsOf, getActivation(bandId).label),
      fillStyle: typeof fill === 'string' ? fill : withAlpha(bandColor(kind, palette), 0.3),
      strokeStyle: bandColor(kind, palette),
      lineWidth: 1,
      pointStyle: 'rect',
      fontColor: palette.foreground,
      hidden: false,
    });
  }
  return out;
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

/**
 * Datasets toggled together from the legend: f′ hides its input points too; in a comparison an activation's entry
 * toggles all its series, and the shared f′ / inputs entries toggle those of every activation.
 */
function linkedDatasets(meta: readonly SeriesMeta[], compare: boolean): Map<number, number[]> {
  const links = new Map<number, number[]>();
  const where = (pred: (m: SeriesMeta) => boolean): number[] => meta.flatMap((m, i) => (pred(m) ? [i] : []));
  if (!compare) {
    meta.forEach((m, i) => {
      if (m.role !== 'df') return;
      links.set(
        i,
        where((o) => o.role === 'inputsDf' && o.id === m.id),
      );
    });
    return links;
  }
  meta.forEach((m, i) => {
    if (m.role === 'f')
      links.set(
        i,
        where((o) => o.id === m.id && o.role !== 'f' && o.role !== 'outliers'),
      );
  });
  const firstDf = meta.findIndex((m) => m.role === 'df');
  if (firstDf >= 0)
    links.set(
      firstDf,
      where((o) => (o.role === 'df' || o.role === 'inputsDf') && o !== meta[firstDf]),
    );
  const firstInputs = meta.findIndex((m) => m.role === 'inputs');
  if (firstInputs >= 0)
    links.set(
      firstInputs,
      where((o) => (o.role === 'inputs' || o.role === 'inputsDf') && o !== meta[firstInputs]),
    );
  return links;
}
