// Extension entry point (desktop and remote hosts): wires the thin adapters to the pure core.
import * as vscode from 'vscode';
import { ConfigStore } from './config';
import { registerPlotCommands } from './commands/register';
import { registerChartPanel } from './panel/register';
import { trackTextEditors } from './services/activeEditor';
import { registerSidePanel } from './sidePanel/register';
import { registerEditorFeatures } from './hover/register';
import { registerWalkthrough } from './walkthrough';
import { registerDebugFeatures } from './debug/register';
import { webviewsChunk } from './host/webviewsChunk';
import type { ActivationLensApi } from './api';

export function activate(context: vscode.ExtensionContext): ActivationLensApi {
  const config = new ConfigStore();
  context.subscriptions.push(config, trackTextEditors());
  registerChartPanel(context, config);
  registerPlotCommands(context, config);
  const sidePanel = registerSidePanel(context, config);
  registerEditorFeatures(context, config);
  registerWalkthrough(context);
  registerDebugFeatures(context, config);
  return {
    // No panel exists before the webviews' chunk has loaded.
    chartPanels: () => webviewsChunk.loaded()?.ChartPanel.all ?? [],
    sidePanel,
    insertAsComment: async (...args) => (await webviewsChunk()).insertAsComment(...args),
    saveExport: async (...args) => (await webviewsChunk()).saveExport(...args),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
