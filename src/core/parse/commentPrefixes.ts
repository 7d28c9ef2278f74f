// A printout pasted into a comment or a doctest (`# [0.047 0.119`, `#  0.953]`, `>>> [1,` / `... 2]`) carries a
// marker at the start of each line. Read as code, the `#` of a continuation line would swallow the rest of that
// line (closing bracket included), so a selection whose lines all start with a marker has them blanked before
// parsing. Markers become spaces of the same length, so the parser's offsets still point into the selection.
//
// Only a selection that is uniformly marked is changed: in `[1, 2,\n# 3,\n 4]` the `#` is a real comment that
// leaves 3 out. The first line may lack the marker (the selection often starts at the bracket, after the `#`).

/** The marker families; lines after the first must all use markers of one family. */
const FAMILIES: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'hash', pattern: /^[ \t]*#+/ },
  { name: 'slashes', pattern: /^[ \t]*\/\/+/ },
  // `--` and the doctest prompts need a space or the line's end after them: `--1` and NumPy's summary row `...,`
  // are not markers.
  { name: 'dashes', pattern: /^[ \t]*--(?=[ \t]|$)/ },
  { name: 'doctest', pattern: /^[ \t]*(?:>>>|\.\.\.)(?=[ \t]|$)/ },
];

/** How a printed array or number starts: a bracket, a number, or a framework's printout. */
const PRINTOUT_START =
  /^(?:[[({\d+\-.]|(?:tensor|array|Array|Tensor|tf\.Tensor)\b|(?:np|jnp|torch|tf)\.|-?inf\b|nan\b)/i;

/** The family and length of the marker at the start of `line`, or null. */
function markerOf(line: string): { name: string; length: number } | null {
  for (const f of FAMILIES) {
    const m = f.pattern.exec(line);
    if (m) return { name: f.name, length: m[0].length };
  }
  return null;
}

/**
 * Blanks line-start comment/prompt markers when every non-blank line of `text` (the first one optionally) starts
 * with one of the same family; otherwise returns `text` unchanged. Linear in the text's length.
 */
export function stripCommentPrefixes(text: string): string {
  // Fast path: no marker character at all (the common case, e.g. a 100,000-number selection).
  if (!/[#/>.-]/.test(text)) return text;
  const lines = text.split('\n');
  const markers = lines.map((line) => (line.trim() === '' ? undefined : markerOf(line)));
  let family: string | undefined;
  let marked = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = markers[i];
    if (m === undefined) continue; // blank line
    if (m === null) {
      if (i === 0) continue; // the selection started after the first line's marker
      return text;
    }
    if (family !== undefined && m.name !== family) return text;
    family = m.name;
    marked++;
  }
  if (marked === 0) return text;
  // A comment in words ("# only a comment") is not a printout: it stays a comment (the parser says "empty input").
  const first = markers.findIndex((m) => m);
  const firstMarker = markers[first];
  if (firstMarker && !PRINTOUT_START.test(lines[first].slice(firstMarker.length).trimStart())) return text;
  return lines
    .map((line, i) => (markers[i] ? ' '.repeat(markers[i].length) + line.slice(markers[i].length) : line))
    .join('\n');
}
