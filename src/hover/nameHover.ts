// The hover on a name (`y` anywhere after `y = torch.relu(x)`, or on its own binding): its value as the
// framework's print(y) shows it, where it was bound, then — for a float array — the usual bare-array hover of that
// value (activation result, links, switch links). Pure like hoverContent.ts: the host passes l10n and the value.
import {
  FRAMEWORK_LABELS,
  FRAMEWORK_PRINT_STYLE,
  evaluateSubjectResult,
  printResolved,
  printValues,
  subjectOfValue,
  type Detection,
  type EvaluationSettings,
  type ResolvedValue,
} from '../core';
import { codeBlock } from '../core/markdown/markdownText';
import { code, renderHover, type HoverEnv, type HoverMarkdown } from './hoverContent';

/** What print(name) shows, or the values in the framework's style when the formatters do not print it exactly. */
export function valuePrint(v: ResolvedValue): string {
  const exact = printResolved(v);
  if (exact !== null) return exact;
  const float = v.dtype === 'float32' || v.dtype === 'float64';
  if (v.framework === 'python' || !float) return printValues(v.values, v.shape, 'json', 'float64');
  return printValues(v.values, v.shape, FRAMEWORK_PRINT_STYLE[v.framework], v.dtype as 'float32' | 'float64');
}

/** The hover of `name` at `range`, whose value the resolver computed. */
export function buildNameHover(
  name: string,
  range: { start: number; end: number },
  value: ResolvedValue,
  settings: EvaluationSettings,
  env: HoverEnv,
): HoverMarkdown {
  const { l10n } = env;
  const fw = value.framework === 'python' ? 'Python' : FRAMEWORK_LABELS[value.framework];
  const shape = `(${value.shape.join(', ')}${value.shape.length === 1 ? ',' : ''})`;
  const o = value.origin;
  const lines = [
    `**${code(name, 60)}** \u00b7 ${fw} \u00b7 ${value.dtype} \u00b7 ${l10n.t('shape {0}', shape)}`,
  ];
  if (o)
    lines.push(
      o.cell !== undefined
        ? l10n.t(
            'Bound at {0}, cell {1}, line {2}: {3}',
            code(o.name, 60),
            o.cell + 1,
            o.line,
            code(o.text, 120),
          )
        : l10n.t('Bound at {0}, line {1}: {2}', code(o.name, 60), o.line, code(o.text, 120)),
    );
  lines.push(codeBlock(valuePrint(value), 'text'));
  const subject = subjectOfValue(value, settings, env.activation);
  if (subject.kind !== 'subject') {
    return {
      markdown: lines.join('\n\n'),
      enabledCommands: [],
      result: evaluateSubjectResult(subject, settings.epsilon),
      request: null,
    };
  }
  // The value as a bare array under the mouse: the array hover's evaluation, links and switch links.
  const d: Detection = { kind: 'array', params: {}, inputText: null, range, inputRange: range };
  const ev = evaluateSubjectResult(subject, settings.epsilon);
  const array = renderHover(d, ev, settings, env);
  return { ...array, markdown: `${lines.join('\n\n')}\n\n---\n\n${array.markdown}` };
}
