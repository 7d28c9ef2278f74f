// Copy the result as TensorFlow / NumPy / PyTorch / JSON print, insert it as a comment under the source, and export
// the chart (PNG) or the values (CSV). Everything goes through the host: the webview only posts messages.
import type { PrintStyle } from '../src/core';
import { fillPlaceholders } from '../src/shared/uiStrings';
import type { Strings } from './strings';
import { button, el } from './dom';
import type { PlotContext } from './model';
import { csvStates, exportName, printedResult, valuesCsv } from './printing';
import { post } from './vscodeApi';

const COPY: Array<[PrintStyle, keyof Strings]> = [
  ['tensorflow', 'copyTensorflow'],
  ['numpy', 'copyNumpy'],
  ['pytorch', 'copyPytorch'],
  ['json', 'copyJson'],
];

export interface ExportSources {
  context(): PlotContext | null;
  /** The chart on screen (main chart, or the bars of a vector activation). */
  canvas(): HTMLCanvasElement | null;
  /** The printed text shown in the <pre>. */
  printed(): string;
}

export class ExportActions {
  readonly element: HTMLElement;
  private readonly valueButtons: HTMLButtonElement[] = [];
  private readonly insert: HTMLButtonElement;

  constructor(strings: Strings, sources: ExportSources) {
    for (const [style, key] of COPY) {
      const b = button(`copy-${style}`, fillPlaceholders(strings.copyAs, strings[key]), () => {
        const ctx = sources.context();
        if (ctx?.request.input) post({ type: 'copy', text: printedResult(ctx, style), style });
      });
      this.valueButtons.push(b);
    }
    this.insert = button('insert-comment', strings.insertComment, () => {
      const text = sources.printed();
      if (text) post({ type: 'insertComment', text });
    });
    const csv = button('export-csv', strings.exportCsv, () => {
      const ctx = sources.context();
      if (!ctx?.request.input) return;
      post({
        type: 'export',
        format: 'csv',
        data: valuesCsv(ctx.request, csvStates(ctx)),
        suggestedName: exportName(ctx.request, 'csv'),
      });
    });
    this.valueButtons.push(csv);
    const png = button('export-png', strings.exportPng, () => {
      const ctx = sources.context();
      const canvas = sources.canvas();
      if (!ctx || !canvas) return;
      post({
        type: 'export',
        format: 'png',
        data: canvas.toDataURL('image/png'),
        suggestedName: exportName(ctx.request, 'png'),
      });
    });
    this.element = el(
      'div',
      { class: 'actions', role: 'group', 'aria-label': strings.actions },
      ...this.valueButtons.slice(0, COPY.length),
      this.insert,
      png,
      csv,
    );
  }

  /** Value actions need inputs; "Insert as comment" also needs a source document. */
  sync(ctx: PlotContext): void {
    const hasInput = !!ctx.request.input;
    for (const b of this.valueButtons) b.disabled = !hasInput;
    this.insert.hidden = !hasInput || !ctx.request.source;
  }
}
