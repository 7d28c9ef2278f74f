// Name resolution as Python / JS flow sees it at a point: the nearest preceding binding of a name in the same
// scope (module, function body, notebook cells above in order). A binding that may or may not have run (inside
// an `if`, a loop that rebinds it, a function the name is a parameter of) stops resolution with a reason.

import { HINT_DEBUGGER, Stop } from './tensor';
import type { Statement } from './statements';

/** One text the resolver reads: a notebook cell above (index ≥ 0) or the current text (cell undefined). */
export interface Source {
  text: string;
  /** Offset of `text` in the full cell/document (the window may start after the cell's beginning). */
  base: number;
  /** 1-based line of `text`'s first character in its cell. */
  firstLine: number;
  cell?: number;
  js: boolean;
  statements: Statement[];
  /** Read from the start of the cell (false: the window cut it, earlier bindings were not read). */
  complete: boolean;
  /** Per name: 1 for each statement whose text contains it (filled on first use, one indexOf pass). */
  mentions?: Map<string, Uint8Array>;
}

/** Which statements of `src` mention `name` at all: the walk looks closer only at those. */
function mentionsOf(src: Source, name: string): Uint8Array {
  let m = src.mentions?.get(name);
  if (m) return m;
  const sts = src.statements;
  m = new Uint8Array(sts.length);
  let k = 0;
  for (let at = src.text.indexOf(name); at >= 0 && k < sts.length; at = src.text.indexOf(name, at + 1)) {
    while (k < sts.length && sts[k].end <= at) k++;
    if (k < sts.length && sts[k].start <= at) m[k] = 1;
  }
  (src.mentions ??= new Map()).set(name, m);
  return m;
}

export interface Binding {
  source: Source;
  statement: number;
  /** The right-hand side's offsets in source.text. */
  rhsStart: number;
  rhsEnd: number;
  /** Tuple unpacking: which element of the right-hand side tuple/list. */
  element?: number;
  /** Augmented assignment (`x += 1`): the operator; the left operand is the previous binding. */
  augmented?: '+' | '-' | '*' | '/' | '**';
  /** JS `const`: never re-assigned. */
  line: number;
}

const ID = '[A-Za-z_$][\\w$]*';
const esc = (s: string): string => s.replace(/[.$]/g, (c) => '\\' + c);

/** The binding of `name` made by statement `st`, a Stop when the statement binds it in a way we cannot evaluate,
 * or null when it does not bind it. */
export function bindingIn(source: Source, index: number, name: string): Binding | Stop | null {
  const st = source.statements[index];
  const text = source.text.slice(st.start, st.end);
  if (!text.includes(name)) return null;
  const n = esc(name);
  const line = source.firstLine + st.line - 1;
  const at = (rel: number, rhsEnd = st.end): Binding => ({
    source,
    statement: index,
    rhsStart: st.start + rel,
    rhsEnd,
    line,
  });
  if (source.js) {
    // const/let/var declarations (several declarators), plain and augmented assignment.
    const decl = new RegExp(`^(?:export\\s+)?(?:const|let|var)\\s+`).exec(text);
    const body = decl ? decl[0].length : 0;
    const declarators = splitTopLevel(text, body);
    for (const [s, e] of declarators) {
      const part = text.slice(s, e);
      const m = new RegExp(`^\\s*(${n})\\s*(?::[^=]+)?=(?!=|>)\\s*`).exec(part);
      if (m) return at(s + m[0].length, st.start + e);
      const aug = new RegExp(`^\\s*${n}\\s*(\\*\\*|[-+*/])=\\s*`).exec(part);
      if (aug) return { ...at(s + aug[0].length, st.start + e), augmented: aug[1] as Binding['augmented'] };
      const destr = new RegExp(`^\\s*\\[([^\\]]*)\\]\\s*=(?!=)\\s*`).exec(part);
      if (destr) {
        const names = destr[1].split(',').map((x) => x.trim());
        const k = names.indexOf(name);
        if (k >= 0) return { ...at(s + destr[0].length, st.start + e), element: k };
      }
      if (!decl) break;
    }
    if (new RegExp(`^for\\s*\\(\\s*(?:const|let|var)?\\s*${n}\\b`).test(text))
      return new Stop(`${name} is a loop variable`, HINT_DEBUGGER);
    if (
      new RegExp(`^(?:export\\s+)?(?:async\\s+)?function\\s+${n}\\b|^(?:export\\s+)?class\\s+${n}\\b`).test(
        text,
      )
    )
      return new Stop(`${name} is a function or class, not an array`);
    if (new RegExp(`^import\\b.*\\b${n}\\b`).test(text)) return new Stop(`${name} is imported`);
    if (mutates(text, n)) return new Stop(`${name} is modified in place at line ${line}`, HINT_DEBUGGER);
    return null;
  }
  // Python
  const simple = new RegExp(`^(${n})\\s*(?::[^=]+)?=(?!=)\\s*`).exec(text);
  if (simple) {
    // chained `a = b = expr`: skip further targets
    let rel = simple[0].length;
    for (;;) {
      const more = new RegExp(`^(?:${ID}(?:\\.${ID})*)\\s*=(?!=)\\s*`).exec(text.slice(rel));
      if (!more) break;
      rel += more[0].length;
    }
    return at(rel);
  }
  const chained = new RegExp(`^(?:${ID}\\s*=(?!=)\\s*)+(${n})\\s*=(?!=)\\s*`).exec(text);
  if (chained) {
    let rel = chained[0].length;
    for (;;) {
      const more = new RegExp(`^(?:${ID})\\s*=(?!=)\\s*`).exec(text.slice(rel));
      if (!more) break;
      rel += more[0].length;
    }
    return at(rel);
  }
  const aug = new RegExp(`^${n}\\s*(\\*\\*|[-+*/])=\\s*`).exec(text);
  if (aug) return { ...at(aug[0].length), augmented: aug[1] as Binding['augmented'] };
  const tuple = new RegExp(
    `^\\(?\\s*((?:${ID}\\s*,\\s*)+${ID}\\s*,?|(?:${ID}\\s*,\\s*)*${ID}\\s*,)\\s*\\)?\\s*=(?!=)\\s*`,
  ).exec(text);
  if (tuple) {
    const names = tuple[1]
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const k = names.indexOf(name);
    if (k >= 0) return { ...at(tuple[0].length), element: k };
    return null;
  }
  if (new RegExp(`^(?:async\\s+)?for\\s+(?:[\\w\\s,()]*\\b)?${n}\\b[\\w\\s,()]*\\bin\\b`).test(text))
    return new Stop(`${name} is a loop variable`, HINT_DEBUGGER);
  if (new RegExp(`^(?:async\\s+)?def\\s+${n}\\b|^class\\s+${n}\\b`).test(text))
    return new Stop(`${name} is a function or class, not an array`);
  if (new RegExp(`^(?:from\\s+\\S+\\s+)?import\\b.*\\b${n}\\b`).test(text))
    return new Stop(`${name} is imported`);
  if (new RegExp(`\\bas\\s+${n}\\b`).test(text) && /^(?:with|except|async\s+with)\b/.test(text))
    return new Stop(`${name} is bound by a with/except statement`, HINT_DEBUGGER);
  if (new RegExp(`^(?:global|nonlocal)\\b.*\\b${n}\\b`).test(text))
    return new Stop(
      `${name} is declared global/nonlocal here; its value depends on other scopes`,
      HINT_DEBUGGER,
    );
  if (new RegExp(`\\b${n}\\s*:=`).test(text))
    return new Stop(`${name} is bound by a := expression`, HINT_DEBUGGER);
  if (new RegExp(`^del\\b.*\\b${n}\\b`).test(text)) return new Stop(`${name} is deleted here (del)`);
  if (mutates(text, n)) return new Stop(`${name} is modified in place at line ${line}`, HINT_DEBUGGER);
  // A header with its body on the same line (`if c: x = 1`).
  const st2 = source.statements[index];
  if (st2.header && st2.header !== 'function' && st2.header !== 'class') {
    const colon = text.indexOf(':');
    if (colon >= 0 && new RegExp(`\\b${n}\\s*(?:\\*\\*|[-+*/])?=(?!=)`).test(text.slice(colon + 1)))
      return new Stop(`${name} is assigned conditionally (line ${line})`, HINT_DEBUGGER);
  }
  return null;
}

/** Index assignment (`x[0] = 1`), in-place methods (`x.add_(1)`, `x.append(2)`) and in-place functions
 * (`nn.init.uniform_(x)`, `np.random.shuffle(x)`): the value changes without a new binding. */
function mutates(text: string, n: string): boolean {
  return (
    new RegExp(`(?:^|[^\\w$.])${n}\\s*\\[[^\\]]*\\]\\s*(?:\\*\\*|[-+*/%@&|^]|//)?=(?!=)`).test(text) ||
    new RegExp(
      `(?:^|[^\\w$.])${n}(?:\\.data)?\\.(?:[A-Za-z]\\w*_|append|extend|insert|sort|reverse|fill|put|resize|itemset|assign|assign_add|assign_sub|copy_from)\\s*\\(`,
    ).test(text) ||
    new RegExp(`(?:\\w_|shuffle|copyto|put|place)\\s*\\(\\s*${n}\\b`).test(text)
  );
}

/** A construct of the statement itself that binds `n` locally: a lambda/arrow parameter, a comprehension or
 * inline `for` variable, a walrus. Then the statements above say nothing about the name at the use. */
function shadowingIn(text: string, n: string, js: boolean): string | null {
  if (js) {
    if (
      new RegExp(
        `(?:^|[^\\w$.])${n}\\s*=>|\\([^()]*\\b${n}\\b[^()]*\\)\\s*(?::[^=]*)?=>|function\\s*[\\w$]*\\s*\\([^)]*\\b${n}\\b`,
      ).test(text)
    )
      return 'a parameter of a function written';
    if (new RegExp(`for\\s*\\(\\s*(?:const|let|var)?\\s*${n}\\b`).test(text)) return 'a loop variable';
    return null;
  }
  if (new RegExp(`\\blambda\\b[^:]*\\b${n}\\b[^:]*:`).test(text)) return 'a lambda parameter';
  if (new RegExp(`\\bfor\\s+(?:[\\w\\s,()]*\\b)?${n}\\b[\\w\\s,()]*\\bin\\b`).test(text))
    return 'a loop or comprehension variable';
  if (new RegExp(`\\b${n}\\s*:=`).test(text)) return 'bound by := ';
  return null;
}

/** Top-level comma-separated parts of text from `from` (brackets and strings respected), as [start, end). */
export function splitTopLevel(text: string, from = 0): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = from;
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, text.length]);
  return out;
}

/** The parameter names of a `def f(a, b=1, *c)` / `function f(a, b)` / `(a, b) =>` header. */
export function parametersOf(header: string): string[] {
  const open = header.indexOf('(');
  if (open < 0) {
    const arrow = /^(?:async\s+)?([\w$]+)\s*=>/.exec(header.replace(/^.*?=\s*/, ''));
    return arrow ? [arrow[1]] : [];
  }
  let depth = 0;
  let close = -1;
  for (let i = open; i < header.length; i++) {
    if (header[i] === '(') depth++;
    else if (header[i] === ')' && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close < 0) return [];
  const inner = header.slice(open + 1, close);
  return splitTopLevel(inner).map(([s, e]) => {
    const m = /^\s*\**\s*([\w$]+)/.exec(inner.slice(s, e));
    return m ? m[1] : '';
  });
}

const MAX_STEPS_BETWEEN_CANCEL_CHECKS = 1024;

/**
 * The nearest binding of `name` before statement `from` of sources[si] (exclusive), walking back through the
 * scope and then the cells above. Throws Stop when the name's value at that point depends on running the code.
 */
export function findBinding(
  sources: readonly Source[],
  si: number,
  from: number,
  name: string,
  isCancelled?: () => boolean,
): Binding {
  let src = sources[si];
  let level = from < src.statements.length ? src.statements[from].level : 0;
  let parent = from < src.statements.length ? src.statements[from].parent : -1;
  const useLine = (from < src.statements.length ? src.statements[from].line : 1) + src.firstLine - 1;
  if (from < src.statements.length) {
    const own = src.statements[from];
    const shadow = shadowingIn(src.text.slice(own.start, own.end), esc(name), src.js);
    if (shadow)
      throw located(new Stop(`${name} is ${shadow} in this statement`, HINT_DEBUGGER), src, own, name);
  }
  for (;;) {
    const sts = src.statements;
    const mentions = mentionsOf(src, name.startsWith('self.') ? name.slice(5) : name);
    for (let i = Math.min(from, sts.length) - 1; i >= 0; i--) {
      if (i % MAX_STEPS_BETWEEN_CANCEL_CHECKS === 0 && isCancelled?.()) throw new Stop('cancelled');
      if (i !== parent && !mentions[i]) continue;
      const st = sts[i];
      if (i === parent) {
        // The header of the block we are in.
        const headerText = src.text.slice(st.start, st.end);
        if (st.header === 'function') {
          if (parametersOf(headerText).includes(name))
            throw located(
              new Stop(`${name} is a parameter of the function at line ${lineOf(src, st)}`, HINT_DEBUGGER),
              src,
              st,
            );
          throw located(
            new Stop(
              `${name} is read inside the function at line ${lineOf(src, st)}: its value is whatever it is when the function runs`,
              HINT_DEBUGGER,
            ),
            src,
            st,
          );
        }
        if (st.header === 'class') {
          throw located(new Stop(`${name} is read in a class body`, HINT_DEBUGGER), src, st);
        }
        const b = bindingIn(src, i, name);
        if (b instanceof Stop) throw located(b, src, st);
        if (st.header === 'loop') checkLoopRebinds(src, i, from, name);
        level = st.level;
        parent = st.parent;
        continue;
      }
      if (st.level > level) {
        // Inside an earlier nested block: a binding there may or may not have run (unless it is a def/class body).
        if (insideFunction(sts, st, level)) continue;
        const b = bindingIn(src, i, name);
        if (b === null) continue;
        if (b instanceof Stop) throw located(b, src, st);
        if (allWith(sts, st, level)) return b;
        throw located(
          new Stop(
            `${name} is assigned inside a block at line ${lineOf(src, st)}; which value reaches line ${useLine} depends on running the code`,
            HINT_DEBUGGER,
          ),
          src,
          st,
        );
      }
      const b = bindingIn(src, i, name);
      if (b === null) continue;
      if (b instanceof Stop) throw located(b, src, st);
      return b;
    }
    if (!src.complete)
      throw new Stop(
        `no binding of ${name} in the text read (resolution reads at most a bounded window back)`,
        HINT_DEBUGGER,
      );
    if (src.cell === undefined && si === 0) break;
    if (si === 0) break;
    si--;
    src = sources[si];
    from = src.statements.length;
    level = 0;
    parent = -1;
  }
  throw new Stop(
    `no assignment to ${name} before line ${useLine}`,
    'Define it above, in this cell or a cell above.',
  );
}

function lineOf(src: Source, st: Statement): number {
  return src.firstLine + st.line - 1;
}

/** Attaches the place of a Stop (where the binding that stopped resolution is). */
export function located(stop: Stop, src: Source, st: Statement, name?: string): Stop {
  const s = stop as Located;
  if (!s.where) s.where = { line: lineOf(src, st), cell: src.cell };
  if (name && !s.where.name) s.where.name = name;
  return s;
}

/** A Stop with the place that stopped resolution. */
export type Located = Stop & { where?: { line: number; cell?: number; name?: string } };

/**
 * `self.name` used in a method: its one assignment in the class's methods (usually `__init__`). Several
 * assignments, or none, stop resolution.
 */
export function findSelfBinding(sources: readonly Source[], si: number, from: number, name: string): Binding {
  const src = sources[si];
  const sts = src.statements;
  let cls = from < sts.length ? sts[from].parent : -1;
  while (cls >= 0 && sts[cls].header !== 'class') cls = sts[cls].parent;
  if (cls < 0) throw new Stop(`${name} is used outside a class body`, HINT_DEBUGGER);
  const found: Binding[] = [];
  for (let i = cls + 1; i < sts.length && sts[i].level > sts[cls].level; i++) {
    const b = bindingIn(src, i, name);
    if (b instanceof Stop) throw located(b, src, sts[i], name);
    if (b) found.push(b);
  }
  if (found.length === 0)
    throw located(
      new Stop(`no assignment to ${name} in the class at line ${lineOf(src, sts[cls])}`, HINT_DEBUGGER),
      src,
      sts[cls],
      name,
    );
  if (found.length > 1)
    throw located(
      new Stop(
        `${name} is assigned in ${found.length} places in the class; which one ran depends on the calls`,
        HINT_DEBUGGER,
      ),
      src,
      sts[found[1].statement],
      name,
    );
  return found[0];
}

function insideFunction(sts: readonly Statement[], st: Statement, level: number): boolean {
  for (let p = st.parent; p >= 0 && sts[p].level >= level; p = sts[p].parent) {
    if (sts[p].header === 'function' || sts[p].header === 'class') return true;
  }
  return false;
}

function allWith(sts: readonly Statement[], st: Statement, level: number): boolean {
  for (let p = st.parent; p >= 0 && sts[p].level >= level; p = sts[p].parent) {
    if (sts[p].header !== 'with') return false;
  }
  return true;
}

/** A use inside a loop body sees a different value on later iterations if the body rebinds the name after it. */
function checkLoopRebinds(src: Source, header: number, use: number, name: string): void {
  const sts = src.statements;
  const h = sts[header];
  for (let j = use; j < sts.length; j++) {
    const st = sts[j];
    if (j > use && st.level <= h.level) break;
    if (j === use) continue;
    const b = bindingIn(src, j, name);
    if (b !== null)
      throw located(
        new Stop(
          `${name} is re-assigned later in the loop at line ${lineOf(src, h)}; its value changes per iteration`,
          HINT_DEBUGGER,
        ),
        src,
        st,
      );
  }
}
