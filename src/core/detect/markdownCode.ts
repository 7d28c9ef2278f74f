// Where the code is in a Markdown document: fenced code blocks (``` or ~~~, CommonMark's rules for closing). Hovers
// and inline results are offered inside them only — a call written in prose is text, not code (issue 13.15).
// Linear in the document's length; the host caches the result per document version.

/** [start, end) offsets of each fenced block's content (from the line after the opening fence). */
export type CodeRanges = ReadonlyArray<readonly [number, number]>;

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** The fenced code blocks of a Markdown text; an unclosed fence runs to the end (as CommonMark renders it). */
export function markdownCodeRanges(text: string): CodeRanges {
  const out: Array<[number, number]> = [];
  let open: { char: string; length: number; start: number } | null = null;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const m = FENCE.exec(line);
    if (m) {
      const run = m[1];
      if (!open) {
        // A backtick fence's info string cannot contain a backtick.
        if (!(run[0] === '`' && m[2].includes('`')))
          open = { char: run[0], length: run.length, start: lineEnd + 1 };
      } else if (run[0] === open.char && run.length >= open.length && m[2].trim() === '') {
        out.push([Math.min(open.start, lineStart), lineStart]);
        open = null;
      }
    }
    lineStart = lineEnd + 1;
  }
  if (open) out.push([Math.min(open.start, text.length), text.length]);
  return out;
}

/** Whether `offset` lies in one of the ranges (binary search). */
export function inCodeRange(ranges: CodeRanges, offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = ranges[mid];
    if (offset < start) hi = mid - 1;
    else if (offset >= end) lo = mid + 1;
    else return true;
  }
  return false;
}
