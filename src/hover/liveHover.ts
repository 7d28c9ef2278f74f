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

/** The hover of call `call` (statically `result`: no input, or one resolved from the code) on `argText`'s live value. */
async function renderLive(
  call: Detection,
  result: Extract<EvaluationResult, { kind: 'noInput' | 'ok' }>,
  argText: string,
  frame: PausedFrame,
  settings: EvaluationSettings,
  env: HoverEnv,
  token: vscode.CancellationToken,
): Promise<{ live: HoverMarkdown; header: string; note: string | null } | undefined> {
  const [read, header] = await Promise.all([
    readLive(frame, argText, settings.maxElements, token),
    liveHeader(frame, argText),
  ]);
  if (token.isCancellationRequested) return undefined;
  const noInput = { ...result, kind: 'noInput' as const };
  const ev = liveEvaluation(noInput, liveSource(result.source), read, argText, settings.epsilon);
  const note = sampleNote(read);
  const live = renderHover(call, ev, settings, { ...env, caption: liveCaption(header, note) });
  return { live, header, note };
}

/** The hover of call `detection` on its live input, under the live header. */
export async function buildLiveCallHover(
  detection: Detection,
  result: Extract<EvaluationResult, { kind: 'noInput' | 'ok' }>,
  argText: string,
  frame: PausedFrame,
  settings: EvaluationSettings,
  env: HoverEnv,
  token: vscode.CancellationToken,
): Promise<HoverMarkdown | undefined> {
  const r = await renderLive(detection, result, argText, frame, settings, env, token);
  if (!r) return undefined;
  r.live.markdown = [`*${escapeMarkdown(r.header)}*`, r.live.markdown, ...(r.note ? [r.note] : [])].join(
    '\n\n',
  );
  return r.live;
}

/** The live hover of `name`, evaluated by its consumer call `call` on the value read in `frame`. */
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
  const r = await renderLive(call, result, name, frame, settings, env, token);
  if (!r) return undefined;
  const range = toRange(document, call.range);
  const consumer = env.l10n.t(
    'the input of {0} on line {1}',
    code(document.getText(range), 80),
    range.start.line + 1,
  );
  r.live.markdown = [
    `*${escapeMarkdown(r.header)}* \u00b7 ${consumer}`,
    r.live.markdown,
    ...(r.note ? [r.note] : []),
  ].join('\n\n');
  return r.live;
}
