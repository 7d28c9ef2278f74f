// The web layer's extension-host entry: VS Code for the Web loads this bundle (out/test/web/index.js) in its web
// worker extension host and awaits run(). It runs the web-relevant part of the extension-host suite (the same files
// as layer 2: commands, hover provider and evaluation, side panel, every surface's result) plus the web-only checks, with Mocha's browser
// build, and prints one WEB-SUMMARY line for scripts/test.mjs.
import './mochaSetup';
import './webHost.web.test';
import '../integration/commands.integration.test';
import '../integration/hover.integration.test';
import '../integration/sidePanel.integration.test';
import '../integration/surfaces.integration.test';

export const SUITE_FILES = 5;

/**
 * Tests of the shared suite this host cannot run, with the reason; reported as pending (never silently dropped).
 * The 1.91 web build's built-in TypeScript server cannot map vscode-test-web:// files ("Scheme contains illegal
 * characters") and never answers, so vscode.executeHoverProvider, which awaits every provider, never returns on a
 * .js file. The web UI test (test/web/ui) reads the TF.js hover in the workbench instead, where hovers render as
 * each provider answers.
 */
const JS_HOVER = 'vscode.executeHoverProvider never returns on .js files here (see test/web/index.ts)';
const NOT_IN_THIS_HOST: Array<[RegExp, string]> = [
  [/^JavaScript: TF\.js calls print as TF\.js prints$/, JS_HOVER],
  [/^equality_cases\.js /, JS_HOVER],
];

function markNotInThisHost(suite: Mocha.Suite): void {
  for (const t of suite.tests) {
    const reason = NOT_IN_THIS_HOST.find(([title]) => title.test(t.title))?.[1];
    if (reason) {
      t.pending = true;
      console.log(`[web] pending in the web host: "${t.title}": ${reason}`);
    }
  }
  for (const child of suite.suites) markNotInThisHost(child);
}

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      markNotInThisHost(mocha.suite);
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        console.log(
          `WEB-SUMMARY passed=${stats.passes} failed=${stats.failures} pending=${stats.pending} files=${SUITE_FILES}`,
        );
        if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
        else resolve();
      });
    } catch (err) {
      console.log(`WEB-SUMMARY passed=0 failed=1 pending=0 files=${SUITE_FILES}`);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
