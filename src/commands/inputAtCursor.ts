// The input a command or the side panel uses: the selection when there is one, else the array literal or activation
// call around the cursor (found by the same detector the hovers use, reading only the text near the cursor).
import * as vscode from 'vscode';
import { detectAt, getActivation, type Detection } from '../core';
import { noInputMessage, parseEditorText, type EditorInput } from './inputFromEditor';

/** The detection at `position`, reading only a bounded window of the document around it. */
export function detectionAt(document: vscode.TextDocument, position: vscode.Position): Detection | null {
  const text = (start: number, end: number): string =>
    document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end)));
  const docLength = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  return detectAt(text, docLength, document.offsetAt(position), document.languageId);
}

function rangeOf(document: vscode.TextDocument, r: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(r.start), document.positionAt(r.end));
}

/** Turns a detection with a literal input into an EditorInput (with the call's activation, dialect, parameters). */
function fromDetection(document: vscode.TextDocument, d: Detection, maxElements: number): EditorInput | null {
  if (d.inputText === null || !d.inputRange) return null;
  const parsed = parseEditorText(document, rangeOf(document, d.inputRange), maxElements);
  if (!parsed.ok || d.kind !== 'call' || !d.activation) return parsed;
  const known = new Set(getActivation(d.activation).params.map((p) => p.name));
  const params = Object.fromEntries(Object.entries(d.params).filter(([name]) => known.has(name)));
  return { ...parsed, activation: d.activation, dialect: d.dialect, params: { [d.activation]: params } };
}

export function findInputInEditor(editor: vscode.TextEditor, maxElements: number): EditorInput {
  const { document, selection } = editor;
  if (!selection.isEmpty && document.getText(selection).trim() !== '') {
    const parsed = parseEditorText(document, selection, maxElements);
    if (parsed.ok) return parsed;
    // A selected whole activation call (`tf.nn.relu([...])`) is read as that call.
    const inside = detectionAt(document, selection.start.translate(0, 0));
    const selected = document.getText(selection).trim();
    if (inside && inside.kind === 'call' && document.getText(rangeOf(document, inside.range)) === selected) {
      return fromDetection(document, inside, maxElements) ?? parsed;
    }
    return parsed;
  }
  const found = detectionAt(document, selection.active);
  if (found) {
    const input = fromDetection(document, found, maxElements);
    if (input) return input;
  }
  return { ok: false, message: noInputMessage() };
}
