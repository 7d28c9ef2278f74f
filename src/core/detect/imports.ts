// Import aliases (`import torch.nn.functional as F`, `import * as tf from '@tensorflow/tfjs'`) read from the head
// of a document, so that `F.gelu(...)` resolves to `torch.nn.functional.gelu`. Callers pass a bounded text (the
// first lines of a file or of a notebook's cells); the result goes into `DetectOptions.aliases`.
//
// Hand-written scanners, not regexes: the text is the user's document, and the regexes this replaced backtracked
// (cubic on `import` + spaces, quadratic on runs of `import {`). Each scanner only moves forward: linear time.
import { DEFAULT_JS_ALIASES, DEFAULT_PY_ALIASES } from './callees';
import { isJsLanguage } from './lexer';

/** Maps a module specifier to the dotted namespace the callee tables use (`@tensorflow/tfjs-node` → `tfjs`). */
function canonicalModule(module: string): string {
  if (module === '@tensorflow/tfjs') return 'tfjs';
  if (module.startsWith('@tensorflow/tfjs-') && /^[\w-]+$/.test(module.slice('@tensorflow/tfjs-'.length)))
    return 'tfjs';
  return module;
}

/** \w: ASCII letters, digits, '_'. */
function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** A JS identifier character as the old patterns read it: \w or '$'. */
function isJsWord(c: number): boolean {
  return isWord(c) || c === 36;
}

/**
 * The local names bound by the import statements in `text`, merged over the conventional defaults
 * (`tf`, `F`, `jnn`… for Python; `tf` → TF.js for JS/TS). Later imports win, as at run time.
 */
export function scanImportAliases(text: string, languageId: string): Record<string, string> {
  if (isJsLanguage(languageId)) {
    const out: Record<string, string> = { ...DEFAULT_JS_ALIASES };
    scanJs(text, out);
    return out;
  }
  const out: Record<string, string> = { ...DEFAULT_PY_ALIASES };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.includes('import')) scanPyLine(line, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

// ---------------------------------------------------------------- Python: one line at a time

/** A cursor over one line: words are [\w.]+ runs, blanks are spaces and tabs. */
class LineCursor {
  pos = 0;
  constructor(readonly s: string) {}
  blanks(): number {
    const from = this.pos;
    while (this.s.charCodeAt(this.pos) === 32 || this.s.charCodeAt(this.pos) === 9) this.pos++;
    return this.pos - from;
  }
  /** A dotted name ([\w.]+) or ''. */
  dotted(): string {
    const from = this.pos;
    for (;;) {
      const c = this.s.charCodeAt(this.pos);
      if (isWord(c) || c === 46) this.pos++;
      else break;
    }
    return this.s.slice(from, this.pos);
  }
  eat(ch: string): boolean {
    if (this.s[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }
  /** Only blanks and an optional `# comment` remain. */
  atEnd(): boolean {
    this.blanks();
    return this.pos >= this.s.length || this.s.charCodeAt(this.pos) === 35;
  }
}

/** `name [as local]` items separated by commas; null when the line is not exactly such a list. */
function pyItems(cur: LineCursor, closer: string | null): { name: string; local?: string }[] | null {
  const items: { name: string; local?: string }[] = [];
  for (;;) {
    cur.blanks();
    const name = cur.dotted();
    if (!name) return null;
    const item: { name: string; local?: string } = { name };
    const save = cur.pos;
    if (cur.blanks() > 0 && cur.s.startsWith('as', cur.pos)) {
      cur.pos += 2;
      if (cur.blanks() > 0) {
        const local = cur.dotted();
        if (!local) return null;
        item.local = local;
      } else cur.pos = save;
    } else cur.pos = save;
    items.push(item);
    cur.blanks();
    if (cur.eat(',')) continue;
    if (closer !== null) {
      if (!cur.eat(closer)) return null;
    }
    return cur.atEnd() ? items : null;
  }
}

function scanPyLine(line: string, out: Record<string, string>): void {
  const cur = new LineCursor(line);
  cur.blanks();
  const keyword = cur.dotted();
  if (keyword === 'import') {
    if (cur.blanks() === 0) return;
    const items = pyItems(cur, null);
    if (!items) return;
    for (const { name, local } of items) {
      if (local) out[local] = name;
      // `import torch.nn.functional` binds `torch`; the full path resolves by itself.
      else out[name.split('.')[0]] = name.split('.')[0];
    }
  } else if (keyword === 'from') {
    if (cur.blanks() === 0) return;
    const module = cur.dotted();
    if (!module || cur.blanks() === 0 || cur.dotted() !== 'import' || cur.blanks() === 0) return;
    const items = pyItems(cur, cur.eat('(') ? ')' : null);
    if (!items) return;
    for (const { name, local } of items) {
      if (!name.includes('.')) out[local ?? name] = `${module}.${name}`;
    }
  }
}

// ---------------------------------------------------------------- JS/TS: one token stream

type Tok = { kind: 'word' | 'string' | 'punct'; text: string };

/** Words ([\w$]+), quoted strings and single punctuation characters; whitespace and comments dropped. */
function jsTokens(text: string): Tok[] {
  const toks: Tok[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
    } else if (isJsWord(c)) {
      const s = i;
      while (i < n && isJsWord(text.charCodeAt(i))) i++;
      toks.push({ kind: 'word', text: text.slice(s, i) });
    } else if (c === 39 || c === 34) {
      // A module specifier: no quote or line break inside.
      let e = i + 1;
      while (e < n && text.charCodeAt(e) !== c && text.charCodeAt(e) !== 10) e++;
      if (text.charCodeAt(e) === c) {
        toks.push({ kind: 'string', text: text.slice(i + 1, e) });
        i = e + 1;
      } else {
        toks.push({ kind: 'punct', text: text[i] });
        i++;
      }
    } else {
      toks.push({ kind: 'punct', text: text[i] });
      i++;
    }
  }
  return toks;
}

function scanJs(text: string, out: Record<string, string>): void {
  const toks = jsTokens(text);
  let i = 0;
  const word = (k: number, w?: string): boolean =>
    toks[k]?.kind === 'word' && (w === undefined || toks[k].text === w);
  const punct = (k: number, p: string): boolean => toks[k]?.kind === 'punct' && toks[k].text === p;
  const str = (k: number): boolean => toks[k]?.kind === 'string' && toks[k].text.length > 0;
  // Every attempt starts at a keyword and stops at the first token that does not fit; scanning resumes there
  // (a statement cannot start inside a failed one before that token), so each token is read a bounded number of times.
  while (i < toks.length) {
    const start = i;
    if (word(i, 'import')) {
      if (punct(i + 1, '*') && word(i + 2, 'as') && word(i + 3) && word(i + 4, 'from') && str(i + 5)) {
        out[toks[i + 3].text] = canonicalModule(toks[i + 5].text);
        i += 6;
      } else if (word(i + 1) && word(i + 2, 'from') && str(i + 3)) {
        out[toks[i + 1].text] = canonicalModule(toks[i + 3].text);
        i += 4;
      } else if (punct(i + 1, '{')) {
        let k = i + 2;
        const named: { name: string; local: string }[] = [];
        let ok = false;
        for (;;) {
          if (punct(k, '}')) {
            ok = true;
            k++;
            break;
          }
          if (!word(k)) break;
          const name = toks[k].text;
          let local = name;
          k++;
          if (word(k, 'as') && word(k + 1)) {
            local = toks[k + 1].text;
            k += 2;
          }
          named.push({ name, local });
          if (punct(k, ',')) k++;
          else if (!punct(k, '}')) break;
        }
        if (ok && word(k, 'from') && str(k + 1)) {
          const module = canonicalModule(toks[k + 1].text);
          for (const { name, local } of named) out[local] = `${module}.${name}`;
          k += 2;
        }
        i = k;
      } else {
        i++;
      }
    } else if (word(i, 'const') || word(i, 'let') || word(i, 'var')) {
      if (
        word(i + 1) &&
        punct(i + 2, '=') &&
        word(i + 3, 'require') &&
        punct(i + 4, '(') &&
        str(i + 5) &&
        punct(i + 6, ')')
      ) {
        out[toks[i + 1].text] = canonicalModule(toks[i + 5].text);
        i += 7;
      } else {
        i++;
      }
    } else {
      i++;
    }
    if (i <= start) i = start + 1;
  }
}
