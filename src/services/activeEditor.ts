// The text editor a command acts on: the active one, or, while a webview (the chart panel, the side panel) has the
// focus, the text editor that was active last and is still visible.
import * as vscode from 'vscode';

let last: vscode.TextEditor | undefined;

/** Starts tracking (once, at activation). */
export function trackTextEditors(): vscode.Disposable {
  last = vscode.window.activeTextEditor;
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor) last = editor;
    }),
    // A selection change is the user working in that editor, even before it is reported as the active one.
    vscode.window.onDidChangeTextEditorSelection((e) => {
      last = e.textEditor;
    }),
  );
}

/** The active text editor, else the last active one while it is still visible. */
export function currentTextEditor(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active) return active;
  if (last && vscode.window.visibleTextEditors.includes(last)) return last;
  // Editors are re-created when they are moved or re-shown: match the document instead.
  return vscode.window.visibleTextEditors.find((e) => e.document === last?.document);
}
