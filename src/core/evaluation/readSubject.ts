// The first stage: what a piece of code means. A detection (the call or array literal the detector found around an
// offset) or a selected text becomes a subject: the input's values, the activation, and the framework chosen by the
// strongest hint — the call itself, else the input's wrapper or printout style, else the dialect setting.
import { defaultParams, getActivation } from '../activations/registry';
import type { Detection } from '../detect/detect';
import { DIALECT_FRAMEWORK, FRAMEWORK_DIALECT, type Framework, type FrameworkHint } from '../framework';
import { dtypeForDialect } from '../format/dialectStyle';
import { parseArray } from '../parse';
import { ParseError } from '../parse/errors';
import type { ResolvedValue } from '../resolve/types';
import type { ActivationId } from '../types';
import { evaluateSubject } from './evaluateSubject';
import { dtypeWrittenIn, frameworkHintOf } from './hints';
import { resolveCallInput, type ResolutionContext, type ResolvedInput } from './resolution';
import {
  evaluationError,
  type EvaluationSettings,
  type Subject,
  type SubjectInput,
  type SubjectResult,
  type SubjectSource,
  type Unresolved,
} from './subject';

/** How deep `relu(sigmoid(tanh(…)))` is followed. */
const MAX_INNER_CALLS = 4;

/** The activation's parameters: the dialect's defaults, then the written values it has (others are ignored). */
function paramsFor(
  id: ActivationId,
  dialect: Subject['dialect'],
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

/** Parses an input text; a ParseError becomes a result (tooLarge by its kind, never by its message). */
function parseInput(
  text: string,
  maxElements: number,
): { values: number[]; shape: number[] } | Extract<SubjectResult, { kind: 'tooLarge' | 'error' }> {
  try {
    const parsed = parseArray(text, { maxElements });
    return { values: Array.from(parsed.values), shape: [...parsed.shape] };
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    if (err.kind === 'tooLarge') return { kind: 'tooLarge', limit: maxElements };
    return { kind: 'error', phase: 'parse', message: err.message, offset: err.offset };
  }
}

/** Only integers written (no dtype, no decimal point): Python frameworks would build an integer tensor. */
function isIntegerLiteral(literal: string, inputText: string): boolean {
  return /\d/.test(literal) && /^[\s[\](),+\-\d_]+$/.test(literal) && !/dtype|float/.test(inputText);
}

/** The framework of a bare input: its wrapper or printout style, else the dialect setting's framework. */
function frameworkOfText(
  text: string,
  settings: EvaluationSettings,
  aliases: Readonly<Record<string, string>>,
): { framework: Framework; hint: FrameworkHint } {
  return (
    frameworkHintOf(text, aliases) ?? {
      framework: DIALECT_FRAMEWORK[settings.defaultDialect],
      hint: 'setting',
    }
  );
}

/** A subject for a framework (dialect, dtype) and activation, without its input yet. */
function subjectFor(
  id: ActivationId,
  framework: Framework,
  written: Record<string, number>,
  axis: number | null,
  inputText: string | null,
): { subject: Subject; ignored: string[] } {
  const dialect = FRAMEWORK_DIALECT[framework];
  const { params, ignored } = paramsFor(id, dialect, written);
  const dtype = (inputText !== null ? dtypeWrittenIn(inputText) : null) ?? dtypeForDialect(dialect);
  return { subject: { activation: id, framework, dialect, dtype, params, axis, input: null }, ignored };
}

/**
 * What a detection means. Calls use their activation, framework and parameters; bare arrays `arrayActivation`
 * (a hover's switch link) or the default-activation setting, in the framework their text names.
 */
export function subjectOfDetection(
  d: Detection,
  settings: EvaluationSettings,
  aliases: Readonly<Record<string, string>> = {},
  arrayActivation?: ActivationId,
  resolution?: ResolutionContext,
  depth = 0,
): SubjectResult {
  if (d.truncated) return { kind: 'truncated' };
  const isCall = d.kind === 'call' && d.activation !== undefined && d.framework !== undefined;
  const id: ActivationId = isCall
    ? (d.activation as ActivationId)
    : (arrayActivation ?? settings.defaultActivation);
  const chosen: { framework: Framework; hint: FrameworkHint } = isCall
    ? { framework: d.framework as Framework, hint: 'call' }
    : frameworkOfText(d.inputText ?? '', settings, aliases);
  const { subject, ignored } = subjectFor(
    id,
    chosen.framework,
    isCall ? d.params : {},
    d.axis ?? null,
    d.inputText,
  );
  const source: SubjectSource = {
    frameworkHint: chosen.hint,
    callee: isCall ? (d.callee ?? null) : null,
    ignoredParams: [...(d.ignoredParams ?? []), ...ignored],
    argText: d.argText ?? null,
    fromInnerCall: false,
    integerLiteral:
      isCall &&
      chosen.framework !== 'tfjs' &&
      d.inputText !== null &&
      isIntegerLiteral(d.literalText ?? '', d.inputText),
  };
  const input = inputOfDetection(d, settings, aliases, depth, resolution);
  if (input === null) return { kind: 'noInput', subject, source };
  if ('unresolved' in input) {
    const u = input.unresolved;
    const why = { name: u.name, line: u.line, reason: u.reason, hint: u.hint };
    return {
      kind: 'noInput',
      subject,
      source: { ...source, unresolved: u.cell !== undefined ? { ...why, cell: u.cell } : why },
    };
  }
  if ('kind' in input) return input;
  if ('resolved' in input) {
    const { resolved } = input;
    Object.assign(source, resolved.source);
    if (resolved.dtype) subject.dtype = resolved.dtype;
    return { kind: 'subject', subject: { ...subject, input: resolved.input }, source };
  }
  source.fromInnerCall = d.inputText === null;
  return { kind: 'subject', subject: { ...subject, input }, source };
}

type InputOfDetection =
  | SubjectInput
  | { resolved: ResolvedInput }
  | { unresolved: Unresolved }
  | Extract<SubjectResult, { kind: 'tooLarge' | 'error' | 'truncated' }>
  | null;

/**
 * The detection's input: its literal (or the bare literal inside an unknown wrapper), an inner call's result, or
 * (with a resolution context) the value the code gives its argument.
 */
function inputOfDetection(
  d: Detection,
  settings: EvaluationSettings,
  aliases: Readonly<Record<string, string>>,
  depth: number,
  resolution: ResolutionContext | undefined,
): InputOfDetection {
  if (d.inputText !== null) {
    let parsed = parseInput(d.inputText, settings.maxElements);
    if ('kind' in parsed && parsed.kind === 'error' && d.literalText && d.literalText !== d.inputText) {
      const bare = parseInput(d.literalText, settings.maxElements);
      if (!('kind' in bare)) parsed = bare;
    }
    if ('kind' in parsed) return parsed;
    return { ...parsed, text: d.literalText ?? d.inputText };
  }
  if (d.inner && depth < MAX_INNER_CALLS) {
    const inner = subjectOfDetection(d.inner, settings, aliases, undefined, resolution, depth + 1);
    if (inner.kind === 'noInput')
      return inner.source.unresolved
        ? { unresolved: { kind: 'unresolved', ...inner.source.unresolved } }
        : null;
    if (inner.kind !== 'subject') return inner;
    try {
      const ev = evaluateSubject(inner.subject, settings.epsilon, inner.source);
      return { values: Array.from(ev.output), shape: ev.input.shape, text: d.argText ?? ev.input.text };
    } catch (err) {
      return evaluationError(err);
    }
  }
  if (resolution && d.activation !== undefined && d.framework !== undefined) {
    const r = resolveCallInput(d, d.activation, d.framework, resolution, settings.maxElements, aliases);
    if (r === null) return null;
    if (r.kind === 'unresolved') return { unresolved: r };
    if (r.kind === 'resolved') return { resolved: r };
    return r;
  }
  return null;
}

/**
 * What a selected text means on its own (no call around it): its values, in the framework its wrapper or printout
 * names (else the dialect setting's), with `activation` or the default-activation setting. Parse errors carry the
 * offset into `text`.
 */
export function subjectOfText(
  text: string,
  settings: EvaluationSettings,
  aliases: Readonly<Record<string, string>> = {},
  activation?: ActivationId,
): SubjectResult {
  const chosen = frameworkOfText(text, settings, aliases);
  const id = activation ?? settings.defaultActivation;
  const { subject } = subjectFor(id, chosen.framework, {}, null, text);
  const parsed = parseInput(text, settings.maxElements);
  if ('kind' in parsed) return parsed;
  const source: SubjectSource = {
    frameworkHint: chosen.hint,
    callee: null,
    ignoredParams: [],
    argText: null,
    fromInnerCall: false,
    integerLiteral: false,
  };
  return { kind: 'subject', subject: { ...subject, input: { ...parsed, text } }, source };
}

/** The framework whose rules a resolved value follows (a Python list: the dialect setting's). */
function frameworkOfValue(v: ResolvedValue, settings: EvaluationSettings): Framework {
  return v.framework === 'python' ? DIALECT_FRAMEWORK[settings.defaultDialect] : v.framework;
}

/**
 * A resolved value (the name `y` under the mouse) as a bare array: `activation` or the default-activation setting,
 * in the value's framework and dtype. Integer, bool and half values give an error that says why.
 */
export function subjectOfValue(
  v: ResolvedValue,
  settings: EvaluationSettings,
  activation?: ActivationId,
): SubjectResult {
  if (v.dtype !== 'float32' && v.dtype !== 'float64')
    return {
      kind: 'error',
      phase: 'evaluate',
      message: `dtype ${v.dtype}: Activation Lens evaluates float32 and float64 values only`,
    };
  const framework = frameworkOfValue(v, settings);
  const id = activation ?? settings.defaultActivation;
  const { subject } = subjectFor(id, framework, {}, null, null);
  if (v.framework !== 'python' && v.framework !== 'tfjs') subject.dtype = v.dtype;
  const source: SubjectSource = {
    frameworkHint: v.framework === 'python' ? 'setting' : 'wrapper',
    callee: null,
    ignoredParams: [],
    argText: null,
    fromInnerCall: false,
    integerLiteral: false,
    resolved: { expression: v.origin?.name ?? '', origin: v.origin },
  };
  const input = { values: Array.from(v.values), shape: v.shape.slice(), text: v.origin?.text ?? '' };
  return { kind: 'subject', subject: { ...subject, input }, source };
}
