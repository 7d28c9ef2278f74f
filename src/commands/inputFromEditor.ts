// Reads the numeric array a command should plot from the editor: the selection, else the literal around the cursor.
import * as vscode from 'vscode';
import { ParseError, parseArray, type ActivationId, type Dialect } from '../core';
import type { PlotRequest } from '../shared/plotRequest';

export type EditorInput =
  | {
      ok: true;
      input: NonNullable<PlotRequest['input']>;
      range: vscode.Range;
      /** Set when the input is the argument of a recognised activation call (e.g. tf.nn.sigmoid([...])). */
      activation?: ActivationId;
      dialect?: Dialect;
      params?: PlotRequest['params'];
    }
  | { ok: false; message: string };

const EXAMPLE = '[-3., -2., -1., 0.0, 1., 2., 3.]';

/** Where in the document a parse error offset (into `text` starting at `start`) points, as "line L, column C". */
function describeOffset(document: vscode.TextDocument, start: vscode.Position, offset: number): string {
  const pos = document.positionAt(document.offsetAt(start) + offset);
  return vscode.l10n.t('line {0}, column {1}', pos.line + 1, pos.character + 1);
}

/** Parses `text` found at `range`; a ParseError becomes a message that says what and where. */
export function parseEditorText(
  document: vscode.TextDocument,
  range: vscode.Range,
  maxElements: number,
): EditorInput {
  const text = document.getText(range);
  try {
    const { values, shape } = parseArray(text, { maxElements });
    return { ok: true, input: { values, shape, text }, range };
  } catch (err) {
    if (err instanceof ParseError && err.kind === 'tooLarge') {
      return {
        ok: false,
        message: vscode.l10n.t(
          'The selection has more than {0} numbers, the limit set by "activationLens.maxElements". Select a smaller array, or raise the setting.',
          maxElements,
        ),
      };
    }
    if (err instanceof ParseError) {
      return {
        ok: false,
        message: vscode.l10n.t(
          'Activation Lens could not read the selection as a numeric array: {0} (at {1}). Select an array such as {2}',
          err.message,
          describeOffset(document, range.start, err.offset),
          EXAMPLE,
        ),
      };
    }
    throw err;
  }
}

export function noInputMessage(): string {
  return vscode.l10n.t(
    'Select a numeric array first, or put the cursor inside one, for example {0}',
    `tf.nn.sigmoid(${EXAMPLE})`,
  );
}
