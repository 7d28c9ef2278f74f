// Value resolution on real-style code: textbook plotting scripts, framework documentation examples, layer
// objects, notebooks with the binding in an earlier cell, TF.js in JS/TS, and the honest limits (what stops
// resolution, where, and what would help). Numbers here are exact by construction (small integers and halves)
// or taken from the frameworks' documentation; resolve.oracle.test.ts checks the float semantics against the
// real frameworks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  printResolved,
  resolveLayer,
  resolveValue,
  type ResolveDoc,
  type ResolvedValue,
  type ResolveResult,
  type Unresolved,
} from '../../src/core/resolve';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

/** Resolves `expr` at its `nth` occurrence after the marker `@@` (removed from the text). */
function at(text: string, expr: string, languageId = 'python', cellsAbove?: string[]): ResolveResult {
  const marker = text.indexOf('@@');
  assert.ok(marker >= 0, 'test text needs a @@ marker');
  const clean = text.slice(0, marker) + text.slice(marker + 2);
  const doc: ResolveDoc = { text: clean, languageId, ...(cellsAbove ? { cellsAbove } : {}) };
  assert.ok(clean.startsWith(expr, marker), `"${expr}" must follow the marker`);
  return resolveValue(doc, marker, expr);
}

function value(r: ResolveResult): ResolvedValue {
  assert.equal(r.kind, 'value', JSON.stringify(r));
  return r as ResolvedValue;
}

function unresolved(r: ResolveResult): Unresolved {
  assert.equal(r.kind, 'unresolved', JSON.stringify(r));
  return r as Unresolved;
}

const list = (r: ResolvedValue): number[] => Array.from(r.values);

suite('resolve: textbook PyTorch plotting code', () => {
  const script = [
    'import torch',
    'import matplotlib.pyplot as plt',
    '',
    'x = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)',
    'y = torch.relu(x)',
    'plt.plot(x.detach(), y.detach())',
    'y.backward(torch.ones_like(x), retain_graph=True)',
    'plt.plot(x.detach(), @@torch.sigmoid(y).detach())',
  ].join('\n');
  test('the argument name resolves through the chain, with the header of the outermost binding', () => {
    const r = value(at(script, 'torch.sigmoid(y).detach()'));
    assert.deepEqual(r.shape, [160]);
    assert.equal(r.framework, 'pytorch');
    assert.equal(r.requiresGrad, false);
    assert.deepEqual(r.origin, { name: 'y', line: 5, text: 'torch.relu(x)' });
    // sigmoid(relu(x)) is 0.5 wherever x ≤ 0
    assert.ok(
      list(r)
        .slice(0, 80)
        .every((v) => v === 0.5),
    );
  });
  test('hovering y itself shows its value and where it was bound', () => {
    const text = script
      .replace('y = torch.relu(x)', '@@y = torch.relu(x)')
      .replace('@@torch.sigmoid', 'torch.sigmoid');
    const r = value(at(text, 'y'));
    assert.equal(r.gradFn, 'ReluBackward0');
    assert.deepEqual(r.origin, { name: 'y', line: 5, text: 'torch.relu(x)' });
    assert.ok(printResolved(r)!.endsWith('grad_fn=<ReluBackward0>)'));
  });
  test('x, line 4: the generator as written', () => {
    const text = script
      .replace('plt.plot(x.detach(), y', 'plt.plot(@@x.detach(), y')
      .replace('@@torch.sigmoid', 'torch.sigmoid');
    const r = value(at(text, 'x'));
    assert.deepEqual(r.origin, {
      name: 'x',
      line: 4,
      text: 'torch.arange(-8.0, 8.0, 0.1, requires_grad=True)',
    });
    assert.equal(r.requiresGrad, true);
    assert.ok(printResolved(r)!.endsWith('requires_grad=True)'));
  });
});

suite('resolve: framework documentation examples', () => {
  test('tf.keras.activations.elu docs: a = tf.constant([-3.0, -1.0, 0.0, 1.0, 3.0], dtype=tf.float32)', () => {
    const text =
      'import tensorflow as tf\na = tf.constant([-3.0, -1.0, 0.0, 1.0, 3.0], dtype=tf.float32)\nb = tf.keras.activations.elu(a)\nb.numpy()\n@@b';
    const r = value(at(text, 'b'));
    assert.equal(r.framework, 'tensorflow');
    assert.equal(r.dtype, 'float32');
    assert.equal(
      printResolved(r),
      'tf.Tensor([-0.95021296 -0.63212055  0.          1.          3.        ], shape=(5,), dtype=float32)',
    );
  });
  test('tf.keras.activations.relu docs: relu(foo, alpha=0.5) is the leaky form', () => {
    const text =
      'import tensorflow as tf\nfoo = tf.constant([-10, -5, 0.0, 5, 10], dtype = tf.float32)\n@@tf.keras.activations.relu(foo, alpha=0.5)';
    assert.deepEqual(
      list(value(at(text, 'tf.keras.activations.relu(foo, alpha=0.5)'))),
      [-5, -2.5, 0, 5, 10],
    );
  });
  test('tf.keras.activations.relu docs: threshold=5. is not evaluated yet: a clear message, not a guess', () => {
    const text =
      'import tensorflow as tf\nfoo = tf.constant([-10, -5, 0.0, 5, 10], dtype = tf.float32)\n@@tf.keras.activations.relu(foo, threshold=5.)';
    const u = unresolved(at(text, 'tf.keras.activations.relu(foo, threshold=5.)'));
    assert.match(u.reason, /threshold/);
  });
  test('torch.nn.LeakyReLU docs: m = nn.LeakyReLU(0.1); input = torch.tensor(...); output = m(input)', () => {
    const text =
      'import torch\nfrom torch import nn\nm = nn.LeakyReLU(0.5)\ninput = torch.tensor([-2.0, -1.0, 0.0, 1.0])\noutput = m(input)\n@@output';
    const r = value(at(text, 'output'));
    assert.deepEqual(list(r), [-1, -0.5, 0, 1]);
    assert.equal(printResolved(r), 'tensor([-1.0000, -0.5000,  0.0000,  1.0000])');
  });
  test('tf.Variable(..., dtype=tf.float64) and keras.ops.convert_to_tensor keep their dtypes', () => {
    const v = value(at('import tensorflow as tf\nv = tf.Variable([1.0, 2.0], dtype=tf.float64)\n@@v', 'v'));
    assert.deepEqual([v.dtype, v.framework], ['float64', 'tensorflow']);
    const k = value(at('import keras\nk = keras.ops.convert_to_tensor([1.0, -1.0])\n@@k', 'k'));
    assert.deepEqual([k.dtype, Array.from(k.values)], ['float32', [1, -1]]);
    const c = value(at('import tensorflow as tf\nc = tf.constant([1, 2], tf.float32)\n@@c', 'c'));
    assert.equal(c.dtype, 'float32');
  });
  test('np.linspace, then arithmetic in float64', () => {
    const text = 'import numpy as np\nx = np.linspace(-2, 2, 5)\ny = x * 2 - 1\n@@y';
    const r = value(at(text, 'y'));
    assert.deepEqual(list(r), [-5, -3, -1, 1, 3]);
    assert.equal(r.dtype, 'float64');
    assert.equal(printResolved(r), '[-5. -3. -1.  1.  3.]');
  });
});

suite('resolve: name resolution as the flow sees it', () => {
  test('nearest preceding assignment wins; later ones are not seen', () => {
    const text = 'import torch\nx = torch.ones(3)\nx = torch.zeros(2)\nprint(@@x)\nx = torch.ones(5)\n';
    const r = value(at(text, 'x'));
    assert.deepEqual(r.shape, [2]);
    assert.equal(r.origin?.line, 3);
  });
  test('re-assignment from itself: x = x * 2', () => {
    const text = 'import numpy as np\nx = np.array([1.0, 2.0])\nx = x * 2\nx += 1\nprint(@@x)';
    assert.deepEqual(list(value(at(text, 'x'))), [3, 5]);
  });
  test('tuple unpacking of literals and annotated assignment', () => {
    const text = 'import torch\na, b = [1.0, 2.0], [3.0, 4.0]\nt: torch.Tensor = torch.tensor(b)\n@@t';
    assert.deepEqual(list(value(at(text, 't'))), [3, 4]);
  });
  test('inside a function body: its own bindings', () => {
    const text =
      'import torch\nx = torch.ones(3)\ndef f():\n    x = torch.zeros(2)\n    return torch.relu(@@x)\n';
    assert.deepEqual(value(at(text, 'x')).shape, [2]);
  });
  test('a binding inside a `with` block is unconditional', () => {
    const text = 'import torch\nwith torch.no_grad():\n    x = torch.ones(2)\nprint(@@x)';
    assert.deepEqual(value(at(text, 'x')).shape, [2]);
  });
  test('a list comprehension over range()', () => {
    const text = 'import numpy as np\nxs = [i / 2 for i in range(-2, 3)]\nx = np.array(xs)\n@@x';
    assert.deepEqual(list(value(at(text, 'x'))), [-1, -0.5, 0, 0.5, 1]);
  });
  test('reshape, .T, .numpy(), .astype', () => {
    const text =
      'import torch\nimport numpy as np\nt = torch.arange(6.0).reshape(2, 3)\n@@t.T.numpy().astype(np.float64)';
    const r = value(at(text, 't.T.numpy().astype(np.float64)'));
    assert.deepEqual(r.shape, [3, 2]);
    assert.deepEqual(list(r), [0, 3, 1, 4, 2, 5]);
    assert.equal(r.framework, 'numpy');
    assert.equal(r.dtype, 'float64');
  });
});

suite('resolve: notebooks (the binding in an earlier cell)', () => {
  const cells = ['import torch\nimport torch.nn.functional as F', 'x = torch.linspace(-2, 2, 5)\nx = x * 2'];
  test('the cells above are read in order, last binding first', () => {
    const r = value(at('y = F.gelu(@@x)', 'x', 'python', cells));
    assert.deepEqual(list(r), [-4, -2, 0, 2, 4]);
    assert.deepEqual(r.origin, { name: 'x', line: 2, text: 'x * 2', cell: 1 });
  });
  test('a name no cell binds', () => {
    const u = unresolved(at('y = F.gelu(@@z)', 'z', 'python', cells));
    assert.match(u.reason, /no assignment to z/);
  });
});

suite('resolve: JS / TS with TF.js', () => {
  test('const x = tf.linspace(...); tf.relu(x)', () => {
    const text =
      "import * as tf from '@tensorflow/tfjs';\nconst x = tf.linspace(-2, 2, 5);\nconst y = tf.relu(x);\ny.print();\n@@y";
    const r = value(at(text, 'y', 'typescript'));
    assert.equal(r.framework, 'tfjs');
    assert.deepEqual(list(r), [0, 0, 0, 1, 2]);
    assert.deepEqual(r.origin, { name: 'y', line: 3, text: 'tf.relu(x)' });
  });
  test('tf.tensor1d([-1, 0, 2]) is float32 (TF.js infers float32 for JS numbers)', () => {
    const r = value(at('const t = tf.tensor1d([-1, 0, 2]);\n@@t', 't', 'javascript'));
    assert.equal(r.dtype, 'float32');
  });
  test('let in a block is not visible after it', () => {
    const u = unresolved(at('if (ok) {\n  let x = tf.ones([2]);\n}\ntf.relu(@@x);', 'x', 'javascript'));
    assert.match(u.reason, /inside a block/);
  });
});

suite('resolve: layer objects', () => {
  const layer = (text: string, name: string) => {
    const marker = text.indexOf('@@');
    const clean = text.slice(0, marker) + text.slice(marker + 2);
    return resolveLayer({ text: clean, languageId: 'python' }, marker, name);
  };
  const cases: [string, object][] = [
    ['act = nn.ReLU()', { activation: 'relu', framework: 'pytorch', params: {} }],
    ['act = nn.LeakyReLU(0.2)', { activation: 'leaky_relu', params: { alpha: 0.2 } }],
    ['act = nn.ELU(alpha=0.5)', { activation: 'elu', params: { alpha: 0.5 } }],
    ["act = nn.GELU(approximate='tanh')", { activation: 'gelu_tanh' }],
    ['act = nn.Softmax(dim=1)', { activation: 'softmax', axis: 1 }],
    ['act = keras.layers.ReLU(max_value=6.0)', { activation: 'relu6', framework: 'keras' }],
    ['act = keras.layers.ReLU(negative_slope=0.1)', { activation: 'leaky_relu', params: { alpha: 0.1 } }],
    ['act = keras.layers.LeakyReLU(alpha=0.3)', { activation: 'leaky_relu', params: { alpha: 0.3 } }],
    ["act = keras.layers.Activation('relu')", { activation: 'relu', framework: 'keras' }],
    ['act = keras.layers.Softmax()', { activation: 'softmax', axis: -1 }],
    ['act = tf.keras.layers.ELU()', { activation: 'elu', params: { alpha: 1 } }],
  ];
  for (const [binding, want] of cases) {
    test(binding, () => {
      const r = layer(
        `import torch.nn as nn\nimport keras\nimport tensorflow as tf\n${binding}\ny = @@act(x)`,
        'act',
      );
      assert.equal(r.kind, 'layer', JSON.stringify(r));
      for (const [k, v] of Object.entries(want))
        assert.deepEqual((r as unknown as Record<string, unknown>)[k], v, k);
    });
  }
  test('self.act set in __init__, used in forward', () => {
    const text =
      'import torch.nn as nn\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.act = nn.LeakyReLU(0.1)\n\n    def forward(self, x):\n        return @@self.act(x)\n';
    const r = layer(text, 'self.act');
    assert.equal(r.kind, 'layer');
    if (r.kind === 'layer')
      assert.deepEqual([r.activation, r.params, r.origin.line], ['leaky_relu', { alpha: 0.1 }, 5]);
  });
  test('keras ReLU(max_value=5) is refused with the reason', () => {
    const r = layer('import keras\nact = keras.layers.ReLU(max_value=5.0)\n@@act(x)', 'act');
    assert.equal(r.kind, 'unresolved');
    if (r.kind === 'unresolved') assert.match(r.reason, /max_value=5/);
  });
});

suite('resolve: honest limits', () => {
  const why = (text: string, expr: string, pattern: RegExp, line?: number): void => {
    const u = unresolved(at(text, expr));
    assert.match(u.reason, pattern);
    assert.ok(u.hint.length > 0, 'a hint: what would help');
    if (line !== undefined) assert.equal(u.line, line);
  };
  test('a function parameter', () => why('def f(x):\n    return torch.relu(@@x)', 'x', /parameter/, 1));
  test('assigned in an if block', () =>
    why(
      'import torch\nif flag:\n    x = torch.ones(2)\ntorch.relu(@@x)',
      'x',
      /inside a block at line 3/,
      3,
    ));
  test('a lambda parameter or comprehension variable in the same statement shadows the name above', () => {
    why('import torch\nx = torch.ones(2)\nf = lambda x: torch.relu(@@x)', 'x', /lambda parameter/);
    why('import torch\nx = torch.ones(2)\nys = [torch.relu(@@x) for x in xs]', 'x', /comprehension variable/);
    const u = unresolved(at('const x = tf.ones([2]);\nconst f = (x) => tf.relu(@@x);', 'x', 'javascript'));
    assert.match(u.reason, /parameter/);
  });
  test('a loop variable', () => why('for x in data:\n    torch.relu(@@x)', 'x', /loop variable/, 1));
  test('re-assigned later in the loop body', () =>
    why(
      'import torch\nx = torch.ones(2)\nfor i in range(3):\n    y = torch.relu(@@x)\n    x = x * 2',
      'x',
      /changes per iteration/,
    ));
  test('a random generator', () =>
    why('import numpy as np\nx = np.random.randn(10)\nnp.tanh(@@x)', 'x', /random/, 2));
  test('a file load', () => why('import numpy as np\nx = np.load("x.npy")\n@@x', 'x', /loads data/, 2));
  test('a user function call', () =>
    why('x = make_inputs()\n@@x', 'x', /make_inputs\(\.\.\.\) calls a function/, 1));
  test('modified in place', () =>
    why('import torch\nx = torch.ones(3)\nx[0] = 5\ntorch.relu(@@x)', 'x', /modified in place at line 3/, 3));
  test('a global read inside a function', () =>
    why('import torch\nx = torch.ones(3)\ndef f():\n    return torch.relu(@@x)', 'x', /inside the function/));
  test('list * 2 repeats the list', () => why('x = [1.0, 2.0]\ny = x * 2\n@@y', 'y', /repeats the list/));
  test('torch.relu of a Python list is a TypeError in PyTorch', () =>
    why('import torch\n@@torch.relu([1.0, -1.0])', 'torch.relu([1.0, -1.0])', /needs a Tensor/));
  test('.numpy() of a tensor that requires grad', () =>
    why(
      'import torch\nx = torch.ones(2, requires_grad=True)\n@@x.numpy()',
      'x.numpy()',
      /detach\(\)\.numpy\(\)/,
    ));
  test('TensorFlow does not mix float32 and float64', () =>
    why(
      'import tensorflow as tf\nimport numpy as np\na = tf.constant([1.0])\nb = tf.constant(np.array([1.0]))\n@@a + b',
      'a + b',
      /float32 and float64/,
    ));
  test('a generator too large for maxElements is decided before allocating', () => {
    const r = at('import torch\nx = torch.arange(0, 1e12)\n@@x', 'x');
    assert.equal(r.kind, 'tooLarge');
    if (r.kind === 'tooLarge') assert.deepEqual([r.count, r.limit, r.line], [1e12, 100_000, 2]);
  });
  test('cancellation stops resolution', () => {
    const text = 'import torch\nx = torch.ones(3)\n'.repeat(50) + 'torch.relu(x)';
    const r = resolveValue({ text, languageId: 'python' }, text.length - 2, 'x', { isCancelled: () => true });
    assert.equal(unresolved(r).reason, 'cancelled');
  });
  test('a binding beyond the bounded window is not read, and the message says so', () => {
    const text = 'import torch\nx = torch.ones(3)\n' + '# filler line\n'.repeat(2000) + 'torch.relu(x)';
    const r = resolveValue({ text, languageId: 'python' }, text.length - 2, 'x', { maxChars: 10_000 });
    assert.match(unresolved(r).reason, /bounded window/);
  });
  test('bad input never throws: offsets outside the document, garbage text', () => {
    assert.equal(resolveValue({ text: 'x = 1', languageId: 'python' }, 99, 'x').kind, 'unresolved');
    assert.equal(resolveValue({ text: 'x = (((', languageId: 'python' }, 5, 'x').kind, 'unresolved');
    assert.equal(resolveValue({ text: 'x = 1\n', languageId: 'python' }, 6, ')(').kind, 'unresolved');
  });
});
