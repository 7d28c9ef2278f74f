// Registers the editor features of issue #5: the hover, the opt-in CodeLens and inlay hints, and the commands
// their links use (Copy result, switch a bare array's activation, run a cached long link). Providers are
// registered for the `activationLens.hover.languages` setting and re-registered when it changes; CodeLens and
// inlay hints are asked to refresh on every settings change.
import * as vscode from 'vscode';
import { evaluateDetection, isActivationId, type Evaluated } from '../core';
import { CommandId } from '../commandIds';
import { evaluationSettings, type ConfigStore } from '../config';
import { currentTextEditor } from '../services/activeEditor';
import { copyPrinted } from '../services/clipboard';
import { aliasesFor, detectionAt, resolutionFor, resolverReadyFor } from '../services/documentAccess';
import { evaluateRequest } from '../shared/plotRequest';
import { parsePlotRequest } from '../shared/protocol';
import { ActivationCodeLensProvider } from './codeLens';
import { ActivationHoverProvider, HoverState, LinkCache, RUN_CACHED_COMMAND } from './hoverProvider';
import { ActivationInlayHintsProvider } from './inlayHints';
import { EvaluationCache } from './inlineScan';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Copies a printed result: `{ text }` or `{ request }` from a hover link, or (no argument) the result at the cursor. */
async function copyResult(config: ConfigStore, raw: unknown): Promise<void> {
  let ev: Evaluated | null = null;
  if (isObject(raw) && typeof raw.text === 'string') {
    await copyPrinted(raw.text, typeof raw.style === 'string' ? raw.style : '');
    return;
  }
  if (isObject(raw) && raw.request !== undefined) {
    const request = parsePlotRequest(raw.request);
    try {
      ev = request ? evaluateRequest(request) : null;
    } catch {
      ev = null;
    }
  } else {
    const editor = currentTextEditor();
    if (editor) await resolverReadyFor(editor.document);
    const resolution = editor ? resolutionFor(editor.document) : undefined;
    const d = editor ? detectionAt(editor.document, editor.selection.active, resolution) : null;
    const result =
      editor && d
        ? evaluateDetection(
            d,
            evaluationSettings(config.value),
            aliasesFor(editor.document),
            undefined,
            resolution,
          )
        : null;
    if (result?.kind === 'ok') ev = result;
  }
  if (!ev) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Put the cursor on an activation call or a numeric array to copy its result.'),
    );
    return;
  }
  await copyPrinted(ev.printed, ev.style);
}

/** Evaluates bare arrays with another activation for this session and shows the hover again where it was. */
async function switchActivation(state: HoverState, raw: unknown): Promise<void> {
  if (!isObject(raw) || typeof raw.activation !== 'string' || !isActivationId(raw.activation)) return;
  state.arrayActivation = raw.activation;
  const target = raw.target;
  const editor = vscode.window.activeTextEditor;
  if (
    editor &&
    isObject(target) &&
    target.uri === editor.document.uri.toString() &&
    typeof target.line === 'number' &&
    typeof target.character === 'number'
  ) {
    const position = editor.document.validatePosition(new vscode.Position(target.line, target.character));
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('editor.action.showHover');
  }
}

export function registerEditorFeatures(context: vscode.ExtensionContext, config: ConfigStore): void {
  const state = new HoverState();
  const links = new LinkCache();
  const cache = new EvaluationCache();
  const hover = new ActivationHoverProvider(config, state, links);
  const codeLens = new ActivationCodeLensProvider(config, cache);
  const inlay = new ActivationInlayHintsProvider(config, cache);

  let registrations: vscode.Disposable[] = [];
  let languagesKey = '';
  const register = (): void => {
    const languages = config.value.hoverLanguages;
    const key = JSON.stringify(languages);
    if (key === languagesKey) return;
    languagesKey = key;
    for (const r of registrations) r.dispose();
    const selector: vscode.DocumentFilter[] = languages.map((language) => ({ language }));
    registrations = [
      vscode.languages.registerHoverProvider(selector, hover),
      vscode.languages.registerCodeLensProvider(selector, codeLens),
      vscode.languages.registerInlayHintsProvider(selector, inlay),
    ];
  };
  register();

  let lastActivation = config.value.defaultActivation;
  context.subscriptions.push(
    codeLens,
    inlay,
    { dispose: () => registrations.forEach((r) => r.dispose()) },
    config.onDidChange((c) => {
      register();
      if (c.defaultActivation !== lastActivation) {
        lastActivation = c.defaultActivation;
        state.arrayActivation = undefined;
      }
      cache.clear();
      codeLens.refresh();
      inlay.refresh();
    }),
    vscode.commands.registerCommand(CommandId.CopyResult, (raw?: unknown) => copyResult(config, raw)),
    vscode.commands.registerCommand(CommandId.HoverSwitchActivation, (raw?: unknown) =>
      switchActivation(state, raw),
    ),
    vscode.commands.registerCommand(RUN_CACHED_COMMAND, async (key?: unknown) => {
      const entry = links.get(key);
      if (entry) await vscode.commands.executeCommand(entry.command, ...entry.args);
    }),
  );
}
