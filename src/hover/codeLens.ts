// Opt-in CodeLens above recognised activation calls: "Plot · sigmoid → [0.0474 … 0.9526]", opening the chart.
// Cheap to provide (bounded per-line scan, capped, cancellable); titles are computed when a lens is resolved.
import * as vscode from 'vscode';
import { resolvedCaption, unresolvedMessage } from '../services/resolutionText';
import { getActivation, shortResult, type Detection } from '../core';
import { evaluationSettings, type ConfigStore } from '../config';
import { CommandId } from '../commandIds';
import { resolverReadyFor, sourceRef } from '../services/documentAccess';
import { toWire } from '../shared/wire';
import { plotRequestFor } from './linkRequest';
import { callsInLines, type EvaluationCache } from './inlineScan';

/** Lines of a document the CodeLens scan reads (the cheap pre-filter runs on each). */
const MAX_CODELENS_LINES = 50_000;

class ActivationCodeLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly document: vscode.TextDocument,
    readonly detection: Detection,
  ) {
    super(range);
  }
}

export class ActivationCodeLensProvider
  implements vscode.CodeLensProvider<ActivationCodeLens>, vscode.Disposable
{
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(
    private readonly config: ConfigStore,
    private readonly cache: EvaluationCache,
  ) {}

  /** Asks the editor to ask again (after a settings change). */
  refresh(): void {
    this.emitter.fire();
  }

  async provideCodeLenses(
    document: vscode.TextDocument,
    token: vscode.CancellationToken,
  ): Promise<ActivationCodeLens[]> {
    if (!this.config.value.codeLensEnabled) return [];
    await resolverReadyFor(document);
    // Bounded: at most MAX_CODELENS_LINES lines and MAX_INLINE_RESULTS lenses per document.
    const last = Math.min(document.lineCount, MAX_CODELENS_LINES) - 1;
    return callsInLines(document, 0, last, token).map((d) => {
      const start = document.positionAt(d.range.start);
      return new ActivationCodeLens(new vscode.Range(start, start), document, d);
    });
  }

  async resolveCodeLens(
    lens: ActivationCodeLens,
    token: vscode.CancellationToken,
  ): Promise<ActivationCodeLens | undefined> {
    await resolverReadyFor(lens.document);
    if (token.isCancellationRequested) return undefined;
    const settings = evaluationSettings(this.config.value);
    const d = lens.detection;
    const ev = this.cache.get(d, settings, lens.document);
    const label = getActivation(
      ev.kind === 'ok' || ev.kind === 'noInput'
        ? ev.activation
        : (d.activation ?? settings.defaultActivation),
    ).label;
    const request = plotRequestFor(d, ev, settings, {
      sourceFor: (r) => sourceRef(lens.document, r),
      captionOf: resolvedCaption,
    });
    let title: string;
    let tooltip: string;
    if (ev.kind === 'ok') {
      title = vscode.l10n.t('Plot · {0} → {1}', label, shortResult(ev.output, ev.input.shape));
      tooltip = ev.printed;
    } else if (ev.kind === 'noInput') {
      title = vscode.l10n.t('Plot · {0} (input is not a literal)', label);
      tooltip = ev.source.unresolved
        ? unresolvedMessage(d.argText ?? '?', ev.source.unresolved)
        : vscode.l10n.t('Open the chart panel');
    } else {
      title = vscode.l10n.t('Plot · {0} (no result)', label);
      tooltip = ev.kind === 'error' ? ev.message : vscode.l10n.t('Open the chart panel');
    }
    lens.command = request
      ? { title, tooltip, command: CommandId.OpenChart, arguments: [toWire(request)] }
      : { title, tooltip, command: '' };
    return lens;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
