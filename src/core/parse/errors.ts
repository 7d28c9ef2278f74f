// The one error type of the parser: a message naming the problem and the offset where it is.

/** Raised by parseArray for any input it cannot read; `offset` is the index into the input text of the problem. */
export class ParseError extends Error {
  readonly offset: number;
  /** 'tooLarge': more elements than the cap (the input may be fine; the cap is a setting); else 'syntax'. */
  readonly kind: 'syntax' | 'tooLarge';

  /** A specific message (what is wrong) and the offset into the input where it is. */
  constructor(message: string, offset: number, kind: 'syntax' | 'tooLarge' = 'syntax') {
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
