// The summary beside the chart (in the article's vocabulary, English and zh-cn) and the formula renderer's parser.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIVATION_IDS, getActivation, type ActivationId } from '../../src/core';
import type { PlotRequest } from '../../src/shared/plotRequest';
import { UI_STRINGS } from '../../src/shared/uiStrings';
import { computeContext } from '../../webview/model';
import { buildSummary } from '../../webview/summaryModel';
import { parseFormula, type FormulaNode } from '../../webview/formula';
import { STRINGS } from './webviewSnapshot';
import { makeRequest } from './requests';
import { elementState } from '../../webview/elementState';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const request = (id: ActivationId, values: number[] | null = [-3, -2, -1, 0, 1, 2, 3]): PlotRequest =>
  makeRequest({
    activations: [id],
    input: values ? { values, shape: [values.length], text: '' } : null,
    dialect: 'tensorflow',
    params: {},
    epsilon: 0.01,
    source: null,
  });

const summary = (id: ActivationId, values?: number[] | null) => {
  const m = buildSummary(computeContext(request(id, values)), STRINGS);
  return Object.fromEntries(m.items.map((i) => [i.key, `${i.term} — ${i.detail}`]));
};

suite('summary', () => {
  test('sigmoid: bounded, strictly increasing, smooth, soft on both sides, not zero-centred', () => {
    const s = summary('sigmoid');
    assert.match(s.saturated, /^Inputs — 0 of 7 inputs saturated/);
    assert.match(s.mean, /^Output mean 0\.5 — not zero-centred$/);
    assert.match(s.centred, /no: its outputs are not centred on 0/);
    assert.match(s.range, /^Output range \(0, 1\) — bounded on both sides$/);
    assert.match(s.monotonic, /strictly increasing/);
    assert.match(s.smoothness, /C∞/);
    assert.match(s.left, /^Left saturation \(x → −∞\) — soft/);
    assert.match(s.right, /^Right saturation \(x → \+∞\) — soft/);
    assert.match(s.seed, /six activations of the article/);
  });

  test('sigmoid on wide inputs: saturated on both sides', () => {
    const s = summary('sigmoid', [-10, -8, 0, 8, 10]);
    assert.match(
      s.saturated,
      /4 of 5 inputs saturated \(\|f′\| < ε\): 2 left saturated, 2 right saturated\./,
    );
  });

  test('tanh: zero-centred (以0为中心)', () => {
    const s = summary('tanh');
    assert.match(s.mean, /— zero-centred$/);
    assert.match(s.centred, /yes: the function is odd/);
  });

  test('relu: hard left saturation, dead inputs, C0', () => {
    const s = summary('relu');
    assert.match(s.left, /hard: f′ = 0 exactly/);
    assert.match(s.right, /none/);
    assert.match(s.dead, /^Dead — 4 of 7 inputs have a gradient of exactly 0/);
    assert.match(s.smoothness, /^Smoothness — C0/);
  });

  test('no inputs: the summary says the chart shows the curve alone', () => {
    const s = summary('elu', null);
    assert.match(s.inputs, /No inputs selected/);
    assert.equal(s.saturated, undefined);
  });

  test('softmax: saturation counted as suppressed / dominant, no mean', () => {
    const s = summary('softmax', [0, 0, 20]);
    assert.match(s.saturated, /outputs saturated \(\|∂y_i\/∂x_i\| < ε\): 2 suppressed, 1 dominant\./);
    assert.equal(s.mean, undefined);
    assert.equal(s.left, undefined);
  });
});

suite('statistics: NaN, empty input and the ε comparison (issue 13.13)', () => {
  test('a NaN input is not "Active": its row says NaN, the summary counts it and the mean says what it covers', () => {
    const ctx = computeContext(request('sigmoid', [-1, NaN, 1]));
    assert.equal(ctx.analysis!.elements[1].nan, true);
    assert.equal(elementState(ctx.analysis!.elements[1], STRINGS), 'NaN: no value, no gradient');
    const s = summary('sigmoid', [-1, NaN, 1]);
    assert.match(s.nan, /^NaN — 1 of 3 inputs are NaN: they have no value or gradient/);
    assert.match(s.mean, /^Output mean 0\.5 \(of 2 finite outputs\)/);
    assert.match(s.saturated, /0 of 3 inputs saturated/);
  });
  test('[] says the array is empty, no "Output mean nan"', () => {
    const s = summary('sigmoid', []);
    assert.match(s.inputs, /The array is empty/);
    assert.equal(s.mean, undefined);
    assert.ok(!Object.values(s).some((t) => /nan/i.test(t)));
  });
  test('only NaN: the mean is "none", not nan', () => {
    const s = summary('tanh', [NaN, NaN]);
    assert.match(s.mean, /^Output mean: none — no finite output/);
  });
  test('float32 leaky ReLU slope 0.01 is not saturated at ε = 0.01 (as the summary says leaky ReLU does not saturate)', () => {
    for (const dialect of ['tensorflow', 'pytorch', 'jax', 'exact'] as const) {
      const r = { ...request('leaky_relu', [-3, -1, 2]), dialect, params: { leaky_relu: { alpha: 0.01 } } };
      const ctx = computeContext(r);
      assert.equal(ctx.analysis!.summary.saturated, 0, dialect);
      const m = buildSummary(ctx, STRINGS);
      assert.match(m.items.find((i) => i.key === 'left')!.detail, /none/);
    }
    // Above the slope it is saturated: the comparison is |f′| < ε, in the dialect's dtype.
    const wider = { ...request('leaky_relu', [-3]), params: { leaky_relu: { alpha: 0.01 } }, epsilon: 0.011 };
    assert.equal(computeContext(wider).analysis!.summary.saturated, 1);
  });
});

suite('zh-cn translations use the article’s vocabulary', () => {
  const bundle = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'),
  ) as Record<string, string>;
  const zh = (key: keyof typeof UI_STRINGS): string => bundle[UI_STRINGS[key]] ?? '';
  test('饱和, 左饱和, 右饱和, 梯度消失, 以0为中心, 导函数', () => {
    assert.equal(zh('leftSide'), '左饱和');
    assert.equal(zh('rightSide'), '右饱和');
    assert.equal(zh('saturated'), '饱和');
    assert.match(zh('depthTitle'), /梯度消失/);
    assert.equal(zh('zeroCentred'), '以0为中心');
    assert.match(zh('derivative'), /导函数/);
    assert.match(zh('inputsSaturated'), /左饱和.*右饱和/);
  });
  test('every webview string has a translation', () => {
    const missing = Object.entries(UI_STRINGS).filter(([, english]) => !bundle[english]);
    assert.deepEqual(missing, []);
  });
});

suite('formula parser', () => {
  test('superscripts in parentheses and single tokens, subscripts, italic variables', () => {
    assert.deepEqual(parseFormula('1 / (1 + e^(−x))'), [
      { t: 'text', s: '1 / (1 + e' },
      {
        t: 'sup',
        c: [
          { t: 'text', s: '−' },
          { t: 'var', s: 'x' },
        ],
      },
      { t: 'text', s: ')' },
    ]);
    assert.deepEqual(parseFormula('e^x'), [
      { t: 'text', s: 'e' },
      { t: 'sup', c: [{ t: 'var', s: 'x' }] },
    ]);
    assert.deepEqual(parseFormula('x_i'), [
      { t: 'var', s: 'x' },
      { t: 'sub', c: [{ t: 'var', s: 'i' }] },
    ]);
    assert.deepEqual(parseFormula('max(0, x)'), [
      { t: 'text', s: 'max(0, ' },
      { t: 'var', s: 'x' },
      { t: 'text', s: ')' },
    ]);
  });
  test('underscores in function names stay text; subscripts follow one symbol (issue 13.8)', () => {
    assert.deepEqual(parseFormula('leaky_relu(x)'), [
      { t: 'text', s: 'leaky_relu(' },
      { t: 'var', s: 'x' },
      { t: 'text', s: ')' },
    ]);
    const subscripts = (nodes: FormulaNode[]): number =>
      nodes.reduce((n, node) => n + (node.t === 'sub' ? 1 : 0) + ('c' in node ? subscripts(node.c) : 0), 0);
    const textOf = (nodes: FormulaNode[]): string =>
      nodes.map((node) => ('c' in node ? textOf(node.c) : node.s)).join('');
    for (const id of ACTIVATION_IDS) {
      const formula = getActivation(id).formula;
      const name = formula.slice(0, formula.indexOf('('));
      // The name before "(x)" renders letter for letter, underscores included.
      assert.ok(textOf(parseFormula(formula)).startsWith(name), `${id}: ${formula}`);
      if (name.includes('_')) assert.equal(subscripts(parseFormula(name)), 0, name);
    }
    // softmax(x)_i and Σ_j keep their subscripts.
    assert.equal(subscripts(parseFormula(getActivation('softmax').formula)), 4);
  });
  test('never throws on odd input', () => {
    for (const text of ['', '^', 'a^', 'e^(', '_{', 'x^(y^(z))'])
      assert.ok(Array.isArray(parseFormula(text)));
  });
});
