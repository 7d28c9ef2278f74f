// What to plot: the one description shared by the palette commands, hover links, the side panel and the webview.
// It carries every field an evaluation depends on, so the webview computes through the same core pipeline as the
// hover: `subjectOfRequest` turns it back into the core's Subject for any of its activations.
import type { Framework } from '../core/framework';
import { defaultParams, getActivation } from '../core/activations/registry';
import { evaluateSubject, type Evaluated } from '../core/evaluation/evaluateSubject';
import type { Subject, SubjectInput, SubjectSource } from '../core/evaluation/subject';
import type { ActivationId, Dialect, DType } from '../core/types';
import { TORCH_GRAD_FN } from '../core/format/pytorch';

export interface SourceRef {
  /** Document URI (string form) the input came from. */
  uri: string;
  /** Zero-based [startLine, startCharacter, endLine, endCharacter] of the input text. */
  range: [number, number, number, number];
}

export interface PlotRequest {
  /** First is the main activation; more than one = compare on one chart. */
  activations: ActivationId[];
  /** Flat input values (row-major) and their shape; null = plot the curve alone (no selection). */
  input: SubjectInput | null;
  /** Whose results and prints: decides the dialect's print style (TF.js prints `Tensor …`, Keras like TF). */
  framework: Framework;
  dialect: Dialect;
  /** The dtype the framework computes in (float64: `np.array(…)`, `dtype=torch.float64`). */
  dtype: DType;
  /** softmax / log_softmax: the axis as written (negative from the end); null = the framework's default. */
  axis: number | null;
  /** Parameters per activation id, e.g. { leaky_relu: { alpha: 0.2 } }; missing ones take the dialect's defaults. */
  params: Partial<Record<ActivationId, Record<string, number>>>;
  epsilon: number;
  /** Where the input came from, so "insert as comment" knows where to write. */
  source: SourceRef | null;
  /** Where the input's values came from, shown as text above the chart: "live value of x at frame main, line 28",
   * or the binding they were resolved from. At most MAX_CAPTION characters. */
  caption?: string;
  /** The input is a PyTorch tensor that requires grad (resolved from the code): PyTorch's print of a result then
   * ends with the activation's `grad_fn=<…>`, whichever activation the chart shows. */
  requiresGrad?: true;
}

/** The longest caption a request carries (the validator refuses longer ones). */
export const MAX_CAPTION = 300;

/** A caption cut to MAX_CAPTION characters (a long path or binding text ends in "…"). */
export function boundedCaption(text: string): string {
  const t = text.trim();
  return t.length <= MAX_CAPTION ? t : `${t.slice(0, MAX_CAPTION - 1)}\u2026`;
}

/** The core's Subject for one of the request's activations (its parameters completed with the dialect's defaults). */
export function subjectOfRequest(request: PlotRequest, id: ActivationId = request.activations[0]): Subject {
  return {
    activation: id,
    framework: request.framework,
    dialect: request.dialect,
    dtype: request.dtype,
    params: { ...defaultParams(id, request.dialect), ...(request.params[id] ?? {}) },
    axis: request.axis,
    input: request.input,
  };
}

/** A request that plots a subject (and, to compare, other activations on the same input). */
export function requestOfSubject(
  subject: Subject & { source?: Pick<SubjectSource, 'gradSuffix'> },
  epsilon: number,
  source: SourceRef | null,
  activations: ActivationId[] = [subject.activation],
): PlotRequest {
  return {
    // An evaluation whose result prints an autograd suffix came from a tensor that requires grad.
    ...(subject.source?.gradSuffix !== undefined && { requiresGrad: true as const }),
    activations,
    input: subject.input,
    framework: subject.framework,
    dialect: subject.dialect,
    dtype: subject.dtype,
    axis: subject.axis,
    params: { [subject.activation]: subject.params },
    epsilon,
    source,
  };
}

/** The request with this caption, or with none when `caption` is undefined or empty (an earlier one is dropped). */
export function withCaption(request: PlotRequest, caption: string | undefined): PlotRequest {
  const out = { ...request };
  delete out.caption;
  return caption ? { ...out, caption: boundedCaption(caption) } : out;
}

/** A request says nothing about the code it came from: no hint to show, nothing ignored. */
const REQUEST_SOURCE: SubjectSource = {
  frameworkHint: 'call',
  callee: null,
  ignoredParams: [],
  argText: null,
  fromInnerCall: false,
  integerLiteral: false,
};

/** One of the request's activations evaluated through the core pipeline, as the hover evaluates it (null: no input,
 * or a vector activation of a scalar). Throws an Error with a readable message when the core refuses the input. */
export function evaluateRequest(
  request: PlotRequest,
  id: ActivationId = request.activations[0],
): Evaluated | null {
  const subject = subjectOfRequest(request, id);
  const input = subject.input;
  if (!input || (getActivation(id).vector && input.shape.length === 0)) return null;
  const gradFn = request.requiresGrad && request.framework === 'pytorch' ? TORCH_GRAD_FN[id] : undefined;
  const source = gradFn ? { ...REQUEST_SOURCE, gradSuffix: `grad_fn=<${gradFn}>` } : REQUEST_SOURCE;
  return evaluateSubject({ ...subject, input }, request.epsilon, source);
}
