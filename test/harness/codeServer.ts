// Starts a real VS Code (code-server 4.100.3, installed by scripts/install-code-server.sh) on a free loopback
// port, isolated from the machine: its own process group, throwaway HOME / XDG / user-data / extensions folders,
// no marketplace. Every server started here is stopped when the process exits, is interrupted or crashes.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Socket } from 'node:net';
import { repoRoot, TEMP_PREFIX } from './paths';

export const CODE_SERVER_VERSION = '4.100.3';

export interface CodeServerOptions {
  /** Folder to open (also the default `folder` of workbenchUrl()). */
  workspace?: string;
  /** Load this folder as an unpacked extension (through the workbench URL's payload, as --extensionDevelopmentPath). */
  extensionDevelopmentPath?: string;
  /** Run this @vscode/test-electron style test module (exports run()) in the extension host. */
  extensionTestsPath?: string;
  /** Install these packaged extensions into the throwaway extensions folder before starting. */
  vsix?: string[];
  /** VS Code's locale (`--locale` and argv.json), e.g. 'zh-cn': what `vscode.env.language` reports. */
  locale?: string;
  /** Extra user settings, merged over the harness defaults (e.g. { 'workbench.colorTheme': 'Default Light Modern' }). */
  settings?: Record<string, unknown>;
  /** Port to bind on 127.0.0.1; a free one when omitted. */
  port?: number;
  /** Receives the server's output lines (default: kept in memory only, shown when start-up fails). */
  onOutput?: (line: string) => void;
  /** Bound on the wait for /healthz, in ms (default 60 s). */
  startTimeoutMs?: number;
}

export interface WorkbenchUrlOptions {
  folder?: string | null;
  extensionDevelopmentPath?: string | null;
  extensionTestsPath?: string | null;
}

export interface CodeServer {
  readonly port: number;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly pid: number;
  readonly dirs: { root: string; home: string; userData: string; extensions: string };
  /** The workbench URL with the folder and the extension development / tests paths of the options. */
  workbenchUrl(overrides?: WorkbenchUrlOptions): string;
  /** Everything the server printed so far. */
  output(): string;
  /** Stops the whole process group and removes the throwaway folders. Safe to call twice. */
  stop(): Promise<void>;
}

/** The installed code-server entry point; CODE_SERVER_ENTRY overrides it. */
export function codeServerEntry(): string {
  const entry =
    process.env.CODE_SERVER_ENTRY ??
    path.join(
      repoRoot(),
      '.vscode-test',
      'code-server',
      'node_modules',
      'code-server',
      'out',
      'node',
      'entry.js',
    );
  if (!fs.existsSync(entry)) {
    throw new Error(
      `code-server is not installed (${entry} missing): run bash scripts/install-code-server.sh`,
    );
  }
  return entry;
}

export function defaultSettings(): Record<string, unknown> {
  return {
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'git.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'chat.commandCenter.enabled': false,
    'files.hotExit': 'off',
  };
}

/** A free TCP port on 127.0.0.1 (the OS picks it; the caller retries if someone takes it first). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

// ---- process bookkeeping: nothing may outlive the test process ----

interface Live {
  pid: number;
  root: string;
}
const live = new Map<number, Live>();
let handlersInstalled = false;

function killGroupNow(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** True while any process of the group `pid` is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function removeDir(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // best effort: a file still being written by a dying process
  }
}

/** Synchronous last-chance cleanup for every server still running. */
export function killAllCodeServersNow(): void {
  for (const { pid, root } of live.values()) {
    killGroupNow(pid);
    removeDir(root);
  }
  live.clear();
}

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // 'exit' also runs after an uncaught exception or unhandled rejection ends the process.
  process.on('exit', killAllCodeServersNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killAllCodeServersNow();
      // Let the other listeners' synchronous work run (Playwright's, a demo's message), then end the process the
      // way the signal would have: a listener must not turn Ctrl+C or a CI timeout into "keep running".
      // (Playwright kills its browsers in its own 'exit' handler.)
      setImmediate(() => process.exit(128 + (os.constants.signals[signal] ?? 0)));
    };
    process.on(signal, onSignal);
  }
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/**
 * VS Code only switches to a locale for which a language pack is installed (otherwise `vscode.env.language` stays
 * 'en' and extensions get their English strings). No language pack can be downloaded here, so register an empty
 * one: the workbench's own texts stay English (every translation falls back), but the locale is in force, so the
 * extension runs with `vscode.env.language === locale` and loads its package.nls.<locale>.json and l10n bundle.
 */
function writeStubLanguagePack(userData: string, locale: string): void {
  const translations = path.join(userData, 'stub-language-pack', 'main.i18n.json');
  writeJson(translations, { version: '1.0.0', contents: {} });
  writeJson(path.join(userData, 'languagepacks.json'), {
    [locale]: {
      hash: `activation-lens-stub-${locale}`,
      extensions: [
        { extensionIdentifier: { id: 'activation-lens-tests.stub-language-pack' }, version: '0.0.0' },
      ],
      translations: { vscode: translations },
      label: `${locale} (test stub)`,
    },
  });
}

/** The environment for code-server: throwaway HOME / XDG folders, no marketplace, no inherited VS Code state. */
function serverEnv(root: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE' || k.startsWith('npm_')) continue;
    env[k] = v;
  }
  const home = path.join(root, 'home');
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_RUNTIME_DIR: path.join(root, 'runtime'),
    EXTENSIONS_GALLERY: '{}',
    ACTIVATION_LENS_HARNESS: '1',
  });
  for (const dir of [env.XDG_CONFIG_HOME, env.XDG_DATA_HOME, env.XDG_CACHE_HOME, env.XDG_RUNTIME_DIR]) {
    fs.mkdirSync(dir as string, { recursive: true, mode: 0o700 });
  }
  return env;
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, timeout: timeoutMs, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      if (err)
        reject(
          new Error(`${path.basename(file)} ${args.join(' ')} failed: ${err.message}\n${stdout}${stderr}`),
        );
      else resolve(stdout + stderr);
    });
  });
}

async function waitForHealthz(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  const onExit = (code: number | null, signal: string | null): void => {
    exited = `exited with ${signal ?? code}`;
  };
  child.once('exit', onExit);
  try {
    while (Date.now() < deadline) {
      if (exited) throw new Error(`code-server ${exited} before answering /healthz`);
      try {
        const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100)); // poll interval of a condition wait, not a fixed sleep
    }
    throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs} ms`);
  } finally {
    child.removeListener('exit', onExit);
  }
}

/** Starts code-server; retries on another port if the chosen one was taken meanwhile. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(options);
    } catch (err) {
      lastError = err;
      if (options.port !== undefined) break;
    }
  }
  throw lastError;
}

async function startOnce(options: CodeServerOptions): Promise<CodeServer> {
  installExitHandlers();
  const entry = codeServerEntry();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), TEMP_PREFIX + 'cs-'));
  const dirs = {
    root,
    home: path.join(root, 'home'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
  };
  fs.mkdirSync(dirs.extensions, { recursive: true });
  const env = serverEnv(root);
  writeJson(path.join(dirs.userData, 'User', 'settings.json'), { ...defaultSettings(), ...options.settings });
  if (options.locale) {
    writeJson(path.join(dirs.userData, 'User', 'argv.json'), { locale: options.locale });
    if (!/^en(-|$)/i.test(options.locale)) writeStubLanguagePack(dirs.userData, options.locale.toLowerCase());
  }

  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  try {
    for (const vsix of options.vsix ?? []) {
      await run(
        process.execPath,
        [entry, ...common, '--install-extension', path.resolve(vsix)],
        env,
        120_000,
      );
    }
  } catch (err) {
    removeDir(root);
    throw err;
  }

  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const args = [
    entry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    ...common,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.locale ? ['--locale', options.locale] : []),
    ...(options.workspace ? [path.resolve(options.workspace)] : []),
  ];
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) {
    removeDir(root);
    throw new Error('code-server could not be spawned');
  }
  live.set(pid, { pid, root });
  // The server must never keep the test process alive on its own: the exit handler kills it.
  child.unref();

  let output = '';
  let partial = '';
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString();
    if (output.length < 1_000_000) output += text;
    partial += text;
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) options.onOutput?.(line);
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', onData);
    (stream as Socket | null)?.unref();
  }

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
      // Condition wait: the group is gone (the file watcher may take a moment), then SIGKILL what is left.
      const deadline = Date.now() + 5000;
      while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (groupAlive(pid)) killGroupNow(pid);
      const killDeadline = Date.now() + 5000;
      while (groupAlive(pid) && Date.now() < killDeadline) await new Promise((r) => setTimeout(r, 50));
      live.delete(pid);
      removeDir(root);
    })());

  try {
    await waitForHealthz(origin, child, options.startTimeoutMs ?? 60_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- code-server output ---\n${output}`);
  }

  const toRemote = (p: string): string => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  const workbenchUrl = (overrides: WorkbenchUrlOptions = {}): string => {
    const folder = overrides.folder === undefined ? options.workspace : overrides.folder;
    const devPath =
      overrides.extensionDevelopmentPath === undefined
        ? options.extensionDevelopmentPath
        : overrides.extensionDevelopmentPath;
    const testsPath =
      overrides.extensionTestsPath === undefined ? options.extensionTestsPath : overrides.extensionTestsPath;
    const payload: [string, string][] = [];
    if (devPath) payload.push(['extensionDevelopmentPath', toRemote(devPath)]);
    if (testsPath) payload.push(['extensionTestsPath', toRemote(testsPath)]);
    payload.push(['skipWelcome', 'true']);
    const params = new URLSearchParams();
    if (folder) params.set('folder', path.resolve(folder));
    params.set('payload', JSON.stringify(payload));
    return `${origin}/?${params.toString()}`;
  };

  return { port, origin, pid, dirs, workbenchUrl, output: () => output, stop };
}
