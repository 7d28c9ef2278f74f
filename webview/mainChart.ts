// The main chart on screen: creates the Chart.js instance once, then updates it in place for each model (no
// re-creation, no animation). Zoom/pan resamples the curve for the visible range; "Reset zoom" returns to the inputs.
import type { Plugin } from 'chart.js';
import { Chart, zoomOnFirstUse } from './chartSetup';
import type { MainChartModel } from './chartConfig';
import type { Point } from './chartOptions';
import { zoomOptions } from './zoom';

type LineChart = Chart<'line' | 'scatter', Point[]>;

/** Fills the canvas with the page background first, so exported PNGs are not transparent. */
export function backgroundPlugin(color: () => string): Plugin {
  return {
    id: 'activationLensBackground',
    beforeDraw(chart) {
      const g = chart.ctx;
      g.save();
      g.globalCompositeOperation = 'destination-over';
      g.fillStyle = color();
      g.fillRect(0, 0, chart.width, chart.height);
      g.restore();
    },
  };
}

/** Carries the legend's show/hide choices over to new datasets with the same label. */
function keepVisibility(chart: LineChart, next: Array<{ label?: string; hidden?: boolean }>): void {
  const visible = new Map<string, boolean>();
  chart.data.datasets.forEach((ds, i) => {
    if (ds.label !== undefined) visible.set(ds.label, chart.isDatasetVisible(i));
  });
  for (const ds of next) {
    const v = ds.label === undefined ? undefined : visible.get(ds.label);
    if (v !== undefined) ds.hidden = !v;
  }
}

export class MainChart {
  private chart: LineChart | undefined;
  private background = '#000000';
  /** Set when a control (not the legend) decides visibility: the next render does not carry legend choices over. */
  private fresh = false;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly onRange: (range: [number, number]) => void,
  ) {
    zoomOnFirstUse(canvas, () => this.chart);
  }

  /** Full update: data, scales and plugins from the model (the x range is the model's domain). */
  render(model: MainChartModel, background: string): void {
    this.background = background;
    const config = model.config;
    config.options ??= {};
    config.options.plugins ??= {};
    config.options.plugins.zoom = zoomOptions(this.onRange);
    this.canvas.setAttribute('aria-label', model.ariaLabel);
    if (!this.chart) {
      config.plugins = [backgroundPlugin(() => this.background)];
      this.chart = new Chart(this.canvas, config);
      return;
    }
    if (!this.fresh) keepVisibility(this.chart, config.data.datasets);
    this.fresh = false;
    this.chart.data = config.data;
    this.chart.options = config.options;
    this.chart.update('none');
  }

  /** After zoom/pan: new datasets and bands for the visible range, keeping the scales the user zoomed to. */
  resample(model: MainChartModel): void {
    const chart = this.chart;
    if (!chart) return;
    const plugins = model.config.options?.plugins;
    if (plugins && chart.options.plugins) {
      chart.options.plugins.tooltip = plugins.tooltip;
      chart.options.plugins.legend = plugins.legend;
      chart.options.plugins.annotation = plugins.annotation;
    }
    const next = model.config.data.datasets;
    keepVisibility(chart, next);
    chart.data.datasets = next;
    this.canvas.setAttribute('aria-label', model.ariaLabel);
    chart.update('none');
  }

  forgetVisibility(): void {
    this.fresh = true;
  }

  /** Drops the zoom plugin's state by re-creating the chart on the next render. */
  resetZoom(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }

  /** Redraws at a new device pixel ratio. */
  setDevicePixelRatio(ratio: number): void {
    if (!this.chart) return;
    this.chart.options.devicePixelRatio = ratio;
    this.chart.resize();
  }

  get visibleRange(): [number, number] | null {
    const x = this.chart?.scales.x;
    return x ? [x.min, x.max] : null;
  }

  get isZoomed(): boolean {
    // The zoom plugin adds isZoomedOrPanned when it starts on the chart; before that nothing is zoomed.
    return typeof this.chart?.isZoomedOrPanned === 'function' ? this.chart.isZoomedOrPanned() : false;
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }
}
