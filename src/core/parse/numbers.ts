// Number reading: one token of the array grammar to a double, exactly as Number(token) would give it. A mantissa of
// ≤ 15 significant digits with a decimal exponent within ±22 is exact with one IEEE multiplication or division
// (Clinger's fast path); longer mantissas go through decimalToDouble or Number() on the slice. Values are stored into
// the output array here (a returned double would be boxed once per element).
import { decimalToDouble, POW10 } from './decimal';
import {
  CH_0,
  CH_9,
  CH_DOT,
  CH_LBRACKET,
  CH_LPAREN,
  CH_MINUS,
  CH_PLUS,
  CH_SLASH,
  CH_STAR,
  CH_UMINUS,
  CH_UNDERSCORE,
  Cursor,
  isDelimiter,
  isIdentStart,
} from './chars';

/**
 * m·10^e10 when that is exact with one IEEE operation (Clinger's fast path: m < 2^53, |e10| ≤ 22), else NaN.
 * The one copy of the fast path; every caller falls back to its own slow path on NaN.
 */
function fastPath(m: number, e10: number): number {
  if (m === 0) return 0;
  if (e10 === 0) return m;
  if (e10 > 0 && e10 <= 22) return m * POW10[e10];
  if (e10 < 0 && e10 >= -22) return m / POW10[-e10];
  return NaN;
}

/** Texts that may hold more numbers than this get a pre-sized output array. */
const PRESIZE_ABOVE = 100_000;

/** The numbers read so far and the cap on their count; the grammar (grammar.ts) builds on it. */
export abstract class NumberReader extends Cursor {
  /**
   * The output. For large texts it is pre-sized (writing by index into a pre-sized array is ~3× faster
   * than growing it one push at a time at a million elements): n numbers need at least 2n − 1 characters,
   * so ⌊(length + 1) / 2⌋ slots (at most the cap) always suffice. Small texts start empty (allocating and
   * hole-filling a large array costs more than growing a small one). Trimmed to the count at the end.
   */
  protected readonly values: number[];
  protected nValues = 0;
  protected extra = 0;
  protected overflowOffset = -1;

  constructor(
    text: string,
    protected readonly cap: number,
  ) {
    super(text);
    const bound = Math.min(cap, Math.floor((text.length + 1) / 2));
    this.values = new Array<number>(bound > PRESIZE_ABOVE ? bound : 16);
    // Make it a double array from the start (one elements kind for every parse: no deopt ping-pong,
    // no transition copy at the first non-integer). Slot 0 is overwritten or trimmed.
    this.values[0] = 0.5;
  }

  /** A number written with a name after a sign (`-inf`, `-float('inf')`): the grammar reads it. */
  protected abstract readNamedNumber(signStart: number): number;

  protected push(v: number, offset: number): void {
    if (this.nValues < this.cap) this.values[this.nValues++] = v;
    else this.overflow(offset);
  }

  /** Counts an element beyond the cap (the parse goes on so the message can give the total). */
  protected overflow(offset: number): void {
    if (this.extra === 0) this.overflowOffset = offset;
    this.extra++;
  }

  protected failEllipsis(offset: number): never {
    return this.fail(
      "summarised printout: '...' stands for values that were not printed, so the array cannot be read " +
        "(print it in full, e.g. np.set_printoptions(threshold=sys.maxsize) or torch.set_printoptions(profile='full'))",
      offset,
      'summarised',
    );
  }

  /**
   * Scans a number at pos. The common grammar ([-]digits[.digits][e[±]digits] then a delimiter) is handled
   * here with local variables only; anything else (a '+', '_', '−', a named number after a sign, an error)
   * goes to scanNumberGeneral, which re-reads the token from its start.
   */
  protected pushNumber(): void {
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
    let v = m < 9007199254740992 ? fastPath(m, e10) : NaN;
    if (v !== v) v = this.longMantissa(neg ? start + 1 : start, p, p, 0);
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
  protected pushNumberRest(
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
      v = fastPath(m, e10);
      if (v !== v) v = Number(t.slice(from, p));
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
  protected longMantissa(start: number, mantissaEnd: number, end: number, explicit: number): number {
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
  protected scanNumberGeneral(): number {
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
        c = this.separator(start, ++p);
        underscore = true;
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
          c = this.separator(start, ++p);
          underscore = true;
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
          c = this.separator(start, ++p);
          underscore = true;
        }
      }
      exp10 += eneg ? -e : e;
    }
    const next = t.charCodeAt(p + 1);
    if (!isDelimiter(c) && !(c === CH_SLASH && (next === CH_SLASH || next === CH_STAR)))
      this.badNumberEnd(start, p, c);
    this.pos = p;
    if (!slow) {
      const v = fastPath(mant, exp10);
      if (v !== v) return this.slowNumber(start, p, underscore);
      return neg ? -v : v;
    }
    return this.slowNumber(start, p, underscore);
  }

  /** The digit after a '_' digit separator at p − 1 (Python's 1_000): one must follow, or the number is bad. */
  private separator(start: number, p: number): number {
    const d = this.text.charCodeAt(p);
    if (!(d >= CH_0 && d <= CH_9))
      this.fail(`invalid number '${this.snippet(start)}': '_' must sit between digits`, start);
    return d;
  }

  protected slowNumber(start: number, end: number, underscore: boolean): number {
    let s = this.text.slice(start, end);
    if (s.charCodeAt(0) === CH_UMINUS) s = '-' + s.slice(1);
    if (underscore) s = s.replace(/_/g, '');
    const e = s.search(/[eE]\u2212/);
    if (e >= 0) s = s.slice(0, e + 1) + '-' + s.slice(e + 2);
    return Number(s);
  }

  protected badNumberEnd(start: number, p: number, c: number): never {
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
  protected signedName(start: number, p: number, neg: boolean): number {
    this.pos = p;
    const v = this.readNamedNumber(start);
    return neg ? -v : v;
  }
}
