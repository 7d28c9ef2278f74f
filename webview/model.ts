// Pure: what every view of one request shares — the main activation, its parameters, and its evaluation through the
// core pipeline (the same one the hovers use: axis, framework, dtype and print included) — computed once per render
// and handed to the chart, summary, table and printed-output builders.
import {
  dtypeForDialect,
  getActivation,
  type ActivationId,
  type ActivationInfo,
  type DType,
  type Evaluated,
  type Evaluation,
} from '../src/core';
import { evaluateRequest, subjectOfRequest, type PlotRequest } from '../src/shared/plotRequest';

export { evaluateRequest };

export type Analysis = Pick<Evaluated, 'elements' | 'summary'>;
export type ElementAnalysis = Analysis['elements'][number];

export interface PlotContext {
  request: PlotRequest;
  main: ActivationId;
  info: ActivationInfo;
  params: Record<string, number>;
  dtype: DType;
  /** The main activation evaluated on the inputs (null: no inputs). */
  evaluated: Evaluated | null;
  /** f and f' of the main activation at the inputs (null: no inputs). */
  evaluation: Evaluation | null;
  /** Saturation state of each input under the main activation (null: no inputs). */
  analysis: Analysis | null;
}

/** Parameters for one activation: the request's, completed with the dialect's defaults. */
export function paramsFor(request: PlotRequest, id: ActivationId): Record<string, number> {
  return subjectOfRequest(request, id).params;
}

/** dtype the chosen dialect computes in (the core's mapping). */
export const dtypeOf = dtypeForDialect;

export function computeContext(request: PlotRequest): PlotContext {
  const main = request.activations[0];
  const evaluated = evaluateRequest(request, main);
  return {
    request,
    main,
    info: getActivation(main),
    params: paramsFor(request, main),
    dtype: request.dtype,
    evaluated,
    evaluation: evaluated ? { values: evaluated.output, derivative: evaluated.derivative } : null,
    analysis: evaluated ? { elements: evaluated.elements, summary: evaluated.summary } : null,
  };
}
