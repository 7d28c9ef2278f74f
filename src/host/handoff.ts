// Where the CommonJS loader (src/entry.ts) leaves the `vscode` API object for the ES modules, for the moment the
// first of them runs (src/host/vscodeApi.cjs reads it): a registered symbol, deleted once the import has finished.
export const VSCODE_API_KEY = Symbol.for('activation-lens.vscode-api');
