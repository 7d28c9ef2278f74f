// The pieces of value resolution on their own: exact rounding (fused multiply-add, float16, bfloat16), the
// statement splitter (strings, comments, continuations, blocks), and the generators of frameworks not installed
// here (TensorFlow, TF.js: their documentation's examples; exact values only).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fma32, fma32Exact, fma64, fma64Exact, toBFloat16, toFloat16 } from '../../src/core/resolve/rounding';
import { splitStatements } from '../../src/core/resolve/statements';
import { resolveValue, type ResolvedValue } from '../../src/core/resolve';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

suite('rounding: fused multiply-add', () => {
  test('the fast paths agree with exact BigInt arithmetic (random operands, cancellation, ties)', () => {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let checked = 0;
    for (let n = 0; n < 20000; n++) {
      const a = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 8 - 4);
      const k = Math.floor((rnd() - 0.5) * 60000);
      const c =
        rnd() < 0.3 ? -a * k * (1 + (rnd() - 0.5) * 1e-12) : (rnd() - 0.5) * 10 ** Math.floor(rnd() * 8 - 4);
      assert.equal(fma64(a, k, c), fma64Exact(a, k, c), `fma64(${a}, ${k}, ${c})`);
      const a32 = Math.fround(a);
      const c32 = Math.fround(c);
      assert.equal(fma32(a32, k, c32), fma32Exact(a32, k, c32), `fma32(${a32}, ${k}, ${c32})`);
      checked++;
    }
    // float32 ties: 1 + 2^-24 is halfway between 1 and 1 + 2^-23; the fused result decides by the tiny rest.
    assert.equal(fma32(2 ** -24, 1, 1), 1);
    assert.equal(fma32(2 ** -24 + 2 ** -47, 1, 1), 1 + 2 ** -23);
    assert.equal(fma32(3 * 2 ** -24, 1, 1), 1 + 2 ** -22);
    assert.equal(checked, 20000);
  });
  test('fma differs from multiply-then-add where it matters: 0.1·80 − 8', () => {
    assert.equal(0.1 * 80 - 8, 0);
    assert.equal(fma64(0.1, 80, -8), 4.440892098500626e-16);
  });
});

suite('rounding: half precision', () => {
  test('float16: largest finite, overflow, subnormals, ties to even', () => {
    assert.equal(toFloat16(65504), 65504);
    assert.equal(toFloat16(65519), 65504);
    assert.equal(toFloat16(65520), Infinity);
    assert.equal(toFloat16(2 ** -24), 2 ** -24);
    assert.equal(toFloat16(2 ** -25), 0); // the tie rounds to even (0)
    assert.equal(toFloat16(0.1), 0.0999755859375);
    assert.equal(toFloat16(1 + 2 ** -11), 1); // tie → even
    assert.equal(toFloat16(1 + 3 * 2 ** -11), 1 + 2 ** -9);
  });
  test('bfloat16: 8 significant bits from float32', () => {
    assert.equal(toBFloat16(0.1), 0.10009765625);
    assert.equal(toBFloat16(1 + 2 ** -8), 1);
    assert.equal(toBFloat16(-3.3333), -3.328125);
  });
});

suite('statements: what counts as a statement', () => {
  const texts = (t: string, js = false): string[] =>
    splitStatements(t, js).map((s) => t.slice(s.start, s.end));
  test('strings and comments hide assignments', () => {
    assert.deepEqual(texts('a = 1  # x = 5\ns = """\nx = 5\n"""\nb = 2'), [
      'a = 1',
      's = """\nx = 5\n"""',
      'b = 2',
    ]);
  });
  test('brackets and backslashes continue a statement; `;` separates', () => {
    assert.deepEqual(texts('x = [1,\n     2]\ny = 1 + \\\n    2\na = 1; b = 2'), [
      'x = [1,\n     2]',
      'y = 1 + \\\n    2',
      'a = 1',
      'b = 2',
    ]);
  });
  test('Python blocks: level, parent header and its kind', () => {
    const t = 'def f(x):\n    if x:\n        y = 1\n    return y\nz = 2';
    const st = splitStatements(t, false);
    assert.deepEqual(
      st.map((s) => [s.level, s.parent, s.header ?? '', s.line]),
      [
        [0, -1, 'function', 1],
        [4, 0, 'conditional', 2],
        [8, 1, '', 3],
        [4, 0, '', 4],
        [0, -1, '', 5],
      ],
    );
  });
  test('JS blocks open at braces', () => {
    const t = 'const a = 1;\nfunction f(x) {\n  let b = 2;\n}\nif (a) { c = 3 }';
    const st = splitStatements(t, true);
    assert.deepEqual(
      st.map((s) => [t.slice(s.start, s.end), s.level, s.header ?? '']),
      [
        ['const a = 1', 0, ''],
        ['function f(x)', 0, 'function'],
        ['let b = 2', 1, ''],
        ['if (a)', 0, 'conditional'],
        ['c = 3', 1, ''],
      ],
    );
  });
});

suite('generators of frameworks not installed here (documentation examples)', () => {
  const value = (text: string, languageId = 'python'): ResolvedValue => {
    const r = resolveValue({ text: text + '\ny', languageId }, text.length + 1, 'y');
    assert.equal(r.kind, 'value', JSON.stringify(r));
    return r as ResolvedValue;
  };
  test('tf.range docs: tf.range(3, 18, 3) → [3, 6, 9, 12, 15] int32; tf.range(3, 1, -0.5) → [3, 2.5, 2, 1.5]', () => {
    const a = value('import tensorflow as tf\ny = tf.range(3, 18, 3)');
    assert.deepEqual([Array.from(a.values), a.dtype], [[3, 6, 9, 12, 15], 'int32']);
    const b = value('import tensorflow as tf\ny = tf.range(3, 1, -0.5)');
    assert.deepEqual([Array.from(b.values), b.dtype], [[3, 2.5, 2, 1.5], 'float32']);
  });
  test('tf.range with an inexact float step is refused (TensorFlow versions round it differently)', () => {
    const text = 'import tensorflow as tf\ny = tf.range(0.0, 1.0, 0.1)\ny';
    const r = resolveValue({ text, languageId: 'python' }, text.length - 1, 'y');
    assert.equal(r.kind, 'unresolved');
    if (r.kind === 'unresolved') assert.match(r.reason, /rounds differently across TensorFlow versions/);
  });
  test('tf.linspace docs: tf.linspace(10.0, 12.0, 3) → [10, 11, 12]', () => {
    assert.deepEqual(
      Array.from(value('import tensorflow as tf\ny = tf.linspace(10.0, 12.0, 3)').values),
      [10, 11, 12],
    );
  });
  test('tf.ones / tf.fill: float32 and the fill value’s type', () => {
    const a = value('import tensorflow as tf\ny = tf.fill([2, 3], 9)');
    assert.deepEqual([a.shape, a.dtype, a.values[5]], [[2, 3], 'int32', 9]);
    assert.equal(value('import tensorflow as tf\ny = tf.ones((2,))').dtype, 'float32');
  });
  test('TF.js docs: tf.range(0, 9, 2) → [0, 2, 4, 6, 8]; tf.linspace(0, 9, 10) → 0…9', () => {
    assert.deepEqual(Array.from(value('const y = tf.range(0, 9, 2);', 'javascript').values), [0, 2, 4, 6, 8]);
    assert.deepEqual(
      Array.from(value('const y = tf.linspace(0, 9, 10);', 'javascript').values),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
  });
  test('jnp.arange follows np.arange in float32; jnp.linspace is refused (XLA decides its rounding)', () => {
    const a = value('import jax.numpy as jnp\ny = jnp.arange(-1.0, 1.0, 0.5)');
    assert.deepEqual([Array.from(a.values), a.dtype, a.framework], [[-1, -0.5, 0, 0.5], 'float32', 'jax']);
    const text = 'import jax.numpy as jnp\ny = jnp.linspace(-1, 1, 5)\ny';
    const r = resolveValue({ text, languageId: 'python' }, text.length - 1, 'y');
    assert.equal(r.kind, 'unresolved');
    if (r.kind === 'unresolved') assert.match(r.reason, /XLA/);
  });
});

suite('robustness: hostile and mutated input', () => {
  test('long operator chains, deep nesting and long binding chains end with a message, not a stack overflow', () => {
    const long = 'import numpy as np\nx = np.array([1.0])\ny = ' + Array(20000).fill('x').join(' + ') + '\ny';
    const r = resolveValue({ text: long, languageId: 'python' }, long.length - 1, 'y');
    assert.equal(r.kind, 'unresolved');
    if (r.kind === 'unresolved') assert.match(r.reason, /more than 512 operators/);
    const chain = 'import numpy as np\nx = np.array([1.0])\n' + 'x = x * 2\n'.repeat(200) + 'x';
    const c = resolveValue({ text: chain, languageId: 'python' }, chain.length - 1, 'x');
    assert.equal(c.kind, 'unresolved');
    if (c.kind === 'unresolved') assert.match(c.reason, /nest deeper than 48/);
    const nested = 'y = ' + '['.repeat(5000) + '1' + ']'.repeat(5000) + '\ny';
    assert.equal(
      resolveValue({ text: nested, languageId: 'python' }, nested.length - 1, 'y').kind,
      'unresolved',
    );
  });
  test('3,000 random mutations of real-style code never throw', () => {
    const base = [
      'import torch\nimport torch.nn as nn\nx = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)\ny = torch.relu(x)\nact = nn.LeakyReLU(0.2)\nz = act(y * 2 - 1)\nprint(torch.sigmoid(z))\n',
      'import numpy as np\na, b = [1., 2.], (3, 4)\nx = np.linspace(-5, 5, 11).reshape(11, 1).T\nif a:\n    x = x ** 2\nfor i in range(3):\n    x += 1\nclass M:\n    def __init__(self):\n        self.act = nn.ReLU()\n    def forward(self, x):\n        return self.act(x)\n',
      "import * as tf from '@tensorflow/tfjs';\nconst x = tf.tensor2d([[1, 2], [3, 4]], [2, 2]);\nlet y = tf.relu(x);\nfunction g(a) { return tf.sigmoid(a); }\nif (y) { y = y.mul(2); }\n",
    ];
    const chars = '()[]{},.=+-*/ \n\t#"\'`x1e_:;\\';
    let seed = 1;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const kinds = new Set<string>();
    for (let it = 0; it < 3000; it++) {
      let t = base[it % 3];
      for (let m = 1 + rnd(4); m > 0; m--) {
        const p = rnd(t.length + 1);
        const op = rnd(3);
        if (op === 0) t = t.slice(0, p) + chars[rnd(chars.length)] + t.slice(p);
        else if (op === 1) t = t.slice(0, p) + t.slice(p + 1 + rnd(5));
        else t = t.slice(0, p) + t.slice(rnd(t.length));
      }
      const languageId = it % 3 === 2 ? 'javascript' : 'python';
      const off = rnd(t.length + 1);
      const expr = t.slice(off, off + rnd(12)) || 'x';
      kinds.add(resolveValue({ text: t, languageId }, off, expr, { maxElements: 5000 }).kind);
    }
    assert.ok(kinds.has('unresolved') && kinds.has('value'), [...kinds].join());
  });
});
