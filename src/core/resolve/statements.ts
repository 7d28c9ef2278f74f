// Splits a bounded text into logical statements, each with its block level and parent block header, in one
// linear pass over the lexer's code/string/comment mask. Python: a statement ends at a newline outside brackets
// (or at `;`), its level is its indentation; JS/TS: statements end at `;`, at a newline outside brackets, or at a
// brace, and braces open and close blocks.

import { CODE, lexMask } from '../detect/lexer';
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
  if (!m || !/:\s*(?:#.*)?$|:/.test(text)) return undefined;
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

/** Statements of `text` in order. Checks `isCancelled` every few thousand characters. */
export function splitStatements(text: string, js: boolean, isCancelled?: () => boolean): Statement[] {
  const mask = lexMask(text, js ? 'js' : 'python');
  const out: Statement[] = [];
  const n = text.length;
  let depth = 0; // ( and [ (and { in Python)
  let line = 1;
  let lineStart = 0;
  let stmtStart = -1;
  let stmtLine = 1;
  let lineIndent = 0;
  // Python: stack of [indent, header index]; JS: stack of header indices per open brace.
  const pyStack: { indent: number; header: number }[] = [];
  const jsStack: number[] = [];
  let pendingPyHeader = -1;

  const parentFor = (level: number): number => {
    if (js) return jsStack.length ? jsStack[jsStack.length - 1] : -1;
    while (pyStack.length && pyStack[pyStack.length - 1].indent >= level) pyStack.pop();
    return pyStack.length ? pyStack[pyStack.length - 1].header : -1;
  };
  const push = (end: number): void => {
    if (stmtStart < 0) return;
    let e = end;
    while (e > stmtStart && /\s/.test(text[e - 1])) e--;
    if (e <= stmtStart) {
      stmtStart = -1;
      return;
    }
    const level = js ? jsStack.length : lineIndent;
    if (!js && pendingPyHeader >= 0 && level > out[pendingPyHeader].level) {
      pyStack.push({ indent: out[pendingPyHeader].level, header: pendingPyHeader });
    }
    pendingPyHeader = -1;
    const st: Statement = { start: stmtStart, end: e, level, line: stmtLine, parent: parentFor(level) };
    out.push(st);
    if (!js) {
      const body = text.slice(stmtStart, e);
      const kind = pyHeaderKind(body);
      if (kind && body.trimEnd().endsWith(':')) {
        st.header = kind;
        pendingPyHeader = out.length - 1;
      } else if (kind) st.header = kind; // a header with its body on the same line
    }
    stmtStart = -1;
  };

  for (let i = 0; i < n; i++) {
    if ((i & 4095) === 0 && isCancelled?.()) throw new Stop('cancelled');
    const c = text[i];
    if (c === '\n') {
      if (mask[i] === CODE && depth === 0) {
        let k = i - 1;
        while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k--;
        if (!(k >= 0 && text[k] === '\\' && mask[k] === CODE)) push(i);
      }
      line++;
      lineStart = i + 1;
      continue;
    }
    if (mask[i] !== CODE) {
      if (stmtStart < 0 && mask[i] === 1) {
        // A statement that starts with a string (a docstring): still a statement.
        stmtStart = i;
        stmtLine = line;
        lineIndent = i - lineStart;
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (js && depth === 0 && (c === '{' || c === '}')) {
      if (c === '{') {
        const header = stmtStart >= 0 ? text.slice(stmtStart, i).trim() : '';
        push(i);
        let idx = -1;
        if (header) {
          idx = out.length - 1;
          out[idx].header = jsHeaderKind(header);
        }
        jsStack.push(idx);
      } else {
        push(i);
        jsStack.pop();
      }
      continue;
    }
    if (c === ';' && depth === 0) {
      push(i);
      continue;
    }
    if (stmtStart < 0) {
      stmtStart = i;
      stmtLine = line;
      // A statement after `;` keeps its line's indentation.
      if (text.slice(lineStart, i).trim() === '') lineIndent = i - lineStart;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  push(n);
  return out;
}
