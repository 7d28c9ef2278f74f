// Registers the chart panel: the one command that opens it (every surface — palette commands, hover and CodeLens
// links, the side panel — goes through it with a wire-form PlotRequest) and the serializer that restores panels
// after a window reload from the state their webview saved (no retainContextWhenHidden).
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { ConfigStore } from '../config';
import { parsePlotRequest } from '../shared/protocol';
import { outputChannel } from '../host/outputChannel';
import { webviewsChunk } from '../host/webviewsChunk';
import { ViewType } from '../commandIds';
import type { ChartPanel } from './chartPanel';

/** Opens the chart for a request given by a command argument; validates it first. */
async function openChart(
  context: vscode.ExtensionContext,
  config: ConfigStore,
  raw: unknown,
): Promise<ChartPanel | undefined> {
  const request = parsePlotRequest(raw);
  if (!request) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Activation Lens: the chart request was not valid.'));
    return undefined;
  }
  const { ChartPanel } = await webviewsChunk();
  return ChartPanel.show(context.extensionUri, request, config.value.panelReuse);
}

export function registerChartPanel(context: vscode.ExtensionContext, config: ConfigStore): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.OpenChart, (raw: unknown) => openChart(context, config, raw)),
    vscode.window.registerWebviewPanelSerializer(ViewType.ChartPanel, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved =
          typeof state === 'object' && state !== null ? (state as { request?: unknown }).request : undefined;
        const request = parsePlotRequest(saved);
        if (!request) {
          outputChannel.warn('A chart panel could not be restored: its saved state was missing or invalid.');
          panel.dispose();
          return;
        }
        const { ChartPanel } = await webviewsChunk();
        ChartPanel.revive(panel, context.extensionUri, request);
      },
    }),
  );
}
