// The one build script: every bundle of the project (extension host, web host, webview app, tests, benchmark).
//   node scripts/esbuild.mjs               build once (development: sourcemaps, not minified)
//   node scripts/esbuild.mjs --production  minified, no sourcemaps (what the vsix ships)
//   node scripts/esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, mkdirSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { forbidNodeBuiltins } from './forbidNodeBuiltins.mjs';
import { writeVsixReadmes } from './vsixReadme.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = new URL('..', import.meta.url).pathname;
// --dist=DIR: where the shipped bundles go (default dist/; the benchmark measures a production build elsewhere).
// --metafile=FILE: esbuild's metafile of the shipped bundles (sizes, and which chunks load eagerly or on import()).
const option = (name) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) || undefined;
const dist = option('dist') ?? 'dist';
const distDir = resolve(root, dist);
const metafilePath = option('metafile');
const testBuilds = !production && dist === 'dist';

/** Every file under `dir` whose name ends with `suffix` (paths relative to the repo root). */
function filesUnder(dir, suffix) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => relative(root, join(abs, f)));
}

/** Maps node:assert (and /strict) to the browser implementation of the web suite. */
const browserAssert = {
  name: 'browser-assert',
  setup(build) {
    build.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, () => ({
      path: join(root, 'test', 'web', 'assert.ts'),
    }));
  },
};

/** The host graph's `vscode`: the loader's API object (an ES module cannot `require('vscode')` in the web worker). */
const vscodeApiShim = {
  name: 'vscode-api-shim',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, () => ({ path: join(root, 'src', 'host', 'vscodeApi.cjs') }));
  },
};

const shared = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  target: 'es2022',
  // UTF-8 output: a non-ASCII character (−, ε, 饱) costs 2–3 bytes instead of a 6-byte \u escape. Node, the web
  // worker host and module scripts in the webview all read the bundles as UTF-8.
  charset: 'utf8',
  legalComments: 'none',
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  // The extension's entry for every host (package.json main and browser): the CommonJS loader of the host graph.
  {
    ...shared,
    entryPoints: ['src/entry.ts'],
    outfile: join(dist, 'extension.js'),
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    plugins: [forbidNodeBuiltins],
  },
  // The extension host graph, one build for Node and the web worker (no Node built-in allowed): an ES module split
  // into chunks, so what is only needed on use (the resolver, live values, the panels) loads by import() then.
  // `vscode` is the API object the loader hands over (src/host/vscodeApi.cjs).
  {
    ...shared,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: join(dist, 'host'),
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    platform: 'browser',
    format: 'esm',
    plugins: [vscodeApiShim, forbidNodeBuiltins],
  },
  // Webview app: one bundle serves the chart panel and the side panel. An ES module, so what is only needed on
  // use (zoom and pan) is a chunk under dist/webview-chunks/ loaded by import() (the page's nonce carries over).
  {
    ...shared,
    entryPoints: { webview: 'webview/main.ts' },
    outdir: dist,
    splitting: true,
    chunkNames: 'webview-chunks/[name]-[hash]',
    platform: 'browser',
    format: 'esm',
    plugins: [forbidNodeBuiltins],
  },
];
const shippedCount = builds.length;
if (testBuilds) {
  const unit = filesUnder('test/unit', '.test.ts');
  if (unit.length)
    builds.push({
      ...shared,
      entryPoints: unit,
      outdir: 'out/test/unit',
      outbase: 'test/unit',
      platform: 'node',
      format: 'cjs',
      external: ['esbuild'],
    });
  const oracle = filesUnder('test/oracle', '.oracle.test.ts');
  if (oracle.length)
    builds.push({
      ...shared,
      entryPoints: oracle,
      outdir: 'out/test/oracle',
      outbase: 'test/oracle',
      platform: 'node',
      format: 'cjs',
      external: ['@tensorflow/tfjs'],
    });
  // The fuzz layer (node --test out/test/fuzz/) and its long run (npm run fuzz: out/fuzz/run.js).
  const fuzz = filesUnder('test/fuzz', '.test.ts');
  if (fuzz.length)
    builds.push({
      ...shared,
      entryPoints: fuzz,
      outdir: 'out/test/fuzz',
      outbase: 'test/fuzz',
      platform: 'node',
      format: 'cjs',
    });
  if (existsSync(join(root, 'test/fuzz/run.ts')))
    builds.push({
      ...shared,
      entryPoints: ['test/fuzz/run.ts'],
      outfile: 'out/fuzz/run.js',
      platform: 'node',
      format: 'cjs',
    });
  const integration = [...filesUnder('test/integration', '.ts')];
  if (integration.length)
    builds.push({
      ...shared,
      entryPoints: integration,
      outdir: 'out/test/integration',
      outbase: 'test/integration',
      platform: 'node',
      format: 'cjs',
      external: ['vscode', 'mocha'],
    });
  if (existsSync(join(root, 'test/web/index.ts')))
    // The web layer's suite runs in VS Code for the Web's web worker: a browser bundle, node:assert mapped to
    // test/web/assert.ts (the same test files run in layer 2), any other Node built-in refused.
    builds.push({
      ...shared,
      entryPoints: ['test/web/index.ts'],
      outfile: 'out/test/web/index.js',
      platform: 'browser',
      format: 'cjs',
      external: ['vscode'],
      plugins: [browserAssert, forbidNodeBuiltins],
    });
  const harness = [
    ...filesUnder('test/ui', '.ts'),
    ...filesUnder('test/harness', '.ts'),
    ...filesUnder('test/web/ui', '.ts'),
  ];
  if (harness.length)
    builds.push({
      ...shared,
      entryPoints: harness,
      outdir: 'out/test',
      outbase: 'test',
      platform: 'node',
      format: 'cjs',
      external: ['playwright-core', '@vscode/test-web'],
    });
  if (existsSync(join(root, 'bench/bench.ts')))
    builds.push({
      ...shared,
      entryPoints: ['bench/bench.ts'],
      outfile: 'out/bench/bench.js',
      platform: 'node',
      format: 'cjs',
      minify: false,
      external: ['playwright-core', '@vscode/test-web'],
    });
}

// The walkthrough opens the article's examples from the extension itself: one source, examples/seed_tensorflow.py.
mkdirSync(join(distDir, 'walkthrough'), { recursive: true });
copyFileSync(join(root, 'examples', 'seed_tensorflow.py'), join(distDir, 'walkthrough', 'seed_examples.py'));
// The vsix's lighter READMEs (dist/README.md is its details page: vsce --readme-path).
writeVsixReadmes(root, distDir);

// Chunk names carry a content hash: drop the previous build's so the folder (and the vsix) holds only current ones.
rmSync(join(distDir, 'webview-chunks'), { recursive: true, force: true });
rmSync(join(distDir, 'host'), { recursive: true, force: true });
rmSync(join(distDir, 'web'), { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`[esbuild] watching ${contexts.length} bundles`);
} else {
  const started = Date.now();
  const results = await Promise.all(
    builds.map((b, i) => esbuild.build(metafilePath && i < shippedCount ? { ...b, metafile: true } : b)),
  );
  if (metafilePath) {
    const merged = { inputs: {}, outputs: {} };
    for (const r of results.slice(0, shippedCount)) {
      Object.assign(merged.inputs, r.metafile.inputs);
      Object.assign(merged.outputs, r.metafile.outputs);
    }
    writeFileSync(metafilePath, JSON.stringify(merged));
  }
  console.log(
    `[esbuild] built ${builds.length} bundles in ${Date.now() - started} ms${production ? ' (production)' : ''}`,
  );
}
