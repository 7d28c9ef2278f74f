// The values table: inputs, outputs, derivatives and saturation state — also the accessible text behind the chart.
import { analyzeInputs, evaluate, formatArray, type DType } from '../src/core';
import type { PlotRequest } from '../src/shared/plotRequest';
import { paramsFor, type Strings } from './chartConfig';

/** dtype the chosen dialect computes in: frameworks in float32, `exact` in float64. */
export function dtypeOf(request: PlotRequest): DType {
  return request.dialect === 'exact' ? 'float64' : 'float32';
}

/** One number as the framework prints it inside an array (shortest round-trip digits for the dtype). */
export function cellText(value: number, dtype: DType): string {
  return formatArray([value], [1], 'numpy', dtype).replace(/^\[\s*|\s*\]$/g, '');
}

export function renderValuesTable(table: HTMLTableElement, request: PlotRequest, strings: Strings): void {
  table.replaceChildren();
  const input = request.input;
  if (!input) return;
  const id = request.activations[0];
  const dtype = dtypeOf(request);
  const params = paramsFor(request, id);
  const { values, derivative } = evaluate(id, input.values, input.shape, { dialect: request.dialect, params });
  const analysis = analyzeInputs(id, input.values, input.shape, { dialect: request.dialect, params, epsilon: request.epsilon });
  const caption = table.createCaption();
  caption.textContent = strings.valuesTable;
  const head = table.createTHead().insertRow();
  for (const label of [strings.input, strings.output, strings.derivative, strings.state]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (let i = 0; i < input.values.length; i++) {
    const row = body.insertRow();
    const e = analysis.elements[i];
    const state = e.dead ? strings.dead : e.saturated ? strings.saturated : strings.active;
    row.className = e.dead ? 'dead' : e.saturated ? 'saturated' : '';
    for (const text of [cellText(input.values[i], dtype), cellText(values[i], dtype), cellText(derivative[i], dtype), state]) {
      const td = row.insertCell();
      td.textContent = text;
    }
  }
}
