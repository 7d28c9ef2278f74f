// Pure: the result as frameworks print it (the <pre>, copy and insert-as-comment) and the CSV export.
import { formatArray, getActivation, type PrintStyle } from '../src/core';
import type { PlotRequest } from '../src/shared/plotRequest';
import { evaluateRequest, type PlotContext } from './model';
import { cellText } from './format';

/** The main activation's result printed in `style` (default: exactly as the hover prints it, from the same
 * evaluation). */
export function printedResult(ctx: PlotContext, style?: PrintStyle): string {
  const ev = ctx.evaluated;
  if (!ev) return '';
  if (style === undefined || style === ev.style) return ev.printed;
  // TensorFlow, PyTorch and TF.js tensors of this request are float32; NumPy/JSON copies keep the request's dtype.
  const dtype = style === 'tensorflow' || style === 'pytorch' || style === 'tfjs' ? 'float32' : ctx.dtype;
  return formatArray(ev.output, ev.input.shape, style, dtype);
}

/** One CSV field, quoted when needed (RFC 4180). */
function field(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV of the inputs with f and f' of every activation (machine-readable header, values in the dialect's dtype). */
export function valuesCsv(request: PlotRequest, states?: readonly string[]): string {
  const input = request.input;
  if (!input) return '';
  const dtype = request.dtype;
  const header = ['x'];
  const columns: Array<ArrayLike<number>> = [];
  for (const id of request.activations) {
    const r = evaluateRequest(request, id);
    if (!r) continue;
    header.push(`${id}(x)`, getActivation(id).vector ? `d${id}/dx_i` : `${id}'(x)`);
    columns.push(r.output, r.derivative);
  }
  if (states) header.push('state');
  const lines = [header.map(field).join(',')];
  for (let i = 0; i < input.values.length; i++) {
    const row = [cellText(input.values[i], dtype)];
    for (const c of columns) row.push(cellText(c[i], dtype));
    if (states) row.push(states[i] ?? '');
    lines.push(row.map(field).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Machine-readable state per input for the CSV (not translated: it is data). */
export function csvStates(ctx: PlotContext): string[] | undefined {
  if (!ctx.analysis) return undefined;
  return ctx.analysis.elements.map((e) =>
    e.dead
      ? 'dead'
      : e.saturated
        ? e.side === 'left'
          ? 'left_saturated'
          : e.side === 'right'
            ? 'right_saturated'
            : 'saturated'
        : 'active',
  );
}

/** File name for exports: activation(s) and dialect, e.g. sigmoid-tensorflow.png. */
export function exportName(request: PlotRequest, extension: 'png' | 'csv'): string {
  return `${request.activations.join('-vs-')}-${request.dialect}.${extension}`;
}
