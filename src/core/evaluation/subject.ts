// The pipeline's two stages and their results: code (text + offset, a selection, a request) becomes a *subject* —
// what to evaluate: the input's values, the activation, framework, dialect, dtype, parameters, axis — and a subject
// becomes an *evaluation* (evaluateSubject.ts). Every surface (hover, CodeLens, inlay hints, Copy result, the
// commands, the side panel, the webview) goes through these two stages, so they cannot disagree.
import type { Framework, FrameworkHint } from '../framework';
import type { Unresolved, ValueOrigin } from '../resolve/types';
import type { ActivationId, Dialect, DType } from '../types';

export type { Unresolved, ValueOrigin } from '../resolve/types';

/** Settings the pipeline reads (mirrors of the extension's settings). */
export interface EvaluationSettings {
  /** The activation of a bare array (no call around it). */
  defaultActivation: ActivationId;
  /** The dialect of a bare array whose text names no framework. */
  defaultDialect: Dialect;
  epsilon: number;
  maxElements: number;
}

export interface SubjectInput {
  /** Flat values, row-major, as written (the dialect rounds them when it evaluates). */
  values: number[];
  shape: number[];
  /** The text the values came from, as written (wrapper or printout included), or the inner call's text. */
  text: string;
}

/** Everything an evaluation depends on. Serialisable: a PlotRequest carries it to the webview and back. */
export interface Subject {
  activation: ActivationId;
  framework: Framework;
  dialect: Dialect;
  dtype: DType;
  /** The activation's parameters: the dialect's defaults completed by the call's values. */
  params: Record<string, number>;
  /** softmax / log_softmax: the axis as written (negative counts from the end); null: the framework's default. */
  axis: number | null;
  input: SubjectInput | null;
}

/** Where a subject came from, for headers and messages; it never changes the numbers. */
export interface SubjectSource {
  frameworkHint: FrameworkHint;
  /** The callee as written (`F.gelu`), for calls. */
  callee: string | null;
  /** Parameters written but not applied (not literal, or not a parameter of this activation). */
  ignoredParams: string[];
  /** The input argument as written when it is not a literal (`x`, or an inner call). */
  argText: string | null;
  /** The input is the result of an inner activation call. */
  fromInnerCall: boolean;
  /** Only integers written and no dtype: the framework would build an integer tensor. */
  integerLiteral: boolean;
  /**
   * The input was computed from the code (`x` bound to `torch.arange(-8.0, 8.0, 0.1)` above): the argument as
   * written and the binding it read (null: an expression written in place). For the headers.
   */
  resolved?: { expression: string; origin: ValueOrigin | null };
  /** The input is not a literal and could not be resolved: which binding stopped it, where, and what would help. */
  unresolved?: Omit<Unresolved, 'kind'>;
  /** PyTorch: the autograd suffix print(y) shows after the values (`grad_fn=<ReluBackward0>`). */
  gradSuffix?: string;
}

/** What the first stage found. */
export type SubjectResult =
  | { kind: 'subject'; subject: Subject & { input: SubjectInput }; source: SubjectSource }
  /** A call whose input is not a literal (`F.gelu(x)`): formula and range, no values. */
  | { kind: 'noInput'; subject: Subject; source: SubjectSource }
  /** The literal is longer than the text the detector reads. */
  | { kind: 'truncated' }
  /** More elements than the maxElements setting. */
  | { kind: 'tooLarge'; limit: number }
  /** The input could not be read; `offset` is into the input text when the parser knows where. */
  | { kind: 'error'; phase: 'parse' | 'evaluate'; message: string; offset?: number };

/** An exception from the core's evaluation as a result (the core throws Errors with readable messages). */
export function evaluationError(err: unknown): Extract<SubjectResult, { kind: 'error' }> {
  return { kind: 'error', phase: 'evaluate', message: err instanceof Error ? err.message : String(err) };
}
