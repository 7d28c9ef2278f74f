// The whole result exactly as the chosen framework prints it (<pre id="printed-output">).
import { fillPlaceholders } from '../src/shared/uiStrings';
import type { Strings } from './strings';
import { el } from './dom';
import { FRAMEWORK_LABELS } from '../src/core';
import type { PlotContext } from './model';
import { printedResult } from './printing';

export class PrintedOutput {
  readonly element: HTMLElement;
  private readonly pre: HTMLPreElement;
  private readonly heading: HTMLElement;
  text = '';
  private input: PlotContext['request']['input'] = null;
  private key = '';

  constructor() {
    this.heading = el('h3', { id: 'printed-output-title' });
    this.pre = el('pre', { id: 'printed-output', 'aria-labelledby': 'printed-output-title', tabindex: '0' });
    this.element = el('section', { class: 'printed' }, this.heading, this.pre);
  }

  render(ctx: PlotContext, strings: Strings): void {
    // The printed text depends on the values only (not on ε): reprint only when they change.
    const r = ctx.request;
    const key = `${ctx.main}|${r.framework}|${r.dialect}|${r.dtype}|${r.axis}|${JSON.stringify(ctx.params)}`;
    if (ctx.request.input === this.input && key === this.key) return;
    this.input = ctx.request.input;
    this.key = key;
    this.text = printedResult(ctx);
    this.heading.textContent = fillPlaceholders(
      strings.printedOutput,
      `${FRAMEWORK_LABELS[r.framework]}, ${r.dtype}`,
    );
    this.pre.textContent = this.text;
    this.element.hidden = this.text === '';
  }
}
