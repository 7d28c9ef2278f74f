// Layer 3, as a person does it: in a real VS Code (code-server) driven through Chromium, open the seed file,
// select the sigmoid input array, run "Activation Lens: Plot Selection" from the palette, pick Sigmoid, and read
// the chart panel's values table. One server and one browser for the whole file, always cleaned up.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { Workbench } from '../harness/browser';
import { startCodeServer, type CodeServer } from '../harness/codeServer';
import { fixtureWorkspace, repoRoot } from '../harness/paths';

const SIGMOID_INPUT = '[-3.,-2.,-1.,0.0,1.,2.,3.]';
// The seed article's printout: tf.Tensor( [0.04742587 0.11920292 0.26894143 0.5 0.7310586 0.880797 0.95257413], ...)
const SEED_SIGMOID_OUTPUT = [0.04742587, 0.11920292, 0.26894143, 0.5, 0.7310586, 0.880797, 0.95257413];
const INPUTS = [-3, -2, -1, 0, 1, 2, 3];

let server: CodeServer | undefined;
let wb: Workbench | undefined;

/** Runs a UI step; on failure saves a screenshot named after it before failing. */
async function step<T>(name: string, fn: (wb: Workbench) => Promise<T>): Promise<T> {
  if (!wb) throw new Error('the workbench did not start');
  try {
    return await fn(wb);
  } catch (err) {
    const shot = await wb.screenshot(`FAILED-${name}`).catch(() => undefined);
    if (shot) console.error(`screenshot of the failure: ${path.relative(repoRoot(), shot)}`);
    throw err;
  }
}

/** The values table as rows of cell texts, keyed by the header texts. */
async function readValuesTable(frame: Frame): Promise<{ headers: string[]; rows: string[][] }> {
  return frame.evaluate(() => {
    const table = document.querySelector<HTMLTableElement>('table#values-table');
    if (!table) throw new Error('table#values-table is missing');
    const headers = Array.from(table.querySelectorAll('thead th')).map((th) => (th.textContent ?? '').trim());
    const rows = Array.from(table.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim()),
    );
    return { headers, rows };
  });
}

function columnIndex(headers: string[], name: RegExp): number {
  const index = headers.findIndex((h) => name.test(h));
  assert.ok(index >= 0, `no column ${name} in the values table (headers: ${headers.join(' | ')})`);
  return index;
}

// node:test's describe/it return promises that the runner awaits itself (hence `void`).
void describe('Plot Selection from the command palette', () => {
  before(
    async () => {
      server = await startCodeServer({ workspace: fixtureWorkspace(), extensionDevelopmentPath: repoRoot() });
      wb = await Workbench.launch();
      await wb.openWorkbench(server.workbenchUrl());
    },
    { timeout: 120_000 },
  );

  after(async () => {
    await wb?.close();
    await server?.stop();
  });

  void it(
    'plots sigmoid of the seed array and shows the seed printout in the values table',
    { timeout: 120_000 },
    async () => {
      const seedText = fs.readFileSync(path.join(fixtureWorkspace(), 'seed.py'), 'utf8');

      await step('open-seed', (w) => w.openFile('seed.py'));
      const at = await step('select-array', (w) =>
        w.selectSubstring(seedText, SIGMOID_INPUT, 'tf.nn.sigmoid('),
      );
      assert.ok(at.line > 0);

      await step('run-command', (w) => w.runCommand('Activation Lens: Plot Selection'));
      await step('pick-sigmoid', (w) => w.pickQuickItem(/^\s*sigmoid\s*$/i));

      const frame = await step('chart-webview', (w) =>
        w.webviewFrame({ kind: 'panel', contains: 'table#values-table tbody tr' }),
      );
      // The whole table renders at once; wait for every input row.
      await frame.waitForFunction(
        (n) => document.querySelectorAll('table#values-table tbody tr').length >= n,
        INPUTS.length,
      );
      const { headers, rows } = await readValuesTable(frame);
      assert.equal(rows.length, INPUTS.length, `rows: ${JSON.stringify(rows)}`);
      const inputCol = columnIndex(headers, /^input/i);
      const outputCol = columnIndex(headers, /^output/i);
      const inputs = rows.map((r) => Number(r[inputCol]));
      const outputs = rows.map((r) => Number(r[outputCol]));
      assert.deepEqual(inputs, INPUTS);
      for (let i = 0; i < INPUTS.length; i++) {
        const expected = SEED_SIGMOID_OUTPUT[i] as number;
        assert.ok(
          Math.abs((outputs[i] as number) - expected) <= 1e-6,
          `sigmoid(${INPUTS[i]}): table shows ${rows[i]?.[outputCol]}, the seed printed ${expected}`,
        );
      }

      // The panel opens beside the file: both the seed editor and the chart tab are visible.
      await step('panel-beside-file', async (w) => {
        await w.page.locator('.tab', { hasText: 'seed.py' }).first().waitFor({ state: 'visible' });
        await w.page
          .locator('.tab.active', { hasText: /Sigmoid/i })
          .first()
          .waitFor({ state: 'visible' });
        assert.ok(
          (await w.page.locator('.editor-group-container').count()) >= 2,
          'the chart is not beside the file',
        );
      });
      const shot = await wb!.screenshot('plot-selection-sigmoid');
      console.log(`screenshot: ${path.relative(repoRoot(), shot)}`);
    },
  );

  void it('no unexpected console errors in the workbench or the webview', () => {
    assert.deepEqual(wb?.consoleErrors() ?? [], []);
  });
});
