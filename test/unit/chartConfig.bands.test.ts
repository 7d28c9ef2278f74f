// Saturation bands on the main chart: where they are (from the core, for the current ε), how they are drawn (behind
// the data, clipped to the domain, each kind styled and labelled distinctly) and the float32 numerically-dead regions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivationId } from '../../src/core';
import type { PlotRequest } from '../../src/shared/plotRequest';
import { fitNumericDead, NUMERIC_SPAN, numericallyDeadBands } from '../../src/core';
import { numericDeadCanonical as coreNumericDeadCanonical } from '../../src/core';
import { BAND_DASH, bandLabel } from '../../webview/bands';
import { buildMainChart, type ViewOptions } from '../../webview/chartConfig';
import { paramsFor } from '../../webview/model';

const numericDeadCanonical = (r: PlotRequest, id: ActivationId) =>
  coreNumericDeadCanonical(id, { dialect: r.dialect, params: paramsFor(r, id), epsilon: r.epsilon });

/** A box label's content as drawn on an x scale of `pxPerUnit` pixels per unit (null: not drawn). */
function labelAt(box: Record<string, unknown>, pxPerUnit: number): unknown {
  const label = box.label as { display: (c: unknown) => boolean; content: (c: unknown) => unknown };
  const ctx = { chart: { scales: { x: { getPixelForValue: (v: number) => v * pxPerUnit } } } };
  return label.display(ctx) ? label.content(ctx) : null;
}
import { makeRequest } from './requests';
import { PALETTE, STRINGS } from './webviewSnapshot';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const VIEW: ViewOptions = { samples: 32, showDerivative: true, derivativeOwnAxis: false, domain: [-10, 10] };

function request(id: ActivationId, epsilon: number, extra: Partial<PlotRequest> = {}): PlotRequest {
  return makeRequest({
    activations: [id],
    input: null,
    dialect: 'exact',
    params: {},
    epsilon,
    source: null,
    ...extra,
  });
}

function bands(id: ActivationId, epsilon: number, extra: Partial<PlotRequest> = {}) {
  return buildMainChart(request(id, epsilon, extra), VIEW, PALETTE, STRINGS).bands;
}

const near = (actual: number, expected: number, tol = 1e-4): void =>
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected} ± ${tol}, got ${actual}`);

/** σ'(x) = ε where σ(x) = (1 ± √(1−4ε))/2. */
const sigmoidEdge = (eps: number): number => {
  const s = (1 - Math.sqrt(1 - 4 * eps)) / 2;
  return Math.log(s / (1 - s));
};

suite('saturation band placement', () => {
  // σ′(x) = 0.01 at x = ±4.5849. (±4.5951 = logit(0.01) is where σ(x) itself is 0.01 from its asymptote: a band
  // is where the derivative is below ε, as SaturationBand says, so the edge is ±4.5849.)
  test('sigmoid ε = 0.01: left band ends at −4.5849, right starts at 4.5849 (σ′ = ε there; soft)', () => {
    const b = bands('sigmoid', 0.01);
    assert.equal(b.length, 2);
    assert.deepEqual(
      b.map((x) => [x.side, x.kind]),
      [
        ['left', 'soft'],
        ['right', 'soft'],
      ],
    );
    assert.equal(b[0].from, -10);
    near(b[0].to, -4.5849);
    near(b[1].from, 4.5849);
    assert.equal(b[1].to, 10);
  });

  for (const eps of [0.001, 0.05, 0.2]) {
    test(`sigmoid ε = ${eps}: edges at ±ln(s/(1−s)), s = (1−√(1−4ε))/2`, () => {
      const b = bands('sigmoid', eps);
      near(b[0].to, sigmoidEdge(eps));
      near(b[1].from, -sigmoidEdge(eps));
    });
  }

  test('sigmoid ε ≥ ¼ (its largest slope): the whole domain is one flat band', () => {
    const b = bands('sigmoid', 0.3);
    assert.equal(b.length, 1);
    assert.deepEqual([b[0].from, b[0].to, b[0].kind], [-10, 10, 'soft']);
  });

  for (const eps of [0.001, 0.01, 0.1]) {
    test(`tanh ε = ${eps}: soft bands beyond ±atanh(√(1−ε))`, () => {
      const b = bands('tanh', eps);
      const edge = Math.atanh(Math.sqrt(1 - eps));
      assert.deepEqual(
        b.map((x) => [x.side, x.kind]),
        [
          ['left', 'soft'],
          ['right', 'soft'],
        ],
      );
      near(b[0].to, -edge);
      near(b[1].from, edge);
    });
  }

  for (const eps of [1e-6, 0.01, 0.5]) {
    test(`relu ε = ${eps}: the left half-line is a dead band from the domain start to 0, nothing on the right`, () => {
      const b = bands('relu', eps);
      assert.equal(b.length, 1);
      assert.deepEqual(b[0], { from: -10, to: 0, side: 'left', kind: 'dead' });
    });
  }

  for (const eps of [0.01, 0.1, 0.19]) {
    test(`leaky_relu α = 0.2, ε = ${eps}: no band (|f′| ≥ 0.2 everywhere)`, () => {
      assert.deepEqual(bands('leaky_relu', eps, { params: { leaky_relu: { alpha: 0.2 } } }), []);
      assert.deepEqual(
        bands('leaky_relu', eps, { params: { leaky_relu: { alpha: 0.2 } }, dialect: 'tensorflow' }),
        [],
      );
    });
  }

  test('leaky_relu α = 0.2, ε = 0.3: |f′| = 0.2 < ε truly holds on the left, so it is shaded (soft)', () => {
    const b = bands('leaky_relu', 0.3, { params: { leaky_relu: { alpha: 0.2 } } });
    assert.equal(b.length, 1);
    assert.deepEqual([b[0].from, b[0].to, b[0].kind], [-10, 0, 'soft']);
  });

  for (const eps of [0.001, 0.01, 0.1]) {
    test(`elu α = 1, ε = ${eps}: a left soft band ending at ln(ε)`, () => {
      const b = bands('elu', eps);
      assert.equal(b.length, 1);
      assert.deepEqual([b[0].from, b[0].side, b[0].kind], [-10, 'left', 'soft']);
      near(b[0].to, Math.log(eps));
    });
  }

  test('elu ε = 0.01 ends at ln(0.01) ≈ −4.6052', () => near(bands('elu', 0.01)[0].to, -4.6052));

  test('elu α = 2, ε = 0.01: the band ends at ln(ε/α)', () => {
    near(bands('elu', 0.01, { params: { elu: { alpha: 2 } } })[0].to, Math.log(0.01 / 2));
  });
});

suite('band drawing', () => {
  test('bands are boxes behind the data, clipped to the domain, not stretching the scales', () => {
    const m = buildMainChart(request('sigmoid', 0.01), VIEW, PALETTE, STRINGS);
    const a = m.config.options!.plugins!.annotation!.annotations as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(a), ['band0', 'band1']);
    for (const box of Object.values(a)) {
      assert.equal(box.type, 'box');
      assert.equal(box.drawTime, 'beforeDatasetsDraw');
      assert.equal(box.adjustScaleRange, false);
    }
    assert.equal(a.band0.xMin, -10);
    near(a.band0.xMax as number, -4.5849);
    // 5.4 units at 40 px per unit: room for both lines.
    assert.deepEqual(labelAt(a.band0, 40), ['left saturation', 'soft']);
    assert.deepEqual(labelAt(a.band1, 40), ['right saturation', 'soft']);
  });

  test('kinds differ by colour, border pattern and label text — not by colour alone', () => {
    assert.notDeepEqual(BAND_DASH.soft, BAND_DASH.hard);
    assert.notDeepEqual(BAND_DASH.hard, BAND_DASH.dead);
    assert.notDeepEqual(BAND_DASH.soft, BAND_DASH.dead);
    const labels = (['soft', 'hard', 'dead'] as const).map((kind) =>
      bandLabel({ side: 'left', kind }, STRINGS),
    );
    assert.deepEqual(labels, [
      'left saturation · soft',
      'left saturation · hard',
      'left saturation · dead zone',
    ]);
    const relu6 = buildMainChart(request('relu6', 0.01), VIEW, PALETTE, STRINGS);
    const a = relu6.config.options!.plugins!.annotation!.annotations as Record<
      string,
      Record<string, unknown>
    >;
    const kinds = relu6.bands.map((b) => b.kind);
    assert.deepEqual(kinds, ['dead', 'hard']);
    assert.notEqual(a.band0.borderColor, a.band1.borderColor);
    assert.notDeepEqual(a.band0.borderDash, a.band1.borderDash);
  });

  test('band fills given by the view (canvas patterns in the webview) replace the plain translucent colour', () => {
    const m = buildMainChart(request('relu', 0.01), VIEW, PALETTE, STRINGS, undefined, { dead: 'PATTERN' });
    const a = m.config.options!.plugins!.annotation!.annotations as Record<string, Record<string, unknown>>;
    assert.equal(a.band0.backgroundColor, 'PATTERN');
  });

  test('the float32 numerically-dead region is drawn for framework dialects only', () => {
    const view = { ...VIEW, domain: [-30, 30] as [number, number] };
    const tf = buildMainChart(request('sigmoid', 0.01, { dialect: 'tensorflow' }), view, PALETTE, STRINGS);
    assert.ok(tf.numericDead.length > 0, 'TensorFlow sigmoid has a float32 gradient of exactly 0 far right');
    const right = tf.numericDead.find((b) => b.side === 'right')!;
    assert.ok(right.from > 10 && right.from < 20, `right numerically-dead band starts at ${right.from}`);
    const a = tf.config.options!.plugins!.annotation!.annotations as Record<string, Record<string, unknown>>;
    const key = Object.keys(a).find((k) => k.startsWith('numericDead'))!;
    assert.deepEqual(labelAt(a[key], 40), ['float32 gradient is exactly 0']);
    assert.equal(a[key].drawTime, 'beforeDatasetsDraw');
    const exact = buildMainChart(request('sigmoid', 0.01), view, PALETTE, STRINGS);
    assert.deepEqual(exact.numericDead, []);
  });

  test('vector activations have no band; a comparison shades the first elementwise activation', () => {
    const m = buildMainChart(
      request('softmax', 0.01, { activations: ['softmax', 'relu'] }),
      VIEW,
      PALETTE,
      STRINGS,
    );
    assert.deepEqual(
      m.bands.map((b) => b.kind),
      ['dead'],
    );
  });
});

suite('cached float32 numerically-dead regions', () => {
  test('canonical regions fitted to a domain match a direct scan of that domain', () => {
    const r = request('sigmoid', 0.01, { dialect: 'tensorflow' });
    const canonical = numericDeadCanonical(r, 'sigmoid');
    for (const domain of [
      [-30, 30],
      [-500, 500],
      [0, 40],
    ] as Array<[number, number]>) {
      const direct = numericallyDeadBands('sigmoid', { dialect: 'tensorflow', epsilon: 0.01, domain });
      assert.deepEqual(fitNumericDead(canonical, domain), direct, `domain ${domain.join('..')}`);
    }
  });

  test('fitting extends edge regions, clips, drops what is outside', () => {
    const c = [
      { from: -NUMERIC_SPAN, to: -18, side: 'left' as const },
      { from: 17, to: NUMERIC_SPAN, side: 'right' as const },
    ];
    assert.deepEqual(fitNumericDead(c, [-1000, 1000]), [
      { from: -1000, to: -18, side: 'left' },
      { from: 17, to: 1000, side: 'right' },
    ]);
    assert.deepEqual(fitNumericDead(c, [-7, 7]), []);
    assert.deepEqual(fitNumericDead(c, [-20, 0]), [{ from: -20, to: -18, side: 'left' }]);
  });

  test('a view that passes cached regions skips the scan; exact has none', () => {
    const view = { ...VIEW, domain: [-30, 30] as [number, number], numericDead: [] };
    assert.deepEqual(
      buildMainChart(request('sigmoid', 0.01, { dialect: 'tensorflow' }), view, PALETTE, STRINGS).numericDead,
      [],
    );
    assert.deepEqual(numericDeadCanonical(request('sigmoid', 0.01), 'sigmoid'), []);
  });
});
