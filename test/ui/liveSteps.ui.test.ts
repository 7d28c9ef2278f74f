// Issue 15, layer 3: the side panel follows a paused program like a person sees it. Breakpoints in live_steps.py
// (F9), "Debug: Select and Start Debugging", the side panel opened, a click on `F.gelu(x)`; then F10 (step over) and
// F5 (continue to the next breakpoint): after each stop the view shows the new live values of x and says where they
// came from, although the debugger moved the cursor to the stop line (and, at the breakpoint, showed its own view in
// the sidebar instead of the side panel). Screenshots: live-steps-0/1/2.png.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { packFixtureExtension } from '../harness/fixtureExtensions';
import type { Workbench } from '../harness/browser';
import { fixtureText, shot, startSession, step, stopSession, type Session } from './uiHelpers';

let session: Session | undefined;
const lines = fixtureText('live_steps.py').split('\n');
const lineOf = (marker: string): number => lines.findIndex((l) => l.includes(marker)) + 1;

/** Opens (or focuses) the side view through its command. */
async function showSideView(wb: Workbench): Promise<void> {
  await wb.runCommand('Activation Lens: Show in Side Panel');
  await wb.page
    .locator('.part.sidebar .title-label', { hasText: /Activation Lens/i })
    .waitFor({ state: 'visible' });
}

/**
 * Waits until a webview shows the note "live value of x at frame main, line N" over the inputs `inputs` (the only
 * webview here is the side view). Every frame is looked at: a view VS Code made again (after the debugger showed its
 * own view) can keep its content frame under the name pending-frame, which the harness's lookup does not take.
 */
async function showsStop(wb: Workbench, inputs: number[], line: number): Promise<string> {
  await showSideView(wb);
  const want = `live value of x at frame main, line ${line}`;
  const deadline = Date.now() + 30_000;
  let last = '';
  for (;;) {
    for (const frame of wb.page.frames()) {
      const got = await frame
        .evaluate(() => ({
          note: document.querySelector('#source-note:not([hidden])')?.textContent ?? '',
          inputs: Array.from(document.querySelectorAll('table#values-table tbody tr')).map((tr) =>
            Number(tr.querySelectorAll('td')[1]?.textContent),
          ),
        }))
        .catch(() => null);
      if (!got?.note) continue;
      last = `${got.note}: ${got.inputs.join(', ')}`;
      if (got.note === want && got.inputs.join(',') === inputs.join(',')) return got.note;
    }
    if (Date.now() > deadline)
      throw new Error(`the side view did not show ${want}: ${inputs.join(', ')} (it shows ${last})`);
    await wb.page.waitForTimeout(100); // poll interval of a condition wait
  }
}

void describe('the side panel follows each stop in the browser (debugpy)', () => {
  before(async () => {
    session = await startSession({ vsix: [packFixtureExtension('debugpy-adapter')] });
  });
  after(() => stopSession(session));

  void it('a click on F.gelu(x), then F10 and F5: the view re-reads x at each stop', async () => {
    const first = lineOf('# BREAK HERE');
    const next = lineOf('# NEXT BREAK');
    await step(session, 'live-steps-start', async (wb) => {
      await wb.openFile('live_steps.py');
      for (const marker of ['# BREAK HERE', '# NEXT BREAK']) {
        await wb.page.locator('.monaco-editor .view-line', { hasText: marker }).first().click();
        await wb.page.keyboard.press('F9');
      }
      await wb.page.locator('.codicon-debug-breakpoint').nth(1).waitFor({ state: 'visible' });
      await wb.runCommand('Debug: Select and Start Debugging');
      await wb.pickQuickItem(/Live steps \(Python\)/);
      await wb.page
        .locator('.codicon-debug-stackframe')
        .first()
        .waitFor({ state: 'visible', timeout: 90_000 });
      await showSideView(wb);
      // The mouse on the call, as a person picks what the view should follow.
      await wb.page.locator('.monaco-editor .view-line span', { hasText: 'F.gelu' }).first().click();
      await wb.page.keyboard.press('Escape');
    });
    const notes: string[] = [];
    notes.push(
      await step(session, 'live-steps-0', async (wb) => {
        const note = await showsStop(wb, [-1, 0, 1], first);
        await shot(wb, 'live-steps-0');
        return note;
      }),
    );
    for (const [i, key, inputs, line] of [
      [1, 'F10', [-2, 0, 2], first + 1],
      [2, 'F5', [-1, 1, 3], next],
    ] as const) {
      notes.push(
        await step(session, `live-steps-${i}`, async (wb) => {
          // The keys go to the editor, as after a click in it.
          await wb.page.locator('.monaco-editor .view-line', { hasText: '# NEXT BREAK' }).first().hover();
          await wb.page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
          await wb.page.keyboard.press(key);
          // The stop moves the cursor to its line and focuses the editor (which would close a command palette
          // opened before it): wait for it first.
          await wb.page
            .locator('.statusbar-item', { hasText: new RegExp(`^\\s*Ln ${line}, Col \\d+`) })
            .first()
            .waitFor({ state: 'visible', timeout: 30_000 });
          // At a breakpoint VS Code shows its Run and Debug view in the sidebar (debug.openDebug's default): the
          // side view comes back through its command and shows the stop it missed while hidden.
          if (key === 'F5')
            await wb.page
              .locator('.part.sidebar .title-label', { hasText: /Run and Debug/i })
              .waitFor({ state: 'visible', timeout: 30_000 });
          const note = await showsStop(wb, [...inputs], line);
          await shot(wb, `live-steps-${i}`);
          return note;
        }),
      );
    }
    assert.deepEqual(notes, [
      `live value of x at frame main, line ${first}`,
      `live value of x at frame main, line ${first + 1}`,
      `live value of x at frame main, line ${next}`,
    ]);
  });
});
