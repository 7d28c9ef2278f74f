// The request a surface's links carry (hover and CodeLens: Open chart, side panel, Copy result): the evaluated
// subject itself. Its own file: CodeLens needs it at activation, the hover's Markdown builder loads on first hover.
import type { Detection, EvaluationResult, EvaluationSettings } from '../core';
import { requestOfSubject, type PlotRequest, type SourceRef } from '../shared/plotRequest';

/** The request the Open chart / side panel / Copy result links carry: the evaluated subject itself. */
export function plotRequestFor(
  d: Detection,
  ev: EvaluationResult,
  settings: EvaluationSettings,
  env: { sourceFor: (range: { start: number; end: number }) => SourceRef | null },
): PlotRequest | null {
  if (ev.kind === 'ok') return requestOfSubject(ev, settings.epsilon, env.sourceFor(d.inputRange ?? d.range));
  if (ev.kind === 'noInput') return requestOfSubject(ev, settings.epsilon, null);
  return null;
}
