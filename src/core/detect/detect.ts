// The call detector: finds the activation call or numeric array literal around an offset, or every activation
// call in a range. Pure: reads text only through the caller's accessor, at most `maxScan` characters either side.
import type { ActivationId, Dialect } from '../types';
import {
  DEFAULT_JS_ALIASES,
  DEFAULT_PY_ALIASES,
  isWrapperCallee,
  resolveCallee,
  type ArgValue,
  type DetectFramework,
  type ResolvedCallee,
} from './callees';
import { FRAMEWORK_DIALECT } from '../framework';
import { CODE, COMMENT, STRING, isJsLanguage, lexMask, lexModeFor, pairBrackets } from './lexer';
import { numericSpans, type NumericSpans } from './numericSpans';
import { isPlainNumber } from '../parse/names';

/** Half-open offsets [start, end) into the document. */
export interface DetectRange {
  start: number;
  end: number;
}

/**
 * What the detector found.
 *
 * - `kind: 'call'`: an activation call such as `tf.nn.leaky_relu([-3., 0., 3.], alpha=0.2)`. `activation`,
 *   `dialect`, `framework` and `callee` are set; `params` holds the numeric parameters as written, over the
 *   framework's defaults (canonical names: `alpha` for leaky/ELU/CELU slopes and `negative_slope`, `beta`,
 *   `threshold`). `inputText` is the input argument when it is a literal (a bracket literal, a tuple, a number,
 *   or a wrapper like `tf.constant([...])`), else null — then `argText` holds what was written (`x`).
 * - `kind: 'array'`: a bare numeric array literal (or wrapper call) not inside an activation call. Only `range`,
 *   `inputText`, `inputRange` and `literalText` are set; the host picks the activation and dialect.
 *
 * Offsets are absolute document offsets.
 */
export interface Detection {
  kind: 'call' | 'array';
  activation?: ActivationId;
  dialect?: Dialect;
  params: Record<string, number>;
  framework?: DetectFramework;
  /** The input as written, when it is a literal (wrapper included, e.g. `np.array([1., 2.])`); else null. */
  inputText: string | null;
  /** The whole call or array literal (wrapper included). */
  range: DetectRange;
  /** The input argument (call) or the array itself (array). */
  inputRange?: DetectRange;
  /** The innermost bracket literal or number of the input, without a wrapper: `[1., 2.]`. */
  literalText?: string;
  /** softmax / log_softmax: the axis as written or the framework default (-1); undefined = PyTorch's implicit dim. */
  axis?: number;
  /** The callee as written, e.g. `F.gelu`. */
  callee?: string;
  /** The input argument as written when it is not a literal (`x`), for messages. */
  argText?: string;
  /** The input is itself an activation call (`tf.nn.relu(tf.nn.sigmoid([...]))`): its detection. */
  inner?: Detection;
  /** Parameters written but not read: not a literal value, or not a parameter this project models. */
  ignoredParams?: string[];
  /** The closing bracket lies beyond the scanned window: the literal is too long to read here. */
  truncated?: boolean;
}

export interface DetectOptions {
  /** Characters read on each side of the offset (default 20,000). Bounds the cost whatever the file's size. */
  maxScan?: number;
  /** Local name → module (`F` → `torch.nn.functional`), e.g. from `scanImportAliases`. Defaults by language. */
  aliases?: Readonly<Record<string, string>>;
  /** detectCallsIn: stop after this many calls (default 200). */
  maxResults?: number;
  /**
   * A callee no table knows (`act` in `act(x)`): the activation layer object it names at that absolute offset, or
   * null. Consulted only after `resolveCallee` finds nothing (src/core/evaluation/layerCallee.ts builds it).
   */
  layerCallee?: (name: string, absoluteOffset: number) => ResolvedCallee | null;
}

export const DEFAULT_MAX_SCAN = 20_000;
const MAX_NESTING = 4;

/** Python keywords that may precede `(` without making it a call. */
const NOT_CALLEES = new Set([
  'if',
  'elif',
  'while',
  'return',
  'and',
  'or',
  'not',
  'in',
  'is',
  'for',
  'yield',
  'await',
  'lambda',
  'with',
  'assert',
  'del',
  'else',
  'case',
  'of',
  'typeof',
  'print',
]);
/** Keywords that may precede `[` without making it a subscript. */
const NOT_SUBSCRIPTS = new Set([
  'return',
  'in',
  'yield',
  'else',
  'and',
  'or',
  'not',
  'is',
  'lambda',
  'await',
  'case',
  'of',
  'typeof',
  'print',
]);
const INPUT_KEYWORDS = new Set(['x', 'input', 'inputs', 'features', 'logits', 'tensor', 'a']);
const PARAM_KEYWORDS: Readonly<Record<string, string>> = {
  alpha: 'alpha',
  negative_slope: 'alpha',
  weight: 'alpha',
  beta: 'beta',
  threshold: 'threshold',
  max_value: 'max_value',
  approximate: 'approximate',
  axis: 'axis',
  dim: 'axis',
};
/** Keywords that do not change the values. */
const NEUTRAL_KEYWORDS = new Set(['name', 'inplace', 'dtype', '_stacklevel', 'where', 'initial', 'out']);

interface Ctx {
  text: string;
  base: number;
  mask: Uint8Array;
  partner: Int32Array;
  languageId: string;
  aliases: Readonly<Record<string, string>> | undefined;
  layerCallee: DetectOptions['layerCallee'];
  /** Markdown: fences in the window, for the code block's language. */
  fences: { at: number; js: boolean }[] | null;
  /** Built on first use (one pass over the window). */
  spans: NumericSpans | null;
  /** literalIn's answers by span, so that each nesting level is examined once. */
  literals: Map<number, LiteralInfo | null>;
}

const isIdent = (c: string): boolean => /[\w$]/.test(c);
const isChain = (c: string): boolean => /[\w$.]/.test(c);
const CHAIN_RE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

function aliasesAt(ctx: Ctx, pos: number): Readonly<Record<string, string>> {
  if (ctx.fences) {
    let js = false;
    for (const f of ctx.fences) {
      if (f.at > pos) break;
      js = f.js;
    }
    return js ? DEFAULT_JS_ALIASES : (ctx.aliases ?? DEFAULT_PY_ALIASES);
  }
  return ctx.aliases ?? (isJsLanguage(ctx.languageId) ? DEFAULT_JS_ALIASES : DEFAULT_PY_ALIASES);
}

function markdownFences(text: string): { at: number; js: boolean }[] {
  const out: { at: number; js: boolean }[] = [];
  const re = /^[ \t]*(?:`{3,}|~{3,})[ \t]*([\w+#-]*)/gm;
  for (const m of text.matchAll(re)) {
    out.push({ at: m.index ?? 0, js: /^(?:js|javascript|ts|typescript|jsx|tsx|mjs|cjs)$/i.test(m[1]) });
  }
  return out;
}

function makeCtx(text: string, base: number, languageId: string, options: DetectOptions, at = -1) {
  const mode = lexModeFor(languageId);
  const mask = lexMask(text, mode);
  const { partner, enclosing } = pairBrackets(text, mask, at);
  const ctx: Ctx = {
    text,
    base,
    mask,
    partner,
    languageId,
    aliases: options.aliases,
    layerCallee: options.layerCallee,
    fences: languageId === 'markdown' ? markdownFences(text) : null,
    spans: null,
    literals: new Map(),
  };
  return { ctx, enclosing };
}

/** The callee's table entry, else the layer object it names (when the caller can resolve layers). */
function calleeOf(ctx: Ctx, name: string, start: number): ResolvedCallee | null {
  return resolveCallee(name, aliasesAt(ctx, start)) ?? ctx.layerCallee?.(name, ctx.base + start) ?? null;
}

/** The dotted name just before the opener at `o` (spaces allowed between), or null. */
function calleeBefore(ctx: Ctx, o: number): { name: string; start: number } | null {
  const { text, mask } = ctx;
  let j = o - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  const end = j + 1;
  while (j >= 0 && isChain(text[j]) && mask[j] === CODE) j--;
  const start = j + 1;
  if (start === end) return null;
  const name = text.slice(start, end);
  if (NOT_CALLEES.has(name) || /^[\d.]/.test(name)) return null;
  return { name, start };
}

function isSubscript(ctx: Ctx, o: number): boolean {
  const { text } = ctx;
  let j = o - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  if (j < 0) return false;
  const c = text[j];
  if (c === ')' || c === ']') return true;
  if (!isIdent(c)) return false;
  let k = j;
  while (k >= 0 && isIdent(text[k])) k--;
  return !NOT_SUBSCRIPTS.has(text.slice(k + 1, j + 1));
}

/** True when [from, to) holds only numbers (of the shared vocabulary), signs, commas, brackets, spaces and comments. */
function isNumericSpan(ctx: Ctx, from: number, to: number): boolean {
  ctx.spans ??= numericSpans(ctx.text, ctx.mask);
  return ctx.spans.isNumeric(from, to);
}

/** `name =` at the start of [s, e) (a keyword argument), read forward only. */
function startsWithKeyword(text: string, s: number, e: number): boolean {
  let i = s;
  while (i < e && /\w/.test(text[i])) i++;
  if (i === s) return false;
  while (i < e && /\s/.test(text[i])) i++;
  return text[i] === '=' && text[i + 1] !== '=';
}

/** The next comma at the top level of the call whose closer is `c`, from `from` (skipping nested brackets), or c. */
function nextTopLevelComma(ctx: Ctx, from: number, c: number): number {
  const { text, mask, partner } = ctx;
  for (let i = from; i < c; i++) {
    if (mask[i] !== CODE) continue;
    const ch = text[i];
    if ((ch === '(' || ch === '[' || ch === '{') && partner[i] > i && partner[i] < c) {
      i = partner[i];
      continue;
    }
    if (ch === ',') return i;
  }
  return c;
}

/** [s, e) without the spaces and comments at its ends; null when nothing is left. */
function trimmed(ctx: Ctx, s: number, e: number): { start: number; end: number } | null {
  const { text, mask } = ctx;
  while (s < e && (/\s/.test(text[s]) || mask[s] === COMMENT)) s++;
  while (e > s && (/\s/.test(text[e - 1]) || mask[e - 1] === COMMENT)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** Splits the arguments of the call whose opener is `o` (closer `c`) at top-level commas. */
function splitArgs(ctx: Ctx, o: number, c: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let start = o + 1; start <= c;) {
    const end = nextTopLevelComma(ctx, start, c);
    const arg = trimmed(ctx, start, end);
    if (arg) out.push(arg);
    start = end + 1;
  }
  return out;
}

/** A parameter value as written, or undefined when it is not a literal. */
function parseArgValue(raw: string): ArgValue | undefined {
  const t = raw.trim();
  if (isPlainNumber(t)) return Number(t);
  if (t === 'True' || t === 'true') return true;
  if (t === 'False' || t === 'false') return false;
  if (t === 'None' || t === 'null' || t === 'undefined') return null;
  const q = t[0];
  if ((q === "'" || q === '"') && t.length >= 2 && t[t.length - 1] === q) return t.slice(1, -1);
  // prelu weights: [0.25], torch.tensor([0.25]), tf.constant(0.25)
  const one = singleNumber(t);
  return one === undefined ? undefined : Number(one);
}

/** The number in `[0.25]`, `name(0.25)`, `name([0.25,])`… (one forward pass), or undefined. */
function singleNumber(t: string): string | undefined {
  let i = 0;
  const open = t.indexOf('(');
  if (open > 0 && /^[\w.]+$/.test(t.slice(0, open))) i = open + 1;
  const skip = (): void => {
    while (i < t.length && /\s/.test(t[i])) i++;
  };
  if (t[i] === '[') i++;
  skip();
  const start = i;
  while (i < t.length && /[-+\d.eE]/.test(t[i])) i++;
  const num = t.slice(start, i);
  if (!isPlainNumber(num)) return undefined;
  skip();
  if (t[i] === ',') i++;
  skip();
  if (t[i] === ']') i++;
  if (t[i] === ')' && i > 0) i++;
  return i === t.length ? num : undefined;
}

interface LiteralInfo {
  /** The bare literal inside (without a wrapper). */
  literal: { start: number; end: number };
}

/**
 * Is [s, e) a literal input: a numeric bracket literal, a tuple, a number, or wrappers around one? Walks down
 * the wrappers in a loop (no recursion, however deep) and remembers the answer for every level it passed.
 */
function literalIn(ctx: Ctx, s: number, e: number): LiteralInfo | null {
  const { text, partner } = ctx;
  const key = (a: number, b: number): number => a * (text.length + 1) + b;
  const visited: number[] = [];
  let result: LiteralInfo | null = null;
  for (;;) {
    const k = key(s, e);
    const known = ctx.literals.get(k);
    if (known !== undefined) {
      result = known;
      break;
    }
    visited.push(k);
    const first = text[s];
    if ((first === '[' || first === '(') && partner[s] === e - 1) {
      result = isNumericSpan(ctx, s + 1, e - 1) ? { literal: { start: s, end: e } } : null;
      break;
    }
    if (/[-+.\d]/.test(first) && isPlainNumber(text.slice(s, e))) {
      result = { literal: { start: s, end: e } };
      break;
    }
    // wrapper(...)
    if (text[e - 1] !== ')') break;
    const o = partner[e - 1];
    if (!(o > s)) break;
    const callee = calleeBefore(ctx, o);
    if (!callee || callee.start !== s || !isWrapperCallee(callee.name, aliasesAt(ctx, s))) break;
    const a = firstArg(ctx, o, e - 1);
    if (!a || startsWithKeyword(text, a.start, a.end)) break;
    s = a.start;
    e = a.end;
  }
  for (const k of visited) ctx.literals.set(k, result);
  return result;
}

/** The first argument of the call whose opener is `o` (closer `c`), trimmed; null when empty. */
function firstArg(ctx: Ctx, o: number, c: number): { start: number; end: number } | null {
  return trimmed(ctx, o + 1, nextTopLevelComma(ctx, o + 1, c));
}

function abs(ctx: Ctx, r: { start: number; end: number }): DetectRange {
  return { start: r.start + ctx.base, end: r.end + ctx.base };
}

/** Builds the detection of the activation call `callee(` at opener `o`. */
function buildCall(
  ctx: Ctx,
  callee: { name: string; start: number },
  resolved: ResolvedCallee,
  o: number,
  depth = 0,
): Detection {
  const { text, partner } = ctx;
  const c = partner[o];
  const framework = resolved.framework;
  const base: Detection = {
    kind: 'call',
    activation: resolved.spec.activation,
    dialect: FRAMEWORK_DIALECT[framework],
    framework,
    callee: callee.name,
    params: {},
    inputText: null,
    range: abs(ctx, { start: callee.start, end: c < 0 ? text.length : c + 1 }),
  };
  const values: Record<string, ArgValue> = { ...resolved.spec.defaults };
  const ignored: string[] = [];
  if (c < 0) {
    base.truncated = true;
    return finish(base, values, ignored);
  }
  const args = splitArgs(ctx, o, c);
  let input: { start: number; end: number } | null = null;
  let positional = 0;
  for (const a of args) {
    const raw = text.slice(a.start, a.end);
    const kw = /^([A-Za-z_]\w*)\s*=(?!=)\s*/.exec(raw);
    if (kw && !isJsLanguage(ctx.languageId)) {
      const key = kw[1];
      const valueStart = a.start + kw[0].length;
      if (INPUT_KEYWORDS.has(key) && !input) {
        input = { start: valueStart, end: a.end };
        continue;
      }
      if (NEUTRAL_KEYWORDS.has(key)) continue;
      const target = PARAM_KEYWORDS[key];
      const v = parseArgValue(raw.slice(kw[0].length));
      if (target === undefined || v === undefined) ignored.push(key);
      else values[target] = v;
      continue;
    }
    if (!input && positional === 0) {
      input = a;
      positional++;
      continue;
    }
    const name = resolved.spec.positional[positional - 1];
    positional++;
    if (name === undefined) continue;
    const v = parseArgValue(raw);
    if (v === undefined) ignored.push(name);
    else values[name] = v;
  }
  if (input) {
    base.inputRange = abs(ctx, input);
    const lit = literalIn(ctx, input.start, input.end);
    if (lit) {
      base.inputText = text.slice(input.start, input.end);
      base.literalText = text.slice(lit.literal.start, lit.literal.end);
    } else {
      base.argText = text.slice(input.start, input.end);
      if (depth < MAX_NESTING && text[input.end - 1] === ')') {
        const io = partner[input.end - 1];
        const ic = io > input.start ? calleeBefore(ctx, io) : null;
        const ir = ic && ic.start === input.start ? resolveCallee(ic.name, aliasesAt(ctx, io)) : null;
        if (ic && ir) base.inner = buildCall(ctx, ic, ir, io, depth + 1);
      }
    }
  }
  return finish(base, values, ignored);
}

/** Applies the framework's parameter semantics: gelu approximate, Keras relu's slope/max, softmax axis. */
function finish(d: Detection, values: Record<string, ArgValue>, ignored: string[]): Detection {
  let activation = d.activation as ActivationId;
  if (activation === 'gelu') {
    const a = values.approximate;
    if (a === true || a === 'tanh' || (typeof a === 'number' && a !== 0)) activation = 'gelu_tanh';
  }
  delete values.approximate;
  if (activation === 'relu' && ('max_value' in values || 'threshold' in values)) {
    // Keras relu(x, negative_slope, max_value, threshold)
    const slope = typeof values.alpha === 'number' ? values.alpha : 0;
    const max = values.max_value;
    const threshold = typeof values.threshold === 'number' ? values.threshold : 0;
    if (threshold !== 0) ignored.push('threshold');
    if (slope !== 0 && (max === null || max === undefined)) activation = 'leaky_relu';
    else if (slope === 0 && max === 6) activation = 'relu6';
    else {
      if (slope !== 0) ignored.push('negative_slope');
      if (max !== null && max !== undefined) ignored.push('max_value');
    }
    if (activation !== 'leaky_relu') delete values.alpha;
    delete values.max_value;
    delete values.threshold;
  }
  if (activation === 'softmax' || activation === 'log_softmax') {
    const axis = values.axis;
    if (typeof axis === 'number' && Number.isInteger(axis)) d.axis = axis;
    else if (axis !== null && axis !== undefined) ignored.push('axis');
  }
  delete values.axis;
  d.activation = activation;
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'number' && Number.isFinite(v)) d.params[k] = v;
    else if (v !== null && v !== undefined && !ignored.includes(k)) ignored.push(k);
  }
  if (ignored.length) d.ignoredParams = ignored;
  return d;
}

function arrayDetection(
  ctx: Ctx,
  range: { start: number; end: number },
  literal: { start: number; end: number },
  truncated = false,
): Detection {
  const d: Detection = {
    kind: 'array',
    params: {},
    inputText: truncated ? null : ctx.text.slice(range.start, range.end),
    range: abs(ctx, range),
    inputRange: abs(ctx, range),
  };
  if (truncated) d.truncated = true;
  else d.literalText = ctx.text.slice(literal.start, literal.end);
  return d;
}

/**
 * The activation call or numeric array literal at `offset`, or null.
 *
 * Reads `getText(start, end)` once, at most `maxScan` characters on each side of `offset`. Positions inside
 * comments (and inside strings that are not arguments of an activation call) never match, except in Markdown
 * and other plain-text languages, where everything is treated as code. The innermost activation call that
 * encloses the offset through literal-only brackets wins; otherwise the outermost numeric literal (wrapper
 * included) around the offset. On a callee name (`tf.nn.relu`), its call.
 */
export function detectAt(
  getText: (start: number, end: number) => string,
  docLength: number,
  offset: number,
  languageId: string,
  options: DetectOptions = {},
): Detection | null {
  if (!(offset >= 0 && offset <= docLength) || docLength === 0) return null;
  const maxScan = Math.max(16, options.maxScan ?? DEFAULT_MAX_SCAN);
  // Start small and widen only when the structure around the offset is cut by the window's edges: most
  // hovers read a few kilobytes whatever the file's size and the maximum window.
  for (let scan = Math.min(FIRST_SCAN, maxScan); ; scan = Math.min(scan * 4, maxScan)) {
    const { detection, complete, insideLongLiteral } = detectInWindow(
      getText,
      docLength,
      offset,
      languageId,
      options,
      scan,
    );
    if (complete) return detection;
    if (scan >= maxScan) {
      // Numbers up to both ends of the widest window: the cursor is inside an array too long to find from here.
      if (!detection && insideLongLiteral) {
        const at = { start: offset, end: offset };
        return { kind: 'array', params: {}, inputText: null, range: at, inputRange: at, truncated: true };
      }
      return detection;
    }
  }
}

/** Characters read on each side by the first attempt of detectAt. */
const FIRST_SCAN = 4096;

function detectInWindow(
  getText: (start: number, end: number) => string,
  docLength: number,
  offset: number,
  languageId: string,
  options: DetectOptions,
  scan: number,
): { detection: Detection | null; complete: boolean; insideLongLiteral: boolean } {
  let start = Math.max(0, offset - scan);
  const end = Math.min(docLength, offset + scan);
  let text = getText(start, end);
  if (start > 0) {
    // Lex from a line start, where the string/comment state is known.
    const nl = text.indexOf('\n');
    if (nl >= 0 && nl < offset - start) {
      text = text.slice(nl + 1);
      start += nl + 1;
    }
  }
  let pos = offset - start;
  if (pos >= text.length) pos = text.length - 1;
  if (pos < 0) return { detection: null, complete: true, insideLongLiteral: false };
  // Hover positions sit before a character: prefer the character under the mouse, else the one before.
  if (/\s/.test(text[pos]) && pos > 0 && !/\s/.test(text[pos - 1])) pos--;
  const { ctx, enclosing } = makeCtx(text, start, languageId, options, pos);
  const detection = detectInCtx(ctx, enclosing, pos);
  if (detection?.kind === 'call' && !detection.truncated)
    return { detection, complete: true, insideLongLiteral: false };
  // Cut after: an enclosing bracket closes beyond the window. Cut before: a closer after the offset opens before it.
  const cutAfter = end < docLength && enclosing.some((o) => ctx.partner[o] < 0);
  let cutBefore = false;
  if (start > 0 && !cutAfter) {
    for (let i = pos; i < text.length && !cutBefore; i++) {
      const ch = text[i];
      cutBefore = (ch === ')' || ch === ']' || ch === '}') && ctx.mask[i] === CODE && ctx.partner[i] < 0;
    }
  }
  // Inside a long literal whose brackets are both outside the window: only numbers up to an edge.
  const numeric = (i: number): boolean => NUMERIC_CHAR.test(text[i]) || ctx.mask[i] === COMMENT;
  let left = pos;
  while (left > 0 && numeric(left - 1)) left--;
  let right = pos;
  while (right < text.length && numeric(right)) right++;
  const numericToEdge = (left === 0 && start > 0) || (right === text.length && end < docLength);
  const insideLongLiteral = numericToEdge && numeric(pos);
  const complete = !detection?.truncated && !cutAfter && !cutBefore && !insideLongLiteral;
  return { detection, complete, insideLongLiteral };
}

const NUMERIC_CHAR = /[\d\s.,eE+\-[\]()]/;

/** detectAt's decision inside one window (see detectAt). */
function detectInCtx(ctx: Ctx, enclosing: number[], pos: number): Detection | null {
  const { text } = ctx;
  const state = ctx.mask[pos];
  if (state === COMMENT) return null;
  const inString = state === STRING;

  // On a callee name: that call (or wrapper).
  if (!inString && isChain(text[pos])) {
    let a = pos;
    let b = pos;
    while (a > 0 && isChain(text[a - 1]) && ctx.mask[a - 1] === CODE) a--;
    while (b < text.length && isChain(text[b]) && ctx.mask[b] === CODE) b++;
    let j = b;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
    const name = text.slice(a, b);
    if (text[j] === '(' && ctx.mask[j] === CODE && CHAIN_RE.test(name)) {
      const callee = { name, start: a };
      const resolved = calleeOf(ctx, name, a);
      if (resolved) return buildCall(ctx, callee, resolved, j);
    }
  }

  let candidate: { range: { start: number; end: number }; literal: { start: number; end: number } } | null =
    null;
  let literalOnly = true;
  let truncated = false;
  for (let k = enclosing.length - 1; k >= 0; k--) {
    const o = enclosing[k];
    const c = ctx.partner[o];
    const ch = text[o];
    if (ch === '(') {
      const callee = calleeBefore(ctx, o);
      if (callee) {
        const resolved = calleeOf(ctx, callee.name, callee.start);
        if (resolved) return buildCall(ctx, callee, resolved, o);
        if (inString && k === enclosing.length - 1) return null;
        if (literalOnly && c > o && isWrapperCallee(callee.name, aliasesAt(ctx, callee.start))) {
          const lit = literalIn(ctx, callee.start, c + 1);
          if (lit) {
            candidate = { range: { start: callee.start, end: c + 1 }, literal: lit.literal };
            continue;
          }
        }
        if (candidate) break;
        literalOnly = false;
        continue;
      }
      // A tuple or a grouping.
      if (literalOnly && c > o && isNumericSpan(ctx, o + 1, c)) {
        if (text.slice(o + 1, c).includes(',') || candidate)
          candidate = { range: { start: o, end: c + 1 }, literal: { start: o, end: c + 1 } };
        continue;
      }
      if (candidate) break;
      literalOnly = false;
      continue;
    }
    if (inString && k === enclosing.length - 1) return null;
    if (ch === '[' && literalOnly && !isSubscript(ctx, o)) {
      if (c > o && isNumericSpan(ctx, o + 1, c)) {
        candidate = { range: { start: o, end: c + 1 }, literal: { start: o, end: c + 1 } };
        continue;
      }
      if (c < 0 && isNumericSpan(ctx, o + 1, text.length)) {
        // An array literal longer than the window.
        candidate = { range: { start: o, end: text.length }, literal: { start: o, end: text.length } };
        truncated = true;
        continue;
      }
    }
    if (candidate) break;
    literalOnly = false;
  }
  if (inString) return null;
  return candidate ? arrayDetection(ctx, candidate.range, candidate.literal, truncated) : null;
}

/**
 * Every activation call whose name starts in [start, end), in order (nested calls included), at most
 * `maxResults`. Reads [start, end + maxScan) once, so a call may close after `end`. `start` should be a line
 * start. Used by CodeLens and inlay hints.
 */
export function detectCallsIn(
  getText: (start: number, end: number) => string,
  docLength: number,
  start: number,
  end: number,
  languageId: string,
  options: DetectOptions = {},
): Detection[] {
  const maxScan = Math.max(16, options.maxScan ?? DEFAULT_MAX_SCAN);
  const maxResults = options.maxResults ?? 200;
  start = Math.max(0, start);
  end = Math.min(docLength, end);
  if (end <= start) return [];
  const text = getText(start, Math.min(docLength, end + maxScan));
  const { ctx } = makeCtx(text, start, languageId, options);
  const out: Detection[] = [];
  const limit = end - start;
  for (let i = text.indexOf('('); i >= 0 && i < text.length; i = text.indexOf('(', i + 1)) {
    if (ctx.mask[i] !== CODE) continue;
    const callee = calleeBefore(ctx, i);
    if (!callee || callee.start >= limit) {
      if (i >= limit) break;
      continue;
    }
    if (!CHAIN_RE.test(callee.name)) continue;
    const resolved = calleeOf(ctx, callee.name, callee.start);
    if (!resolved) continue;
    out.push(buildCall(ctx, callee, resolved, i));
    if (out.length >= maxResults) break;
  }
  return out;
}

/** The activation calls in one line of text (offsets relative to the line). */
export function detectCallsInLine(
  lineText: string,
  languageId: string,
  options: DetectOptions = {},
): Detection[] {
  return detectCallsIn(
    (s, e) => lineText.slice(s, e),
    lineText.length,
    0,
    lineText.length,
    languageId,
    options,
  );
}
