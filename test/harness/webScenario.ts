// A person's session in VS Code for the Web (offline, test/harness/vscodeWeb.ts) driven through Debian's Chromium:
// open the workbench on the fixture folder, plot from the palette, wait for the chart to be drawn. Shared by the web
// UI test (test/web/ui) and `npm run bench` (the time from the command to the drawn chart).
import type { Frame } from 'playwright-core';
import { Workbench } from './browser';
import { fixtureWorkspace, repoRoot } from './paths';
import { startWebServer, type WebServer } from './vscodeWeb';

export interface WebSession {
  server: WebServer;
  wb: Workbench;
  stop(): Promise<void>;
}

/** Serves the web build with this repository as the extension under development and opens it in Chromium. */
export async function startWebSession(): Promise<WebSession> {
  const server = await startWebServer({
    folderPath: fixtureWorkspace(),
    extensionDevelopmentPath: repoRoot(),
  });
  let wb: Workbench | undefined;
  try {
    wb = await Workbench.launch({ allowThirdPartyCookies: true, timeoutMs: 30_000 });
    await wb.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await wb.openWorkbench(server.origin);
  } catch (err) {
    await wb?.close().catch(() => undefined);
    server.stop();
    throw err;
  }
  const browser = wb;
  return {
    server,
    wb: browser,
    stop: async () => {
      await browser.close().catch(() => undefined);
      server.stop();
    },
  };
}

/**
 * Waits until the chart panel's main chart is drawn: its accessible description is set and its canvas has
 * painted pixels. Returns the chart panel's frame.
 */
export async function waitForDrawnChart(wb: Workbench): Promise<Frame> {
  const frame = await wb.webviewFrame({ kind: 'panel', contains: 'canvas#main-chart' });
  await frame.waitForFunction(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas#main-chart');
    if (!canvas?.getAttribute('aria-label') || canvas.width === 0 || canvas.height === 0) return false;
    const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (!pixels) return false;
    // Any painted (non-transparent) pixel, sampling every 61st: the axes alone give thousands.
    for (let i = 3; i < pixels.length; i += 4 * 61) if (pixels[i] !== 0) return true;
    return false;
  });
  return frame;
}

/**
 * With the text `selected` already selected in the editor: runs "Activation Lens: Plot Selection" from the palette,
 * picks `activation` (a QuickPick row label) and waits for the drawn chart. `millis` runs from the pick (the
 * command's last input) to the drawn chart.
 */
export async function plotFromPalette(
  wb: Workbench,
  activation: RegExp,
): Promise<{ frame: Frame; millis: number }> {
  await wb.runCommand('Activation Lens: Plot Selection');
  const started = performance.now();
  await wb.pickQuickItem(activation);
  const frame = await waitForDrawnChart(wb);
  return { frame, millis: performance.now() - started };
}

/**
 * Opens a file of the mounted folder from the Explorer (a double click, so not as a preview) and waits for its
 * editor to be active and focused. Quick Open cannot find files here: the web build has no file search for the
 * virtual file system, only recently opened files.
 */
export async function openFromExplorer(wb: Workbench, name: string): Promise<void> {
  const row = wb.page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({
      has: wb.page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }),
    })
    .first();
  await row.waitFor({ state: 'visible' });
  await row.dblclick();
  await wb.page
    .locator('.editor-group-container.active .tab.active', { hasText: name })
    .waitFor({ state: 'visible' });
  // The Explorer keeps the focus after the double click: click into the text, as a person would.
  await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await wb.page
    .locator('.editor-group-container.active .monaco-editor.focused')
    .waitFor({ state: 'visible' });
}
