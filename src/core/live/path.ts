// The safe expression path: the only text from a document that ever reaches a debuggee. An argument is read as a
// name followed by attributes and subscripts (`x`, `self.act_in`, `batch[0]`, `d['logits']`) and everything else
// — calls, operators, comprehensions, keywords, dunder names — is refused. The expression sent is rebuilt from the
// parsed steps, never copied from the text. Linear in the text's length, which is bounded anyway.

export type LiveLanguage = 'python' | 'javascript';

export type PathStep =
  | { kind: 'name'; name: string }
  | { kind: 'attr'; name: string }
  | { kind: 'index'; value: number }
  | { kind: 'key'; value: string };

/** Why an argument is not read from the debugger (the host words each one). */
export type PathRefusal =
  'empty' | 'tooLong' | 'call' | 'operator' | 'comprehension' | 'keyword' | 'dunder' | 'subscript' | 'syntax';

export type LivePath =
  | { ok: true; steps: PathStep[]; /** The path rebuilt from its steps (what is sent). */ expression: string }
  | { ok: false; reason: PathRefusal; /** Offset into the text of the character refused. */ at: number };

/** Longer arguments are not paths anyone writes; refusing them bounds what is sent. */
export const MAX_PATH_LENGTH = 200;
const MAX_STEPS = 16;

/** A set of space-separated words (marked pure: bundles that never read the set drop it). */
/* @__NO_SIDE_EFFECTS__ */
function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}

const PYTHON_KEYWORDS = wordSet(
  'False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield match case',
);
const JS_KEYWORDS = wordSet(
  'await break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if import in instanceof let new null return super switch throw true try typeof var ' +
    'void while with yield async eval arguments',
);
/** JS names that reach a prototype or a constructor (and so the Function constructor). */
const JS_FORBIDDEN = /* @__PURE__ */ new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
]);

/** Characters allowed inside a quoted key: no escapes, no quotes, nothing a string literal could interpret. */
const KEY_CHAR = /[A-Za-z0-9_ .:/-]/;

function identAt(text: string, i: number, language: LiveLanguage): number {
  const start = language === 'python' ? /[A-Za-z_]/ : /[A-Za-z_$]/;
  const rest = language === 'python' ? /[A-Za-z0-9_]/ : /[A-Za-z0-9_$]/;
  if (i >= text.length || !start.test(text[i])) return i;
  let j = i + 1;
  while (j < text.length && rest.test(text[j])) j++;
  return j;
}

/** What the character at `at` starts, for a refusal that names the construct rather than "syntax error". */
function refusalAt(text: string, at: number): PathRefusal {
  const c = text[at];
  if (c === '(') return 'call';
  if (/\bfor\b/.test(text) && /[[({]/.test(text)) return 'comprehension';
  if (c === '[' || c === ']') return 'subscript';
  if (/[+\-*/%@&|^~<>=!,:;?]/.test(c) || c === ' ') return 'operator';
  return 'syntax';
}

function refuse(reason: PathRefusal, at: number): LivePath {
  return { ok: false, reason, at };
}

function nameStep(text: string, i: number, j: number, language: LiveLanguage): PathRefusal | null {
  const name = text.slice(i, j);
  if (language === 'python') {
    if (PYTHON_KEYWORDS.has(name)) return 'keyword';
    // `__class__`, `__globals__`, `__import__`…: the way from a value to code.
    if (name.startsWith('__')) return 'dunder';
  } else {
    if (JS_KEYWORDS.has(name)) return 'keyword';
    if (JS_FORBIDDEN.has(name) || name.startsWith('__')) return 'dunder';
  }
  return null;
}

/** Parses an argument into a safe path, or says why not. */
export function parseLivePath(raw: string, language: LiveLanguage): LivePath {
  if (raw.length > MAX_PATH_LENGTH) return refuse('tooLong', MAX_PATH_LENGTH);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text === '') return refuse('empty', 0);
  const steps: PathStep[] = [];
  let i = 0;
  const fail = (reason: PathRefusal, at: number): LivePath => refuse(reason, lead + at);
  const first = identAt(text, 0, language);
  if (first === 0) return fail(refusalAt(text, 0), 0);
  const bad = nameStep(text, 0, first, language);
  if (bad) return fail(bad, 0);
  steps.push({ kind: 'name', name: text.slice(0, first) });
  i = first;
  while (i < text.length) {
    if (steps.length >= MAX_STEPS) return fail('tooLong', i);
    const c = text[i];
    if (c === '.') {
      const j = identAt(text, i + 1, language);
      if (j === i + 1) return fail('syntax', i + 1);
      const why = nameStep(text, i + 1, j, language);
      if (why) return fail(why, i + 1);
      steps.push({ kind: 'attr', name: text.slice(i + 1, j) });
      i = j;
    } else if (c === '[') {
      const close = text.indexOf(']', i + 1);
      if (close < 0) return fail('syntax', i);
      const inner = text.slice(i + 1, close);
      if (/^-?\d{1,9}$/.test(inner)) {
        steps.push({ kind: 'index', value: Number(inner) });
      } else if (/^'[^']*'$|^"[^"]*"$/.test(inner) && inner.length <= 66) {
        const key = inner.slice(1, -1);
        for (let k = 0; k < key.length; k++) if (!KEY_CHAR.test(key[k])) return fail('subscript', i + 2 + k);
        steps.push({ kind: 'key', value: key });
      } else {
        // A slice, a name, an expression: the subscript could run code (`__index__`, a call).
        const at = inner.search(/[^\w]/);
        if (at >= 0 && inner[at] === '(') return fail('call', i + 1 + at);
        if (/\bfor\b/.test(inner)) return fail('comprehension', i + 1);
        return fail('subscript', i + 1);
      }
      i = close + 1;
    } else {
      return fail(refusalAt(text, i), i);
    }
  }
  return { ok: true, steps, expression: renderPath(steps) };
}

/** The path as an expression: names and attributes verbatim (validated), indices as integers, keys as JSON strings
 * (valid in Python and JS for the key characters allowed). */
export function renderPath(steps: readonly PathStep[]): string {
  let out = '';
  for (const s of steps) {
    if (s.kind === 'name') out += s.name;
    else if (s.kind === 'attr') out += `.${s.name}`;
    else if (s.kind === 'index') out += `[${s.value}]`;
    else out += `[${JSON.stringify(s.value)}]`;
  }
  return out;
}
