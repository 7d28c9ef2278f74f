// Test-only extensions of test/fixtures (e.g. the debugpy adapter), packed into a throwaway .vsix so code-server
// installs them alongside the extension under test.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './paths';

export function packFixtureExtension(name: string): string {
  const root = repoRoot();
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'activation-lens-fixture-')), `${name}.vsix`);
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--skip-license',
      '-o',
      out,
    ],
    { cwd: path.join(root, 'test', 'fixtures', name), stdio: 'ignore' },
  );
  return out;
}
