// `npm run demo`: builds the extension and opens it, unpacked, in a real VS Code on the examples/ workspace.
//   - desktop VS Code (`code` on PATH): code --extensionDevelopmentPath=<repo> examples
//   - otherwise (or with --code-server): the local code-server (scripts/install-code-server.sh) on 127.0.0.1,
//     with the extension loaded through the workbench URL's payload; prints the URL to open. Ctrl+C stops it, and so
//     do SIGINT / SIGTERM / SIGHUP to npm or to this script, and the death of npm.
// On a fresh clone it first installs what it needs: the npm packages (npm ci) and, for code-server, the Debian
// packages (scripts/install-system-deps.sh) and code-server itself.
// Options: --code-server (force code-server), --port=N (default: PORT or a free port).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const examples = path.join(root, 'examples');
const args = process.argv.slice(2);
const portArg = args.find((a) => a.startsWith('--port='));
const port = portArg
  ? Number(portArg.slice('--port='.length))
  : process.env.PORT
    ? Number(process.env.PORT)
    : undefined;

function mustRun(command, commandArgs) {
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[demo] ${command} ${commandArgs.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;

if (!existsSync(path.join(root, 'node_modules', 'esbuild'))) {
  console.log('[demo] first run: installing the npm packages (npm ci)');
  mustRun('npm', ['ci', '--no-audit', '--no-fund']);
}
mustRun(process.execPath, ['scripts/esbuild.mjs']);

if (hasCode && !args.includes('--code-server')) {
  console.log(`[demo] code --extensionDevelopmentPath=${root} ${examples}`);
  const child = spawn('code', [`--extensionDevelopmentPath=${root}`, examples], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  mustRun('bash', ['scripts/install-system-deps.sh']);
  mustRun('bash', ['scripts/install-code-server.sh']);
  // The harness's launcher: own process group, throwaway HOME / user data, killed on exit and on Ctrl+C.
  const { startCodeServer } = createRequire(import.meta.url)(
    path.join(root, 'out/test/harness/codeServer.js'),
  );
  const server = await startCodeServer({ workspace: examples, extensionDevelopmentPath: root, port });
  console.log('\n[demo] VS Code (code-server) with Activation Lens loaded from this checkout, on examples/:');
  console.log(`\n  ${server.workbenchUrl()}\n`);
  console.log('[demo] open that URL in a browser on this machine. Ctrl+C stops the server.');
  // The harness kills the server's process group and removes its folders on Ctrl+C / SIGTERM, then exits.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => console.log(`\n[demo] ${signal}: stopped code-server (pid ${server.pid}).`));
  }
  // `npm run demo` execs this script (package.json), so npm's forwarded SIGINT / SIGTERM reach it even when it runs
  // in the background (a `sh -c` in between would swallow them). If the parent dies without a signal (SIGKILL),
  // this process is re-parented: stop then too, rather than leave code-server running.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      console.log(`\n[demo] parent process ${parent} is gone: stopping.`);
      process.kill(process.pid, 'SIGTERM');
    }
  }, 1000);
}
