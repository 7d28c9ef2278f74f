// The extension-host test entry (the @vscode/test-electron contract): VS Code loads this module in its extension
// host and awaits run(). It runs every *.integration.test.js bundle beside it with Mocha (BDD) and rejects when a
// test fails. Used by test/harness/runIntegration.ts (code-server) and test/harness/runElectron.ts (desktop).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 30_000,
    // Tests share one VS Code window: run them one after another, never retried (a flaky test is a failing test).
    retries: 0,
    // INTEGRATION_GREP reaches the extension host through code-server's environment (runIntegration.ts).
    ...(process.env.INTEGRATION_GREP ? { grep: process.env.INTEGRATION_GREP } : {}),
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.integration.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        // One machine-readable line for scripts/test.mjs to count.
        console.log(
          `INTEGRATION-SUMMARY passed=${stats.passes} failed=${stats.failures} pending=${stats.pending} files=${files.length}`,
        );
        if (files.length === 0) reject(new Error(`no *.integration.test.js files in ${__dirname}`));
        else if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      console.log(`INTEGRATION-SUMMARY passed=0 failed=1 pending=0 files=${files.length}`);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
