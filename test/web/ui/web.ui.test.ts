// Layer 4 (web), part 2, as a person does it in VS Code for the Web (1.91, offline) in Chromium: open seed.py from
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
