// One evaluation, every surface, as a person sees it in a real VS Code (code-server + Chromium):
// - hover `torch.softmax(…, dim=0)` of a 2-D tensor, click Open chart: the panel prints the same column-wise softmax;
// - select the list inside `F.leaky_relu(torch.tensor([…]), negative_slope=0.1)` and run Plot Selection: Leaky ReLU
//   is offered first and the panel shows PyTorch with α = 0.1;
// - hover a bare `np.array([…])`: NumPy's float64 print, and the header says the wrapper chose it;
// - hover `tf.sigmoid(tf.tensor1d(…))` in JavaScript, Open chart: the panel's dialect is TF.js and it prints TF.js's
//   `Tensor` text.
// Screenshots: surfaces-softmax-dim0-hover.png, surfaces-softmax-dim0-panel.png, surfaces-leaky-selection.png,
// surfaces-tfjs-panel.png.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import type { Workbench } from '../harness/browser';
import {
  assertNoConsoleErrors,
  collapse,
  fixtureText,
  hoverUntil,
  shot,
  startSession,
  step,
  stopSession,
  waitForAnimations,
  type Session,
} from './uiHelpers';

const HOVER = '.monaco-hover:not(.hidden)';
let session: Session | undefined;

/** Clicks the visible hover's Open chart link and returns the chart panel's frame once `tab` is the active tab. */
async function openChartFromHover(wb: Workbench, tab: RegExp): Promise<Frame> {
  await wb.page
    .locator(`${HOVER} a`, { hasText: /^\s*Open chart\s*$/ })
    .first()
    .click();
  await wb.page.locator('.tab.active', { hasText: tab }).waitFor({ state: 'visible' });
  return wb.webviewFrame({ kind: 'panel', contains: 'pre#printed-output' });
}

/** The panel's "Printed result" once it is `expected` (whitespace collapsed). */
async function printedOutput(frame: Frame, expected: string): Promise<string> {
  await frame.waitForFunction(
    (want) =>
      (document.querySelector('pre#printed-output')?.textContent ?? '').replace(/\s+/g, ' ').trim() === want,
    expected,
  );
  return collapse(await frame.locator('pre#printed-output').innerText());
}

void describe('One evaluation, every surface (issue #10)', () => {
  before(
    async () => {
      session = await startSession({ browser: { viewport: { width: 1600, height: 1200 } } });
    },
    { timeout: 120_000 },
  );

  after(async () => {
    await stopSession(session);
  });

  void it(
    'torch.softmax(…, dim=0): the hover and the chart panel print the same column-wise result',
    { timeout: 90_000 },
    async () => {
      const expected = 'tensor([[0.1192, 0.1192], [0.8808, 0.8808]])';
      await step(session, 'open-cases', (wb) => wb.openFile('equality_cases.py'));
      const text = await step(session, 'hover-softmax', async (wb) => {
        const t = await hoverUntil(wb, 'torch.softmax', 'Open chart');
        await waitForAnimations(wb, '.monaco-hover');
        await shot(wb, 'surfaces-softmax-dim0-hover');
        return collapse(t);
      });
      assert.ok(text.includes(expected), `the hover does not print the dim=0 softmax:\n${text}`);
      assert.match(text, /axis=0/);
      const frame = await step(session, 'open-chart-softmax', (wb) => openChartFromHover(wb, /Softmax/));
      assert.equal(await printedOutput(frame, expected), expected);
      await step(session, 'shot-softmax-panel', (wb) => shot(wb, 'surfaces-softmax-dim0-panel'));
    },
  );

  void it(
    'a selection inside F.leaky_relu(…) plots the call: Leaky ReLU first, PyTorch, α = 0.1',
    { timeout: 90_000 },
    async () => {
      const file = fixtureText('torch_example.py');
      await step(session, 'open-torch', (wb) => wb.openFile('torch_example.py'));
      await step(session, 'select-list', (wb) =>
        wb.selectSubstring(file, '[-3.0, -1.0, 0.0, 1.0, 3.0]', 'F.leaky_relu('),
      );
      await step(session, 'plot-selection', (wb) => wb.runCommand('Activation Lens: Plot Selection'));
      const first = await step(session, 'first-item', async (wb) => {
        const row = wb.page.locator('.quick-input-list .monaco-list-row').first();
        await row.waitFor({ state: 'visible' });
        return collapse(await row.innerText());
      });
      assert.match(first, /^Leaky ReLU/, `the QuickPick offers ${first} first`);
      await step(session, 'pick-first', async (wb) => {
        await wb.page.keyboard.press('Enter');
        // The parameter box is pre-filled with the call's value.
        const input = wb.page.locator('.quick-input-widget input');
        await wb.page.waitForFunction(
          () => document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value === '0.1',
        );
        await input.press('Enter');
      });
      const frame = await step(session, 'panel-leaky', (wb) =>
        wb.webviewFrame({ kind: 'panel', contains: 'pre#printed-output' }),
      );
      const expected = 'tensor([-0.3000, -0.1000, 0.0000, 1.0000, 3.0000])';
      assert.equal(await printedOutput(frame, expected), expected);
      assert.equal(await frame.locator('#dialect-select').inputValue(), 'pytorch');
      await step(session, 'shot-leaky', (wb) => shot(wb, 'surfaces-leaky-selection'));
    },
  );

  void it(
    'a bare np.array([…]) is NumPy float64, and the hover says its wrapper chose it',
    { timeout: 60_000 },
    async () => {
      await step(session, 'open-numpy', (wb) => wb.openFile('numpy_example.py'));
      const text = await step(session, 'hover-np-array', async (wb) =>
        collapse(await hoverUntil(wb, '-0.5', 'Open chart')),
      );
      assert.match(text, /NumPy \(float64\), chosen by its wrapper/);
      // sigmoid (the default activation) of [-2.5, -0.5, 0., 0.5, 2.5] as NumPy float64 prints it.
      assert.ok(text.includes('[0.07585818 0.37754067 0.5 0.62245933 0.92414182]'), text);
    },
  );

  void it(
    'TF.js: the hover and the panel compute and print as TF.js (dialect TF.js)',
    { timeout: 90_000 },
    async () => {
      const expected = 'Tensor [0.0474259, 0.1192029, 0.2689414, 0.5, 0.7310586, 0.8807971, 0.9525741]';
      await step(session, 'open-tfjs', (wb) => wb.openFile('hover_tfjs.js'));
      const text = await step(session, 'hover-tfjs', async (wb) =>
        collapse(await hoverUntil(wb, 'tf.sigmoid', 'Open chart')),
      );
      assert.ok(text.includes(expected), text);
      const frame = await step(session, 'open-chart-tfjs', (wb) => openChartFromHover(wb, /Sigmoid/));
      assert.equal(await printedOutput(frame, expected), expected);
      assert.equal(await frame.locator('#dialect-select').inputValue(), 'tfjs');
      assert.match(await frame.locator('#printed-output-title').innerText(), /TensorFlow\.js, float32/);
      await step(session, 'shot-tfjs', (wb) => shot(wb, 'surfaces-tfjs-panel'));
    },
  );

  void it('no unexpected console errors in the workbench or the webview', () => {
    assert.ok(session, 'the workbench did not start');
    assertNoConsoleErrors(session.wb);
  });
});
