// Where things are, whether this runs from test/harness/*.ts (tsx, editor) or from the bundle in out/test/*/.
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRootAbove(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string };
      if (pkg.name === 'activation-lens') return dir;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The repository root: the nearest folder above this file (or else the working directory) that is the extension's. */
export function repoRoot(): string {
  const root = findRootAbove(__dirname) ?? findRootAbove(process.cwd());
  if (!root) throw new Error(`activation-lens package.json not found above ${__dirname} or ${process.cwd()}`);
  return root;
}

/** The fixture workspace the integration and UI tests open. */
export function fixtureWorkspace(): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'workspace');
}

/** The bundled integration suite entry (built by scripts/esbuild.mjs). */
export function integrationSuitePath(): string {
  return path.join(repoRoot(), 'out', 'test', 'integration', 'index.js');
}

/** Git-ignored folder for screenshots and other things a person may want to look at after a run. */
export function artifactsDir(...sub: string[]): string {
  const dir = path.join(repoRoot(), 'test-artifacts', ...sub);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Prefix of every throwaway folder the harness makes under os.tmpdir(); scripts/test.mjs looks for leftovers by it. */
export const TEMP_PREFIX = 'activation-lens-harness-';
