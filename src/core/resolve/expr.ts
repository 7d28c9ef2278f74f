// A small expression reader for the right-hand sides resolution evaluates: numbers, strings, names,
// attribute chains, calls with keyword arguments, lists/tuples, unary ±, + - * / ** and `[e for v in range(…)]`.
// One left-to-right pass over the text (recursive descent, nesting capped), so time is linear in its length.
// Anything else is a ExprError naming the construct and its offset — never a guess.

export type Expr =
  | { t: 'num'; value: number; isInt: boolean; start: number; end: number }
  | { t: 'str'; value: string; start: number; end: number }
  | { t: 'const'; value: boolean | null; start: number; end: number }
  | { t: 'name'; id: string; start: number; end: number }
  | { t: 'attr'; obj: Expr; name: string; start: number; end: number }
  | { t: 'call'; fn: Expr; args: Expr[]; kwargs: { name: string; value: Expr }[]; start: number; end: number }
  | { t: 'list'; items: Expr[]; tuple: boolean; start: number; end: number }
  | { t: 'unary'; op: '-' | '+'; x: Expr; start: number; end: number }
  | {
      t: 'binary';
      op: '+' | '-' | '*' | '/' | '**' | '//' | '%' | '@';
      l: Expr;
      r: Expr;
      start: number;
      end: number;
    }
  | { t: 'comp'; elt: Expr; v: string; iter: Expr; start: number; end: number };

/** A construct the reader does not model, at `offset` into the expression text. */
export class ExprError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'ExprError';
  }
}

const MAX_DEPTH = 64;
/** Most binary operators in one expression: a left-deep chain is evaluated recursively. */
const MAX_OPERATORS = 512;
type Tok = { k: 'num' | 'id' | 'str' | 'op' | 'end'; v: string; s: number; e: number };

const NUM_RE = /(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d[\d_]*)?[jJ]?/y;
const ID_RE = /[A-Za-z_$][\w$]*/y;
const OPS = [
  '**',
  '//',
  '...',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '.',
  '=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '@',
  ':',
  '<',
  '>',
  '!',
  '?',
  '&',
  '|',
  '^',
  '~',
  ';',
];

function tokenize(text: string, js: boolean): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\\') {
      i++;
      continue;
    }
    if (c === '#' && !js) {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (js && c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      if (text[i + 1] === '/') while (i < n && text[i] !== '\n') i++;
      else {
        const close = text.indexOf('*/', i + 2);
        i = close < 0 ? n : close + 2;
      }
      continue;
    }
    if (c === '\u2212') {
      out.push({ k: 'op', v: '-', s: i, e: i + 1 });
      i++;
      continue;
    }
    if ((c >= '0' && c <= '9') || (c === '.' && text[i + 1] >= '0' && text[i + 1] <= '9')) {
      NUM_RE.lastIndex = i;
      const m = NUM_RE.exec(text);
      if (m) {
        out.push({ k: 'num', v: m[0], s: i, e: i + m[0].length });
        i += m[0].length;
        continue;
      }
    }
    if (/[A-Za-z_$]/.test(c)) {
      ID_RE.lastIndex = i;
      const m = ID_RE.exec(text)!;
      // String prefixes (r'', b'', f'') are strings we do not read.
      if (
        /^[rbfuRBFU]{1,2}$/.test(m[0]) &&
        (text[i + m[0].length] === "'" || text[i + m[0].length] === '"')
      ) {
        throw new ExprError(`a prefixed string (${m[0]}'…') is not read`, i);
      }
      out.push({ k: 'id', v: m[0], s: i, e: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if (c === "'" || c === '"' || (js && c === '`')) {
      let j = i + 1;
      while (j < n && text[j] !== c && text[j] !== '\n') {
        if (text[j] === '\\') j++;
        j++;
      }
      if (j >= n || text[j] !== c) throw new ExprError('unterminated string', i);
      const body = text.slice(i + 1, j);
      if (body.includes('\\') || (c === '`' && body.includes('${')))
        throw new ExprError('a string with escapes is not read', i);
      out.push({ k: 'str', v: body, s: i, e: j + 1 });
      i = j + 1;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) throw new ExprError(`unexpected character '${c}'`, i);
    out.push({ k: 'op', v: op, s: i, e: i + op.length });
    i += op.length;
  }
  out.push({ k: 'end', v: '', s: n, e: n });
  return out;
}

/** Reads one expression covering the whole text (a trailing `;` allowed in JS); throws ExprError otherwise. */
export function parseExpr(text: string, js = false): Expr {
  const toks = tokenize(text, js);
  let p = 0;
  let depth = 0;
  let operators = 0;
  const counted = (at: number): void => {
    if (++operators > MAX_OPERATORS)
      throw new ExprError(`more than ${MAX_OPERATORS} operators in one expression`, at);
  };
  const peek = (): Tok => toks[p];
  const isOp = (v: string): boolean => toks[p].k === 'op' && toks[p].v === v;
  const expect = (v: string): Tok => {
    if (!isOp(v)) throw new ExprError(`expected '${v}'`, toks[p].s);
    return toks[p++];
  };
  const enter = (at: number): void => {
    if (++depth > MAX_DEPTH) throw new ExprError(`nesting deeper than ${MAX_DEPTH} levels`, at);
  };

  // expr := additive ; additive := term (('+'|'-') term)* ; term := unary (('*'|'/'|'//'|'%'|'@') unary)*
  // unary := ('-'|'+') unary | power ; power := postfix ('**' unary)?
  const expr = (): Expr => {
    enter(peek().s);
    let l = term();
    while (isOp('+') || isOp('-')) {
      counted(peek().s);
      const op = toks[p++].v as '+' | '-';
      const r = term();
      l = { t: 'binary', op, l, r, start: l.start, end: r.end };
    }
    depth--;
    return l;
  };
  const term = (): Expr => {
    let l = unary();
    while (isOp('*') || isOp('/') || isOp('//') || isOp('%') || isOp('@')) {
      counted(peek().s);
      const op = toks[p++].v as '*' | '/' | '//' | '%' | '@';
      const r = unary();
      l = { t: 'binary', op, l, r, start: l.start, end: r.end };
    }
    return l;
  };
  const unary = (): Expr => {
    if (isOp('-') || isOp('+')) {
      const t = toks[p++];
      enter(t.s);
      const x = unary();
      depth--;
      return { t: 'unary', op: t.v as '-' | '+', x, start: t.s, end: x.end };
    }
    const base = postfix();
    if (isOp('**')) {
      p++;
      enter(base.start);
      const r = unary();
      depth--;
      return { t: 'binary', op: '**', l: base, r, start: base.start, end: r.end };
    }
    return base;
  };
  const postfix = (): Expr => {
    let e = atom();
    for (;;) {
      if (isOp('.')) {
        p++;
        const t = peek();
        if (t.k !== 'id') throw new ExprError('expected a name after "."', t.s);
        p++;
        e = { t: 'attr', obj: e, name: t.v, start: e.start, end: t.e };
      } else if (isOp('(')) {
        p++;
        enter(e.start);
        const args: Expr[] = [];
        const kwargs: { name: string; value: Expr }[] = [];
        while (!isOp(')')) {
          const t = peek();
          if (t.k === 'id' && toks[p + 1].k === 'op' && toks[p + 1].v === '=') {
            p += 2;
            kwargs.push({ name: t.v, value: expr() });
          } else if (isOp('*') || isOp('**')) {
            throw new ExprError('unpacked arguments (*args, **kwargs) are not read', t.s);
          } else {
            if (kwargs.length) throw new ExprError('a positional argument after a keyword argument', t.s);
            args.push(expr());
          }
          if (!isOp(')')) expect(',');
        }
        const close = expect(')');
        depth--;
        e = { t: 'call', fn: e, args, kwargs, start: e.start, end: close.e };
      } else if (isOp('[')) {
        throw new ExprError('indexing and slicing (x[…]) are not evaluated', peek().s);
      } else return e;
    }
  };
  const sequence = (open: Tok, close: string, tuple: boolean): Expr => {
    enter(open.s);
    const items: Expr[] = [];
    let sawComma = false;
    while (!isOp(close)) {
      const item = expr();
      if (!tuple && items.length === 0 && peek().k === 'id' && peek().v === 'for') {
        p++;
        const v = peek();
        if (v.k !== 'id') throw new ExprError('expected a loop variable', v.s);
        p++;
        if (!(peek().k === 'id' && peek().v === 'in')) throw new ExprError("expected 'in'", peek().s);
        p++;
        const iter = expr();
        if (peek().k === 'id' && (peek().v === 'if' || peek().v === 'for'))
          throw new ExprError(`a comprehension with '${peek().v}' is not evaluated`, peek().s);
        const end = expect(close);
        depth--;
        return { t: 'comp', elt: item, v: v.v, iter, start: open.s, end: end.e };
      }
      items.push(item);
      if (!isOp(close)) {
        expect(',');
        sawComma = true;
      }
    }
    const end = expect(close);
    depth--;
    if (tuple && items.length === 1 && !sawComma) {
      // (e): a grouping, not a tuple
      const only = items[0];
      return { ...only, start: open.s, end: end.e } as Expr;
    }
    return { t: 'list', items, tuple, start: open.s, end: end.e };
  };
  const atom = (): Expr => {
    const t = peek();
    if (t.k === 'num') {
      p++;
      const raw = t.v.replace(/_/g, '');
      if (/[jJ]$/.test(raw)) throw new ExprError('complex numbers are not evaluated', t.s);
      const isInt = /^\d+$/.test(raw);
      return { t: 'num', value: Number(raw), isInt, start: t.s, end: t.e };
    }
    if (t.k === 'str') {
      p++;
      return { t: 'str', value: t.v, start: t.s, end: t.e };
    }
    if (t.k === 'id') {
      p++;
      if (t.v === 'True' || t.v === 'true') return { t: 'const', value: true, start: t.s, end: t.e };
      if (t.v === 'False' || t.v === 'false') return { t: 'const', value: false, start: t.s, end: t.e };
      if (t.v === 'None' || t.v === 'null' || t.v === 'undefined')
        return { t: 'const', value: null, start: t.s, end: t.e };
      if (t.v === 'new' && js && peek().k === 'id') return postfixNew();
      if (t.v === 'lambda' || t.v === 'await' || t.v === 'yield' || t.v === 'not' || t.v === 'if')
        throw new ExprError(`'${t.v}' expressions are not evaluated`, t.s);
      return { t: 'name', id: t.v, start: t.s, end: t.e };
    }
    if (isOp('(')) return sequence(toks[p++], ')', true);
    if (isOp('[')) return sequence(toks[p++], ']', false);
    throw new ExprError(t.k === 'end' ? 'the expression ends too early' : `unexpected '${t.v}'`, t.s);
  };
  // `new Float32Array([...])`: read as a call of Float32Array.
  const postfixNew = (): Expr => postfix();

  const e = expr();
  if (js && isOp(';')) p++;
  if (peek().k !== 'end') {
    const t = peek();
    if (t.k === 'id' && (t.v === 'if' || t.v === 'for'))
      throw new ExprError(`a conditional or generator expression ('${t.v}') is not evaluated`, t.s);
    throw new ExprError(`unexpected '${t.v}' after the expression`, t.s);
  }
  return e;
}

/** The dotted path of a name/attribute chain (`torch.nn.functional.relu`), or null for anything else. */
export function dottedName(e: Expr): string | null {
  if (e.t === 'name') return e.id;
  if (e.t === 'attr') {
    const head = dottedName(e.obj);
    return head === null ? null : `${head}.${e.name}`;
  }
  return null;
}
