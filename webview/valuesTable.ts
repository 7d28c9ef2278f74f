// The values table: inputs, outputs, derivatives and saturation state — also the accessible text behind the chart.
// Rows are rebuilt only when the values change; a new ε only rewrites the state column.
import { fillPlaceholders } from '../src/shared/uiStrings';
import { elementState, type Strings } from './chartConfig';
import { cellText } from './format';
import type { PlotContext } from './model';

/** Rows written to the DOM at most (the CSV export has every row). */
export const MAX_TABLE_ROWS = 2000;

/** What the numbers of the table depend on (not ε: that only changes the states). */
function valuesKey(ctx: PlotContext): string {
  const r = ctx.request;
  return `${ctx.main}|${r.dialect}|${JSON.stringify(ctx.params)}`;
}

export class ValuesTable {
  private input: PlotContext['request']['input'] = null;
  private key = '';
  private stateCells: HTMLTableCellElement[] = [];
  private rows: HTMLTableRowElement[] = [];

  constructor(readonly table: HTMLTableElement) {}

  render(ctx: PlotContext, strings: Strings): void {
    const input = ctx.request.input;
    if (!input || !ctx.evaluation) {
      this.table.replaceChildren();
      this.table.hidden = true;
      this.input = null;
      return;
    }
    this.table.hidden = false;
    const key = valuesKey(ctx);
    if (input !== this.input || key !== this.key) {
      this.input = input;
      this.key = key;
      this.build(ctx, strings);
    }
    const elements = ctx.analysis?.elements;
    for (let i = 0; i < this.stateCells.length; i++) {
      const e = elements?.[i];
      const text = e ? elementState(e, strings) : '—';
      const cell = this.stateCells[i];
      if (cell.textContent !== text) cell.textContent = text;
      const cls = e ? (e.dead ? 'dead' : e.saturated ? 'saturated' : '') : '';
      if (this.rows[i].className !== cls) this.rows[i].className = cls;
    }
  }

  private build(ctx: PlotContext, strings: Strings): void {
    const input = ctx.request.input!;
    const { values, derivative } = ctx.evaluation!;
    const dtype = ctx.dtype;
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
    const body = document.createElement('tbody');
    this.stateCells = new Array<HTMLTableCellElement>(shown);
    this.rows = new Array<HTMLTableRowElement>(shown);
    for (let i = 0; i < shown; i++) {
      const row = document.createElement('tr');
      const index = document.createElement('td');
      index.className = 'index';
      index.textContent = String(i);
      row.appendChild(index);
      for (const v of [input.values[i], values[i], derivative[i]]) {
        const td = document.createElement('td');
        td.textContent = cellText(v, dtype);
        row.appendChild(td);
      }
      const state = document.createElement('td');
      state.className = 'state';
      row.appendChild(state);
      body.appendChild(row);
      this.rows[i] = row;
      this.stateCells[i] = state;
    }
    this.table.appendChild(body);
  }
}
