// `npm run bench`, issue 16: the three download sizes against their goals, and VS Code for the Web's time from the
// command to the drawn chart (a cold chart panel each time: the webview loads its bundle), measured in Chromium.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { locate } from '../test/harness/browser';
import { fixtureWorkspace } from '../test/harness/paths';
import { openFromExplorer, plotFromPalette, startWebSession } from '../test/harness/webScenario';
import { kb, measureBundles, measureVsix, SIZE_GOALS } from './bundleSizes';

const verdict = (bytes: number, goal: number): string =>
  `${kb(bytes).padStart(9)}  goal ≤ ${kb(goal)}  ${bytes <= goal ? 'ok' : 'OVER'}`;

export function runSizeBench(root: string): void {
  console.log('\nDownload sizes (production build, minified)');
  const s = measureBundles(root);
  console.log(
    `  host, at activation   dist/extension.js + host/extension.mjs + static chunks ${verdict(s.hostActivation, SIZE_GOALS.hostBundle)}` +
      `  (the loader alone ${kb(s.loader)}; Node and the web worker load the same files)`,
  );
  for (const [name, bytes] of Object.entries(s.hostLazy))
    console.log(`  host, on use          host/chunks/${name}  ${kb(bytes)}`);
  console.log(
    `  webview, on open      dist/webview.js + static chunks ${verdict(s.webviewInitial, SIZE_GOALS.webviewBundle)}` +
      `  (webview.js alone ${kb(s.webviewEntry)})`,
  );
  for (const [name, bytes] of Object.entries(s.webviewLazy))
    console.log(`  webview, on use       webview-chunks/${name}  ${kb(bytes)}`);
  const vsix = measureVsix(root);
  console.log(`  vsix                  vsce package           ${verdict(vsix, SIZE_GOALS.vsix)}`);
}

const RUNS = 5;

export async function runWebBench(): Promise<void> {
  console.log(
    `\nVS Code for the Web (offline, Chromium): the QuickPick's pick → the chart drawn, ${RUNS} cold panels`,
  );
  const session = await startWebSession();
  try {
    const seed = fs.readFileSync(path.join(fixtureWorkspace(), 'seed.py'), 'utf8');
    const at = locate(seed, '[-3.,-2.,-1.,0.0,1.,2.,3.]', 'tf.nn.sigmoid(');
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await openFromExplorer(session.wb, 'seed.py');
      await session.wb.selectText(at.line, at.column, at.column + '[-3.,-2.,-1.,0.0,1.,2.,3.]'.length);
      const { millis } = await plotFromPalette(session.wb, /^\s*sigmoid\s*$/i);
      times.push(millis);
      await session.wb.runCommand('View: Close All Editors');
      await session.wb.page.locator('iframe.webview').first().waitFor({ state: 'detached' });
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    console.log(
      `  median ${median.toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms` +
        ` (${times.map((t) => t.toFixed(0)).join(', ')})`,
    );
  } finally {
    await session.stop();
  }
}
