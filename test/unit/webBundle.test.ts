// The web-worker bundle must stay free of Node built-ins: the build's guard really rejects them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { forbidNodeBuiltins } from '../../scripts/forbidNodeBuiltins.mjs';

async function bundle(contents: string): Promise<esbuild.BuildResult> {
  return esbuild.build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'browser',
    logLevel: 'silent',
    plugins: [forbidNodeBuiltins],
  });
}

void test('a browser bundle that imports a Node built-in fails to build, naming the module', async () => {
  for (const mod of ['fs', 'node:path', 'child_process', 'os']) {
    await assert.rejects(bundle(`import * as m from '${mod}'; console.log(m);`), (err: Error) => {
      assert.match(err.message, new RegExp(`Node built-in "${mod}"`));
      return true;
    });
  }
});

void test('a browser bundle without Node built-ins builds', async () => {
  const result = await bundle(`export const x: number = Math.max(1, 2);`);
  assert.equal(result.errors.length, 0);
});
