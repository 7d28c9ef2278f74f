// The size goals of what VS Code downloads (issue 16) and their measurement: a production build of the shipped
// bundles into a throwaway folder, with esbuild's metafile telling which webview chunks load with the page (static
// imports) and which only on use (import()). Used by `npm run bench` and by the unit check of the host goals.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Decimal kilobytes, as the issue counts them ("today 377 KB" is 377,450 bytes).
export const KB = 1000;

/** The goals, in bytes (minified). */
export const SIZE_GOALS = {
  hostBundle: 150 * KB,
  webviewBundle: 300 * KB,
  vsix: 1000 * KB,
} as const;

export interface BundleSizes {
  /** dist/extension.js: the CommonJS loader both hosts start (package.json main and browser). */
  loader: number;
  /**
   * What the extension host (Node, or VS Code for the Web's web worker: one build) loads to activate: the loader,
   * dist/host/extension.mjs and every chunk it imports statically.
   */
  hostActivation: number;
  /** Host chunks loaded only on first use (import()), by file name. */
  hostLazy: Record<string, number>;
  /** dist/webview.js alone. */
  webviewEntry: number;
  /** What a webview downloads before it can draw: dist/webview.js and every chunk it imports statically. */
  webviewInitial: number;
  /** Chunks loaded only on use (import()), by file name. */
  webviewLazy: Record<string, number>;
}

interface Metafile {
  outputs: Record<
    string,
    { bytes: number; imports: Array<{ path: string; kind: string; external?: boolean }> }
  >;
}

type Output = Metafile['outputs'][string];

/** An entry and what it imports statically (what loads with it), and the other chunks of its folder (on use). */
function eagerAndLazy(
  outputs: ReadonlyMap<string, Output>,
  entry: string,
  chunkDir: string,
): { eager: Set<string>; lazy: Record<string, number> } {
  const eager = new Set<string>();
  const visit = (file: string): void => {
    if (eager.has(file)) return;
    eager.add(file);
    for (const i of outputs.get(file)?.imports ?? [])
      if (!i.external && i.kind === 'import-statement') visit(i.path);
  };
  visit(entry);
  const lazy: Record<string, number> = {};
  for (const [file, o] of outputs) {
    if (/\.m?js$/.test(file) && file.startsWith(chunkDir + path.sep) && !eager.has(file))
      lazy[path.basename(file)] = o.bytes;
  }
  return { eager, lazy };
}

/** Builds the shipped bundles in production mode into a temporary folder and measures them. */
export function measureBundles(root: string): BundleSizes {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'activation-lens-sizes-'));
  try {
    const metafile = path.join(dir, 'meta.json');
    const out = path.join(dir, 'dist');
    execFileSync(
      process.execPath,
      [path.join(root, 'scripts', 'esbuild.mjs'), '--production', `--dist=${out}`, `--metafile=${metafile}`],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const meta = JSON.parse(fs.readFileSync(metafile, 'utf8')) as Metafile;
    // Metafile paths are relative to the working directory of the build (root).
    const outputs = new Map(
      Object.entries(meta.outputs).map(([k, v]): [string, Output] => [
        path.resolve(root, k),
        { ...v, imports: v.imports.map((i) => ({ ...i, path: path.resolve(root, i.path) })) },
      ]),
    );
    const size = (file: string): number => {
      const o = outputs.get(file);
      if (!o) throw new Error(`the build wrote no ${file}`);
      return o.bytes;
    };
    const sum = (files: Iterable<string>): number => [...files].reduce((s, f) => s + size(f), 0);
    const host = eagerAndLazy(outputs, path.join(out, 'host', 'extension.mjs'), path.join(out, 'host'));
    const webview = eagerAndLazy(outputs, path.join(out, 'webview.js'), path.join(out, 'webview-chunks'));
    const loader = size(path.join(out, 'extension.js'));
    return {
      loader,
      hostActivation: loader + sum(host.eager),
      hostLazy: host.lazy,
      webviewEntry: size(path.join(out, 'webview.js')),
      webviewInitial: sum(webview.eager),
      webviewLazy: webview.lazy,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** vsce's arguments after `package`, as `npm run package` passes them (dist/README.md: the lighter README). */
export const VSCE_PACKAGE_ARGS = [
  '--no-dependencies',
  '--allow-missing-repository',
  '--no-rewrite-relative-links',
  '--readme-path',
  'dist/README.md',
] as const;

/** Top-level entries of the repository that packaging neither reads nor may see (build output, caches, tests' runs). */
const NOT_COPIED = new Set([
  'node_modules',
  '.git',
  'out',
  'dist',
  'test-artifacts',
  '.vscode-test',
  '.vscode-test-web',
]);

/**
 * Packages the vsix (`npm run package`'s vsce command, its prepublish production build included) from a copy of the
 * repository in a temporary folder, so the working tree's dist/ is never touched, and returns its size in bytes.
 */
export function measureVsix(root: string): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'activation-lens-vsix-'));
  try {
    const copy = path.join(dir, 'repo');
    fs.cpSync(root, copy, {
      recursive: true,
      filter: (src) => path.dirname(src) !== root || !NOT_COPIED.has(path.basename(src)),
    });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    const file = path.join(dir, 'activation-lens.vsix');
    execFileSync(
      path.join(root, 'node_modules', '.bin', 'vsce'),
      ['package', ...VSCE_PACKAGE_ARGS, '--out', file],
      { cwd: copy, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return fs.statSync(file).size;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
