// Issue 16's size goals that hold today, checked on a real production build (bench/bundleSizes.ts; `npm run bench`
// prints all three, the webview's and the vsix's too): both extension-host bundles within their goal, and zoom/pan
// not in what a webview downloads when it opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { kb, measureBundles, SIZE_GOALS } from '../../bench/bundleSizes';

const root = path.resolve(__dirname, '..', '..', '..');

void test('the extension-host bundles (desktop and web worker) stay within the host goal, minified', () => {
  const s = measureBundles(root);
  assert.ok(
    s.host <= SIZE_GOALS.hostBundle,
    `dist/extension.js is ${kb(s.host)}, goal ${kb(SIZE_GOALS.hostBundle)}`,
  );
  assert.ok(
    s.webHost <= SIZE_GOALS.hostBundle,
    `dist/web/extension.js is ${kb(s.webHost)}, goal ${kb(SIZE_GOALS.hostBundle)}`,
  );
  // The web worker bundle is the same extension (src/web/extension.ts re-exports activate): within 1% of it.
  assert.ok(Math.abs(s.webHost - s.host) <= s.host / 100, `${kb(s.webHost)} vs ${kb(s.host)}`);
});

void test('zoom and pan are a chunk loaded on use, not part of what a webview loads when it opens', () => {
  const s = measureBundles(root);
  const zoom = Object.keys(s.webviewLazy).filter((f) => /^zoomPlugin-\w+\.js$/.test(f));
  assert.equal(zoom.length, 1, `lazy chunks: ${JSON.stringify(s.webviewLazy)}`);
  assert.ok(s.webviewInitial >= s.webviewEntry);
});
