// Issue 14, layer 3: values from real code in a real VS Code (code-server + Chromium). In a textbook-style file
// (`x = torch.arange(-8.0, 8.0, 0.1)`, `y = torch.relu(x)`), the mouse rests on `torch.relu(x)`: the hover reads
// PyTorch's print of the result and says where x came from; then on `y` in `print(y)`: print(y) and its binding.
// Screenshots (for the README): hover-resolved-call.png, hover-resolved-name.png.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Workbench } from '../harness/browser';
import {
  assertNoConsoleErrors,
  collapse,
  hoverUntil,
  shotClip,
  startSession,
  step,
  stopSession,
  waitForAnimations,
  type Session,
} from './uiHelpers';

const HOVER = '.monaco-hover:not(.hidden)';
let session: Session | undefined;

/** The visible hover and the code line holding `lineText`, with the editor's left edge. */
async function shotHoverAndLine(wb: Workbench, name: string, lineText: string): Promise<void> {
  const box = await wb.page.locator(HOVER).first().boundingBox();
  const line = await wb.page
    .locator('.monaco-editor .view-line', { hasText: lineText })
    .first()
    .boundingBox();
  const editor = await wb.page.locator('.editor-group-container.active').first().boundingBox();
  assert.ok(box && line && editor, 'the hover, the line or the editor has no box');
  const top = Math.min(box.y, line.y) - 20;
  const bottom = Math.max(box.y + box.height, line.y + line.height) + 20;
  const right = Math.max(box.x + box.width, line.x + Math.min(line.width, 700)) + 30;
  await shotClip(wb, name, { x: editor.x, y: top, width: right - editor.x, height: bottom - top });
}

void describe('Values from real code (issue 14)', () => {
  before(
    async () => {
      session = await startSession({ browser: { viewport: { width: 1600, height: 1300 } } });
      await session.wb.openFile('values_textbook.py');
    },
    { timeout: 120_000 },
  );

  after(async () => {
    await stopSession(session);
  });

  void it(
    'torch.relu(x): the hover reads PyTorch’s print and where x came from',
    { timeout: 60_000 },
    async () => {
      const text = await step(session, 'hover-resolved-call', async (wb) => {
        const t = await hoverUntil(wb, 'torch.relu(x)', 'Open chart');
        await waitForAnimations(wb, '.monaco-hover');
        return collapse(t);
      });
      assert.match(text, /^ReLU · torch\.relu · PyTorch · 160 elements, shape \(160,\)/);
      assert.ok(text.includes('Input: x, line 5: torch.arange(-8.0, 8.0, 0.1)'), text);
      // What print(torch.relu(torch.arange(-8.0, 8.0, 0.1))) shows, summarised as torch summarises (PyTorch 1.13).
      assert.ok(text.includes('tensor([0.0000, 0.0000, 0.0000, ..., 7.7000, 7.8000, 7.9000])'), text);
      await step(session, 'shot-resolved-call', (wb) =>
        shotHoverAndLine(wb, 'hover-resolved-call', 'y = torch.relu(x)'),
      );
    },
  );

  void it('y in print(y): its value and where it was bound', { timeout: 60_000 }, async () => {
    const text = await step(session, 'hover-resolved-name', async (wb) => {
      const t = await hoverUntil(wb, '(y)', 'Bound at');
      await waitForAnimations(wb, '.monaco-hover');
      return collapse(t);
    });
    assert.ok(text.includes('Bound at y, line 6: torch.relu(x)'), text);
    assert.match(text, /y · PyTorch · float32 · shape \(160,\)/);
    await step(session, 'shot-resolved-name', (wb) =>
      shotHoverAndLine(wb, 'hover-resolved-name', 'print(y)'),
    );
  });

  void it('no unexpected console errors in the workbench', () => {
    assert.ok(session, 'the workbench did not start');
    assertNoConsoleErrors(session.wb);
  });
});
