// The thin vscode adapter of the hover: detect around the mouse, build the Markdown (pure), wrap it in a
// MarkdownString trusted for exactly the commands its links use.
import * as vscode from 'vscode';
import type { ActivationId } from '../core';
import { evaluationSettings, type ConfigStore } from '../config';
import { aliasesFor, detectionAt, sourceRef, toRange } from '../services/documentAccess';
import {
  buildHoverMarkdown,
  encodeCommandUri,
  escapeMarkdown,
  renderHover,
  type HoverMarkdown,
} from './hoverContent';
import {
  liveEvaluation,
  liveHeader,
  liveLanguageOf,
  pausedFrame,
  readLive,
  sampleNote,
} from '../services/liveValues';
import type { ChartTheme } from './svgChart';
import { markWalkthroughStep, WALKTHROUGH_CONTEXT } from '../walkthrough';
import { CommandId } from '../commandIds';

/** Runs a command whose arguments were too long for a link (see LinkCache). */
export const RUN_CACHED_COMMAND = CommandId.HoverRunCached;
/** Links longer than this keep their arguments in the host and pass a key instead. */
const MAX_INLINE_LINK = 48_000;

/** Keeps the arguments of the few most recent over-long links (a 100,000-element input in a link would make a
 * megabyte of Markdown). */
export class LinkCache {
  private readonly entries = new Map<string, { command: string; args: unknown[] }>();
  private next = 0;

  put(command: string, args: unknown[]): string {
    const key = `l${++this.next}`;
    this.entries.set(key, { command, args });
    while (this.entries.size > 16) this.entries.delete(this.entries.keys().next().value as string);
    return key;
  }

  get(key: unknown): { command: string; args: unknown[] } | undefined {
    return typeof key === 'string' ? this.entries.get(key) : undefined;
  }
}

export function chartTheme(): ChartTheme {
  switch (vscode.window.activeColorTheme.kind) {
    case vscode.ColorThemeKind.Light:
      return 'light';
    case vscode.ColorThemeKind.HighContrast:
      return 'highContrastDark';
    case vscode.ColorThemeKind.HighContrastLight:
      return 'highContrastLight';
    default:
      return 'dark';
  }
}

/** Session state of the hover: the activation a switch link picked for bare arrays (reset when the setting changes). */
export class HoverState {
  arrayActivation: ActivationId | undefined;
}

export class ActivationHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly config: ConfigStore,
    private readonly state: HoverState,
    private readonly links: LinkCache,
  ) {}

  provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): vscode.Hover | undefined | Promise<vscode.Hover | undefined> {
    const cfg = this.config.value;
    if (!cfg.hoverEnabled) return undefined;
    const detection = detectionAt(document, position);
    if (!detection || token.isCancellationRequested) return undefined;
    let cached = false;
    const settings = evaluationSettings(cfg);
    const env: Parameters<typeof buildHoverMarkdown>[2] = {
      l10n: vscode.l10n,
      aliases: aliasesFor(document),
      theme: chartTheme(),
      sourceFor: (r) => sourceRef(document, r),
      activation: this.state.arrayActivation,
      switchTarget: { uri: document.uri.toString(), line: position.line, character: position.character },
      commandUri: (command, encodedArgs, args) => {
        if (encodedArgs.length <= MAX_INLINE_LINK) return `command:${command}?${encodedArgs}`;
        cached = true;
        return encodeCommandUri(RUN_CACHED_COMMAND, [this.links.put(command, args)]);
      },
    };
    const built = buildHoverMarkdown(detection, settings, env);
    const result = built.result;
    // A call on a name while a debugger is paused: the name's live value from the selected frame.
    const frame = result.kind === 'noInput' ? pausedFrame(liveLanguageOf(document.languageId)) : undefined;
    if (frame && result.kind === 'noInput' && result.source.argText) {
      const argText = result.source.argText;
      return (async () => {
        const [read, header] = await Promise.all([
          readLive(frame, argText, settings.maxElements, token),
          liveHeader(frame, argText),
        ]);
        if (token.isCancellationRequested) return undefined;
        const ev = liveEvaluation(result, result.source, read, argText, settings.epsilon);
        const live = renderHover(detection, ev, settings, env);
        const note = sampleNote(read);
        live.markdown = [`*${escapeMarkdown(header)}*`, live.markdown, ...(note ? [note] : [])].join('\n\n');
        return this.hover(live, cached, document, detection);
      })();
    }
    if (token.isCancellationRequested) return undefined;
    return this.hover(built, cached, document, detection);
  }

  private hover(
    built: HoverMarkdown,
    cached: boolean,
    document: vscode.TextDocument,
    detection: NonNullable<ReturnType<typeof detectionAt>>,
  ): vscode.Hover {
    const markdown = new vscode.MarkdownString(built.markdown);
    markdown.isTrusted = {
      enabledCommands: cached ? [...built.enabledCommands, RUN_CACHED_COMMAND] : built.enabledCommands,
    };
    markdown.supportHtml = false;
    markdown.supportThemeIcons = false;
    if (detection.kind === 'call') markWalkthroughStep(WALKTHROUGH_CONTEXT.hoveredCall);
    return new vscode.Hover(markdown, toRange(document, detection.range));
  }
}
