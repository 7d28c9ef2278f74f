// The summary beside the chart: the formula (rendered with <var>/<sup>/<sub>) and the SummaryModel as a list.
import type { Strings } from './strings';
import { el } from './dom';
import { parseFormula, type FormulaNode } from './formula';
import type { SummaryModel } from './summaryModel';
import { fillPlaceholders } from '../src/shared/uiStrings';

function formulaNodes(nodes: FormulaNode[]): Node[] {
  return nodes.map((n) => {
    switch (n.t) {
      case 'text':
        return document.createTextNode(n.s);
      case 'var':
        return el('var', {}, n.s);
      case 'sup':
        return el('sup', {}, ...formulaNodes(n.c));
      case 'sub':
        return el('sub', {}, ...formulaNodes(n.c));
    }
  });
}

/** The formula as HTML (text only: no innerHTML). */
export function renderFormula(text: string): HTMLElement {
  return el('span', { class: 'formula-text' }, ...formulaNodes(parseFormula(text)));
}

export function renderSummary(section: HTMLElement, model: SummaryModel, strings: Strings): void {
  const list = el('dl', { class: 'summary-list' });
  const notes: HTMLElement[] = [];
  for (const item of model.items) {
    if (!item.term) {
      notes.push(el('p', { class: 'note', 'data-key': item.key }, item.detail));
      continue;
    }
    list.append(
      el('dt', { class: `tone-${item.tone}`, 'data-key': item.key }, item.term),
      el('dd', { class: `tone-${item.tone}`, 'data-key': item.key }, item.detail),
    );
  }
  section.replaceChildren(
    el('h2', { id: 'summary-title' }, fillPlaceholders(strings.summaryTitle, model.title)),
    el(
      'p',
      { class: 'formula', 'aria-label': `${strings.formula}: ${model.formula}` },
      renderFormula(model.formula),
    ),
    list,
    ...notes,
  );
}
