// Issue #4, layer 3: the chart panel in a real VS Code (code-server + Chromium), driven as a person does. Select the
// article's sigmoid input in seed.py, run "Activation Lens: Plot Selection…" from the palette, pick Sigmoid; the
// values table and the printed output are the article's TensorFlow line; the ε slider moves the saturation bands;
// each of the article's six activations prints its line; the panel follows VS Code's dark, light and high-contrast
// themes. Screenshots (test-artifacts/screenshots/): step-1…4 for the README, panel-<id>, panel-<theme>.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import {
  assertNoConsoleErrors,
  bandsIn,
  chartAriaLabel,
  chooseByKeyboard,
  collapse,
  column,
  COLUMN,
  fixtureText,
  focusTab,
  literalNumbers,
  nextFrames,
  printedNumbers,
  runPaletteRow,
  seedCase,
  SEED_CASES,
  shot,
  startSession,
  step,
  stopSession,
  summaryText,
  typeInPalette,
  waitForTable,
  type SeedCase,
  type Session,
} from './uiHelpers';

const PLOT_SELECTION = 'Activation Lens: Plot Selection';

let session: Session | undefined;
let seedText = '';

/** The chart panel's content frame, once it shows a values table. */
function panelFrame(s: Session): Promise<Frame> {
  return s.wb.webviewFrame({ kind: 'panel', contains: 'table#values-table tbody tr' });
}

/** Waits until the panel shows `c` (its activation in the select and its inputs in the table); returns the frame. */
async function waitForCase(s: Session, c: SeedCase): Promise<Frame> {
  const frame = await panelFrame(s);
  await frame.waitForFunction(
    (id) => document.querySelector<HTMLSelectElement>('#activation-select')?.value === id,
    c.id,
  );
  await waitForTable(frame, literalNumbers(c.input));
  return frame;
}

/** Selects the case's input in seed.py, runs Plot Selection… from the palette, picks the activation, answers the
 * parameter boxes; returns the panel once it shows the result. */
async function plotCase(s: Session, c: SeedCase): Promise<Frame> {
  const { wb } = s;
  await focusTab(wb, 'seed.py');
  await wb.selectSubstring(seedText, c.input, c.call);
  await wb.runCommand(PLOT_SELECTION);
  await wb.pickQuickItem(c.label);
  for (const answer of c.params ?? []) await wb.answerInput(answer);
  return waitForCase(s, c);
}

function printedText(frame: Frame): Promise<string> {
  return frame.locator('pre#printed-output').innerText();
}

/** The output column equals the article's printed numbers. */
function assertOutputsAsPrinted(outputs: string[], c: SeedCase): void {
  const expected = printedNumbers(c.printed);
  assert.equal(
    outputs.length,
    expected.length,
    `${c.id}: ${outputs.length} rows, the article printed ${expected.length}`,
  );
  // The table prints each value as it appears inside TensorFlow's array print: the article's digits, exactly.
  outputs.forEach((cell, i) => {
    const seed = expected[i] as string;
    assert.equal(cell, seed, `${c.id} row ${i}: table ${cell}, the article printed ${seed}`);
  });
}

void describe('Chart panel (issue #4): seed values, ε bands, themes, the six activations', () => {
  before(
    async () => {
      seedText = fixtureText('seed.py');
      session = await startSession();
      // More room for the editor and the panel side by side in the screenshots: hide the primary side bar.
      const row = await typeInPalette(session.wb, 'View: Toggle Primary Side Bar Visibility');
      await runPaletteRow(session.wb, row);
      await session.wb.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    },
    { timeout: 120_000 },
  );

  after(async () => {
    await stopSession(session);
  });

  void it(
    'README steps: select the sigmoid input, find the command in the palette, pick Sigmoid, the panel opens',
    { timeout: 60_000 },
    async () => {
      const c = seedCase('sigmoid');
      await step(session, 'open-seed', (wb) => wb.openFile('seed.py'));
      await shot(session!.wb, 'seed-editor');
      await step(session, 'select', (wb) => wb.selectSubstring(seedText, c.input, c.call));
      await shot(session!.wb, 'step-1-select');

      const row = await step(session, 'palette', (wb) => typeInPalette(wb, PLOT_SELECTION));
      await shot(session!.wb, 'step-2-palette');
      await step(session, 'run', (wb) => runPaletteRow(wb, row));

      // The QuickPick lists the article's activations first.
      const items = await step(session, 'pick-list', (wb) => wb.quickItems());
      for (const label of ['Sigmoid', 'Tanh', 'ReLU', 'Leaky ReLU', 'ELU', 'Softmax']) {
        assert.ok(items.includes(label), `"${label}" is not offered (items: ${items.join(' | ')})`);
      }
      await shot(session!.wb, 'step-3-pick');
      await step(session, 'pick', (wb) => wb.pickQuickItem(c.label));

      const frame = await step(session, 'panel', () => waitForCase(session!, c));
      await step(session, 'panel-beside-file', async (wb) => {
        await wb.page
          .locator('.tab.active', { hasText: /Activation Lens: Sigmoid/ })
          .waitFor({ state: 'visible' });
        await wb.page.locator('.tab', { hasText: 'seed.py' }).first().waitFor({ state: 'visible' });
        assert.ok(
          (await wb.page.locator('.editor-group-container').count()) >= 2,
          'the chart is not beside the file',
        );
      });
      await nextFrames(frame);
      await shot(session!.wb, 'step-4-panel');
      await shot(session!.wb, 'panel-sigmoid');
    },
  );

  void it(
    "TensorFlow dialect: the values table and the printed output are the article's sigmoid line",
    { timeout: 60_000 },
    async () => {
      const c = seedCase('sigmoid');
      const frame = await step(session, 'panel', () => panelFrame(session!));
      const dialect = frame.locator('#dialect-select');
      // The default setting is tensorflow; switch to it if the panel shows another dialect.
      if ((await dialect.inputValue()) !== 'tensorflow') {
        await chooseByKeyboard(frame, '#dialect-select', 'tensorflow');
      }
      assert.equal(await dialect.inputValue(), 'tensorflow');

      const table = await waitForTable(frame, literalNumbers(c.input));
      assert.deepEqual(
        column(table, COLUMN.input).map(Number),
        literalNumbers(c.input),
        'the input column is not the selected array',
      );
      assertOutputsAsPrinted(column(table, COLUMN.output), c);
      assert.equal(collapse(await printedText(frame)), c.printed);

      // The control really switches the printing: PyTorch prints tensor([...]), and back to TensorFlow.
      await step(session, 'dialect-pytorch', () => chooseByKeyboard(frame, '#dialect-select', 'pytorch'));
      await frame.waitForFunction(() =>
        /^tensor\(\[/.test(document.querySelector('pre#printed-output')?.textContent ?? ''),
      );
      await step(session, 'dialect-tensorflow', () =>
        chooseByKeyboard(frame, '#dialect-select', 'tensorflow'),
      );
      await frame.waitForFunction(() =>
        /^tf\.Tensor\(/.test(document.querySelector('pre#printed-output')?.textContent ?? ''),
      );
      assert.equal(collapse(await printedText(frame)), c.printed);
    },
  );

  void it(
    'moving the ε slider changes the saturation bands the chart shades',
    { timeout: 60_000 },
    async () => {
      const frame = await step(session, 'panel', () => panelFrame(session!));
      const slider = frame.locator('#epsilon-slider');
      const number = frame.locator('#epsilon-input');
      assert.equal(Number(await number.inputValue()), 0.01, 'ε starts at the setting (0.01)');
      const initial = bandsIn(await chartAriaLabel(frame));
      // ε = 0.01: sigmoid saturates on both sides of the plotted range.
      assert.deepEqual(initial, ['left saturation · soft', 'right saturation · soft']);

      // Keyboard on the slider: Home takes ε to its minimum (1e-6): no input is that flat within the plotted range.
      await slider.focus();
      await slider.press('Home');
      await frame.waitForFunction(
        () => document.querySelector<HTMLInputElement>('#epsilon-input')?.value === '0.000001',
      );
      await frame.waitForFunction(() =>
        /Shaded bands: none\.$/.test(document.querySelector('#main-chart')?.getAttribute('aria-label') ?? ''),
      );
      assert.equal(bandsIn(await chartAriaLabel(frame)).length, 0, 'bands are still shaded at ε = 1e-6');

      // Arrow keys move it step by step (log scale): up from the minimum, ε grows.
      await slider.press('ArrowUp');
      await slider.press('ArrowUp');
      await frame.waitForFunction(
        () => Number(document.querySelector<HTMLInputElement>('#epsilon-input')?.value) > 1e-6,
      );

      // Typing into the number box: ε = 0.2 shades both sides again, now with six of the seven inputs inside.
      await number.fill('0.2');
      await number.press('Enter');
      await frame.waitForFunction(() =>
        /6 saturated \(3 left, 3 right\)/.test(
          document.querySelector('#main-chart')?.getAttribute('aria-label') ?? '',
        ),
      );
      const wide = bandsIn(await chartAriaLabel(frame));
      assert.deepEqual(wide, ['left saturation · soft', 'right saturation · soft']);
      assert.match(
        await summaryText(frame),
        /6 of 7 inputs saturated \(\|f′\| < ε\): 3 left saturated, 3 right saturated\./,
      );
      const states = column(
        await waitForTable(frame, literalNumbers(seedCase('sigmoid').input)),
        COLUMN.state,
      );
      assert.deepEqual(states, [
        'Left saturated',
        'Left saturated',
        'Left saturated',
        'Active',
        'Right saturated',
        'Right saturated',
        'Right saturated',
      ]);
      await nextFrames(frame);
      await shot(session!.wb, 'panel-saturation');

      // The slider's End (ε = 0.5 > max sigmoid′ = 0.25): the whole range is one flat band.
      await slider.focus();
      await slider.press('End');
      await frame.waitForFunction(
        () => document.querySelector<HTMLInputElement>('#epsilon-input')?.value === '0.5',
      );
      await frame.waitForFunction(() =>
        /7 saturated/.test(document.querySelector('#main-chart')?.getAttribute('aria-label') ?? ''),
      );
      assert.deepEqual(bandsIn(await chartAriaLabel(frame)), ['flat region · soft']);
    },
  );

  void it(
    "each of the article's six activations prints the article's line",
    { timeout: 120_000 },
    async () => {
      for (const c of SEED_CASES) {
        const frame = await step(session, `plot-${c.id}`, () => plotCase(session!, c));
        const printed = collapse(await printedText(frame));
        assert.equal(printed, c.printed, `${c.id}: the panel printed ${printed}`);
        // A new plot starts at the inputs' range, not zoomed.
        if (c.id !== 'softmax')
          assert.ok(await frame.locator('#reset-zoom').isDisabled(), `${c.id}: starts zoomed`);
        const table = await waitForTable(frame, literalNumbers(c.input));
        assertOutputsAsPrinted(column(table, COLUMN.output), c);
        await step(session, `title-${c.id}`, (wb) =>
          wb.page.locator('.tab.active', { hasText: /^\s*Activation Lens: / }).waitFor({ state: 'visible' }),
        );
        await nextFrames(frame);
        await shot(session!.wb, `panel-${c.id}`);
      }
    },
  );

  // Found by the softmax screenshot: the 7×7 Jacobian table is wider than the chart column; it must scroll inside it
  // instead of running under the summary.
  void it(
    'softmax: the Jacobian table stays within the chart column (does not run under the summary)',
    { timeout: 30_000 },
    async () => {
      const frame = await step(session, 'panel', () => waitForCase(session!, seedCase('softmax')));
      await frame.locator('#jacobian-table').waitFor({ state: 'visible' });
      const g = await frame.evaluate(() => {
        const table = document.querySelector('#jacobian-table') as HTMLElement;
        // The table's visible right edge: clipped by the nearest ancestor that scrolls or hides overflow.
        let right = table.getBoundingClientRect().right;
        for (let el = table.parentElement; el && el !== document.body; el = el.parentElement) {
          if (getComputedStyle(el).overflowX !== 'visible')
            right = Math.min(right, el.getBoundingClientRect().right);
        }
        const side = document.querySelector('.side-column')?.getBoundingClientRect();
        return { right, sideLeft: side?.left ?? Infinity, sideTop: side?.top ?? 0 };
      });
      assert.ok(
        g.right <= g.sideLeft + 1,
        `the Jacobian table ends at x=${g.right.toFixed(0)}, the summary column starts at x=${g.sideLeft.toFixed(0)}`,
      );
    },
  );

  void it('follows the dark, light and high-contrast themes', { timeout: 90_000 }, async () => {
    const themes = [
      { label: 'Dark Modern', body: 'vscode-dark', workbench: 'vs-dark', file: 'panel-dark' },
      { label: 'Light Modern', body: 'vscode-light', workbench: 'vs', file: 'panel-light' },
      {
        label: 'Dark High Contrast',
        body: 'vscode-high-contrast',
        workbench: 'hc-black',
        file: 'panel-hc-dark',
      },
      {
        label: 'Light High Contrast',
        body: 'vscode-high-contrast-light',
        workbench: 'hc-light',
        file: 'panel-hc-light',
      },
    ];
    // Back to the sigmoid plot for the pictures.
    await step(session, 'plot-sigmoid', () => plotCase(session!, seedCase('sigmoid')));
    for (const t of themes) {
      await step(session, `theme-${t.file}`, async (wb) => {
        const row = await typeInPalette(wb, 'Preferences: Color Theme');
        await runPaletteRow(wb, row);
        await wb.pickQuickItem(new RegExp(`^\\s*${t.label}\\s*$`));
        await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        await wb.page.locator(`.monaco-workbench.${t.workbench}`).waitFor({ state: 'attached' });
      });
      const frame = await step(session, `webview-${t.file}`, () => panelFrame(session!));
      await frame.waitForFunction(
        (cls) => document.body.classList.contains(cls) && document.body.classList.length > 0,
        t.body,
      );
      // The other theme kinds are gone from the webview's body (VS Code marks both high-contrast kinds with
      // vscode-high-contrast, the light one also with vscode-high-contrast-light).
      const classes = await frame.evaluate(() => Array.from(document.body.classList));
      const kinds = classes.filter((k) => /^vscode-(dark|light|high-contrast(-light)?)$/.test(k)).sort();
      const expected = t.body === 'vscode-high-contrast-light' ? ['vscode-high-contrast', t.body] : [t.body];
      assert.deepEqual(kinds, expected, `webview body classes: ${classes.join(' ')}`);
      // The chart redraws with the new palette on the next frame.
      await nextFrames(frame);
      await nextFrames(frame);
      await shot(session!.wb, t.file);
    }
  });

  void it('no unexpected console errors in the workbench or the webview', () => {
    assert.ok(session, 'the workbench did not start');
    assertNoConsoleErrors(session.wb);
  });
});
