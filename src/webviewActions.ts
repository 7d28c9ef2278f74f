// What the host does for a webview's requests (shared by the chart panel and the side panel).
import * as vscode from 'vscode';
import {
  parseFromWebview,
  type FromWebviewMessage,
  type InitMessage,
  type Layout,
  type ToWebviewMessage,
} from './shared/protocol';
import { toWire } from './shared/wire';
import { copyPrinted } from './services/clipboard';
import type { PlotRequest } from './shared/plotRequest';
import { translatedUiStrings } from './webviewStrings';
import { outputChannel } from './host/outputChannel';
import type { SourceRef } from './shared/plotRequest';

/** Line-comment token for a language; Markdown and plain text fall back to '#'. */
export function commentTokenFor(languageId: string): string {
  return /^(javascript|typescript|javascriptreact|typescriptreact|c|cpp|java|rust|go|csharp|jsonc)$/.test(
    languageId,
  )
    ? '//'
    : '#';
}

/**
 * Inserts `text` as a comment block below the source range, through the document's editor (TextEditor.edit): an
 * unsaved, undoable change, like typing. workspace.applyEdit would count as a refactoring that VS Code's
 * files.refactoring.autoSave writes to disk at once (issue 13.6). The document is only changed here.
 */
export async function insertAsComment(source: SourceRef | null, text: string): Promise<boolean> {
  if (!source) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This chart has no source document to insert into.'));
    return false;
  }
  const uri = vscode.Uri.parse(source.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await editorFor(document);
  if (!editor) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Open {0} to insert the result as a comment.', vscode.workspace.asRelativePath(uri)),
    );
    return false;
  }
  const endLine = Math.min(source.range[2], document.lineCount - 1);
  const line = document.lineAt(endLine);
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const token = commentTokenFor(document.languageId);
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const block = text
    .split(/\r?\n/)
    .map((l) => `${indent}${token} ${l}`.trimEnd())
    .join(eol);
  return editor.edit((b) => b.insert(line.range.end, eol + block));
}

const sameDocument = (editor: vscode.TextEditor, document: vscode.TextDocument): boolean =>
  editor.document.uri.toString() === document.uri.toString();

/**
 * A text editor showing `document`: a visible one, else the document shown in the first column (keeping the
 * focus where it is); for a notebook cell, the notebook is shown and the cell revealed.
 */
async function editorFor(document: vscode.TextDocument): Promise<vscode.TextEditor | undefined> {
  const visible = vscode.window.visibleTextEditors.find((e) => sameDocument(e, document));
  if (visible) return visible;
  if (document.uri.scheme !== 'vscode-notebook-cell')
    return vscode.window.showTextDocument(document, {
      viewColumn: vscode.ViewColumn.One,
      preserveFocus: true,
      preview: false,
    });
  const notebook = vscode.workspace.notebookDocuments.find((nb) =>
    nb.getCells().some((c) => c.document === document),
  );
  const cell = notebook?.getCells().find((c) => c.document === document);
  if (!notebook || !cell) return undefined;
  // A cell's editor exists once the cell is rendered: wait (briefly) for it to appear.
  const appeared = new Promise<vscode.TextEditor | undefined>((resolve) => {
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(vscode.window.visibleTextEditors.find((e) => sameDocument(e, document)));
    }, 3000);
    const listener = vscode.window.onDidChangeVisibleTextEditors((editors) => {
      const found = editors.find((e) => sameDocument(e, document));
      if (!found) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(found);
    });
  });
  const nbEditor = await vscode.window.showNotebookDocument(notebook, {
    viewColumn: vscode.ViewColumn.One,
    preserveFocus: true,
    preview: false,
  });
  nbEditor.revealRange(new vscode.NotebookRange(cell.index, cell.index + 1));
  return vscode.window.visibleTextEditors.find((e) => sameDocument(e, document)) ?? (await appeared);
}

/** Saves an export through the host's save dialog (a download link inside a webview does nothing). */
export async function saveExport(format: 'png' | 'csv', data: string, suggestedName: string): Promise<void> {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: base ? vscode.Uri.joinPath(base, suggestedName) : undefined,
    filters: format === 'png' ? { PNG: ['png'] } : { CSV: ['csv'] },
  });
  if (!target) return;
  let bytes: Uint8Array;
  if (format === 'png') {
    const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(data);
    if (!match) {
      outputChannel.warn('Dropped a PNG export that was not a base64 PNG data URL');
      return;
    }
    bytes = base64ToBytes(match[1]);
  } else {
    bytes = new TextEncoder().encode(data);
  }
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}', target.fsPath || target.toString()));
}

function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Handles the messages both webviews share; returns false for the ones the caller must handle itself. */
export async function handleCommonMessage(
  message: FromWebviewMessage,
  source: SourceRef | null,
): Promise<boolean> {
  switch (message.type) {
    case 'copy':
      await copyPrinted(message.text, message.style);
      return true;
    case 'insertComment':
      await insertAsComment(source, message.text);
      return true;
    case 'export':
      await saveExport(message.format, message.data, message.suggestedName);
      return true;
    case 'error':
      outputChannel.error(`webview: ${message.message}`);
      return true;
    case 'rendered':
      outputChannel.debug(
        `rendered ${message.activations.join(',')} on ${message.elements} inputs in ${message.millis.toFixed(1)} ms`,
      );
      return true;
    default:
      return false;
  }
}

/** Validates a raw webview message; unknown or malformed ones are logged (never acted on) and give null. */
export function receiveFromWebview(raw: unknown, where: string): FromWebviewMessage | null {
  const message = parseFromWebview(raw);
  if (!message)
    outputChannel.warn(`Ignored an unknown message from the ${where}: ${JSON.stringify(raw)?.slice(0, 200)}`);
  return message;
}

/** The answer to a webview's `ready`: its layout, translated strings, first plot and pin state. */
export function initMessage(layout: Layout, request: PlotRequest | null, pinned: boolean): InitMessage {
  return {
    type: 'init',
    layout,
    strings: translatedUiStrings(),
    request,
    pinned,
  };
}

/** Posts a message to a webview, in wire form (the host side's one encoding point). */
export function postToWebview(webview: vscode.Webview, message: ToWebviewMessage): void {
  void webview.postMessage(toWire(message));
}
