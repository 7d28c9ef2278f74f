// The one error type of the parser: a message naming the problem and the offset where it is.

/**
 * What kind of problem a ParseError is; callers switch on this, never on the message (which is for people).
 * - 'syntax': not the grammar of an array (an unknown token, a missing bracket, a bad number…)
 * - 'empty': nothing to read
 * - 'tooLarge': more elements than the cap (the input may be fine; the cap is a setting)
 * - 'tooDeep': lists, or wrapper calls, nested deeper than MAX_NESTING_DEPTH
 * - 'ragged': rows of different lengths, numbers beside lists, or a declared shape= that disagrees
 * - 'summarised': a printout with '...' in place of values
 */
export type ParseErrorKind = 'syntax' | 'empty' | 'tooLarge' | 'tooDeep' | 'ragged' | 'summarised';

/** Raised by parseArray (and shapeOf) for any input it cannot read; `offset` is the index into the input text. */
export class ParseError extends Error {
  readonly offset: number;
  readonly kind: ParseErrorKind;

  /** A specific message (what is wrong) and the offset into the input where it is. */
  constructor(message: string, offset: number, kind: ParseErrorKind = 'syntax') {
    super(message);
    this.name = 'ParseError';
    this.offset = offset;
    this.kind = kind;
  }
}

/** 1-based line and column of an offset, for messages such as "line 3, column 7". */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
