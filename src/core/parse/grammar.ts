// The array grammar: one left-to-right pass (recursive descent over lists, wrapper calls and reprs, every kind of
// nesting capped at MAX_NESTING_DEPTH, so time is linear in the input and the stack bounded). Lists may use commas
// or only whitespace (NumPy/TF printouts); wrappers such as np.array(…), tf.Tensor(…, shape=(7,), dtype=float32)
// or <tf.Tensor: …, numpy=array(…)> are transparent. Characters: chars.ts; numbers: numbers.ts.

import {
  CH_COLON,
  CH_COMMA,
  CH_DOT,
  CH_DQUOTE,
  CH_ELLIPSIS,
  CH_EQ,
  CH_GT,
  CH_LBRACE,
  CH_LBRACKET,
  CH_LPAREN,
  CH_LT,
  CH_MINUS,
  CH_PLUS,
  CH_QUOTE,
  CH_RBRACE,
  CH_RBRACKET,
  CH_RPAREN,
  CH_SEMI,
  CH_SPACE,
  CH_LF,
  CH_CR,
  CH_TAB,
  CH_0,
  CH_9,
  CH_UMINUS,
  closerFor,
  isDelimiter,
  isIdentStart,
} from './chars';
import { NumberReader } from './numbers';
import { CONSTANTS, floatStringValue, isArrayCall, isFloatCall } from './names';

/** Deepest nesting accepted: of lists, and separately of wrapper calls and reprs. */
export const MAX_NESTING_DEPTH = 32;

const KIND_NONE = 0;
const KIND_NUMBER = 1;
const KIND_LIST = 2;

/** Result of a parse: the flat row-major values and the inferred shape. */
export interface ParsedArray {
  values: number[];
  shape: number[];
}

/** A name as quoted in a message: at most 40 characters (a dotted name can be as long as the line). */
function shortName(name: string): string {
  return name.length > 40 ? name.slice(0, 40) + '…' : name;
}

/** One-shot parser over a text. */
export class Parser extends NumberReader {
  /**
   * dims[d] = length of every list at nesting depth d (the outermost list has depth 1), −1 while unknown.
   * Always a packed array of small integers of the same size, so optimised code never sees another map.
   */
  private readonly dims: number[] = new Array<number>(MAX_NESTING_DEPTH + 2).fill(-1);
  private leafDepth = -1;
  private maxDepth = 0;
  /** Wrapper calls and reprs currently open around pos (np.array(np.array(…))), bounded like lists. */
  private callDepth = 0;
  /** The opening bracket of the innermost list being read (for messages about a missing closer). */
  private listOpen = -1;
  /** shape=(…) / size=(…) declared by a top-level wrapper, checked against what was read. */
  private declaredShape: number[] | undefined;
  private declaredShapeOffset = 0;

  // ---------------------------------------------------------------- top level

  /** Parses the whole text. */
  parse(): ParsedArray {
    const t = this.text;
    this.skipSpace();
    if (this.pos >= this.n) this.fail('empty input: nothing to read', 0, 'empty');
    this.skipPrelude();
    let c = this.skipSpace();
    if (this.pos >= this.n) this.fail('no array after the assignment', this.pos);

    // The top level is a list without brackets (depth 0): one item is the result itself;
    // several items (or a trailing comma) make a bare list such as `1, 2, 3` or `1 2 3`.
    let items = 0;
    let sawComma = false;
    let kind = KIND_NONE;
    let expectItem = true;
    for (;;) {
      c = this.skipSpace();
      if (this.pos >= this.n) break;
      if (c === CH_COMMA) {
        if (expectItem)
          this.fail(
            items === 0
              ? "unexpected ',' before the first number"
              : "unexpected ',': empty item between commas",
            this.pos,
          );
        sawComma = true;
        expectItem = true;
        this.pos++;
        continue;
      }
      if (c === CH_SEMI) {
        this.pos++;
        this.skipSpace();
        if (this.pos < this.n) this.fail(`unexpected text after ';': '${this.snippet(this.pos)}'`, this.pos);
        break;
      }
      if (c === CH_RBRACKET || c === CH_RPAREN || c === CH_RBRACE) {
        this.fail(`unexpected closing '${t[this.pos]}' with no opening bracket`, this.pos);
      }
      const k = this.parseItem(0, kind);
      if (kind === KIND_NONE) kind = k;
      items++;
      expectItem = false;
    }
    if (items === 0) this.fail('empty input: nothing to read', 0, 'empty');
    if (this.extra > 0) {
      this.fail(
        `too many elements (${this.nValues + this.extra} > ${this.cap})`,
        this.overflowOffset,
        'tooLarge',
      );
    }
    this.values.length = this.nValues;
    const rank = this.leafDepth >= 0 ? this.leafDepth : this.maxDepth;
    const inner = this.dims.slice(1, rank + 1);
    let shape: number[];
    if (items === 1 && !sawComma) {
      shape = inner;
    } else {
      shape = [items, ...inner];
    }
    if (this.declaredShape !== undefined) shape = this.reconcileShape(shape, this.declaredShape);
    return { values: this.values, shape };
  }

  private reconcileShape(found: number[], declared: number[]): number[] {
    const same = found.length === declared.length && found.every((d, i) => d === declared[i]);
    if (same) return found;
    const declaredSize = declared.reduce((a, b) => a * b, 1);
    // An empty printout ('[]') carries its real shape only in shape=/size=.
    if (this.nValues === 0 && declaredSize === 0) return declared;
    const show = (s: number[]): string => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`);
    return this.fail(
      `the printout declares shape ${show(declared)} but its values have shape ${show(found)}`,
      this.declaredShapeOffset,
      'ragged',
    );
  }

  /** Skips `>>>`, `Out[3]:`, `x =`, `const x =` in front of the value. */
  private skipPrelude(): void {
    const t = this.text;
    if (t.startsWith('>>>', this.pos)) {
      this.pos += 3;
      this.skipSpace();
    }
    const save = this.pos;
    if (isIdentStart(t.charCodeAt(this.pos))) {
      let name = this.readIdent();
      if (name === 'Out' || name === 'In') {
        // Jupyter: Out[3]: value
        const m = /^\s*\[\s*\d+\s*\]\s*:/.exec(t.slice(this.pos, this.pos + 16));
        if (m) {
          this.pos += m[0].length;
          return;
        }
      }
      if (name === 'const' || name === 'let' || name === 'var') {
        this.skipSpace();
        if (!isIdentStart(t.charCodeAt(this.pos))) {
          this.pos = save;
          return;
        }
        name = this.readIdent();
      }
      this.skipSpace();
      if (t.charCodeAt(this.pos) === CH_EQ && t.charCodeAt(this.pos + 1) !== CH_EQ) {
        this.pos++;
        return;
      }
    }
    this.pos = save;
  }

  // ---------------------------------------------------------------- items

  /** Notes that a number sits at `depth` (the depth of the list holding it; 0 = top level). */
  private leafAt(depth: number, offset: number): void {
    if (this.leafDepth === depth) return;
    if (this.leafDepth === -1) {
      if (this.maxDepth > depth)
        this.fail(`inconsistent nesting: a number where other items are lists`, offset, 'ragged');
      this.leafDepth = depth;
      return;
    }
    this.fail(
      depth < this.leafDepth
        ? `inconsistent nesting: a number where other items are lists nested ${this.leafDepth - depth} level(s) deeper`
        : `inconsistent nesting: a list nested ${depth - this.leafDepth} level(s) deeper than the other numbers`,
      offset,
      'ragged',
    );
  }

  /**
   * Parses one item of a list at `parentDepth` (number, list, wrapper call, tf repr) and returns its kind.
   * `siblings` is the kind of the items before it in the same list (numbers and lists cannot mix).
   */
  private parseItem(parentDepth: number, siblings: number): number {
    const t = this.text;
    const start = this.pos;
    const c = t.charCodeAt(start);
    if (c === CH_DOT && isIdentStart(t.charCodeAt(start + 1))) {
      this.pos = start + 1;
      const method = this.readIdent();
      this.fail(
        `method calls such as '.${shortName(method)}' are not supported: select the array itself`,
        start,
      );
    }
    if ((c >= CH_0 && c <= CH_9) || c === CH_MINUS || c === CH_PLUS || c === CH_DOT || c === CH_UMINUS) {
      if (c === CH_DOT && t.charCodeAt(start + 1) === CH_DOT) this.failEllipsis(start);
      if (siblings === KIND_LIST) this.numberAmongLists(start);
      if (siblings === KIND_NONE) this.leafAt(parentDepth, start);
      this.pushNumber();
      return KIND_NUMBER;
    }
    if (c === CH_LBRACKET || c === CH_LPAREN) {
      if (siblings === KIND_NUMBER) this.listAmongNumbers(start);
      this.pos++;
      this.parseList(parentDepth + 1, start, closerFor(c));
      return KIND_LIST;
    }
    if (isIdentStart(c)) return this.parseNamed(parentDepth, siblings);
    if (c === CH_LT) return this.parseAngleRepr(parentDepth, siblings);
    if (c === CH_QUOTE || c === CH_DQUOTE) {
      const close = t.indexOf(t[start], start + 1);
      const quoted = close > 0 && close - start < 40 ? t.slice(start, close + 1) : this.snippet(start);
      this.fail(`a string is not a number: ${quoted}`, start);
    }
    if (c === CH_ELLIPSIS) this.failEllipsis(start);
    if (c === CH_LBRACE) this.fail("'{' is not an array bracket (objects are not supported)", start);
    return this.fail(`unknown token '${this.snippet(start)}'`, start);
  }

  private numberAmongLists(offset: number): never {
    const open = this.listOpen;
    return this.fail(
      open < 0
        ? 'a number among lists: every item must be a list here'
        : `a number among lists: every item of the '${this.text[open]}' opened at offset ${open} must be a list here`,
      offset,
      'ragged',
    );
  }

  /** A list where numbers were read: most often the closer of the list before it is missing. */
  private listAmongNumbers(offset: number): never {
    const open = this.listOpen;
    if (open < 0)
      return this.fail('a list among numbers: every item must be a number here', offset, 'ragged');
    const closer = String.fromCharCode(closerFor(this.text.charCodeAt(open)));
    return this.fail(
      `a list among numbers: the '${this.text[open]}' opened at offset ${open} holds numbers, so the ` +
        `'${this.text[offset]}' at offset ${offset} cannot be one of its items; is a '${closer}' missing before offset ${offset}?`,
      offset,
      'ragged',
    );
  }

  /** A list whose opening bracket is at `openOffset`; pos is just after it. */
  private parseList(depth: number, openOffset: number, closer: number): void {
    if (depth > MAX_NESTING_DEPTH)
      this.fail(`nesting deeper than ${MAX_NESTING_DEPTH} levels`, openOffset, 'tooDeep');
    if (depth > this.maxDepth) {
      this.maxDepth = depth;
      if (this.leafDepth >= 0 && depth > this.leafDepth) {
        this.fail(
          `inconsistent nesting: a list nested deeper than the numbers elsewhere`,
          openOffset,
          'ragged',
        );
      }
    }
    const t = this.text;
    const outerList = this.listOpen;
    this.listOpen = openOffset;
    let count = 0;
    let kind = KIND_NONE;
    let expectItem = true; // at the start or right after a comma
    for (;;) {
      let c = t.charCodeAt(this.pos);
      // Hot path: a plain number right here (JSON-like `1.5,` or NumPy-like ` 1.5`).
      if ((c >= CH_0 && c <= CH_9) || c === CH_MINUS) {
        const start = this.pos;
        if (kind !== KIND_NUMBER) {
          if (kind === KIND_LIST) this.numberAmongLists(start);
          this.leafAt(depth, start);
          kind = KIND_NUMBER;
        }
        this.pushNumber();
        count++;
        expectItem = false;
        c = t.charCodeAt(this.pos);
        if (c === CH_COMMA) {
          this.pos++;
          expectItem = true;
          continue;
        }
      }
      if (c === CH_SPACE || c === CH_LF || c === CH_CR || c === CH_TAB) {
        this.pos++;
        continue;
      }
      if (c === closer) {
        this.pos++;
        break;
      }
      if (c === CH_COMMA) {
        if (expectItem) {
          this.fail(
            count === 0
              ? "unexpected ',' right after the opening bracket"
              : "unexpected ',': empty item between commas",
            this.pos,
          );
        }
        expectItem = true;
        this.pos++;
        continue;
      }
      c = this.skipSpace();
      if (c === closer) continue;
      if (this.pos >= this.n) {
        this.fail(
          `unclosed '${t[openOffset]}': no matching '${String.fromCharCode(closer)}' before the end of the input`,
          openOffset,
        );
      }
      if (c === CH_RBRACKET || c === CH_RPAREN || c === CH_RBRACE) {
        this.fail(
          `mismatched brackets: '${t[this.pos]}' closes the '${t[openOffset]}' opened at offset ${openOffset}`,
          this.pos,
        );
      }
      if (c === CH_COMMA) continue;
      if (c === CH_SEMI)
        this.fail(`unexpected ';' inside '${t[openOffset]}' opened at offset ${openOffset}`, this.pos);
      const k = this.parseItem(depth, kind);
      if (kind === KIND_NONE) kind = k;
      count++;
      expectItem = false;
    }
    this.listOpen = outerList;
    const expected = this.dims[depth];
    if (expected < 0) {
      this.dims[depth] = count;
    } else if (expected !== count) {
      this.fail(
        `ragged nested list: this row has ${count} element${count === 1 ? '' : 's'}, expected ${expected} like the first row at the same depth`,
        openOffset,
        'ragged',
      );
    }
  }

  // ---------------------------------------------------------------- numbers

  /**
   * A number written with a name, returned without being stored: a constant (inf, np.nan), or a scalar
   * call such as float('inf') or np.float32(1.5). Used after a sign; `signStart` is where the sign is.
   */
  protected readNamedNumber(signStart: number): number {
    const t = this.text;
    const start = this.pos;
    const name = this.readIdent();
    const constant = CONSTANTS.get(name);
    if (constant !== undefined) {
      if (!isDelimiter(t.charCodeAt(this.pos))) this.fail(`unknown token '${this.snippet(start)}'`, start);
      return constant;
    }
    this.skipSpace();
    if (t.charCodeAt(this.pos) !== CH_LPAREN || !isArrayCall(name)) {
      return this.fail(`a sign must be followed by a number, not '${this.snippet(start)}'`, signStart);
    }
    const openOffset = this.pos;
    this.enterCall(openOffset);
    this.pos++;
    const c = this.skipSpace();
    let v: number;
    if ((c === CH_QUOTE || c === CH_DQUOTE) && isFloatCall(name)) {
      v = this.readFloatString();
    } else if (
      (c >= CH_0 && c <= CH_9) ||
      c === CH_MINUS ||
      c === CH_PLUS ||
      c === CH_DOT ||
      c === CH_UMINUS
    ) {
      v = this.scanNumberGeneral();
    } else if (isIdentStart(c)) {
      v = this.readNamedNumber(this.pos);
    } else {
      return this.fail(`a sign must be followed by a number, not '${this.snippet(start)}'`, signStart);
    }
    this.closeCall(name, openOffset, false);
    this.callDepth--;
    return v;
  }

  /** One more wrapper call or repr open: bounded like lists, so the stack is too (np.array(np.array(…)) …). */
  private enterCall(openOffset: number): void {
    if (++this.callDepth > MAX_NESTING_DEPTH)
      this.fail(`wrapper calls nested deeper than ${MAX_NESTING_DEPTH} levels`, openOffset, 'tooDeep');
  }

  /** After the data argument of a call: ')' or ', more=args)'. */
  private closeCall(name: string, openOffset: number, topLevel: boolean): void {
    const c = this.skipSpace();
    if (c === CH_RPAREN) {
      this.pos++;
    } else if (c === CH_COMMA) {
      this.pos++;
      this.skipArguments(openOffset, topLevel);
    } else if (this.pos >= this.n) {
      this.fail(`unclosed '(' of '${shortName(name)}(': no matching ')'`, openOffset);
    } else {
      this.fail(
        `expected ',' or ')' after the data of '${shortName(name)}(…)', found '${this.text[this.pos]}'`,
        this.pos,
      );
    }
  }

  // ---------------------------------------------------------------- names, calls, reprs

  /** An item that starts with a name: a constant (inf, np.nan…), a wrapper call, or TF.js `Tensor [..]`. */
  private parseNamed(parentDepth: number, siblings: number): number {
    const t = this.text;
    const start = this.pos;
    let name = this.readIdent();
    const constant = CONSTANTS.get(name);
    if (constant !== undefined) {
      if (!isDelimiter(t.charCodeAt(this.pos))) this.fail(`unknown token '${this.snippet(start)}'`, start);
      if (siblings === KIND_LIST) this.numberAmongLists(start);
      if (siblings === KIND_NONE) this.leafAt(parentDepth, start);
      this.push(constant, start);
      return KIND_NUMBER;
    }
    if (name === 'new') {
      this.skipSpace();
      if (!isIdentStart(t.charCodeAt(this.pos))) this.fail("expected a constructor after 'new'", this.pos);
      name = this.readIdent();
    }
    const c = this.skipSpace();
    if (c !== CH_LPAREN) {
      if (name === 'Tensor' && c === CH_LBRACKET) {
        // TF.js print(): "Tensor\n    [1, 2, 3]"
        return this.parseItem(parentDepth, siblings);
      }
      if (name === 'True' || name === 'False' || name === 'true' || name === 'false') {
        this.fail(`unknown token '${name}': booleans are not numbers`, start);
      }
      if (name === 'None' || name === 'undefined') this.fail(`unknown token '${name}': not a number`, start);
      return this.fail(`unknown token '${shortName(name)}'`, start);
    }
    if (!isArrayCall(name)) {
      this.fail(
        `unknown function '${shortName(name)}(…)': expected an array such as np.array([...]) or tf.constant([...])`,
        start,
      );
    }
    const openOffset = this.pos;
    this.enterCall(openOffset);
    this.pos++;
    const cc = this.skipSpace();
    if (cc === CH_RPAREN) this.fail(`'${shortName(name)}()' has no data`, openOffset);
    if (this.pos >= this.n) this.fail(`unclosed '(' of '${shortName(name)}(': no matching ')'`, openOffset);
    let kind: number;
    if ((cc === CH_QUOTE || cc === CH_DQUOTE) && isFloatCall(name)) {
      // float('inf'), float("-nan"), np.float32('1.5')
      if (siblings === KIND_LIST) this.numberAmongLists(this.pos);
      if (siblings === KIND_NONE) this.leafAt(parentDepth, start);
      const valueStart = this.pos;
      this.push(this.readFloatString(), valueStart);
      kind = KIND_NUMBER;
    } else {
      kind = this.parseItem(parentDepth, siblings);
    }
    this.closeCall(name, openOffset, parentDepth === 0);
    this.callDepth--;
    return kind;
  }

  /** The string argument of float('…'): Python's float() spellings, case-insensitive. */
  private readFloatString(): number {
    const t = this.text;
    const quote = t.charCodeAt(this.pos);
    const start = this.pos;
    const end = t.indexOf(String.fromCharCode(quote), start + 1);
    if (end < 0) this.fail('unclosed string', start);
    const raw = t
      .slice(start + 1, end)
      .trim()
      .replace(/_/g, '');
    this.pos = end + 1;
    const v = floatStringValue(raw);
    if (v !== undefined) return v;
    const quoted = end - start < 40 ? t.slice(start, end + 1) : t.slice(start, start + 30) + '…' + t[end];
    return this.fail(`float() of an invalid string ${quoted}`, start);
  }

  /**
   * Skips the remaining arguments of a wrapper call up to its ')' (dtype=…, requires_grad=True,
   * device='cpu', grad_fn=<…>), reading shape=(…)/size=(…) when `topLevel`.
   */
  private skipArguments(openOffset: number, topLevel: boolean): void {
    for (;;) {
      let c = this.skipSpace();
      if (this.pos >= this.n) this.fail(`unclosed '(': no matching ')'`, openOffset);
      if (c === CH_RPAREN) {
        this.pos++;
        return;
      }
      if (c === CH_COMMA) {
        this.pos++;
        continue;
      }
      if (isIdentStart(c)) {
        const keyStart = this.pos;
        const key = this.readIdent();
        c = this.skipSpace();
        if (c === CH_EQ && (key === 'shape' || key === 'size')) {
          this.pos++;
          const c2 = this.skipSpace();
          if (c2 === CH_LPAREN || c2 === CH_LBRACKET) {
            const shape = this.readIntTuple();
            if (topLevel && shape) {
              this.declaredShape = shape;
              this.declaredShapeOffset = keyStart;
            }
            continue;
          }
        }
      }
      this.skipValue(openOffset);
    }
  }

  /** Reads `(7,)`, `(2, 3)`, `()` or `[2, 3]`; returns undefined (and skips it) if it is not a tuple of ints. */
  private readIntTuple(): number[] | undefined {
    const t = this.text;
    const open = this.pos;
    const closer = closerFor(t.charCodeAt(open));
    const end = t.indexOf(String.fromCharCode(closer), open);
    if (end < 0) this.fail(`unclosed '${t[open]}'`, open);
    const inner = t.slice(open + 1, end);
    this.pos = end + 1;
    if (!/^[\s\d,]*$/.test(inner)) return undefined;
    return inner
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map(Number);
  }

  /** Skips one argument value up to the next top-level ',' or the closing ')' (not consumed). */
  private skipValue(openOffset: number): void {
    const t = this.text;
    const stack: number[] = [];
    for (;;) {
      if (this.pos >= this.n) this.fail(`unclosed '(': no matching ')'`, openOffset);
      const c = t.charCodeAt(this.pos);
      if (stack.length === 0 && (c === CH_COMMA || c === CH_RPAREN)) return;
      if (c === CH_QUOTE || c === CH_DQUOTE) {
        const end = t.indexOf(String.fromCharCode(c), this.pos + 1);
        if (end < 0) this.fail('unclosed string', this.pos);
        this.pos = end + 1;
        continue;
      }
      if (c === CH_LPAREN || c === CH_LBRACKET || c === CH_LBRACE) {
        if (stack.length >= MAX_NESTING_DEPTH)
          this.fail(`nesting deeper than ${MAX_NESTING_DEPTH} levels`, this.pos, 'tooDeep');
        stack.push(closerFor(c));
      } else if (c === CH_RPAREN || c === CH_RBRACKET || c === CH_RBRACE) {
        if (stack.pop() !== c) this.fail(`mismatched '${t[this.pos]}' in the arguments`, this.pos);
      } else if (
        c === CH_DOT &&
        t.charCodeAt(this.pos + 1) === CH_DOT &&
        t.charCodeAt(this.pos + 2) === CH_DOT
      ) {
        this.failEllipsis(this.pos);
      }
      this.pos++;
    }
  }

  /** `<tf.Tensor: shape=(7,), dtype=float32, numpy=array([...], dtype=float32)>` and `<tf.Variable '…' …, numpy=…>`. */
  private parseAngleRepr(parentDepth: number, siblings: number): number {
    const t = this.text;
    const open = this.pos;
    this.enterCall(open);
    this.pos++;
    let kind = -1;
    for (;;) {
      const c = this.skipSpace();
      if (this.pos >= this.n) this.fail("unclosed '<': no matching '>'", open);
      if (c === CH_GT) {
        this.pos++;
        break;
      }
      if (isIdentStart(c)) {
        const keyStart = this.pos;
        const key = this.readIdent();
        const c2 = this.skipSpace();
        if (c2 === CH_EQ) {
          this.pos++;
          this.skipSpace();
          if (key === 'numpy' && kind < 0) {
            kind = this.parseItem(parentDepth, siblings);
            continue;
          }
          if (key === 'shape') {
            const c3 = t.charCodeAt(this.pos);
            if (c3 === CH_LPAREN || c3 === CH_LBRACKET) {
              const shape = this.readIntTuple();
              if (parentDepth === 0 && shape) {
                this.declaredShape = shape;
                this.declaredShapeOffset = keyStart;
              }
              continue;
            }
          }
        }
        continue;
      }
      if (c === CH_QUOTE || c === CH_DQUOTE) {
        const end = t.indexOf(String.fromCharCode(c), this.pos + 1);
        if (end < 0) this.fail('unclosed string', this.pos);
        this.pos = end + 1;
        continue;
      }
      if (c === CH_LPAREN || c === CH_LBRACKET) {
        this.skipBalanced();
        continue;
      }
      if (c === CH_COMMA || c === CH_COLON) {
        this.pos++;
        continue;
      }
      this.pos++;
    }
    if (kind < 0) this.fail("this tensor repr has no 'numpy=' values (a symbolic tensor?)", open);
    this.callDepth--;
    return kind;
  }

  /** Skips a balanced (...) or [...] group at pos. */
  private skipBalanced(): void {
    const t = this.text;
    const open = this.pos;
    const stack: number[] = [];
    for (;;) {
      if (this.pos >= this.n) this.fail(`unclosed '${t[open]}'`, open);
      const c = t.charCodeAt(this.pos);
      if (c === CH_LPAREN || c === CH_LBRACKET || c === CH_LBRACE) {
        if (stack.length >= MAX_NESTING_DEPTH)
          this.fail(`nesting deeper than ${MAX_NESTING_DEPTH} levels`, this.pos, 'tooDeep');
        stack.push(closerFor(c));
      } else if (c === CH_RPAREN || c === CH_RBRACKET || c === CH_RBRACE) {
        if (stack.pop() !== c) this.fail(`mismatched '${t[this.pos]}'`, this.pos);
        if (stack.length === 0) {
          this.pos++;
          return;
        }
      }
      this.pos++;
    }
  }
}
