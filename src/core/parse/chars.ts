// Characters of the array grammar: char codes, their classes, and the cursor every reader moves over the text
// (whitespace and comments, dotted names, short quotes for messages, the one way to fail).
import { ParseError, type ParseErrorKind } from './errors';

export const CH_TAB = 9;
export const CH_LF = 10;
export const CH_CR = 13;
export const CH_SPACE = 32;
export const CH_HASH = 35;
export const CH_QUOTE = 39;
export const CH_DQUOTE = 34;
export const CH_LPAREN = 40;
export const CH_RPAREN = 41;
export const CH_PLUS = 43;
export const CH_COMMA = 44;
export const CH_MINUS = 45;
export const CH_DOT = 46;
export const CH_SLASH = 47;
export const CH_STAR = 42;
export const CH_0 = 48;
export const CH_9 = 57;
export const CH_COLON = 58;
export const CH_SEMI = 59;
export const CH_LT = 60;
export const CH_EQ = 61;
export const CH_GT = 62;
export const CH_LBRACKET = 91;
export const CH_RBRACKET = 93;
export const CH_UNDERSCORE = 95;
export const CH_LBRACE = 123;
export const CH_RBRACE = 125;
export const CH_UMINUS = 0x2212; // '−' as typeset in docs and papers
export const CH_ELLIPSIS = 0x2026; // '…'

export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === CH_UNDERSCORE;
}

export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= CH_0 && c <= CH_9);
}

export function isSpace(c: number): boolean {
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
export function isDelimiter(c: number): boolean {
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

export function closerFor(open: number): number {
  return open === CH_LBRACKET ? CH_RBRACKET : open === CH_LPAREN ? CH_RPAREN : CH_RBRACE;
}

/** A position in a text, with the moves and the error every part of the parser shares. */
export abstract class Cursor {
  protected pos = 0;
  protected readonly n: number;

  constructor(protected readonly text: string) {
    this.n = text.length;
  }

  protected fail(message: string, offset: number, kind: ParseErrorKind = 'syntax'): never {
    throw new ParseError(message, offset, kind);
  }

  /** A short quote of the input from `start` (at least up to `minEnd`, else to the next delimiter), for messages. */
  protected snippet(start: number, minEnd = start + 1): string {
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
  protected skipSpace(): number {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === CH_SPACE || c === CH_LF || c === CH_CR || c === CH_TAB) {
        p++;
      } else if (c === CH_HASH || (c === CH_SLASH && t.charCodeAt(p + 1) === CH_SLASH)) {
        while (p < this.n && t.charCodeAt(p) !== CH_LF) p++;
      } else if (c === CH_SLASH && t.charCodeAt(p + 1) === CH_STAR) {
        // JS block comment
        const end = t.indexOf('*/', p + 2);
        if (end < 0) this.fail("unclosed comment: '/*' with no '*/'", p);
        p = end + 2;
      } else if (c === 0xa0 || c === 0xfeff || c === 12 || c === 11) {
        p++;
      } else {
        this.pos = p;
        return c;
      }
    }
  }

  /** Reads a dotted identifier at pos (e.g. `np.inf`, `tf.Tensor`); returns it and advances. */
  protected readIdent(): string {
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
}
