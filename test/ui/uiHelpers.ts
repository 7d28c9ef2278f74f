// Helpers shared by the UI tests (layer 3) on top of the harness (test/harness/**, not edited here): one code-server
// and one Chromium per test file, the seed article's expected printouts, reading the webview's DOM, condition waits.
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator } from 'playwright-core';
import { Workbench, type BrowserOptions } from '../harness/browser';
import { startCodeServer, type CodeServer, type CodeServerOptions } from '../harness/codeServer';
import { artifactsDir, fixtureWorkspace, repoRoot } from '../harness/paths';

// ---- the seed article ----

/** The input of the sigmoid, tanh, relu, leaky_relu and softmax lines of the article. */
export const SEED_INPUT = '[-3.,-2.,-1.,0.0,1.,2.,3.]';
/** The elu line's own input. */
export const SEED_ELU_INPUT = '[-10000,-100.,-3.,-2.,-1.,0.0,1.,2.,3.]';

export interface SeedCase {
  /** Activation id (as in the panel's select and the screenshots' names). */
  id: string;
  /** The QuickPick row of "Plot Selection…". */
  label: RegExp;
  /** The selected text and the call on its line in seed.py. */
  input: string;
  call: string;
  /** Answers to the parameter input boxes, in order (leaky_relu's alpha). */
  params?: string[];
  /** The article's printed line, verbatim (whitespace as the article shows it: collapsed). */
  printed: string;
}

/** The six activations of the article with the lines it printed (/work/shared/seed/000_326a7a8f3f1cb882.txt). */
export const SEED_CASES: readonly SeedCase[] = [
  {
    id: 'sigmoid',
    label: /^\s*sigmoid\s*$/i,
    input: SEED_INPUT,
    call: 'tf.nn.sigmoid(',
    printed:
      'tf.Tensor( [0.04742587 0.11920292 0.26894143 0.5 0.7310586 0.880797 0.95257413], shape=(7,), dtype=float32)',
  },
  {
    id: 'tanh',
    label: /^\s*tanh\s*$/i,
    input: SEED_INPUT,
    call: 'tf.nn.tanh(',
    printed:
      'tf.Tensor( [-0.9950547 -0.9640276 -0.7615942 0. 0.7615942 0.9640276 0.9950547], shape=(7,), dtype=float32)',
  },
  {
    id: 'relu',
    label: /^\s*relu\s*$/i,
    input: SEED_INPUT,
    call: 'tf.nn.relu(',
    printed: 'tf.Tensor([0. 0. 0. 0. 1. 2. 3.], shape=(7,), dtype=float32)',
  },
  {
    id: 'leaky_relu',
    label: /^\s*leaky\s*relu\s*$/i,
    input: SEED_INPUT,
    call: 'tf.nn.leaky_relu(',
    params: ['0.2'],
    printed: 'tf.Tensor([-0.6 -0.4 -0.2 0. 1. 2. 3. ], shape=(7,), dtype=float32)',
  },
  {
    id: 'elu',
    label: /^\s*elu\s*$/i,
    input: SEED_ELU_INPUT,
    call: 'tf.nn.elu(',
    params: ['1'],
    printed:
      'tf.Tensor( [-1. -1. -0.95021296 -0.86466473 -0.63212055 0. 1. 2. 3. ], shape=(9,), dtype=float32)',
  },
  {
    id: 'softmax',
    label: /^\s*softmax\s*$/i,
    input: SEED_INPUT,
    call: 'tf.nn.softmax(',
    printed:
      'tf.Tensor( [0.0015683 0.00426308 0.01158826 0.03150015 0.0856263 0.23275642 0.6326975 ], shape=(7,), dtype=float32)',
  },
];

/** The numbers of an array literal such as "[-3.,-2.,0.0]". */
export function literalNumbers(literal: string): number[] {
  return literal
    .replace(/^\s*\[|\]\s*$/g, '')
    .split(',')
    .map((t) => Number(t.trim()));
}

export function seedCase(id: string): SeedCase {
  const c = SEED_CASES.find((s) => s.id === id);
  if (!c) throw new Error(`no seed case ${id}`);
  return c;
}

/** The numbers inside a printed tensor, as written ("0." stays "0."). */
export function printedNumbers(printed: string): string[] {
  const inner = /\[([^\]]*)\]/.exec(printed)?.[1] ?? '';
  return inner.trim().split(/\s+/).filter(Boolean);
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(fixtureWorkspace(), name), 'utf8');
}

// ---- one server and one browser per test file ----

export interface Session {
  server: CodeServer;
  wb: Workbench;
}

export interface SessionOptions {
  vsix?: string[];
  settings?: CodeServerOptions['settings'];
  locale?: string;
  browser?: BrowserOptions;
  /** Runs after the server answers and before the workbench page loads. */
  beforeOpen?: (server: CodeServer) => Promise<void> | void;
}

/** Starts code-server with the extension loaded unpacked on the fixture workspace, and a browser on it. */
export async function startSession(options: SessionOptions = {}): Promise<Session> {
  const server = await startCodeServer({
    workspace: fixtureWorkspace(),
    extensionDevelopmentPath: repoRoot(),
    settings: options.settings,
    locale: options.locale,
    vsix: options.vsix,
  });
  let wb: Workbench | undefined;
  try {
    await options.beforeOpen?.(server);
    wb = await Workbench.launch(options.browser);
    await wb.openWorkbench(server.workbenchUrl());
    return { server, wb };
  } catch (err) {
    await wb?.close().catch(() => undefined);
    await server.stop();
    throw err;
  }
}

export async function stopSession(session: Session | undefined): Promise<void> {
  if (!session) return;
  try {
    await session.wb.close();
  } finally {
    await session.server.stop();
  }
}

/** A step of a test: on failure a screenshot FAILED-<name>.png is saved before the error goes on. */
export async function step<T>(
  session: Session | undefined,
  name: string,
  fn: (wb: Workbench) => Promise<T>,
): Promise<T> {
  if (!session) throw new Error('the workbench did not start');
  try {
    return await fn(session.wb);
  } catch (err) {
    const shot = await session.wb.screenshot(`FAILED-${name}`).catch(() => undefined);
    if (shot) console.error(`screenshot of the failure: ${path.relative(repoRoot(), shot)}`);
    throw err;
  }
}

/** Saves a screenshot of the workbench and logs where it went. */
export async function shot(wb: Workbench, name: string): Promise<string> {
  const file = await wb.screenshot(name);
  console.log(`screenshot: ${path.relative(repoRoot(), file)}`);
  return file;
}

/** Saves a screenshot of part of the page (CSS pixels), e.g. a hover and the code under it. */
export async function shotClip(
  wb: Workbench,
  name: string,
  clip: { x: number; y: number; width: number; height: number },
): Promise<string> {
  const viewport = wb.page.viewportSize() ?? { width: 1600, height: 1000 };
  const x = Math.max(0, Math.floor(clip.x));
  const y = Math.max(0, Math.floor(clip.y));
  const width = Math.min(viewport.width - x, Math.ceil(clip.width));
  const height = Math.min(viewport.height - y, Math.ceil(clip.height));
  const file = path.join(artifactsDir('screenshots'), `${name}.png`);
  await wb.page.screenshot({ path: file, clip: { x, y, width, height } });
  console.log(`screenshot: ${path.relative(repoRoot(), file)}`);
  return file;
}

export function writeArtifact(name: string, content: string): string {
  const file = path.join(artifactsDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

// ---- the webview ----

export interface ValuesTable {
  headers: string[];
  rows: string[][];
}

/** The values table as cell texts. */
export async function readValuesTable(frame: Frame): Promise<ValuesTable> {
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

/** Column of the values table: 0 '#', 1 input, 2 output, 3 derivative, 4 state (the layout of webview/valuesTable.ts). */
export const COLUMN = { index: 0, input: 1, output: 2, derivative: 3, state: 4 } as const;

export function column(table: ValuesTable, col: number): string[] {
  return table.rows.map((r) => r[col] ?? '');
}

/** Waits until the values table's input column holds exactly `inputs` (compared as numbers); returns the table. */
export async function waitForTable(
  frame: Frame,
  inputs: readonly number[],
  timeoutMs?: number,
): Promise<ValuesTable> {
  await frame.waitForFunction(
    (expected) => {
      const rows = Array.from(document.querySelectorAll('table#values-table tbody tr'));
      if (rows.length !== expected.length) return false;
      return rows.every((tr, i) => Number(tr.querySelectorAll('td')[1]?.textContent) === expected[i]);
    },
    [...inputs],
    { timeout: timeoutMs },
  );
  return readValuesTable(frame);
}

/** The main chart's accessible text (webview/chartConfig.ts: "…Shaded bands: left saturation · soft; …."). */
export async function chartAriaLabel(frame: Frame): Promise<string> {
  return (await frame.getAttribute('canvas#main-chart', 'aria-label')) ?? '';
}

/**
 * How many saturation bands the chart shades, from its aria-label's list after the last ':' ("none" in the UI's
 * language is 0). `noneWord` is the translated "none".
 */
export function bandsIn(ariaLabel: string, noneWord = 'none'): string[] {
  const m = /[:：]\s*([^:：]*?)[.。]?\s*$/.exec(ariaLabel);
  const list = (m?.[1] ?? '').trim();
  if (!list || list === noneWord) return [];
  return list.split(/[;；]\s*/).filter(Boolean);
}

export async function summaryText(frame: Frame): Promise<string> {
  return collapse(await frame.locator('#summary').innerText());
}

/** Fails with the console errors of the workbench and its webviews (less the harness's known noise). */
export function assertNoConsoleErrors(wb: Workbench): void {
  assert.deepEqual(wb.consoleErrors(), [], 'console errors in the workbench or a webview');
}

// ---- a display language for code-server ----

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of `files` (stored, not compressed): enough for a .vsix, which VS Code reads with yauzl. */
export function zipStored(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/**
 * A language pack for `languageId` with no translations of VS Code's own strings, as a .vsix in `dir`.
 * code-server 4.100.3 resolves `--locale zh-cn` to English unless a language pack for it is installed
 * (languagepacks.json in the user data); with this one installed VS Code runs in zh-cn (`vscode.env.language`),
 * so the extension's own package.nls.zh-cn.json and l10n bundle apply while VS Code's strings stay English.
 */
export function writeLanguagePackVsix(dir: string, languageId: string, languageName: string): string {
  const manifest = {
    name: `ui-test-language-pack-${languageId}`,
    displayName: `UI test language pack (${languageId})`,
    publisher: 'activation-lens-tests',
    version: '1.0.0',
    engines: { vscode: '^1.100.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        {
          languageId,
          languageName,
          localizedLanguageName: languageName,
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        },
      ],
    },
  };
  const file = path.join(dir, `language-pack-${languageId}.vsix`);
  fs.writeFileSync(
    file,
    zipStored({
      'extension/package.json': JSON.stringify(manifest, null, 2),
      'extension/translations/main.i18n.json': JSON.stringify({ version: '1.0.0', contents: {} }),
    }),
  );
  return file;
}

/**
 * Registers the installed language pack for `languageId` the way VS Code's LanguagePackService does after an install
 * from the UI (code-server's `--install-extension` CLI does not write it): <user-data>/languagepacks.json. Call it
 * before the workbench page loads; the page and the extension host then get that display language.
 */
export function registerLanguagePack(server: CodeServer, languageId: string, languageName: string): void {
  const installed = fs
    .readdirSync(server.dirs.extensions)
    .find((d) => d.startsWith(`activation-lens-tests.ui-test-language-pack-${languageId}-`));
  if (!installed)
    throw new Error(`the ${languageId} language pack is not installed in ${server.dirs.extensions}`);
  const id = `activation-lens-tests.ui-test-language-pack-${languageId}`;
  const version = '1.0.0';
  const hash = crypto.createHash('md5').update(id).update(version).digest('hex');
  const packs = {
    [languageId]: {
      hash,
      extensions: [{ extensionIdentifier: { id }, version }],
      translations: {
        vscode: path.join(server.dirs.extensions, installed, 'translations', 'main.i18n.json'),
      },
      label: languageName,
    },
  };
  fs.writeFileSync(path.join(server.dirs.userData, 'languagepacks.json'), JSON.stringify(packs));
}

// ---- the workbench, as a person uses it ----

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Clicks the editor tab labelled `name` and waits until its editor is the focused one. */
export async function focusTab(wb: Workbench, name: string): Promise<void> {
  const label = new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`);
  await wb.page
    .locator('.tab', { has: wb.page.locator('.label-name', { hasText: label }) })
    .first()
    .click();
  await wb.page
    .locator('.editor-group-container.active .tab.active', {
      has: wb.page.locator('.label-name', { hasText: label }),
    })
    .waitFor({ state: 'visible' });
  await wb.page
    .locator('.editor-group-container.active .monaco-editor.focused')
    .waitFor({ state: 'visible' });
}

/** Opens the palette (F1) and types `title`; returns that command's row, shown but not yet run. */
export async function typeInPalette(wb: Workbench, title: string): Promise<Locator> {
  await wb.page.keyboard.press('F1');
  const input = wb.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = wb.page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({
      has: wb.page.locator('.label-name', {
        hasText: new RegExp(`^\\s*${escapeRegExp(title)}(…|\\.\\.\\.)?\\s*$`, 'i'),
      }),
    })
    .first();
  await row.waitFor({ state: 'visible' });
  return row;
}

/** Runs the palette row: a click, then waits until the palette has gone (or turned into the command's own picker). */
export async function runPaletteRow(wb: Workbench, row: Locator): Promise<void> {
  await row.click();
  await wb.page.waitForFunction(() => {
    const widget = document.querySelector<HTMLElement>('.quick-input-widget');
    const input = widget?.querySelector('input');
    return !widget || widget.style.display === 'none' || !input?.value.startsWith('>');
  });
}

/** Waits until the finite CSS animations under `selector` (e.g. a hover's fade-in) have finished. */
export async function waitForAnimations(wb: Workbench, selector: string): Promise<void> {
  await wb.page.waitForFunction((sel) => {
    return Array.from(document.querySelectorAll(sel)).every((el) =>
      el
        .getAnimations({ subtree: true })
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    );
  }, selector);
}

/** Resolves after the frame has painted twice: work scheduled for the next animation frame has run. */
export async function nextFrames(frame: Frame): Promise<void> {
  await frame.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/**
 * Chooses the option `value` of a <select> in a webview with the keyboard: focus it, then arrow keys down or up to the
 * option (each step applies at once, as it does for a person; typing the label would depend on the typeahead timeout).
 */
export async function chooseByKeyboard(frame: Frame, selector: string, value: string): Promise<void> {
  const select = frame.locator(selector);
  const { from, to } = await select.evaluate((el, v) => {
    const s = el as HTMLSelectElement;
    return { from: s.selectedIndex, to: Array.from(s.options).findIndex((o) => o.value === v) };
  }, value);
  if (to < 0) throw new Error(`${selector} has no option ${value}`);
  await select.focus();
  for (let i = from; i !== to; i += to > from ? 1 : -1)
    await select.press(to > from ? 'ArrowDown' : 'ArrowUp');
  await frame.waitForFunction(({ sel, v }) => document.querySelector<HTMLSelectElement>(sel)?.value === v, {
    sel: selector,
    v: value,
  });
}

/** The centre of the first occurrence of `text` on a visible editor line (a DOM Range over the line's text). */
async function wordCentre(wb: Workbench, text: string): Promise<{ x: number; y: number }> {
  const box = await wb.page.evaluate((needle) => {
    for (const line of Array.from(document.querySelectorAll('.monaco-editor .view-line'))) {
      const content = (line.textContent ?? '').replace(/\u00a0/g, ' ');
      const index = content.indexOf(needle);
      if (index < 0) continue;
      const mid = index + Math.floor(needle.length / 2);
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const len = node.textContent?.length ?? 0;
        if (mid < offset + len) {
          const range = document.createRange();
          range.setStart(node, mid - offset);
          range.setEnd(node, mid - offset + 1);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        offset += len;
      }
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not on a visible editor line`);
  return box;
}

/**
 * Rests the mouse on `text` in the editor until the hover shows `expect`; returns the hover's text. As a person does
 * when nothing shows up (e.g. the extension was still activating when the mouse arrived: VS Code asks the hover
 * providers once per mouse rest), it moves the mouse away and back and waits again, until `totalMs`.
 */
export async function hoverUntil(
  wb: Workbench,
  text: string,
  expect: string,
  { attemptMs = 5000, totalMs = 30_000 } = {},
): Promise<string> {
  const deadline = Date.now() + totalMs;
  for (let attempt = 1; ; attempt++) {
    const at = await wordCentre(wb, text);
    await wb.page.mouse.move(1, 1);
    await wb.page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.monaco-hover:not(.hidden)')).every(
        (el) => el.getClientRects().length === 0 || !el.innerText.trim(),
      ),
    );
    await wb.page.mouse.move(at.x, at.y, { steps: 2 });
    try {
      await wb.page.waitForFunction(
        (want) =>
          Array.from(document.querySelectorAll<HTMLElement>('.monaco-hover:not(.hidden)')).some(
            (el) => el.getClientRects().length > 0 && el.innerText.includes(want),
          ),
        expect,
        { timeout: Math.max(1000, Math.min(attemptMs, deadline - Date.now())) },
      );
      break;
    } catch (err) {
      if (Date.now() >= deadline) throw err;
      console.log(
        `hover over "${text}": no "${expect}" after attempt ${attempt}; moving the mouse away and back`,
      );
    }
  }
  return wb.page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.monaco-hover:not(.hidden)'))
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => el.innerText.trim())
      .filter(Boolean)
      .join('\n'),
  );
}
