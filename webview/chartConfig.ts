// Pure: turns a PlotRequest (+ view range and palette) into the main chart's configuration — datasets for f, f'
// and the selected inputs, saturation bands as annotation boxes, axes. No DOM access, so it is unit-tested in Node.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import {
  analyzeInputs,
  defaultParams,
  getActivation,
  numericallyDeadBands,
  sampleCurve,
  saturationBands,
  type ActivationId,
  type SaturationBand,
} from '../src/core';
import type { PlotRequest } from '../src/shared/plotRequest';
import type { Palette } from './theme';
import { fillPlaceholders, UI_STRINGS } from '../src/shared/uiStrings';

export type Point = { x: number; y: number };
export type Strings = Record<keyof typeof UI_STRINGS, string>;

export interface ViewOptions {
  /** x range to draw; default: the inputs with a margin, at least [-6, 6]. */
  domain?: readonly [number, number];
  /** Curve samples (at least one per device pixel of the plot width). */
  samples: number;
  /** Show f' (the legend toggles it too). */
  showDerivative: boolean;
  /** Dataset visibility of f' on its own axis (true) or sharing f's axis (false). */
  derivativeOwnAxis: boolean;
}

/** Parameters for one activation: the request's, completed with the dialect's defaults. */
export function paramsFor(request: PlotRequest, id: ActivationId): Record<string, number> {
  return { ...defaultParams(id, request.dialect), ...(request.params[id] ?? {}) };
}

/** The x range that covers the inputs with a margin (and at least [-6, 6], where activations show their shape). */
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
  const margin = (hi - lo) * 0.08;
  return [lo - margin, hi + margin];
}

const BAND_LABEL: Record<SaturationBand['kind'], keyof Strings> = {
  soft: 'bandSoft',
  hard: 'bandHard',
  dead: 'bandDead',
};

/** Translucent fill for a band colour given as #rrggbb (VS Code theme colours are hex). */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(color.trim());
  if (!m) return color;
  const a = Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0');
  return `#${m[1]}${a}`;
}

export interface MainChartModel {
  config: ChartConfiguration<'line' | 'scatter', Point[]>;
  domain: [number, number];
  bands: SaturationBand[];
  numericDead: Array<{ from: number; to: number; side: 'left' | 'right' }>;
  ariaLabel: string;
}

/** Builds the main chart for the request's activations (vector ones are drawn elsewhere, as bars). */
export function buildMainChart(request: PlotRequest, view: ViewOptions, palette: Palette, strings: Strings): MainChartModel {
  const domain: [number, number] = view.domain ? [view.domain[0], view.domain[1]] : defaultDomain(request);
  const datasets: Array<ChartDataset<'line' | 'scatter', Point[]>> = [];
  const compare = request.activations.length > 1;
  request.activations.forEach((id, index) => {
    const info = getActivation(id);
    if (info.vector) return;
    const params = paramsFor(request, id);
    const curve = sampleCurve(id, domain, view.samples, { dialect: request.dialect, params });
    const color = compare ? palette.series[index % palette.series.length] : palette.fn;
    const fn: Point[] = new Array<Point>(curve.x.length);
    const df: Point[] = new Array<Point>(curve.x.length);
    for (let i = 0; i < curve.x.length; i++) {
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
      borderWidth: 2,
      pointRadius: 0,
      yAxisID: 'y',
      order: 2,
    });
    datasets.push({
      type: 'line',
      label: `${strings.derivativeSeries}${suffix}`,
      data: df,
      borderColor: compare ? color : palette.derivative,
      backgroundColor: compare ? color : palette.derivative,
      borderWidth: 2,
      borderDash: [6, 4],
      pointRadius: 0,
      hidden: !view.showDerivative,
      yAxisID: view.derivativeOwnAxis ? 'y2' : 'y',
      order: 3,
    });
  });

  const main = request.activations[0];
  const mainInfo = getActivation(main);
  const mainParams = paramsFor(request, main);
  const options = { dialect: request.dialect, params: mainParams, epsilon: request.epsilon, domain };
  const bands = mainInfo.vector ? [] : saturationBands(main, options);
  const numericDead = mainInfo.vector || request.dialect === 'exact' ? [] : numericallyDeadBands(main, options);

  if (request.input && !mainInfo.vector) {
    const analysis = analyzeInputs(main, request.input.values, request.input.shape, {
      dialect: request.dialect,
      params: mainParams,
      epsilon: request.epsilon,
    });
    const onCurve: Point[] = [];
    const onDerivative: Point[] = [];
    for (const e of analysis.elements) {
      if (!Number.isFinite(e.x)) continue;
      onCurve.push({ x: e.x, y: e.y });
      onDerivative.push({ x: e.x, y: e.dy });
    }
    datasets.push({
      type: 'scatter',
      label: strings.inputsSeries,
      data: onCurve,
      borderColor: palette.inputs,
      backgroundColor: palette.inputs,
      pointRadius: 4,
      pointHoverRadius: 6,
      yAxisID: 'y',
      order: 0,
    });
    datasets.push({
      type: 'scatter',
      label: `${strings.inputsSeries} (f')`,
      data: onDerivative,
      borderColor: palette.derivative,
      backgroundColor: palette.derivative,
      pointStyle: 'rectRot',
      pointRadius: 4,
      hidden: !view.showDerivative,
      yAxisID: view.derivativeOwnAxis ? 'y2' : 'y',
      order: 1,
    });
  }

  const annotations: Record<string, AnnotationOptions> = {};
  bands.forEach((band, i) => {
    const color = band.kind === 'soft' ? palette.soft : band.kind === 'hard' ? palette.hard : palette.dead;
    annotations[`band${i}`] = {
      type: 'box',
      xMin: Math.max(band.from, domain[0]),
      xMax: Math.min(band.to, domain[1]),
      backgroundColor: withAlpha(color, palette.highContrast ? 0.3 : 0.16),
      borderWidth: palette.highContrast ? 1 : 0,
      borderColor: color,
      drawTime: 'beforeDatasetsDraw',
      label: {
        display: true,
        content: `${band.side === 'left' ? strings.leftSide : band.side === 'right' ? strings.rightSide : strings.interior} · ${strings[BAND_LABEL[band.kind]]}`,
        position: { x: 'center', y: 'start' },
        color: palette.foreground,
        font: { size: 11 },
      },
    };
  });
  numericDead.forEach((band, i) => {
    annotations[`numericDead${i}`] = {
      type: 'box',
      xMin: Math.max(band.from, domain[0]),
      xMax: Math.min(band.to, domain[1]),
      backgroundColor: 'transparent',
      borderColor: palette.numericDead,
      borderWidth: 1,
      borderDash: [2, 3],
      drawTime: 'beforeDatasetsDraw',
      label: {
        display: true,
        content: strings.numericDead,
        position: { x: 'center', y: 'end' },
        color: palette.foreground,
        font: { size: 10 },
      },
    };
  });

  const names = request.activations.map((id) => getActivation(id).label).join(', ');
  const ariaLabel = fillPlaceholders(strings.chartLabel, names);
  const grid = { color: withAlpha(palette.grid, 0.5) };
  const ticks = { color: palette.foreground };
  return {
    domain,
    bands,
    numericDead,
    ariaLabel,
    config: {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        parsing: false,
        normalized: true,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: false, axis: 'x' },
        scales: {
          x: { type: 'linear', min: domain[0], max: domain[1], grid, ticks, title: { display: true, text: 'x', color: palette.foreground } },
          y: { type: 'linear', grid, ticks, title: { display: true, text: strings.functionSeries, color: palette.fn } },
          y2: {
            type: 'linear',
            display: view.derivativeOwnAxis && view.showDerivative,
            position: 'right',
            grid: { drawOnChartArea: false },
            ticks: { color: palette.derivative },
            title: { display: true, text: strings.derivativeSeries, color: palette.derivative },
          },
        },
        plugins: {
          legend: { labels: { color: palette.foreground, filter: (item) => !String(item.text).startsWith(`${strings.inputsSeries} (`) } },
          annotation: { annotations },
        },
      },
    },
  };
}

/** Human label of an activation in charts (falls back to the id). */
export function activationLabel(id: ActivationId): string {
  return getActivation(id).label;
}

export function mainActivationIsVector(request: PlotRequest): boolean {
  return getActivation(request.activations[0]).vector;
}
