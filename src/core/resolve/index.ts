// Values from real code: what an expression written in a document evaluates to, resolved from the bindings
// above it (see README "How values are resolved"). Pure: reads only the text it is given, bounded and cancellable.
//
//   resolveValue(doc, offset, expressionText)  → { kind: 'value' | 'unresolved' | 'tooLarge', … }
//   resolveLayer(doc, offset, name)            → { kind: 'layer', activation, framework, dialect, params, axis } | unresolved
//   printResolved(value)                       → what print(value) shows in its framework (or null)

import { isJsLanguage } from '../detect/lexer';
import { scanImportAliases } from '../detect/imports';
import type { ActivationSpec } from './activationCall';
import { bindingIn, findBinding, findSelfBinding, type Located, type Source } from './bindings';
import { evalBinding, evalExpr, evalText, oneLine, originOf, type EvalContext } from './evaluate';
import { ExprError, parseExpr } from './expr';
import { splitStatements, type Statement } from './statements';
import { HINT_DEBUGGER, HINT_LITERAL, Stop, type Tensor } from './tensor';
import type { ResolveDoc, ResolveOptions, ResolveResult, Unresolved, ValueOrigin } from './types';

export type * from './types';
export type { ActivationSpec } from './activationCall';
export { applyActivation } from './activationCall';
export { printResolved } from './print';

export const DEFAULT_MAX_RESOLVE_ELEMENTS = 100_000;
export const DEFAULT_MAX_RESOLVE_CHARS = 300_000;
/** Characters read after the offset (the rest of the use's statement and of a loop around it). */
const AFTER = 20_000;
/** Characters of the document head (and of the cells above) scanned for import aliases. */
const IMPORT_HEAD = 64 * 1024;

interface Prepared {
  ctx: EvalContext;
  /** Index in ctx.sources of the current text; offset of the use in its text; the use's statement. */
  si: number;
  pos: number;
  stmt: number;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Statement indexes of recently read texts, by the caller's cache key (a few entries: hovers repeat). */
const STATEMENT_CACHE: { key: string; statements: Statement[] }[] = [];
const STATEMENT_CACHE_SIZE = 8;

function statementsFor(
  text: string,
  js: boolean,
  key: string | undefined,
  isCancelled?: () => boolean,
): Statement[] {
  if (key === undefined) return splitStatements(text, js, isCancelled);
  const full = `${key}|${js}|${text.length}`;
  const hit = STATEMENT_CACHE.find((e) => e.key === full);
  if (hit) return hit.statements;
  const statements = splitStatements(text, js, isCancelled);
  STATEMENT_CACHE.unshift({ key: full, statements });
  STATEMENT_CACHE.length = Math.min(STATEMENT_CACHE.length, STATEMENT_CACHE_SIZE);
  return statements;
}

function prepare(doc: ResolveDoc, offset: number, options: ResolveOptions): Prepared {
  const js = isJsLanguage(doc.languageId);
  const maxChars = options.maxChars ?? DEFAULT_MAX_RESOLVE_CHARS;
  const isCancelled = options.isCancelled;
  let start = Math.max(0, offset - maxChars);
  if (start > 0) {
    const nl = doc.text.indexOf('\n', start);
    start = nl < 0 || nl >= offset ? offset : nl + 1;
  }
  const end = Math.min(doc.text.length, offset + AFTER);
  const text = doc.text.slice(start, end);
  const current: Source = {
    text,
    base: start,
    firstLine: lineAt(doc.text, start),
    js,
    statements: statementsFor(
      text,
      js,
      doc.cacheKey === undefined ? undefined : `${doc.cacheKey}|${start}|${end}`,
      isCancelled,
    ),
    complete: start === 0,
  };
  const sources: Source[] = [current];
  let budget = maxChars - (offset - start);
  const cells = doc.cellsAbove ?? [];
  for (let c = cells.length - 1; c >= 0 && budget > 0 && current.complete; c--) {
    const cellText = cells[c];
    const cut = Math.max(0, cellText.length - budget);
    let s = cut;
    if (cut > 0) {
      const nl = cellText.indexOf('\n', cut);
      s = nl < 0 ? cellText.length : nl + 1;
    }
    const t = cellText.slice(s);
    sources.unshift({
      text: t,
      base: s,
      firstLine: s === 0 ? 1 : lineAt(cellText, s),
      cell: c,
      js,
      statements: statementsFor(
        t,
        js,
        doc.cacheKey === undefined ? undefined : `${doc.cacheKey}|cell${c}|${s}`,
        isCancelled,
      ),
      complete: s === 0,
    });
    budget -= t.length;
    if (s > 0) break;
  }
  const head = [...cells, doc.text].join('\n').slice(0, IMPORT_HEAD);
  const aliases = options.aliases ?? scanImportAliases(head, doc.languageId);
  const ctx: EvalContext = {
    sources,
    languageId: doc.languageId,
    js,
    aliases,
    limit: options.maxElements ?? DEFAULT_MAX_RESOLVE_ELEMENTS,
    isCancelled,
    cache: new Map(),
    depth: 0,
    origin: null,
  };
  const pos = offset - start;
  // The statement holding the offset (or the first one after it): bindings before it are visible.
  const sts = current.statements;
  let lo = 0;
  let hi = sts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sts[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return { ctx, si: sources.length - 1, pos, stmt: lo };
}

function unresolvedOf(
  e: Stop,
  fallbackName: string,
  fallbackLine: number,
  cell: number | undefined,
): ResolveResult {
  const where = (e as Located).where;
  const line = where?.line ?? fallbackLine;
  const c = where ? where.cell : cell;
  const name = where?.name ?? fallbackName;
  if (e.tooLargeCount !== undefined) {
    return {
      kind: 'tooLarge',
      count: e.tooLargeCount,
      limit: 0,
      name,
      line,
      ...(c !== undefined ? { cell: c } : {}),
    };
  }
  const r: Unresolved = { kind: 'unresolved', name, line, reason: e.reason, hint: e.hint || HINT_DEBUGGER };
  if (c !== undefined) r.cell = c;
  return r;
}

function valueOf(x: Tensor, origin: ValueOrigin | null): ResolveResult {
  return {
    kind: 'value',
    values: x.values,
    shape: x.shape.slice(),
    dtype: x.dtype,
    framework: x.framework,
    requiresGrad: x.requiresGrad,
    ...(x.gradFn ? { gradFn: x.gradFn } : {}),
    origin,
  };
}

/**
 * The value of `expressionText`, written at `offset` of `doc.text` (the argument of a call: `x`, `x * 2 - 1`,
 * `torch.arange(-8.0, 8.0, 0.1)` …), as the code computes it at that point. Names are resolved from the bindings
 * before the offset (this cell, then the cells above). Never throws for bad input: an unsupported construct is
 * `unresolved` with the reason and a hint; a value with more than maxElements elements is `tooLarge`.
 */
export function resolveValue(
  doc: ResolveDoc,
  offset: number,
  expressionText: string,
  options: ResolveOptions = {},
): ResolveResult {
  const limit = options.maxElements ?? DEFAULT_MAX_RESOLVE_ELEMENTS;
  const fallbackLine = lineAt(doc.text, Math.min(Math.max(0, offset), doc.text.length));
  const label = oneLine(expressionText);
  try {
    if (!(offset >= 0 && offset <= doc.text.length))
      throw new Stop(`offset ${offset} is outside the document`);
    const { ctx, si, pos, stmt } = prepare(doc, offset, options);
    const src = ctx.sources[si];
    const inPlace = src.text.startsWith(expressionText, pos);
    // On the name of a binding (`y = torch.relu(x)` with the cursor on y): that binding's value.
    const name = expressionText.trim();
    if (inPlace && /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?$/.test(name) && stmt < src.statements.length) {
      const own = bindingIn(src, stmt, name);
      if (own && !(own instanceof Stop) && pos < own.rhsStart && pos >= src.statements[stmt].start) {
        ctx.origin = originOf(own, name);
        const bound = evalBinding(own, name, ctx);
        if (bound.t === 'tensor') return valueOf(bound.x, ctx.origin);
      }
    }
    const v = evalText(
      expressionText,
      { si, stmt, base: inPlace ? pos : 0, text: inPlace ? src.text : expressionText },
      ctx,
    );
    if (v.t !== 'tensor')
      throw new Stop(
        `${label} is ${v.t === 'layer' ? 'a layer object' : v.t === 'module' ? 'a module' : v.t === 'str' ? 'a string' : 'not an array'}`,
        HINT_LITERAL,
      );
    const origin = /^[A-Za-z_$][\w$.]*$/.test(expressionText.trim()) || ctx.origin ? ctx.origin : null;
    return valueOf(v.x, origin);
  } catch (e) {
    if (e instanceof Stop) {
      const r = unresolvedOf(e, label, fallbackLine, doc.cellsAbove ? undefined : undefined);
      if (r.kind === 'tooLarge') r.limit = limit;
      return r;
    }
    if (e instanceof ExprError)
      return { kind: 'unresolved', name: label, line: fallbackLine, reason: e.message, hint: HINT_LITERAL };
    throw e;
  }
}

/** An activation layer object bound to a name (`act = nn.LeakyReLU(0.2)`, `self.act = …` used in forward). */
export interface ResolvedLayer extends ActivationSpec {
  kind: 'layer';
  origin: ValueOrigin;
}

/** The activation layer `name` (`act`, `self.act`) holds at `offset`, or why it cannot be known. */
export function resolveLayer(
  doc: ResolveDoc,
  offset: number,
  name: string,
  options: ResolveOptions = {},
): ResolvedLayer | Unresolved {
  const fallbackLine = lineAt(doc.text, Math.min(Math.max(0, offset), doc.text.length));
  try {
    if (!(offset >= 0 && offset <= doc.text.length))
      throw new Stop(`offset ${offset} is outside the document`);
    if (!/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?$/.test(name))
      throw new Stop(`"${oneLine(name)}" is not a name`);
    const { ctx, si, stmt } = prepare(doc, offset, options);
    const b = name.startsWith('self.')
      ? findSelfBinding(ctx.sources, si, stmt, name)
      : findBinding(ctx.sources, si, stmt, name, ctx.isCancelled);
    const bsi = ctx.sources.indexOf(b.source);
    const raw = b.source.text.slice(b.rhsStart, b.rhsEnd);
    let e;
    try {
      e = parseExpr(raw, ctx.js);
    } catch (err) {
      if (err instanceof ExprError) throw new Stop(`${err.message} in "${oneLine(raw)}"`);
      throw err;
    }
    const v = evalExpr(e, { si: bsi, stmt: b.statement, base: b.rhsStart, text: b.source.text }, ctx);
    if (v.t !== 'layer') throw new Stop(`${name} is not an activation layer (bound at line ${b.line})`);
    const origin: ValueOrigin = {
      name,
      line: b.line,
      text: oneLine(raw.replace(/#.*$/, '')),
      ...(b.source.cell !== undefined ? { cell: b.source.cell } : {}),
    };
    return { kind: 'layer', ...v.spec, origin };
  } catch (e) {
    if (e instanceof Stop) {
      const r = unresolvedOf(e, name, fallbackLine, undefined);
      if (r.kind === 'unresolved') return r;
      return { kind: 'unresolved', name, line: fallbackLine, reason: e.reason, hint: e.hint };
    }
    throw e;
  }
}
