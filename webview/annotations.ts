// A small Chart.js plugin drawing what the charts annotate, in place of chartjs-plugin-annotation (42 KB of the
// webview's 300 KB budget, issue 16): boxes spanning the plot's height between two x values (fill colour or canvas
// pattern, border with dashes, an optional label of one or more lines anchored at a corner or the middle) and
// horizontal lines at a y value. Both are drawn behind the datasets. Options keep the annotation plugin's shape
// (`options.plugins.annotation.annotations`), so the chart configs read the same.
import type { Chart, ChartType, Plugin } from 'chart.js';

/** What a scriptable label option receives: the chart, once it has scales. */
export interface AnnotationContext {
  chart?: { scales?: { x?: { getPixelForValue(v: number): number } } };
}

type Scriptable<T> = T | ((ctx: AnnotationContext) => T);

export interface BoxLabel {
  display: Scriptable<boolean>;
  content: Scriptable<string | string[]>;
  position: { x: 'start' | 'center' | 'end'; y: 'start' | 'end' };
  color: string;
  font: { size: number; family?: string };
  padding: number;
}

interface Common {
  borderColor: string;
  borderWidth: number;
  borderDash?: number[];
  drawTime: 'beforeDatasetsDraw';
}

/** A box over the plot's full height from xMin to xMax. */
export interface BoxAnnotation extends Common {
  type: 'box';
  xMin: number;
  xMax: number;
  backgroundColor: string | CanvasPattern;
  /** Always false: a box never widens the scales (kept for the annotation plugin's option shape). */
  adjustScaleRange: false;
  label?: BoxLabel;
}

/** A horizontal line across the plot at y = yMin (= yMax). */
export interface LineAnnotation extends Common {
  type: 'line';
  yMin: number;
  yMax: number;
}

export type AnnotationOptions = BoxAnnotation | LineAnnotation;

export interface AnnotationPluginOptions {
  annotations: Record<string, AnnotationOptions>;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the merged declaration must repeat it
  interface PluginOptionsByType<TType extends ChartType> {
    /** Drawn by webview/annotations.ts (the same for every chart type TType). */
    annotation?: AnnotationPluginOptions;
  }
}

const resolve = <T>(v: Scriptable<T>, ctx: AnnotationContext): T =>
  typeof v === 'function' ? (v as (c: AnnotationContext) => T)(ctx) : v;

function stroke(c: CanvasRenderingContext2D, a: AnnotationOptions, draw: () => void): void {
  if (a.borderWidth <= 0) return;
  c.save();
  c.strokeStyle = a.borderColor;
  c.lineWidth = a.borderWidth;
  c.setLineDash(a.borderDash ?? []);
  c.beginPath();
  draw();
  c.stroke();
  c.restore();
}

function drawBox(chart: Chart, a: BoxAnnotation): void {
  const { ctx: c, chartArea: area } = chart;
  const x = chart.scales.x;
  if (!x) return;
  // Clamped to the plot: a band reaching past the visible range ends at its edge.
  const left = Math.max(area.left, Math.min(x.getPixelForValue(a.xMin), x.getPixelForValue(a.xMax)));
  const right = Math.min(area.right, Math.max(x.getPixelForValue(a.xMin), x.getPixelForValue(a.xMax)));
  if (!(right > left)) return;
  const { top, bottom } = area;
  c.save();
  c.fillStyle = a.backgroundColor;
  c.fillRect(left, top, right - left, bottom - top);
  c.restore();
  stroke(c, a, () => c.rect(left, top, right - left, bottom - top));
  const label = a.label;
  const context: AnnotationContext = { chart };
  if (!label || !resolve(label.display, context)) return;
  const content = resolve(label.content, context);
  const lines = Array.isArray(content) ? content : [content];
  if (!lines.length) return;
  const size = label.font.size;
  const lineHeight = size * 1.2;
  c.save();
  // Bold, as chartjs-plugin-annotation drew its labels.
  c.font = `bold ${size}px ${label.font.family ?? 'sans-serif'}`;
  c.fillStyle = label.color;
  c.textBaseline = 'top';
  const width = Math.max(...lines.map((l) => c.measureText(l).width)) + 2 * label.padding;
  const height = lines.length * lineHeight + 2 * label.padding;
  const { x: px, y: py } = label.position;
  const boxLeft = px === 'start' ? left : px === 'end' ? right - width : (left + right - width) / 2;
  const boxTop = py === 'start' ? top : bottom - height;
  c.textAlign = px === 'start' ? 'left' : px === 'end' ? 'right' : 'center';
  const textX =
    px === 'start'
      ? boxLeft + label.padding
      : px === 'end'
        ? boxLeft + width - label.padding
        : boxLeft + width / 2;
  lines.forEach((line, i) => c.fillText(line, textX, boxTop + label.padding + i * lineHeight));
  c.restore();
}

function drawLine(chart: Chart, a: LineAnnotation): void {
  const y = chart.scales.y;
  if (!y) return;
  const { left, right, top, bottom } = chart.chartArea;
  const py = y.getPixelForValue(a.yMin);
  if (!(py >= top && py <= bottom)) return;
  stroke(chart.ctx, a, () => {
    chart.ctx.moveTo(left, py);
    chart.ctx.lineTo(right, py);
  });
}

export const annotationPlugin: Plugin = {
  id: 'annotation',
  beforeDatasetsDraw(chart, _args, options: Partial<AnnotationPluginOptions>) {
    for (const a of Object.values(options.annotations ?? {})) {
      if (a.type === 'box') drawBox(chart, a);
      else drawLine(chart, a);
    }
  },
};
