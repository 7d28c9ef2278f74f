// Which spans of a lexed window hold only numbers: digits, signs, commas, brackets, spaces, comments and the named
// numbers of the shared vocabulary (np.pi, -inf, float('nan')…). One pass over the window builds prefix counts, so
// every later question "is [from, to) numeric?" costs O(1): nested literals are checked level by level without
// rescanning their insides (a rescan per level was quadratic on deeply nested input).
import { CONSTANTS, floatStringValue, isFloatCall } from '../parse/names';
import { CODE, COMMENT, STRING } from './lexer';

export interface NumericSpans {
  /** True when [from, to) holds only numeric text (comments allowed) and at least one number. */
  isNumeric(from: number, to: number): boolean;
}

const isWordCode = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isIdentStartCode = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;

/** Characters that may sit in a numeric literal by themselves: \s, digits, . , + - [ ] ( ). */
function isNumericPunct(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    c === 46 ||
    c === 44 ||
    c === 43 ||
    c === 45 ||
    c === 91 ||
    c === 93 ||
    c === 40 ||
    c === 41
  );
}

/** Builds the prefix counts of `text` (lexed as `mask`). */
export function numericSpans(text: string, mask: Uint8Array): NumericSpans {
  const n = text.length;
  const bad = new Int32Array(n + 1);
  const num = new Int32Array(n + 1);
  let i = 0;
  // Marks [i, j) with `b` bad characters and `d` numbers, advancing i.
  const mark = (j: number, isBad: boolean, isNum: boolean): void => {
    for (; i < j; i++) {
      bad[i + 1] = bad[i] + (isBad ? 1 : 0);
      num[i + 1] = num[i] + (isNum && i === j - 1 ? 1 : 0);
    }
  };
  while (i < n) {
    const state = mask[i];
    const c = text.charCodeAt(i);
    if (state === COMMENT) {
      mark(i + 1, false, false);
      continue;
    }
    if (state === STRING) {
      mark(i + 1, true, false);
      continue;
    }
    if (c >= 48 && c <= 57) {
      mark(i + 1, false, true);
      continue;
    }
    if (isNumericPunct(c)) {
      mark(i + 1, false, false);
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : NaN;
    if (isIdentStartCode(c) && !(isWordCode(prev) || prev === 46)) {
      // A dotted name: a constant of the vocabulary, a float('…') call, or not numeric.
      let j = i;
      for (;;) {
        while (j < n && isWordCode(text.charCodeAt(j)) && mask[j] === CODE) j++;
        if (text.charCodeAt(j) === 46 && isIdentStartCode(text.charCodeAt(j + 1)) && mask[j + 1] === CODE)
          j++;
        else break;
      }
      const name = text.slice(i, j);
      if (CONSTANTS.has(name)) {
        mark(j, false, true);
        continue;
      }
      const end = isFloatCall(name) ? floatStringCallEnd(text, mask, j) : -1;
      if (end > 0) {
        mark(end, false, true);
        continue;
      }
      mark(j, true, false);
      continue;
    }
    // Inside a number (1e-5, 2.E3): only an exponent letter, or `_` between digits (1_000.5, as the parser reads it).
    const next = text.charCodeAt(i + 1);
    const separator = c === 95 && prev >= 48 && prev <= 57 && next >= 48 && next <= 57;
    mark(i + 1, !separator && (!(c === 101 || c === 69) || !(isWordCode(prev) || prev === 46)), false);
  }
  return {
    isNumeric: (from, to) => to > from && bad[to] === bad[from] && num[to] > num[from],
  };
}

/** `('inf')` after a float-call name ending at `p`: the end of the call, or -1. */
function floatStringCallEnd(text: string, mask: Uint8Array, p: number): number {
  const skip = (k: number): number => {
    while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
    return k;
  };
  let k = skip(p);
  if (text[k] !== '(') return -1;
  k = skip(k + 1);
  const q = text[k];
  if ((q !== "'" && q !== '"') || mask[k] !== STRING) return -1;
  const rel = text.slice(k + 1, k + 42).indexOf(q);
  if (rel < 0) return -1;
  const close = k + 1 + rel;
  if (floatStringValue(text.slice(k + 1, close).trim()) === undefined) return -1;
  k = skip(close + 1);
  return text[k] === ')' ? k + 1 : -1;
}
