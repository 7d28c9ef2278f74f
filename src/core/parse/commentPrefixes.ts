// A printout pasted into a comment or a doctest (`# [0.047 0.119`, `#  0.953]`, `>>> [1,` / `... 2]`) carries a
// marker at the start of each line. Read as code, the `#` of a continuation line would swallow the rest of that
// line (closing bracket included), so a selection whose lines all start with a marker has them blanked before
// parsing. Markers become spaces of the same length, so the parser's offsets still point into the selection.
//
// Only a selection that is uniformly marked is changed: in `[1, 2,\n# 3,\n 4]` the `#` is a real comment that
// leaves 3 out. The first line may lack the marker (the selection often starts at the bracket, after the `#`).

/** How a printed array or number starts: a bracket, a number, or a framework's printout. */
const PRINTOUT_START =
  /^(?:[[({\d+\-.]|(?:tensor|array|Array|Tensor|tf\.Tensor)\b|(?:np|jnp|torch|tf)\.|-?inf\b|nan\b)/i;

type Family = 'hash' | 'slashes' | 'dashes' | 'doctest';
const BLANK = 'blank';

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13;

/**
 * The marker at the start of the line [start, end): its family and the length it covers (indentation included),
 * BLANK for a blank line, null for a line without one. Reads only the line's first characters.
 */
function markerAt(
  text: string,
  start: number,
  end: number,
): { family: Family; length: number } | typeof BLANK | null {
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  if (i === end) return BLANK;
  const c = text[i];
  const run = (ch: string): number => {
    let j = i;
    while (j < end && text[j] === ch) j++;
    return j - i;
  };
  // `--` and the doctest prompts need a space or the line's end after them: `--1` and NumPy's summary row `...,`
  // are not markers.
  const spaced = (at: number): boolean => at === end || isSpace(text.charCodeAt(at));
  if (c === '#') return { family: 'hash', length: i - start + run('#') };
  if (c === '/' && text[i + 1] === '/') return { family: 'slashes', length: i - start + run('/') };
  if (c === '-' && text[i + 1] === '-' && spaced(i + 2)) return { family: 'dashes', length: i - start + 2 };
  if ((text.startsWith('>>>', i) || text.startsWith('...', i)) && i + 3 <= end && spaced(i + 3))
    return { family: 'doctest', length: i - start + 3 };
  return null;
}

/**
 * Blanks line-start comment/prompt markers when every non-blank line of `text` (the first one optionally) starts
 * with one of the same family; otherwise returns `text` unchanged. Linear in the text's length, and a printout
 * without markers is rejected at its second line.
 */
export function stripCommentPrefixes(text: string): string {
  const cuts: number[] = []; // [line start, marker length] pairs
  let family: Family | undefined;
  let first = true;
  let firstMarked = -1;
  for (let lineStart = 0; lineStart <= text.length;) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    const m = markerAt(text, lineStart, end);
    if (m === null) {
      // The selection may start after the first line's marker (at the bracket); any other line decides.
      if (!first) return text;
    } else if (m !== BLANK) {
      if (family !== undefined && m.family !== family) return text;
      family = m.family;
      if (firstMarked < 0) firstMarked = cuts.length;
      cuts.push(lineStart, m.length);
    }
    if (m !== BLANK) first = false;
    lineStart = end + 1;
  }
  if (cuts.length === 0) return text;
  // A comment in words ("# only a comment") is not a printout: it stays a comment (the parser says "empty input").
  const at = cuts[firstMarked] + cuts[firstMarked + 1];
  if (!PRINTOUT_START.test(text.slice(at, at + 40).trimStart())) return text;
  const parts: string[] = [];
  let from = 0;
  for (let k = 0; k < cuts.length; k += 2) {
    parts.push(text.slice(from, cuts[k]), ' '.repeat(cuts[k + 1]));
    from = cuts[k] + cuts[k + 1];
  }
  parts.push(text.slice(from));
  return parts.join('');
}
