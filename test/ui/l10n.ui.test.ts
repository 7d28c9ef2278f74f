// Issue #7, layer 3: the extension in Chinese (zh-cn) in a real VS Code (code-server + Chromium).
//
// What code-server 4.100.3 does with `--locale zh-cn` (the harness's locale option, also written to argv.json): it
// resolves the display language from the language packs registered in <user-data>/languagepacks.json and falls back
// to English when there is none; `vscode.env.language` is then "en" and the extension's zh-cn files are not used
// either. So, as a Chinese user has the language pack installed, this test installs a language pack for zh-cn (built
// here, with no translations of VS Code's own strings, so VS Code's UI stays English) and registers it the way VS Code
// does after an install from the UI. Our strings come from package.nls.zh-cn.json (command titles) and
// l10n/bundle.l10n.zh-cn.json (everything else, the webview's through the host).
// Screenshot: panel-zh-cn.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TEMP_PREFIX } from '../harness/paths';
import {
  assertNoConsoleErrors,
  collapse,
  fixtureText,
  hoverUntil,
  literalNumbers,
  nextFrames,
  registerLanguagePack,
  runPaletteRow,
  seedCase,
  shot,
  startSession,
  step,
  stopSession,
  summaryText,
  typeInPalette,
  waitForAnimations,
  waitForTable,
  writeLanguagePackVsix,
  type Session,
} from './uiHelpers';

const LANGUAGE = 'zh-cn';
const LANGUAGE_NAME = '中文(简体)';

let session: Session | undefined;
let packDir: string | undefined;

void describe('Chinese display language (issue #7)', () => {
  before(
    async () => {
      packDir = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}langpack-`));
      const vsix = writeLanguagePackVsix(packDir, LANGUAGE, LANGUAGE_NAME);
      session = await startSession({
        locale: LANGUAGE,
        vsix: [vsix],
        browser: { locale: 'zh-CN' },
        beforeOpen: (server) => registerLanguagePack(server, LANGUAGE, LANGUAGE_NAME),
      });
      // More room for the panel in the screenshot (VS Code's own strings stay English: the pack translates none).
      const row = await typeInPalette(session.wb, 'View: Toggle Primary Side Bar Visibility');
      await runPaletteRow(session.wb, row);
      await session.wb.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    },
    { timeout: 120_000 },
  );

  after(async () => {
    try {
      await stopSession(session);
    } finally {
      if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
    }
  });

  void it(
    'the palette shows 绘制选中内容…; the chart panel speaks Chinese (饱和, 导函数, 梯度消失) and prints TensorFlow unchanged',
    { timeout: 60_000 },
    async () => {
      const c = seedCase('sigmoid');
      const seedText = fixtureText('seed.py');
      await step(session, 'open-seed', (wb) => wb.openFile('seed.py'));
      await step(session, 'select', (wb) => wb.selectSubstring(seedText, c.input, c.call));

      // The command title from package.nls.zh-cn.json.
      const row = await step(session, 'palette', (wb) => typeInPalette(wb, 'Activation Lens: 绘制选中内容'));
      await step(session, 'run', (wb) => runPaletteRow(wb, row));
      // The QuickPick's prompt from the l10n bundle.
      const input = session!.wb.page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      assert.equal(await input.getAttribute('placeholder'), '要对选中的数组应用哪个激活函数？');
      await step(session, 'pick', (wb) => wb.pickQuickItem(c.label));

      const frame = await step(session, 'panel', (wb) =>
        wb.webviewFrame({ kind: 'panel', contains: 'table#values-table tbody tr' }),
      );
      const table = await waitForTable(frame, literalNumbers(c.input));
      await step(session, 'title', (wb) =>
        wb.page.locator('.tab.active', { hasText: 'Activation Lens：Sigmoid' }).waitFor({ state: 'visible' }),
      );

      // The seed article's vocabulary in the panel.
      const summary = await summaryText(frame);
      assert.match(summary, /^概要/, `summary: ${summary}`);
      assert.ok(summary.includes('7 个输入中有 0 个饱和'), `summary: ${summary}`);
      assert.ok(summary.includes('左饱和') && summary.includes('右饱和'), `summary: ${summary}`);
      assert.ok(summary.includes('不以0为中心'), `summary: ${summary}`);
      assert.ok(
        table.headers.some((h) => h.startsWith('导函数')),
        `table headers: ${table.headers.join(' | ')}`,
      );
      assert.deepEqual(
        table.rows.map((r) => r[4]),
        Array(7).fill('未饱和'),
      );
      const depthTitle = collapse(await frame.locator('body').innerText());
      assert.ok(depthTitle.includes('穿过多层的梯度：梯度消失'), 'no 梯度消失 heading');
      assert.ok(
        (await frame.locator('label[for="epsilon-slider"]').innerText()).startsWith('饱和阈值 ε'),
        'the ε control is not labelled in Chinese',
      );
      const aria = (await frame.getAttribute('canvas#main-chart', 'aria-label')) ?? '';
      assert.ok(aria.includes('阴影区域：左饱和 · 软饱和'), `chart aria-label: ${aria}`);
      assert.match(
        collapse(await frame.locator('#printed-output-title').innerText()),
        /^打印结果（TensorFlow, float32）$/,
      );
      // The printout is TensorFlow's, not translated.
      assert.equal(collapse(await frame.locator('pre#printed-output').innerText()), c.printed);

      await nextFrames(frame);
      await shot(session!.wb, 'panel-zh-cn');
    },
  );

  void it('the hover over tf.nn.relu is in Chinese too', { timeout: 60_000 }, async () => {
    const text = await step(session, 'hover', async (wb) => {
      await wb.page.locator('.tab', { hasText: 'seed.py' }).first().click();
      await wb.page
        .locator('.editor-group-container.active .monaco-editor.focused')
        .waitFor({ state: 'visible' });
      const t = await hoverUntil(wb, 'tf.nn.relu', '打开图表');
      await waitForAnimations(wb, '.monaco-hover');
      return collapse(t);
    });
    assert.ok(text.includes(seedCase('relu').printed), text);
    assert.ok(text.includes("导函数 f'："), text);
    assert.ok(text.includes('7 个输入中有 4 个处于饱和区'), text);
    // The saturation line is Chinese throughout: full-width commas, no ASCII ", " (issue 13.11).
    assert.match(text, /7 个输入中有 4 个处于饱和区（\|f'\| < 0\.01），/);
    assert.ok(!/[\u4e00-\u9fff）], /.test(text), text);
    await shot(session!.wb, 'hover-relu-zh-cn');
  });

  void it('no unexpected console errors in the workbench or the webview', () => {
    assert.ok(session, 'the workbench did not start');
    assertNoConsoleErrors(session.wb);
  });
});
