// The same extension-host suite as runIntegration.ts, through @vscode/test-electron on a desktop VS Code
// (downloads VS Code into .vscode-test/ on first use, so it needs internet; it cannot run on the offline CI machine,
// where runIntegration.ts runs the suite in code-server instead).
//   npm run test:electron                              (VS Code 1.100.3, the oldest engines.vscode accepts)
//   VSCODE_VERSION=stable npm run test:electron
//   VSCODE_EXECUTABLE=/usr/share/code/code npm run test:electron     (an installed VS Code, no download)
import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixtureWorkspace, integrationSuitePath, repoRoot, TEMP_PREFIX } from './paths';

async function main(): Promise<number> {
  const root = repoRoot();
  const suite = integrationSuitePath();
  if (!fs.existsSync(suite)) {
    console.error(`[electron] ${path.relative(root, suite)} is missing: run node scripts/esbuild.mjs first`);
    return 1;
  }
  // Throwaway profile, as in the code-server run: no user settings or extensions leak into the tests.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), TEMP_PREFIX + 'electron-'));
  try {
    return await runTests({
      ...(process.env.VSCODE_EXECUTABLE
        ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE }
        : { version: process.env.VSCODE_VERSION ?? '1.100.3' }),
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      // The suite's own options (see runIntegration.ts) reach the extension host here too.
      extensionTestsEnv: {
        INTEGRATION_LOCALE: process.env.INTEGRATION_LOCALE,
        INTEGRATION_GREP: process.env.INTEGRATION_GREP,
      },
      launchArgs: [
        fixtureWorkspace(),
        ...(process.env.INTEGRATION_LOCALE ? ['--locale', process.env.INTEGRATION_LOCALE] : []),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(profile, 'user-data'),
        '--extensions-dir',
        path.join(profile, 'extensions'),
      ],
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error('[electron] could not run the suite:', err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
