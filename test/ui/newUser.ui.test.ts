// Issue 13, layer 3: what a new user hit, driven as a person does in a real VS Code (code-server + Chromium).
//   13.14  the article's ELU input opens on the region near 0, far inputs marked at the edge; Show all / Reset zoom
//   13.7   numbers typed out of range are clamped, the box shows the value in use and a message says why
//   13.12  the compare chart says whose saturation bands are shaded
//   13.4   the side view at 250 px: no horizontal scrollbar (SiLU, whose labels used to collide)
//   13.15  the side view's empty state says its instruction once
// Screenshots: panel-elu-default, panel-elu-all, panel-number-clamped, panel-compare, side-panel-250-silu,
// side-panel-empty-once.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import {
  assertNoConsoleErrors,
  chartAriaLabel,
  chooseByKeyboard,
  collapse,
  fixtureText,
  focusTab,
  literalNumbers,
  nextFrames,
  seedCase,
  shot,
  startSession,
  step,
  stopSession,
  waitForTable,
  type Session,
} from './uiHelpers';

let session: Session | undefined;
let seedText = '';

function panelFrame(s: Session): Promise<Frame> {
  return s.wb.webviewFrame({ kind: 'panel', contains: 'table#values-table tbody tr' });
}

/** Waits until the main chart's accessible description matches. */
async function waitForAria(frame: Frame, pattern: RegExp): Promise<string> {
  await frame.waitForFunction(
    (source) =>
      new RegExp(source).test(document.querySelector('#main-chart')?.getAttribute('aria-label') ?? ''),
    pattern.source,
  );
  return chartAriaLabel(frame);
}

/** Enters `text` into a number box and confirms it with Enter (the box's change event). */
async function typeInto(frame: Frame, selector: string, text: string): Promise<void> {
  const box = frame.locator(selector);
  await box.fill(text);
  await box.press('Enter');
}

void describe('What a new user hit (issue 13): far inputs, number boxes, compare, side view width', () => {
  before(
    async () => {
      seedText = fixtureText('seed.py');
      session = await startSession();
      await session.wb.openFile('seed.py');
    },
    { timeout: 120_000 },
  );

  after(async () => {
    await stopSession(session);
  });

  void it(
    "the article's ELU input opens near 0 with the far inputs at the edge; Show all reaches them",
    { timeout: 60_000 },
    async () => {
      const c = seedCase('elu');
      const frame = await step(session, 'plot-elu', async (wb) => {
        await focusTab(wb, 'seed.py');
        await wb.selectSubstring(seedText, c.input, c.call);
        await wb.runCommand('Activation Lens: Plot Selection');
        await wb.pickQuickItem(c.label);
        for (const answer of c.params ?? []) await wb.answerInput(answer);
        const f = await panelFrame(session!);
        await waitForTable(f, literalNumbers(c.input));
        return f;
      });
      await waitForAria(frame, /Inputs beyond the view: 2\.$/);
      const showAll = frame.locator('#show-all');
      await showAll.waitFor({ state: 'visible' });
      assert.equal(collapse(await showAll.innerText()), 'Show all inputs (−10000 … 3)');
      assert.ok(await frame.locator('#reset-zoom').isDisabled(), 'the default view counts as zoomed');
      await nextFrames(frame);
      await shot(session!.wb, 'panel-elu-default');

      await showAll.click();
      await frame.waitForFunction(() => document.querySelector<HTMLElement>('#show-all')?.hidden === true);
      const all = await chartAriaLabel(frame);
      assert.ok(!/beyond the view/.test(all), all);
      assert.ok(await frame.locator('#reset-zoom').isEnabled());
      await nextFrames(frame);
      await shot(session!.wb, 'panel-elu-all');

      await frame.locator('#reset-zoom').click();
      await showAll.waitFor({ state: 'visible' });
      await waitForAria(frame, /Inputs beyond the view: 2\.$/);
    },
  );

  void it(
    'numbers typed out of range are clamped: the box, the slider and the chart agree, and a message says why',
    { timeout: 60_000 },
    async () => {
      const frame = await step(session, 'panel', () => panelFrame(session!));
      await step(session, 'epsilon-0.7', () => typeInto(frame, '#epsilon-input', '0.7'));
      await frame.waitForFunction(
        () => document.querySelector<HTMLInputElement>('#epsilon-input')?.value === '0.5',
      );
      const message = frame.locator('#epsilon-message');
      await message.waitFor({ state: 'visible' });
      assert.match(
        await message.innerText(),
        /^Saturation threshold ε .* goes from 0\.000001 to 0\.5: 0\.7 was set to 0\.5\.$/,
      );
      assert.equal(await message.getAttribute('role'), 'status');
      assert.equal(await frame.locator('#epsilon-input').getAttribute('aria-describedby'), 'epsilon-message');
      assert.equal(
        await frame.locator('#epsilon-slider').inputValue(),
        await frame.locator('#epsilon-slider').getAttribute('max'),
        'the slider sits at its maximum',
      );
      // The summary counts with the ε the box shows.
      await frame.waitForFunction(() =>
        /\|f′\| < ε/.test(document.querySelector('#summary')?.textContent ?? ''),
      );

      for (const [typed, used] of [
        ['1000', '50'],
        ['0', '1'],
      ] as const) {
        await step(session, `depth-${typed}`, () => typeInto(frame, '#depth-input', typed));
        await frame.waitForFunction(
          (v) => document.querySelector<HTMLInputElement>('#depth-input')?.value === v,
          used,
        );
        await frame.waitForFunction(
          (v) =>
            (document.querySelector('#depth-chart')?.getAttribute('aria-label') ?? '').includes(`L = ${v};`),
          used,
        );
        assert.match(
          await frame.locator('#depth-message').innerText(),
          new RegExp(`${typed} was set to ${used}\\.`),
        );
      }
      await nextFrames(frame);
      await shot(session!.wb, 'panel-number-clamped');

      // A value in range clears the message.
      await typeInto(frame, '#epsilon-input', '0.01');
      await message.waitFor({ state: 'hidden' });
    },
  );

  void it('compare: the chart says whose saturation bands are shaded', { timeout: 60_000 }, async () => {
    const frame = await step(session, 'panel', () => panelFrame(session!));
    await chooseByKeyboard(frame, '#activation-select', 'sigmoid');
    // One choice per change (arrow keys on this select would add every activation they pass).
    await frame.locator('#compare-select').selectOption('tanh');
    await frame.locator('#compare-remove-tanh').waitFor({ state: 'visible' });
    await frame.locator('#compare-select').selectOption('relu');
    await frame.locator('#compare-remove-relu').waitFor({ state: 'visible' });
    const aria = await waitForAria(frame, /Shaded bands: saturation of Sigmoid/);
    assert.match(aria, /^Sigmoid, Tanh, ReLU:/);
    await nextFrames(frame);
    await shot(session!.wb, 'panel-compare');
  });

  void it(
    'the side view at 250 px: the empty state says its instruction once; SiLU shows no horizontal scrollbar',
    { timeout: 90_000 },
    async () => {
      const wb = session!.wb;
      await step(session, 'close-panel', async () => {
        await wb.runCommand('View: Close All Editors');
        await wb.openFile('seed.py');
        await wb.goToLine(1, 1);
      });
      await step(session, 'side-view', async () => {
        await wb.page.locator('.activitybar .action-item a[aria-label="Activation Lens"]').click();
        await wb.page
          .locator('.part.sidebar .title-label', { hasText: /Activation Lens/i })
          .waitFor({ state: 'visible' });
      });
      // Drag the side bar's edge (its sash) to 250 px, as a person does.
      await step(session, 'resize-250', async () => {
        const bar = await wb.page.locator('.part.sidebar').boundingBox();
        assert.ok(bar);
        const y = bar.y + bar.height / 2;
        await wb.page.mouse.move(bar.x + bar.width - 1, y);
        await wb.page.mouse.down();
        await wb.page.mouse.move(bar.x + 250, y, { steps: 8 });
        await wb.page.mouse.up();
        await wb.page.waitForFunction(() => {
          const w = document.querySelector('.part.sidebar')?.getBoundingClientRect().width ?? 0;
          return Math.abs(w - 250) <= 3;
        });
      });
      const view = await step(session, 'view-frame', () =>
        wb.webviewFrame({ kind: 'view', contains: '#app' }),
      );
      await view.locator('#empty-state:not([hidden]) #try-example').waitFor({ state: 'visible' });
      const empty = collapse(await view.locator('#empty-state').innerText());
      assert.equal(empty.match(/[Ss]elect a numeric array/g)?.length ?? 0, 1, empty);
      await shot(wb, 'side-panel-empty-once');

      await step(session, 'select-sigmoid', async () => {
        await focusTab(wb, 'seed.py');
        await wb.selectSubstring(seedText, seedCase('sigmoid').input, seedCase('sigmoid').call);
      });
      await waitForTable(view, literalNumbers(seedCase('sigmoid').input));
      if (!(await view.locator('#controls-section').evaluate((d) => (d as HTMLDetailsElement).open)))
        await view.locator('#controls-section > summary').click();
      await chooseByKeyboard(view, '#activation-select', 'silu');
      await view.waitForFunction(() =>
        /^SiLU/.test(document.querySelector('#main-chart')?.getAttribute('aria-label') ?? ''),
      );
      await nextFrames(view);
      const widths = await view.evaluate(() => {
        const client = document.documentElement.clientWidth;
        // What sticks out (for the message): the outermost elements whose right edge passes the view's.
        const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
          .filter((e) => e.checkVisibility() && e.getBoundingClientRect().right > client + 0.5)
          .filter((e) => !(e.parentElement && e.parentElement.getBoundingClientRect().right > client + 0.5))
          .slice(0, 8)
          .map(
            (e) =>
              `${e.tagName.toLowerCase()}#${e.id}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`,
          );
        return {
          scroll: document.documentElement.scrollWidth,
          client,
          body: document.body.scrollWidth,
          wide,
        };
      });
      assert.ok(
        widths.scroll <= widths.client && widths.body <= widths.client,
        `the view scrolls sideways: content ${widths.scroll}/${widths.body} px in ${widths.client} px: ${widths.wide.join(', ')}`,
      );
      await shot(wb, 'side-panel-250-silu');
    },
  );

  void it('no unexpected console errors in the workbench or the webview', () => {
    assert.ok(session, 'the workbench did not start');
    assertNoConsoleErrors(session.wb);
  });
});
