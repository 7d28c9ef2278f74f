// Pure helpers of the webview: log sliders, request edits from the controls, printing/CSV, dtypes and print styles.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PlotRequest } from '../../src/shared/plotRequest';
import { STEPS, stepToValue, tidy, valueToStep } from '../../webview/logScale';
import {
  addCompared,
  comparable,
  exampleRequest,
  removeCompared,
  withDialect,
  withEpsilon,
  withMainActivation,
  withParam,
} from '../../webview/requestEdit';
import { computeContext, dtypeOf, paramsFor } from '../../webview/model';
import { printStyleForDialect as printStyleOf } from '../../src/core';
import { csvStates, exportName, printedResult, valuesCsv } from '../../webview/printing';
import { cellText, elementText, shortNumber } from '../../webview/format';
import { lineDiff } from './webviewSnapshot';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const base = (): PlotRequest => ({
  ...exampleRequest(),
  source: { uri: 'file:///a.py', range: [0, 0, 0, 5] },
});

suite('log-scale sliders', () => {
  test('ends map to the range, the middle to the geometric mean, and back', () => {
    assert.ok(Math.abs(stepToValue(0, 1e-6, 0.5) - 1e-6) < 1e-18);
    assert.ok(Math.abs(stepToValue(STEPS, 1e-6, 0.5) - 0.5) < 1e-12);
    assert.ok(Math.abs(stepToValue(STEPS / 2, 1, 100) - 10) < 1e-9);
    for (const v of [1e-6, 1e-3, 0.01, 0.25, 0.5]) {
      assert.ok(Math.abs(stepToValue(valueToStep(v, 1e-6, 0.5), 1e-6, 0.5) / v - 1) < 0.01);
    }
    assert.equal(valueToStep(10, 1, 50), Math.round((Math.log(10) / Math.log(50)) * STEPS));
    assert.equal(valueToStep(-1, 1, 50), 0);
    assert.equal(tidy(0.0100231), 0.01);
  });
});

suite('request edits', () => {
  test('ε is clamped to the slider range; invalid values are ignored', () => {
    assert.equal(withEpsilon(base(), 0.05).epsilon, 0.05);
    assert.equal(withEpsilon(base(), 5).epsilon, 0.5);
    assert.equal(withEpsilon(base(), 1e-9).epsilon, 1e-6);
    const r = base();
    assert.equal(withEpsilon(r, NaN), r);
    assert.equal(withEpsilon(r, -1), r);
  });

  test('main activation, comparison and dialect', () => {
    let r = withMainActivation(base(), 'tanh');
    assert.deepEqual(r.activations, ['tanh']);
    r = addCompared(r, 'relu');
    r = addCompared(r, 'relu');
    assert.deepEqual(r.activations, ['tanh', 'relu']);
    assert.deepEqual(withMainActivation(r, 'relu').activations, ['relu']);
    assert.deepEqual(removeCompared(r, 'relu').activations, ['tanh']);
    assert.equal(removeCompared(r, 'tanh'), r, 'the main activation is not removed');
    assert.ok(!comparable(r).includes('tanh') && comparable(r).includes('sigmoid'));
    assert.equal(withDialect(r, 'pytorch').dialect, 'pytorch');
    assert.equal(r.dialect, 'tensorflow', 'edits return new requests');
  });

  test('parameters are clamped to the ParamSpec range and merged with the dialect defaults', () => {
    let r = withMainActivation(base(), 'leaky_relu');
    assert.equal(paramsFor(r, 'leaky_relu').alpha, 0.2, 'TensorFlow default α');
    assert.equal(paramsFor(withDialect(r, 'pytorch'), 'leaky_relu').alpha, 0.01, 'PyTorch default α');
    r = withParam(r, 'leaky_relu', 'alpha', 0.3);
    assert.equal(paramsFor(r, 'leaky_relu').alpha, 0.3);
    assert.equal(withParam(r, 'leaky_relu', 'nope', 1), r);
    const huge = withParam(r, 'leaky_relu', 'alpha', 1e9).params.leaky_relu!.alpha;
    assert.ok(huge < 1e9);
  });

  test('the example is the article’s sigmoid input and has no source (nothing is inserted)', () => {
    const e = exampleRequest();
    assert.deepEqual(e.input!.values, [-3, -2, -1, 0, 1, 2, 3]);
    assert.equal(e.source, null);
    assert.equal(e.dialect, 'tensorflow');
  });
});

suite('printing and export', () => {
  test('print style per dialect: TF tf.Tensor float32, PyTorch tensor, JAX NumPy float32, exact NumPy float64', () => {
    assert.deepEqual(printStyleOf('tensorflow'), { style: 'tensorflow', dtype: 'float32' });
    assert.deepEqual(printStyleOf('pytorch'), { style: 'pytorch', dtype: 'float32' });
    assert.deepEqual(printStyleOf('jax'), { style: 'numpy', dtype: 'float32' });
    assert.deepEqual(printStyleOf('exact'), { style: 'numpy', dtype: 'float64' });
    assert.deepEqual(printStyleOf('tfjs'), { style: 'tfjs', dtype: 'float32' });
    assert.equal(dtypeOf('exact'), 'float64');
    assert.equal(dtypeOf('jax'), 'float32');
  });

  test('the seed sigmoid prints as the article’s TensorFlow output', () => {
    const ctx = computeContext(base());
    assert.equal(
      printedResult(ctx).replace(/\s+/g, ' '),
      'tf.Tensor( [0.04742587 0.11920292 0.26894143 0.5 0.7310586 0.880797 0.95257413], shape=(7,), dtype=float32)',
    );
    assert.match(
      printedResult(ctx, 'pytorch'),
      /^tensor\(\[0\.0474, 0\.1192, 0\.2689, 0\.5000, 0\.7311, 0\.8808, 0\.9526\]\)$/,
    );
    assert.match(printedResult(ctx, 'json'), /^\[0\.04742587/);
    assert.match(printedResult(ctx, 'numpy'), /^\[0\.04742587 /);
    assert.equal(printedResult(computeContext({ ...base(), input: null })), '');
  });

  test('relu prints as the article’s output', () => {
    const ctx = computeContext(withMainActivation(base(), 'relu'));
    assert.equal(printedResult(ctx), 'tf.Tensor([0. 0. 0. 0. 1. 2. 3.], shape=(7,), dtype=float32)');
  });

  test('CSV: one row per input, every activation’s f and f′, machine-readable states', () => {
    const r = addCompared(withMainActivation(base(), 'relu'), 'sigmoid');
    const ctx = computeContext(r);
    const csv = valuesCsv(r, csvStates(ctx)).trimEnd().split('\n');
    assert.equal(csv[0], "x,relu(x),relu'(x),sigmoid(x),sigmoid'(x),state");
    assert.equal(csv.length, 8);
    assert.equal(csv[1], '-3.0,0.0,0.0,0.047425874,0.04517666,dead');
    assert.match(csv[7], /^3\.0,3\.0,1\.0,0\.95257413,[0-9.]+,active$/);
    assert.equal(exportName(r, 'png'), 'relu-vs-sigmoid-tensorflow.png');
    assert.equal(valuesCsv({ ...r, input: null }), '');
  });

  test('cells: float32 shortest digits for frameworks, float64 for exact', () => {
    assert.equal(cellText(0.1, 'float32'), '0.1');
    assert.equal(cellText(1 / 3, 'float32'), '0.33333334');
    assert.equal(cellText(1 / 3, 'float64'), '0.3333333333333333');
  });

  test('table cells: each value as it appears inside the framework print (at most 8 decimals, "3.")', () => {
    assert.equal(elementText(1 / 3, 'float32'), '0.33333334');
    assert.equal(elementText(1 / 3, 'float64'), '0.33333333');
    // The seed's first sigmoid value: str(np.float32) gives 0.047425874, the array print 0.04742587.
    assert.equal(cellText(Math.fround(0.047425874), 'float32'), '0.047425874');
    assert.equal(elementText(Math.fround(0.047425874), 'float32'), '0.04742587');
    assert.equal(elementText(3, 'float32'), '3.');
    assert.equal(elementText(-0, 'float32'), '-0.');
    assert.equal(shortNumber(0.000012345), '1.23e-5');
    assert.equal(shortNumber(-2.5), '−2.5');
  });
});

suite('fixture diff', () => {
  test('an inserted line shows as one + line with context, not as a cascade', () => {
    const d = lineDiff('a\nb\nc\nd', 'a\nb\nX\nc\nd');
    assert.equal(d, '@@ line 1 (- expected, + actual)\n  a\n  b\n+ X\n  c\n  d');
  });
});
