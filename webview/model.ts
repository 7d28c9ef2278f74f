// Pure: what every view of one request shares — the main activation, its parameters, the evaluation and the analysis
// of the inputs — computed once per render and handed to the chart, summary, table and printed-output builders.
import {
  analyzeInputs,
  defaultParams,
  dtypeForDialect,
  evaluate,
  getActivation,
  printStyleForDialect,
  type ActivationId,
  type ActivationInfo,
  type DType,
  type Evaluation,
} from '../src/core';
import type { PlotRequest } from '../src/shared/plotRequest';

export type Analysis = ReturnType<typeof analyzeInputs>;
export type ElementAnalysis = Analysis['elements'][number];

export interface PlotContext {
  request: PlotRequest;
  main: ActivationId;
  info: ActivationInfo;
  params: Record<string, number>;
  dtype: DType;
  /** f and f' of the main activation at the inputs (null: no inputs). */
  evaluation: Evaluation | null;
  /** Saturation state of each input under the main activation (null: no inputs). */
  analysis: Analysis | null;
}

/** Parameters for one activation: the request's, completed with the dialect's defaults. */
export function paramsFor(request: PlotRequest, id: ActivationId): Record<string, number> {
  return { ...defaultParams(id, request.dialect), ...(request.params[id] ?? {}) };
}

/** dtype the chosen dialect computes in (the core's mapping). */
export const dtypeOf = dtypeForDialect;

/** How the dialect's framework prints a result (the core's mapping, shared with the hovers). */
export const printStyleOf = printStyleForDialect;

export function computeContext(request: PlotRequest): PlotContext {
  const main = request.activations[0];
  const info = getActivation(main);
  const params = paramsFor(request, main);
  const input = request.input;
  const options = { dialect: request.dialect, params };
  // Vector activations need at least one axis; a scalar selection has nothing to normalise.
  const usable = input && !(info.vector && input.shape.length === 0);
  const evaluation = usable ? evaluate(main, input.values, input.shape, options) : null;
  const analysis = usable
    ? analyzeInputs(main, input.values, input.shape, { ...options, epsilon: request.epsilon })
    : null;
  return { request, main, info, params, dtype: dtypeOf(request.dialect), evaluation, analysis };
}
