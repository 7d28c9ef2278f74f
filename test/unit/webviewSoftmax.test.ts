// The vector view (softmax, log_softmax): bars of the output for one row, temperature, sum and Jacobian.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PlotRequest } from '../../src/shared/plotRequest';
import { buildSoftmaxChart, EXAMPLE_ROW, jacobianRows, rowsOf, subscript } from '../../webview/softmaxConfig';
import { computeContext } from '../../webview/model';
import { printedResult } from '../../webview/printing';
import { matchFixture, PALETTE, STRINGS } from './webviewSnapshot';
import { makeRequest } from './requests';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const SEED = [-3, -2, -1, 0, 1, 2, 3];
const request = (extra: Partial<PlotRequest> = {}): PlotRequest =>
  makeRequest({
    activations: ['softmax'],
    input: { values: SEED, shape: [7], text: '' },
    dialect: 'tensorflow',
    params: {},
    epsilon: 0.01,
    source: null,
    ...extra,
  });

suite('softmax view', () => {
  test('the seed example: the article’s TensorFlow outputs as bars, summing to 1', () => {
    const m = buildSoftmaxChart(request(), 0, 1, PALETTE, STRINGS);
    const s = m.series[0];
    const article = [0.0015683, 0.00426308, 0.01158826, 0.03150015, 0.0856263, 0.23275642, 0.6326975];
    s.outputs.forEach((v, i) => assert.ok(Math.abs(v - article[i]) < 1e-7, `${v} vs ${article[i]}`));
    assert.ok(Math.abs(s.sum - 1) < 1e-6);
    const bars = m.config.data.datasets[0];
    assert.equal(bars.type, 'bar');
    assert.deepEqual(bars.data, s.outputs);
    assert.equal(m.config.data.labels![6], 'x₆ = 3.0');
    assert.equal(m.config.options!.animation, false);
  });

  test('the printed result is the article’s tf.Tensor line', () => {
    const text = printedResult(computeContext(request())).replace(/\s+/g, ' ');
    assert.equal(
      text,
      'tf.Tensor( [0.0015683 0.00426308 0.01158826 0.03150015 0.0856263 0.23275642 0.6326975 ], shape=(7,), dtype=float32)',
    );
  });

  test('Jacobian: diagonal s(1−s), rows summing to 0, all divided by T', () => {
    for (const T of [1, 2]) {
      const s = buildSoftmaxChart(request({ dialect: 'exact' }), 0, T, PALETTE, STRINGS).series[0];
      s.outputs.forEach((p, i) => {
        assert.ok(Math.abs(s.diagonal[i] - (p * (1 - p)) / T) < 1e-12);
        assert.ok(Math.abs(s.jacobian![i][i] - s.diagonal[i]) < 1e-12);
        assert.ok(Math.abs(s.jacobian![i].reduce((a, b) => a + b, 0)) < 1e-12);
      });
    }
  });

  test('temperature: large T flattens towards uniform, small T sharpens towards one-hot', () => {
    const hot = buildSoftmaxChart(request({ dialect: 'exact' }), 0, 0.05, PALETTE, STRINGS).series[0].outputs;
    const flat = buildSoftmaxChart(request({ dialect: 'exact' }), 0, 20, PALETTE, STRINGS).series[0].outputs;
    assert.ok(hot[6] > 0.999999);
    assert.ok(Math.max(...flat) - Math.min(...flat) < 0.05);
    assert.match(buildSoftmaxChart(request(), 0, 2, PALETTE, STRINGS).ariaLabel, /temperature 2;/);
  });

  test('a 2-D selection: one row at a time along the last axis', () => {
    const values = [...SEED, 1, 1, 1, 1, 1, 1, 5];
    const m = buildSoftmaxChart(
      request({ input: { values, shape: [2, 7], text: '' } }),
      1,
      1,
      PALETTE,
      STRINGS,
    );
    assert.deepEqual([m.rows, m.rowLength, m.row], [2, 7, 1]);
    assert.deepEqual(m.inputs, [1, 1, 1, 1, 1, 1, 5]);
    const clamped = buildSoftmaxChart(
      request({ input: { values, shape: [2, 7], text: '' } }),
      9,
      1,
      PALETTE,
      STRINGS,
    );
    assert.equal(clamped.row, 1);
    assert.deepEqual(rowsOf([3, 4, 5], 60), [12, 5]);
  });

  test('nothing selected: the example row, said so', () => {
    const m = buildSoftmaxChart(request({ input: null }), 0, 1, PALETTE, STRINGS);
    assert.equal(m.example, true);
    assert.deepEqual(m.inputs, [...EXAMPLE_ROW]);
  });

  test('log_softmax: outputs are logs of the softmax; compared vector functions get their own bars', () => {
    const m = buildSoftmaxChart(
      request({ activations: ['softmax', 'log_softmax'], dialect: 'exact' }),
      0,
      1,
      PALETTE,
      STRINGS,
    );
    assert.equal(m.series.length, 2);
    m.series[1].outputs.forEach((v, i) => assert.ok(Math.abs(Math.exp(v) - m.series[0].outputs[i]) < 1e-12));
    assert.deepEqual(
      m.config.data.datasets.map((d) => d.type),
      ['bar', 'bar', 'line'],
    );
  });

  test('helpers', () => {
    assert.equal(subscript(12), '₁₂');
    assert.deepEqual(jacobianRows([1, 2, 3, 4], 2), [
      [1, 2],
      [3, 4],
    ]);
    assert.deepEqual(jacobianRows([Float64Array.of(1, 2)], 1), [[1, 2]]);
  });

  test('snapshot fixtures/chart/softmax-seed.json', () => {
    const m = buildSoftmaxChart(request(), 0, 1, PALETTE, STRINGS);
    matchFixture('softmax-seed', {
      rows: m.rows,
      series: m.series,
      ariaLabel: m.ariaLabel,
      config: m.config,
    });
  });
});
