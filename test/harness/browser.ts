// Drives the VS Code workbench in Debian's Chromium (playwright-core) the way a person does: keyboard and mouse,
// the palette, Quick Open, QuickPicks, hovers, webviews. Every wait is for a condition, never a fixed delay.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { artifactsDir, TEMP_PREFIX } from './paths';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// Profiles of browsers still open: removed when the process exits, however it exits. The handler is installed
// after the first launch so that it runs after Playwright's own 'exit' handler has killed the browsers.
const liveProfiles = new Set<string>();
let exitCleanupInstalled = false;
function installExitCleanup(): void {
  if (exitCleanupInstalled) return;
  exitCleanupInstalled = true;
  process.on('exit', () => {
    for (const dir of liveProfiles) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  });
}

export interface BrowserOptions {
  /** Default true; HEADED=1 in the environment shows the window (needs a display). */
  headless?: boolean;
  viewport?: { width: number; height: number };
  /** Default timeout of every wait, in ms (default 20 s). */
  timeoutMs?: number;
  /** Browser UI language, e.g. 'zh-CN'. */
  locale?: string;
  /**
   * Allow third-party cookies in the profile. VS Code for the Web serves webviews from another origin
   * ({{uuid}}.localhost); without this Chromium refuses their service worker and no webview loads.
   */
  allowThirdPartyCookies?: boolean;
}

/** Console messages that are expected noise in code-server, not bugs of the extension. */
const CONSOLE_NOISE = [
  /vsda/i, // the signing module is not shipped with code-server: 404s
  /Failed to load resource: the server responded with a status of 404/,
  /\/dev\/shm/,
  /marketplace|gallery/i,
];

export interface LocateResult {
  /** 1-based line number. */
  line: number;
  /** 1-based column of the first character (as VS Code's status bar counts). */
  column: number;
}

/**
 * Where `needle` is in `text`: on the first line that contains `lineContaining` (when given) and `needle`.
 * Pure, so tests compute positions from the fixture file they opened.
 */
export function locate(text: string, needle: string, lineContaining?: string): LocateResult {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (lineContaining !== undefined && !line.includes(lineContaining)) continue;
    const index = line.indexOf(needle);
    if (index >= 0) return { line: i + 1, column: index + 1 };
  }
  throw new Error(
    `"${needle}" not found${lineContaining ? ` on a line containing "${lineContaining}"` : ''}`,
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Workbench {
  readonly consoleMessages: string[] = [];
  private readonly errors: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly profileDir: string,
    readonly timeoutMs: number,
  ) {
    const record = (where: string, text: string): void => {
      this.consoleMessages.push(`${where}: ${text}`);
    };
    page.on('console', (msg) => {
      record(`console.${msg.type()}`, msg.text());
      if (msg.type() === 'error') this.errors.push(msg.text());
    });
    page.on('pageerror', (err) => {
      record('pageerror', err.message);
      this.errors.push(`pageerror: ${err.message}`);
    });
  }

  /** Launches Chromium with a throwaway profile (and HOME) and one page. */
  static async launch(options: BrowserOptions = {}): Promise<Workbench> {
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), TEMP_PREFIX + 'chromium-'));
    liveProfiles.add(profileDir);
    const home = path.join(profileDir, 'home');
    fs.mkdirSync(home);
    const timeoutMs = options.timeoutMs ?? 20_000;
    const userDataDir = path.join(profileDir, 'profile');
    if (options.allowThirdPartyCookies) {
      fs.mkdirSync(path.join(userDataDir, 'Default'), { recursive: true });
      fs.writeFileSync(
        path.join(userDataDir, 'Default', 'Preferences'),
        JSON.stringify({ profile: { block_third_party_cookies: false, cookie_controls_mode: 0 } }),
      );
    }
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: options.headless ?? process.env.HEADED !== '1',
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1600, height: 1000 },
      locale: options.locale,
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        XDG_CACHE_HOME: path.join(home, '.cache'),
      },
    });
    installExitCleanup();
    context.setDefaultTimeout(timeoutMs);
    const page = context.pages()[0] ?? (await context.newPage());
    return new Workbench(context, page, profileDir, timeoutMs);
  }

  /** Closes the browser and removes its profile. Safe to call twice. */
  async close(): Promise<void> {
    try {
      await this.context.close();
    } finally {
      fs.rmSync(this.profileDir, { recursive: true, force: true });
      liveProfiles.delete(this.profileDir);
    }
  }

  /** Console errors and page errors so far, less the known code-server noise. */
  consoleErrors(): string[] {
    return this.errors.filter((e) => !CONSOLE_NOISE.some((re) => re.test(e)));
  }

  /** Opens the workbench URL and waits until it is ready for input. */
  async openWorkbench(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitForWorkbench();
  }

  /** Ready: the workbench is laid out (status bar, editor part) and no progress is shown in the title bar. */
  async waitForWorkbench(): Promise<void> {
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible' });
    await this.page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible' });
    await this.page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible' });
  }

  // ---- quick input (palette, Quick Open, QuickPicks) ----

  private get quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  /** The text box of the quick input (1.91's widget also holds checkbox inputs). */
  private get quickInputBox() {
    return this.quickInput.locator('.quick-input-box input');
  }

  private quickRow(label: string | RegExp) {
    const re = typeof label === 'string' ? new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`, 'i') : label;
    return this.quickInput
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: re }) });
  }

  /** Opens the command palette, types the title, waits for that command's row and runs it. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.quickInputBox;
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    // The row's label is the title, possibly with an ellipsis ("Plot Selection…").
    const row = this.quickRow(new RegExp(`^\\s*${escapeRegExp(title)}(…|\\.\\.\\.)?\\s*$`, 'i')).first();
    await row.waitFor({ state: 'visible' });
    await row.click();
    // Done when the palette has gone: hidden, or replaced by the command's own QuickPick / InputBox.
    await this.page.waitForFunction(() => {
      const widget = document.querySelector<HTMLElement>('.quick-input-widget');
      const input = widget?.querySelector<HTMLInputElement>('.quick-input-box input');
      return !widget || widget.style.display === 'none' || !input?.value.startsWith('>');
    });
  }

  /** Waits for the QuickPick that is showing to list `label` and picks it (by click, as a person does). */
  async pickQuickItem(label: string | RegExp): Promise<void> {
    const row = this.quickRow(label).first();
    await row.waitFor({ state: 'visible' });
    await row.click();
  }

  /** The labels of the QuickPick currently showing (waits for it to have at least one row). */
  async quickItems(): Promise<string[]> {
    const rows = this.quickInput.locator('.quick-input-list .monaco-list-row .label-name');
    await rows.first().waitFor({ state: 'visible' });
    return rows.allInnerTexts();
  }

  /** Types into the input box that is showing (a QuickPick filter or an InputBox) and presses Enter. */
  async answerInput(text: string): Promise<void> {
    const input = this.quickInputBox;
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    await input.press('Enter');
  }

  // ---- editors ----

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor to be active and focused. */
  async openFile(relativePath: string): Promise<void> {
    const base = path.posix.basename(relativePath);
    await this.page.keyboard.press('Control+P');
    const input = this.quickInputBox;
    await input.waitFor({ state: 'visible' });
    await input.fill(relativePath);
    const row = this.quickInput
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(base)}$`) }) })
      .first();
    await row.waitFor({ state: 'visible' });
    await input.press('Enter');
    await this.page
      .locator('.editor-group-container.active .tab.active', { hasText: base })
      .waitFor({ state: 'visible' });
    await this.page
      .locator('.editor-group-container.active .monaco-editor.focused')
      .waitFor({ state: 'visible' });
  }

  /** Clicks the editor tab labelled `name` (in whichever group shows it) and waits for its editor to be focused. */
  async focusTab(name: string): Promise<void> {
    const tab = this.page.locator('.tab', { hasText: name }).first();
    await tab.click();
    await this.page
      .locator('.editor-group-container.active .tab.active', { hasText: name })
      .waitFor({ state: 'visible' });
    const editor = this.page.locator('.editor-group-container.active .monaco-editor');
    if ((await editor.count()) > 0) {
      await this.page
        .locator('.editor-group-container.active .monaco-editor.focused')
        .waitFor({ state: 'visible' });
    }
  }

  /** The active editor's status-bar selection text, e.g. "Ln 3, Col 42 (27 selected)". */
  async selectionStatus(): Promise<string> {
    return this.page.locator('[id="status.editor.selection"]').innerText();
  }

  /**
   * Selects columns [startColumn, endColumn) of `line` (1-based, as the status bar counts) in the active editor:
   * Ctrl+G to go to line:column, then Shift+Right. Waits for the status bar to confirm the selection.
   */
  async selectText(line: number, startColumn: number, endColumn: number): Promise<void> {
    await this.goToLine(line, startColumn);
    const length = endColumn - startColumn;
    for (let i = 0; i < length; i++) await this.page.keyboard.press('Shift+ArrowRight');
    await this.page
      .locator('[id="status.editor.selection"]', {
        hasText: new RegExp(`Ln ${line}, Col ${endColumn} \\(${length} selected\\)`),
      })
      .waitFor({ state: 'visible' });
  }

  /** Selects the whole of `line` (without its line break). */
  async selectLine(line: number): Promise<void> {
    await this.goToLine(line, 1);
    await this.page.keyboard.press('Shift+End');
    await this.page
      .locator('[id="status.editor.selection"]', {
        hasText: new RegExp(`Ln ${line}, Col \\d+ \\(\\d+ selected\\)`),
      })
      .waitFor({ state: 'visible' });
  }

  /** Selects `needle` in the active editor, whose content is `fileText` (on the line containing `lineContaining`). */
  async selectSubstring(fileText: string, needle: string, lineContaining?: string): Promise<LocateResult> {
    const at = locate(fileText, needle, lineContaining);
    await this.selectText(at.line, at.column, at.column + needle.length);
    return at;
  }

  /** Moves the cursor to line:column with Go to Line (Ctrl+G) and waits until the status bar shows it. */
  async goToLine(line: number, column = 1): Promise<void> {
    await this.page
      .locator('.editor-group-container.active .monaco-editor')
      .first()
      .waitFor({ state: 'visible' });
    await this.page.keyboard.press('Control+G');
    const input = this.quickInputBox;
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`); // ":" is the Go to Line prefix
    await input.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden' });
    await this.page
      .locator('[id="status.editor.selection"]', {
        hasText: new RegExp(`^\\s*Ln ${line}, Col ${column}\\s*$`),
      })
      .waitFor({ state: 'visible' });
  }

  // ---- hovers ----

  /**
   * Moves the mouse over the first occurrence of `text` in the visible editor lines and returns the hover's text
   * once it has content (and matches `expect`, when given).
   */
  async hoverText(text: string, expect?: string | RegExp, occurrence = 0): Promise<string> {
    const box = await this.page.evaluate(
      ({ needle, nth }) => {
        let seen = 0;
        for (const line of Array.from(document.querySelectorAll('.monaco-editor .view-line'))) {
          const content = (line.textContent ?? '').replace(/\u00a0/g, ' ');
          let from = 0;
          for (;;) {
            const index = content.indexOf(needle, from);
            if (index < 0) break;
            if (seen++ === nth) {
              // Map the character offsets onto the line's text nodes with a DOM Range.
              const range = document.createRange();
              const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
              let offset = 0;
              let started = false;
              const mid = index + Math.floor(needle.length / 2);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const len = node.textContent?.length ?? 0;
                if (!started && mid < offset + len) {
                  range.setStart(node, mid - offset);
                  range.setEnd(node, mid - offset + 1);
                  started = true;
                  break;
                }
                offset += len;
              }
              const r = range.getBoundingClientRect();
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            }
            from = index + 1;
          }
        }
        return null;
      },
      { needle: text, nth: occurrence },
    );
    if (!box) throw new Error(`"${text}" is not on a visible editor line`);
    // Start from a neutral place so the hover is triggered afresh.
    await this.page.mouse.move(1, 1);
    await this.page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.monaco-hover:not(.hidden)')).every(
        (el) => el.getClientRects().length === 0 || !el.innerText.trim(),
      ),
    );
    await this.page.mouse.move(box.x, box.y, { steps: 2 });
    // Wait for content: matching `expect` when given, else anything but a bare "Loading...".
    const pattern =
      expect === undefined ? null : typeof expect === 'string' ? escapeRegExp(expect) : expect.source;
    const flags = expect instanceof RegExp ? expect.flags : '';
    await this.page.waitForFunction(
      ({ source, reFlags }) => {
        return Array.from(document.querySelectorAll<HTMLElement>('.monaco-hover:not(.hidden)')).some((el) => {
          const t = el.getClientRects().length > 0 ? el.innerText.trim() : '';
          if (!t) return false;
          return source === null ? !/^loading\.\.\.$/i.test(t) : new RegExp(source, reFlags).test(t);
        });
      },
      { source: pattern, reFlags: flags },
      { timeout: this.timeoutMs },
    );
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.monaco-hover:not(.hidden)'))
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => el.innerText.trim())
        .filter(Boolean)
        .join('\n'),
    );
  }

  // ---- webviews ----

  /**
   * The content frame of a visible webview: `iframe.webview.ready` → `iframe#active-frame`. With two webviews
   * (the chart panel in the editor area and the side view), pick by `kind` ('panel' | 'view') and/or by a selector
   * the content must contain. Waits until such a frame exists.
   */
  async webviewFrame(options: { kind?: 'panel' | 'view'; contains?: string } = {}): Promise<Frame> {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const frames = this.page.locator('iframe.webview.ready');
      const count = await frames.count();
      for (let i = 0; i < count; i++) {
        const outer = frames.nth(i);
        if (!(await outer.isVisible().catch(() => false))) continue;
        const src = (await outer.getAttribute('src').catch(() => null)) ?? '';
        const isView = /[?&]purpose=webviewView\b/.test(src);
        if (options.kind === 'view' && !isView) continue;
        if (options.kind === 'panel' && isView) continue;
        const handle = await outer.elementHandle().catch(() => null);
        const outerFrame = await handle?.contentFrame();
        const inner = outerFrame ? await outerFrame.$('iframe#active-frame').catch(() => null) : null;
        const frame = inner ? await inner.contentFrame() : null;
        if (!frame) continue;
        if (options.contains && !(await frame.$(options.contains).catch(() => null))) continue;
        return frame;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `no visible webview${options.kind ? ` (${options.kind})` : ''}${options.contains ? ` containing ${options.contains}` : ''} within ${this.timeoutMs} ms`,
        );
      }
      await this.page.waitForTimeout(100); // poll interval of a condition wait
    }
  }

  /** A FrameLocator for the first visible webview's content (auto-waiting, for simple cases). */
  webviewLocator(): FrameLocator {
    return this.page
      .locator('iframe.webview.ready')
      .first()
      .contentFrame()
      .locator('iframe#active-frame')
      .contentFrame();
  }

  // ---- artifacts ----

  /** Saves a screenshot of the whole workbench to test-artifacts/screenshots/NAME.png; returns its path. */
  async screenshot(name: string): Promise<string> {
    const file = path.join(artifactsDir('screenshots'), `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
