// Document text into Markdown, safe by construction: whatever the text, the result is only text (no link, image,
// autolink, HTML, heading or command URI can come out of it). Every piece of a document that reaches the hover's
// trusted Markdown goes through one of these three functions.
//
// - escapeMarkdownText: every ASCII punctuation character gets a backslash (CommonMark lets any of them be escaped,
//   and an escaped character is literal), so `[x](command:…)`, `<https://…>`, `https://…` (GFM autolinks need
//   the bare `://`), `www.` and `a@b.c` lose their meaning; line breaks become spaces (no new block can start).
// - inlineCode: a code span whose fence is one backtick longer than the longest backtick run inside, so no run in
//   the text can close it; inside a code span nothing is markup.
// - codeBlock: a fenced block whose fence is longer than any backtick run inside, for the same reason.

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
/** C0/C1 controls and the line/paragraph separators: rendered as a space. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Plain text for Markdown: shown exactly as written, on one line. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(CONTROLS, ' ')
    .replace(/\r\n?|\n/g, ' ')
    .replace(ASCII_PUNCTUATION, (c) => `\\${c}`);
}

/** The length of the longest run of backticks in `text`. */
function longestBacktickRun(text: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 96) {
      run++;
      if (run > best) best = run;
    } else run = 0;
  }
  return best;
}

/** Text as an inline code span (whitespace collapsed, at most `max` characters: longer text ends with '…'). */
export function inlineCode(text: string, max = 80): string {
  let t = text.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  if (t.length > max) t = t.slice(0, max - 1) + '\u2026';
  if (t === '') return '';
  const fence = '`'.repeat(longestBacktickRun(t) + 1);
  // A space on each side keeps a leading or trailing backtick off the fence; CommonMark strips exactly one.
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** Text as a fenced code block (`language` is the extension's own info string, never document text). */
export function codeBlock(text: string, language = 'text'): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
  return `${fence}${language}\n${text.replace(CONTROLS, ' ')}\n${fence}`;
}
