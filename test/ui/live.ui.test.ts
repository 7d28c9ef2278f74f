// Issue 15, layer 3: live values like a person uses them. A breakpoint in live_values.py (F9), Start Debugging (F5,
// the fixture's launch.json, debugpy through the test-only adapter extension), the mouse on `F.gelu(x)` while
// paused shows the live tensor's GELU; the Variables view's context menu "Plot with Activation Lens…" opens the chart
// panel for `arr`, whose note says "live value of arr at frame main, line N"; "Plot a Value of the Paused Program…"
// from the palette plots `lst` (what a watch expression would hold). Screenshots: live-hover.png (README),
// live-variables-menu.png, live-panel-caption.png, live-palette-expression.png.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { packFixtureExtension } from '../harness/fixtureExtensions';
import {
  collapse,
  fixtureText,
  hoverUntil,
  shot,
  shotClip,
  startSession,
  waitForTable,
  step,
  stopSession,
  waitForAnimations,
  type Session,
} from './uiHelpers';

let session: Session | undefined;

void describe('live values in the browser (debugpy)', () => {
  before(async () => {
    session = await startSession({ vsix: [packFixtureExtension('debugpy-adapter')] });
  });
  after(() => stopSession(session));

  void it('breakpoint, start debugging, hover F.gelu(x) while paused, plot a variable from the Variables view', async () => {
    const line =
      fixtureText('live_values.py')
        .split('\n')
        .findIndex((l) => l.includes('# BREAK HERE')) + 1;
    await step(session, 'live-breakpoint', async (wb) => {
      await wb.openFile('live_values.py');
      // The cursor on the marked line, as a person clicks it.
      await wb.page.locator('.monaco-editor .view-line', { hasText: '# BREAK HERE' }).first().click();
      await wb.page.keyboard.press('F9');
      await wb.page.locator('.codicon-debug-breakpoint').first().waitFor({ state: 'visible' });
      await wb.page.keyboard.press('F5');
      // Paused: the editor marks the current line of the top stack frame.
      await wb.page
        .locator('.codicon-debug-stackframe')
        .first()
        .waitFor({ state: 'visible', timeout: 90_000 });
    });
    const text = await step(session, 'live-hover', async (wb) => {
      const t = await hoverUntil(wb, 'F.gelu(x)', 'live value of x', { totalMs: 60_000 });
      await waitForAnimations(wb, '.monaco-hover');
      const box = await wb.page.locator('.monaco-hover:not(.hidden)').first().boundingBox();
      if (box)
        await shotClip(wb, 'live-hover', {
          x: box.x - 40,
          y: box.y - 10,
          width: box.width + 80,
          height: box.height + 60,
        });
      return collapse(t);
    });
    assert.match(text, new RegExp(`live value of x at frame main, line ${line}`));
    const torch = execFileSync('/usr/bin/python3', [
      '-c',
      'import torch, torch.nn.functional as F; print(F.gelu(torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0])))',
    ]).toString();
    assert.ok(text.includes(collapse(torch)), `${torch} not in ${text}`);

    await step(session, 'live-variables-menu', async (wb) => {
      await wb.page.mouse.move(1, 1);
      await wb.page.keyboard.press('Escape');
      const row = wb.page.locator('.debug-variables .monaco-list-row', { hasText: /^\s*arr\b/ }).first();
      await row.waitFor({ state: 'visible', timeout: 30_000 });
      await row.click({ button: 'right' });
      const item = wb.page.locator('.monaco-menu .action-label', { hasText: 'Plot with Activation Lens…' });
      await item.waitFor({ state: 'visible' });
      await shot(wb, 'live-variables-menu');
      await item.click();
      await wb.page
        .locator('.tab', { hasText: 'Activation Lens:' })
        .first()
        .waitFor({ state: 'visible', timeout: 30_000 });
      await shot(wb, 'live-variables-panel');
    });
    // The chart panel says where the values came from (the same header as the hover).
    const caption = await step(session, 'live-panel-caption', async (wb) => {
      const frame = await wb.webviewFrame({ kind: 'panel', contains: '#source-note:not([hidden])' });
      await shot(wb, 'live-panel-caption');
      return (await frame.locator('#source-note').textContent()) ?? '';
    });
    assert.match(caption, new RegExp(`^live value of arr at frame main, line ${line}$`));

    // What a watch expression holds, from the palette (VS Code's Watch view takes no extension menu items).
    const watched = await step(session, 'live-palette-expression', async (wb) => {
      await wb.runCommand('Activation Lens: Plot a Value of the Paused Program');
      await wb.answerInput('lst');
      const frame = await wb.webviewFrame({ kind: 'panel', contains: '#source-note:not([hidden])' });
      const text = frame.locator('#source-note', { hasText: 'live value of lst' });
      await text.waitFor({ state: 'visible', timeout: 30_000 });
      await waitForTable(frame, [-3, 0, 3]);
      await shot(wb, 'live-palette-expression');
      return {
        caption: (await text.textContent()) ?? '',
        rows: await frame.locator('table#values-table tbody tr').count(),
      };
    });
    assert.match(watched.caption, new RegExp(`^live value of lst at frame main, line ${line}$`));
    // lst = [-3.0, 0.0, 3.0] in the debuggee.
    assert.equal(watched.rows, 3);
  });
});
