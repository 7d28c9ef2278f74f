// Live values from a paused debugger, host side: one DAP evaluate through the core's safe path and conversion (with
// a timeout and cancellation), and the header and error texts. A chunk loaded the first time a session is paused
// (src/services/pausedFrame.ts says whether one is); falls back (returns undefined) when nothing is paused.
import * as vscode from 'vscode';
import { evaluateSubject, type EvaluationResult, type Subject, type SubjectSource } from '../core';
import { liveSubject, readLiveValue, type LiveRead, type PathRefusal } from '../core/live';
import { LIVE_TIMEOUT_MS, liveLanguageOf, pausedFrame, type PausedFrame } from './pausedFrame';

/** "live value of x at frame f, line N". */
export async function liveHeader(frame: PausedFrame, argText: string): Promise<string> {
  let name = '?';
  let line = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // Bounded like the value's read: a debugger that does not answer leaves the header without the frame.
    const trace = (await Promise.race([
      frame.session.customRequest('stackTrace', { threadId: frame.threadId, levels: 50 }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), LIVE_TIMEOUT_MS))),
    ])) as {
      stackFrames?: Array<{ id: number; name: string; line: number }>;
    };
    const f = trace.stackFrames?.find((s) => s.id === frame.frameId);
    if (f) ({ name, line } = f);
  } catch {
    /* the header without the frame's name: the value itself was read */
  } finally {
    clearTimeout(timer);
  }
  return vscode.l10n.t('live value of {0} at frame {1}, line {2}', argText.trim(), name, line);
}

export async function readLive(
  frame: PausedFrame,
  argText: string,
  maxElements: number,
  token?: vscode.CancellationToken,
): Promise<LiveRead> {
  const cancelled = token
    ? new Promise<void>((resolve) => {
        if (token.isCancellationRequested) resolve();
        token.onCancellationRequested(() => resolve());
      })
    : undefined;
  return readLiveValue(
    (command, args) => frame.session.customRequest(command, args),
    frame.frameId,
    argText,
    frame.language,
    {
      maxElements,
      timeoutMs: LIVE_TIMEOUT_MS,
      cancelled,
    },
  );
}

function refusalText(reason: PathRefusal): string {
  switch (reason) {
    case 'call':
      return vscode.l10n.t('it calls a function');
    case 'operator':
      return vscode.l10n.t('it uses an operator');
    case 'comprehension':
      return vscode.l10n.t('it is a comprehension');
    case 'keyword':
      return vscode.l10n.t('it uses a keyword');
    case 'dunder':
      return vscode.l10n.t('it reaches a special (dunder) attribute');
    case 'subscript':
      return vscode.l10n.t('its subscript is not a number or a plain quoted key');
    case 'tooLong':
      return vscode.l10n.t('it is too long');
    case 'empty':
      return vscode.l10n.t('it is empty');
    default:
      return vscode.l10n.t('it is not a name, attribute or subscript');
  }
}

/** A failed read as a message that says what and why. */
export function liveErrorText(read: Exclude<LiveRead, { ok: true }>, argText: string): string {
  const arg = argText.trim().slice(0, 80);
  switch (read.reason) {
    case 'path':
      return vscode.l10n.t(
        '{0} is not read from the debugger: {1} (character {2}). Only names, attributes and subscripts such as x, self.h, batch[0] or d["k"] are read, so nothing in the program runs.',
        arg,
        refusalText(read.refusal),
        read.at + 1,
      );
    case 'notNumeric':
      return vscode.l10n.t('The live value of {0} is not numeric ({1}).', arg, read.type);
    case 'refused':
      return vscode.l10n.t('The debugger could not read {0}: {1}', arg, read.message);
    case 'timeout':
      return vscode.l10n.t('The debugger did not answer for {0} within {1} ms.', arg, read.ms);
    case 'malformed':
      return vscode.l10n.t(
        'The debugger answered for {0}, but not with a readable value: {1}',
        arg,
        read.detail,
      );
    case 'cancelled':
      return vscode.l10n.t('Reading {0} from the debugger was cancelled.', arg);
  }
}

/** A live read applied to a call's subject: its evaluation, or an error result whose message says why. */
export function liveEvaluation(
  subject: Subject,
  source: SubjectSource,
  read: LiveRead,
  argText: string,
  epsilon: number,
): EvaluationResult {
  if (!read.ok) return { kind: 'error', phase: 'evaluate', message: liveErrorText(read, argText) };
  const s = liveSubject(subject, read.value, argText.trim());
  if (!s.ok)
    return {
      kind: 'error',
      phase: 'evaluate',
      message: vscode.l10n.t(
        '{0} has {1} elements, more than the "activationLens.maxElements" setting: softmax needs them all, so it is not evaluated on a sample.',
        argText.trim(),
        s.size,
      ),
    };
  try {
    return evaluateSubject(s.subject, epsilon, source);
  } catch (err) {
    return { kind: 'error', phase: 'evaluate', message: err instanceof Error ? err.message : String(err) };
  }
}

/** The "sampled" note of a live value (null when every element was read). */
export function sampleNote(read: LiveRead): string | null {
  if (!read.ok || !read.value.sampled) return null;
  return vscode.l10n.t(
    'An even sample of {0} of its {1} elements (shape {2}), read in the debuggee.',
    read.value.input.values.length,
    read.value.size,
    `(${read.value.shape.join(', ')})`,
  );
}

/** What the commands and the side panel read live: the call's subject with the value, or why not. */
export type LiveEditorSubject =
  | {
      ok: true;
      subject: Subject & { input: NonNullable<Subject['input']> };
      header: string;
      note: string | null;
    }
  | { ok: false; message: string };

/** The live subject of a call on a name at the editor's selection, or undefined when nothing is paused. */
export async function liveEditorSubject(
  document: vscode.TextDocument,
  noInput: { subject: Subject; source: SubjectSource } | undefined,
  maxElements: number,
): Promise<LiveEditorSubject | undefined> {
  const argText = noInput?.source.argText;
  const frame = pausedFrame(liveLanguageOf(document.languageId));
  if (!noInput || !argText || !frame) return undefined;
  const [read, header] = await Promise.all([
    readLive(frame, argText, maxElements),
    liveHeader(frame, argText),
  ]);
  if (!read.ok) return { ok: false, message: liveErrorText(read, argText) };
  const s = liveSubject(noInput.subject, read.value, argText.trim());
  if (!s.ok) {
    const ev = liveEvaluation(noInput.subject, noInput.source, read, argText, 0.01);
    return { ok: false, message: ev.kind === 'error' ? ev.message : '' };
  }
  return { ok: true, subject: s.subject, header, note: sampleNote(read) };
}
