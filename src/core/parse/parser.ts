// The array reader: one left-to-right pass over char codes (recursive descent, nesting capped at 32, so
// time is linear in the input). Lists may use commas or only whitespace (NumPy/TF printouts); wrappers
// such as np.array(…), tf.Tensor(…, shape=(7,), dtype=float32) or <tf.Tensor: …, numpy=array(…)> are
// transparent. Numbers are built from their digits: a mantissa of ≤ 15 significant digits with a decimal
// exponent within ±22 is exact with one IEEE multiplication or division (Clinger's fast path); anything
// longer goes through Number() on the slice, so every value equals Number(token) exactly.

import { ParseError } from './errors';
import { decimalToDouble, POW10 } from './decimal';
import { ARRAY_CALLS, CALL_PREFIXES, CONSTANTS } from './names';

/** Texts that may hold more numbers than this get a pre-sized output array. */
const PRESIZE_ABOVE = 100_000;

/** Deepest list nesting accepted. */
export const MAX_NESTING_DEPTH = 32;

const KIND_NONE = 0;
const KIND_NUMBER = 1;
const KIND_LIST = 2;

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_HASH = 35;
const CH_QUOTE = 39;
const CH_DQUOTE = 34;
const CH_LPAREN = 40;
const CH_RPAREN = 41;
const CH_PLUS = 43;
const CH_COMMA = 44;
const CH_MINUS = 45;
const CH_DOT = 46;
const CH_SLASH = 47;
const CH_0 = 48;
const CH_9 = 57;
const CH_COLON = 58;
const CH_SEMI = 59;
const CH_LT = 60;
const CH_EQ = 61;
const CH_GT = 62;
const CH_LBRACKET = 91;
const CH_RBRACKET = 93;
const CH_UNDERSCORE = 95;
const CH_LBRACE = 123;
const CH_RBRACE = 125;
const CH_UMINUS = 0x2212; // '−' as typeset in docs and papers
const CH_ELLIPSIS = 0x2026; // '…'

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === CH_UNDERSCORE;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= CH_0 && c <= CH_9);
}

function isSpace(c: number): boolean {
  return (
    c === CH_SPACE ||
    c === CH_LF ||
    c === CH_CR ||
    c === CH_TAB ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 12 ||
    c === 11
  );
}

/** What may follow a number directly (the common ones first). */
function isDelimiter(c: number): boolean {
  return (
    c === CH_COMMA ||
    c === CH_RBRACKET ||
    c === CH_SPACE ||
    c === CH_LF ||
    c === CH_RPAREN ||
    c !== c || // NaN: end of input
    isSpace(c) ||
    c === CH_SEMI ||
    c === CH_HASH ||
    c === CH_GT ||
    c === CH_RBRACE
  );
}

function closerFor(open: number): number {
  return open === CH_LBRACKET ? CH_RBRACKET : open === CH_LPAREN ? CH_RPAREN : CH_RBRACE;
}

/** Result of a parse: the flat row-major values and the inferred shape. */
export interface ParsedArray {
  values: number[];
  shape: number[];
}

/** One-shot parser over a text. */
export class Parser {
  private pos = 0;
  private readonly n: number;
  /**
   * The output. For large texts it is pre-sized (writing by index into a pre-sized array is ~3× faster
   * than growing it one push at a time at a million elements): n numbers need at least 2n − 1 characters,
   * so ⌊(length + 1) / 2⌋ slots (at most the cap) always suffice. Small texts start empty (allocating and
   * hole-filling a large array costs more than growing a small one). Trimmed to the count at the end.
   */
  private readonly values: number[];
  private nValues = 0;
  /**
   * dims[d] = length of every list at nesting depth d (the outermost list has depth 1), −1 while unknown.
   * Always a packed array of small integers of the same size, so optimised code never sees another map.
   */
  private readonly dims: number[] = new Array<number>(MAX_NESTING_DEPTH + 2).fill(-1);
  private leafDepth = -1;
  private maxDepth = 0;
  private extra = 0;
  private overflowOffset = -1;
  /** shape=(…) / size=(…) declared by a top-level wrapper, checked against what was read. */
  private declaredShape: number[] | undefined;
  private declaredShapeOffset = 0;

  constructor(
    private readonly text: string,
    private readonly cap: number,
  ) {
    this.n = text.length;
    const bound = Math.min(cap, Math.floor((text.length + 1) / 2));
    this.values = new Array<number>(bound > PRESIZE_ABOVE ? bound : 16);
    // Make it a double array from the start (one elements kind for every parse: no deopt ping-pong,
    // no transition copy at the first non-integer). Slot 0 is overwritten or trimmed.
    this.values[0] = 0.5;
  }

  private fail(message: string, offset: number, kind: 'syntax' | 'tooLarge' = 'syntax'): never {
    throw new ParseError(message, offset, kind);
  }

  /** A short quote of the input from `start` (at least up to `minEnd`, else to the next delimiter), for messages. */
  private snippet(start: number, minEnd = start + 1): string {
    const t = this.text;
    let end = Math.min(Math.max(minEnd, start + 1), this.n);
    for (; end < this.n && end - start < 24; end++) {
      const c = t.charCodeAt(end);
      if (
        isSpace(c) ||
        c === CH_COMMA ||
        c === CH_RBRACKET ||
        c === CH_RPAREN ||
        c === CH_LBRACKET ||
        c === CH_LPAREN
      )
        break;
    }
    const cut = end < this.n && end - start >= 24 && !isSpace(t.charCodeAt(end));
    const s = t.slice(start, end);
    if (s.length > 32) return s.slice(0, 20) + '…' + s.slice(-8);
    return cut ? s + '…' : s;
  }

  /** Skips whitespace and comments (# … and // …); returns the next char code (NaN at the end). */
  private skipSpace(): number {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === CH_SPACE || c === CH_LF || c === CH_CR || c === CH_TAB) {
        p++;
      } else if (c === CH_HASH || (c === CH_SLASH && t.charCodeAt(p + 1) === CH_SLASH)) {
        while (p < this.n && t.charCodeAt(p) !== CH_LF) p++;
      } else if (c === 0xa0 || c === 0xfeff || c === 12 || c === 11) {
        p++;
      } else {
        this.pos = p;
        return c;
      }
    }
  }

  /** Reads a dotted identifier at pos (e.g. `np.inf`, `tf.Tensor`); returns it and advances. */
  private readIdent(): string {
    const t = this.text;
    const start = this.pos;
    let p = start;
    for (;;) {
      while (p < this.n && isIdentPart(t.charCodeAt(p))) p++;
      if (t.charCodeAt(p) === CH_DOT && isIdentStart(t.charCodeAt(p + 1))) {
        p++;
        continue;
      }
      break;
    }
    this.pos = p;
    return t.slice(start, p);
  }

  // ---------------------------------------------------------------- top level

  /** Parses the whole text. */
  parse(): ParsedArray {
    const t = this.text;
    this.skipSpace();
    if (this.pos >= this.n) this.fail('empty input: nothing to read', 0);
    this.skipPrelude();
    let c = this.skipSpace();
    if (this.pos >= this.n) this.fail('no array after the assignment', this.pos);

    // The top level is a list without brackets (depth 0): one item is the result itself;
    // several items (or a trailing comma) make a bare list such as `1, 2, 3` or `1 2 3`.
    let items = 0;
    let sawComma = false;
    let kind = KIND_NONE;
    let expectItem = true;
    for (;;) {
      c = this.skipSpace();
      if (this.pos >= this.n) break;
      if (c === CH_COMMA) {
        if (expectItem)
          this.fail(
            items === 0
              ? "unexpected ',' before the first number"
              : "unexpected ',': empty item between commas",
            this.pos,
          );
        sawComma = true;
        expectItem = true;
        this.pos++;
        continue;
      }
      if (c === CH_SEMI) {
        this.pos++;
        this.skipSpace();
        if (this.pos < this.n) this.fail(`unexpected text after ';': '${this.snippet(this.pos)}'`, this.pos);
        break;
      }
      if (c === CH_RBRACKET || c === CH_RPAREN || c === CH_RBRACE) {
        this.fail(`unexpected closing '${t[this.pos]}' with no opening bracket`, this.pos);
      }
      const k = this.parseItem(0, kind);
      if (kind === KIND_NONE) kind = k;
      items++;
      expectItem = false;
    }
    if (items === 0) this.fail('empty input: nothing to read', 0);
    if (this.extra > 0) {
      this.fail(
        `too many elements (${this.nValues + this.extra} > ${this.cap})`,
        this.overflowOffset,
        'tooLarge',
      );
    }
    this.values.length = this.nValues;
    const rank = this.leafDepth >= 0 ? this.leafDepth : this.maxDepth;
    const inner = this.dims.slice(1, rank + 1);
    let shape: number[];
    if (items === 1 && !sawComma) {
      shape = inner;
    } else {
      shape = [items, ...inner];
    }
    if (this.declaredShape !== undefined) shape = this.reconcileShape(shape, this.declaredShape);
    return { values: this.values, shape };
  }

  private reconcileShape(found: number[], declared: number[]): number[] {
    const same = found.length === declared.length && found.every((d, i) => d === declared[i]);
    if (same) return found;
    const declaredSize = declared.reduce((a, b) => a * b, 1);
    // An empty printout ('[]') carries its real shape only in shape=/size=.
    if (this.nValues === 0 && declaredSize === 0) return declared;
    const show = (s: number[]): string => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`);
    return this.fail(
      `the printout declares shape ${show(declared)} but its values have shape ${show(found)}`,
      this.declaredShapeOffset,
    );
  }

  /** Skips `>>>`, `Out[3]:`, `x =`, `const x =` in front of the value. */
  private skipPrelude(): void {
    const t = this.text;
    if (t.startsWith('>>>', this.pos)) {
      this.pos += 3;
      this.skipSpace();
    }
    const save = this.pos;
    if (isIdentStart(t.charCodeAt(this.pos))) {
      let name = this.readIdent();
      if (name === 'Out' || name === 'In') {
        // Jupyter: Out[3]: value
        const m = /^\s*\[\s*\d+\s*\]\s*:/.exec(t.slice(this.pos, this.pos + 16));
        if (m) {
          this.pos += m[0].length;
          return;
        }
      }
      if (name === 'const' || name === 'let' || name === 'var') {
        this.skipSpace();
        if (!isIdentStart(t.charCodeAt(this.pos))) {
          this.pos = save;
          return;
        }
        name = this.readIdent();
      }
      this.skipSpace();
      if (t.charCodeAt(this.pos) === CH_EQ && t.charCodeAt(this.pos + 1) !== CH_EQ) {
        this.pos++;
        return;
      }
    }
    this.pos = save;
  }

  // ---------------------------------------------------------------- items

  /** Notes that a number sits at `depth` (the depth of the list holding it; 0 = top level). */
  private leafAt(depth: number, offset: number): void {
    if (this.leafDepth === depth) return;
    if (this.leafDepth === -1) {
      if (this.maxDepth > depth)
        this.fail(`inconsistent nesting: a number where other items are lists`, offset);
      this.leafDepth = depth;
      return;
    }
    this.fail(
      depth < this.leafDepth
        ? `inconsistent nesting: a number where other items are lists nested ${this.leafDepth - depth} level(s) deeper`
        : `inconsistent nesting: a list nested ${depth - this.leafDepth} level(s) deeper than the other numbers`,
      offset,
    );
  }

  private push(v: number, offset: number): void {
    if (this.nValues < this.cap) this.values[this.nValues++] = v;
    else this.overflow(offset);
  }

  /** Counts an element beyond the cap (the parse goes on so the message can give the total). */
  private overflow(offset: number): void {
    if (this.extra === 0) this.overflowOffset = offset;
    this.extra++;
  }

  /**
   * Parses one item of a list at `parentDepth` (number, list, wrapper call, tf repr) and returns its kind.
   * `siblings` is the kind of the items before it in the same list (numbers and lists cannot mix).
   */
  private parseItem(parentDepth: number, siblings: number): number {
    const t = this.text;
    const start = this.pos;
    const c = t.charCodeAt(start);
    if (c === CH_DOT && isIdentStart(t.charCodeAt(start + 1))) {
      this.pos = start + 1;
      const method = this.readIdent();
      this.fail(`method calls such as '.${method}' are not supported: select the array itself`, start);
    }
    if ((c >= CH_0 && c <= CH_9) || c === CH_MINUS || c === CH_PLUS || c === CH_DOT || c === CH_UMINUS) {
      if (c === CH_DOT && t.charCodeAt(start + 1) === CH_DOT) this.failEllipsis(start);
      if (siblings === KIND_LIST)
        this.fail('a number among lists: every item of a list must be a list here', start);
      if (siblings === KIND_NONE) this.leafAt(parentDepth, start);
      this.pushNumber();
      return KIND_NUMBER;
    }
    if (c === CH_LBRACKET || c === CH_LPAREN) {
      if (siblings === KIND_NUMBER)
        this.fail('a list among numbers: every item of a list must be a number here', start);
      this.pos++;
      this.parseList(parentDepth + 1, start, closerFor(c));
      return KIND_LIST;
    }
    if (isIdentStart(c)) return this.parseNamed(parentDepth, siblings);
    if (c === CH_LT) return this.parseAngleRepr(parentDepth, siblings);
    if (c === CH_QUOTE || c === CH_DQUOTE) {
      const close = t.indexOf(t[start], start + 1);
      const quoted = close > 0 && close - start < 40 ? t.slice(start, close + 1) : this.snippet(start);
      this.fail(`a string is not a number: ${quoted}`, start);
    }
    if (c === CH_ELLIPSIS) this.failEllipsis(start);
    if (c === CH_LBRACE) this.fail("'{' is not an array bracket (objects are not supported)", start);
    return this.fail(`unknown token '${this.snippet(start)}'`, start);
  }

  private failEllipsis(offset: number): never {
    return this.fail(
      "summarised printout: '...' stands for values that were not printed, so the array cannot be read " +
        "(print it in full, e.g. np.set_printoptions(threshold=sys.maxsize) or torch.set_printoptions(profile='full'))",
      offset,
    );
  }

  /** A list whose opening bracket is at `openOffset`; pos is just after it. */
  private parseList(depth: number, openOffset: number, closer: number): void {
    if (depth > MAX_NESTING_DEPTH) this.fail(`nesting deeper than ${MAX_NESTING_DEPTH} levels`, openOffset);
    if (depth > this.maxDepth) {
      this.maxDepth = depth;
      if (this.leafDepth >= 0 && depth > this.leafDepth) {
        this.fail(`inconsistent nesting: a list nested deeper than the numbers elsewhere`, openOffset);
      }
    }
    const t = this.text;
    let count = 0;
    let kind = KIND_NONE;
    let expectItem = true; // at the start or right after a comma
    for (;;) {
      let c = t.charCodeAt(this.pos);
      // Hot path: a plain number right here (JSON-like `1.5,` or NumPy-like ` 1.5`).
      if ((c >= CH_0 && c <= CH_9) || c === CH_MINUS) {
        const start = this.pos;
        if (kind !== KIND_NUMBER) {
          if (kind === KIND_LIST)
            this.fail('a number among lists: every item of a list must be a list here', start);
          this.leafAt(depth, start);
          kind = KIND_NUMBER;
        }
        this.pushNumber();
        count++;
        expectItem = false;
        c = t.charCodeAt(this.pos);
        if (c === CH_COMMA) {
          this.pos++;
          expectItem = true;
          continue;
        }
      }
      if (c === CH_SPACE || c === CH_LF || c === CH_CR || c === CH_TAB) {
        this.pos++;
        continue;
      }
      if (c === closer) {
        this.pos++;
        break;
      }
      if (c === CH_COMMA) {
        if (expectItem) {
          this.fail(
            count === 0
              ? "unexpected ',' right after the opening bracket"
              : "unexpected ',': empty item between commas",
            this.pos,
          );
        }
        expectItem = true;
        this.pos++;
        continue;
      }
      c = this.skipSpace();
      if (c === closer) continue;
      if (this.pos >= this.n) {
        this.fail(
          `unclosed '${t[openOffset]}': no matching '${String.fromCharCode(closer)}' before the end of the input`,
          openOffset,
        );
      }
      if (c === CH_RBRACKET || c === CH_RPAREN || c === CH_RBRACE) {
        this.fail(
          `mismatched brackets: '${t[this.pos]}' closes the '${t[openOffset]}' opened at offset ${openOffset}`,
          this.pos,
        );
      }
      if (c === CH_COMMA) continue;
      if (c === CH_SEMI)
        this.fail(`unexpected ';' inside '${t[openOffset]}' opened at offset ${openOffset}`, this.pos);
      const k = this.parseItem(depth, kind);
      if (kind === KIND_NONE) kind = k;
      count++;
      expectItem = false;
    }
    const expected = this.dims[depth];
    if (expected < 0) {
      this.dims[depth] = count;
    } else if (expected !== count) {
      this.fail(
        `ragged nested list: this row has ${count} element${count === 1 ? '' : 's'}, expected ${expected} like the first row at the same depth`,
        openOffset,
      );
    }
  }

  // ---------------------------------------------------------------- numbers

  /**
   * Scans a number at pos. The common grammar ([-]digits[.digits][e[±]digits] then a delimiter) is handled
   * here with local variables only; anything else (a '+', '_', '−', a named number after a sign, an error)
   * goes to scanNumberGeneral, which re-reads the token from its start.
   */
  private pushNumber(): void {
    const t = this.text;
    const start = this.pos;
    let p = start;
    let c = t.charCodeAt(p);
    let neg = false;
    if (c === CH_MINUS) {
      neg = true;
      c = t.charCodeAt(++p);
    }
    // All digits go into m; while m < 2^53 every partial value was exact (rounding is monotonic, so a
    // computed m below 2^53 means the true one is too).
    let m = 0;
    const intStart = p;
    while (c >= CH_0 && c <= CH_9) {
      m = m * 10 + (c - CH_0);
      c = t.charCodeAt(++p);
    }
    let digits = p - intStart;
    let e10 = 0;
    if (c === CH_DOT) {
      const fracStart = ++p;
      c = t.charCodeAt(p);
      while (c >= CH_0 && c <= CH_9) {
        m = m * 10 + (c - CH_0);
        c = t.charCodeAt(++p);
      }
      e10 = fracStart - p;
      digits += p - fracStart;
    }
    // Kept small so V8 inlines it into parseList: exponents and unusual endings continue elsewhere.
    if (digits === 0 || c === 101 || c === 69 || !isDelimiter(c))
      return this.pushNumberRest(start, p, m, e10, neg, digits);
    const v =
      m < 9007199254740992 && e10 >= -22
        ? m / POW10[-e10]
        : this.longMantissa(neg ? start + 1 : start, p, p, 0);
    this.pos = p;
    // Stored here rather than returned: a returned double would be boxed once per element.
    if (this.nValues < this.cap) this.values[this.nValues++] = neg ? -v : v;
    else this.overflow(start);
  }

  /**
   * pushNumber after the mantissa: `p` is just past it, `m`/`e10`/`digits` its digits, their scale and count. Reads an
   * exponent; anything else unusual (no digits, a '_', a bad ending, an error) re-reads the token with
   * scanNumberGeneral.
   */
  private pushNumberRest(
    start: number,
    p: number,
    m: number,
    e10: number,
    neg: boolean,
    digits: number,
  ): void {
    const t = this.text;
    let c = t.charCodeAt(p);
    if (digits === 0 || !(c === 101 || c === 69)) return this.push(this.scanNumberGeneral(), start);
    const mantissaEnd = p;
    c = t.charCodeAt(++p);
    let eneg = false;
    if (c === CH_MINUS) {
      eneg = true;
      c = t.charCodeAt(++p);
    } else if (c === CH_PLUS) {
      c = t.charCodeAt(++p);
    }
    if (!(c >= CH_0 && c <= CH_9)) return this.push(this.scanNumberGeneral(), start);
    let explicit = 0;
    while (c >= CH_0 && c <= CH_9) {
      if (explicit < 100000) explicit = explicit * 10 + (c - CH_0);
      c = t.charCodeAt(++p);
    }
    if (!isDelimiter(c)) return this.push(this.scanNumberGeneral(), start);
    if (eneg) explicit = -explicit;
    e10 += explicit;
    const from = neg ? start + 1 : start;
    let v: number;
    if (m < 9007199254740992) {
      if (m === 0) v = 0;
      else if (e10 === 0) v = m;
      else if (e10 > 0 && e10 <= 22) v = m * POW10[e10];
      else if (e10 < 0 && e10 >= -22) v = m / POW10[-e10];
      else v = Number(t.slice(from, p));
    } else {
      v = this.longMantissa(from, mantissaEnd, p, explicit);
    }
    this.pos = p;
    this.push(neg ? -v : v, start);
  }

  /**
   * A plain decimal whose digits do not fit below 2^53: the first 15 significant digits and up to 4 more
   * go to decimalToDouble (exact double-double); more digits, or an undecided rounding, use Number().
   */
  private longMantissa(start: number, mantissaEnd: number, end: number, explicit: number): number {
    const t = this.text;
    let h = 0;
    let l = 0;
    let k = 0;
    let sig = 0;
    let e10 = explicit;
    let frac = false;
    for (let p = start; p < mantissaEnd; p++) {
      const c = t.charCodeAt(p);
      if (c === CH_DOT) {
        frac = true;
        continue;
      }
      const d = c - CH_0;
      if (sig < 15) {
        h = h * 10 + d;
        if (h !== 0) sig++;
        if (frac) e10--;
      } else if (sig < 19) {
        l = l * 10 + d;
        k++;
        sig++;
        if (frac) e10--;
      } else {
        return Number(t.slice(start, end));
      }
    }
    const v = k === 0 ? NaN : decimalToDouble(h, l, k, e10);
    return v === v ? v : Number(t.slice(start, end));
  }

  /** The full number grammar with precise errors (see pushNumber). */
  private scanNumberGeneral(): number {
    const t = this.text;
    const start = this.pos;
    let p = start;
    let c = t.charCodeAt(p);
    let neg = false;
    if (c === CH_MINUS || c === CH_UMINUS) {
      neg = true;
      c = t.charCodeAt(++p);
    } else if (c === CH_PLUS) {
      c = t.charCodeAt(++p);
    }
    if (!((c >= CH_0 && c <= CH_9) || c === CH_DOT)) {
      if (p > start && isIdentStart(c)) return this.signedName(start, p, neg);
      if (c === CH_MINUS || c === CH_PLUS || c === CH_UMINUS)
        this.fail(`invalid number '${this.snippet(start)}': repeated sign`, start);
      this.fail(`invalid number '${this.snippet(start)}': a sign must be followed by digits`, start);
    }
    let mant = 0;
    let sig = 0; // significant digits folded into mant
    let exp10 = 0;
    let digits = 0;
    let slow = false;
    let underscore = false;
    // integer part
    while (c >= CH_0 && c <= CH_9) {
      if (mant !== 0 || c !== CH_0) {
        if (++sig > 15) slow = true;
        else mant = mant * 10 + (c - CH_0);
      }
      digits++;
      c = t.charCodeAt(++p);
      if (c === CH_UNDERSCORE) {
        const d = t.charCodeAt(p + 1);
        if (!(d >= CH_0 && d <= CH_9))
          this.fail(`invalid number '${this.snippet(start)}': '_' must sit between digits`, start);
        underscore = true;
        c = t.charCodeAt(++p);
      }
    }
    if (c === CH_DOT) {
      c = t.charCodeAt(++p);
      if (c === CH_DOT) {
        if (digits === 0) this.failEllipsis(p - 1);
        this.fail(`invalid number '${this.snippet(start)}': two decimal points`, start);
      }
      while (c >= CH_0 && c <= CH_9) {
        if (mant !== 0 || c !== CH_0) {
          if (++sig > 15) slow = true;
          else {
            mant = mant * 10 + (c - CH_0);
            exp10--;
          }
        } else {
          exp10--;
        }
        digits++;
        c = t.charCodeAt(++p);
        if (c === CH_UNDERSCORE) {
          const d = t.charCodeAt(p + 1);
          if (!(d >= CH_0 && d <= CH_9))
            this.fail(`invalid number '${this.snippet(start)}': '_' must sit between digits`, start);
          underscore = true;
          c = t.charCodeAt(++p);
        }
      }
    }
    if (digits === 0) this.fail(`invalid number '${this.snippet(start)}': no digits`, start);
    if (c === 101 || c === 69) {
      // e / E
      c = t.charCodeAt(++p);
      let eneg = false;
      if (c === CH_MINUS || c === CH_PLUS || c === CH_UMINUS) {
        eneg = c !== CH_PLUS;
        c = t.charCodeAt(++p);
      }
      if (!(c >= CH_0 && c <= CH_9))
        this.fail(`invalid number '${this.snippet(start, p)}': the exponent has no digits`, start);
      let e = 0;
      while (c >= CH_0 && c <= CH_9) {
        if (e < 100000) e = e * 10 + (c - CH_0);
        c = t.charCodeAt(++p);
        if (c === CH_UNDERSCORE) {
          const d = t.charCodeAt(p + 1);
          if (!(d >= CH_0 && d <= CH_9))
            this.fail(`invalid number '${this.snippet(start)}': '_' must sit between digits`, start);
          underscore = true;
          c = t.charCodeAt(++p);
        }
      }
      exp10 += eneg ? -e : e;
    }
    if (!isDelimiter(c) && !(c === CH_SLASH && t.charCodeAt(p + 1) === CH_SLASH))
      this.badNumberEnd(start, p, c);
    this.pos = p;
    if (!slow) {
      let v: number;
      if (mant === 0) v = 0;
      else if (exp10 === 0) v = mant;
      else if (exp10 > 0 && exp10 <= 22) v = mant * POW10[exp10];
      else if (exp10 < 0 && exp10 >= -22) v = mant / POW10[-exp10];
      else return this.slowNumber(start, p, underscore);
      return neg ? -v : v;
    }
    return this.slowNumber(start, p, underscore);
  }

  private slowNumber(start: number, end: number, underscore: boolean): number {
    let s = this.text.slice(start, end);
    if (s.charCodeAt(0) === CH_UMINUS) s = '-' + s.slice(1);
    if (underscore) s = s.replace(/_/g, '');
    const e = s.search(/[eE]\u2212/);
    if (e >= 0) s = s.slice(0, e + 1) + '-' + s.slice(e + 2);
    return Number(s);
  }

  private badNumberEnd(start: number, p: number, c: number): never {
    const tok = this.snippet(start, p + 1);
    if (c === CH_DOT) this.fail(`invalid number '${tok}': two decimal points`, start);
    if (c === 106 || c === 74) this.fail(`invalid number '${tok}': complex numbers are not supported`, start);
    if ((c === 120 || c === 88) && p - start === 1 && this.text.charCodeAt(start) === CH_0) {
      this.fail(`invalid number '${tok}': hexadecimal is not supported`, start);
    }
    if (c === CH_MINUS || c === CH_PLUS)
      this.fail(`invalid number '${tok}': unexpected '${String.fromCharCode(c)}'`, start);
    if (c === CH_LBRACKET || c === CH_LPAREN) {
      this.fail(`invalid number '${tok}': '${String.fromCharCode(c)}' right after a number`, start);
    }
    return this.fail(`invalid number '${tok}'`, start);
  }

  /** `-inf`, `+np.inf`, `-float('inf')`: a sign in front of a named number. */
  private signedName(start: number, p: number, neg: boolean): number {
    this.pos = p;
    const v = this.readNamedNumber(start);
    return neg ? -v : v;
  }

  /** Splits a dotted call name into the prefix and the last segment. */
  private static callParts(name: string): { prefix: string; last: string } {
    const dot = name.lastIndexOf('.');
    return dot >= 0 ? { prefix: name.slice(0, dot), last: name.slice(dot + 1) } : { prefix: '', last: name };
  }

  private static isKnownCall(name: string): boolean {
    const { prefix, last } = Parser.callParts(name);
    return ARRAY_CALLS.has(last) && CALL_PREFIXES.has(prefix);
  }

  private static isFloatCall(name: string): boolean {
    const { last } = Parser.callParts(name);
    return last === 'float' || last === 'double' || last.startsWith('float');
  }

  /**
   * A number written with a name, returned without being stored: a constant (inf, np.nan), or a scalar
   * call such as float('inf') or np.float32(1.5). Used after a sign; `signStart` is where the sign is.
   */
  private readNamedNumber(signStart: number): number {
    const t = this.text;
    const start = this.pos;
    const name = this.readIdent();
    const constant = CONSTANTS.get(name);
    if (constant !== undefined) {
      if (!isDelimiter(t.charCodeAt(this.pos))) this.fail(`unknown token '${this.snippet(start)}'`, start);
      return constant;
    }
    this.skipSpace();
    if (t.charCodeAt(this.pos) !== CH_LPAREN || !Parser.isKnownCall(name)) {
      return this.fail(`a sign must be followed by a number, not '${this.snippet(start)}'`, signStart);
    }
    const openOffset = this.pos;
    this.pos++;
    const c = this.skipSpace();
    let v: number;
    if ((c === CH_QUOTE || c === CH_DQUOTE) && Parser.isFloatCall(name)) {
      v = this.readFloatString();
    } else if (
      (c >= CH_0 && c <= CH_9) ||
      c === CH_MINUS ||
      c === CH_PLUS ||
      c === CH_DOT ||
      c === CH_UMINUS
    ) {
      v = this.scanNumberGeneral();
    } else if (isIdentStart(c)) {
      v = this.readNamedNumber(this.pos);
    } else {
      return this.fail(`a sign must be followed by a number, not '${this.snippet(start)}'`, signStart);
    }
    this.closeCall(name, openOffset, false);
    return v;
  }

  /** After the data argument of a call: ')' or ', more=args)'. */
  private closeCall(name: string, openOffset: number, topLevel: boolean): void {
    const c = this.skipSpace();
    if (c === CH_RPAREN) {
      this.pos++;
    } else if (c === CH_COMMA) {
      this.pos++;
      this.skipArguments(openOffset, topLevel);
    } else if (this.pos >= this.n) {
      this.fail(`unclosed '(' of '${name}(': no matching ')'`, openOffset);
    } else {
      this.fail(
        `expected ',' or ')' after the data of '${name}(…)', found '${this.text[this.pos]}'`,
        this.pos,
      );
    }
  }

  // ---------------------------------------------------------------- names, calls, reprs

  /** An item that starts with a name: a constant (inf, np.nan…), a wrapper call, or TF.js `Tensor [..]`. */
  private parseNamed(parentDepth: number, siblings: number): number {
    const t = this.text;
    const start = this.pos;
    let name = this.readIdent();
    const constant = CONSTANTS.get(name);
    if (constant !== undefined) {
      if (!isDelimiter(t.charCodeAt(this.pos))) this.fail(`unknown token '${this.snippet(start)}'`, start);
      if (siblings === KIND_LIST)
        this.fail('a number among lists: every item of a list must be a list here', start);
      if (siblings === KIND_NONE) this.leafAt(parentDepth, start);
      this.push(constant, start);
      return KIND_NUMBER;
    }
    if (name === 'new') {
      this.skipSpace();
      if (!isIdentStart(t.charCodeAt(this.pos))) this.fail("expected a constructor after 'new'", this.pos);
      name = this.readIdent();
    }
    const c = this.skipSpace();
    if (c !== CH_LPAREN) {
      if (name === 'Tensor' && c === CH_LBRACKET) {
        // TF.js print(): "Tensor\n    [1, 2, 3]"
        return this.parseItem(parentDepth, siblings);
      }
      if (name === 'True' || name === 'False' || name === 'true' || name === 'false') {
        this.fail(`unknown token '${name}': booleans are not numbers`, start);
      }
      if (name === 'None' || name === 'undefined') this.fail(`unknown token '${name}': not a number`, start);
      return this.fail(`unknown token '${name.length > 40 ? name.slice(0, 40) + '…' : name}'`, start);
    }
    if (!Parser.isKnownCall(name)) {
      this.fail(
        `unknown function '${name}(…)': expected an array such as np.array([...]) or tf.constant([...])`,
        start,
      );
    }
    const openOffset = this.pos;
    this.pos++;
    const cc = this.skipSpace();
    if (cc === CH_RPAREN) this.fail(`'${name}()' has no data`, openOffset);
    if (this.pos >= this.n) this.fail(`unclosed '(' of '${name}(': no matching ')'`, openOffset);
    let kind: number;
    if ((cc === CH_QUOTE || cc === CH_DQUOTE) && Parser.isFloatCall(name)) {
      // float('inf'), float("-nan"), np.float32('1.5')
      if (siblings === KIND_LIST)
        this.fail('a number among lists: every item of a list must be a list here', this.pos);
      if (siblings === KIND_NONE) this.leafAt(parentDepth, start);
      const valueStart = this.pos;
      this.push(this.readFloatString(), valueStart);
      kind = KIND_NUMBER;
    } else {
      kind = this.parseItem(parentDepth, siblings);
    }
    this.closeCall(name, openOffset, parentDepth === 0);
    return kind;
  }

  /** The string argument of float('…'): Python's float() spellings, case-insensitive. */
  private readFloatString(): number {
    const t = this.text;
    const quote = t.charCodeAt(this.pos);
    const start = this.pos;
    const end = t.indexOf(String.fromCharCode(quote), start + 1);
    if (end < 0) this.fail('unclosed string', start);
    const raw = t
      .slice(start + 1, end)
      .trim()
      .replace(/_/g, '');
    this.pos = end + 1;
    const m = /^([+-]?)(inf|infinity|nan)$/i.exec(raw);
    if (m) {
      const v = m[2].toLowerCase() === 'nan' ? NaN : Infinity;
      return m[1] === '-' ? -v : v;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) return Number(raw);
    const quoted = end - start < 40 ? t.slice(start, end + 1) : t.slice(start, start + 30) + '…' + t[end];
    return this.fail(`float() of an invalid string ${quoted}`, start);
  }

  /**
   * Skips the remaining arguments of a wrapper call up to its ')' (dtype=…, requires_grad=True,
   * device='cpu', grad_fn=<…>), reading shape=(…)/size=(…) when `topLevel`.
   */
  private skipArguments(openOffset: number, topLevel: boolean): void {
    for (;;) {
      let c = this.skipSpace();
      if (this.pos >= this.n) this.fail(`unclosed '(': no matching ')'`, openOffset);
      if (c === CH_RPAREN) {
        this.pos++;
        return;
      }
      if (c === CH_COMMA) {
        this.pos++;
        continue;
      }
      if (isIdentStart(c)) {
        const keyStart = this.pos;
        const key = this.readIdent();
        c = this.skipSpace();
        if (c === CH_EQ && (key === 'shape' || key === 'size')) {
          this.pos++;
          const c2 = this.skipSpace();
          if (c2 === CH_LPAREN || c2 === CH_LBRACKET) {
            const shape = this.readIntTuple();
            if (topLevel && shape) {
              this.declaredShape = shape;
              this.declaredShapeOffset = keyStart;
            }
            continue;
          }
        }
      }
      this.skipValue(openOffset);
    }
  }

  /** Reads `(7,)`, `(2, 3)`, `()` or `[2, 3]`; returns undefined (and skips it) if it is not a tuple of ints. */
  private readIntTuple(): number[] | undefined {
    const t = this.text;
    const open = this.pos;
    const closer = closerFor(t.charCodeAt(open));
    const end = t.indexOf(String.fromCharCode(closer), open);
    if (end < 0) this.fail(`unclosed '${t[open]}'`, open);
    const inner = t.slice(open + 1, end);
    this.pos = end + 1;
    if (!/^[\s\d,]*$/.test(inner)) return undefined;
    return inner
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map(Number);
  }

  /** Skips one argument value up to the next top-level ',' or the closing ')' (not consumed). */
  private skipValue(openOffset: number): void {
    const t = this.text;
    const stack: number[] = [];
    for (;;) {
      if (this.pos >= this.n) this.fail(`unclosed '(': no matching ')'`, openOffset);
      const c = t.charCodeAt(this.pos);
      if (stack.length === 0 && (c === CH_COMMA || c === CH_RPAREN)) return;
      if (c === CH_QUOTE || c === CH_DQUOTE) {
        const end = t.indexOf(String.fromCharCode(c), this.pos + 1);
        if (end < 0) this.fail('unclosed string', this.pos);
        this.pos = end + 1;
        continue;
      }
      if (c === CH_LPAREN || c === CH_LBRACKET || c === CH_LBRACE) {
        if (stack.length >= MAX_NESTING_DEPTH)
          this.fail(`nesting deeper than ${MAX_NESTING_DEPTH} levels`, this.pos);
        stack.push(closerFor(c));
      } else if (c === CH_RPAREN || c === CH_RBRACKET || c === CH_RBRACE) {
        if (stack.pop() !== c) this.fail(`mismatched '${t[this.pos]}' in the arguments`, this.pos);
      } else if (
        c === CH_DOT &&
        t.charCodeAt(this.pos + 1) === CH_DOT &&
        t.charCodeAt(this.pos + 2) === CH_DOT
      ) {
        this.failEllipsis(this.pos);
      }
      this.pos++;
    }
  }

  /** `<tf.Tensor: shape=(7,), dtype=float32, numpy=array([...], dtype=float32)>` and `<tf.Variable '…' …, numpy=…>`. */
  private parseAngleRepr(parentDepth: number, siblings: number): number {
    const t = this.text;
    const open = this.pos;
    this.pos++;
    let kind = -1;
    for (;;) {
      const c = this.skipSpace();
      if (this.pos >= this.n) this.fail("unclosed '<': no matching '>'", open);
      if (c === CH_GT) {
        this.pos++;
        break;
      }
      if (isIdentStart(c)) {
        const keyStart = this.pos;
        const key = this.readIdent();
        const c2 = this.skipSpace();
        if (c2 === CH_EQ) {
          this.pos++;
          this.skipSpace();
          if (key === 'numpy' && kind < 0) {
            kind = this.parseItem(parentDepth, siblings);
            continue;
          }
          if (key === 'shape') {
            const c3 = t.charCodeAt(this.pos);
            if (c3 === CH_LPAREN || c3 === CH_LBRACKET) {
              const shape = this.readIntTuple();
              if (parentDepth === 0 && shape) {
                this.declaredShape = shape;
                this.declaredShapeOffset = keyStart;
              }
              continue;
            }
          }
        }
        continue;
      }
      if (c === CH_QUOTE || c === CH_DQUOTE) {
        const end = t.indexOf(String.fromCharCode(c), this.pos + 1);
        if (end < 0) this.fail('unclosed string', this.pos);
        this.pos = end + 1;
        continue;
      }
      if (c === CH_LPAREN || c === CH_LBRACKET) {
        this.skipBalanced();
        continue;
      }
      if (c === CH_COMMA || c === CH_COLON) {
        this.pos++;
        continue;
      }
      this.pos++;
    }
    if (kind < 0) this.fail("this tensor repr has no 'numpy=' values (a symbolic tensor?)", open);
    return kind;
  }

  /** Skips a balanced (...) or [...] group at pos. */
  private skipBalanced(): void {
    const t = this.text;
    const open = this.pos;
    const stack: number[] = [];
    for (;;) {
      if (this.pos >= this.n) this.fail(`unclosed '${t[open]}'`, open);
      const c = t.charCodeAt(this.pos);
      if (c === CH_LPAREN || c === CH_LBRACKET || c === CH_LBRACE) {
        if (stack.length >= MAX_NESTING_DEPTH)
          this.fail(`nesting deeper than ${MAX_NESTING_DEPTH} levels`, this.pos);
        stack.push(closerFor(c));
      } else if (c === CH_RPAREN || c === CH_RBRACKET || c === CH_RBRACE) {
        if (stack.pop() !== c) this.fail(`mismatched '${t[this.pos]}'`, this.pos);
        if (stack.length === 0) {
          this.pos++;
          return;
        }
      }
      this.pos++;
    }
  }
}
