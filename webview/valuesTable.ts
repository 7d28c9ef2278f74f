// The values table: inputs, outputs, derivatives and saturation state — also the accessible text behind the chart.
// Rows are rebuilt only when the values change; a new ε only rewrites the state column.
import { fillPlaceholders } from '../src/shared/uiStrings';
import { elementState } from './elementState';
import type { Strings } from './strings';
import { elementText } from './format';
import type { PlotContext } from './model';

/** Rows written to the DOM at most (the CSV export has every row). */
export const MAX_TABLE_ROWS = 2000;

/** What the numbers of the table depend on (not ε: that only changes the states). */
function valuesKey(ctx: PlotContext): string {
  const r = ctx.request;
  return `${ctx.main}|${r.dialect}|${JSON.stringify(ctx.params)}`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Rows built synchronously; the rest follow in later frames so a large table never holds up the chart. */
export const FIRST_ROWS = 100;
const CHUNK_ROWS = 500;

export class ValuesTable {
  private input: PlotContext['request']['input'] = null;
  private key = '';
  private body: HTMLTableSectionElement | null = null;
  private stateCells: HTMLTableCellElement[] = [];
  private rows: HTMLTableRowElement[] = [];
  private ctx: PlotContext | null = null;
  private strings: Strings | null = null;
  private generation = 0;

  constructor(readonly table: HTMLTableElement) {}

  render(ctx: PlotContext, strings: Strings): void {
    this.ctx = ctx;
    this.strings = strings;
    const input = ctx.request.input;
    if (!input || !ctx.evaluation) {
      this.table.replaceChildren();
      this.table.hidden = true;
      this.input = null;
      this.generation++;
      return;
    }
    this.table.hidden = false;
    const key = valuesKey(ctx);
    if (input !== this.input || key !== this.key) {
      this.input = input;
      this.key = key;
      this.build(ctx, strings);
      return;
    }
    this.updateStates(0, this.rows.length);
  }

  /** Rewrites the state column of rows [from, to) from the latest analysis (ε changes only this). */
  private updateStates(from: number, to: number): void {
    const elements = this.ctx?.analysis?.elements;
    const strings = this.strings;
    if (!strings) return;
    for (let i = from; i < to; i++) {
      const e = elements?.[i];
      const text = e ? elementState(e, strings, this.ctx?.info.vector) : '—';
      const cell = this.stateCells[i];
      if (cell.textContent !== text) cell.textContent = text;
      const cls = e ? (e.dead ? 'dead' : e.saturated ? 'saturated' : '') : '';
      if (this.rows[i].className !== cls) this.rows[i].className = cls;
    }
  }

  private build(ctx: PlotContext, strings: Strings): void {
    const input = ctx.request.input!;
    const generation = ++this.generation;
    this.table.replaceChildren();
    const caption = this.table.createCaption();
    const total = input.values.length;
    const shown = Math.min(total, MAX_TABLE_ROWS);
    caption.textContent =
      shown < total
        ? `${strings.valuesTable} — ${fillPlaceholders(strings.tableTruncated, shown, total)}`
        : strings.valuesTable;
    const head = this.table.createTHead().insertRow();
    const derivativeLabel = ctx.info.vector ? strings.softmaxDiagonal : strings.derivative;
    for (const label of ['#', strings.input, strings.output, derivativeLabel, strings.state]) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = label;
      head.appendChild(th);
    }
    this.body = document.createElement('tbody');
    this.table.appendChild(this.body);
    this.rows = [];
    this.stateCells = [];
    this.appendRows(ctx, 0, Math.min(shown, FIRST_ROWS));
    const more = (from: number): void => {
      if (generation !== this.generation || from >= shown) return;
      const to = Math.min(shown, from + CHUNK_ROWS);
      this.appendRows(ctx, from, to);
      requestAnimationFrame(() => more(to));
    };
    if (shown > FIRST_ROWS) requestAnimationFrame(() => more(FIRST_ROWS));
  }

  /** Appends rows [from, to): one HTML string per chunk, far faster than a DOM call per cell. Every text is escaped. */
  private appendRows(ctx: PlotContext, from: number, to: number): void {
    const input = ctx.request.input!;
    const { values, derivative } = ctx.evaluation!;
    const dtype = ctx.dtype;
    const parts: string[] = [];
    for (let i = from; i < to; i++) {
      parts.push(
        `<tr><td class="index">${i}</td><td>${escapeHtml(elementText(input.values[i], dtype))}</td><td>${escapeHtml(
          elementText(values[i], dtype),
        )}</td><td>${escapeHtml(elementText(derivative[i], dtype))}</td><td class="state"></td></tr>`,
      );
    }
    const scratch = document.createElement('tbody');
    scratch.innerHTML = parts.join('');
    const rows = Array.from(scratch.rows);
    this.body!.append(...rows);
    for (const row of rows) {
      this.rows.push(row);
      this.stateCells.push(row.cells[4]);
    }
    this.updateStates(from, to);
  }
}
