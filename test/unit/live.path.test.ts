// The safe expression path: what may be sent to a debuggee (names, attributes, subscripts) and what is refused.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseLivePath, type PathRefusal } from '../../src/core/live';

void describe('live values: safe path', () => {
  void it('reads names, attributes, integer and string subscripts, and rebuilds the expression', () => {
    const cases: Array<[string, string]> = [
      ['x', 'x'],
      ['  self.act_in ', 'self.act_in'],
      ['batch[0]', 'batch[0]'],
      ['batch[-1]', 'batch[-1]'],
      ["d['logits']", 'd["logits"]'],
      ['out.hidden["layer 2"][3].data', 'out.hidden["layer 2"][3].data'],
    ];
    for (const [text, expression] of cases) {
      const p = parseLivePath(text, 'python');
      assert.ok(p.ok, text);
      assert.equal(p.expression, expression);
    }
    const js = parseLivePath('this.$w[1]', 'javascript');
    assert.ok(js.ok);
    assert.equal(js.expression, 'this.$w[1]');
  });

  void it('refuses calls, operators, comprehensions, keywords and dunder names, saying which and where', () => {
    const cases: Array<[string, PathRefusal, number, 'python' | 'javascript']> = [
      ['f(x)', 'call', 1, 'python'],
      ['x.pop()', 'call', 5, 'python'],
      ["os.system('rm -rf /')", 'call', 9, 'python'],
      ["__import__('os')", 'dunder', 0, 'python'],
      ['x.__class__', 'dunder', 2, 'python'],
      ['x[f()]', 'call', 3, 'python'],
      ['x[i]', 'subscript', 2, 'python'],
      ['x[1:3]', 'subscript', 2, 'python'],
      ["d['a\\'b']", 'subscript', 2, 'python'],
      ['x + 1', 'operator', 1, 'python'],
      ['-x', 'operator', 0, 'python'],
      ['[v for v in x]', 'comprehension', 0, 'python'],
      ['lambda: 0', 'keyword', 0, 'python'],
      ['not x', 'keyword', 0, 'python'],
      ['x := 3', 'operator', 1, 'python'],
      ['', 'empty', 0, 'python'],
      ['x.constructor', 'dunder', 2, 'javascript'],
      ['a.__proto__', 'dunder', 2, 'javascript'],
      ['delete x', 'keyword', 0, 'javascript'],
      ['x.push(1)', 'call', 6, 'javascript'],
      ['(x = 1)', 'call', 0, 'javascript'],
      ['`${f()}`', 'syntax', 0, 'javascript'],
      ['x'.repeat(201), 'tooLong', 200, 'python'],
    ];
    for (const [text, reason, at, language] of cases) {
      const p = parseLivePath(text, language);
      assert.deepEqual(p, { ok: false, reason, at }, text);
    }
  });

  void it('is linear: a 200-character path of attributes is read at once', () => {
    const p = parseLivePath(Array(16).fill('ab').join('.') + '[1]', 'python');
    assert.equal(p.ok, false); // more than 16 steps
    assert.equal(parseLivePath(Array(15).fill('ab').join('.'), 'python').ok, true);
  });
});
