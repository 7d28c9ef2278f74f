// The hover's Markdown for a detection: the result printed as the framework prints it, the derivative, a one-line
// saturation summary, the softmax sum, a small chart (base64 SVG) and command links. No vscode import: the host
// passes `vscode.l10n` and the theme; unit tests pass a stub.
import {
  FRAMEWORK_LABELS,
  evaluateDetection,
  getActivation,
  kernelDialect,
  sampleCurve,
  saturationBands,
  type ActivationId,
  type Detection,
  type Evaluated,
  type EvaluationResult,
  type EvaluationSettings,
  type FrameworkHint,
  type ResolutionContext,
  type SaturationBand,
  type SubjectSource,
  type SaturationKind,
} from '../core';
import type { PlotRequest, SourceRef } from '../shared/plotRequest';
import { toWire } from '../shared/wire';
import { buildSvgChart, chartDomain, svgDataUri, tickLabel, type ChartTheme } from './svgChart';
import { CommandId } from '../commandIds';
import { plotRequestFor } from './linkRequest';
import { codeBlock, escapeMarkdownText, inlineCode } from '../core/markdown/markdownText';

/** The slice of `vscode.l10n` the builder uses. */
export interface L10n {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

export const HOVER_COMMANDS = {
  openChart: CommandId.OpenChart,
  showInSidePanel: CommandId.ShowInSidePanel,
  copyResult: CommandId.CopyResult,
  /** Re-shows the hover of a bare array with another activation (host: hover/register.ts). */
  switchActivation: CommandId.HoverSwitchActivation,
} as const;

/** Activations offered as switch links on a bare array. */
export const SWITCH_ACTIVATIONS: readonly ActivationId[] = [
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'elu',
  'softmax',
  'gelu',
  'silu',
];

export interface HoverEnv {
  l10n: L10n;
  /** Where the values came from, carried by the links' chart request (live hovers: the live header). */
  caption?: string;
  /** Otherwise the caption of where a resolved input came from (the host's localized text). */
  captionOf?: (source: SubjectSource) => string | undefined;
  /** The document's import aliases (`F` → `torch.nn.functional`): wrappers name their framework through them. */
  aliases?: Readonly<Record<string, string>>;
  theme: ChartTheme;
  /** Where a detection's range is in the document (for PlotRequest.source); null when unknown. */
  sourceFor: (range: { start: number; end: number }) => SourceRef | null;
  /** Bare arrays: the activation picked by a switch link (else the setting). */
  activation?: ActivationId;
  /** Arguments of the switch link besides the activation (e.g. the document and position to re-show). */
  switchTarget?: unknown;
  /** `command:` URI for a link, given its encoded arguments; the default puts them in the link. */
  commandUri?: (command: string, encodedArgs: string, args: unknown[]) => string;
  /** Draw the chart (default true). */
  chart?: boolean;
  /** Resolve a call's non-literal input from the code above it (the document, the cells above). */
  resolution?: ResolutionContext;
}

export interface HoverMarkdown {
  markdown: string;
  /** The commands the links use: the MarkdownString is trusted for exactly these. */
  enabledCommands: string[];
  result: EvaluationResult;
  request: PlotRequest | null;
}

/** How the header says what chose the framework of a bare array. */
function hintText(hint: FrameworkHint, l10n: L10n): string {
  switch (hint) {
    case 'wrapper':
      return l10n.t('chosen by its wrapper');
    case 'printout':
      return l10n.t('chosen by its printout style');
    case 'setting':
      return l10n.t('from the activationLens.defaultDialect setting');
    default:
      return '';
  }
}

/** Command arguments as a link's query: URI-encoded JSON, also escaping what a Markdown link destination cannot
 * hold unescaped: ( ) ' ! * (encodeURIComponent keeps them). */
export function encodeArgs(args: unknown[]): string {
  return encodeURIComponent(JSON.stringify(args)).replace(
    /[()'!*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `command:id?<encoded JSON args>`. */
export function encodeCommandUri(command: string, args: unknown[]): string {
  return `command:${command}?${encodeArgs(args)}`;
}

// Every piece of document text reaches the Markdown through these (src/core/markdown/markdownText.ts).
/** Inline code that survives any backtick run in the text; long text is shortened. */
export const code = inlineCode;
/** Plain text with every Markdown character escaped. */
export const escapeMarkdown = escapeMarkdownText;
const block = (text: string): string => codeBlock(text, 'text');

/**
 * A printed result as a code block that keeps the framework's lines: VS Code wraps hover code blocks at spaces
 * (white-space: pre-wrap), which breaks TensorFlow's rows mid-line in a narrow editor. No-break spaces leave no
 * wrap opportunity, so a long line scrolls horizontally instead (issue 13.3). Copy result copies plain spaces.
 */
export function printBlock(text: string): string {
  return block(text.replace(/ /g, '\u00a0'));
}

function link(label: string, uri: string, title: string): string {
  return `[${escapeMarkdown(label)}](${uri} "${title.replace(/"/g, "'")}")`;
}

function paramText(params: Record<string, number>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/** Where a resolved input came from: "Input: x, line 4: torch.arange(-8.0, 8.0, 0.1)" (with the expression first
 * when it is more than the name: "Input x * 2 from x, line 4: …"). */
export function resolvedText(resolved: NonNullable<SubjectSource['resolved']>, l10n: L10n): string {
  const o = resolved.origin;
  const expr = code(resolved.expression, 60);
  if (!o) return l10n.t('Input {0}, computed from the code', expr);
  const name = code(o.name, 60);
  const text = code(o.text, 120);
  const bare = resolved.expression.trim() === o.name;
  if (o.cell !== undefined)
    return bare
      ? l10n.t('Input: {0}, cell {1}, line {2}: {3}', name, o.cell + 1, o.line, text)
      : l10n.t('Input {0} from {1}, cell {2}, line {3}: {4}', expr, name, o.cell + 1, o.line, text);
  return bare
    ? l10n.t('Input: {0}, line {1}: {2}', name, o.line, text)
    : l10n.t('Input {0} from {1}, line {2}: {3}', expr, name, o.line, text);
}

/** Why a non-literal input has no value: which binding stopped resolution, where, why, and what would help. */
export function unresolvedText(
  argText: string,
  u: NonNullable<SubjectSource['unresolved']>,
  l10n: L10n,
): string {
  return u.cell !== undefined
    ? l10n.t(
        'The input {0} is not a literal array, and its value is not known here: stopped at {1}, cell {2}, line {3}: {4}. {5}',
        code(argText, 60),
        code(u.name, 60),
        u.cell + 1,
        u.line,
        escapeMarkdown(u.reason),
        escapeMarkdown(u.hint),
      )
    : l10n.t(
        'The input {0} is not a literal array, and its value is not known here: stopped at {1}, line {2}: {3}. {4}',
        code(argText, 60),
        code(u.name, 60),
        u.line,
        escapeMarkdown(u.reason),
        escapeMarkdown(u.hint),
      );
}

/** The saturation summary: "3 of 7 inputs saturated (|f'| < 0.01), left soft, right soft". */
export function saturationText(ev: Evaluated, epsilon: number, l10n: L10n): string {
  const s = ev.saturation;
  const parts = [l10n.t("{0} of {1} inputs saturated (|f'| < {2})", s.saturated, s.count, epsilon)];
  if (s.dead > 0) parts.push(l10n.t('{0} dead', s.dead));
  parts.push(...sideTexts(s.left, s.right, l10n));
  // The list separator is translated: the Chinese line uses full-width commas (issue 13.11).
  return parts.join(l10n.t(', '));
}

/** "left soft", "right hard"… for the sides where f' tends to 0 (the seed's 左饱和 / 右饱和). */
function sideTexts(left: SaturationKind, right: SaturationKind, l10n: L10n): string[] {
  const out: string[] = [];
  if (left === 'soft') out.push(l10n.t('left soft'));
  if (left === 'hard') out.push(l10n.t('left hard'));
  if (right === 'soft') out.push(l10n.t('right soft'));
  if (right === 'hard') out.push(l10n.t('right hard'));
  return out;
}

/** Height of the hover's chart image in px. */
export const HOVER_CHART_HEIGHT = 130;

/** The chart image for an evaluated input: f and f' over the inputs' range, bands, the inputs. */
export function chartImage(ev: Evaluated, epsilon: number, theme: ChartTheme, l10n: L10n): string {
  const domain = chartDomain(ev.input.values);
  const info = getActivation(ev.activation);
  const label = info.label;
  let curve: { x: ArrayLike<number>; y: ArrayLike<number>; dy: ArrayLike<number> };
  let bands: SaturationBand[] = [];
  if (info.vector) {
    // softmax has no 1-D curve: join the inputs of a vector in x order (sᵢ grows with xᵢ), dots only otherwise.
    if (ev.input.shape.length <= 1) {
      const sorted = [...ev.input.values.keys()].sort((a, b) => ev.input.values[a] - ev.input.values[b]);
      // At most ~240 vertices: a hover chart is 320 px wide.
      const step = Math.max(1, Math.ceil(sorted.length / 240));
      const order = sorted.filter((_, k) => k % step === 0 || k === sorted.length - 1);
      curve = {
        x: order.map((i) => ev.input.values[i]),
        y: order.map((i) => ev.output[i]),
        dy: order.map((i) => ev.derivative[i]),
      };
    } else {
      curve = { x: [], y: [], dy: [] };
    }
  } else {
    const dialect = kernelDialect(ev);
    curve = sampleCurve(ev.activation, domain, 121, { dialect, params: ev.params });
    bands = saturationBands(ev.activation, { epsilon, domain, dialect, params: ev.params });
  }
  const svg = buildSvgChart(
    {
      curve,
      bands,
      domain,
      points: { x: ev.input.values, y: ev.output },
      label: l10n.t(
        '{0} and its derivative over [{1}, {2}]',
        label,
        tickLabel(domain[0]),
        tickLabel(domain[1]),
      ),
      legend: { f: 'f', df: "f'", band: l10n.t('saturated') },
    },
    // 130 px high: with the header and a one- or two-line print it fits the default 250 px hover.
    { theme, height: HOVER_CHART_HEIGHT },
  );
  return `![${escapeMarkdown(l10n.t('Chart of {0}', label))}](${svgDataUri(svg)})`;
}

/** Builds the hover for a detection (evaluating it). */
export function buildHoverMarkdown(d: Detection, settings: EvaluationSettings, env: HoverEnv): HoverMarkdown {
  const result = evaluateDetection(d, settings, env.aliases, env.activation, env.resolution);
  return renderHover(d, result, settings, env);
}

/** Renders an evaluation as the hover's Markdown. */
export function renderHover(
  d: Detection,
  ev: EvaluationResult,
  settings: EvaluationSettings,
  env: HoverEnv,
): HoverMarkdown {
  const { l10n } = env;
  const encoded = new Map<unknown[], string>();
  const uri = (command: string, args: unknown[]): string => {
    let e = encoded.get(args);
    if (e === undefined) encoded.set(args, (e = encodeArgs(args)));
    return env.commandUri ? env.commandUri(command, e, args) : `command:${command}?${e}`;
  };
  const lines: string[] = [];
  const commands = new Set<string>();
  const request = plotRequestFor(d, ev, settings, env);

  // Header: what was recognised.
  if (d.kind === 'call' && d.activation) {
    const id = ev.kind === 'ok' || ev.kind === 'noInput' ? ev.activation : d.activation;
    const info = getActivation(id);
    const fw = d.framework ? FRAMEWORK_LABELS[d.framework] : '';
    let header = `**${escapeMarkdown(info.label)}** \u00b7 ${code(d.callee ?? id)} \u00b7 ${escapeMarkdown(fw)}`;
    const params = ev.kind === 'ok' || ev.kind === 'noInput' ? ev.params : d.params;
    if (Object.keys(params).length) header += ` \u00b7 ${code(paramText(params))}`;
    if (ev.kind === 'ok' && ev.axis !== null && ev.input.shape.length > 1)
      header += ` \u00b7 ${code(`axis=${ev.axis}`)}`;
    lines.push(header);
  } else {
    const id = ev.kind === 'ok' ? ev.activation : (env.activation ?? settings.defaultActivation);
    const framework =
      ev.kind === 'ok'
        ? `${FRAMEWORK_LABELS[ev.framework]} (${ev.dtype}), ${hintText(ev.source.frameworkHint, l10n)}`
        : '';
    lines.push(
      framework
        ? l10n.t(
            '**Array** evaluated with {0} · {1}',
            `**${escapeMarkdown(getActivation(id).label)}**`,
            escapeMarkdown(framework),
          )
        : l10n.t('**Array** evaluated with {0}', `**${escapeMarkdown(getActivation(id).label)}**`),
    );
  }

  switch (ev.kind) {
    case 'ok': {
      if (ev.source.ignoredParams.length)
        lines.push(l10n.t('Not applied: {0}', ev.source.ignoredParams.map((p) => code(p)).join(', ')));
      if (ev.source.resolved) lines.push(resolvedText(ev.source.resolved, l10n));
      if (ev.source.fromInnerCall) {
        lines.push(l10n.t('Input: the result of {0}', code(ev.source.argText ?? '', 60)));
      }
      if (ev.source.integerLiteral) {
        lines.push(
          l10n.t(
            'Integer literal: {0} would make an integer tensor (keeping integers, or refusing this activation); shown here as float32.',
            escapeMarkdown(FRAMEWORK_LABELS[ev.framework]),
          ),
        );
      }
      const shapeText = `(${ev.input.shape.join(', ')}${ev.input.shape.length === 1 ? ',' : ''})`;
      lines[0] += ` \u00b7 ${l10n.t('{0} elements, shape {1}', ev.input.values.length, shapeText)}`;
      lines.push(printBlock(ev.shown));
      // The chart comes right after the result: both are visible without scrolling at the default hover height
      // (max(editor height / 4, 250 px)); the derivative, the saturation line and the links follow (issue 13.2).
      if (env.chart !== false) lines.push(chartImage(ev, settings.epsilon, env.theme, l10n));
      lines.push(
        ev.activation === 'softmax' || ev.activation === 'log_softmax'
          ? l10n.t("Derivative f' (diagonal of the Jacobian):")
          : l10n.t("Derivative f':"),
      );
      lines.push(printBlock(ev.shownDerivative));
      if (ev.summarised)
        lines.push(
          l10n.t('First and last values of {0}; Copy result copies the full print.', ev.input.values.length),
        );
      lines.push(saturationText(ev, settings.epsilon, l10n));
      if (ev.sum) lines.push(`${code(ev.sum.label)}: ${code(ev.sum.printed)}`);
      break;
    }
    case 'noInput': {
      const info = getActivation(ev.activation);
      const sides = sideTexts(info.properties.leftSaturation, info.properties.rightSaturation, l10n);
      lines.push(
        [`${code(`f(x) = ${info.formula}`, 120)}`, l10n.t('range {0}', info.range), ...sides].join(
          ' \u00b7 ',
        ),
      );
      lines.push(l10n.t(info.description));
      if (ev.source.ignoredParams.length)
        lines.push(l10n.t('Not applied: {0}', ev.source.ignoredParams.map((p) => code(p)).join(', ')));
      lines.push(
        ev.source.unresolved
          ? unresolvedText(d.argText ?? '?', ev.source.unresolved, l10n)
          : l10n.t(
              'The input {0} is not a literal array, so there are no values to show. Hover over a literal such as {1}, or open the chart to see the curve.',
              code(d.argText ?? '?', 60),
              code('[-3., 0., 3.]'),
            ),
      );
      break;
    }
    case 'truncated':
      lines.push(
        l10n.t(
          'This array is too long to read around the mouse. Select it and run "Activation Lens: Plot Selection…" instead.',
        ),
      );
      break;
    case 'tooLarge':
      lines.push(
        l10n.t(
          'More than {0} elements (setting activationLens.maxElements): not evaluated. Select it and run "Activation Lens: Plot Selection…" to plot it.',
          ev.limit,
        ),
      );
      break;
    case 'error':
      lines.push(
        ev.phase === 'parse'
          ? l10n.t('Not a numeric array: {0}', escapeMarkdown(ev.message))
          : l10n.t('Could not evaluate: {0}', escapeMarkdown(ev.message)),
      );
      break;
  }

  // Links.
  const links: string[] = [];
  if (request) {
    // Both links carry the same request: encoded once.
    const args = [toWire(request)];
    links.push(
      link(l10n.t('Open chart'), uri(HOVER_COMMANDS.openChart, args), l10n.t('Open the chart panel')),
    );
    links.push(
      link(
        l10n.t('Show in side panel'),
        uri(HOVER_COMMANDS.showInSidePanel, args),
        l10n.t('Show in the side panel'),
      ),
    );
    commands.add(HOVER_COMMANDS.openChart);
    commands.add(HOVER_COMMANDS.showInSidePanel);
  }
  if (ev.kind === 'ok') {
    links.push(
      link(
        l10n.t('Copy result'),
        uri(
          HOVER_COMMANDS.copyResult,
          // A long result is printed again on click rather than carried (and printed) by every hover.
          [ev.summarised && request ? { request: toWire(request) } : { text: ev.printed, style: ev.style }],
        ),
        l10n.t('Copy the printed result'),
      ),
    );
    commands.add(HOVER_COMMANDS.copyResult);
  }
  if (links.length) lines.push(links.join(' \u00b7 '));
  if (d.kind === 'array' && ev.kind === 'ok') {
    const others = SWITCH_ACTIVATIONS.filter((a) => a !== ev.activation).map((a) =>
      link(
        getActivation(a).label,
        uri(HOVER_COMMANDS.switchActivation, [{ activation: a, target: env.switchTarget ?? null }]),
        l10n.t('Show this array with {0}', getActivation(a).label),
      ),
    );
    lines.push(`${l10n.t('Try:')} ${others.join(' \u00b7 ')}`);
    commands.add(HOVER_COMMANDS.switchActivation);
  }
  return { markdown: lines.join('\n\n'), enabledCommands: [...commands], result: ev, request };
}
