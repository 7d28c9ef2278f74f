// Layer 2: runs the extension-host suite (out/test/integration/index.js, Mocha) inside a real VS Code — code-server
// driven by Chromium — with the fixture workspace open and this repository loaded as the extension under
// development. Prints the suite's log and exits with its exit code.
//   node out/test/harness/runIntegration.js            (after node scripts/esbuild.mjs)
//   INTEGRATION_TIMEOUT_MS=600000 node out/test/harness/runIntegration.js
//   INTEGRATION_LOCALE=zh-cn node out/test/harness/runIntegration.js      (VS Code in another display language)
//   INTEGRATION_GREP='side panel' node out/test/harness/runIntegration.js (only matching tests; read by index.ts)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suiteOutcome } from './suiteOutcome';
import { Workbench } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { packFixtureExtension } from './fixtureExtensions';
import { fixtureWorkspace, integrationSuitePath, repoRoot } from './paths';

const TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 5 * 60_000);

async function main(): Promise<number> {
  const root = repoRoot();
  const suite = integrationSuitePath();
  for (const needed of [suite, path.join(root, 'dist', 'extension.js')]) {
    if (!fs.existsSync(needed)) {
      console.error(
        `[integration] ${path.relative(root, needed)} is missing: run node scripts/esbuild.mjs first`,
      );
      return 1;
    }
  }
  const started = Date.now();
  let server: CodeServer | undefined;
  let browser: Workbench | undefined;
  let dispose: () => void = () => undefined;
  try {
    server = await startCodeServer({
      workspace: fixtureWorkspace(),
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      vsix: [packFixtureExtension('debugpy-adapter')],
      locale: process.env.INTEGRATION_LOCALE || undefined,
    });
    browser = await Workbench.launch();
    const page = browser.page;

    const run = await suiteOutcome(browser, 'integration', TIMEOUT_MS, 'extension host');
    dispose = run.dispose;

    console.log(`[integration] code-server ${server.origin} (pid ${server.pid}); loading the suite`);
    await page.goto(server.workbenchUrl());
    const code = await run.outcome;
    console.log(`[integration] exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (code !== 0 && code !== 124) {
      for (const e of browser.consoleErrors()) console.error(`[integration] page: ${e}`);
    }
    return code;
  } finally {
    dispose();
    await browser?.close().catch((e: unknown) => console.error('[integration] closing the browser:', e));
    await server?.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error('[integration] harness error:', err);
    process.exitCode = 1;
  },
);
