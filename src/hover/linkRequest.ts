// The request a surface's links carry (hover and CodeLens: Open chart, side panel, Copy result): the evaluated
// subject itself. Its own file: CodeLens needs it at activation, the hover's Markdown builder loads on first hover.
import type { Detection, EvaluationResult, EvaluationSettings, SubjectSource } from '../core';
import { requestOfSubject, withCaption, type PlotRequest, type SourceRef } from '../shared/plotRequest';

/** The request the Open chart / side panel / Copy result links carry: the evaluated subject itself. */
export function plotRequestFor(
  d: Detection,
  ev: EvaluationResult,
  settings: EvaluationSettings,
  env: {
    sourceFor: (range: { start: number; end: number }) => SourceRef | null;
    /** Where the values came from (a live hover's "live value of x at frame f, line N"), shown by the chart. */
    caption?: string;
    /** Otherwise the caption of where a resolved input came from ("resolved from the code: x (line 3: …)"). */
    captionOf?: (source: SubjectSource) => string | undefined;
  },
): PlotRequest | null {
  if (ev.kind === 'ok')
    return withCaption(
      requestOfSubject(ev, settings.epsilon, env.sourceFor(d.inputRange ?? d.range)),
      env.caption ?? env.captionOf?.(ev.source),
    );
  if (ev.kind === 'noInput') return requestOfSubject(ev, settings.epsilon, null);
  return null;
}
