// The Variables view's context-menu command "Plot with Activation Lens…" (a chunk loaded on first use, see
// register.ts): reads the variable's value from the paused frame through the same safe path and conversion as the
// hover (the debugger's evaluateName must be a name / attribute / subscript path) and opens the chart panel for it.
// VS Code's Watch view takes menu items from extensions only since 1.103 ("debug/watch/context"; the engine here is
// ^1.91), so "Plot a Value of the Paused Program…" in the palette asks for such an expression instead.
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { ConfigStore } from '../config';
import { DIALECT_FRAMEWORK, FRAMEWORK_DIALECT, dtypeForDialect, defaultParams } from '../core';
import { liveErrorText, liveHeader, readLive, sampleNote } from '../services/liveValues';
import { anyPausedFrame, liveCaption } from '../services/pausedFrame';
import { requestOfSubject, withCaption } from '../shared/plotRequest';
import { toWire } from '../shared/wire';

/** The expression of a Variables-view item (`{ variable: { evaluateName, name } }`) or `{ expression }`. */
export function variableExpression(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const v = (typeof r.variable === 'object' && r.variable !== null ? r.variable : r) as Record<
    string,
    unknown
  >;
  for (const key of ['evaluateName', 'expression', 'name']) {
    const value = v[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

export async function plotVariable(config: ConfigStore, raw: unknown): Promise<unknown> {
  const expression = variableExpression(raw);
  const frame = anyPausedFrame();
  if (!expression || !frame) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Pause a Python or JavaScript debug session, then pick a variable in the Variables view to plot.',
      ),
    );
    return undefined;
  }
  const cfg = config.value;
  const [read, header] = await Promise.all([
    readLive(frame, expression, cfg.maxElements),
    liveHeader(frame, expression),
  ]);
  if (!read.ok) {
    void vscode.window.showWarningMessage(liveErrorText(read, expression));
    return undefined;
  }
  const framework =
    read.value.framework ??
    (frame.language === 'javascript' ? 'tfjs' : DIALECT_FRAMEWORK[cfg.defaultDialect]);
  const dialect = FRAMEWORK_DIALECT[framework];
  const activation = cfg.defaultActivation;
  const caption = liveCaption(header, sampleNote(read));
  vscode.window.setStatusBarMessage(caption, 15_000);
  const request = withCaption(
    requestOfSubject(
      {
        activation,
        framework,
        dialect,
        dtype: read.value.dtype ?? dtypeForDialect(dialect),
        params: defaultParams(activation, dialect),
        axis: null,
        input: { ...read.value.input, text: expression },
      },
      cfg.epsilon,
      null,
    ),
    caption,
  );
  return vscode.commands.executeCommand(CommandId.OpenChart, toWire(request));
}

/** The palette command: asks for a name, attribute or subscript of the paused frame, then plots it. */
export async function plotExpression(config: ConfigStore): Promise<unknown> {
  if (!anyPausedFrame()) return plotVariable(config, undefined);
  const expression = await vscode.window.showInputBox({
    title: vscode.l10n.t('Plot a value of the paused program'),
    prompt: vscode.l10n.t(
      'A name, attribute or subscript of the selected stack frame, such as x, self.h, batch[0] or d["k"] (nothing that calls a function is read).',
    ),
    placeHolder: 'x',
    ignoreFocusOut: true,
  });
  if (!expression?.trim()) return undefined;
  return plotVariable(config, { expression });
}
