// The gradient-through-depth chart (|f′(x)|^L on a log axis) with its depth slider L (1–50, log scale): the vanishing
// gradient (梯度消失) of the article, made visible for the selected inputs.
import { Chart } from './chartSetup';
import type { Point, Strings } from './chartConfig';
import type { DepthChartModel } from './depthConfig';
import { el, setValue } from './dom';
import { STEPS, stepToValue, valueToStep } from './logScale';
import { DEPTH_RANGE } from './requestEdit';

export class DepthChart {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly slider: HTMLInputElement;
  private readonly number: HTMLInputElement;
  private chart: Chart<'line' | 'scatter', Point[]> | undefined;

  constructor(strings: Strings, onLayers: (layers: number) => void, compact: boolean) {
    this.slider = el('input', {
      id: 'depth-slider',
      type: 'range',
      min: '0',
      max: String(STEPS),
      step: '1',
      'aria-label': strings.depthLayers,
    });
    this.number = el('input', {
      id: 'depth-input',
      type: 'number',
      min: String(DEPTH_RANGE[0]),
      max: String(DEPTH_RANGE[1]),
      step: '1',
      class: 'number',
      'aria-label': strings.depthLayers,
    });
    this.slider.addEventListener('input', () => {
      const L = Math.round(stepToValue(Number(this.slider.value), DEPTH_RANGE[0], DEPTH_RANGE[1]));
      this.number.value = String(L);
      onLayers(L);
    });
    this.number.addEventListener('change', () => {
      const L = Math.round(Number(this.number.value));
      if (L >= DEPTH_RANGE[0] && L <= DEPTH_RANGE[1]) onLayers(L);
    });
    this.canvas = el('canvas', { id: 'depth-chart', role: 'img' });
    const body = [
      el(
        'div',
        { class: 'field depth' },
        el('label', { for: 'depth-slider' }, strings.depthLayers),
        el('div', { class: 'slider-row' }, this.slider, this.number),
      ),
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
    setValue(this.slider, String(valueToStep(layers, DEPTH_RANGE[0], DEPTH_RANGE[1])));
    setValue(this.number, String(layers));
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
