// What `import * as vscode from 'vscode'` means in the extension's ES modules (scripts/esbuild.mjs maps it here):
// the API object VS Code gave the CommonJS loader (src/entry.ts), read once, when the first module runs.
'use strict';
const { VSCODE_API_KEY } = require('./handoff');

const api = globalThis[VSCODE_API_KEY];
if (!api)
  throw new Error('Activation Lens: load the extension through dist/extension.js, not its ES modules');
module.exports = api;
