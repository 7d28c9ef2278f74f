// Layer 5 (web), part 2, as a person does it in VS Code for the Web (1.91, offline) in Chromium: open seed.py from
// the mounted folder, select the sigmoid array, plot it from the palette and read the chart panel; then rest the
// mouse on tf.nn.relu and on a TF.js call and read the hovers. The extension runs its browser entry in the web
// worker extension host. Screenshots: test-artifacts/screenshots/web-*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixtureWorkspace, repoRoot } from '../../harness/paths';
import {
  openFromExplorer,
  plotFromPalette,
  startWebSession,
  type WebSession,
} from '../../harness/webScenario';
import { collapse, SEED_INPUT, seedCase } from '../../ui/uiHelpers';

let session: WebSession | undefined;

function current(): WebSession {
  if (!session) throw new Error('the web workbench did not start');
  return session;
}

/** Runs a UI step; on failure saves a screenshot named after it before failing. */
async function step<T>(name: string, fn: (s: WebSession) => Promise<T>): Promise<T> {
  const s = current();
  try {
    return await fn(s);
  } catch (err) {
    const shot = await s.wb.screenshot(`FAILED-web-${name}`).catch(() => undefined);
    if (shot) console.error(`screenshot of the failure: ${path.relative(repoRoot(), shot)}`);
    throw err;
  }
}

const fixture = (name: string): string => fs.readFileSync(path.join(fixtureWorkspace(), name), 'utf8');

void describe('VS Code for the Web: plot and hover in the web workbench', () => {
  before(
    async () => {
      session = await startWebSession();
    },
    { timeout: 120_000 },
  );

  after(async () => {
    await session?.stop();
  });

  void it(
    'plots sigmoid of the seed array from the palette; the values are the seed printout',
    { timeout: 120_000 },
    async () => {
      const sigmoid = seedCase('sigmoid');
      await step('open-seed', (s) => openFromExplorer(s.wb, 'seed.py'));
      await step('select', (s) => s.wb.selectSubstring(fixture('seed.py'), SEED_INPUT, sigmoid.call));
      const { frame, millis } = await step('plot', (s) => plotFromPalette(s.wb, sigmoid.label));
      console.log(`web: pick → drawn chart in ${millis.toFixed(0)} ms`);
      const outputs = await frame.evaluate(() =>
        Array.from(document.querySelectorAll('table#values-table tbody tr')).map((tr) =>
          Number(tr.querySelectorAll('td')[2]?.textContent),
        ),
      );
      const printed = /\[([^\]]+)\]/.exec(sigmoid.printed)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
      assert.equal(printed.length, 7);
      assert.equal(outputs.length, printed.length, `values table: ${JSON.stringify(outputs)}`);
      printed.forEach((p, i) =>
        assert.ok(Math.abs((outputs[i] as number) - p) <= 1e-6, `row ${i}: ${outputs[i]} vs the seed's ${p}`),
      );
      const title = await current()
        .wb.page.locator('.tab.active', { hasText: /Sigmoid/i })
        .first()
        .innerText();
      assert.match(title, /Activation Lens: Sigmoid/);
      const shot = await current().wb.screenshot('web-plot-sigmoid');
      console.log(`screenshot: ${path.relative(repoRoot(), shot)}`);
    },
  );

  void it(
    'zoom and pan load on first use of the chart: Ctrl+wheel zooms it',
    { timeout: 60_000 },
    async () => {
      const frame = await step('chart', (s) =>
        s.wb.webviewFrame({ kind: 'panel', contains: 'canvas#main-chart' }),
      );
      const zoomChunkLoaded = (): Promise<boolean> =>
        frame.evaluate(() =>
          performance.getEntriesByType('resource').some((e) => /webview-chunks\/zoomPlugin-/.test(e.name)),
        );
      assert.equal(await zoomChunkLoaded(), false, 'the zoom chunk was loaded before the chart was used');
      assert.ok(await frame.locator('#reset-zoom').isDisabled(), 'starts zoomed');
      const box = await frame.locator('canvas#main-chart').boundingBox();
      assert.ok(box, 'the chart has no box');
      const page = current().wb.page;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      await frame.waitForFunction(() =>
        performance.getEntriesByType('resource').some((e) => /webview-chunks\/zoomPlugin-/.test(e.name)),
      );
      // Ctrl+wheel until the chart reports a zoom (the plugin starts on the chart's next update after loading).
      const resetEnabled = frame.locator('#reset-zoom:not([disabled])');
      const deadline = Date.now() + 20_000;
      while ((await resetEnabled.count()) === 0) {
        assert.ok(Date.now() < deadline, 'Ctrl+wheel did not zoom the chart');
        await page.keyboard.down('Control');
        try {
          await page.mouse.wheel(0, -240);
        } finally {
          await page.keyboard.up('Control');
        }
        await resetEnabled.waitFor({ state: 'attached', timeout: 1_000 }).catch(() => undefined);
      }
      await current().wb.screenshot('web-zoomed');
    },
  );

  void it(
    "hovering tf.nn.relu in seed.py shows the article's TensorFlow print",
    { timeout: 60_000 },
    async () => {
      const relu = seedCase('relu');
      await step('focus-seed', (s) => s.wb.focusTab('seed.py'));
      const text = await step('hover-relu', (s) => s.wb.hoverText('tf.nn.relu(', /tf\.Tensor/));
      assert.ok(collapse(text).includes(collapse(relu.printed)), text);
      await current().wb.screenshot('web-hover-relu');
    },
  );

  void it('hovering a TF.js call in a .js file shows the TF.js print', { timeout: 60_000 }, async () => {
    await step('open-js', (s) => openFromExplorer(s.wb, 'hover_tfjs.js'));
    const text = await step('hover-tfjs', (s) => s.wb.hoverText('leakyRelu', /Tensor/));
    assert.ok(collapse(text).includes('Tensor [-0.1, 2]'), text);
    await current().wb.screenshot('web-hover-tfjs');
  });
});
