// The thin vscode adapter of the hover: detect around the mouse, build the Markdown (pure), wrap it in a
// MarkdownString trusted for exactly the commands its links use.
import * as vscode from 'vscode';
import type { ActivationId, ResolutionContext } from '../core';
import { evaluationSettings, type ConfigStore } from '../config';
import {
  aliasesFor,
  detectionAt,
  resolutionFor,
  resolverReadyFor,
  sourceRef,
  toRange,
} from '../services/documentAccess';
import type { HoverEnv, HoverMarkdown } from './hoverContent';
import { liveLanguageOf, pausedFrame } from '../services/pausedFrame';
import { hoverBuildersChunk, liveHoverChunk, type HoverBuilders } from './hoverChunks';
import { consumerOf, pathAt } from './nameConsumer';
import { resolvedCaption } from '../services/resolutionText';
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

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    if (!this.config.value.hoverEnabled) return undefined;
    const [builders] = await Promise.all([hoverBuildersChunk(), resolverReadyFor(document)]);
    return this.hoverAt(builders, document, position, token);
  }

  private async hoverAt(
    { buildHoverMarkdown, buildNameHover, encodeCommandUri }: HoverBuilders,
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const cfg = this.config.value;
    const resolution = resolutionFor(document, token);
    const detection = detectionAt(document, position, resolution);
    if (token.isCancellationRequested) return undefined;
    let cached = false;
    const settings = evaluationSettings(cfg);
    const env: HoverEnv = {
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
      resolution,
      captionOf: resolvedCaption,
    };
    let built: HoverMarkdown;
    let range: vscode.Range;
    if (detection) {
      built = buildHoverMarkdown(detection, settings, env);
      range = toRange(document, detection.range);
      // A call on a name while a debugger is paused: the name's live value from the selected frame (before the
      // static resolution: the running program is the truth).
      const result = built.result;
      const frame =
        result.kind === 'noInput' || (result.kind === 'ok' && result.source.resolved)
          ? pausedFrame(liveLanguageOf(document.languageId))
          : undefined;
      const argText = result.kind === 'noInput' || result.kind === 'ok' ? result.source.argText : null;
      if (frame && argText && (result.kind === 'noInput' || result.kind === 'ok')) {
        const { buildLiveCallHover } = await liveHoverChunk();
        const live = await buildLiveCallHover(detection, result, argText, frame, settings, env, token);
        return live && !token.isCancellationRequested
          ? this.hover(live, cached, range, detection.kind === 'call')
          : undefined;
      }
    } else {
      // A name that an activation call in the document takes as its input, while a debugger is paused: its live
      // value, as that call sees it.
      const frame = pausedFrame(liveLanguageOf(document.languageId));
      const path = frame ? pathAt(document, position, KEYWORDS) : undefined;
      const call = path
        ? consumerOf(document, path.name, document.offsetAt(path.range.start), resolution, token)
        : null;
      if (frame && path && call) {
        const { buildLiveNameHover } = await liveHoverChunk();
        const live = await buildLiveNameHover(path.name, call, document, frame, settings, env, token);
        return live && !token.isCancellationRequested
          ? this.hover(live, cached, path.range, false)
          : undefined;
      }
      const named = resolution
        ? nameHover(buildNameHover, document, position, resolution, env, settings)
        : undefined;
      if (!named) return undefined;
      ({ built, range } = named);
    }
    if (token.isCancellationRequested) return undefined;
    return this.hover(built, cached, range, detection?.kind === 'call');
  }

  private hover(built: HoverMarkdown, cached: boolean, range: vscode.Range, isCall: boolean): vscode.Hover {
    const markdown = new vscode.MarkdownString(built.markdown);
    markdown.isTrusted = {
      enabledCommands: cached ? [...built.enabledCommands, RUN_CACHED_COMMAND] : built.enabledCommands,
    };
    markdown.supportHtml = false;
    markdown.supportThemeIcons = false;
    if (isCall) markWalkthroughStep(WALKTHROUGH_CONTEXT.hoveredCall);
    return new vscode.Hover(markdown, range);
  }
}

/** A name (`y`, `self.h`) under the mouse: its hover when the code gives it an array value, else none. */
function nameHover(
  buildNameHover: HoverBuilders['buildNameHover'],
  document: vscode.TextDocument,
  position: vscode.Position,
  resolution: ResolutionContext,
  env: HoverEnv,
  settings: ReturnType<typeof evaluationSettings>,
): { built: HoverMarkdown; range: vscode.Range } | undefined {
  const range = document.getWordRangeAtPosition(position, NAME);
  if (!range || range.end.line !== range.start.line) return undefined;
  const name = document.getText(range);
  if (KEYWORDS.has(name)) return undefined;
  const start = document.offsetAt(range.start);
  const value = resolution.resolver.resolveValue(resolution.doc, start, name, {
    maxElements: settings.maxElements,
    aliases: env.aliases,
    isCancelled: resolution.isCancelled,
  });
  if (value.kind !== 'value') return undefined;
  const r = { start, end: document.offsetAt(range.end) };
  return { built: buildNameHover(name, r, value, settings, env), range };
}

/** A name, or `self.name`: what the resolver reads as a binding. */
const NAME = /(?:self\.)?[A-Za-z_$][\w$]*/;
/** Words that are never a binding's name. */
const KEYWORDS = new Set([
  'self',
  'def',
  'class',
  'return',
  'import',
  'from',
  'as',
  'if',
  'else',
  'elif',
  'for',
  'while',
  'in',
  'not',
  'and',
  'or',
  'is',
  'None',
  'True',
  'False',
  'lambda',
  'with',
  'const',
  'let',
  'var',
  'function',
  'new',
  'true',
  'false',
  'null',
  'undefined',
]);
