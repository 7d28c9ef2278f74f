// Pure: the plain-text formula of an activation ("1 / (1 + e^(−x))") as a small tree of text, variables,
// superscripts and subscripts, which summary.ts turns into HTML (<var>, <sup>, <sub>) — no LaTeX engine needed.
export type FormulaNode =
  | { t: 'text'; s: string }
  | { t: 'var'; s: string }
  | { t: 'sup'; c: FormulaNode[] }
  | { t: 'sub'; c: FormulaNode[] };

/** Symbols set in italics, as variables are in mathematics (e, log, max stay upright). */
const VARIABLES = new Set(['x', 'y', 'i', 'j', 'k', 'T', 'α', 'β', 'λ', 'γ']);
const CLOSE: Record<string, string> = { '(': ')', '{': '}' };

/** The end (exclusive) of the group that starts at `start` ("(…)", "{…}" or one run of letters/digits). */
function groupEnd(text: string, start: number): number {
  const open = text[start];
  const close = CLOSE[open];
  if (close) {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      if (text[i] === open) depth++;
      else if (text[i] === close && --depth === 0) return i + 1;
    }
    return text.length;
  }
  let i = start;
  if (text[i] === '−' || text[i] === '-') i++;
  while (i < text.length && /[\p{L}\p{N}.]/u.test(text[i])) i++;
  return Math.max(i, start + 1);
}

/** Whether the `_` at `i` joins a multi-letter name (leaky_relu, log_softmax): a subscript follows one symbol only. */
function insideIdentifier(text: string, i: number): boolean {
  const word = /[\p{L}\p{N}]/u;
  return i >= 2 && word.test(text[i - 1]) && word.test(text[i - 2]) && word.test(text[i + 1] ?? '');
}

/** Parses a plain formula into nodes; never throws (unknown text stays text). */
export function parseFormula(text: string): FormulaNode[] {
  const out: FormulaNode[] = [];
  let buffer = '';
  const flush = (): void => {
    if (!buffer) return;
    // Split out single-letter variables (standalone, not inside words like "max" or "exp").
    const parts = buffer.split(/(?<![\p{L}])([\p{L}])(?![\p{L}])/u);
    parts.forEach((part, i) => {
      if (!part) return;
      if (i % 2 === 1 && VARIABLES.has(part)) out.push({ t: 'var', s: part });
      else {
        const last = out[out.length - 1];
        if (last && last.t === 'text') last.s += part;
        else out.push({ t: 'text', s: part });
      }
    });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if ((c === '^' || (c === '_' && !insideIdentifier(text, i))) && i + 1 < text.length) {
      flush();
      const start = i + 1;
      const end = groupEnd(text, start);
      let inner = text.slice(start, end);
      if (CLOSE[inner[0]] && inner.endsWith(CLOSE[inner[0]])) inner = inner.slice(1, -1);
      out.push({ t: c === '^' ? 'sup' : 'sub', c: parseFormula(inner) });
      i = end;
      continue;
    }
    buffer += c;
    i++;
  }
  flush();
  return out;
}
