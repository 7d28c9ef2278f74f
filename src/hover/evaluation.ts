// Turns a detection into numbers and printed text: parse the literal, evaluate the activation in the call's
// dialect (softmax along the call's axis), print the result and the derivative the way the framework prints them,
// summarise saturation. Pure (no vscode): shared by the hover, CodeLens, inlay hints and Copy result.
import {
  DIALECTS,
  ParseError,
  isActivationId,
  analyzeInputs,
  defaultParams,
  evaluate,
  formatArray,
  getActivation,
  parseArray,
  printStyleForDialect,
  reduceSum,
  resolveParams,
  summarizeArray,
  tfjsKernel,
  type ActivationId,
  type Detection,
  type DetectFramework,
  type Dialect,
  type DType,
  type PrintStyle,
} from '../core';
import { formatTfjs } from './tfjsPrint';

/** The printers: the core's four styles, plus TF.js's own `print()` text. */
export type HoverPrintStyle = PrintStyle | 'tfjs';

export interface HoverSettings {
  defaultActivation: ActivationId;
  defaultDialect: Dialect;
  epsilon: number;
  maxElements: number;
}

/** Above this many elements the hover shows NumPy-style first/last values; Copy result keeps the full print. */
export const HOVER_FULL_PRINT_LIMIT = 100;

export interface SaturationLine {
  count: number;
  saturated: number;
  dead: number;
  left: 'soft' | 'hard' | 'none';
  right: 'soft' | 'hard' | 'none';
}

export interface Evaluated {
  kind: 'ok';
  activation: ActivationId;
  dialect: Dialect;
  /** Parameters used: the dialect's defaults, overridden by the call's own. */
  params: Record<string, number>;
  /** Written in the call but not applied (not literal, or not a parameter of this activation). */
  ignoredParams: string[];
  framework: DetectFramework | null;
  style: HoverPrintStyle;
  dtype: DType;
  /** softmax / log_softmax: the axis used (non-negative), else null. */
  axis: number | null;
  input: { values: number[]; shape: number[]; text: string };
  output: ArrayLike<number>;
  derivative: ArrayLike<number>;
  /** The full print of the result and of the derivative (what Copy result copies); computed on first use. */
  readonly printed: string;
  readonly printedDerivative: string;
  /** What the hover shows: the full print, or its first/last values beyond HOVER_FULL_PRINT_LIMIT. */
  readonly shown: string;
  readonly shownDerivative: string;
  summarised: boolean;
  saturation: SaturationLine;
  /** softmax: the sum of the result as the framework prints a reduce-sum (`tf.Tensor(1.0, shape=(), dtype=float32)`). */
  sum: { label: string; printed: string } | null;
}

export type EvaluationResult =
  | Evaluated
  /** A call whose input is not a literal (`F.gelu(x)`). */
  | {
      kind: 'noInput';
      activation: ActivationId;
      dialect: Dialect;
      params: Record<string, number>;
      ignoredParams: string[];
    }
  /** The literal is longer than the text the detector reads. */
  | { kind: 'truncated' }
  /** More elements than the maxElements setting. */
  | { kind: 'tooLarge'; limit: number }
  /** The literal could not be read or evaluated. */
  | { kind: 'error'; message: string; phase: 'parse' | 'evaluate' };

/** How a dialect / framework prints: TF eager str for TensorFlow and Keras, torch repr, NumPy str for JAX (float32)
 * and for exact maths (float64), TF.js print() for TF.js. */
export function printStyleFor(
  dialect: Dialect,
  framework: DetectFramework | null,
): { style: HoverPrintStyle; dtype: DType } {
  if (framework === 'tfjs') return { style: 'tfjs', dtype: 'float32' };
  return printStyleForDialect(dialect);
}

/** Prints values in a hover style; `summary` keeps only the first and last values of each long axis. */
export function printValues(
  values: ArrayLike<number>,
  shape: readonly number[],
  style: HoverPrintStyle,
  dtype: DType,
  summary = false,
): string {
  if (style === 'tfjs') return formatTfjs(values, shape);
  return summary ? summarizeArray(values, shape, style, dtype) : formatArray(values, shape, style, dtype);
}

/** What each framework calls a full reduction, for the softmax sum line. */
const SUM_LABEL: Record<HoverPrintStyle, Record<Dialect, string>> = {
  tensorflow: {
    tensorflow: 'tf.reduce_sum',
    pytorch: 'tf.reduce_sum',
    jax: 'tf.reduce_sum',
    exact: 'tf.reduce_sum',
  },
  pytorch: { tensorflow: 'torch.sum', pytorch: 'torch.sum', jax: 'torch.sum', exact: 'torch.sum' },
  numpy: { tensorflow: 'np.sum', pytorch: 'np.sum', jax: 'jnp.sum', exact: 'np.sum' },
  json: { tensorflow: 'sum', pytorch: 'sum', jax: 'sum', exact: 'sum' },
  tfjs: { tensorflow: 'tf.sum', pytorch: 'tf.sum', jax: 'tf.sum', exact: 'tf.sum' },
};

/** The axis a softmax call reduces over, as a non-negative index, or an error text. PyTorch's implicit dim:
 * 0 for 0-, 1- and 3-d input, else 1 (with a warning in PyTorch). */
export function softmaxAxis(d: Detection | null, rank: number): number | string {
  if (rank === 0) return 0;
  let axis = d?.axis;
  if (axis === undefined) axis = d?.framework === 'pytorch' ? (rank === 1 || rank === 3 ? 0 : 1) : -1;
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) return `axis ${axis} is out of range for an array of rank ${rank}`;
  return a;
}

/** Moves `axis` to the end (row-major); returns the permuted values and shape. */
export function moveAxisLast(
  values: ArrayLike<number>,
  shape: readonly number[],
  axis: number,
): { values: number[]; shape: number[] } {
  const rank = shape.length;
  const order = [...Array(rank).keys()].filter((k) => k !== axis).concat(axis);
  return { values: permute(values, shape, order), shape: order.map((k) => shape[k]) };
}

/** Inverse of moveAxisLast: `shape` is the original shape. */
export function moveAxisBack(values: ArrayLike<number>, shape: readonly number[], axis: number): number[] {
  const rank = shape.length;
  const order = [...Array(rank).keys()].filter((k) => k !== axis).concat(axis);
  const permutedShape = order.map((k) => shape[k]);
  const inverse = new Array<number>(rank);
  order.forEach((k, i) => (inverse[k] = i));
  return permute(values, permutedShape, inverse);
}

/** out[j...] = in[...] with out axis i = in axis order[i]. */
function permute(values: ArrayLike<number>, shape: readonly number[], order: readonly number[]): number[] {
  const rank = shape.length;
  const n = values.length;
  const inStrides = new Array<number>(rank);
  let s = 1;
  for (let k = rank - 1; k >= 0; k--) {
    inStrides[k] = s;
    s *= shape[k];
  }
  const outShape = order.map((k) => shape[k]);
  const out = new Array<number>(n);
  const idx = new Array<number>(rank).fill(0);
  for (let j = 0; j < n; j++) {
    let src = 0;
    for (let i = 0; i < rank; i++) src += idx[i] * inStrides[order[i]];
    out[j] = values[src];
    for (let i = rank - 1; i >= 0; i--) {
      if (++idx[i] < outShape[i]) break;
      idx[i] = 0;
    }
  }
  return out;
}

function isVector(id: ActivationId): boolean {
  return id === 'softmax' || id === 'log_softmax';
}

/** The activation's parameters: dialect defaults, then the call's literal values (only names it has). */
function paramsFor(
  id: ActivationId,
  dialect: Dialect,
  written: Record<string, number>,
): { params: Record<string, number>; ignored: string[] } {
  const params: Record<string, number> = { ...defaultParams(id, dialect) };
  const known = new Set(getActivation(id).params.map((p) => p.name));
  const ignored: string[] = [];
  for (const [k, v] of Object.entries(written)) {
    if (known.has(k)) params[k] = v;
    else ignored.push(k);
  }
  return { params, ignored };
}

/** Reads the detection's input (its literal, or the value of an inner activation call). */
function inputOf(
  d: Detection,
  settings: HoverSettings,
  depth: number,
): { values: number[]; shape: number[]; text: string } | EvaluationResult | null {
  const text = d.inputText;
  if (text !== null) {
    let parsed: { values: ArrayLike<number>; shape: readonly number[] };
    try {
      parsed = parseArray(text, { maxElements: settings.maxElements });
    } catch (err) {
      if (err instanceof ParseError && /more than|too many|maxElements|limit/i.test(err.message)) {
        return { kind: 'tooLarge', limit: settings.maxElements };
      }
      // Fall back to the bare literal inside a wrapper the parser does not know.
      if (d.literalText && d.literalText !== text) {
        try {
          parsed = parseArray(d.literalText, { maxElements: settings.maxElements });
        } catch {
          return { kind: 'error', phase: 'parse', message: err instanceof Error ? err.message : String(err) };
        }
      } else {
        return { kind: 'error', phase: 'parse', message: err instanceof Error ? err.message : String(err) };
      }
    }
    if (parsed.values.length > settings.maxElements) return { kind: 'tooLarge', limit: settings.maxElements };
    return { values: Array.from(parsed.values), shape: [...parsed.shape], text: d.literalText ?? text };
  }
  if (d.inner && depth < 4) {
    const inner = evaluateDetection(d.inner, settings, undefined, depth + 1);
    if (inner.kind !== 'ok') return inner.kind === 'noInput' ? null : inner;
    return {
      values: Array.from(inner.output),
      shape: inner.input.shape,
      text: d.argText ?? inner.input.text,
    };
  }
  return null;
}

/**
 * Evaluates a detection. Calls use their activation, dialect and parameters; bare arrays the `activation`
 * argument (a hover's switch link) or the default-activation setting, in the default dialect.
 */
export function evaluateDetection(
  d: Detection,
  settings: HoverSettings,
  activation?: ActivationId,
  depth = 0,
): EvaluationResult {
  const id: ActivationId =
    d.kind === 'call' && d.activation ? d.activation : (activation ?? settings.defaultActivation);
  const dialect: Dialect = d.kind === 'call' && d.dialect ? d.dialect : settings.defaultDialect;
  const framework = d.kind === 'call' ? (d.framework ?? null) : null;
  const { params, ignored } = paramsFor(id, dialect, d.kind === 'call' ? d.params : {});
  const ignoredParams = [...(d.ignoredParams ?? []), ...ignored];
  if (d.truncated) return { kind: 'truncated' };
  const input = inputOf(d, settings, depth);
  if (input === null) return { kind: 'noInput', activation: id, dialect, params, ignoredParams };
  if ('kind' in input) return input;
  try {
    return compute(d, id, dialect, framework, params, ignoredParams, input, settings.epsilon);
  } catch (err) {
    return { kind: 'error', phase: 'evaluate', message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * TF.js's CPU backend holds float32 tensors but computes each op with JavaScript's float64 Math on them and stores
 * the result as float32 (tfjs-backend-cpu kernels): not TensorFlow's Eigen float32 kernels (tf.sigmoid(2) prints
 * 0.8807971 in TF.js, 0.880797 in the article's TensorFlow). TF.js's own ops and their op-by-op gradients are the
 * core's `tfjsKernel`; an activation TF.js has no op for is float64 maths on the float32 inputs, rounded.
 */
export function evaluateTfjs(
  id: ActivationId,
  values: number[],
  shape: number[],
  params: Record<string, number>,
): { values: Float32Array; derivative: Float32Array } {
  const op =
    shape.length > 0 || !getActivation(id).vector
      ? tfjsKernel(id, values, shape, resolveParams(id, 'tensorflow', params))
      : null;
  if (op) return op;
  const inputs = Float32Array.from(values);
  const ev = evaluate(id, inputs, shape, { dialect: 'exact', params });
  return { values: Float32Array.from(ev.values), derivative: Float32Array.from(ev.derivative) };
}

/** Evaluates with softmax's axis moved last and back (the core normalises along the last axis). */
function evaluateAlong(
  id: ActivationId,
  input: { values: number[]; shape: number[] },
  axis: number | null,
  dialect: Dialect,
  params: Record<string, number>,
  epsilon: number | null,
  tfjs = false,
): {
  output: ArrayLike<number>;
  derivative: ArrayLike<number>;
  summary: ReturnType<typeof analyzeInputs>['summary'] | null;
} {
  const rank = input.shape.length;
  const moved = axis !== null && rank > 1 && axis !== rank - 1;
  const { values, shape } = moved ? moveAxisLast(input.values, input.shape, axis) : input;
  const ev = tfjs
    ? evaluateTfjs(id, values, shape, params)
    : evaluate(id, values, shape, { dialect, params });
  const summary =
    epsilon === null ? null : analyzeInputs(id, values, shape, { epsilon, dialect, params }).summary;
  if (!moved) return { output: ev.values, derivative: ev.derivative, summary };
  return {
    output: moveAxisBack(ev.values, input.shape, axis),
    derivative: moveAxisBack(ev.derivative, input.shape, axis),
    summary,
  };
}

/** Everything Copy result needs to print a result again (a hover link carries it instead of a long text). */
export interface PrintSpec {
  activation: ActivationId;
  dialect: Dialect;
  params: Record<string, number>;
  axis: number | null;
  style: HoverPrintStyle;
  dtype: DType;
  values: number[];
  shape: number[];
}

const STYLES: readonly HoverPrintStyle[] = ['numpy', 'tensorflow', 'pytorch', 'json', 'tfjs'];

/** Validates a PrintSpec that arrived as a command argument (non-finite values as 'NaN' / 'Infinity' strings). */
export function parsePrintSpec(raw: unknown): PrintSpec | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.activation !== 'string' || !isActivationId(r.activation)) return null;
  if (typeof r.dialect !== 'string' || !(DIALECTS as readonly string[]).includes(r.dialect)) return null;
  if (typeof r.style !== 'string' || !(STYLES as readonly string[]).includes(r.style)) return null;
  if (r.dtype !== 'float32' && r.dtype !== 'float64') return null;
  if (!(r.axis === null || (typeof r.axis === 'number' && Number.isInteger(r.axis)))) return null;
  if (typeof r.params !== 'object' || r.params === null) return null;
  const params = r.params as Record<string, unknown>;
  if (!Object.values(params).every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
  if (!Array.isArray(r.values) || !Array.isArray(r.shape)) return null;
  const values = r.values.map((v) =>
    typeof v === 'number' ? v : v === 'NaN' || v === 'Infinity' || v === '-Infinity' ? Number(v) : undefined,
  );
  if (values.some((v) => v === undefined)) return null;
  const shape = r.shape as unknown[];
  if (!shape.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) return null;
  if ((shape as number[]).reduce((a, b) => a * b, 1) !== values.length) return null;
  return {
    activation: r.activation,
    dialect: r.dialect as Dialect,
    params: params as Record<string, number>,
    axis: r.axis as number | null,
    style: r.style as HoverPrintStyle,
    dtype: r.dtype,
    values: values as number[],
    shape: shape as number[],
  };
}

/** The full print of a result described by a PrintSpec. */
export function printFromSpec(spec: PrintSpec): string {
  const { output } = evaluateAlong(
    spec.activation,
    spec,
    spec.axis,
    spec.dialect,
    spec.params,
    null,
    spec.style === 'tfjs',
  );
  return printValues(output, spec.shape, spec.style, spec.dtype);
}

function compute(
  d: Detection,
  id: ActivationId,
  dialect: Dialect,
  framework: DetectFramework | null,
  params: Record<string, number>,
  ignoredParams: string[],
  input: { values: number[]; shape: number[]; text: string },
  epsilon: number,
): Evaluated {
  const { style, dtype } = printStyleFor(dialect, framework);
  const rank = input.shape.length;
  let axis: number | null = null;
  if (isVector(id)) {
    const a = softmaxAxis(d.kind === 'call' ? d : null, rank);
    if (typeof a === 'string') throw new Error(a);
    axis = a;
  }
  const tfjs = framework === 'tfjs';
  const { output, derivative, summary } = evaluateAlong(id, input, axis, dialect, params, epsilon, tfjs);
  const s = summary as NonNullable<typeof summary>;
  const count = input.values.length;
  const summarised = count > HOVER_FULL_PRINT_LIMIT && style !== 'tfjs';
  const props = getActivation(id).properties;
  let sum: Evaluated['sum'] = null;
  if (id === 'softmax') {
    // TF.js sums float32 values in float64 and stores float32.
    const total = tfjs ? Math.fround(reduceSum(output, 'exact')) : reduceSum(output, dialect);
    sum = { label: SUM_LABEL[style][dialect], printed: printValues([total], [], style, dtype) };
  }
  // Full prints of long arrays cost milliseconds: made on first use (Copy result, tooltips), not for the hover.
  let printed: string | undefined;
  let printedDerivative: string | undefined;
  let shown: string | undefined;
  let shownDerivative: string | undefined;
  return {
    kind: 'ok',
    activation: id,
    dialect,
    params,
    ignoredParams,
    framework,
    style,
    dtype,
    axis,
    input,
    output,
    derivative,
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
      left: props.leftSaturation,
      right: props.rightSaturation,
    },
    sum,
  };
}

/** The PlotRequest-like description from which Copy result prints the full result again. */
export function printSpecOf(ev: Evaluated): PrintSpec {
  return {
    activation: ev.activation,
    dialect: ev.dialect,
    params: ev.params,
    axis: ev.axis,
    style: ev.style,
    dtype: ev.dtype,
    values: ev.input.values,
    shape: ev.input.shape,
  };
}

/** A short result for CodeLens / inlay hints: `[0.0474 … 0.9526]`, `[0.2, 0.8]`, `0.5`. */
export function shortResult(values: ArrayLike<number>, shape: readonly number[]): string {
  const num = (v: number): string => {
    if (Number.isNaN(v)) return 'nan';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    const a = Math.abs(v);
    if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2);
    return v.toFixed(4);
  };
  if (shape.length === 0 && values.length === 1) return num(values[0]);
  if (values.length === 0) return '[]';
  if (values.length === 1) return `[${num(values[0])}]`;
  if (values.length === 2) return `[${num(values[0])}, ${num(values[1])}]`;
  return `[${num(values[0])} \u2026 ${num(values[values.length - 1])}]`;
}
