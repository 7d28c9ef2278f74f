// The packaged extension works: `npm run package`'s vsix installs into code-server with --install-extension
// (no development path), and a person can plot the seed's relu line with it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Workbench } from '../harness/browser';
import { startCodeServer, type CodeServer } from '../harness/codeServer';
import { fixtureWorkspace, repoRoot } from '../harness/paths';
import { VSCE_PACKAGE_ARGS } from '../../bench/bundleSizes';

const RELU_PRINT = 'tf.Tensor([0. 0. 0. 0. 1. 2. 3.], shape=(7,), dtype=float32)';

let server: CodeServer | undefined;
let wb: Workbench | undefined;
let vsixDir: string | undefined;

void describe('the packaged vsix', () => {
  before(
    async () => {
      vsixDir = fs.mkdtempSync(path.join(os.tmpdir(), 'activation-lens-vsix-'));
      const vsix = path.join(vsixDir, 'activation-lens.vsix');
      // The same command as `npm run package` (its prepublish step makes the production build), into a temp file.
      execFileSync(
        process.execPath,
        [
          path.join(repoRoot(), 'node_modules', '@vscode', 'vsce', 'vsce'),
          'package',
          ...VSCE_PACKAGE_ARGS,
          '--out',
          vsix,
        ],
        { cwd: repoRoot(), stdio: 'pipe' },
      );
      server = await startCodeServer({ workspace: fixtureWorkspace(), vsix: [vsix] });
      wb = await Workbench.launch();
      await wb.openWorkbench(server.workbenchUrl({ extensionDevelopmentPath: null }));
    },
    { timeout: 180_000 },
  );

  after(async () => {
    await wb?.close();
    await server?.stop();
    if (vsixDir) fs.rmSync(vsixDir, { recursive: true, force: true });
    // Put the development build back (the package step left the minified production build in dist/).
    execFileSync(process.execPath, [path.join(repoRoot(), 'scripts', 'esbuild.mjs')], {
      cwd: repoRoot(),
      stdio: 'pipe',
    });
  });

  void it('is installed in the extensions folder, not loaded from the source tree', () => {
    const installed = fs
      .readdirSync(server!.dirs.extensions)
      .filter((d) => d.startsWith('activation-lens.activation-lens-'));
    assert.equal(
      installed.length,
      1,
      `extensions folder holds: ${fs.readdirSync(server!.dirs.extensions).join(', ')}`,
    );
    const files = fs
      .readdirSync(path.join(server!.dirs.extensions, installed[0]!), { recursive: true })
      .map(String);
    for (const needed of [
      'dist/extension.js',
      'dist/host/extension.mjs',
      'dist/walkthrough/seed_examples.py',
      'dist/webview.js',
      'media/webview.css',
      'package.nls.zh-cn.json',
    ]) {
      assert.ok(files.includes(needed), `${needed} missing from the installed extension`);
    }
    // The chunks the host graph loads on first use are packed too (the lazy resolver among them).
    assert.ok(
      files.some((f) => /^dist\/host\/chunks\/resolver-\w+\.mjs$/.test(f)),
      `no resolver chunk in ${files.filter((f) => f.startsWith('dist/host')).join(', ')}`,
    );
    for (const leaked of files.filter(
      (f) => /^(src|test|webview|scripts|node_modules)\//.test(f) || f.endsWith('.map'),
    )) {
      assert.fail(`development file shipped in the vsix: ${leaked}`);
    }
  });

  void it(
    'plots the seed relu line from the palette with the installed extension',
    { timeout: 120_000 },
    async () => {
      const w = wb!;
      const seedText = fs.readFileSync(path.join(fixtureWorkspace(), 'seed.py'), 'utf8');
      await w.openFile('seed.py');
      await w.selectSubstring(seedText, '[-3.,-2.,-1.,0.0,1.,2.,3.]', 'tf.nn.relu(');
      await w.runCommand('Activation Lens: Plot Selection');
      await w.pickQuickItem(/^\s*relu\s*$/i);
      const frame = await w.webviewFrame({ kind: 'panel', contains: 'pre#printed-output' });
      await frame.waitForFunction(
        (expected) =>
          (document.querySelector('pre#printed-output')?.textContent ?? '').replace(/\s+/g, ' ').trim() ===
          expected,
        RELU_PRINT,
      );
      await w.screenshot('vsix-installed-relu');
      assert.deepEqual(w.consoleErrors(), []);
    },
  );
});
