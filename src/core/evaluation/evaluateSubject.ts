// The second stage: a subject's values, derivative (the Jacobian diagonal for softmax), per-element saturation,
// the framework's exact prints of both, the saturation summary and the softmax sum. Softmax along any axis: the
// axis is moved last, evaluated, and moved back.
import { getActivation } from '../activations/registry';
import { reduceSum } from '../activations/reduce';
import { SUM_LABELS, FRAMEWORK_PRINT_STYLE, HOVER_FULL_PRINT_LIMIT, printValues } from './printing';
import { analyzeInputs, type ElementAnalysis, type InputSummary } from '../saturation/analysis';
import type { Dialect, PrintStyle, SaturationKind } from '../types';
import { axisLastOrder, axisLastShape, gather, resolveAxis, scatter } from './axis';
import type { Subject, SubjectInput, SubjectSource } from './subject';

export interface SaturationLine {
  count: number;
  saturated: number;
  dead: number;
  left: SaturationKind;
  right: SaturationKind;
}

/** An evaluated subject. The subject's fields are repeated at the top level for the renderers. */
export interface Evaluated extends Subject {
  kind: 'ok';
  input: SubjectInput;
  source: SubjectSource;
  /** softmax / log_softmax: the axis used (non-negative); else null. */
  axis: number | null;
  style: PrintStyle;
  output: ArrayLike<number>;
  derivative: ArrayLike<number>;
  /** Per element, in the input's order: saturated / dead / side under ε. */
  elements: ElementAnalysis[];
  summary: InputSummary;
  /** The full print of the result and of the derivative (Copy result); computed on first use. */
  readonly printed: string;
  readonly printedDerivative: string;
  /** What a hover shows: the full print, or the framework's first/last values beyond HOVER_FULL_PRINT_LIMIT. */
  readonly shown: string;
  readonly shownDerivative: string;
  summarised: boolean;
  saturation: SaturationLine;
  /** softmax: the sum of the result as the framework prints a reduce-sum (`tf.Tensor(1.0, shape=(), dtype=float32)`). */
  sum: { label: string; printed: string } | null;
}

/** The kernels a subject runs: its dialect's, or float64 maths when the tensor is float64. */
export function kernelDialect(subject: Pick<Subject, 'dialect' | 'dtype'>): Dialect {
  return subject.dtype === 'float64' ? 'exact' : subject.dialect;
}

/** Evaluates a subject that has an input. Throws an Error with a readable message when the core refuses it. */
export function evaluateSubject(
  subject: Subject & { input: SubjectInput },
  epsilon: number,
  source: SubjectSource,
): Evaluated {
  const { activation: id, input } = subject;
  const info = getActivation(id);
  const dialect = kernelDialect(subject);
  const rank = input.shape.length;
  let axis: number | null = null;
  if (info.vector) {
    const a = resolveAxis(subject.axis, subject.framework, rank);
    if (typeof a === 'string') throw new Error(a);
    axis = a;
  }
  const moved = axis !== null && rank > 1 && axis !== rank - 1;
  const order = moved ? axisLastOrder(input.shape, axis as number) : null;
  const values = order ? gather(input.values, order) : input.values;
  const shape = order ? axisLastShape(input.shape, axis as number) : input.shape;
  const analysis = analyzeInputs(id, values, shape, { epsilon, dialect, params: subject.params });
  const elements = order ? scatter(analysis.elements, order) : analysis.elements;
  const n = elements.length;
  const output = new Float64Array(n);
  const derivative = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    output[i] = elements[i].y;
    derivative[i] = elements[i].dy;
  }
  const style = FRAMEWORK_PRINT_STYLE[subject.framework];
  const dtype = subject.dtype;
  const summarised = n > HOVER_FULL_PRINT_LIMIT && style !== 'tfjs';
  const sum =
    id === 'softmax'
      ? {
          label: SUM_LABELS[subject.framework],
          printed: printValues([reduceSum(output, dialect)], [], style, dtype),
        }
      : null;
  const s = analysis.summary;
  // Full prints of long arrays cost milliseconds: made on first use (Copy result, tooltips), not for every hover.
  let printed: string | undefined;
  let printedDerivative: string | undefined;
  let shown: string | undefined;
  let shownDerivative: string | undefined;
  return {
    ...subject,
    kind: 'ok',
    source,
    axis,
    style,
    output,
    derivative,
    elements,
    summary: s,
    get printed() {
      return (printed ??= printValues(output, input.shape, style, dtype));
    },
    get printedDerivative() {
      return (printedDerivative ??= printValues(derivative, input.shape, style, dtype));
    },
    get shown() {
      return (shown ??= summarised ? printValues(output, input.shape, style, dtype, true) : this.printed);
    },
    get shownDerivative() {
      return (shownDerivative ??= summarised
        ? printValues(derivative, input.shape, style, dtype, true)
        : this.printedDerivative);
    },
    summarised,
    saturation: {
      count: s.count,
      saturated: s.saturated,
      dead: s.dead,
      left: info.properties.leftSaturation,
      right: info.properties.rightSaturation,
    },
    sum,
  };
}
