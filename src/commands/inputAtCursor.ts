// The input a command uses: the selection when there is one, else the array literal around the cursor.
import * as vscode from 'vscode';
import { noInputMessage, parseEditorText, type EditorInput } from './inputFromEditor';

export function findInputInEditor(editor: vscode.TextEditor, maxElements: number): EditorInput {
  const selection = editor.selection;
  if (!selection.isEmpty && editor.document.getText(selection).trim() !== '') {
    return parseEditorText(editor.document, selection, maxElements);
  }
  return { ok: false, message: noInputMessage() };
}
