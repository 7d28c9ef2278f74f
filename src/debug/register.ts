// The debugger's commands: "Plot with Activation Lens…" in the Variables view and "Plot a Value of the Paused
// Program…" in the palette. Their code (src/debug/plotVariable.ts, with the live-values reader) loads on first use.
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { ConfigStore } from '../config';
import { lazyChunk } from '../host/lazyChunk';

const plotVariableChunk = lazyChunk(vscode.l10n.t('live debugger values'), () => import('./plotVariable'));

export function registerDebugFeatures(context: vscode.ExtensionContext, config: ConfigStore): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.PlotVariable, async (raw?: unknown) =>
      (await plotVariableChunk()).plotVariable(config, raw),
    ),
    vscode.commands.registerCommand(CommandId.PlotExpression, async () =>
      (await plotVariableChunk()).plotExpression(config),
    ),
  );
}
