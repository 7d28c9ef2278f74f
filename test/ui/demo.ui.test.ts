// Issue 13.15, layer 3: `npm run demo` (code-server) stops cleanly however it is signalled — SIGINT sent to npm
// alone (as `kill -INT` does to a demo started in the background; Ctrl+C in a terminal signals the whole group), and
// npm killed outright. Stopped means: npm exits, code-server's port closes, no process of the demo is left.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import { describe, it } from 'node:test';
import { repoRoot } from '../harness/paths';

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Whether any process of the group still exists. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(
  what: string,
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts `npm run demo -- --code-server --port=N` in its own process group; resolves once it printed its URL. */
async function startDemo(port: number): Promise<{ npm: ChildProcess; output: () => string }> {
  const npm = spawn('npm', ['run', 'demo', '--', '--code-server', `--port=${port}`], {
    cwd: repoRoot(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let output = '';
  npm.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  npm.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await until('the demo to print its URL', () => output.includes('open that URL'), 180_000);
    await until('code-server to listen', () => listening(port), 30_000);
  } catch (err) {
    if (npm.pid) process.kill(-npm.pid, 'SIGKILL');
    throw new Error(`${(err as Error).message}\n${output}`);
  }
  return { npm, output: () => output };
}

async function assertStopped(npm: ChildProcess, port: number, output: () => string): Promise<void> {
  const pgid = npm.pid as number;
  try {
    await until('npm to exit', () => npm.exitCode !== null || npm.signalCode !== null, 20_000);
    await until("code-server's port to close", async () => !(await listening(port)), 20_000);
    await until('every process of the demo to end', () => !groupAlive(pgid), 20_000);
  } catch (err) {
    if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
    throw new Error(`${(err as Error).message}\n${output()}`);
  }
}

void describe('npm run demo stops however it is signalled (issue 13.15)', () => {
  void it('SIGINT to npm alone stops the demo and its code-server', { timeout: 240_000 }, async () => {
    const port = await freePort();
    const { npm, output } = await startDemo(port);
    process.kill(npm.pid as number, 'SIGINT');
    await assertStopped(npm, port, output);
    assert.match(output(), /\[demo\] SIGINT: stopped code-server/);
  });

  void it(
    'npm killed outright (SIGKILL): the demo notices and stops its code-server',
    { timeout: 240_000 },
    async () => {
      const port = await freePort();
      const { npm, output } = await startDemo(port);
      process.kill(npm.pid as number, 'SIGKILL');
      await assertStopped(npm, port, output);
    },
  );
});
