// The extension's entry in every host (package.json `main` and `browser`): a small CommonJS loader. The extension
// itself is an ES module graph split into chunks (dist/host/, one build for the Node and the web worker hosts):
// activation loads extension.mjs and the chunks it imports; the resolver, live debugger values and the webview
// panels are chunks loaded by import() the first time they are used, so the web worker downloads less before the
// extension is active. VS Code gives `require('vscode')` to this file only (the web worker host has no module
// loader for an extension's other files), so the loader hands the API object to the ES modules (src/host/vscodeApi.cjs).
import * as vscode from 'vscode';
import type { ActivationLensApi } from './api';
import { VSCODE_API_KEY } from './host/handoff';

type ExtensionModule = typeof import('./extension');

let loaded: ExtensionModule | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ActivationLensApi> {
  const url = vscode.Uri.joinPath(context.extensionUri, 'dist', 'host', 'extension.mjs').toString();
  const slot = globalThis as Record<symbol, unknown>;
  slot[VSCODE_API_KEY] = vscode;
  try {
    // A computed URL: esbuild leaves the import() as it is, and the host's own module loader (Node's ESM loader, or
    // the worker's) fetches the graph.
    loaded = (await import(url)) as ExtensionModule;
  } finally {
    // The ES modules keep the API once their shim module has run; nothing else can read it from here on.
    delete slot[VSCODE_API_KEY];
  }
  return loaded.activate(context);
}

export function deactivate(): void {
  loaded?.deactivate();
}
