// The hover with values from real code: a call on a name shows the value its binding computes and says where it
// came from; an unresolved input says which binding stopped it; a name shows print(name) and where it was bound.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectAt, layerCalleeFor, type ResolveDoc } from '../../src/core';
import { buildHoverMarkdown, type HoverEnv } from '../../src/hover/hoverContent';
import { buildNameHover } from '../../src/hover/nameHover';
import { TEST_SETTINGS } from './requests';
import { RESOLVER } from '../../src/core/resolve/resolver';
import { resolveValue } from '../../src/core/resolve';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const SETTINGS = TEST_SETTINGS;
const fill = (m: string, args: Array<string | number | boolean>): string =>
  m.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
const env = (doc: ResolveDoc): HoverEnv => ({
  l10n: { t: (m, ...args) => fill(m, args) },
  theme: 'dark',
  sourceFor: (r) => ({ uri: 'file:///x.py', range: [0, r.start, 0, r.end] }),
  chart: false,
  resolution: { doc, resolver: RESOLVER },
});

function callHover(text: string, needle: string): string {
  const doc: ResolveDoc = { text, languageId: 'python', cacheKey: 'file:///x.py@1' };
  const at = text.indexOf(needle);
  const d = detectAt((s, e) => text.slice(s, e), text.length, at, 'python', {
    layerCallee: layerCalleeFor({ doc, resolver: RESOLVER }),
  });
  assert.ok(d);
  // As displayed: the printed blocks' no-break spaces (they keep the print's lines) as spaces.
  return buildHoverMarkdown(d, SETTINGS, env(doc)).markdown.replace(/\u00a0/g, ' ');
}

const TEXTBOOK = 'import torch\n\nx = torch.arange(-8.0, 8.0, 0.1)\ny = torch.relu(x)\nprint(y)\n';

suite('hover on a call whose input is a name', () => {
  test('the textbook snippet: values, PyTorch print and where x came from', () => {
    const md = callHover(TEXTBOOK, 'relu');
    assert.match(md, /160 elements, shape \(160,\)/);
    // 160 > the hover's full-print limit: torch's summary (formatted from the edge items, as torch does).
    assert.match(md, /Input: `x`, line 3: `torch\.arange\(-8\.0, 8\.0, 0\.1\)`/);
    assert.match(md, /tensor\(\[0\.0000, 0\.0000, 0\.0000, {2}\.\.\., 7\.7000, 7\.8000, 7\.9000\]\)/);
  });

  test('on the argument itself: the same call hover', () => {
    const a = callHover(TEXTBOOK, 'x)\nprint');
    assert.match(a, /Input: `x`, line 3/);
  });

  test('unresolved: the binding, its line, the reason and the hint', () => {
    const md = callHover('import torch\nx = torch.load("batch.pt")\ny = torch.relu(x)\n', 'relu');
    assert.match(
      md,
      /The input `x` is not a literal array, and its value is not known here: stopped at `[^`]+`, line 2: /,
    );
    assert.doesNotMatch(md, /there are no values to show/);
  });

  test('a layer call: act = nn.LeakyReLU(0.2); act(x)', () => {
    const md = callHover(
      'import torch\nfrom torch import nn\nact = nn.LeakyReLU(0.2)\nx = torch.tensor([-1.0, 2.0])\ny = act(x)\n',
      'act(x)',
    );
    assert.match(md, /^\*\*Leaky ReLU\*\* · `act` · PyTorch · `alpha=0\.2`/);
    assert.match(md, /tensor\(\[-0\.2000, {2}2\.0000\]\)/);
  });

  test('document text stays data: a binding with Markdown in it is escaped', () => {
    const md = callHover('import torch\nx = evil("[a](command:x)")\ny = torch.relu(x)\n', 'relu');
    assert.doesNotMatch(md, /\]\(command:x\)/);
  });
});

suite('hover on a name', () => {
  test('y after y = torch.relu(x): print(y), where it was bound, and the array links', () => {
    const text =
      'import torch\nx = torch.tensor([-1.0, 0.5], requires_grad=True)\ny = torch.relu(x)\nprint(y)\n';
    const doc: ResolveDoc = { text, languageId: 'python' };
    const at = text.lastIndexOf('y');
    const v = resolveValue(doc, at, 'y');
    assert.equal(v.kind, 'value');
    if (v.kind !== 'value') return;
    const built = buildNameHover('y', { start: at, end: at + 1 }, v, SETTINGS, env(doc));
    assert.match(built.markdown, /^\*\*`y`\*\* · PyTorch · float32 · shape \(2,\)/);
    assert.match(built.markdown, /Bound at `y`, line 3: `torch\.relu\(x\)`/);
    // Real PyTorch 1.13: print(torch.relu(torch.tensor([-1.0, 0.5], requires_grad=True)))
    assert.ok(built.markdown.includes('tensor([0.0000, 0.5000], grad_fn=<ReluBackward0>)'));
    assert.ok(built.enabledCommands.includes('activationLens.openChart'));
    assert.match(built.markdown, /Try:/);
  });
});
