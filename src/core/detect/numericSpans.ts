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

/** Spans up to this long are answered by a pass over the span itself (no window-wide arrays for a short literal). */
const LOCAL_MAX = 512;

/**
 * The numeric-span oracle of `text` (lexed as `mask`). Short spans are scanned directly until that work reaches the
 * window's length; then (or for a long span) prefix counts of the whole window are built once: linear either way.
 */
export function numericSpans(text: string, mask: Uint8Array): NumericSpans {
  let whole: Counts | null = null;
  let localWork = 0;
  return {
    isNumeric: (from, to) => {
      if (!(to > from)) return false;
      if (!whole && to - from <= LOCAL_MAX && localWork + (to - from) <= text.length) {
        localWork += to - from;
        const c = counts(text, mask, from, to);
        return c.bad[to - from] === 0 && c.num[to - from] > 0;
      }
      whole ??= counts(text, mask, 0, text.length);
      return whole.bad[to] === whole.bad[from] && whole.num[to] > whole.num[from];
    },
  };
}

/** Prefix counts over [a, b): bad[k] = non-numeric characters in [a, a + k), num[k] = numbers ending there. */
interface Counts {
  bad: Int32Array;
  num: Int32Array;
}

function counts(text: string, mask: Uint8Array, a: number, n: number): Counts {
  const bad = new Int32Array(n - a + 1);
  const num = new Int32Array(n - a + 1);
  let i = a;
  // Marks [i, j) as bad or not, the last character ending a number when isNum, advancing i.
  const mark = (j: number, isBad: boolean, isNum: boolean): void => {
    for (; i < j; i++) {
      bad[i - a + 1] = bad[i - a] + (isBad ? 1 : 0);
      num[i - a + 1] = num[i - a] + (isNum && i === j - 1 ? 1 : 0);
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
        if (
          j + 1 < n &&
          text.charCodeAt(j) === 46 &&
          isIdentStartCode(text.charCodeAt(j + 1)) &&
          mask[j + 1] === CODE
        )
          j++;
        else break;
      }
      const name = text.slice(i, j);
      if (CONSTANTS.has(name)) {
        mark(j, false, true);
        continue;
      }
      const end = isFloatCall(name) ? floatStringCallEnd(text, mask, j, n) : -1;
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
  return { bad, num };
}

/** `('inf')` after a float-call name ending at `p`: the end of the call, or -1. */
function floatStringCallEnd(text: string, mask: Uint8Array, p: number, limit: number): number {
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
  return text[k] === ')' && k < limit ? k + 1 : -1;
}
