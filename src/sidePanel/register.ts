// Registers the side panel view and its commands (pin, unpin, open in panel, show a request from a link).
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { ConfigStore } from '../config';
import { parsePlotRequest } from '../shared/protocol';
import { SidePanelProvider } from './sidePanelProvider';

export function registerSidePanel(context: vscode.ExtensionContext, config: ConfigStore): SidePanelProvider {
  const provider = new SidePanelProvider(context.extensionUri, config);
  context.subscriptions.push(
    provider,
    vscode.window.registerWebviewViewProvider(SidePanelProvider.viewType, provider),
    vscode.commands.registerCommand(CommandId.PinSidePanel, () => provider.setPinned(true)),
    vscode.commands.registerCommand(CommandId.UnpinSidePanel, () => provider.setPinned(false)),
    vscode.commands.registerCommand(CommandId.SidePanelOpenInPanel, () => provider.openInPanel()),
    vscode.commands.registerCommand(CommandId.OpenSettings, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', '@ext:activation-lens.activation-lens'),
    ),
    vscode.commands.registerCommand(CommandId.ShowInSidePanel, async (raw?: unknown) => {
      if (!config.value.sidePanelEnabled) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t(
            'The side panel is turned off. Turn on the setting "activationLens.sidePanel.enabled" to use it.',
          ),
        );
        return;
      }
      await vscode.commands.executeCommand(`${SidePanelProvider.viewType}.focus`);
      if (raw === undefined) return;
      const request = parsePlotRequest(raw);
      if (!request) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Activation Lens: the chart request was not valid.'),
        );
        return;
      }
      provider.show(request);
    }),
  );
  return provider;
}
