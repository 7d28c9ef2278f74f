// Plain-text (notification) wording of where a resolved input came from and why one could not be resolved; the
// hover's Markdown wording is in src/hover/hoverContent.ts (resolvedText, unresolvedText).
import * as vscode from 'vscode';
import type { SubjectSource, ValueOrigin } from '../core';
import { boundedCaption } from '../shared/plotRequest';

/** "x (line 4: torch.arange(-8.0, 8.0, 0.1))", "x (cell 2, line 1: …)", or the name alone. */
export function originText(name: string, origin: ValueOrigin | null): string {
  if (!origin) return name;
  return origin.cell !== undefined
    ? vscode.l10n.t('{0} (cell {1}, line {2}: {3})', name, origin.cell + 1, origin.line, origin.text)
    : vscode.l10n.t('{0} (line {1}: {2})', name, origin.line, origin.text);
}

/** The chart's caption of an input resolved from the code ("resolved from the code: x (line 3: …)"), or none. */
export function resolvedCaption(source: SubjectSource): string | undefined {
  const r = source.resolved;
  return r
    ? boundedCaption(vscode.l10n.t('resolved from the code: {0}', originText(r.expression, r.origin)))
    : undefined;
}

/** Why `argText` has no value: the binding that stopped resolution, where, why, and what would help. */
export function unresolvedMessage(argText: string, u: NonNullable<SubjectSource['unresolved']>): string {
  return u.cell !== undefined
    ? vscode.l10n.t(
        'The input {0} is not a literal array, and its value is not known here: stopped at {1}, cell {2}, line {3}: {4}. {5}',
        argText,
        u.name,
        u.cell + 1,
        u.line,
        u.reason,
        u.hint,
      )
    : vscode.l10n.t(
        'The input {0} is not a literal array, and its value is not known here: stopped at {1}, line {2}: {3}. {4}',
        argText,
        u.name,
        u.line,
        u.reason,
        u.hint,
      );
}
