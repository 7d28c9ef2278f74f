// The app's view: builds the layout once and re-renders the chart, table and summary for each PlotRequest.
import type { Layout, UiStrings } from '../src/shared/protocol';
import type { PlotRequest } from '../src/shared/plotRequest';
import { UI_STRINGS } from '../src/shared/uiStrings';
import { Chart } from './chartSetup';
import { buildMainChart, type Strings } from './chartConfig';
import { readPalette, watchTheme } from './theme';
import { renderValuesTable } from './valuesTable';
import { post, saveState } from './vscodeApi';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export class App {
  private readonly strings: Strings;
  private request: PlotRequest | null = null;
  private chart: Chart<'line' | 'scatter', Array<{ x: number; y: number }>> | undefined;
  private readonly canvas: HTMLCanvasElement;
  private readonly table: HTMLTableElement;
  private readonly empty: HTMLElement;
  private readonly content: HTMLElement;
  private pinned = false;

  constructor(
    private readonly root: HTMLElement,
    readonly layout: Layout,
    strings: UiStrings,
  ) {
    this.strings = { ...UI_STRINGS, ...strings } as Strings;
    this.empty = el('section', { id: 'empty-state', hidden: '' });
    this.content = el('section', { id: 'content' });
    const chartBox = el('div', { class: 'chart-box' });
    this.canvas = el('canvas', { id: 'main-chart', role: 'img' });
    chartBox.appendChild(this.canvas);
    this.table = el('table', { id: 'values-table' });
    this.content.append(chartBox, this.table);
    this.root.append(this.empty, this.content);
    watchTheme(() => this.render());
  }

  setPinned(pinned: boolean): void {
    this.pinned = pinned;
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  show(request: PlotRequest): void {
    this.request = request;
    saveState({ request, pinned: this.pinned });
    this.render();
  }

  showEmpty(reason: string): void {
    this.request = null;
    this.content.hidden = true;
    this.empty.hidden = false;
    this.empty.replaceChildren(el('h2', {}, this.strings.emptyTitle), el('p', {}, reason));
  }

  private render(): void {
    const request = this.request;
    if (!request) return;
    const started = performance.now();
    this.empty.hidden = true;
    this.content.hidden = false;
    const width = Math.max(300, this.canvas.parentElement?.clientWidth ?? 600);
    const samples = Math.ceil(width * (window.devicePixelRatio || 1));
    const model = buildMainChart(
      request,
      { samples, showDerivative: true, derivativeOwnAxis: false },
      readPalette(),
      this.strings,
    );
    this.canvas.setAttribute('aria-label', model.ariaLabel);
    this.chart?.destroy();
    this.chart = new Chart(this.canvas, model.config);
    renderValuesTable(this.table, request, this.strings);
    post({
      type: 'rendered',
      activations: request.activations,
      elements: request.input?.values.length ?? 0,
      millis: performance.now() - started,
    });
  }
}
