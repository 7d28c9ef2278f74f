// A tiny lexer for a bounded window of source text: which characters are code, string or comment, and which
// brackets pair up. Linear in the window's length; never looks outside it.

/** How a document's text is lexed: Python (`#`, quotes, triple quotes), JS/TS (`//`, `/* *\/`, quotes, backticks),
 * or plain (Markdown and anything else: everything is code, because code blocks are the target). */
export type LexMode = 'python' | 'js' | 'plain';

export const CODE = 0;
export const STRING = 1;
export const COMMENT = 2;

const JS_LANGUAGES = new Set([
  'javascript',
  'typescript',
  'javascriptreact',
  'typescriptreact',
  'vue',
  'svelte',
]);
const PY_LANGUAGES = new Set(['python', 'cython', 'ipython', 'jupyter']);

/** The lexing mode for a VS Code language id. */
export function lexModeFor(languageId: string): LexMode {
  if (PY_LANGUAGES.has(languageId)) return 'python';
  if (JS_LANGUAGES.has(languageId)) return 'js';
  return 'plain';
}

/** True for JS-family language ids (TF.js `tf.*` rather than TensorFlow's Python `tf.*`). */
export function isJsLanguage(languageId: string): boolean {
  return JS_LANGUAGES.has(languageId);
}

/** Marks each character of `text` as CODE, STRING or COMMENT. A string left open at the end of a line (single
 * quotes) ends there; a triple-quoted / template / block-comment one runs to its end or the window's end. */
export function lexMask(text: string, mode: LexMode): Uint8Array {
  const n = text.length;
  const mask = new Uint8Array(n);
  if (mode === 'plain') return mask;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // '#'
    if (mode === 'python' && c === 35) {
      const j = lineEnd(text, i);
      mask.fill(COMMENT, i, j);
      i = j;
      continue;
    }
    // '/'
    if (mode === 'js' && c === 47 && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        const j = lineEnd(text, i);
        mask.fill(COMMENT, i, j);
        i = j;
        continue;
      }
      if (d === 42) {
        const close = text.indexOf('*/', i + 2);
        const j = close < 0 ? n : close + 2;
        mask.fill(COMMENT, i, j);
        i = j;
        continue;
      }
    }
    // quotes: ' " and (JS) `
    if (c === 39 || c === 34 || (mode === 'js' && c === 96)) {
      const j = stringEnd(text, i, mode);
      mask.fill(STRING, i, j);
      i = j;
      continue;
    }
    i++;
  }
  return mask;
}

function lineEnd(text: string, from: number): number {
  const j = text.indexOf('\n', from);
  return j < 0 ? text.length : j;
}

/** End (exclusive) of the string literal starting at `start`. */
export function stringEnd(text: string, start: number, mode: LexMode): number {
  const n = text.length;
  const q = text[start];
  const multiline = q === '`' || (mode === 'python' && text.startsWith(q + q + q, start));
  const quote = mode === 'python' && multiline ? q + q + q : q;
  let j = start + quote.length;
  while (j < n) {
    const ch = text[j];
    if (ch === '\\') {
      j += 2;
      continue;
    }
    if (!multiline && ch === '\n') return j;
    if (ch === q && (quote.length === 1 || text.startsWith(quote, j))) return j + quote.length;
    j++;
  }
  return n;
}

export interface BracketInfo {
  /** For every bracket in code: the index of its partner, or -1 when unmatched inside the window. */
  partner: Int32Array;
  /** Openers enclosing `at` (innermost last), as indexes into the text; an opener at `at` itself counts. */
  enclosing: number[];
}

/**
 * Pairs the brackets that are in code. `at` (optional) is a position whose enclosing openers are reported.
 * A closer that does not match the innermost opener is ignored (it belongs to broken code).
 */
export function pairBrackets(text: string, mask: Uint8Array, at = -1): BracketInfo {
  const n = text.length;
  const partner = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const kinds: number[] = [];
  let enclosing: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === at) enclosing = stack.slice();
    if (mask[i] !== CODE) continue;
    const c = text.charCodeAt(i);
    // ( ) [ ] { } = 40 41 91 93 123 125; the kind is the opener's code.
    if (c === 40 || c === 91 || c === 123) {
      stack.push(i);
      kinds.push(c);
      if (i === at) enclosing.push(i);
    } else if (c === 41 || c === 93 || c === 125) {
      const open = c === 41 ? 40 : c - 2;
      if (kinds.length > 0 && kinds[kinds.length - 1] === open) {
        kinds.pop();
        const o = stack.pop() as number;
        partner[o] = i;
        partner[i] = o;
      }
    }
  }
  if (at >= n) enclosing = stack.slice();
  return { partner, enclosing };
}
