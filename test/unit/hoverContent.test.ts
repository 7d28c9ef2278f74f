// The hover's Markdown for real lines: the seed's prints (from the article), PyTorch/JAX/NumPy prints, the
// derivative, the saturation line, the softmax sum, the chart, the links and their trust list, and the messages
// for variables, oversized and unreadable input.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectAt, type Detection } from '../../src/core';
import {
  axisLastOrder,
  axisLastShape,
  evaluateDetection,
  gather,
  scatter,
  shortResult,
} from '../../src/core';
import { buildHoverMarkdown, type HoverEnv, type HoverMarkdown } from '../../src/hover/hoverContent';
import { TEST_SETTINGS } from './requests';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const SETTINGS = TEST_SETTINGS;

const fill = (m: string, args: Array<string | number | boolean>): string =>
  m.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
const ENV: HoverEnv = {
  l10n: { t: (m, ...args) => fill(m, args) },
  theme: 'dark',
  sourceFor: (r) => ({ uri: 'file:///x.py', range: [0, r.start, 0, r.end] }),
};

function detect(text: string, needle: string, languageId = 'python', delta = 1): Detection {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const d = detectAt((s, e) => text.slice(s, e), text.length, at + delta, languageId);
  assert.ok(d, `no detection at ${needle}`);
  return d;
}

function hover(
  text: string,
  needle: string,
  settings = SETTINGS,
  env = ENV,
  languageId = 'python',
): HoverMarkdown {
  return buildHoverMarkdown(detect(text, needle, languageId), settings, env);
}

/** The fenced code blocks of a Markdown text, as read (the hover writes no-break spaces so that lines never wrap). */
function blocks(md: string): string[] {
  return [...md.matchAll(/```text\n([\s\S]*?)\n```/g)].map((m) => m[1].replace(/\u00a0/g, ' '));
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

function linkArgs(md: string, id: string): unknown[] {
  const m = new RegExp(`command:${id.replace(/\./g, '\\.')}\\?([^ )"]+)`).exec(md);
  assert.ok(m, `no ${id} link`);
  return JSON.parse(decodeURIComponent(m[1])) as unknown[];
}

const SEED_RELU =
  "import tensorflow as tf tf.enable_eager_execution() relu_test=tf.nn.relu([-3.,-2.,-1.,0.0,1.,2.,3.],name='relu_op') tf.nn.relu print(relu_test)";
const SEED_LEAKY =
  "leaky_relu_test=tf.nn.leaky_relu([-3.,-2.,-1.,0.0,1.,2.,3.],alpha=0.2,name='leaky_relu_op')";
const SEED_SOFTMAX = "softmax_test=tf.nn.softmax([-3.,-2.,-1.,0.0,1.,2.,3.],name='softmax_op')";
const SEED_SIGMOID = "sigmoid_test=tf.nn.sigmoid([-3.,-2.,-1.,0.0,1.,2.,3.],name='sigmoid_op')";

suite('hover Markdown: the seed lines (TensorFlow prints)', () => {
  test('relu: the article print, the derivative, 4 of 7 saturated and dead, left hard', () => {
    const h = hover(SEED_RELU, 'nn.relu(');
    const [result, derivative] = blocks(h.markdown);
    assert.equal(result, 'tf.Tensor([0. 0. 0. 0. 1. 2. 3.], shape=(7,), dtype=float32)');
    // TF's relu gradient is 1 for x > 0 and 0 for x ≤ 0.
    assert.equal(derivative, 'tf.Tensor([0. 0. 0. 0. 1. 1. 1.], shape=(7,), dtype=float32)');
    assert.ok(h.markdown.includes("4 of 7 inputs saturated (|f'| < 0.01), 4 dead, left hard"), h.markdown);
  });

  test('leaky_relu alpha=0.2: the article print (whitespace collapsed)', () => {
    const [result] = blocks(hover(SEED_LEAKY, 'leaky_relu(').markdown);
    assert.equal(collapse(result), 'tf.Tensor([-0.6 -0.4 -0.2 0. 1. 2. 3. ], shape=(7,), dtype=float32)');
  });

  test('sigmoid: nothing saturated at ε = 0.01 on [-3, 3] (σ′(3) ≈ 0.045), both sides soft', () => {
    const h = hover(SEED_SIGMOID, 'sigmoid(');
    assert.ok(
      h.markdown.includes("0 of 7 inputs saturated (|f'| < 0.01), left soft, right soft"),
      h.markdown,
    );
  });

  test('softmax: the sum printed like tf.reduce_sum', () => {
    const h = hover(SEED_SOFTMAX, 'softmax(');
    assert.ok(h.markdown.includes('`tf.reduce_sum`: `tf.Tensor(1.0, shape=(), dtype=float32)`'), h.markdown);
    assert.ok(h.markdown.includes('diagonal of the Jacobian'));
  });

  test('a chart image: a base64 SVG data URI with no script', () => {
    const h = hover(SEED_SIGMOID, 'sigmoid(');
    const m = /!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(h.markdown);
    assert.ok(m, 'an image');
    const svg = Buffer.from(m[1], 'base64').toString('utf8');
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="130"'));
    assert.ok(!/<script/i.test(svg));
    assert.equal((svg.match(/<circle /g) ?? []).length, 7);
  });

  test('layout (issue 13.2/13.3): the chart follows the printed result; printed lines cannot wrap', () => {
    const h = hover(SEED_SIGMOID, 'sigmoid(');
    const parts = h.markdown.split('\n\n');
    const result = parts.findIndex((p) => p.startsWith('```text'));
    assert.ok(result > 0);
    assert.match(parts[result + 1], /^!\[Chart of Sigmoid\]\(data:image\/svg\+xml;base64,/);
    const links = parts.findIndex((p) => p.includes('command:activationLens.openChart'));
    assert.ok(links > result + 1, 'the links come after the chart');
    // A code block wraps at spaces in VS Code's hover: the printed lines hold no-break spaces only.
    const raw = [...h.markdown.matchAll(/```text\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    assert.equal(raw.length, 2);
    for (const b of raw) assert.ok(!b.includes(' ') && b.includes('\u00a0'), b);
    // Copy result carries the plain print.
    const [copy] = linkArgs(h.markdown, 'activationLens.copyResult') as Array<{ text: string }>;
    assert.ok(copy.text.includes(' ') && !copy.text.includes('\u00a0'));
  });

  test('zh-cn: the saturation line uses full-width commas (issue 13.11)', () => {
    const bundle = JSON.parse(
      readFileSync(join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'),
    ) as Record<string, string>;
    const zh: HoverEnv = { ...ENV, l10n: { t: (m, ...args) => fill(bundle[m] ?? m, args) } };
    const h = hover(
      SEED_SIGMOID.replace('[-3.,-2.,-1.,0.0,1.,2.,3.]', '[-9.,0.,9.]'),
      'sigmoid(',
      SETTINGS,
      zh,
    );
    const line = h.markdown.split('\n\n').find((p) => p.includes('左软饱和'));
    assert.ok(line, h.markdown);
    assert.ok(!line.includes(', '), line);
    assert.match(line, /）。?，左软饱和，右软饱和/);
  });

  test('links: Open chart / side panel carry the PlotRequest, Copy the print; trusted for exactly those', () => {
    const h = hover(SEED_LEAKY, 'leaky_relu(');
    assert.deepEqual([...h.enabledCommands].sort(), [
      'activationLens.copyResult',
      'activationLens.openChart',
      'activationLens.showInSidePanel',
    ]);
    const [request] = linkArgs(h.markdown, 'activationLens.openChart') as Array<Record<string, unknown>>;
    assert.deepEqual(request.activations, ['leaky_relu']);
    assert.equal(request.dialect, 'tensorflow');
    assert.deepEqual(request.params, { leaky_relu: { alpha: 0.2 } });
    assert.deepEqual((request.input as { values: number[] }).values, [-3, -2, -1, 0, 1, 2, 3]);
    const start = SEED_LEAKY.indexOf('[');
    assert.deepEqual(request.source, {
      uri: 'file:///x.py',
      range: [0, start, 0, SEED_LEAKY.indexOf(']') + 1],
    });
    assert.deepEqual(linkArgs(h.markdown, 'activationLens.showInSidePanel'), [request]);
    const [copy] = linkArgs(h.markdown, 'activationLens.copyResult') as Array<{ text: string }>;
    assert.equal(collapse(copy.text), 'tf.Tensor([-0.6 -0.4 -0.2 0. 1. 2. 3. ], shape=(7,), dtype=float32)');
    // No other command appears in a link.
    const used = new Set([...h.markdown.matchAll(/command:([\w.]+)/g)].map((m) => m[1]));
    assert.deepEqual([...used].sort(), [...h.enabledCommands].sort());
  });

  test('every user-facing text goes through l10n', () => {
    const marked: HoverEnv = { ...ENV, l10n: { t: (m, ...args) => `«${fill(m, args)}»` } };
    const h = hover(SEED_RELU, 'nn.relu(', SETTINGS, marked);
    for (const s of [
      '«Open chart»',
      '«Show in side panel»',
      '«Copy result»',
      '«7 elements, shape (7,)»',
      "«Derivative f':»",
    ]) {
      assert.ok(h.markdown.includes(s), s);
    }
  });
});

suite('hover Markdown: other frameworks', () => {
  test('PyTorch F.leaky_relu(negative_slope=0.1): torch print', () => {
    const h = hover('y = F.leaky_relu(torch.tensor([-3., -1., 0., 2.]), negative_slope=0.1)', 'leaky');
    assert.equal(blocks(h.markdown)[0], 'tensor([-0.3000, -0.1000,  0.0000,  2.0000])');
  });

  test('torch.softmax(dim=0) on a matrix normalises each column', () => {
    const h = hover('p = torch.softmax(torch.tensor([[1., 2.], [3., 4.]]), dim=0)', 'softmax');
    // softmax([a, a + 2]) = [0.1192, 0.8808] for every column.
    assert.equal(blocks(h.markdown)[0], 'tensor([[0.1192, 0.1192],\n        [0.8808, 0.8808]])');
  });

  test('JAX prints NumPy str of float32 (no tf.Tensor); jax.nn.gelu is the tanh form', () => {
    const h = hover('y = jax.nn.relu(jnp.array([-1., 0., 2.]))', 'relu');
    assert.equal(blocks(h.markdown)[0], '[0. 0. 2.]');
    const g = evaluateDetection(detect('jax.nn.gelu(jnp.array([1.]))', 'gelu'), SETTINGS);
    assert.equal(g.kind === 'ok' && g.activation, 'gelu_tanh');
  });

  test('TF.js prints its own format (leakyRelu default alpha 0.2)', () => {
    const h = hover(
      'const y = tf.leakyRelu(tf.tensor1d([-3, -2, -1, 0, 1, 2, 3]));',
      'leaky',
      SETTINGS,
      ENV,
      'javascript',
    );
    assert.equal(blocks(h.markdown)[0], 'Tensor\n    [-0.6, -0.4, -0.2, 0, 1, 2, 3]');
  });

  test('TF.js computes in float64 on float32 tensors: tf.sigmoid prints the digits of TF.js, not those of TensorFlow 1.x Eigen', () => {
    const h = hover(
      'const y = tf.sigmoid(tf.tensor1d([-3, -2, -1, 0, 1, 2, 3]));',
      'sigmoid',
      SETTINGS,
      ENV,
      'javascript',
    );
    // The reference's TF.js example (tfjs-core tensor_format.ts, 7 decimals): 0.8807971, where the article's
    // TensorFlow printed 0.880797.
    assert.equal(
      blocks(h.markdown)[0],
      'Tensor\n    [0.0474259, 0.1192029, 0.2689414, 0.5, 0.7310586, 0.8807971, 0.9525741]',
    );
  });

  test('integer-only literals are flagged: the framework would make an integer tensor', () => {
    const ints = hover('y = tf.nn.relu([-3, -2, 0, 2])', 'relu');
    assert.match(ints.markdown, /Integer literal: TensorFlow would make an integer tensor/);
    for (const floats of [
      'y = tf.nn.relu([-3., -2, 0, 2])',
      'y = tf.nn.relu(tf.constant([-3, 2], dtype=tf.float32))',
    ]) {
      assert.doesNotMatch(hover(floats, 'relu').markdown, /Integer literal/, floats);
    }
    // The article's elu line mixes -10000 with floats: a float tensor, no note.
    assert.doesNotMatch(
      hover('tf.nn.elu([-10000,-100.,-3.,-2.,-1.,0.0,1.,2.,3.])', 'elu').markdown,
      /Integer literal/,
    );
  });

  test('a nested call evaluates the inner call first', () => {
    const h = hover('y = tf.nn.relu(tf.nn.tanh([-1., 1.]))', 'relu');
    assert.equal(blocks(h.markdown)[0], 'tf.Tensor([0.        0.7615942], shape=(2,), dtype=float32)');
  });
});

suite('hover Markdown: bare arrays and the setting defaults', () => {
  test('sigmoid in the TensorFlow dialect by default, with switch links for other activations', () => {
    const h = hover('x = [-3., 0., 3.]', '0.');
    assert.equal(
      collapse(blocks(h.markdown)[0]),
      'tf.Tensor([0.04742587 0.5 0.95257413], shape=(3,), dtype=float32)',
    );
    assert.ok(h.enabledCommands.includes('activationLens.hover.switchActivation'));
    const [arg] = linkArgs(h.markdown, 'activationLens.hover.switchActivation') as Array<{
      activation: string;
    }>;
    assert.equal(arg.activation, 'tanh');
  });

  test('exact dialect prints NumPy float64; a switch picks another activation', () => {
    const h = buildHoverMarkdown(
      detect('x = [-3., 0., 3.]', '0.'),
      { ...SETTINGS, defaultDialect: 'exact' },
      { ...ENV, activation: 'relu' },
    );
    assert.equal(blocks(h.markdown)[0], '[0. 0. 3.]');
    assert.ok(!h.markdown.includes('[ReLU]('), 'the current activation is not offered as a switch');
  });
});

suite('hover Markdown: no values, too many, unreadable, long', () => {
  test('a variable argument: formula and a message, Open chart without input, no Copy', () => {
    const h = hover('h = F.gelu(x)', 'gelu');
    assert.match(h.markdown, /The input `x` is not a literal array/);
    // Its properties: formula, range and the saturating side (GELU: left soft, no right saturation).
    assert.match(h.markdown, /`f\(x\) = [^`]+` · range \S+.* · left soft\n/);
    assert.ok(!h.markdown.includes('right soft'));
    assert.ok(!h.enabledCommands.includes('activationLens.copyResult'));
    const [request] = linkArgs(h.markdown, 'activationLens.openChart') as Array<Record<string, unknown>>;
    assert.equal(request.input, null);
    assert.deepEqual(request.activations, ['gelu']);
    assert.equal(request.dialect, 'pytorch');
  });

  test('more elements than maxElements: a short message, nothing evaluated', () => {
    const h = hover(SEED_RELU, 'nn.relu(', { ...SETTINGS, maxElements: 5 });
    assert.match(h.markdown, /More than 5 elements/);
    assert.equal(blocks(h.markdown).length, 0);
    assert.equal(h.result.kind, 'tooLarge');
  });

  test('an unreadable literal says why', () => {
    const h = hover('y = tf.nn.relu([1., 2.,, 3.])', 'relu');
    assert.equal(h.result.kind, 'error');
    assert.match(h.markdown, /Not a numeric array: /);
  });

  test('an axis out of range is an evaluation error, not a parse error', () => {
    const h = hover('torch.softmax(torch.tensor([1., 2.]), dim=3)', 'softmax');
    assert.equal(h.result.kind, 'error');
    assert.match(h.markdown, /Could not evaluate: axis 3 is out of range for an array of rank 1/);
  });

  test('1,000 elements: the hover shows first/last values, Copy result keeps the full print', () => {
    const values = Array.from({ length: 1000 }, (_, i) => ((i - 500) / 100).toFixed(2));
    const h = hover(`y = tf.nn.relu([${values.join(', ')}])`, 'relu');
    const ev = h.result;
    assert.equal(ev.kind, 'ok');
    if (ev.kind !== 'ok') return;
    assert.ok(ev.summarised);
    assert.ok(blocks(h.markdown)[0].includes('...'));
    assert.ok(!ev.printed.includes('...'), 'NumPy prints 1,000 elements in full (threshold 1000)');
    assert.equal(
      collapse(blocks(h.markdown)[0]),
      'tf.Tensor([0. 0. 0. ... 4.97 4.98 4.99], shape=(1000,), dtype=float32)',
    );
    assert.ok(h.markdown.includes('1000 elements, shape (1000,)'));
  });

  test('a literal longer than the scan window: a message', () => {
    const big = `x = [${Array.from({ length: 30_000 }, () => '1.0').join(', ')}]`;
    const h = hover(big, '1.0');
    assert.equal(h.result.kind, 'truncated');
    assert.match(h.markdown, /too long to read around the mouse/);
  });
});

suite('axis helpers and short results', () => {
  test('moving an axis last and back round-trips a 2×3×4 array for every axis', () => {
    const shape = [2, 3, 4];
    const values = Array.from({ length: 24 }, (_, i) => i);
    for (let axis = 0; axis < 3; axis++) {
      const order = axisLastOrder(shape, axis);
      assert.equal(axisLastShape(shape, axis)[2], shape[axis]);
      assert.deepEqual(scatter(gather(values, order), order), values);
    }
    // axis 0 of [[0,1,2],[3,4,5]] last: [[0,3],[1,4],[2,5]]
    assert.deepEqual(gather([0, 1, 2, 3, 4, 5], axisLastOrder([2, 3], 0)), [0, 3, 1, 4, 2, 5]);
    assert.deepEqual(axisLastShape([2, 3], 0), [3, 2]);
  });

  test('shortResult: first … last with 4 decimals', () => {
    assert.equal(shortResult([0.04742587, 0.5, 0.95257413], [3]), '[0.0474 \u2026 0.9526]');
    assert.equal(shortResult([0.2, 0.8], [2]), '[0.2000, 0.8000]');
    assert.equal(shortResult([1], []), '1.0000');
    assert.equal(shortResult([1e-7, NaN, Infinity], [3]), '[1.00e-7 \u2026 inf]');
  });
});
