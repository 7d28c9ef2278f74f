// Pure: the Chart.js options the three chart builders (main, depth, softmax) share — rendering flags, axis styling
// from the palette, the x axis over a domain, legend label colours — written once.
import type { ChartOptions } from 'chart.js';
import { withAlpha } from './color';
import type { Palette } from './theme';

export type Point = { x: number; y: number };

/** Grid, tick and border colours of an axis. */
export function axisStyle(palette: Palette): {
  grid: { color: string };
  ticks: { color: string; font: { family: string } };
  border: { color: string };
} {
  return {
    grid: { color: withAlpha(palette.grid, palette.highContrast ? 0.9 : 0.45) },
    ticks: { color: palette.foreground, font: { family: palette.fontFamily } },
    border: { color: palette.foreground },
  };
}

/** No animation (every control change redraws at once), sized by the container, sharp at the window's ratio. */
export function baseOptions(devicePixelRatio: number | undefined): {
  animation: false;
  normalized: true;
  responsive: true;
  maintainAspectRatio: false;
  devicePixelRatio: number | undefined;
} {
  return {
    animation: false,
    normalized: true,
    responsive: true,
    maintainAspectRatio: false,
    devicePixelRatio,
  };
}

/** The linear x axis over `domain`, titled "x". */
export function xAxis(domain: readonly [number, number], palette: Palette) {
  const style = axisStyle(palette);
  return {
    type: 'linear' as const,
    min: domain[0],
    max: domain[1],
    grid: style.grid,
    ticks: { ...style.ticks, includeBounds: false },
    border: style.border,
    title: { display: true, text: 'x', color: palette.foreground },
  };
}

/** The secondary y axis on the right (f′, the softmax Jacobian diagonal), in the derivative's colour. */
export function derivativeAxis(palette: Palette, title: string, display = true) {
  return {
    type: 'linear' as const,
    display,
    position: 'right' as const,
    grid: { drawOnChartArea: false },
    ticks: { color: palette.derivative },
    border: { color: palette.derivative },
    title: { display: true, text: title, color: palette.derivative },
  };
}

/** Interaction of the curve charts: the nearest point along x. */
export const CURVE_INTERACTION: NonNullable<ChartOptions<'line'>['interaction']> = {
  mode: 'nearest',
  intersect: false,
  axis: 'x',
};
