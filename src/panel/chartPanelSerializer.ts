// Restores chart panels after a window reload from the state their webview saved (no retainContextWhenHidden).
import * as vscode from 'vscode';
import { parsePlotRequest } from '../shared/protocol';
import { ChartPanel } from './chartPanel';
import { outputChannel } from '../webviewActions';

export function registerChartPanelSerializer(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(ChartPanel.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved =
          typeof state === 'object' && state !== null ? (state as { request?: unknown }).request : undefined;
        const request = parsePlotRequest(saved);
        if (!request) {
          outputChannel.warn('A chart panel could not be restored: its saved state was missing or invalid.');
          panel.dispose();
          return;
        }
        ChartPanel.revive(panel, context.extensionUri, request);
      },
    }),
  );
}
