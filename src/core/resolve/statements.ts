// Splits a bounded text into logical statements, each with its block level and parent block header, in one
// linear pass that skips strings and comments with the lexer's rules. Python: a statement ends at a newline outside brackets
// (or at `;`), its level is its indentation; JS/TS: statements end at `;`, at a newline outside brackets, or at a
// brace, and braces open and close blocks.

import { stringEnd } from '../detect/lexer';
import { Stop } from './tensor';

export type HeaderKind = 'function' | 'class' | 'loop' | 'conditional' | 'with' | 'block';

export interface Statement {
  /** Offsets into the text: [start, end), trimmed. */
  start: number;
  end: number;
  /** Python: indentation width; JS: brace depth. */
  level: number;
  /** 1-based line of `start`. */
  line: number;
  /** Index of the enclosing block's header statement, or -1 at top level. */
  parent: number;
  /** Set when this statement opens a block (Python `…:` header, JS statement before `{`). */
  header?: HeaderKind;
}

const PY_HEADER = /^(?:async\s+)?(def|class|for|while|if|elif|else|try|except|finally|with|match|case)\b/;
const JS_CONTROL = /^(?:\}\s*)?(if|else|for|while|do|switch|try|catch|finally|case|default)\b/;

function pyHeaderKind(text: string): HeaderKind | undefined {
  const m = PY_HEADER.exec(text);
  if (!m) return undefined;
  switch (m[1]) {
    case 'def':
      return 'function';
    case 'class':
      return 'class';
    case 'for':
    case 'while':
      return 'loop';
    case 'with':
      return 'with';
    default:
      return 'conditional';
  }
}

function jsHeaderKind(text: string): HeaderKind {
  const m = JS_CONTROL.exec(text);
  if (m) return m[1] === 'for' || m[1] === 'while' || m[1] === 'do' ? 'loop' : 'conditional';
  if (/^(?:export\s+)?(?:default\s+)?class\b/.test(text)) return 'class';
  if (
    /=>\s*$/.test(text) ||
    /^(?:export\s+)?(?:async\s+)?function\b/.test(text) ||
    /^[\w$]+\s*\([^)]*\)\s*(?::[^{]*)?$/.test(text)
  )
    return 'function';
  return 'block';
}

/** Statements of `text` in order (ends exclude trailing comments). Checks `isCancelled` every 4,096 characters. */
export function splitStatements(text: string, js: boolean, isCancelled?: () => boolean): Statement[] {
  const mode = js ? 'js' : 'python';
  const out: Statement[] = [];
  const n = text.length;
  let depth = 0; // open ( [ { inside a statement
  let line = 1;
  let lineStart = 0;
  let lineHasCode = false;
  let stmtStart = -1;
  let stmtLine = 1;
  let lineIndent = 0;
  /** One past the last non-space code or string character of the current statement. */
  let lastEnd = -1;
  // Python: stack of [indent, header index]; JS: stack of header indices per open brace.
  const pyStack: { indent: number; header: number }[] = [];
  const jsStack: number[] = [];
  let pendingPyHeader = -1;

  const parentFor = (level: number): number => {
    if (js) return jsStack.length ? jsStack[jsStack.length - 1] : -1;
    while (pyStack.length && pyStack[pyStack.length - 1].indent >= level) pyStack.pop();
    return pyStack.length ? pyStack[pyStack.length - 1].header : -1;
  };
  const push = (): void => {
    if (stmtStart < 0 || lastEnd <= stmtStart) {
      stmtStart = -1;
      return;
    }
    const level = js ? jsStack.length : lineIndent;
    if (!js && pendingPyHeader >= 0 && level > out[pendingPyHeader].level) {
      pyStack.push({ indent: out[pendingPyHeader].level, header: pendingPyHeader });
    }
    pendingPyHeader = -1;
    const st: Statement = { start: stmtStart, end: lastEnd, level, line: stmtLine, parent: parentFor(level) };
    out.push(st);
    if (!js) {
      const c0 = text.charCodeAt(stmtStart);
      if (c0 >= 97 && c0 <= 119) {
        const kind = pyHeaderKind(text.slice(stmtStart, Math.min(lastEnd, stmtStart + 16)));
        if (kind) {
          st.header = kind;
          // `if c:` opens a block; `if c: x = 1` has its body on the same line.
          if (text.charCodeAt(lastEnd - 1) === 58) pendingPyHeader = out.length - 1;
        }
      }
    }
    stmtStart = -1;
  };

  // One pass; comments and strings are skipped with the lexer's own rules (no per-character mask).
  let nextCancelCheck = 4096;
  for (let i = 0; i < n; i++) {
    if (i >= nextCancelCheck) {
      if (isCancelled?.()) throw new Stop('cancelled');
      nextCancelCheck = i + 4096;
    }
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (depth === 0) {
        let k = i - 1;
        while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13))
          k--;
        if (!(k >= 0 && k + 1 === lastEnd && text.charCodeAt(k) === 92)) push();
      }
      line++;
      lineStart = i + 1;
      lineHasCode = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if ((!js && c === 35) || (js && c === 47 && text.charCodeAt(i + 1) === 47)) {
      const j = text.indexOf('\n', i);
      i = (j < 0 ? n : j) - 1;
      continue;
    }
    if (js && c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      const j = close < 0 ? n : close + 2;
      for (let k = text.indexOf('\n', i); k >= 0 && k < j; k = text.indexOf('\n', k + 1)) line++;
      i = j - 1;
      continue;
    }
    if (c === 39 || c === 34 || (js && c === 96)) {
      // A string (a docstring may start a statement); multi-line strings advance the line count.
      if (stmtStart < 0) {
        stmtStart = i;
        stmtLine = line;
        if (!lineHasCode) lineIndent = i - lineStart;
      }
      const j = stringEnd(text, i, mode);
      for (let k = text.indexOf('\n', i); k >= 0 && k < j; k = text.indexOf('\n', k + 1)) {
        line++;
        lineStart = k + 1;
      }
      lineHasCode = true;
      lastEnd = j;
      i = j - 1;
      continue;
    }
    if (js && depth === 0 && (c === 123 || c === 125)) {
      if (c === 123) {
        const hadHeader = stmtStart >= 0 && lastEnd > stmtStart;
        const headerText = hadHeader ? text.slice(stmtStart, lastEnd) : '';
        push();
        let idx = -1;
        if (hadHeader) {
          idx = out.length - 1;
          out[idx].header = jsHeaderKind(headerText);
        }
        jsStack.push(idx);
      } else {
        push();
        jsStack.pop();
      }
      lineHasCode = true;
      continue;
    }
    if (c === 59 && depth === 0) {
      push();
      lineHasCode = true;
      continue;
    }
    if (stmtStart < 0) {
      stmtStart = i;
      stmtLine = line;
      // A statement after `;` keeps its line's indentation.
      if (!lineHasCode) lineIndent = i - lineStart;
    }
    lineHasCode = true;
    lastEnd = i + 1;
    if (c === 40 || c === 91 || c === 123) depth++;
    else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
  }
  push();
  return out;
}
