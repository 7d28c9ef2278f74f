// The hover on a bare name while a debugger is paused (`x` on `x = torch.linspace(…)` or on any later line): only a
// name (or attribute path) that is the input of a recognised activation call or layer call in the document gets
// one, so hovering an ordinary identifier sends nothing to the debugger. The hover shows the name's live value in
// the selected frame and what that call does to it, under the header "live value of x at frame f, line N".
import * as vscode from 'vscode';
import { evaluateDetection, type Detection, type EvaluationSettings, type ResolutionContext } from '../core';
import { detectionAt, toRange } from '../services/documentAccess';
import { code, escapeMarkdown, renderHover, type HoverEnv, type HoverMarkdown } from './hoverContent';
import { liveEvaluation, liveHeader, readLive, sampleNote, type PausedFrame } from '../services/liveValues';

/** A name or an attribute path (`x`, `self.act_in`, `block.act_in`): what a call's input may be. */
const PATH = /[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/;
/** Occurrences of the name looked at for its call (each costs one bounded detection around it). */
const MAX_OCCURRENCES = 200;

/** The path under the mouse, unless it is a keyword. */
export function pathAt(
  document: vscode.TextDocument,
  position: vscode.Position,
  keywords: ReadonlySet<string>,
): { name: string; range: vscode.Range } | undefined {
  const range = document.getWordRangeAtPosition(position, PATH);
  if (!range || range.end.line !== range.start.line) return undefined;
  const name = document.getText(range);
  return keywords.has(name) ? undefined : { name, range };
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\w$.]/.test(c);

/**
 * The activation call (or layer call) in the document whose input is exactly `name`: the first one at or after
 * `from` (the code that uses the value next), else the last one before it; null when there is none. Linear in the
 * document: one scan for the name, at most MAX_OCCURRENCES bounded detections.
 */
export function consumerOf(
  document: vscode.TextDocument,
  name: string,
  from: number,
  resolution: ResolutionContext | undefined,
  token: vscode.CancellationToken,
): Detection | null {
  const text = document.getText();
  let before: Detection | null = null;
  let seen = 0;
  for (let at = text.indexOf(name); at >= 0 && seen < MAX_OCCURRENCES; at = text.indexOf(name, at + 1)) {
    if (token.isCancellationRequested) return null;
    // The whole name, not a part of a longer one (`x` in `x64` or `self.x`).
    if (isWordChar(text[at - 1]) || isWordChar(text[at + name.length])) continue;
    seen++;
    const d = detectionAt(document, document.positionAt(at), resolution);
    if (d?.kind !== 'call' || d.argText?.trim() !== name || !d.inputRange) continue;
    if (d.inputRange.start > at || at >= d.inputRange.end) continue;
    if (at >= from) return d;
    before = d;
  }
  return before;
}

/** The live hover of `name` at `range`, evaluated by its consumer call `call` on the value read in `frame`. */
export async function buildLiveNameHover(
  name: string,
  call: Detection,
  document: vscode.TextDocument,
  frame: PausedFrame,
  settings: EvaluationSettings,
  env: HoverEnv,
  token: vscode.CancellationToken,
): Promise<HoverMarkdown | undefined> {
  // The call as the hover of the call itself would read it (activation, framework, parameters, axis).
  const result = evaluateDetection(call, settings, env.aliases, env.activation, env.resolution);
  if (result.kind !== 'noInput' && !(result.kind === 'ok' && result.source.resolved)) return undefined;
  const subject = { ...result, kind: 'noInput' as const };
  const [read, header] = await Promise.all([
    readLive(frame, name, settings.maxElements, token),
    liveHeader(frame, name),
  ]);
  if (token.isCancellationRequested) return undefined;
  const ev = liveEvaluation(subject, result.source, read, name, settings.epsilon);
  const live = renderHover(call, ev, settings, env);
  const callText = document.getText(toRange(document, call.range));
  const line = toRange(document, call.range).start.line + 1;
  const note = sampleNote(read);
  const consumer = env.l10n.t('the input of {0} on line {1}', code(callText, 80), line);
  live.markdown = [
    `*${escapeMarkdown(header)}* \u00b7 ${consumer}`,
    live.markdown,
    ...(note ? [note] : []),
  ].join('\n\n');
  return live;
}
