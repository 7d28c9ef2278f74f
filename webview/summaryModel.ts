// Pure: the summary beside the chart, in the article's vocabulary (饱和, 左饱和, 右饱和, 以0为中心, 导函数): how many
// inputs are saturated or dead, the output mean, range, monotonicity, smoothness and the saturation kinds.
import type { SaturationKind } from '../src/core';
import { fillPlaceholders } from '../src/shared/uiStrings';
import type { Strings } from './strings';
import type { PlotContext } from './model';
import { cellText } from './format';

export type Tone = 'warn' | 'ok' | 'info';
export interface SummaryItem {
  /** Stable id (tests, CSS). */
  key: string;
  term: string;
  detail: string;
  tone: Tone;
}

export interface SummaryModel {
  title: string;
  formula: string;
  items: SummaryItem[];
}

function saturationText(kind: SaturationKind, strings: Strings): string {
  return kind === 'soft'
    ? strings.saturationSoft
    : kind === 'hard'
      ? strings.saturationHard
      : strings.saturationNoneLeaky;
}

export function buildSummary(ctx: PlotContext, strings: Strings): SummaryModel {
  const { info, analysis, request } = ctx;
  const p = info.properties;
  const items: SummaryItem[] = [];
  if (analysis && analysis.summary.count === 0) {
    items.push({ key: 'inputs', term: strings.inputsTerm, detail: strings.emptyInput, tone: 'info' });
  } else if (analysis) {
    const s = analysis.summary;
    items.push({
      key: 'saturated',
      term: strings.inputsTerm,
      detail: fillPlaceholders(
        info.vector ? strings.inputsSaturatedVector : strings.inputsSaturated,
        s.saturated,
        s.count,
        s.leftSaturated,
        s.rightSaturated,
      ),
      tone: s.saturated > 0 ? 'warn' : 'ok',
    });
    if (s.nan > 0) {
      items.push({
        key: 'nan',
        term: 'NaN',
        detail: fillPlaceholders(strings.inputsNaN, s.nan, s.count),
        tone: 'warn',
      });
    }
    if (s.dead > 0) {
      items.push({
        key: 'dead',
        term: strings.dead,
        detail: fillPlaceholders(strings.inputsDead, s.dead, s.count),
        tone: 'warn',
      });
    }
    if (!info.vector) {
      // The mean covers the finite outputs only: say so when some are left out, and say "none" rather than "nan".
      if (s.finiteOutputs === 0) {
        items.push({
          key: 'mean',
          term: strings.noFiniteOutput,
          detail: strings.noFiniteOutputDetail,
          tone: 'info',
        });
      } else {
        const mean = cellText(s.outputMean, ctx.dtype);
        items.push({
          key: 'mean',
          term:
            s.finiteOutputs < s.count
              ? fillPlaceholders(strings.outputMeanOf, mean, s.finiteOutputs)
              : fillPlaceholders(strings.outputMean, mean),
          detail: s.zeroCentred ? strings.zeroCentred : strings.notZeroCentred,
          tone: s.zeroCentred ? 'ok' : 'info',
        });
      }
    }
  } else if (!request.input) {
    items.push({ key: 'inputs', term: strings.inputsTerm, detail: strings.noInputs, tone: 'info' });
  }
  items.push({
    key: 'centred',
    term: strings.zeroCentredTerm,
    detail: p.zeroCentred ? strings.functionZeroCentred : strings.functionNotZeroCentred,
    tone: p.zeroCentred ? 'ok' : 'info',
  });
  const bounded =
    p.bounded === 'both'
      ? strings.boundedBoth
      : p.bounded === 'below'
        ? strings.boundedBelow
        : p.bounded === 'above'
          ? strings.boundedAbove
          : strings.unbounded;
  items.push({
    key: 'range',
    term: fillPlaceholders(strings.range, info.range),
    detail: bounded,
    tone: 'info',
  });
  const monotonic =
    p.monotonic === 'strict'
      ? strings.monotonicStrict
      : p.monotonic === 'non-decreasing'
        ? strings.monotonicNonDecreasing
        : strings.monotonicNo;
  items.push({ key: 'monotonic', term: strings.monotonic, detail: monotonic, tone: 'info' });
  const smooth =
    p.smoothness === 'C0' ? strings.smoothC0 : p.smoothness === 'C1' ? strings.smoothC1 : strings.smoothCinf;
  items.push({ key: 'smoothness', term: strings.smoothness, detail: smooth, tone: 'info' });
  if (!info.vector) {
    items.push({
      key: 'left',
      term: strings.leftSaturation,
      detail: saturationText(p.leftSaturation, strings),
      tone: p.leftSaturation === 'none' ? 'ok' : 'warn',
    });
    items.push({
      key: 'right',
      term: strings.rightSaturation,
      detail: saturationText(p.rightSaturation, strings),
      tone: p.rightSaturation === 'none' ? 'ok' : 'warn',
    });
  }
  if (info.seed) items.push({ key: 'seed', term: '', detail: strings.seedActivation, tone: 'info' });
  return { title: info.label, formula: info.formula, items };
}
