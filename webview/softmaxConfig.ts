// Pure: the view of a vector activation (softmax, log_softmax) — a bar chart of the output distribution of one row of
// the selection at temperature T (softmax(x/T)), its sum, and the Jacobian (diagonal in the chart, full as a matrix).
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import {
  axisLastOrder,
  axisLastShape,
  evaluate,
  gather,
  getActivation,
  kernelDialect,
  reduceSum,
  resolveAxis,
  softmaxJacobian,
  type ActivationId,
} from '../src/core';
import type { PlotRequest } from '../src/shared/plotRequest';
import { fillPlaceholders } from '../src/shared/uiStrings';
import type { Palette } from './theme';
import { axisStyle, baseOptions, derivativeAxis } from './chartOptions';
import { withAlpha } from './color';
import type { Strings } from './strings';
import { paramsFor } from './model';
import { cellText, shortNumber } from './format';

/** The sample row shown when nothing is selected (the seed's softmax example). */
export const EXAMPLE_ROW: readonly number[] = [-3, -2, -1, 0, 1, 2, 3];
/** Largest row whose full Jacobian is shown as a matrix. */
export const MAX_JACOBIAN = 12;

/** Rows of a selection along its last axis (softmax's axis): [rows, length of a row]. */
export function rowsOf(shape: readonly number[], size: number): [number, number] {
  const length = shape.length ? shape[shape.length - 1] : size;
  if (length <= 0) return [0, 0];
  return [Math.floor(size / length), length];
}

export interface VectorSeries {
  id: ActivationId;
  label: string;
  outputs: number[];
  /** ∂y_i/∂x_i at temperature T (the chain rule brings a factor 1/T). */
  diagonal: number[];
  sum: number;
  /** ∂y_i/∂x_j, for rows of at most MAX_JACOBIAN elements. */
  jacobian: number[][] | null;
}

export interface SoftmaxModel {
  config: ChartConfiguration<'bar' | 'line', number[]>;
  rows: number;
  rowLength: number;
  row: number;
  temperature: number;
  /** The row's inputs (before dividing by T). */
  inputs: number[];
  series: VectorSeries[];
  /** True when nothing was selected and the example row is shown. */
  example: boolean;
  ariaLabel: string;
}

/** Flattens whatever softmaxJacobian returns (rows of numbers or one row-major array) into rows. */
export function jacobianRows(raw: unknown, n: number): number[][] {
  if (Array.isArray(raw) && raw.length && typeof raw[0] !== 'number') {
    return (raw as Array<ArrayLike<number>>).map((r) => Array.from(r));
  }
  const flat = Array.from(raw as ArrayLike<number>);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push(flat.slice(i * n, (i + 1) * n));
  return out;
}

export function buildSoftmaxChart(
  request: PlotRequest,
  rowIndex: number,
  temperature: number,
  palette: Palette,
  strings: Strings,
  devicePixelRatio?: number,
): SoftmaxModel {
  const example = !request.input || request.input.values.length === 0;
  const given = example ? EXAMPLE_ROW : request.input!.values;
  const givenShape = example ? [EXAMPLE_ROW.length] : request.input!.shape;
  // The rows are the slices along the request's axis (softmax(x, dim=0) of a matrix normalises its columns).
  const axis = resolveAxis(example ? null : request.axis, request.framework, givenShape.length);
  if (typeof axis === 'string') throw new Error(axis);
  const moved = givenShape.length > 1 && axis !== givenShape.length - 1;
  const order = moved ? axisLastOrder(givenShape, axis) : null;
  const values = order ? gather(given, order) : given;
  const shape = order ? axisLastShape(givenShape, axis) : givenShape;
  const [rows, rowLength] = rowsOf(shape, values.length);
  const row = Math.min(Math.max(0, Math.round(rowIndex)), Math.max(0, rows - 1));
  const inputs = values.slice(row * rowLength, (row + 1) * rowLength);
  const T = temperature > 0 && Number.isFinite(temperature) ? temperature : 1;
  const scaled = inputs.map((v) => v / T);
  const dtype = request.dtype;
  const dialect = kernelDialect(request);
  const ids = request.activations.filter((id) => getActivation(id).vector);
  const series: VectorSeries[] = ids.map((id) => {
    const opts = { dialect, params: paramsFor(request, id) };
    const r = evaluate(id, scaled, [scaled.length], opts);
    const outputs = Array.from(r.values);
    const diagonal = Array.from(r.derivative, (d) => d / T);
    const jacobian =
      scaled.length <= MAX_JACOBIAN
        ? jacobianRows(softmaxJacobian(id as 'softmax' | 'log_softmax', scaled, opts), scaled.length).map(
            (line) => line.map((v) => v / T),
          )
        : null;
    return {
      id,
      label: getActivation(id).label,
      outputs,
      diagonal,
      sum: reduceSum(outputs, dialect),
      jacobian,
    };
  });

  const labels = inputs.map((v, i) => `x${subscript(i)} = ${cellText(v, dtype)}`);
  const datasets: Array<ChartDataset<'bar' | 'line', number[]>> = [];
  series.forEach((s, k) => {
    const color = palette.series[k % palette.series.length];
    datasets.push({
      type: 'bar',
      label: fillPlaceholders(strings.softmaxBars, s.label),
      data: s.outputs,
      backgroundColor: withAlpha(color, 0.55),
      borderColor: color,
      borderWidth: 1.5,
      yAxisID: 'y',
      order: 2,
    });
  });
  if (series[0]) {
    datasets.push({
      type: 'line',
      label: strings.softmaxDiagonal,
      data: series[0].diagonal,
      borderColor: palette.derivative,
      backgroundColor: palette.derivative,
      borderWidth: 1.5,
      borderDash: [6, 4],
      pointStyle: 'rectRot',
      pointRadius: 4,
      yAxisID: 'y2',
      order: 1,
    });
  }
  const main = series[0];
  let argmax = 0;
  if (main)
    for (let i = 1; i < main.outputs.length; i++) if (main.outputs[i] > main.outputs[argmax]) argmax = i;
  const ariaLabel = main
    ? fillPlaceholders(
        strings.softmaxAria,
        main.label,
        inputs.length,
        shortNumber(T, 3),
        cellText(main.outputs[argmax] ?? NaN, dtype),
        argmax,
        cellText(main.sum, dtype),
      )
    : '';
  const { grid, ticks, border } = axisStyle(palette);
  return {
    rows,
    rowLength,
    row,
    temperature: T,
    inputs,
    series,
    example,
    ariaLabel,
    config: {
      type: 'bar',
      data: { labels, datasets },
      options: {
        ...baseOptions(devicePixelRatio),
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { type: 'category', grid, ticks, border },
          y: {
            type: 'linear',
            grid,
            ticks,
            border,
            title: {
              display: true,
              text: main ? fillPlaceholders(strings.softmaxBars, main.label) : '',
              color: palette.foreground,
            },
          },
          y2: derivativeAxis(palette, strings.softmaxDiagonal),
        },
        plugins: {
          legend: { labels: { color: palette.foreground } },
          tooltip: {
            callbacks: {
              label: (item: TooltipItem<'bar' | 'line'>) =>
                `${item.dataset.label ?? ''}: ${cellText(Number(item.raw), dtype)}`,
            },
          },
        },
      },
    },
  };
}

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
/** An index as subscript digits (x₁₂). */
export function subscript(n: number): string {
  return [...String(n)].map((c) => SUBSCRIPT[Number(c)] ?? c).join('');
}
