// The call detector against a corpus of real lines: the seed article's TensorFlow lines verbatim, PyTorch,
// Keras, JAX and TF.js lines, aliases, keyword arguments, nested and multi-line calls, strings and comments.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  detectAt,
  detectCallsIn,
  detectCallsInLine,
  scanImportAliases,
  type Detection,
  type DetectOptions,
} from '../../src/core/detect';

// node:test's describe/it return promises that the runner awaits itself.
const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

/** Detects at the `nth` occurrence of `needle` in `text` (plus `delta` characters). */
function at(
  text: string,
  needle: string,
  languageId = 'python',
  opts: DetectOptions & { delta?: number; nth?: number } = {},
): Detection | null {
  let offset = -1;
  for (let i = 0; i <= (opts.nth ?? 0); i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `needle ${needle} not in text`);
  return detectAt((s, e) => text.slice(s, e), text.length, offset + (opts.delta ?? 0), languageId, opts);
}

function call(d: Detection | null): Detection {
  assert.ok(d, 'expected a detection');
  assert.equal(d.kind, 'call');
  return d;
}

// The seed's code lines, verbatim (the article's code blocks were flattened onto one line each).
const SEED = {
  sigmoid:
    "import tensorflow as tf tf.enable_eager_execution() sigmoid_test=tf.nn.sigmoid([-3.,-2.,-1.,0.0,1.,2.,3.],name='sigmoid_op') print(sigmoid_test)",
  tanh: "import tensorflow as tf tf.enable_eager_execution() tanh_test=tf.nn.tanh([-3.,-2.,-1.,0.0,1.,2.,3.],name='tanh_op') print(tanh_test)",
  relu: "import tensorflow as tf tf.enable_eager_execution() relu_test=tf.nn.relu([-3.,-2.,-1.,0.0,1.,2.,3.],name='relu_op') tf.nn.relu print(relu_test)",
  leaky:
    "import tensorflow as tf tf.enable_eager_execution() # alpha: Slope of the activation function at x < 0 leaky_relu_test=tf.nn.leaky_relu([-3.,-2.,-1.,0.0,1.,2.,3.],alpha=0.2,name='leaky_relu_op') print(leaky_relu_test)",
  elu: "import tensorflow as tf tf.enable_eager_execution() elu_relu_test=tf.nn.elu([-10000,-100.,-3.,-2.,-1.,0.0,1.,2.,3.],name='elu_relu_op') print(elu_relu_test)",
  softmax:
    "import tensorflow as tf tf.enable_eager_execution() softmax_test=tf.nn.softmax([-3.,-2.,-1.,0.0,1.,2.,3.],name='softmax_op') print(softmax_test) softmax_test_sum=tf.reduce_sum(softmax_test) print(softmax_test_sum)",
};
const SEVEN = '[-3.,-2.,-1.,0.0,1.,2.,3.]';

suite('detectAt: the seed article lines (TensorFlow 1.x eager)', () => {
  const cases: [keyof typeof SEED, string, string, string][] = [
    ['sigmoid', 'tf.nn.sigmoid', 'sigmoid', SEVEN],
    ['tanh', 'tf.nn.tanh', 'tanh', SEVEN],
    ['relu', 'tf.nn.relu', 'relu', SEVEN],
    ['elu', 'tf.nn.elu', 'elu', '[-10000,-100.,-3.,-2.,-1.,0.0,1.,2.,3.]'],
    ['softmax', 'tf.nn.softmax', 'softmax', SEVEN],
  ];
  for (const [key, callee, activation, input] of cases) {
    test(`${key}: on the callee, on a number and on the name= argument`, () => {
      for (const [needle, delta] of [
        [callee, 3],
        ['0.0', 1],
        ['name=', 1],
      ] as const) {
        const d = call(at(SEED[key], needle, 'python', { delta }));
        assert.equal(d.activation, activation);
        assert.equal(d.dialect, 'tensorflow');
        assert.equal(d.framework, 'tensorflow');
        assert.equal(d.callee, callee);
        assert.equal(d.inputText, input);
        assert.deepEqual(d.params, {});
        const text = SEED[key];
        assert.equal(text.slice(d.range.start, d.range.end).startsWith(callee + '(['), true);
        assert.equal(text.slice(d.range.end - 1, d.range.end), ')');
      }
    });
  }

  test('softmax: axis defaults to the last axis', () => {
    assert.equal(call(at(SEED.softmax, 'tf.nn.softmax', 'python', { delta: 8 })).axis, -1);
  });

  test('relu line: the bare `tf.nn.relu` reference after the call is not a call', () => {
    assert.equal(at(SEED.relu, 'tf.nn.relu', 'python', { nth: 1, delta: 7 }), null);
  });

  test('softmax line: tf.reduce_sum and print are not activations', () => {
    assert.equal(at(SEED.softmax, 'reduce_sum', 'python', { delta: 2 }), null);
    assert.equal(at(SEED.softmax, 'print', 'python', { delta: 1 }), null);
  });

  test('leaky_relu line as the original code (comment on its own line): alpha=0.2 read', () => {
    const code = [
      'import tensorflow as tf',
      'tf.enable_eager_execution()',
      '# alpha: Slope of the activation function at x < 0',
      "leaky_relu_test=tf.nn.leaky_relu([-3.,-2.,-1.,0.0,1.,2.,3.],alpha=0.2,name='leaky_relu_op')",
      'print(leaky_relu_test)',
    ].join('\n');
    const d = call(at(code, 'leaky_relu(', 'python', { delta: 2 }));
    assert.equal(d.activation, 'leaky_relu');
    assert.deepEqual(d.params, { alpha: 0.2 });
    assert.equal(d.inputText, SEVEN);
  });

  test('leaky_relu line verbatim: in Python the `#` makes the rest of the line a comment', () => {
    assert.equal(at(SEED.leaky, 'tf.nn.leaky_relu', 'python', { delta: 4 }), null);
    assert.deepEqual(detectCallsInLine(SEED.leaky, 'python'), []);
  });

  test('leaky_relu line verbatim in Markdown (the article itself): recognised, alpha=0.2', () => {
    const md = `# leakyrelu\n\n\`\`\`python\n${SEED.leaky}\n\`\`\`\n`;
    const d = call(at(md, 'tf.nn.leaky_relu', 'markdown', { delta: 4 }));
    assert.equal(d.activation, 'leaky_relu');
    assert.equal(d.framework, 'tensorflow');
    assert.deepEqual(d.params, { alpha: 0.2 });
    assert.equal(d.inputText, SEVEN);
  });

  test('detectCallsInLine finds exactly the activation call of each verbatim seed line', () => {
    for (const key of ['sigmoid', 'tanh', 'relu', 'elu', 'softmax'] as const) {
      const found = detectCallsInLine(SEED[key], 'python');
      assert.equal(found.length, 1, key);
      assert.equal(found[0].activation, key);
      assert.equal(found[0].inputText?.startsWith('[-'), true);
    }
  });
});

suite('detectAt: PyTorch', () => {
  test('F.leaky_relu with negative_slope= and a torch.tensor wrapper', () => {
    const d = call(at('y = F.leaky_relu(torch.tensor([-3., -1., 0., 2.]), negative_slope=0.1)', 'leaky'));
    assert.equal(d.activation, 'leaky_relu');
    assert.equal(d.dialect, 'pytorch');
    assert.equal(d.framework, 'pytorch');
    assert.deepEqual(d.params, { alpha: 0.1 });
    assert.equal(d.inputText, 'torch.tensor([-3., -1., 0., 2.])');
    assert.equal(d.literalText, '[-3., -1., 0., 2.]');
  });

  test('F.leaky_relu default negative_slope is 0.01; positional slope read', () => {
    assert.deepEqual(call(at('F.leaky_relu(torch.tensor([-1., 1.]))', 'leaky')).params, { alpha: 0.01 });
    assert.deepEqual(call(at('F.leaky_relu(torch.tensor([-1., 1.]), 0.3)', 'leaky')).params, { alpha: 0.3 });
  });

  test("torch.nn.functional.gelu(approximate='tanh') is gelu_tanh; the default is exact gelu", () => {
    const line = "out = torch.nn.functional.gelu(torch.tensor([0.5, 1.0]), approximate='tanh')";
    assert.equal(call(at(line, 'gelu')).activation, 'gelu_tanh');
    assert.equal(call(at('F.gelu(torch.tensor([0.5]))', 'gelu')).activation, 'gelu');
    assert.equal(call(at("F.gelu(torch.tensor([0.5]), approximate='none')", 'gelu')).activation, 'gelu');
  });

  test('a variable argument is recognised without values', () => {
    const d = call(at('h = F.gelu(x)', 'gelu'));
    assert.equal(d.activation, 'gelu');
    assert.equal(d.inputText, null);
    assert.equal(d.argText, 'x');
  });

  test('softmax dim= (keyword and positional); no dim → implicit (undefined)', () => {
    assert.equal(call(at('torch.softmax(torch.tensor([[1., 2.], [3., 4.]]), dim=1)', 'softmax')).axis, 1);
    assert.equal(call(at('torch.softmax(torch.tensor([1., 2.]), 0)', 'softmax')).axis, 0);
    const implicit = call(at('p = F.softmax(torch.tensor([1., 2., 3.]))', 'softmax'));
    assert.equal(implicit.axis, undefined);
    assert.equal(implicit.activation, 'softmax');
  });

  test('softplus beta/threshold, elu alpha, hardswish, logsigmoid, torch.sigmoid', () => {
    assert.deepEqual(call(at('F.softplus(torch.tensor([1.]), beta=2, threshold=10)', 'softplus')).params, {
      beta: 2,
      threshold: 10,
    });
    assert.deepEqual(call(at('F.elu(torch.tensor([-1.]), alpha=0.5)', 'elu')).params, { alpha: 0.5 });
    assert.equal(call(at('F.hardswish(torch.tensor([-4., 0., 4.]))', 'hard')).activation, 'hard_swish');
    assert.equal(call(at('F.logsigmoid(torch.tensor([0.]))', 'logsig')).activation, 'log_sigmoid');
    const s = call(at('probs = torch.sigmoid(torch.tensor([1., 2.]))', 'sigmoid'));
    assert.equal(s.activation, 'sigmoid');
    assert.equal(s.framework, 'pytorch');
  });

  test('a custom alias from `import torch.nn.functional as Fn`', () => {
    const src = 'import torch\nimport torch.nn.functional as Fn\ny = Fn.relu(torch.tensor([-1., 2.]))\n';
    const aliases = scanImportAliases(src, 'python');
    const d = call(at(src, 'Fn.relu', 'python', { aliases, delta: 3 }));
    assert.equal(d.activation, 'relu');
    assert.equal(d.framework, 'pytorch');
    // Without the alias map `Fn` means nothing.
    assert.equal(at(src, 'Fn.relu', 'python', { delta: 3 }), null);
  });

  test('`from torch.nn import functional as F2` and inplace= are handled', () => {
    const src = 'from torch.nn import functional as F2\nF2.relu6(torch.tensor([7.]), inplace=False)';
    const d = call(at(src, 'relu6', 'python', { aliases: scanImportAliases(src, 'python') }));
    assert.equal(d.activation, 'relu6');
    assert.equal(d.ignoredParams, undefined);
  });
});

suite('detectAt: Keras', () => {
  test('keras.activations.leaky_relu defaults to 0.2 (tensorflow dialect)', () => {
    const d = call(at('y = keras.activations.leaky_relu(np.array([-2., 2.]))', 'leaky'));
    assert.equal(d.framework, 'keras');
    assert.equal(d.dialect, 'tensorflow');
    assert.deepEqual(d.params, { alpha: 0.2 });
    assert.equal(d.literalText, '[-2., 2.]');
  });

  test('tf.keras.activations.relu with negative_slope is a leaky relu; max_value=6 is relu6', () => {
    const leaky = call(at('tf.keras.activations.relu([-1., 2.], negative_slope=0.1)', 'relu'));
    assert.equal(leaky.activation, 'leaky_relu');
    assert.deepEqual(leaky.params, { alpha: 0.1 });
    const six = call(at('tf.keras.activations.relu([-1., 8.], max_value=6)', 'relu'));
    assert.equal(six.activation, 'relu6');
    assert.deepEqual(six.params, {});
    const plain = call(at('tf.keras.activations.relu([-1., 8.])', 'relu'));
    assert.equal(plain.activation, 'relu');
    assert.deepEqual(plain.params, {});
    const other = call(at('tf.keras.activations.relu([-1., 8.], max_value=3.)', 'relu'));
    assert.equal(other.activation, 'relu');
    assert.deepEqual(other.ignoredParams, ['max_value']);
  });

  test('keras.activations.gelu is exact; keras.ops.gelu defaults to the tanh form', () => {
    assert.equal(call(at('keras.activations.gelu([1.])', 'gelu')).activation, 'gelu');
    assert.equal(call(at('keras.ops.gelu([1.])', 'gelu')).activation, 'gelu_tanh');
    assert.equal(call(at('keras.ops.gelu([1.], approximate=False)', 'gelu')).activation, 'gelu');
  });

  test('`from tensorflow.keras import activations` then activations.elu(alpha=0.5)', () => {
    const src = 'from tensorflow.keras import activations\nz = activations.elu([-1., 1.], alpha=0.5)';
    const d = call(at(src, 'elu', 'python', { aliases: scanImportAliases(src, 'python') }));
    assert.equal(d.activation, 'elu');
    assert.equal(d.framework, 'keras');
    assert.deepEqual(d.params, { alpha: 0.5 });
  });

  test('tf.keras.activations.softmax axis=-1 and hard_silu → hard_swish', () => {
    assert.equal(call(at('tf.keras.activations.softmax([[1., 2.]], axis=0)', 'softmax')).axis, 0);
    assert.equal(call(at('keras.activations.hard_silu([1.])', 'hard')).activation, 'hard_swish');
  });
});

suite('detectAt: JAX', () => {
  test('jax.nn.gelu defaults to approximate=True → gelu_tanh; approximate=False → gelu', () => {
    const d = call(at('y = jax.nn.gelu(jnp.array([0.5, 1.5]))', 'gelu'));
    assert.equal(d.activation, 'gelu_tanh');
    assert.equal(d.dialect, 'jax');
    assert.equal(d.framework, 'jax');
    assert.equal(d.inputText, 'jnp.array([0.5, 1.5])');
    assert.equal(call(at('jax.nn.gelu(jnp.array([0.5]), approximate=False)', 'gelu')).activation, 'gelu');
  });

  test('leaky_relu 0.01, soft_sign, softmax axis, jnn alias, jnp.tanh', () => {
    assert.deepEqual(call(at('jax.nn.leaky_relu(jnp.array([-1.0]))', 'leaky')).params, { alpha: 0.01 });
    assert.equal(call(at('jax.nn.soft_sign(jnp.array([2.]))', 'soft')).activation, 'softsign');
    assert.equal(call(at('jnn.softmax(jnp.array([1., 2.]), axis=0)', 'softmax')).axis, 0);
    const t = call(at('jnp.tanh(jnp.array([1.]))', 'tanh'));
    assert.equal(t.activation, 'tanh');
    assert.equal(t.dialect, 'jax');
  });

  test('flax: `import flax.linen as nn` makes nn.relu a JAX call', () => {
    const src = 'import flax.linen as nn\nh = nn.relu(jnp.array([-1., 1.]))';
    const d = call(at(src, 'nn.relu', 'python', { aliases: scanImportAliases(src, 'python'), delta: 3 }));
    assert.equal(d.framework, 'jax');
  });
});

suite('detectAt: TensorFlow.js', () => {
  test('tf.sigmoid(tf.tensor1d([...])) in JavaScript is TF.js, tfjs dialect', () => {
    const d = call(
      at('const y = tf.sigmoid(tf.tensor1d([-3, -2, -1, 0, 1, 2, 3]));', 'sigmoid', 'javascript'),
    );
    assert.equal(d.activation, 'sigmoid');
    assert.equal(d.framework, 'tfjs');
    assert.equal(d.dialect, 'tfjs');
    assert.equal(d.literalText, '[-3, -2, -1, 0, 1, 2, 3]');
  });

  test('tf.leakyRelu positional alpha, default 0.2; variable input', () => {
    assert.deepEqual(call(at('tf.leakyRelu(tf.tensor([-1, 2]), 0.1)', 'leaky', 'javascript')).params, {
      alpha: 0.1,
    });
    const v = call(at('const a = tf.leakyRelu(x);', 'leaky', 'typescript'));
    assert.deepEqual(v.params, { alpha: 0.2 });
    assert.equal(v.inputText, null);
  });

  test('tf.softmax with dim, tf.logSoftmax, TypeScript annotations', () => {
    assert.equal(call(at('tf.softmax(tf.tensor2d([[1, 2], [3, 4]]), -1)', 'softmax', 'javascript')).axis, -1);
    assert.equal(
      call(at('tf.logSoftmax(tf.tensor([1, 2]))', 'logSoft', 'javascript')).activation,
      'log_softmax',
    );
    const ts = call(at('const out: tf.Tensor = tf.elu(tf.tensor([-1, 0, 1]));', 'elu', 'typescript'));
    assert.equal(ts.activation, 'elu');
    assert.equal(ts.framework, 'tfjs');
  });

  test('`import * as tfn from "@tensorflow/tfjs-node"` resolves tfn.relu', () => {
    const src = "import * as tfn from '@tensorflow/tfjs-node';\nconst r = tfn.relu(tfn.tensor([-1, 1]));";
    const d = call(
      at(src, 'tfn.relu', 'javascript', { aliases: scanImportAliases(src, 'javascript'), delta: 4 }),
    );
    assert.equal(d.framework, 'tfjs');
    assert.equal(d.literalText, '[-1, 1]');
  });

  test('Python tf.sigmoid stays TensorFlow (not TF.js)', () => {
    assert.equal(call(at('tf.sigmoid([1.])', 'sigmoid')).framework, 'tensorflow');
  });

  test('a Markdown js fence switches tf.* to TF.js', () => {
    const md =
      '```js\nconst y = tf.leakyRelu(tf.tensor([-1, 2]));\n```\n```python\ny = tf.nn.relu([1.])\n```';
    assert.equal(call(at(md, 'leakyRelu', 'markdown')).framework, 'tfjs');
    assert.equal(call(at(md, 'nn.relu', 'markdown', { delta: 3 })).framework, 'tensorflow');
  });
});

suite('detectAt: nesting and several lines', () => {
  test('nested calls: the outer callee sees the inner call; a number belongs to the inner call', () => {
    const line = 'y = tf.nn.relu(tf.nn.sigmoid([1., 2.]))';
    const outer = call(at(line, 'relu'));
    assert.equal(outer.activation, 'relu');
    assert.equal(outer.inputText, null);
    assert.equal(outer.inner?.activation, 'sigmoid');
    assert.equal(outer.inner?.inputText, '[1., 2.]');
    assert.equal(call(at(line, '2.')).activation, 'sigmoid');
  });

  test('a call over several lines, hovered on an inner number', () => {
    const src = 'y = tf.nn.softmax(\n    [[1., 2., 3.],\n     [4., 5., 6.]],\n    axis=-1,\n)\nprint(y)\n';
    const d = call(at(src, '5.'));
    assert.equal(d.activation, 'softmax');
    assert.equal(d.axis, -1);
    assert.equal(d.inputText, '[[1., 2., 3.],\n     [4., 5., 6.]]');
    assert.equal(src.slice(d.range.start, d.range.end), src.slice(4, src.indexOf(')\n') + 1));
  });

  test('an unknown call around a literal: the literal is a bare array', () => {
    const d = at('tf.nn.relu(foo([1., 2.]))', '2.');
    assert.equal(d?.kind, 'array');
    assert.equal(d?.inputText, '[1., 2.]');
  });

  test('a non-literal parameter is reported, not guessed', () => {
    const d = call(at('tf.nn.leaky_relu([1.], alpha=a / 2)', 'leaky'));
    assert.deepEqual(d.params, { alpha: 0.2 });
    assert.deepEqual(d.ignoredParams, ['alpha']);
  });
});

suite('detectAt: strings and comments never match', () => {
  const none: [string, string, string][] = [
    ['# tf.nn.relu([1.])', 'relu', 'python'],
    ['y = 1  # see tf.nn.sigmoid([1., 2.]) for details', '2.', 'python'],
    ['s = "tf.nn.relu([1.])"', 'relu', 'python'],
    ["s = 'print tf.nn.sigmoid([1., 2.])'", '1.', 'python'],
    ['doc = """\ntf.nn.relu([1.])\n"""', 'relu', 'python'],
    ['// tf.relu(tf.tensor([1]))', 'relu', 'javascript'],
    ['/* tf.relu(tf.tensor([1]))\n tf.sigmoid([2]) */', 'sigmoid', 'javascript'],
    ['const s = `tf.relu(${a}) tf.relu([1])`;', '[1]', 'javascript'],
  ];
  for (const [src, needle, lang] of none) {
    test(`${lang}: ${JSON.stringify(src)}`, () => {
      assert.equal(at(src, needle, lang, { delta: 1 }), null);
      assert.deepEqual(detectCallsInLine(src, lang), []);
    });
  }

  test('code after a string containing `#` still matches', () => {
    const d = call(at('s = "#"; y = tf.nn.relu([1.])', 'relu'));
    assert.equal(d.activation, 'relu');
  });

  test("a string argument of an activation call (name='op') shows the call", () => {
    assert.equal(call(at("tf.nn.relu([1.], name='relu_op')", 'relu_op')).activation, 'relu');
  });
});

suite('detectAt: bare array literals', () => {
  test('a Python list: the outermost numeric bracket', () => {
    const src = 'x = [-3., -2., -1., 0., 1., 2., 3.]';
    const d = at(src, '0.');
    assert.equal(d?.kind, 'array');
    assert.equal(d?.inputText, '[-3., -2., -1., 0., 1., 2., 3.]');
    assert.equal(d?.activation, undefined);
    assert.deepEqual(d?.range, { start: 4, end: src.length });
  });

  test('nested lists inside np.array(..., dtype=...): the wrapper is the range, the literal is inside', () => {
    const src = 'x = np.array([[1, 2], [3, 4]], dtype=np.float32)';
    const d = at(src, '3');
    assert.equal(d?.kind, 'array');
    assert.equal(d?.inputText, 'np.array([[1, 2], [3, 4]], dtype=np.float32)');
    assert.equal(d?.literalText, '[[1, 2], [3, 4]]');
  });

  test('tuples, JS arrays, nan/inf', () => {
    assert.equal(at('t = (1., 2.)', '2.')?.inputText, '(1., 2.)');
    assert.equal(at('const a = [1, 2, 3];', '2', 'javascript')?.inputText, '[1, 2, 3]');
    assert.equal(at('v = [np.nan, -np.inf, 1.5]', '1.5')?.inputText, '[np.nan, -np.inf, 1.5]');
  });

  test('subscripts, strings lists, identifiers and plain numbers are not arrays', () => {
    assert.equal(at('x = data[0]', '0'), null);
    assert.equal(at('print(x[1:3])', '1'), null);
    assert.equal(at("names = ['a', 'b']", 'a', 'python', { delta: -1 }), null);
    assert.equal(at('v = [a, b]', 'a'), null);
    assert.equal(at('n = 3.5', '3'), null);
  });

  test('a 1,000-element literal is read whole', () => {
    const values = Array.from({ length: 1000 }, (_, i) => ((i - 500) / 100).toFixed(2));
    const src = `x = [${values.join(', ')}]`;
    const d = at(src, values[700]);
    assert.equal(d?.kind, 'array');
    assert.equal(d?.inputText?.split(',').length, 1000);
  });

  test('a call whose literal outgrows the first window is read whole (hovered on the callee)', () => {
    const src = `y = tf.nn.relu([${Array.from({ length: 1000 }, () => '-1.5').join(', ')}])`;
    const d = call(at(src, 'relu'));
    assert.equal(d.truncated, undefined);
    assert.equal(d.inputText?.split(',').length, 1000);
  });

  test('a literal longer than the scan window is reported as truncated, without text', () => {
    const src = `x = [${Array.from({ length: 5000 }, () => '1.0').join(', ')}]`;
    const d = at(src, '1.0', 'python', { maxScan: 1000 });
    assert.equal(d?.kind, 'array');
    assert.equal(d?.truncated, true);
    assert.equal(d?.inputText, null);
  });

  test('the cursor deep inside a 100,000-number array over 10,000 lines: truncated, not nothing', () => {
    const rows = Array.from({ length: 10_000 }, (_, r) =>
      Array.from({ length: 10 }, (_, c) => `${(r * 10 + c) / 1000}`).join(', '),
    );
    const src = `x = [${rows.join(',\n     ')}]\n`;
    const offset = src.indexOf('50.001');
    const d = detectAt((s, e) => src.slice(s, e), src.length, offset + 1, 'python');
    assert.equal(d?.kind, 'array');
    assert.equal(d?.truncated, true);
  });
});

suite('detectAt: bounded reading', () => {
  test('reads at most maxScan characters on each side, whatever the file size', () => {
    const line = 'y = tf.nn.relu([-1., 0., 1.])\n';
    const big = 'a = 1\n'.repeat(200_000) + line + 'b = 2\n'.repeat(200_000);
    let read = 0;
    const offset = big.indexOf('relu');
    const d = detectAt(
      (s, e) => {
        read += e - s;
        return big.slice(s, e);
      },
      big.length,
      offset,
      'python',
      { maxScan: 4000 },
    );
    assert.equal(call(d).activation, 'relu');
    assert.ok(read <= 8000, `read ${read}`);
  });

  test('a call reads only the first window (about 4 KB each side) with the default maximum', () => {
    const big =
      'a = [1, 2]\n'.repeat(100_000) + 'y = tf.nn.relu([-1., 0., 1.])\n' + 'b = f(x)\n'.repeat(100_000);
    let read = 0;
    const d = detectAt(
      (s, e) => {
        read += e - s;
        return big.slice(s, e);
      },
      big.length,
      big.indexOf('nn.relu'),
      'python',
    );
    assert.equal(call(d).activation, 'relu');
    assert.ok(read <= 2 * 4096, `read ${read}`);
  });

  test('the window widens for a literal whose brackets are far from the offset (5,000 elements, 25 KB)', () => {
    const src = `x = [${Array.from({ length: 5000 }, () => '1.0').join(', ')}]\ny = 2\n`;
    const d = detectAt((s, e) => src.slice(s, e), src.length, Math.floor(src.length / 2), 'python', {
      maxScan: 16_384,
    });
    assert.equal(d?.kind, 'array');
    assert.equal(d?.truncated, undefined);
    assert.equal(d?.inputText?.split(',').length, 5000);
  });

  test('out-of-range offsets and empty documents return null', () => {
    assert.equal(
      detectAt(() => '', 0, 0, 'python'),
      null,
    );
    assert.equal(
      detectAt((s, e) => 'abc'.slice(s, e), 3, 9, 'python'),
      null,
    );
  });
});

suite('detectCallsIn / detectCallsInLine', () => {
  test('nested calls on a line: both, outer first', () => {
    const found = detectCallsInLine('y = tf.nn.relu(tf.nn.sigmoid([1., 2.]))', 'python');
    assert.deepEqual(
      found.map((d) => d.activation),
      ['relu', 'sigmoid'],
    );
  });

  test('a call opened in the range and closed after it', () => {
    const src = 'a = 1\ny = torch.softmax(\n  torch.tensor([1., 2.]),\n  dim=0)\n';
    const found = detectCallsIn((s, e) => src.slice(s, e), src.length, 6, 24, 'python');
    assert.equal(found.length, 1);
    assert.equal(found[0].axis, 0);
    assert.equal(found[0].literalText, '[1., 2.]');
    assert.equal(src.slice(found[0].range.end - 1, found[0].range.end), ')');
  });

  test('respects maxResults', () => {
    const line = 'tf.nn.relu([1.]); '.repeat(50);
    assert.equal(detectCallsInLine(line, 'python', { maxResults: 7 }).length, 7);
  });

  test('method calls and unknown functions are not calls', () => {
    assert.deepEqual(detectCallsInLine('y = model.relu(x); z = foo.sigmoid([1.])', 'python'), []);
  });
});

suite('scanImportAliases', () => {
  test('Python: import as, from-import, multiple names', () => {
    const a = scanImportAliases(
      [
        'import tensorflow as tfl, numpy as onp',
        'from torch.nn import functional as Fn',
        'from jax import nn as jnn2',
        'from tensorflow.nn import relu, sigmoid as sig',
        'import torch.nn.functional',
      ].join('\n'),
      'python',
    );
    assert.equal(a.tfl, 'tensorflow');
    assert.equal(a.onp, 'numpy');
    assert.equal(a.Fn, 'torch.nn.functional');
    assert.equal(a.jnn2, 'jax.nn');
    assert.equal(a.relu, 'tensorflow.nn.relu');
    assert.equal(a.sig, 'tensorflow.nn.sigmoid');
    assert.equal(a.tf, 'tensorflow');
    assert.equal(a.F, 'torch.nn.functional');
  });

  test('JS: namespace, default, require, named imports', () => {
    const a = scanImportAliases(
      [
        "import * as tfjs from '@tensorflow/tfjs';",
        "const tfn = require('@tensorflow/tfjs-node');",
        "import { sigmoid, leakyRelu as lr } from '@tensorflow/tfjs-core';",
      ].join('\n'),
      'typescript',
    );
    assert.equal(a.tfjs, 'tfjs');
    assert.equal(a.tfn, 'tfjs');
    assert.equal(a.sigmoid, 'tfjs.sigmoid');
    assert.equal(a.lr, 'tfjs.leakyRelu');
  });

  test('a bare imported function is a call: `from tensorflow.nn import relu` then relu([...])', () => {
    const src = 'from tensorflow.nn import relu\ny = relu([-1., 1.])';
    const d = call(at(src, 'relu([', 'python', { aliases: scanImportAliases(src, 'python') }));
    assert.equal(d.activation, 'relu');
    assert.equal(d.framework, 'tensorflow');
  });
});
