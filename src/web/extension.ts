// Entry point for VS Code for the Web (vscode.dev, github.dev): the extension host runs in a web worker, so this
// bundle must not contain any Node built-in (scripts/esbuild.mjs fails the build if one leaks in). Every feature of
// Activation Lens is pure computation plus VS Code API, so the web host gets the same activate().
export { activate, deactivate } from '../extension';
