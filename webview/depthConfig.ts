// Pure: the gradient-through-depth chart — |f′(x)|^L, the gradient that reaches the first of L layers with this
// activation, computed in logs (depthGradient) so that 10^-400 is still drawn; a log-scaled y axis in powers of ten.
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import type { AnnotationOptions } from './annotations';
import { depthGradient, getActivation, sampleCurve } from '../src/core';
import type { PlotRequest } from '../src/shared/plotRequest';
import { fillPlaceholders } from '../src/shared/uiStrings';
import type { Palette } from './theme';
import { axisStyle, baseOptions, CURVE_INTERACTION, xAxis, type Point } from './chartOptions';
import { withAlpha } from './color';
import { inputPoints } from './domain';
import type { Strings } from './strings';
import { computeContext, paramsFor, type PlotContext } from './model';
import { cellText } from './format';

/** Lowest power of ten the depth axis goes down to (beyond it the picture says nothing more). */
export const DEPTH_FLOOR = -1000;

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
  '.': '·',
};

/** 10 raised to an integer, as text with superscript digits: powerOfTen(-5) = "10⁻⁵". */
export function powerOfTen(exponent: number): string {
  const text = String(Math.round(exponent));
  return `10${[...text].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/** A number given by its log10 as "m.mm×10⁻ᵏ" (for values far below the double range too). */
export function fromLog10(log: number, exactlyZero: string): string {
  if (log === -Infinity) return exactlyZero;
  if (!Number.isFinite(log)) return String(log);
  const exponent = Math.floor(log);
  const mantissa = 10 ** (log - exponent);
  if (exponent >= -3 && exponent <= 3) return String(Number((10 ** log).toPrecision(4)));
  return `${mantissa.toFixed(2)}×${powerOfTen(exponent)}`;
}

/** log10 |f′|^L per derivative, from the core (which multiplies in logs). */
export function depthLogs(derivatives: ArrayLike<number>, layers: number): Float64Array {
  const r = depthGradient(derivatives, layers);
  const logs = r.log10 as ArrayLike<number> | number;
  if (typeof logs === 'number') return Float64Array.of(logs);
  return Float64Array.from(logs);
}

export interface DepthChartModel {
  config: ChartConfiguration<'line' | 'scatter', Point[]>;
  ariaLabel: string;
  /** Smallest log10 |f′|^L among the inputs (−∞ when one is exactly 0; NaN without inputs). */
  minInputLog: number;
  yMin: number;
  yMax: number;
}

/** The depth chart over `domain`: one curve per elementwise activation, the main one's inputs as points. */
export function buildDepthChart(
  request: PlotRequest,
  layers: number,
  domain: readonly [number, number],
  samples: number,
  palette: Palette,
  strings: Strings,
  context?: PlotContext,
  devicePixelRatio?: number,
): DepthChartModel {
  const ctx = context ?? computeContext(request);
  const L = Math.max(1, Math.round(layers));
  const drawn = request.activations.filter((id) => !getActivation(id).vector);
  const compare = drawn.length > 1;
  const curves: Array<{
    id: string;
    label: string;
    x: ArrayLike<number>;
    logs: Float64Array;
    color: string;
  }> = [];
  let lo = 0;
  let hi = 0;
  const track = (logs: ArrayLike<number>): void => {
    for (let i = 0; i < logs.length; i++) {
      const v = logs[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  };
  drawn.forEach((id, index) => {
    const curve = sampleCurve(id, domain, Math.max(2, Math.round(samples)), {
      dialect: request.dialect,
      params: paramsFor(request, id),
    });
    const logs = depthLogs(curve.dy, L);
    track(logs);
    curves.push({
      id,
      label: getActivation(id).label,
      x: curve.x,
      logs,
      color: compare ? palette.series[index % palette.series.length] : palette.derivative,
    });
  });

  let inputX: number[] = [];
  let inputLogs: ArrayLike<number> = new Float64Array(0);
  let minInputLog = NaN;
  if (ctx.analysis && request.input && drawn[0] === ctx.main) {
    const els = ctx.analysis.elements;
    const idx = inputPoints(request.input.values, domain, samples);
    inputX = idx.map((i) => els[i].x);
    inputLogs = depthLogs(
      idx.map((i) => els[i].dy),
      L,
    );
    track(inputLogs);
    const all = depthLogs(
      els.filter((e) => Number.isFinite(e.x)).map((e) => e.dy),
      L,
    );
    minInputLog = NaN;
    for (let i = 0; i < all.length; i++) if (!(all[i] >= minInputLog)) minInputLog = all[i];
  }
  const yMin = Math.max(DEPTH_FLOOR, Math.floor(lo) - 1);
  let hasZero = false;
  for (const c of curves)
    for (let i = 0; i < c.logs.length && !hasZero; i++) hasZero = c.logs[i] === -Infinity;
  for (let i = 0; i < inputLogs.length && !hasZero; i++) hasZero = inputLogs[i] === -Infinity;
  const yMax = Math.max(1, Math.ceil(hi) + 1);
  const clamp = (v: number): number => (v === -Infinity || v < yMin ? yMin : v > yMax ? yMax : v);

  const datasets: Array<ChartDataset<'line' | 'scatter', Point[]>> = [];
  const rawLogs: Array<ArrayLike<number>> = [];
  for (const c of curves) {
    const data: Point[] = new Array<Point>(c.x.length);
    for (let i = 0; i < c.x.length; i++)
      data[i] = { x: c.x[i], y: Number.isNaN(c.logs[i]) ? NaN : clamp(c.logs[i]) };
    datasets.push({
      type: 'line',
      label: fillPlaceholders(strings.depthSeries, c.label),
      data,
      borderColor: c.color,
      backgroundColor: c.color,
      borderWidth: 2,
      pointRadius: 0,
      pointHitRadius: 4,
    });
    rawLogs.push(c.logs);
  }
  if (inputX.length) {
    // Inputs whose gradient is exactly 0 get their own marker (×) at the floor of the axis.
    const live: Point[] = [];
    const zero: Point[] = [];
    const liveLogs: number[] = [];
    const zeroLogs: number[] = [];
    for (let k = 0; k < inputX.length; k++) {
      const log = inputLogs[k];
      if (log === -Infinity) {
        zero.push({ x: inputX[k], y: yMin });
        zeroLogs.push(log);
      } else {
        live.push({ x: inputX[k], y: clamp(log) });
        liveLogs.push(log);
      }
    }
    datasets.push({
      type: 'scatter',
      label: strings.depthInputs,
      data: live,
      borderColor: palette.inputs,
      backgroundColor: withAlpha(palette.background, 0.9),
      borderWidth: 2,
      pointRadius: 4,
      pointHoverRadius: 6,
    });
    rawLogs.push(liveLogs);
    if (zero.length) {
      datasets.push({
        type: 'scatter',
        label: `${strings.depthInputs}: ${strings.depthZero}`,
        data: zero,
        borderColor: palette.dead,
        backgroundColor: palette.dead,
        borderWidth: 2,
        pointStyle: 'crossRot',
        pointRadius: 6,
        pointHoverRadius: 8,
      });
      rawLogs.push(zeroLogs);
    }
  }

  const annotations: Record<string, AnnotationOptions> = {
    one: {
      type: 'line',
      yMin: 0,
      yMax: 0,
      borderColor: withAlpha(palette.foreground, 0.6),
      borderWidth: 1,
      borderDash: [4, 4],
      drawTime: 'beforeDatasetsDraw',
    },
  };
  const style = axisStyle(palette);
  const ariaLabel = fillPlaceholders(
    strings.depthAria,
    L,
    Number.isNaN(minInputLog) ? '—' : minInputLog === -Infinity ? '−∞' : String(Math.floor(minInputLog)),
  );
  return {
    ariaLabel,
    minInputLog,
    yMin,
    yMax,
    config: {
      type: 'line',
      data: { datasets },
      options: {
        ...baseOptions(devicePixelRatio),
        parsing: false,
        interaction: CURVE_INTERACTION,
        scales: {
          x: xAxis(domain, palette),
          y: {
            type: 'linear',
            min: yMin,
            max: yMax,
            grid: style.grid,
            border: style.border,
            // The floor stands for "exactly 0" when some gradient is 0 (10^-∞ has no tick of its own).
            ticks: {
              ...style.ticks,
              callback: (value: number | string) =>
                hasZero && Number(value) <= yMin ? '0' : powerOfTen(Number(value)),
              precision: 0,
              includeBounds: hasZero,
            },
            title: { display: true, text: `${strings.depthAxis} (L = ${L})`, color: palette.foreground },
          },
        },
        plugins: {
          legend: { labels: { color: palette.foreground, usePointStyle: true } },
          annotation: { annotations },
          tooltip: {
            callbacks: {
              title: (items: Array<TooltipItem<'line' | 'scatter'>>) =>
                items.length
                  ? fillPlaceholders(strings.tooltipX, cellText((items[0].raw as Point).x, ctx.dtype))
                  : '',
              label: (item: TooltipItem<'line' | 'scatter'>) => {
                const logs = rawLogs[item.datasetIndex];
                const log = logs ? logs[item.dataIndex] : NaN;
                return `${item.dataset.label ?? ''}: ${fromLog10(log, strings.depthZero)}`;
              },
            },
          },
        },
      },
    },
  };
}
