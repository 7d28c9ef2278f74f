// esbuild plugin: fails a browser / web-worker bundle when anything imports a Node built-in.
import { builtinModules } from 'node:module';

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export const forbidNodeBuiltins = {
  name: 'forbid-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const name = args.path.startsWith('node:') ? args.path : args.path.split('/')[0];
      if (builtins.has(args.path) || builtins.has(name)) {
        return {
          errors: [
            { text: `Node built-in "${args.path}" imported from ${args.importer} in a browser bundle` },
          ],
        };
      }
      return undefined;
    });
  },
};
