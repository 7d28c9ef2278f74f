// A PyTorch input that requires grad keeps PyTorch's print through a PlotRequest (chart panel, side panel, Copy
// result from a link): the request carries requiresGrad, and each activation's print ends with its own grad_fn, as
// print(torch.sigmoid(w)) does in PyTorch 1.13 (the hover's print, from the resolver, is the reference).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectAt, evaluateDetection } from '../../src/core';
import { RESOLVER } from '../../src/core/resolve/resolver';
import { evaluateRequest, requestOfSubject } from '../../src/shared/plotRequest';
import { parsePlotRequest } from '../../src/shared/protocol';
import { toWire } from '../../src/shared/wire';
import { makeRequest, TEST_SETTINGS } from './requests';

const TEXT = 'import torch\nw = torch.tensor([-1.0, 0.0, 2.0], requires_grad=True)\ns = torch.sigmoid(w)\n';

function hoverEvaluation() {
  const at = TEXT.indexOf('torch.sigmoid(w)');
  const d = detectAt((s, e) => TEXT.slice(s, e), TEXT.length, at, 'python');
  assert.ok(d);
  const ev = evaluateDetection(d, TEST_SETTINGS, undefined, undefined, {
    doc: { text: TEXT, languageId: 'python' },
    resolver: RESOLVER,
  });
  assert.equal(ev.kind, 'ok');
  return ev as Extract<typeof ev, { kind: 'ok' }>;
}

void test('the request of a resolved requires_grad tensor prints what the hover prints, grad_fn included', () => {
  const ev = hoverEvaluation();
  assert.equal(ev.printed, 'tensor([0.2689, 0.5000, 0.8808], grad_fn=<SigmoidBackward0>)');
  const request = requestOfSubject(ev, 0.01, null);
  assert.equal(request.requiresGrad, true);
  // Through the wire and the validator, as the webview receives it.
  const received = parsePlotRequest(JSON.parse(JSON.stringify(toWire(request))));
  assert.ok(received);
  assert.equal(evaluateRequest(received)?.printed, ev.printed);
});

void test('another activation in the chart prints its own grad_fn; the derivative (w.grad) has none', () => {
  const request = requestOfSubject(hoverEvaluation(), 0.01, null);
  const relu = evaluateRequest({ ...request, activations: ['relu'], params: {} });
  assert.equal(relu?.printed, 'tensor([0., 0., 2.], grad_fn=<ReluBackward0>)');
  assert.ok(!relu?.printedDerivative.includes('grad_fn'), relu?.printedDerivative);
});

void test('without requiresGrad, or outside PyTorch, no autograd suffix', () => {
  const plain = makeRequest({
    activations: ['sigmoid'],
    dialect: 'pytorch',
    input: { values: [-1, 0, 2], shape: [3], text: 'w' },
    params: {},
    epsilon: 0.01,
    source: null,
  });
  assert.equal(evaluateRequest(plain)?.printed, 'tensor([0.2689, 0.5000, 0.8808])');
  const numpy = evaluateRequest({ ...plain, requiresGrad: true, framework: 'numpy', dialect: 'exact' });
  assert.ok(!numpy?.printed.includes('grad_fn'), numpy?.printed);
});

void test('the validator takes requiresGrad: true only', () => {
  const request = makeRequest({
    activations: ['sigmoid'],
    dialect: 'pytorch',
    input: { values: [1], shape: [1], text: '1' },
    params: {},
    epsilon: 0.01,
    source: null,
  });
  const wire = JSON.parse(JSON.stringify(toWire(request))) as Record<string, unknown>;
  assert.equal(parsePlotRequest({ ...wire, requiresGrad: true })?.requiresGrad, true);
  for (const bad of [false, 'true', 1, null])
    assert.equal(parsePlotRequest({ ...wire, requiresGrad: bad }), null);
  assert.equal(parsePlotRequest(wire)?.requiresGrad, undefined);
});
