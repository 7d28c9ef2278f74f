// Opt-in inlay hints: the shortened result at the end of the line of each recognised activation call, with the
// full print as the tooltip. Only the requested (visible) range is scanned; capped and cancellable.
import * as vscode from 'vscode';
import { shortResult } from '../core';
import { evaluationSettings, type ConfigStore } from '../config';
import { resolverReadyFor } from '../services/documentAccess';
import { callsInLines, type EvaluationCache } from './inlineScan';

export class ActivationInlayHintsProvider implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.emitter.event;

  constructor(
    private readonly config: ConfigStore,
    private readonly cache: EvaluationCache,
  ) {}

  refresh(): void {
    this.emitter.fire();
  }

  async provideInlayHints(
    document: vscode.TextDocument,
    range: vscode.Range,
    token: vscode.CancellationToken,
  ): Promise<vscode.InlayHint[]> {
    if (!this.config.value.inlayHintsEnabled) return [];
    await resolverReadyFor(document);
    const settings = evaluationSettings(this.config.value);
    const hints: vscode.InlayHint[] = [];
    const lastOnLine = new Map<number, vscode.InlayHint>();
    for (const d of callsInLines(document, range.start.line, range.end.line, token)) {
      if (token.isCancellationRequested) break;
      const ev = this.cache.get(d, settings, document);
      if (ev.kind !== 'ok') continue;
      const endLine = document.positionAt(d.range.end).line;
      const position = document.lineAt(endLine).range.end;
      const hint = new vscode.InlayHint(position, `\u2192 ${shortResult(ev.output, ev.input.shape)}`);
      hint.paddingLeft = true;
      const tooltip = new vscode.MarkdownString();
      tooltip.appendCodeblock(ev.printed, 'text');
      hint.tooltip = tooltip;
      // One hint per line: the outermost call (the first found on the line) wins.
      if (!lastOnLine.has(endLine)) {
        lastOnLine.set(endLine, hint);
        hints.push(hint);
      }
    }
    return hints;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
