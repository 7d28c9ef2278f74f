// The chart panel survives a window reload: the serializer restores it from the webview's own state (the panel
// does not use retainContextWhenHidden), with the same plot and values.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { Workbench } from '../harness/browser';
import { startCodeServer, type CodeServer } from '../harness/codeServer';
import { fixtureWorkspace, repoRoot } from '../harness/paths';

let server: CodeServer | undefined;
let wb: Workbench | undefined;

async function printed(frame: Frame): Promise<string> {
  await frame.waitForFunction(
    () => (document.querySelector('pre#printed-output')?.textContent ?? '').trim() !== '',
  );
  return frame.evaluate(() =>
    (document.querySelector('pre#printed-output')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

void describe('reload', () => {
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
    'restores the chart panel with the same plot after "Developer: Reload Window"',
    { timeout: 150_000 },
    async () => {
      const w = wb!;
      const seedText = fs.readFileSync(path.join(fixtureWorkspace(), 'seed.py'), 'utf8');
      await w.openFile('seed.py');
      await w.selectSubstring(seedText, '[-3.,-2.,-1.,0.0,1.,2.,3.]', 'tf.nn.tanh(');
      await w.runCommand('Activation Lens: Plot Selection');
      await w.pickQuickItem(/^\s*tanh\s*$/i);
      const before = await printed(await w.webviewFrame({ kind: 'panel', contains: 'pre#printed-output' }));
      assert.match(
        before,
        /^tf\.Tensor\( ?\[-0\.9950547 -0\.9640276 -0\.7615942 0\. 0\.7615942 0\.9640276 0\.9950547\]/,
      );

      await w.runCommand('Developer: Reload Window');
      await w.page.waitForLoadState('domcontentloaded');
      await w.waitForWorkbench();
      await w.page
        .locator('.tab', { hasText: /Activation Lens: Tanh/i })
        .first()
        .waitFor({ state: 'visible' });
      const after = await printed(await w.webviewFrame({ kind: 'panel', contains: 'pre#printed-output' }));
      assert.equal(after, before);
      await w.screenshot('panel-after-reload');
    },
  );
});
