// The main chart's configuration from a PlotRequest: datasets for f, f' and the inputs, axes, tooltips, legend,
// compare mode, performance options — plus a fixture snapshot per elementwise activation (UPDATE_FIXTURES=1 to renew).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LegendItem, TooltipItem } from 'chart.js';
import { ACTIVATION_IDS, evaluate, getActivation, type ActivationId } from '../../src/core';
import type { PlotRequest } from '../../src/shared/plotRequest';
import { buildMainChart, type ViewOptions } from '../../webview/chartConfig';
import type { Point } from '../../webview/chartOptions';
import { withAlpha } from '../../webview/color';
import { defaultDomain, inputDomain, inputPoints } from '../../webview/domain';
import { matchFixture, PALETTE, STRINGS } from './webviewSnapshot';
import { makeRequest } from './requests';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const SEED = [-3, -2, -1, 0, 1, 2, 3];

export function seedRequest(activations: ActivationId[], extra: Partial<PlotRequest> = {}): PlotRequest {
  return makeRequest({
    activations,
    input: { values: SEED, shape: [7], text: '[-3.,-2.,-1.,0.0,1.,2.,3.]' },
    dialect: 'tensorflow',
    params: {},
    epsilon: 0.01,
    source: null,
    ...extra,
  });
}

const VIEW: ViewOptions = { samples: 48, showDerivative: true, derivativeOwnAxis: false };

type Item = TooltipItem<'line' | 'scatter'>;

/** The legend entries the chart would show (all datasets visible). */
export function legendOf(m: ReturnType<typeof buildMainChart>): LegendItem[] {
  const generate = m.config.options!.plugins!.legend!.labels!.generateLabels!;
  const chart = { isDatasetVisible: () => true } as unknown as Parameters<typeof generate>[0];
  return generate(chart);
}
const item = (datasetIndex: number, dataIndex: number, raw: Point): Item =>
  ({ datasetIndex, dataIndex, raw }) as unknown as Item;

suite('main chart configuration', () => {
  test('sigmoid on the seed inputs: f and f′ sampled over the domain, the inputs on both', () => {
    const model = buildMainChart(seedRequest(['sigmoid']), VIEW, PALETTE, STRINGS);
    const ds = model.config.data.datasets;
    assert.deepEqual(
      ds.map((d) => [d.type, d.label, d.yAxisID]),
      [
        ['line', 'f(x)', 'y'],
        ['line', "f'(x)", 'y'],
        ['scatter', 'Selected inputs', 'y'],
        ['scatter', "Selected inputs on f'", 'y'],
      ],
    );
    assert.equal(ds[0].data.length, 48);
    assert.equal(ds[0].data[0].x, Math.fround(model.domain[0]), 'TensorFlow samples x in float32');
    assert.ok(Math.abs(ds[0].data[47].x - model.domain[1]) < 1e-5);
    // The input points are the core's values for TensorFlow (float32).
    const ev = evaluate('sigmoid', SEED, [7], { dialect: 'tensorflow' });
    assert.deepEqual(
      ds[2].data.map((p) => p.y),
      Array.from(ev.values),
    );
    assert.deepEqual(
      ds[3].data.map((p) => p.y),
      Array.from(ev.derivative),
    );
    assert.deepEqual(
      ds[2].data.map((p) => p.x),
      SEED,
    );
    assert.equal(ds[0].borderColor, PALETTE.fn);
    assert.equal(ds[1].borderColor, PALETTE.derivative);
    assert.deepEqual(ds[1].borderDash, [6, 4], 'f′ is dashed, so it differs from f by more than colour');
  });

  test('performance options: no animation, no parsing, normalized data', () => {
    const o = buildMainChart(seedRequest(['tanh']), VIEW, PALETTE, STRINGS).config.options!;
    assert.equal(o.animation, false);
    assert.equal(o.parsing, false);
    assert.equal(o.normalized, true);
    assert.equal(o.maintainAspectRatio, false);
  });

  test('the x axis is the domain; f′ shares the y axis or gets its own', () => {
    const shared = buildMainChart(seedRequest(['sigmoid']), VIEW, PALETTE, STRINGS);
    const sx = shared.config.options!.scales!;
    assert.equal(sx.x!.min, shared.domain[0]);
    assert.equal(sx.x!.max, shared.domain[1]);
    assert.equal(sx.y2!.display, false);
    const own = buildMainChart(
      seedRequest(['sigmoid']),
      { ...VIEW, derivativeOwnAxis: true },
      PALETTE,
      STRINGS,
    );
    assert.equal(own.config.options!.scales!.y2!.display, true);
    assert.deepEqual(
      own.config.data.datasets.map((d) => d.yAxisID),
      ['y', 'y2', 'y', 'y2'],
    );
    const hidden = buildMainChart(
      seedRequest(['sigmoid']),
      { ...VIEW, showDerivative: false },
      PALETTE,
      STRINGS,
    );
    assert.deepEqual(
      hidden.config.data.datasets.map((d) => !!d.hidden),
      [false, true, false, true],
    );
  });

  test('a zoomed domain is drawn as given, with overscan sampled beyond both sides', () => {
    const m = buildMainChart(
      seedRequest(['sigmoid']),
      { ...VIEW, domain: [-1, 1], overscan: 0.5 },
      PALETTE,
      STRINGS,
    );
    assert.deepEqual(m.domain, [-1, 1]);
    assert.equal(m.config.options!.scales!.x!.min, -1);
    const f = m.config.data.datasets[0].data;
    assert.equal(f.length, 96);
    assert.equal(f[0].x, -2);
    assert.equal(f[f.length - 1].x, 2);
  });

  test('the default domain covers the finite inputs with a margin, and at least [-6, 6]', () => {
    const [a, b] = defaultDomain(seedRequest(['relu']));
    assert.ok(Math.abs(a + 6.96) < 1e-12 && Math.abs(b - 6.96) < 1e-12, `${a}, ${b}`);
    const wide = seedRequest(['elu'], {
      input: { values: [-100, 5, NaN, Infinity], shape: [4], text: '' },
    });
    const [lo, hi] = defaultDomain(wide);
    assert.ok(lo < -100 && hi > 6 && Number.isFinite(hi));
    assert.deepEqual(defaultDomain(seedRequest(['relu'], { input: null })), [a, b]);
  });

  test('without inputs: the curve alone, and an aria label that says so', () => {
    const m = buildMainChart(seedRequest(['relu'], { input: null }), VIEW, PALETTE, STRINGS);
    assert.equal(m.config.data.datasets.length, 2);
    assert.match(m.ariaLabel, /no inputs selected/);
  });

  test('aria label summarises activation, inputs, saturated count and bands', () => {
    const m = buildMainChart(seedRequest(['relu']), VIEW, PALETTE, STRINGS);
    assert.match(
      m.ariaLabel,
      /^ReLU: 7 inputs, \d saturated \(\d left, \d right\), \d dead\. Shaded bands: left saturation · dead zone\.$/,
    );
  });

  test('compare mode: one colour per activation, vector activations left out and reported', () => {
    const m = buildMainChart(seedRequest(['sigmoid', 'tanh', 'softmax']), VIEW, PALETTE, STRINGS);
    assert.deepEqual(m.drawn, ['sigmoid', 'tanh']);
    assert.deepEqual(m.skipped, ['softmax']);
    const lines = m.config.data.datasets.filter((d) => d.type === 'line');
    const sig = getActivation('sigmoid').label;
    const tanh = getActivation('tanh').label;
    assert.deepEqual(
      lines.map((d) => [d.label, d.borderColor]),
      [
        [`f(x) ${sig}`, PALETTE.series[0]],
        [`f'(x) ${sig}`, PALETTE.series[0]],
        [`f(x) ${tanh}`, PALETTE.series[1]],
        [`f'(x) ${tanh}`, PALETTE.series[1]],
      ],
    );
    // tanh's inputs are on tanh's curve.
    const tanhInputs = m.config.data.datasets.find((d) => d.label === `Selected inputs ${tanh}`)!;
    const ev = evaluate('tanh', SEED, [7], { dialect: 'tensorflow' });
    assert.deepEqual(
      tanhInputs.data.map((p) => p.y),
      Array.from(ev.values),
    );
  });

  test('tooltips: x, f(x), f′(x) and the saturation state; f and f′ of one activation on one line', () => {
    const m = buildMainChart(seedRequest(['relu']), VIEW, PALETTE, STRINGS);
    const tooltip = m.config.options!.plugins!.tooltip!;
    const callbacks = tooltip.callbacks!;
    const inputs = m.config.data.datasets[2].data;
    const it0 = item(2, 0, inputs[0]);
    assert.equal((callbacks.title as (i: Item[]) => string)([it0]), 'x = -3.0');
    assert.equal((callbacks.label as (i: Item) => string)(it0), "ReLU: f(x) = 0.0, f'(x) = 0.0");
    assert.equal((callbacks.afterLabel as (i: Item) => string)(it0), 'State: Dead');
    const it6 = item(2, 6, inputs[6]);
    assert.equal((callbacks.afterLabel as (i: Item) => string)(it6), 'State: Active');
    // A point of the curve inside the dead band is labelled with the band.
    const curve = m.config.data.datasets[0].data;
    assert.equal(
      (callbacks.afterLabel as (i: Item) => string)(item(0, 1, curve[1])),
      'State: left saturation · dead zone',
    );
    const filter = tooltip.filter as (i: Item, index: number, all: Item[]) => boolean;
    const pair = [item(0, 5, curve[5]), item(1, 5, curve[5])];
    assert.equal(filter(pair[0], 0, pair), true);
    assert.equal(filter(pair[1], 1, pair), false, 'f′ folds into the f line');
    assert.equal(filter(pair[1], 0, [pair[1]]), true, 'f′ alone is shown');
  });

  test('legend hides the inputs-on-f′ entry (it follows f′), in dataset order', () => {
    const m = buildMainChart(seedRequest(['sigmoid']), VIEW, PALETTE, STRINGS);
    const entries = legendOf(m);
    assert.deepEqual(
      entries.map((e) => e.datasetIndex),
      [0, 1, 2],
    );
    assert.deepEqual(
      entries.map((e) => e.text),
      ['f(x)', "f'(x)", 'Selected inputs'],
    );
    // f solid, f′ dashed: they differ by more than colour.
    assert.deepEqual(entries[0].lineDash, []);
    assert.deepEqual(entries[1].lineDash, [6, 4]);
  });

  test('many inputs are thinned to one per pixel column; few are all kept', () => {
    const xs = Array.from({ length: 10_000 }, (_, i) => -5 + i / 1000);
    const kept = inputPoints(xs, [-5, 5], 100);
    assert.ok(kept.length <= 101 && kept.length >= 90, `kept ${kept.length}`);
    assert.deepEqual(inputPoints([1, NaN, 2], [-5, 5], 100), [0, 2]);
  });

  test('withAlpha: hex and rgb theme colours become translucent', () => {
    assert.equal(withAlpha('#3794ff', 0.5), '#3794ff80');
    assert.equal(withAlpha('#abc', 1), '#aabbccff');
    assert.equal(withAlpha('#3794ffcc', 0), '#3794ff00');
    assert.equal(withAlpha('rgb(30, 30, 30)', 0.25), 'rgba(30, 30, 30, 0.25)');
    assert.equal(withAlpha('transparent', 0.5), 'transparent');
  });
});

suite('main chart snapshots per activation (fixtures/chart/main-<id>.json)', () => {
  for (const id of ACTIVATION_IDS) {
    if (getActivation(id).vector) continue;
    test(id, () => {
      const m = buildMainChart(seedRequest([id]), VIEW, PALETTE, STRINGS);
      matchFixture(`main-${id}`, {
        domain: m.domain,
        bands: m.bands,
        numericDead: m.numericDead,
        ariaLabel: m.ariaLabel,
        config: m.config,
      });
    });
  }
  test('exact dialect, leaky_relu α = 0.2, ε = 0.1', () => {
    const m = buildMainChart(
      seedRequest(['leaky_relu'], { dialect: 'exact', params: { leaky_relu: { alpha: 0.2 } }, epsilon: 0.1 }),
      VIEW,
      PALETTE,
      STRINGS,
    );
    matchFixture('main-leaky_relu-exact', { domain: m.domain, bands: m.bands, config: m.config });
  });
});

suite('compare chart legend (issue 13.12)', () => {
  const three = buildMainChart(seedRequest(['sigmoid', 'tanh', 'relu']), VIEW, PALETTE, STRINGS);
  const entries = legendOf(three);
  test('one entry per activation, f′ once (dashed), the inputs once, and whose bands are shaded', () => {
    assert.deepEqual(
      entries.map((e) => e.text),
      ['Sigmoid', 'Tanh', 'ReLU', "f'(x) (dashed)", 'Selected inputs', 'Shaded bands: saturation of Sigmoid'],
    );
    assert.deepEqual(entries[3].lineDash, [6, 4]);
    assert.deepEqual(entries[0].lineDash, []);
    assert.match(three.ariaLabel, /Shaded bands: saturation of Sigmoid/);
  });
  test("an activation's entry toggles all its series; the f′ entry toggles every f′", () => {
    const visible = three.config.data.datasets.map(() => true);
    const chart = {
      isDatasetVisible: (i: number) => visible[i],
      setDatasetVisibility: (i: number, v: boolean) => void (visible[i] = v),
      update: () => undefined,
    };
    const click = three.config.options!.plugins!.legend!.onClick as unknown as (
      e: unknown,
      item: LegendItem,
      legend: { chart: typeof chart },
    ) => void;
    const labels = three.config.data.datasets.map((d) => d.label);
    click(null, entries[1], { chart });
    assert.deepEqual(
      labels.filter((_, i) => !visible[i]),
      ['f(x) Tanh', "f'(x) Tanh", 'Selected inputs Tanh', "Selected inputs on f' Tanh"],
    );
    click(null, entries[1], { chart });
    click(null, entries[3], { chart });
    assert.deepEqual(
      labels.filter((_, i) => !visible[i]),
      labels.filter((l) => l!.startsWith("f'(x)") || l!.startsWith("Selected inputs on f'")),
    );
  });
});

suite('default view of far inputs (issue 13.14)', () => {
  const ARTICLE_ELU = [-10000, -100, -3, -2, -1, 0, 1, 2, 3];
  const r = seedRequest(['elu'], { input: { values: ARTICLE_ELU, shape: [9], text: '' } });
  test('the article’s ELU input opens on the region near 0, the far inputs marked at the edge', () => {
    const m = buildMainChart(r, VIEW, PALETTE, STRINGS);
    assert.ok(m.domain[0] > -8 && m.domain[1] < 8, `domain ${m.domain}`);
    assert.equal(m.outliers, 2);
    assert.ok(m.fullDomain[0] < -10000);
    const edge = m.config.data.datasets.find((d) => d.label === 'Inputs beyond the view: 2')!;
    assert.deepEqual(
      edge.data.map((p) => p.x),
      [m.domain[0], m.domain[0]],
    );
    // Heights stay within the drawn curve's range (ELU(−10000) = −1 here).
    for (const p of edge.data) assert.ok(p.y >= -1 && p.y <= 7, `y ${p.y}`);
    // The tooltip names the real input.
    const index = m.config.data.datasets.indexOf(edge);
    const title = m.config.options!.plugins!.tooltip!.callbacks!.title as unknown as (i: Item[]) => string;
    assert.match(title([item(index, 0, edge.data[0])]), /-10000/);
  });
  test('"show all" (the full domain as the view) reaches every input and marks none', () => {
    const base = buildMainChart(r, VIEW, PALETTE, STRINGS);
    const all = buildMainChart(r, { ...VIEW, domain: base.fullDomain }, PALETTE, STRINGS);
    assert.equal(all.outliers, 0);
    assert.ok(all.domain[0] < -10000 && all.domain[1] >= 3);
  });
  test('evenly spread or mostly far inputs keep the full range', () => {
    const spread = Array.from({ length: 101 }, (_, i) => i - 50);
    assert.deepEqual(inputDomain(spread).outliers, 0);
    assert.ok(inputDomain(spread).domain[0] < -50);
    assert.equal(inputDomain([-10000, -5000, 0, 5000, 10000]).outliers, 0);
    assert.equal(inputDomain([-100, 5]).outliers, 0);
  });
});
