// The app's view: builds the layout once (panel or compact side view, same code) and re-renders the charts, summary,
// table and printed output for each PlotRequest. Control changes apply at once, are posted to the host as `state`
// and saved with setState.
import type { Layout, UiStrings } from '../src/shared/protocol';
import type { PlotRequest } from '../src/shared/plotRequest';
import { fillPlaceholders } from '../src/shared/uiStrings';
import { getActivation, shortResult } from '../src/core';
import { shortNumber } from './format';
import type { BandFills } from './bands';
import { buildMainChart } from './chartConfig';
import type { Strings } from './strings';
import { Controls } from './controls';
import { DepthChart } from './depthChart';
import { button, el, perFrame, debounce } from './dom';
import { renderEmptyState } from './emptyState';
import { ExportActions } from './exportActions';
import { MainChart } from './mainChart';
import { NumericDeadCache } from './numericDeadCache';
import { computeContext, type PlotContext } from './model';
import { bandFills } from './patterns';
import { PrintedOutput } from './printedOutput';
import { exampleRequest } from './requestEdit';
import { SidebarHeader } from './sidebarHeader';
import { SoftmaxSlot } from './softmaxSlot';
import { renderSummary } from './summary';
import { buildSummary } from './summaryModel';
import { readPalette, watchDevicePixelRatio, watchTheme, type Palette } from './theme';
import { ValuesTable } from './valuesTable';
import { DEFAULT_VIEW, post, saveState, type ViewState } from './vscodeApi';

/** Extra width sampled on each side of the visible range, so a pan shows curve until the resample lands. */
const OVERSCAN = 0.2;

export class App {
  private readonly strings: Strings;
  private request: PlotRequest | null = null;
  private context: PlotContext | null = null;
  private view: ViewState = { ...DEFAULT_VIEW };
  private pinned = false;
  private palette: Palette;
  private paletteVersion = 0;
  private depthKey = '';
  /** The depth chart's builder: a chunk loaded the first time the depth view is opened (issue 16). */
  private buildDepthChart: (typeof import('./depthConfig'))['buildDepthChart'] | undefined;
  private depthLoading: Promise<void> | undefined;
  private depthInput: PlotRequest['input'] = null;
  private fills: BandFills;

  private readonly empty: HTMLElement;
  private readonly content: HTMLElement;
  private readonly mainBox: HTMLElement;
  private readonly mainCanvas: HTMLCanvasElement;
  private readonly chartToolbar: HTMLElement;
  private readonly resetZoom: HTMLButtonElement;
  private readonly showAll: HTMLButtonElement;
  private fullDomain: [number, number] | null = null;
  private readonly compareNote: HTMLElement;
  /** Where the plotted values come from, as text: the example, a paused debugger's frame and line, or the binding
   * they were resolved from (the request's caption). */
  private readonly note: HTMLElement;
  private readonly errorNote: HTMLElement;
  /** A polite live region with the chart's one-line description, updated once changes settle. */
  private readonly status: HTMLElement;
  private readonly announce = debounce((text: string) => {
    if (this.status.textContent !== text) this.status.textContent = text;
  }, 700);
  private readonly main: MainChart;
  private readonly depth: DepthChart;
  private readonly softmax: SoftmaxSlot;
  private readonly controls: Controls;
  private readonly controlsSection: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly values: ValuesTable;
  private readonly printed: PrintedOutput;
  private readonly actions: ExportActions;
  private readonly header: SidebarHeader | undefined;
  private readonly scheduleRender = perFrame(() => this.render());
  private readonly numericDead = new NumericDeadCache();

  constructor(
    private readonly root: HTMLElement,
    readonly layout: Layout,
    strings: UiStrings,
    view?: Partial<ViewState>,
  ) {
    // The host sends every key of UI_STRINGS, translated (src/webviewStrings.ts): the webview carries no English
    // copy of its own (5.7 KB of the page's download, issue 16).
    this.strings = strings as Strings;
    this.view = { ...DEFAULT_VIEW, ...(view ?? {}) };
    const s = this.strings;
    const compact = layout === 'sidebar';
    document.body.classList.add(`layout-${layout}`);
    this.palette = readPalette();
    this.fills = bandFills(this.palette);

    this.empty = el('section', { id: 'empty-state', class: 'empty-state', hidden: '' });
    this.content = el('section', { id: 'content', hidden: '' });

    this.mainCanvas = el('canvas', { id: 'main-chart', role: 'img' });
    this.mainBox = el('div', { class: 'chart-box main-box' }, this.mainCanvas);
    this.main = new MainChart(this.mainCanvas, (range) => this.onZoomRange(range));
    this.resetZoom = button('reset-zoom', s.resetZoom, () => this.onResetZoom(), { class: 'secondary' });
    // Far inputs are marked at the edge of the default view; this opens the range that holds them all.
    this.showAll = button('show-all', s.showAll, () => this.onShowAll(), { class: 'secondary', hidden: '' });
    this.chartToolbar = el(
      'div',
      { class: 'chart-toolbar' },
      el('span', { class: 'note zoom-hint' }, s.zoomHint),
      this.showAll,
      this.resetZoom,
    );
    this.compareNote = el('p', { class: 'note', id: 'compare-note', hidden: '' });
    // The shell marks the whole app as a live region; a re-render would be read out in full on every slider step.
    // Only the short description below is announced.
    root.removeAttribute('aria-live');
    this.status = el('p', { class: 'sr-only', id: 'chart-status', role: 'status', 'aria-live': 'polite' });
    this.errorNote = el('p', { class: 'error-note', id: 'error-note', role: 'alert', hidden: '' });

    this.note = el('p', { class: 'note', id: 'source-note', role: 'status', hidden: '' });

    this.softmax = new SoftmaxSlot(s, {
      onRow: (row) => this.setView({ row }),
      onTemperature: (temperature) => this.setView({ temperature }),
    });
    this.depth = new DepthChart(s, (layers) => this.setView({ layers }), compact);
    this.depth.onToggle(() => this.scheduleRender());

    this.controls = new Controls(s, {
      onRequest: (next) => this.update(next),
      onDerivativeAxis: (derivativeOwnAxis) => this.setView({ derivativeOwnAxis }),
      onDerivative: (showDerivative) => {
        this.main.forgetVisibility();
        this.setView({ showDerivative });
      },
    });
    if (compact) {
      const details = el(
        'details',
        { id: 'controls-section', class: 'controls-section' },
        el('summary', {}, s.controls),
        this.controls.element,
      );
      details.open = this.view.controlsOpen;
      details.addEventListener('toggle', () => {
        this.view.controlsOpen = details.open;
        this.persist();
      });
      this.controlsSection = details;
    } else {
      this.controlsSection = el(
        'section',
        { id: 'controls-section', class: 'controls-section', 'aria-label': s.controls },
        this.controls.element,
      );
    }

    this.summary = el('section', { id: 'summary', class: 'summary', 'aria-labelledby': 'summary-title' });
    this.table = el('table', { id: 'values-table' });
    this.values = new ValuesTable(this.table);
    this.printed = new PrintedOutput();
    this.actions = new ExportActions(s, {
      context: () => this.context,
      canvas: () => (this.context?.info.vector && this.softmax.canvas) || this.mainCanvas,
      printed: () => this.printed.text,
    });

    const chartColumn = el(
      'div',
      { class: 'chart-column' },
      this.chartToolbar,
      this.mainBox,
      this.compareNote,
      this.softmax.element,
    );
    if (compact) {
      this.header = new SidebarHeader(s, {
        onPin: (pinned) => {
          this.setPinned(pinned);
          post({ type: 'pin', pinned });
        },
        onOpenInPanel: () => {
          if (this.request) post({ type: 'openInPanel', request: this.request });
        },
      });
      this.content.append(
        this.errorNote,
        this.note,
        chartColumn,
        this.controlsSection,
        this.summary,
        this.depth.element,
        this.actions.element,
        this.printed.element,
        this.table,
      );
      this.root.append(this.header.element, this.empty, this.content, this.status);
    } else {
      const side = el('aside', { class: 'side-column' }, this.controlsSection, this.summary);
      this.content.append(
        this.errorNote,
        this.note,
        el('div', { class: 'layout-grid' }, chartColumn, side, this.depth.element),
        this.actions.element,
        this.printed.element,
        this.table,
      );
      this.root.append(this.empty, this.content, this.status);
    }
    this.header?.sync(this.pinned, false);

    watchTheme(() => {
      this.palette = readPalette();
      this.fills = bandFills(this.palette);
      this.paletteVersion++;
      this.scheduleRender();
    });
    watchDevicePixelRatio(() => {
      const ratio = window.devicePixelRatio || 1;
      this.main.setDevicePixelRatio(ratio);
      this.depth.setDevicePixelRatio(ratio);
      this.softmax.setDevicePixelRatio(ratio);
      this.depthKey = '';
      this.scheduleRender();
    });
    // Curve samples follow the plot width: re-render when it changes (not on the observer's first call).
    const onResize = debounce(() => this.render(), 150);
    let width = -1;
    new ResizeObserver(() => {
      const now = this.mainBox.clientWidth;
      if (now === width) return;
      const first = width < 0;
      width = now;
      if (!first && this.request) onResize();
    }).observe(this.mainBox);
  }

  setPinned(pinned: boolean): void {
    this.pinned = pinned;
    this.header?.sync(pinned, !!this.request);
    this.persist();
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  /** A new plot from the host (or the example): the zoom goes back to the inputs. */
  show(request: PlotRequest, keepView = false, example = false): void {
    this.request = request;
    // Text from the host (a path from the user's code among it): textContent, never markup.
    const note = example ? this.strings.exampleNote : (request.caption ?? '');
    this.note.textContent = note;
    this.note.hidden = !note;
    if (!keepView) {
      this.view = { ...this.view, domain: null, row: 0 };
      if (this.main.isZoomed) this.main.resetZoom();
    }
    this.persist();
    this.render();
  }

  showEmpty(reason: string): void {
    this.request = null;
    this.context = null;
    this.content.hidden = true;
    this.empty.hidden = false;
    this.header?.sync(this.pinned, false);
    renderEmptyState(this.empty, this.strings, reason, () => {
      const example = exampleRequest();
      this.show(example, false, true);
      post({ type: 'state', request: example });
    });
    this.persist();
  }

  /** A change made by the controls: re-render now, then tell the host and save. */
  private update(next: PlotRequest): void {
    this.request = next;
    this.render();
    post({ type: 'state', request: next });
    this.persist();
  }

  private setView(patch: Partial<ViewState>): void {
    this.view = { ...this.view, ...patch };
    this.persist();
    this.scheduleRender();
  }

  private persist(): void {
    saveState({ request: this.request, pinned: this.pinned, view: this.view });
  }

  private samples(): number {
    const width = Math.max(200, this.mainBox.clientWidth || 600);
    return Math.ceil(width * (window.devicePixelRatio || 1));
  }

  private onZoomRange(range: [number, number]): void {
    const request = this.request;
    const ctx = this.context;
    if (!request || !ctx || ctx.info.vector) return;
    this.view = { ...this.view, domain: range };
    this.resetZoom.disabled = false;
    const model = buildMainChart(request, this.viewOptions(), this.palette, this.strings, ctx, this.fills);
    this.main.resample(model);
    this.renderDepth(request, ctx, model.domain);
    this.persist();
  }

  private onShowAll(): void {
    if (!this.fullDomain) return;
    this.view = { ...this.view, domain: this.fullDomain };
    this.main.resetZoom();
    this.persist();
    this.render();
  }

  private onResetZoom(): void {
    this.view = { ...this.view, domain: null };
    this.main.resetZoom();
    this.persist();
    this.render();
  }

  private viewOptions(): Parameters<typeof buildMainChart>[1] {
    const request = this.request;
    const bandId = request?.activations.find((id) => !getActivation(id).vector);
    // Until the cached regions are ready, draw none (not the slow scan): a render follows when they are.
    const numericDead = request
      ? (this.numericDead.get(request, bandId, () => this.scheduleRender()) ?? [])
      : [];
    return {
      numericDead,
      domain: this.view.domain,
      samples: this.samples(),
      showDerivative: this.view.showDerivative,
      derivativeOwnAxis: this.view.derivativeOwnAxis,
      overscan: OVERSCAN,
      devicePixelRatio: window.devicePixelRatio || 1,
    };
  }

  private renderDepth(request: PlotRequest, ctx: PlotContext, domain: readonly [number, number]): void {
    if (!this.depth.visible) return;
    if (!this.buildDepthChart) {
      this.depthLoading ??= import('./depthConfig').then(
        ({ buildDepthChart }) => {
          this.buildDepthChart = buildDepthChart;
          this.scheduleRender();
        },
        (err: unknown) => console.error(`the depth view is unavailable: ${String(err)}`),
      );
      return;
    }
    // One sample per CSS pixel is enough for this small chart.
    const width = Math.max(200, this.depth.canvas.parentElement?.clientWidth || 400);
    // ε does not change this chart: skip the work when nothing it shows has changed.
    const key = JSON.stringify([
      request.activations,
      request.dialect,
      request.params,
      this.view.layers,
      domain,
      width,
      window.devicePixelRatio,
      this.paletteVersion,
    ]);
    if (key === this.depthKey && request.input === this.depthInput) return;
    this.depthKey = key;
    this.depthInput = request.input;
    const model = this.buildDepthChart(
      request,
      this.view.layers,
      domain,
      Math.ceil(width),
      this.palette,
      this.strings,
      ctx,
      window.devicePixelRatio || 1,
    );
    this.depth.render(model, this.view.layers);
  }

  /** Renders, and turns a failure (e.g. an input the core rejects) into a message in the view and the log. */
  private render(): void {
    try {
      this.renderNow();
      this.errorNote.hidden = true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.errorNote.textContent = message;
      this.errorNote.hidden = false;
      post({ type: 'error', message: `render failed: ${message}` });
    }
  }

  private renderNow(): void {
    const request = this.request;
    if (!request) return;
    const started = performance.now();
    this.empty.hidden = true;
    this.content.hidden = false;
    const ctx = computeContext(request);
    this.context = ctx;
    const vector = ctx.info.vector;
    const s = this.strings;

    this.mainBox.hidden = vector;
    this.chartToolbar.hidden = vector;
    this.depth.element.hidden = vector;
    this.softmax.element.hidden = !vector;
    const softmax = vector ? this.softmax.get(() => this.scheduleRender()) : undefined;
    if (vector && !softmax) {
      // Rendered again as soon as the softmax view's chunk has loaded.
      this.compareNote.hidden = true;
    } else if (softmax) {
      const model = softmax.build(
        request,
        this.view.row,
        this.view.temperature,
        this.palette,
        s,
        window.devicePixelRatio || 1,
      );
      softmax.view.render(model, request.dtype, this.palette);
      this.announce(model.ariaLabel);
      this.compareNote.hidden = true;
    } else {
      const model = buildMainChart(request, this.viewOptions(), this.palette, s, ctx, this.fills);
      this.main.render(model, this.palette.background);
      this.announce(model.ariaLabel);
      this.resetZoom.disabled = this.view.domain === null;
      this.fullDomain = model.fullDomain;
      this.showAll.hidden = model.outliers === 0;
      this.showAll.textContent = fillPlaceholders(
        s.showAll,
        shortNumber(model.extent[0], 6),
        shortNumber(model.extent[1], 6),
      );
      this.compareNote.hidden = model.skipped.length === 0;
      this.compareNote.textContent = model.skipped
        .map((id) => fillPlaceholders(s.softmaxInCompare, getActivation(id).label))
        .join(' ');
      this.renderDepth(request, ctx, model.domain);
    }

    renderSummary(this.summary, buildSummary(ctx, s), s);
    this.values.render(ctx, s);
    this.printed.render(ctx, s);
    this.actions.sync(ctx);
    this.controls.sync(request, {
      showDerivative: this.view.showDerivative,
      derivativeOwnAxis: this.view.derivativeOwnAxis,
    });
    this.header?.sync(this.pinned, true);

    const ev = ctx.evaluated;
    post({
      type: 'rendered',
      activations: request.activations,
      elements: request.input?.values.length ?? 0,
      millis: performance.now() - started,
      printed: this.printed.text,
      short: ev ? shortResult(ev.output, ev.input.shape) : '',
      note: this.note.textContent ?? '',
    });
  }
}
