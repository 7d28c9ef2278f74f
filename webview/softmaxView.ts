// The view of a vector activation (softmax, log_softmax): output bars for one row at temperature T, the sum, and the
// Jacobian (diagonal in the chart, the full matrix as a heat-map table for short rows).
import { fillPlaceholders } from '../src/shared/uiStrings';
import { Chart } from './chartSetup';
import { withAlpha } from './color';
import type { Strings } from './strings';
import { el, option, setValue } from './dom';
import { cellText } from './format';
import { LogSlider } from './logSlider';
import { TEMPERATURE_RANGE } from './requestEdit';
import { MAX_JACOBIAN, subscript, type SoftmaxModel } from './softmaxConfig';
import type { Palette } from './theme';
import type { DType } from '../src/core';

export interface SoftmaxHandlers {
  onRow(row: number): void;
  onTemperature(t: number): void;
}

export class SoftmaxView {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly title: HTMLElement;
  private readonly rowField: HTMLElement;
  private readonly rowSelect: HTMLSelectElement;
  private readonly temperature: LogSlider;
  private readonly sum: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly jacobian: HTMLElement;
  private chart: Chart<'bar' | 'line', number[]> | undefined;
  private rowsKey = '';

  constructor(
    private readonly strings: Strings,
    handlers: SoftmaxHandlers,
  ) {
    const s = strings;
    this.title = el('h2', { id: 'softmax-title' });
    this.rowSelect = el('select', { id: 'softmax-row' });
    this.rowSelect.addEventListener('change', () => handlers.onRow(Number(this.rowSelect.value)));
    this.rowField = el(
      'div',
      { class: 'field' },
      el('label', { for: 'softmax-row' }, s.softmaxRow),
      this.rowSelect,
    );
    this.temperature = new LogSlider({
      id: 'temperature',
      label: s.temperature,
      range: TEMPERATURE_RANGE,
      strings: s,
      onValue: (t) => handlers.onTemperature(t),
    });
    this.canvas = el('canvas', { id: 'softmax-chart', role: 'img' });
    this.sum = el('p', { id: 'softmax-sum', class: 'sum' });
    this.notes = el('div', { class: 'notes' });
    this.jacobian = el('div', { class: 'jacobian' });
    this.element = el(
      'section',
      { id: 'softmax-view', class: 'softmax-view' },
      this.title,
      el('div', { class: 'controls softmax-controls' }, this.rowField, this.temperature.field),
      el('div', { class: 'chart-box' }, this.canvas),
      this.sum,
      this.notes,
      this.jacobian,
    );
  }

  render(model: SoftmaxModel, dtype: DType, palette: Palette): void {
    const s = this.strings;
    const main = model.series[0];
    this.title.textContent = fillPlaceholders(s.softmaxTitle, main?.label ?? '');
    const rowsKey = String(model.rows);
    if (rowsKey !== this.rowsKey) {
      this.rowsKey = rowsKey;
      this.rowSelect.replaceChildren(
        ...Array.from({ length: model.rows }, (_, i) =>
          option(String(i), fillPlaceholders(s.softmaxRowOf, i + 1, model.rows)),
        ),
      );
    }
    this.rowField.hidden = model.rows <= 1;
    setValue(this.rowSelect, String(model.row));
    this.temperature.set(model.temperature);
    this.sum.textContent = main ? fillPlaceholders(s.softmaxSum, cellText(main.sum, dtype)) : '';
    const notes: string[] = [];
    if (model.example) notes.push(s.softmaxExample);
    if (model.temperature !== 1) notes.push(s.softmaxTemperatureNote);
    this.notes.replaceChildren(...notes.map((n) => el('p', { class: 'note' }, n)));
    this.renderJacobian(model, dtype, palette);
    this.canvas.setAttribute('aria-label', model.ariaLabel);
    if (!this.chart) {
      this.chart = new Chart(this.canvas, model.config);
      return;
    }
    this.chart.data = model.config.data;
    this.chart.options = model.config.options ?? {};
    this.chart.update('none');
  }

  /** The full Jacobian ∂y_i/∂x_j as a table whose cells are shaded by magnitude (CSSOM styles, allowed by the CSP). */
  private renderJacobian(model: SoftmaxModel, dtype: 'float32' | 'float64', palette: Palette): void {
    const s = this.strings;
    const jac = model.series[0]?.jacobian;
    if (!jac) {
      this.jacobian.replaceChildren(
        model.rowLength > MAX_JACOBIAN
          ? el('p', { class: 'note' }, fillPlaceholders(s.softmaxJacobianLarge, MAX_JACOBIAN))
          : '',
      );
      return;
    }
    let max = 0;
    for (const line of jac) for (const v of line) if (Math.abs(v) > max) max = Math.abs(v);
    const table = el('table', { id: 'jacobian-table', class: 'heatmap' });
    table.createCaption().textContent = s.softmaxJacobian;
    const head = table.createTHead().insertRow();
    head.append(el('th', { scope: 'col' }, ''));
    jac.forEach((_, j) => head.append(el('th', { scope: 'col' }, `x${subscript(j)}`)));
    const body = table.createTBody();
    jac.forEach((line, i) => {
      const row = body.insertRow();
      row.append(el('th', { scope: 'row' }, `y${subscript(i)}`));
      line.forEach((v, j) => {
        const td = row.insertCell();
        td.textContent = cellText(v, dtype);
        const strength = max > 0 ? Math.abs(v) / max : 0;
        td.style.backgroundColor = withAlpha(v >= 0 ? palette.fn : palette.hard, 0.08 + 0.6 * strength);
        if (i === j) td.classList.add('diagonal');
      });
    });
    this.jacobian.replaceChildren(table);
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
