// Extension entry point (desktop and remote hosts): wires the thin adapters to the pure core.
import * as vscode from 'vscode';
import { ConfigStore } from './config';
import { registerPlotCommands } from './commands/plotCommands';
import { registerChartPanelSerializer } from './panel/chartPanelSerializer';
import { registerSidePanel } from './sidePanel/register';

export function activate(context: vscode.ExtensionContext): void {
  const config = new ConfigStore();
  context.subscriptions.push(config);
  registerPlotCommands(context, config);
  registerChartPanelSerializer(context);
  registerSidePanel(context, config);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
