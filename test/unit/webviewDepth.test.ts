// The gradient-through-depth chart: |f′(x)|^L in powers of ten (computed in logs), exact zeros marked at the floor.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../src/core';
import type { PlotRequest } from '../../src/shared/plotRequest';
import { buildDepthChart, fromLog10, powerOfTen } from '../../webview/depthConfig';
import { matchFixture, PALETTE, STRINGS } from './webviewSnapshot';
import { makeRequest } from './requests';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const SEED = [-3, -2, -1, 0, 1, 2, 3];
const request = (id: PlotRequest['activations'][number]): PlotRequest =>
  makeRequest({
    activations: [id],
    input: { values: SEED, shape: [7], text: '' },
    dialect: 'tensorflow',
    params: {},
    epsilon: 0.01,
    source: null,
  });

suite('depth chart', () => {
  test('sigmoid, L = 10: the inputs sit at 10·log10|σ′(x)| (vanishing gradient)', () => {
    const m = buildDepthChart(request('sigmoid'), 10, [-7, 7], 40, PALETTE, STRINGS);
    const inputs = m.config.data.datasets.find((d) => d.label === STRINGS.depthInputs)!;
    const dy = evaluate('sigmoid', SEED, [7], { dialect: 'tensorflow' }).derivative;
    inputs.data.forEach((p, i) => {
      assert.equal(p.x, SEED[i]);
      assert.ok(Math.abs(p.y - 10 * Math.log10(dy[i])) < 1e-9);
    });
    // σ′ ≤ 1/4, so after 10 layers even the best input has lost a factor 4^10 ≈ 10^6.
    assert.ok(Math.max(...inputs.data.map((p) => p.y)) < -6);
    assert.ok(m.minInputLog < -13 && m.minInputLog > -14, `smallest ${m.minInputLog}`);
    assert.match(m.ariaLabel, /L = 10; smallest among the inputs 10\^-14\./);
  });

  test('a log axis in powers of ten, whose floor is below every finite value', () => {
    const m = buildDepthChart(request('sigmoid'), 50, [-7, 7], 40, PALETTE, STRINGS);
    const y = m.config.options!.scales!.y!;
    assert.equal(y.min, m.yMin);
    const curve = m.config.data.datasets[0].data;
    assert.ok(curve.every((p) => p.y >= m.yMin && p.y <= m.yMax));
    const tick = (y.ticks as { callback: (v: number) => string }).callback;
    assert.equal(tick(-20), '10⁻²⁰');
    assert.equal(tick(0), '10⁰');
    assert.equal(m.config.options!.animation, false);
    assert.equal(m.config.options!.parsing, false);
  });

  test('relu: dead inputs (f′ = 0 exactly) are drawn as × at the floor, in their own dataset', () => {
    const m = buildDepthChart(request('relu'), 10, [-7, 7], 40, PALETTE, STRINGS);
    const zero = m.config.data.datasets.find(
      (d) => d.label === `${STRINGS.depthInputs}: ${STRINGS.depthZero}`,
    )!;
    assert.equal(zero.pointStyle, 'crossRot');
    assert.deepEqual(
      zero.data.map((p) => [p.x, p.y]),
      [-3, -2, -1, 0].map((x) => [x, m.yMin]),
    );
    assert.equal(m.minInputLog, -Infinity);
    const tick = (m.config.options!.scales!.y!.ticks as { callback: (v: number) => string }).callback;
    assert.equal(tick(m.yMin), '0', 'the floor tick stands for exactly 0');
    const live = m.config.data.datasets.find((d) => d.label === STRINGS.depthInputs)!;
    assert.deepEqual(
      live.data.map((p) => p.y),
      [0, 0, 0],
    );
  });

  test('tooltip text from logs: 10^-400 is still a number', () => {
    assert.equal(fromLog10(-400.5, 'exactly 0'), '3.16×10⁻⁴⁰¹');
    assert.equal(fromLog10(-Infinity, 'exactly 0'), 'exactly 0');
    assert.equal(fromLog10(Math.log10(0.25), 'x'), '0.25');
    assert.equal(powerOfTen(-5), '10⁻⁵');
  });

  for (const id of ['sigmoid', 'tanh', 'relu', 'elu'] as const) {
    test(`snapshot fixtures/chart/depth-${id}.json (L = 10)`, () => {
      const m = buildDepthChart(request(id), 10, [-7, 7], 40, PALETTE, STRINGS);
      matchFixture(`depth-${id}`, { yMin: m.yMin, yMax: m.yMax, ariaLabel: m.ariaLabel, config: m.config });
    });
  }
});
