// The palette commands: Plot Selection…, Compare Activations on Selection…, Plot Activation…. Each reads the subject
// at the editor's selection through the core pipeline (services/subjectInEditor.ts) and opens the chart panel
// through its command (panel/register.ts).
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { evaluationSettings, type ConfigStore } from '../config';
import { DIALECT_FRAMEWORK, dtypeForDialect, type ActivationId } from '../core';
import { currentTextEditor } from '../services/activeEditor';
import { resolverReadyFor, sourceOfRange } from '../services/documentAccess';
import { liveCaption, liveEditorSubjectIfPaused } from '../services/pausedFrame';
import { resolvedCaption } from '../services/resolutionText';
import { subjectInEditor, type EditorSubject } from '../services/subjectInEditor';
import { requestOfSubject, withCaption, type PlotRequest, type SourceRef } from '../shared/plotRequest';
import { toWire } from '../shared/wire';
import { askParams, pickActivation, pickActivations } from './pickers';

/** `caption`: where the values came from (a paused frame, or the binding they were resolved from). */
type Found = Extract<EditorSubject, { ok: true }> & { sourceRef: SourceRef; caption?: string };

/** Reads the subject at the selection of the text editor the user works in (a call on a name: its live value when
 * a debugger is paused), or tells them what to select. */
async function readSubject(config: ConfigStore): Promise<Found | undefined> {
  const editor = currentTextEditor();
  if (!editor) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Open a file and select a numeric array to plot, or run "Activation Lens: Plot Activation…".',
      ),
    );
    return undefined;
  }
  await resolverReadyFor(editor.document);
  const found = subjectInEditor(editor, evaluationSettings(config.value));
  if (!found.ok) {
    const live = await liveEditorSubjectIfPaused(editor.document, found.noInput, config.value.maxElements);
    if (live?.ok && found.noInput) {
      const caption = liveCaption(live.header, live.note);
      vscode.window.setStatusBarMessage(caption, 15_000);
      const range = found.noInput.range;
      return {
        caption,
        ok: true,
        subject: live.subject,
        source: found.noInput.source,
        range,
        fromCall: true,
        sourceRef: sourceOfRange(editor.document, range),
      };
    }
    void vscode.window.showWarningMessage(live && !live.ok ? live.message : found.message);
    return undefined;
  }
  // Resolved from the code, but a paused debugger knows the running program's value: that one wins.
  if (found.source.resolved) {
    const candidate = { subject: found.subject, source: found.source, range: found.range };
    const live = await liveEditorSubjectIfPaused(editor.document, candidate, config.value.maxElements);
    if (live?.ok) {
      const caption = liveCaption(live.header, live.note);
      vscode.window.setStatusBarMessage(caption, 15_000);
      return {
        ...found,
        subject: live.subject,
        sourceRef: sourceOfRange(editor.document, found.range),
        caption,
      };
    }
  }
  return {
    ...found,
    sourceRef: sourceOfRange(editor.document, found.range),
    caption: resolvedCaption(found.source),
  };
}

/** Opens the chart panel through its command (returns the panel, for the tests). */
function openChart(request: PlotRequest): Thenable<unknown> {
  return vscode.commands.executeCommand(CommandId.OpenChart, toWire(request));
}

export async function plotSelection(config: ConfigStore): Promise<unknown> {
  const found = await readSubject(config);
  if (!found) return undefined;
  const preferred = found.fromCall ? found.subject.activation : undefined;
  const id = await pickActivation(
    vscode.l10n.t('Which activation should be applied to the selected array?'),
    preferred,
  );
  if (!id) return undefined;
  // The call's parameters apply to the call's own activation; another activation starts from its defaults.
  const subject =
    id === found.subject.activation ? found.subject : { ...found.subject, activation: id, params: {} };
  const params = await askParams(id, subject.dialect, id === preferred ? subject.params : undefined);
  if (!params) return undefined;
  return openChart(
    withCaption(
      requestOfSubject({ ...subject, params, source: found.source }, config.value.epsilon, found.sourceRef),
      found.caption,
    ),
  );
}

export async function compareSelection(config: ConfigStore): Promise<unknown> {
  const found = await readSubject(config);
  if (!found) return undefined;
  const ids = await pickActivations(vscode.l10n.t('Pick the activations to compare on the selected array'));
  if (!ids) return undefined;
  const subject = { ...found.subject, activation: ids[0], params: {} };
  return openChart(
    withCaption(
      {
        ...requestOfSubject({ ...subject, source: found.source }, config.value.epsilon, found.sourceRef, ids),
        params: {},
      },
      found.caption,
    ),
  );
}

export async function plotActivation(config: ConfigStore, preset?: ActivationId): Promise<unknown> {
  const id = preset ?? (await pickActivation(vscode.l10n.t('Which activation should be plotted?')));
  if (!id) return undefined;
  const dialect = config.value.defaultDialect;
  return openChart({
    activations: [id],
    input: null,
    framework: DIALECT_FRAMEWORK[dialect],
    dialect,
    dtype: dtypeForDialect(dialect),
    axis: null,
    params: {},
    epsilon: config.value.epsilon,
    source: null,
  });
}
