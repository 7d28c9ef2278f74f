// The host/webview protocol: only well-formed known messages get through, in both directions; anything else is
// dropped (the callers log it), and non-finite inputs survive the JSON transport.
import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFromWebview, parsePlotRequest, parseToWebview } from '../../src/shared/protocol';
import { toWire } from '../../src/shared/wire';
import { MAX_CAPTION, boundedCaption, withCaption, type PlotRequest } from '../../src/shared/plotRequest';

const request: PlotRequest = {
  activations: ['sigmoid', 'tanh'],
  input: { values: [-3, Number.NaN, Infinity, -Infinity, 0], shape: [5], text: '[-3., nan, inf, -inf, 0.]' },
  framework: 'tensorflow',
  dialect: 'tensorflow',
  dtype: 'float32',
  axis: null,
  params: { leaky_relu: { alpha: 0.2 } },
  epsilon: 0.01,
  source: { uri: 'file:///seed.py', range: [5, 27, 5, 54] },
};

/** What postMessage does to a message when it serialises through JSON. */
const throughJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

void suite('protocol', () => {
  void test('a plot request survives JSON transport, NaN and ±Infinity included', () => {
    const back = parsePlotRequest(throughJson(toWire(request)));
    assert.ok(back);
    assert.deepEqual(back.input?.values, request.input?.values);
    assert.deepEqual({ ...back, input: null }, { ...request, input: null });
    // Without the wire form JSON turns NaN into null, which is rejected rather than misread as 0.
    assert.equal(parsePlotRequest(throughJson(request)), null);
  });

  void test('decoding is type-directed: a text that says "NaN" stays text, the axis and dtype survive', () => {
    const withText = {
      ...request,
      axis: -2,
      dtype: 'float64' as const,
      input: { values: [1, NaN], shape: [2], text: 'NaN' },
    };
    const back = parsePlotRequest(throughJson(toWire(withText)));
    assert.equal(back?.input?.text, 'NaN');
    assert.ok(Number.isNaN(back?.input?.values[1]));
    assert.equal(back?.axis, -2);
    assert.equal(back?.dtype, 'float64');
  });

  void test('malformed plot requests are rejected', () => {
    const wire = toWire(request) as unknown as Record<string, unknown>;
    const bad: Array<[string, unknown]> = [
      ['unknown activation', { ...wire, activations: ['swishy'] }],
      ['no activation', { ...wire, activations: [] }],
      ['unknown dialect', { ...wire, dialect: 'mxnet' }],
      ['unknown framework', { ...wire, framework: 'mxnet' }],
      ['unknown dtype', { ...wire, dtype: 'int8' }],
      ['axis not an integer', { ...wire, axis: 0.5 }],
      ['axis missing', { ...wire, axis: undefined }],
      ['ε not positive', { ...wire, epsilon: 0 }],
      ['ε not finite', { ...wire, epsilon: 'NaN' }],
      ['shape does not match the values', { ...wire, input: { values: [1, 2, 3], shape: [2], text: '' } }],
      ['negative dimension', { ...wire, input: { values: [], shape: [-1], text: '' } }],
      ['string values', { ...wire, input: { values: ['1'], shape: [1], text: '' } }],
      ['parameters of an unknown activation', { ...wire, params: { nope: { a: 1 } } }],
      ['non-numeric parameter', { ...wire, params: { elu: { alpha: '1' } } }],
      ['bad source range', { ...wire, source: { uri: 'file:///x', range: [0, 0, 0] } }],
      ['not an object', 'plot me'],
      ['null', null],
    ];
    for (const [what, value] of bad) assert.equal(parsePlotRequest(value), null, what);
  });

  void test('a caption survives transport as the same text; a non-string or over-long caption is rejected', () => {
    const caption = 'live value of x at frame main, line 28 <b>not markup</b>';
    const back = parsePlotRequest(throughJson(toWire({ ...request, caption })));
    assert.equal(back?.caption, caption);
    // No caption stays no caption (not an empty string).
    assert.equal('caption' in (parsePlotRequest(throughJson(toWire(request))) ?? {}), false);
    const wire = toWire(request) as unknown as Record<string, unknown>;
    for (const bad of [42, null, ['x'], 'x'.repeat(MAX_CAPTION + 1)])
      assert.equal(parsePlotRequest({ ...wire, caption: bad }), null, JSON.stringify(bad).slice(0, 40));
    assert.equal(
      parsePlotRequest({ ...wire, caption: 'x'.repeat(MAX_CAPTION) })?.caption?.length,
      MAX_CAPTION,
    );
  });

  void test('captions are cut to the bound with an ellipsis; withCaption replaces or drops an earlier one', () => {
    const long = boundedCaption(`live value of ${'a.'.repeat(400)}b at frame f, line 1`);
    assert.equal(long.length, MAX_CAPTION);
    assert.ok(long.endsWith('\u2026'));
    assert.equal(boundedCaption('  x resolved  '), 'x resolved');
    const first = withCaption(request, 'first');
    assert.equal(first.caption, 'first');
    assert.equal(withCaption(first, 'second').caption, 'second');
    assert.equal('caption' in withCaption(first, undefined), false);
    assert.equal('caption' in request, false, 'the original request is left as it was');
  });

  void test('unknown or malformed webview messages are dropped; known ones pass with only their fields', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready', extra: 'ignored' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'copy', text: 'tf.Tensor(...)', style: 'tensorflow' }), {
      type: 'copy',
      text: 'tf.Tensor(...)',
      style: 'tensorflow',
    });
    assert.deepEqual(parseFromWebview({ type: 'pin', pinned: true }), { type: 'pin', pinned: true });
    const rendered = {
      type: 'rendered',
      activations: ['sigmoid'],
      elements: 7,
      millis: 1,
      printed: 'p',
      short: 's',
      note: 'live value of x at frame main, line 3',
    };
    assert.deepEqual(parseFromWebview({ ...rendered, extra: 1 }), rendered);
    const dropped: unknown[] = [
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'copy', text: 42, style: 'tensorflow' },
      { type: 'copy', text: 'x', style: 'matlab' },
      { type: 'export', format: 'exe', data: '', suggestedName: 'x' },
      { type: 'export', format: 'png', data: '', suggestedName: 'x'.repeat(500) },
      { type: 'pin', pinned: 'yes' },
      { type: 'state', request: { activations: ['sigmoid'] } },
      { type: 'rendered', activations: ['sigmoid'], elements: 'seven', millis: 1, printed: '', short: '' },
      { type: 'rendered', activations: ['sigmoid'], elements: 7, millis: 1 },
      { type: 'rendered', activations: ['sigmoid'], elements: 7, millis: 1, printed: '', short: '' },
      {
        type: 'rendered',
        activations: ['sigmoid'],
        elements: 7,
        millis: 1,
        printed: '',
        short: '',
        note: 'x'.repeat(MAX_CAPTION + 1),
      },
      { type: '__proto__' },
      { kind: 'ready' },
      'ready',
      [],
      undefined,
    ];
    for (const m of dropped) assert.equal(parseFromWebview(m), null, JSON.stringify(m));
  });

  void test('messages to the webview are validated too', () => {
    const init = parseToWebview({
      type: 'init',
      layout: 'sidebar',
      strings: { emptyTitle: 'Nothing to plot yet' },
      request: throughJson(toWire(request)),
      pinned: false,
    });
    assert.equal(init?.type, 'init');
    if (init?.type === 'init') assert.ok(Number.isNaN(init.request?.input?.values[1]));
    assert.equal(
      parseToWebview({ type: 'init', layout: 'modal', strings: {}, request: null, pinned: false }),
      null,
    );
    assert.equal(
      parseToWebview({ type: 'init', layout: 'panel', strings: { a: 1 }, request: null, pinned: false }),
      null,
    );
    assert.equal(parseToWebview({ type: 'empty', reason: 3 }), null);
    assert.equal(parseToWebview({ type: 'eval', code: 'alert(1)' }), null);
    assert.deepEqual(parseToWebview({ type: 'pinned', pinned: true }), { type: 'pinned', pinned: true });
  });
});
