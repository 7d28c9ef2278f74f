// The hovers while a debugger is paused, a chunk loaded the first time one is shown: a call whose input is a name
// (`F.gelu(x)`) evaluated on the name's live value, and a bare name (`x` on `x = torch.linspace(…)` or any later
// line) that a recognised call in the document takes as input, with what that call does to it. Both under the
// header "live value of x at frame f, line N".
import type * as vscode from 'vscode';
import {
  evaluateDetection,
  type Detection,
  type EvaluationResult,
  type EvaluationSettings,
  type SubjectSource,
} from '../core';
import { toRange } from '../services/documentAccess';
import { liveEvaluation, liveHeader, readLive, sampleNote } from '../services/liveValues';
import { liveCaption, type PausedFrame } from '../services/pausedFrame';
import { code, escapeMarkdown, renderHover, type HoverEnv, type HoverMarkdown } from './hoverContent';

/** The call's source for its live value: what static resolution said about the input is not about these values. */
function liveSource(source: SubjectSource): SubjectSource {
  const live = { ...source };
  delete live.resolved;
  delete live.unresolved;
  return live;
}

/** The hover of call `detection` (statically `result`: no input, or one resolved from the code) on its live input. */
export async function buildLiveCallHover(
  detection: Detection,
  result: Extract<EvaluationResult, { kind: 'noInput' | 'ok' }>,
  argText: string,
  frame: PausedFrame,
  settings: EvaluationSettings,
  env: HoverEnv,
  token: vscode.CancellationToken,
): Promise<HoverMarkdown | undefined> {
  const noInput = { ...result, kind: 'noInput' as const };
  const [read, header] = await Promise.all([
    readLive(frame, argText, settings.maxElements, token),
    liveHeader(frame, argText),
  ]);
  if (token.isCancellationRequested) return undefined;
  const ev = liveEvaluation(noInput, liveSource(result.source), read, argText, settings.epsilon);
  const note = sampleNote(read);
  const live = renderHover(detection, ev, settings, { ...env, caption: liveCaption(header, note) });
  live.markdown = [`*${escapeMarkdown(header)}*`, live.markdown, ...(note ? [note] : [])].join('\n\n');
  return live;
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
  const ev = liveEvaluation(subject, liveSource(result.source), read, name, settings.epsilon);
  const live = renderHover(call, ev, settings, {
    ...env,
    caption: liveCaption(header, sampleNote(read)),
  });
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
