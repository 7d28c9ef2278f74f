// The input a command or the side panel uses: the selection when there is one, else the array literal or activation
// call around the cursor (found by the same detector and import aliases the hovers use, reading only nearby text).
import * as vscode from 'vscode';
import { getActivation, type Detection } from '../core';
import { detectionAt } from '../hover/documentAccess';
import { noInputMessage, parseEditorText, type EditorInput } from './inputFromEditor';

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
