// The palette commands: Plot Selection…, Compare Activations on Selection…, Plot Activation…, and Open Chart
// (the target of hover / CodeLens / side-panel links).
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { ConfigStore } from '../config';
import { ChartPanel } from '../panel/chartPanel';
import { parsePlotRequest } from '../shared/protocol';
import type { PlotRequest } from '../shared/plotRequest';
import { askParams, pickActivation, pickActivations } from './pickers';
import { findInputInEditor } from './inputAtCursor';
import { isActivationId, type ActivationId, type Dialect } from '../core';

/** Reads the input from the active editor, or tells the user what to select; undefined when there is none. */
interface FoundInput {
  request: Pick<PlotRequest, 'input' | 'source'>;
  /** Set when the cursor or selection is an activation call: what the code asks for. */
  call?: { activation: ActivationId; dialect?: Dialect; params?: Record<string, number> };
}

function readInput(config: ConfigStore): FoundInput | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Open a file and select a numeric array to plot, or run "Activation Lens: Plot Activation…".',
      ),
    );
    return undefined;
  }
  const found = findInputInEditor(editor, config.value.maxElements);
  if (!found.ok) {
    void vscode.window.showWarningMessage(found.message);
    return undefined;
  }
  const r = found.range;
  return {
    call: found.activation
      ? { activation: found.activation, dialect: found.dialect, params: found.params?.[found.activation] }
      : undefined,
    request: {
      input: found.input,
      source: {
        uri: editor.document.uri.toString(),
        range: [r.start.line, r.start.character, r.end.line, r.end.character],
      },
    },
  };
}

async function plotSelection(
  context: vscode.ExtensionContext,
  config: ConfigStore,
): Promise<ChartPanel | undefined> {
  const found = readInput(config);
  if (!found) return undefined;
  const id = await pickActivation(
    vscode.l10n.t('Which activation should be applied to the selected array?'),
    found.call?.activation,
  );
  if (!id) return undefined;
  const fromCode = found.call?.activation === id ? found.call : undefined;
  const dialect = fromCode?.dialect ?? config.value.defaultDialect;
  const params = await askParams(id, dialect, fromCode?.params);
  if (!params) return undefined;
  const request: PlotRequest = {
    ...found.request,
    activations: [id],
    dialect,
    params: { [id]: params },
    epsilon: config.value.epsilon,
  };
  return ChartPanel.show(context.extensionUri, request, config.value.panelReuse);
}

async function compareSelection(
  context: vscode.ExtensionContext,
  config: ConfigStore,
): Promise<ChartPanel | undefined> {
  const found = readInput(config);
  if (!found) return undefined;
  const ids = await pickActivations(vscode.l10n.t('Pick the activations to compare on the selected array'));
  if (!ids) return undefined;
  const request: PlotRequest = {
    ...found.request,
    activations: ids,
    dialect: found.call?.dialect ?? config.value.defaultDialect,
    params: {},
    epsilon: config.value.epsilon,
  };
  return ChartPanel.show(context.extensionUri, request, config.value.panelReuse);
}

async function plotActivation(
  context: vscode.ExtensionContext,
  config: ConfigStore,
  preset?: ActivationId,
): Promise<ChartPanel | undefined> {
  const id = preset ?? (await pickActivation(vscode.l10n.t('Which activation should be plotted?')));
  if (!id) return undefined;
  const request: PlotRequest = {
    activations: [id],
    input: null,
    dialect: config.value.defaultDialect,
    params: {},
    epsilon: config.value.epsilon,
    source: null,
  };
  return ChartPanel.show(context.extensionUri, request, config.value.panelReuse);
}

/** Opens the chart for a request given by a link (hover, CodeLens, side panel); validates it first. */
function openChart(
  context: vscode.ExtensionContext,
  config: ConfigStore,
  raw: unknown,
): ChartPanel | undefined {
  const request = parsePlotRequest(raw);
  if (!request) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Activation Lens: the chart request was not valid.'));
    return undefined;
  }
  return ChartPanel.show(context.extensionUri, request, config.value.panelReuse);
}

export function registerPlotCommands(context: vscode.ExtensionContext, config: ConfigStore): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.PlotSelection, () => plotSelection(context, config)),
    vscode.commands.registerCommand(CommandId.CompareSelection, () => compareSelection(context, config)),
    vscode.commands.registerCommand(CommandId.PlotActivation, (id?: unknown) =>
      plotActivation(context, config, typeof id === 'string' && isActivationId(id) ? id : undefined),
    ),
    vscode.commands.registerCommand(CommandId.OpenChart, (raw: unknown) => openChart(context, config, raw)),
  );
}
