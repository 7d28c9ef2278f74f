// The pipeline with values from real code (issue 14): a call whose input is a name gets the value its binding
// computes, with the framework's dtype and autograd suffix; what cannot be known stays noInput and says which
// binding stopped it; layer objects (`act(x)`, `self.act(x)`) are calls; a notebook reads the cells above.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  detectAt,
  evaluateDetection,
  layerCalleeFor,
  MAX_LAYER_LOOKUPS,
  type EvaluationResult,
  type ResolveDoc,
} from '../../src/core';
import { TEST_SETTINGS } from './requests';
import { RESOLVER } from '../../src/core/resolve/resolver';
import { resolveValue } from '../../src/core/resolve';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const SETTINGS = TEST_SETTINGS;

/** Evaluates the call whose text `at` marks in `text` (the first occurrence), resolving its input. */
function evalAt(text: string, at: string, languageId = 'python', cellsAbove?: string[]): EvaluationResult {
  const doc: ResolveDoc = { text, languageId, ...(cellsAbove ? { cellsAbove } : {}) };
  const offset = text.indexOf(at);
  assert.ok(offset >= 0, `marker ${at}`);
  const d = detectAt((s, e) => text.slice(s, e), text.length, offset, languageId, {
    layerCallee: layerCalleeFor({ doc, resolver: RESOLVER }),
  });
  assert.ok(d, `a detection at ${at}`);
  return evaluateDetection(d, SETTINGS, undefined, undefined, { doc, resolver: RESOLVER });
}

function ok(r: EvaluationResult): Extract<EvaluationResult, { kind: 'ok' }> {
  assert.equal(r.kind, 'ok', JSON.stringify(r).slice(0, 400));
  return r as Extract<EvaluationResult, { kind: 'ok' }>;
}

/** print(torch.relu(torch.arange(-8.0, 8.0, 0.1))) from real PyTorch 1.13 (Debian python3-torch; see README.md
 * in that folder). */
const REAL_RELU_PRINT = fs
  .readFileSync(
    path.resolve(
      __dirname,
      '..',
      '..',
      '..',
      'test',
      'unit',
      'fixtures',
      'resolution',
      'torch_relu_arange.txt',
    ),
    'utf8',
  )
  .trimEnd();

suite('pipeline: inputs resolved from the code', () => {
  test('textbook PyTorch: x = torch.arange(-8.0, 8.0, 0.1); y = torch.relu(x)', () => {
    const text = 'import torch\n\nx = torch.arange(-8.0, 8.0, 0.1)\ny = torch.relu(x)\n';
    const ev = ok(evalAt(text, 'relu'));
    assert.equal(ev.framework, 'pytorch');
    assert.equal(ev.dtype, 'float32');
    assert.deepEqual(ev.input.shape, [160]);
    const x = resolveValue({ text, languageId: 'python' }, text.indexOf('x)'), 'x');
    assert.equal(x.kind, 'value');
    assert.deepEqual(ev.input.values, Array.from((x as { values: Float64Array }).values));
    assert.equal(ev.input.text, 'torch.arange(-8.0, 8.0, 0.1)');
    assert.deepEqual(ev.source.resolved, {
      expression: 'x',
      origin: { name: 'x', line: 3, text: 'torch.arange(-8.0, 8.0, 0.1)' },
    });
    // Exactly what real PyTorch prints (its 81st element is 4.4409e-16: arange's float32 accumulation).
    assert.equal(ev.printed, REAL_RELU_PRINT);
    assert.equal(ev.source.gradSuffix, undefined);
  });

  test('requires_grad: the result prints its grad_fn as print(y) does; the derivative does not', () => {
    const text =
      'import torch\nx = torch.tensor([-1.0, 0.0, 2.0], requires_grad=True)\ny = torch.sigmoid(x)\n';
    const ev = ok(evalAt(text, 'sigmoid'));
    assert.equal(ev.source.gradSuffix, 'grad_fn=<SigmoidBackward0>');
    // Real PyTorch 1.13: print(torch.sigmoid(torch.tensor([-1., 0., 2.], requires_grad=True)))
    assert.equal(ev.printed, 'tensor([0.2689, 0.5000, 0.8808], grad_fn=<SigmoidBackward0>)');
    assert.equal(ev.printedDerivative, 'tensor([0.1966, 0.2500, 0.1050])');
  });

  test('float64 tensors evaluate in float64 and print their dtype', () => {
    const text = 'import torch\nx = torch.tensor([-1.0, 0.5], dtype=torch.float64)\ny = torch.tanh(x)\n';
    const ev = ok(evalAt(text, 'tanh'));
    assert.equal(ev.dtype, 'float64');
    assert.deepEqual(Array.from(ev.output), [Math.tanh(-1), Math.tanh(0.5)]);
    assert.equal(ev.printed, 'tensor([-0.7616,  0.4621], dtype=torch.float64)');
  });

  test('TensorFlow: a = tf.constant([...]); tf.keras.activations.elu(a)', () => {
    const text =
      'import tensorflow as tf\na = tf.constant([-2.0, -0.5, 0.0, 1.5])\nb = tf.keras.activations.elu(a)\n';
    const ev = ok(evalAt(text, 'elu'));
    assert.equal(ev.dtype, 'float32');
    assert.deepEqual(ev.input.values, [-2, -0.5, 0, 1.5]);
    assert.equal(ev.source.resolved?.origin?.line, 2);
    assert.match(
      ev.printed,
      /^tf\.Tensor\(\[-0\.86466473 -0\.39346933 {2}0\. +1\.5 *\], shape=\(4,\), dtype=float32\)$/,
    );
  });

  test('integer and half tensors are refused with what and why, never evaluated', () => {
    const int = evalAt('import torch\nx = torch.arange(5)\ny = torch.relu(x)\n', 'relu');
    assert.equal(int.kind, 'error');
    assert.match((int as { message: string }).message, /x \(line 2\) has dtype int64.*float32 and float64/);
    const half = evalAt(
      'import torch\nx = torch.tensor([1.0, 2.0], dtype=torch.float16)\ny = torch.relu(x)\n',
      'relu',
    );
    assert.equal(half.kind, 'error');
    assert.match((half as { message: string }).message, /float16.*half-precision/);
  });

  test('a NumPy array into a PyTorch call is refused (PyTorch would raise a TypeError)', () => {
    const r = evalAt(
      'import numpy as np\nimport torch\nx = np.array([1.0, 2.0])\ny = torch.relu(x)\n',
      'relu',
    );
    assert.equal(r.kind, 'error');
    assert.match((r as { message: string }).message, /x \(line 3\) is a NumPy value; PyTorch's torch\.relu/);
  });

  test('unresolved: noInput that names the binding, its line, the reason and a hint', () => {
    const r = evalAt('import torch\nx = load_batch()\ny = torch.relu(x)\n', 'relu');
    assert.equal(r.kind, 'noInput');
    const u = (r as Extract<EvaluationResult, { kind: 'noInput' }>).source.unresolved;
    assert.ok(u);
    assert.equal(u.line, 2);
    assert.match(u.reason, /load_batch/);
    assert.ok(u.hint.length > 0);
  });

  test('an unbound name stays noInput with its reason', () => {
    const r = evalAt('import torch\ny = torch.relu(z)\n', 'relu');
    assert.equal(r.kind, 'noInput');
    assert.match((r as Extract<EvaluationResult, { kind: 'noInput' }>).source.unresolved?.reason ?? '', /z/);
  });

  test('too many elements: the tooLarge result, decided before allocating', () => {
    const r = evalAt('import torch\nx = torch.arange(0.0, 1e7)\ny = torch.relu(x)\n', 'relu');
    assert.deepEqual(r, { kind: 'tooLarge', limit: 100_000 });
  });

  test('a notebook: the binding in an earlier cell', () => {
    const ev = ok(
      evalAt('y = torch.tanh(x)\n', 'tanh', 'python', ['import torch\n', 'x = torch.linspace(-1, 1, 5)\n']),
    );
    assert.deepEqual(ev.input.values, [-1, -0.5, 0, 0.5, 1]);
    assert.deepEqual(ev.source.resolved?.origin, {
      name: 'x',
      line: 1,
      cell: 1,
      text: 'torch.linspace(-1, 1, 5)',
    });
  });
});

suite('pipeline: layer objects', () => {
  test('act = nn.LeakyReLU(0.2); act(x)', () => {
    const text =
      'import torch\nfrom torch import nn\nx = torch.tensor([-1.0, 2.0])\nact = nn.LeakyReLU(0.2)\ny = act(x)\n';
    const ev = ok(evalAt(text, 'act(x)'));
    assert.equal(ev.activation, 'leaky_relu');
    assert.equal(ev.framework, 'pytorch');
    assert.equal(ev.params.alpha, 0.2);
    assert.deepEqual(Array.from(ev.output), [Math.fround(-0.2), 2]);
    assert.equal(ev.printed, 'tensor([-0.2000,  2.0000])');
  });

  test('self.act(x) in forward, bound in __init__', () => {
    const text = [
      'import torch',
      'from torch import nn',
      'class Net(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.act = nn.ELU(alpha=0.5)',
      '    def forward(self, x):',
      '        return self.act(x)',
      '',
    ].join('\n');
    const r = evalAt(text, 'self.act(x)');
    // x is forward's parameter: no value, but the layer is known.
    assert.equal(r.kind, 'noInput');
    const n = r as Extract<EvaluationResult, { kind: 'noInput' }>;
    assert.equal(n.activation, 'elu');
    assert.equal(n.params.alpha, 0.5);
    assert.ok(n.source.unresolved);
  });

  test('the adapter resolves at most MAX_LAYER_LOOKUPS names (a hostile f(f(f(… nesting stays linear)', () => {
    const text = 'from torch import nn\nact = nn.ReLU()\ny = act(f(g(h([1.0]))))\n';
    const doc = { text, languageId: 'python' };
    const fresh = layerCalleeFor({ doc, resolver: RESOLVER });
    assert.equal(fresh('act', text.indexOf('act(f'))?.spec.activation, 'relu');
    const spent = layerCalleeFor({ doc, resolver: RESOLVER });
    for (let i = 0; i < MAX_LAYER_LOOKUPS; i++) assert.equal(spent(`f${i}`, text.indexOf('f(')), null);
    assert.equal(spent('act', text.indexOf('act(f')), null);
    // 5,000 nested unknown calls around the mouse: still a detection of the innermost literal.
    const deep = 'from torch import nn\n' + 'f('.repeat(5000) + '[1.0, 2.0]' + ')'.repeat(5000) + '\n';
    const at = deep.indexOf('[1.0');
    const d = detectAt((s, e) => deep.slice(s, e), deep.length, at + 1, 'python', {
      layerCallee: layerCalleeFor({ doc: { text: deep, languageId: 'python' }, resolver: RESOLVER }),
    });
    assert.equal(d?.kind, 'array');
  });

  test('a name that is not a layer is no call', () => {
    const text = 'def act(v):\n    return v\ny = act([1.0, 2.0])\n';
    const offset = text.indexOf('act([');
    const doc = { text, languageId: 'python' };
    const d = detectAt((s, e) => text.slice(s, e), text.length, offset, 'python', {
      layerCallee: layerCalleeFor({ doc, resolver: RESOLVER }),
    });
    assert.notEqual(d?.kind, 'call');
  });
});
