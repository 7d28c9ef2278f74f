// The one evaluation pipeline: code → subject → evaluation. What chooses the framework (the call, a wrapper, a
// printout, the setting), the dtype, the axis, TF.js as a dialect, and that the webview's model — fed the request a
// hover link carries — prints exactly what the hover printed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  detectAt,
  evaluate,
  evaluateDetection,
  resolveAxis,
  subjectOfDetection,
  subjectOfText,
  type Evaluated,
  type EvaluationResult,
} from '../../src/core';
import { requestOfSubject, subjectOfRequest } from '../../src/shared/plotRequest';
import { parsePlotRequest } from '../../src/shared/protocol';
import { toWire } from '../../src/shared/wire';
import { computeContext } from '../../webview/model';
import { printedResult } from '../../webview/printing';
import { buildSoftmaxChart } from '../../webview/softmaxConfig';
import { PALETTE, STRINGS } from './webviewSnapshot';
import { TEST_SETTINGS } from './requests';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const SETTINGS = TEST_SETTINGS;
const PY_ALIASES = {
  np: 'numpy',
  torch: 'torch',
  tf: 'tensorflow',
  jnp: 'jax.numpy',
  F: 'torch.nn.functional',
};

function evaluateAt(text: string, needle: string, languageId = 'python', delta = 1): EvaluationResult {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const d = detectAt((s, e) => text.slice(s, e), text.length, at + delta, languageId);
  assert.ok(d, `no detection at ${needle}`);
  const aliases = languageId === 'python' ? PY_ALIASES : { tf: 'tfjs' };
  return evaluateDetection(d, SETTINGS, aliases);
}

function ok(r: EvaluationResult): Evaluated {
  assert.equal(r.kind, 'ok', JSON.stringify(r));
  return r as Evaluated;
}

/** The webview's printed result for the request a hover's Open chart link carries (through JSON, as a link does). */
function panelPrint(ev: Evaluated): string {
  const request = parsePlotRequest(JSON.parse(JSON.stringify(toWire(requestOfSubject(ev, 0.01, null)))));
  assert.ok(request);
  return printedResult(computeContext(request));
}

suite('pipeline: what chooses the framework', () => {
  const cases: Array<[string, string, string, string, string]> = [
    // text, needle, framework, hint, print
    ['y = np.array([-1., 0., 2.])', '0.', 'numpy', 'wrapper', '[0.26894142 0.5        0.88079708]'],
    ['y = torch.tensor([-1., 0., 2.])', '0.', 'pytorch', 'wrapper', 'tensor([0.2689, 0.5000, 0.8808])'],
    ['y = jnp.array([-1., 0., 2.])', '0.', 'jax', 'wrapper', '[0.26894143 0.5        0.880797  ]'],
    // TensorFlow 1.x's Eigen sigmoid: the article prints 0.880797 for sigmoid(2).
    [
      'y = tf.constant([-1., 0., 2.])',
      '0.',
      'tensorflow',
      'wrapper',
      'tf.Tensor([0.26894143 0.5        0.880797  ], shape=(3,), dtype=float32)',
    ],
    ['# tensor([[0.1, 0.2], [0.3, 0.4]])', '0.1', 'pytorch', 'printout', ''],
    ['array([-1., 0., 2.])', '0.', 'numpy', 'printout', '[0.26894142 0.5        0.88079708]'],
    ['tensor([-1., 0., 2.])', '0.', 'pytorch', 'printout', 'tensor([0.2689, 0.5000, 0.8808])'],
    [
      'x = [-1., 0., 2.]',
      '0.',
      'tensorflow',
      'setting',
      'tf.Tensor([0.26894143 0.5        0.880797  ], shape=(3,), dtype=float32)',
    ],
  ];
  for (const [text, needle, framework, hint, print] of cases) {
    test(`${text} → ${framework} (${hint})`, () => {
      if (text.startsWith('#')) {
        // A printout pasted into a comment is read when selected.
        const r = subjectOfText(text.slice(2), SETTINGS, PY_ALIASES);
        assert.equal(r.kind, 'subject');
        if (r.kind === 'subject') {
          assert.equal(r.subject.framework, framework);
          assert.equal(r.source.frameworkHint, hint);
          assert.deepEqual(r.subject.input.shape, [2, 2]);
        }
        return;
      }
      const ev = ok(evaluateAt(text, needle));
      assert.equal(ev.framework, framework);
      assert.equal(ev.source.frameworkHint, hint);
      assert.equal(ev.printed, print);
      assert.equal(panelPrint(ev), print, 'the panel prints what the hover prints');
    });
  }

  test('the call beats the wrapper: tf.nn.sigmoid(np.array([...])) is TensorFlow', () => {
    const ev = ok(evaluateAt('tf.nn.sigmoid(np.array([-1., 0., 2.]))', 'sigmoid'));
    assert.equal(ev.framework, 'tensorflow');
    assert.equal(ev.source.frameworkHint, 'call');
  });

  test('a written dtype: torch.tensor(..., dtype=torch.float64) is float64 and prints its dtype', () => {
    const ev = ok(evaluateAt('torch.sigmoid(torch.tensor([-1., 2.], dtype=torch.float64))', 'sigmoid'));
    assert.equal(ev.dtype, 'float64');
    assert.equal(ev.printed, 'tensor([0.2689, 0.8808], dtype=torch.float64)');
    assert.equal(panelPrint(ev), ev.printed);
  });
});

suite('pipeline: softmax along the call’s axis, in every surface', () => {
  test('torch.softmax(…, dim=0) of a 2-D tensor normalises the columns (hover and panel agree)', () => {
    const ev = ok(evaluateAt('p = torch.softmax(torch.tensor([[1., 2.], [3., 4.]]), dim=0)', 'softmax'));
    assert.equal(ev.axis, 0);
    assert.equal(ev.printed, 'tensor([[0.1192, 0.1192],\n        [0.8808, 0.8808]])');
    assert.equal(panelPrint(ev), ev.printed);
    // The softmax view's rows are the slices along dim 0: the columns.
    const request = requestOfSubject(ev, 0.01, null);
    const view = buildSoftmaxChart(request, 0, 1, PALETTE, STRINGS);
    assert.deepEqual(view.inputs, [1, 3]);
    assert.equal(view.series[0].outputs[1].toFixed(4), '0.8808');
  });

  test('dim=-1 and axis=1 normalise the rows; PyTorch’s implicit dim of a matrix is 1', () => {
    for (const line of [
      'p = F.softmax(torch.tensor([[1., 2.], [3., 4.]]), dim=-1)',
      'p = F.softmax(torch.tensor([[1., 2.], [3., 4.]]))',
    ]) {
      const ev = ok(evaluateAt(line, 'softmax'));
      assert.equal(ev.axis, 1, line);
      assert.equal(ev.printed, 'tensor([[0.2689, 0.7311],\n        [0.2689, 0.7311]])', line);
    }
  });

  test('log_softmax along axis 0 in JAX, and its saturation elements stay in the input order', () => {
    const ev = ok(
      evaluateAt('jax.nn.log_softmax(jnp.array([[0., 10.], [0., -10.]]), axis=0)', 'log_softmax'),
    );
    assert.equal(ev.axis, 0);
    assert.equal(ev.output[0].toFixed(4), '-0.6931');
    assert.equal(ev.output[3].toFixed(4), '-20.0000');
    assert.deepEqual(
      ev.elements.map((e) => e.x),
      [0, 10, 0, -10],
    );
  });

  test('an axis out of range, and TF.js’s last-axis-only rule, are clear errors', () => {
    const r = evaluateAt('torch.softmax(torch.tensor([1., 2.]), dim=3)', 'softmax');
    assert.equal(r.kind, 'error');
    assert.match(r.kind === 'error' ? r.message : '', /axis 3 is out of range for an array of rank 1/);
    assert.match(String(resolveAxis(0, 'tfjs', 2)), /last axis only/);
    assert.equal(resolveAxis(-1, 'tfjs', 2), 1);
  });
});

suite('pipeline: TF.js is a dialect like the others', () => {
  test('tf.relu’s gradient at 0 is 0, so 2 of 3 inputs are dead, consistently', () => {
    const ev = ok(evaluateAt('tf.relu(tf.tensor1d([-1, 0, 2]))', 'relu', 'javascript'));
    assert.equal(ev.dialect, 'tfjs');
    assert.deepEqual(Array.from(ev.derivative), [0, 0, 1]);
    assert.equal(ev.saturation.dead, 2);
    // TF.js infers float32 for JavaScript numbers: no integer-tensor warning.
    assert.equal(ev.source.integerLiteral, false);
    assert.equal(ev.printedDerivative, 'Tensor\n    [0, 0, 1]');
  });

  test('TF.js gradient conventions at the kinks (activation-math.md §2.D)', () => {
    const d = (id: string, x: number): number => evaluate(id, [x], [1], { dialect: 'tfjs' }).derivative[0];
    assert.equal(d('relu6', 6), 1);
    assert.equal(d('elu', 0), 1);
    assert.equal(d('leaky_relu', 0), Math.fround(0.2));
    assert.equal(d('selu', 0), Math.fround(1.7580993408473768));
    assert.equal(d('hard_sigmoid', 2.5), Math.fround(0.2));
  });

  test('tf.softmax divides by the float64 sum of float32 exponentials; the sum prints as TF.js prints a scalar', () => {
    const ev = ok(evaluateAt('tf.softmax(tf.tensor1d([-1, 0, 1]))', 'softmax', 'javascript'));
    assert.equal(ev.printed, 'Tensor\n    [0.0900306, 0.2447285, 0.6652409]');
    assert.equal(ev.sum?.label, 'tf.sum');
    assert.match(ev.sum?.printed ?? '', /^Tensor\n {4}(1|0\.99999\d+|1\.0000\d+)$/);
    assert.equal(panelPrint(ev), ev.printed);
  });

  test('a TF.js request keeps its dialect and print through the webview (the panel has a TF.js dialect)', () => {
    const ev = ok(evaluateAt('tf.sigmoid(tf.tensor1d([2]))', 'sigmoid', 'javascript'));
    const request = requestOfSubject(ev, 0.01, null);
    assert.equal(request.dialect, 'tfjs');
    assert.equal(subjectOfRequest(request).framework, 'tfjs');
    assert.equal(panelPrint(ev), 'Tensor\n    [0.8807971]');
  });
});

suite('pipeline: first-stage results', () => {
  test('a selected text that is not an array: a ParseError with its offset, no exception', () => {
    const r = subjectOfText('[1., 2., oops]', SETTINGS);
    assert.equal(r.kind, 'error');
    if (r.kind === 'error') {
      assert.equal(r.phase, 'parse');
      assert.equal(r.offset, 9);
    }
  });

  test('too many elements is decided by the ParseError’s kind, not its message', () => {
    const r = subjectOfText('[1., 2., 3.]', { ...SETTINGS, maxElements: 2 });
    assert.deepEqual(r, { kind: 'tooLarge', limit: 2 });
  });

  test('a call whose input is a name: noInput with the call’s activation, framework and parameters', () => {
    const text = 'h = F.leaky_relu(x, negative_slope=0.1)';
    const d = detectAt((s, e) => text.slice(s, e), text.length, text.indexOf('leaky') + 1, 'python');
    assert.ok(d);
    const r = subjectOfDetection(d, SETTINGS, PY_ALIASES);
    assert.equal(r.kind, 'noInput');
    if (r.kind === 'noInput') {
      assert.equal(r.subject.framework, 'pytorch');
      assert.deepEqual(r.subject.params, { alpha: 0.1 });
      assert.equal(r.source.argText, 'x');
    }
  });
});
