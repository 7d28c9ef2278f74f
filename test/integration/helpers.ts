// Helpers for the extension-host suite: the extension's API, fixtures, waiting on conditions, and recording the
// messages the extension shows (window.show*Message) without any UI.
import * as vscode from 'vscode';
import type { ActivationLensApi } from '../../src/api';

export const EXTENSION_ID = 'activation-lens.activation-lens';

export async function lensApi(): Promise<ActivationLensApi> {
  const ext = vscode.extensions.getExtension<ActivationLensApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
}

/** The range of the first occurrence of `needle` on the line that contains `lineMarker`. */
export function rangeOf(doc: vscode.TextDocument, lineMarker: string, needle: string): vscode.Range {
  for (let i = 0; i < doc.lineCount; i++) {
    const text = doc.lineAt(i).text;
    if (text.includes(lineMarker)) {
      const start = text.indexOf(needle);
      if (start < 0) break;
      return new vscode.Range(i, start, i, start + needle.length);
    }
  }
  throw new Error(
    `"${needle}" not found on a line containing "${lineMarker}" in ${doc.uri.path.split('/').pop() ?? ''}`,
  );
}

/** Polls `condition` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  condition: () => T | undefined | false,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

type Shown = { kind: 'info' | 'warning' | 'error'; message: string };
type WindowMessages = Pick<
  typeof vscode.window,
  'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage'
>;

/** Records window.show*Message calls (answering none) until `restore()`. */
export function recordMessages(): { shown: Shown[]; restore: () => void } {
  const win = vscode.window as unknown as Record<keyof WindowMessages, unknown>;
  const saved = {
    showInformationMessage: win.showInformationMessage,
    showWarningMessage: win.showWarningMessage,
    showErrorMessage: win.showErrorMessage,
  };
  const shown: Shown[] = [];
  const fake = (kind: Shown['kind']) => (message: string) => {
    shown.push({ kind, message });
    return Promise.resolve(undefined);
  };
  win.showInformationMessage = fake('info');
  win.showWarningMessage = fake('warning');
  win.showErrorMessage = fake('error');
  return { shown, restore: () => Object.assign(win, saved) };
}

/** Answers the next QuickPick with the item `choose` selects and input boxes with their pre-filled value. */
export function answerPickers(choose: (items: readonly vscode.QuickPickItem[]) => unknown): () => void {
  const win = vscode.window as unknown as Record<'showQuickPick' | 'showInputBox', unknown>;
  const saved = { showQuickPick: win.showQuickPick, showInputBox: win.showInputBox };
  win.showQuickPick = async (
    items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>,
  ) => choose(await items);
  win.showInputBox = async (options?: vscode.InputBoxOptions) => options?.value;
  return () => Object.assign(win, saved);
}
