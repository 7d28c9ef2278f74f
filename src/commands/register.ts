// The palette commands Plot Selection, Compare and Plot Activation. Their code (plotCommands.ts and the pickers)
// is a chunk loaded the first time one runs.
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { ConfigStore } from '../config';
import { isActivationId } from '../core';
import { lazyChunk } from '../host/lazyChunk';

const plotCommandsChunk = lazyChunk(vscode.l10n.t('palette commands'), () => import('./plotCommands'));

export function registerPlotCommands(context: vscode.ExtensionContext, config: ConfigStore): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.PlotSelection, async () =>
      (await plotCommandsChunk()).plotSelection(config),
    ),
    vscode.commands.registerCommand(CommandId.CompareSelection, async () =>
      (await plotCommandsChunk()).compareSelection(config),
    ),
    vscode.commands.registerCommand(CommandId.PlotActivation, async (id?: unknown) =>
      (await plotCommandsChunk()).plotActivation(
        config,
        typeof id === 'string' && isActivationId(id) ? id : undefined,
      ),
    ),
  );
}
