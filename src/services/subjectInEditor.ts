// What the commands and the side panel act on: the subject at the editor's selection (read by the core pipeline).
// A selection inside a recognised activation call, or the call itself, means the call; any other selection is read
// as a numeric array; with no selection, the call or array literal around the cursor. Errors say what and where.
import * as vscode from 'vscode';
import {
  subjectOfDetection,
  subjectOfText,
  subjectOfValue,
  type EvaluationSettings,
  type Subject,
  type SubjectInput,
  type SubjectResult,
  type SubjectSource,
} from '../core';
import { aliasesFor, detectionAt, resolutionFor, toRange } from './documentAccess';
import { originText, unresolvedMessage } from './resolutionText';

export type EditorSubject =
  | {
      ok: true;
      subject: Subject & { input: SubjectInput };
      source: SubjectSource;
      /** The input's text in the document (the call's argument, or the selection). */
      range: vscode.Range;
      /** The input is the argument of an activation call: the call says which activation and parameters. */
      fromCall: boolean;
    }
  | {
      ok: false;
      message: string;
      /** No selection and nothing readable at the cursor (the message is the general instruction). */
      nothingHere?: boolean;
      /** A call whose input is not a literal (`F.gelu(x)`): a paused debugger may give its live value. */
      noInput?: { subject: Subject; source: SubjectSource; range: vscode.Range };
    };

const EXAMPLE = '[-3., -2., -1., 0.0, 1., 2., 3.]';

/** "Line L, column C" of an offset into the text that starts at `start`. */
function where(document: vscode.TextDocument, start: vscode.Position, offset: number): string {
  const pos = document.positionAt(document.offsetAt(start) + offset);
  return vscode.l10n.t('Line {0}, column {1}', pos.line + 1, pos.character + 1);
}

/** A first-stage result that is not a subject, as a message that leads with what and where. */
function messageFor(
  result: Exclude<SubjectResult, { kind: 'subject' }>,
  document: vscode.TextDocument,
  start: vscode.Position,
  settings: EvaluationSettings,
): string {
  switch (result.kind) {
    case 'tooLarge':
      return vscode.l10n.t(
        'More than {0} numbers (the "activationLens.maxElements" setting): select a smaller array, or raise the setting.',
        settings.maxElements,
      );
    case 'truncated':
      return vscode.l10n.t(
        'The array around the cursor is too long to find from here: select the whole array, then run the command again.',
      );
    case 'noInput':
      if (result.source.unresolved)
        return unresolvedMessage(result.source.argText ?? '?', result.source.unresolved);
      return vscode.l10n.t(
        '{0} is not a literal array, so there are no values to plot. Select a numeric array such as {1}',
        result.source.argText ?? '?',
        EXAMPLE,
      );
    case 'error':
      return result.offset !== undefined
        ? vscode.l10n.t(
            '{0}: {1}. Select a numeric array such as {2}',
            where(document, start, result.offset),
            result.message,
            EXAMPLE,
          )
        : vscode.l10n.t('{0}. Select a numeric array such as {1}', result.message, EXAMPLE);
  }
}

function contains(outer: { start: number; end: number }, start: number, end: number): boolean {
  return outer.start <= start && end <= outer.end;
}

/** An editor, or a document with a selection the side panel keeps following (a live expression). */
export type SelectionIn = Pick<vscode.TextEditor, 'document' | 'selection'>;

export function subjectInEditor(editor: SelectionIn, settings: EvaluationSettings): EditorSubject {
  const { document, selection } = editor;
  const aliases = aliasesFor(document);
  const resolution = resolutionFor(document);
  const selected = selection.isEmpty ? '' : document.getText(selection);
  if (selected.trim() !== '') {
    const start = document.offsetAt(selection.start);
    const end = document.offsetAt(selection.end);
    // Inside the selection (not on its edge), so a selected `[…]` finds the call around it.
    const probe = document.positionAt(Math.min(end - 1, start + 1));
    const call = detectionAt(document, probe, resolution);
    if (call?.kind === 'call' && contains(call.range, start, end)) {
      const result = subjectOfDetection(call, settings, aliases, undefined, resolution);
      if (result.kind === 'subject' && call.inputRange) {
        return { ok: true, ...result, range: toRange(document, call.inputRange), fromCall: true };
      }
      if (result.kind !== 'subject') {
        const inputStart = toRange(document, call.inputRange ?? call.range).start;
        const message = messageFor(result, document, inputStart, settings);
        if (result.kind === 'noInput')
          return { ok: false, message, noInput: { ...result, range: toRange(document, call.range) } };
        return { ok: false, message };
      }
    }
    const result = subjectOfText(selected, settings, aliases);
    if (result.kind === 'subject') return { ok: true, ...result, range: selection, fromCall: false };
    return { ok: false, message: messageFor(result, document, selection.start, settings) };
  }
  const found = detectionAt(document, selection.active, resolution);
  if (!found) {
    const named = resolution ? subjectOfName(document, selection.active, settings, aliases) : null;
    if (named) return named;
    return {
      ok: false,
      nothingHere: true,
      message: vscode.l10n.t(
        'Select a numeric array first, or put the cursor inside one, for example {0}',
        `tf.nn.sigmoid(${EXAMPLE})`,
      ),
    };
  }
  const result = subjectOfDetection(found, settings, aliases, undefined, resolution);
  const inputRange = found.inputRange ?? found.range;
  if (result.kind === 'subject') {
    return { ok: true, ...result, range: toRange(document, inputRange), fromCall: found.kind === 'call' };
  }
  const message = messageFor(result, document, toRange(document, inputRange).start, settings);
  if (result.kind === 'noInput')
    return { ok: false, message, noInput: { ...result, range: toRange(document, found.range) } };
  return { ok: false, message };
}

/** The cursor on a name the code gives an array value (`y` after `y = torch.relu(x)`): that value as a bare array. */
function subjectOfName(
  document: vscode.TextDocument,
  position: vscode.Position,
  settings: EvaluationSettings,
  aliases: Readonly<Record<string, string>>,
): EditorSubject | null {
  const resolution = resolutionFor(document);
  const range = document.getWordRangeAtPosition(position, /(?:self\.)?[A-Za-z_$][\w$]*/);
  if (!resolution || !range) return null;
  const name = document.getText(range);
  const value = resolution.resolver.resolveValue(resolution.doc, document.offsetAt(range.start), name, {
    maxElements: settings.maxElements,
    aliases,
  });
  if (value.kind === 'tooLarge')
    return {
      ok: false,
      message: messageFor({ kind: 'tooLarge', limit: value.limit }, document, range.start, settings),
    };
  if (value.kind !== 'value') return null;
  const result = subjectOfValue(value, settings);
  if (result.kind !== 'subject') {
    const why = result.kind === 'error' ? result.message : '';
    return {
      ok: false,
      message: vscode.l10n.t('{0} has no float values to plot: {1}', originText(name, value.origin), why),
    };
  }
  return { ok: true, ...result, range, fromCall: false };
}
