// Issue 16's three size goals, checked on a real production build and a real vsix (bench/bundleSizes.ts; `npm run
// bench` prints the same numbers): what the extension host loads to activate (the resolver, live values and the
// panels are chunks loaded on use), what a webview downloads when it opens (zoom/pan and
// the softmax view are chunks loaded on use), and the packaged vsix with its lighter README.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { kb, measureBundles, measureVsix, SIZE_GOALS, type BundleSizes } from '../../bench/bundleSizes';

const root = path.resolve(__dirname, '..', '..', '..');
let sizes: BundleSizes;

before(() => {
  sizes = measureBundles(root);
});

void test('what the extension host loads to activate (Node and the web worker load the same files) stays within the host goal', () => {
  const s = sizes;
  assert.ok(
    s.hostActivation <= SIZE_GOALS.hostBundle,
    `activation loads ${kb(s.hostActivation)}, goal ${kb(SIZE_GOALS.hostBundle)}; on use: ${JSON.stringify(s.hostLazy)}`,
  );
  // The activation graph holds the pipeline a hover of a literal needs: a measurement that lost it means nothing.
  assert.ok(s.hostActivation > 60_000, `only ${kb(s.hostActivation)} at activation: the pipeline missing?`);
  assert.ok(s.loader < 2_000, `the loader is ${kb(s.loader)}: it should only load the host graph`);
});

void test('the resolver, live values, the webviews, the hover builders, the palette commands and the side panel follower are host chunks loaded on first use, not at activation', () => {
  const lazy = Object.keys(sizes.hostLazy);
  for (const name of [
    'resolver',
    'liveValues',
    'liveHover',
    'plotVariable',
    'webviews',
    'hoverBuilders',
    'plotCommands',
    'selectionFollower',
  ])
    assert.equal(
      lazy.filter((f) => new RegExp(`^${name}-\\w+\\.mjs$`).test(f)).length,
      1,
      `${name}: lazy host chunks ${JSON.stringify(sizes.hostLazy)}`,
    );
});

void test('what a webview downloads when it opens stays within the webview goal', () => {
  const s = sizes;
  assert.ok(
    s.webviewInitial <= SIZE_GOALS.webviewBundle,
    `the webview loads ${kb(s.webviewInitial)} at open, goal ${kb(SIZE_GOALS.webviewBundle)}`,
  );
  assert.ok(s.webviewInitial >= s.webviewEntry);
  // Chart.js itself is in what loads at open: a measurement that lost it would be meaningless.
  assert.ok(s.webviewInitial > 150_000, `only ${kb(s.webviewInitial)} at open: Chart.js missing?`);
});

void test('zoom/pan, the softmax view and the depth view are chunks loaded on use, not at open', () => {
  const lazy = Object.keys(sizes.webviewLazy);
  for (const name of ['zoomPlugin', 'softmaxChunk', 'depthConfig'])
    assert.equal(
      lazy.filter((f) => new RegExp(`^${name}-\\w+\\.js$`).test(f)).length,
      1,
      `${name}: lazy chunks ${JSON.stringify(sizes.webviewLazy)}`,
    );
});

void test('the packaged vsix stays within the vsix goal', () => {
  const bytes = measureVsix(root);
  assert.ok(bytes <= SIZE_GOALS.vsix, `the vsix is ${kb(bytes)}, goal ${kb(SIZE_GOALS.vsix)}`);
  // It holds the bundles: a vsix under the host bundle's size would be an empty package.
  assert.ok(bytes > sizes.hostActivation, `the vsix is only ${kb(bytes)}`);
});
