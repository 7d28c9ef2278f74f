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
  const sum =
    id === 'softmax'
      ? {
          label: SUM_LABELS[subject.framework],
          printed: printValues([reduceSum(output, dialect)], [], style, subject.dtype),
        }
      : null;
  return new EvaluatedSubject(
    subject,
    source,
    axis,
    style,
    output,
    derivative,
    elements,
    analysis.summary,
    sum,
  );
}

/** An Evaluated with its prints made on first use (a class: a fixed shape with prototype getters is what V8 makes
 * fast; the hover builds one per mouse rest). */
class EvaluatedSubject implements Evaluated {
  readonly kind = 'ok';
  readonly activation: Subject['activation'];
  readonly framework: Subject['framework'];
  readonly dialect: Subject['dialect'];
  readonly dtype: Subject['dtype'];
  readonly params: Subject['params'];
  readonly input: SubjectInput;
  readonly summarised: boolean;
  readonly saturation: SaturationLine;
  private printedText: string | undefined;
  private printedDerivativeText: string | undefined;
  private shownText: string | undefined;
  private shownDerivativeText: string | undefined;

  constructor(
    subject: Subject & { input: SubjectInput },
    readonly source: SubjectSource,
    readonly axis: number | null,
    readonly style: PrintStyle,
    readonly output: Float64Array,
    readonly derivative: Float64Array,
    readonly elements: ElementAnalysis[],
    readonly summary: InputSummary,
    readonly sum: Evaluated['sum'],
  ) {
    this.activation = subject.activation;
    this.framework = subject.framework;
    this.dialect = subject.dialect;
    this.dtype = subject.dtype;
    this.params = subject.params;
    this.input = subject.input;
    this.summarised = output.length > HOVER_FULL_PRINT_LIMIT && style !== 'tfjs';
    const props = getActivation(subject.activation).properties;
    this.saturation = {
      count: summary.count,
      saturated: summary.saturated,
      dead: summary.dead,
      left: props.leftSaturation,
      right: props.rightSaturation,
    };
  }

  /** The result carries the autograd suffix of print(y); the derivative is a plain tensor (y.grad's print). */
  private print(values: ArrayLike<number>, summary: boolean, result = false): string {
    const suffix = result ? this.source.gradSuffix : undefined;
    return printValues(values, this.input.shape, this.style, this.dtype, summary, suffix);
  }

  get printed(): string {
    return (this.printedText ??= this.print(this.output, false, true));
  }

  get printedDerivative(): string {
    return (this.printedDerivativeText ??= this.print(this.derivative, false));
  }

  get shown(): string {
    return (this.shownText ??= this.summarised ? this.print(this.output, true, true) : this.printed);
  }

  get shownDerivative(): string {
    return (this.shownDerivativeText ??= this.summarised
      ? this.print(this.derivative, true)
      : this.printedDerivative);
  }
}
