// The chart panel and the side panel survive a window reload: the panel's serializer and the view's resolve context
// restore them from the webviews' own state (neither uses retainContextWhenHidden), with the same plot and values.
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

  void it(
    'the pinned side panel keeps its plot and its pin across a reload, though the cursor moved away',
    { timeout: 150_000 },
    async () => {
      const w = wb!;
      const seedText = fs.readFileSync(path.join(fixtureWorkspace(), 'seed.py'), 'utf8');
      await w.runCommand('View: Close All Editors');
      await w.openFile('seed.py');
      await w.runCommand('Activation Lens: Show in Side Panel');
      // Let the view's webview finish loading first: a loading webview takes the focus back from the editor.
      await w.webviewFrame({ kind: 'view', contains: '#app' });
      await w.focusTab('seed.py');
      // The cursor inside the elu call's array (no selection): the view plots that call, elu in TensorFlow.
      const lines = seedText.split('\n');
      const eluLine = lines.findIndex((l) => l.includes('tf.nn.elu('));
      await w.goToLine(eluLine + 1, lines[eluLine]!.indexOf('[-10000') + 3);
      const view = await w.webviewFrame({ kind: 'view', contains: 'pre#printed-output' });
      await view.waitForFunction(() =>
        /-0\.95021296/.test(document.querySelector('pre#printed-output')?.textContent ?? ''),
      );
      const before = await printed(view);
      await w.runCommand('Activation Lens: Pin Current Input');
      await w.focusTab('seed.py');
      await w.goToLine(1, 1);

      await w.runCommand('Developer: Reload Window');
      await w.page.waitForLoadState('domcontentloaded');
      await w.waitForWorkbench();
      const restored = await w.webviewFrame({ kind: 'view', contains: 'pre#printed-output' });
      assert.equal(await printed(restored), before);
      // Still pinned: the palette offers Unpin, not Pin.
      await w.runCommand('Activation Lens: Unpin (Follow the Selection)');
      await w.screenshot('side-panel-after-reload');
    },
  );
});
