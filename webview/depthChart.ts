// The gradient-through-depth chart (|f′(x)|^L on a log axis) with its depth slider L (1–50, log scale): the vanishing
// gradient (梯度消失) of the article, made visible for the selected inputs.
import { Chart } from './chartSetup';
import type { Point } from './chartOptions';
import type { Strings } from './strings';
import type { DepthChartModel } from './depthConfig';
import { el } from './dom';
import { LogSlider } from './logSlider';
import { DEPTH_RANGE } from './requestEdit';

export class DepthChart {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly layers: LogSlider;
  private chart: Chart<'line' | 'scatter', Point[]> | undefined;

  constructor(strings: Strings, onLayers: (layers: number) => void, compact: boolean) {
    this.layers = new LogSlider({
      id: 'depth',
      label: strings.depthLayers,
      range: DEPTH_RANGE,
      strings,
      integer: true,
      fieldClass: 'depth',
      onValue: onLayers,
    });
    this.canvas = el('canvas', { id: 'depth-chart', role: 'img' });
    const body = [
      this.layers.field,
      el('div', { class: 'chart-box depth-box' }, this.canvas),
      el('p', { class: 'note' }, strings.depthNote),
    ];
    if (compact) {
      const details = el(
        'details',
        { class: 'depth-section', id: 'depth-section' },
        el('summary', {}, strings.depthTitle),
        ...body,
      );
      this.element = details;
    } else {
      this.element = el(
        'section',
        { class: 'depth-section', id: 'depth-section' },
        el('h3', {}, strings.depthTitle),
        ...body,
      );
    }
  }

  /** True when the chart is on screen (the compact layout folds it away). */
  get visible(): boolean {
    return !(this.element instanceof HTMLDetailsElement) || this.element.open;
  }

  onToggle(fn: () => void): void {
    this.element.addEventListener('toggle', fn);
  }

  render(model: DepthChartModel, layers: number): void {
    this.layers.set(layers);
    this.canvas.setAttribute('aria-label', model.ariaLabel);
    if (!this.chart) {
      this.chart = new Chart(this.canvas, model.config);
      return;
    }
    this.chart.data = model.config.data;
    this.chart.options = model.config.options ?? {};
    this.chart.update('none');
  }

  setDevicePixelRatio(ratio: number): void {
    if (!this.chart) return;
    this.chart.options.devicePixelRatio = ratio;
    this.chart.resize();
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }
}
