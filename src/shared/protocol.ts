// The one typed message protocol between the extension host and the webview app (chart panel and side panel).
// Every message is validated on receipt: unknown or malformed messages are dropped and logged, never acted on.
import {
  ACTIVATION_IDS,
  DIALECTS,
  FRAMEWORKS,
  MAX_NESTING_DEPTH,
  PRINT_STYLES,
  type ActivationId,
  type Dialect,
  type Framework,
  type PrintStyle,
} from '../core';
import { MAX_CAPTION, type PlotRequest } from './plotRequest';
import { isWireNumber, numberFromWire, type Wire } from './wire';

export type Layout = 'panel' | 'sidebar';

/** Localised strings the webview shows, keyed by a stable id (the host translates with vscode.l10n). */
export type UiStrings = Record<string, string>;

// ---- host → webview ----
export interface InitMessage {
  type: 'init';
  layout: Layout;
  strings: UiStrings;
  /** The plot to show first (null: the side panel's empty state). */
  request: PlotRequest | null;
  pinned: boolean;
}
export interface PlotMessage {
  type: 'plot';
  request: PlotRequest;
}
/** The side panel has nothing to show (nothing selected, not an array): the reason is a localised sentence. */
export interface EmptyMessage {
  type: 'empty';
  reason: string;
}
export interface PinnedMessage {
  type: 'pinned';
  pinned: boolean;
}
export type ToWebviewMessage = InitMessage | PlotMessage | EmptyMessage | PinnedMessage;

// ---- webview → host ----
export interface ReadyMessage {
  type: 'ready';
}
export interface CopyMessage {
  type: 'copy';
  text: string;
  style: PrintStyle;
}
export interface InsertCommentMessage {
  type: 'insertComment';
  text: string;
}
export interface ExportMessage {
  type: 'export';
  format: 'png' | 'csv';
  /** PNG: a data: URL; CSV: the text. */
  data: string;
  suggestedName: string;
}
/** The webview's current plot (after control changes), so the host can reopen it in a panel or restore it. */
export interface StateMessage {
  type: 'state';
  request: PlotRequest;
}
export interface OpenInPanelMessage {
  type: 'openInPanel';
  request: PlotRequest;
}
export interface PinMessage {
  type: 'pin';
  pinned: boolean;
}
/** Reported by the webview so tests and users can see what happened: what it printed, the short result, timing. */
export interface RenderedMessage {
  type: 'rendered';
  activations: ActivationId[];
  elements: number;
  millis: number;
  /** The "Printed result" text ('' without inputs). */
  printed: string;
  /** The short result CodeLens would show for the same values ('' without inputs). */
  short: string;
  /** The note above the chart: the request's caption, or the example's note ('' without one). */
  note: string;
}
export interface ErrorMessage {
  type: 'error';
  message: string;
}
export type FromWebviewMessage =
  | ReadyMessage
  | CopyMessage
  | InsertCommentMessage
  | ExportMessage
  | StateMessage
  | OpenInPanelMessage
  | PinMessage
  | RenderedMessage
  | ErrorMessage;

// ---- validation (and type-directed decoding of the wire form, see wire.ts) ----
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 10_000_000): v is string => typeof v === 'string' && v.length <= max;
const isFiniteNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/**
 * A real array of at most `max` items, every index present and passing `item`. (Array.prototype.every skips the
 * holes of a sparse array, so `[1, , 3]` would pass an `every` check with a hole where a number must be.)
 */
function isDenseArray<T>(v: unknown, item: (x: unknown) => x is T, max: number): v is T[] {
  if (!Array.isArray(v) || v.length > max) return false;
  for (let i = 0; i < v.length; i++) if (!(i in v) || !item(v[i])) return false;
  return true;
}
const isCount = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_ARRAY_LENGTH;
/** The most elements a request may carry (the maxElements setting's maximum) and the deepest shape (the parser's). */
const MAX_VALUES = 10_000_000;
const MAX_RANK = MAX_NESTING_DEPTH;
const MAX_ARRAY_LENGTH = 2 ** 32 - 1;
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (list as readonly string[]).includes(v);
const isActivationId = oneOf<ActivationId>(ACTIVATION_IDS);
const isDialect = oneOf<Dialect>(DIALECTS);
const isFramework = oneOf<Framework>(FRAMEWORKS);
const isPrintStyle = oneOf<PrintStyle>(PRINT_STYLES);

/** Decodes a PlotRequest in wire form (dense arrays, bounded sizes, shapes that match the value count), or null. */
function decodeRequest(v: unknown): PlotRequest | null {
  if (!isObj(v)) return null;
  if (!isDenseArray(v.activations, isActivationId, ACTIVATION_IDS.length) || v.activations.length === 0)
    return null;
  if (!isDialect(v.dialect) || !isFramework(v.framework) || !isFiniteNum(v.epsilon) || v.epsilon <= 0)
    return null;
  if (v.dtype !== 'float32' && v.dtype !== 'float64') return null;
  if (!(v.axis === null || (typeof v.axis === 'number' && Number.isInteger(v.axis)))) return null;
  if (!isObj(v.params)) return null;
  for (const [id, p] of Object.entries(v.params)) {
    if (!isActivationId(id) || !isObj(p) || !Object.values(p).every(isFiniteNum)) return null;
  }
  let input: PlotRequest['input'] = null;
  if (v.input !== null) {
    const i = v.input;
    if (!isObj(i) || !isStr(i.text)) return null;
    if (!isDenseArray(i.values, isWireNumber, MAX_VALUES) || !isDenseArray(i.shape, isCount, MAX_RANK))
      return null;
    if (i.shape.reduce((a, b) => a * b, 1) !== i.values.length) return null;
    input = { values: i.values.map(numberFromWire), shape: i.shape, text: i.text };
  }
  let source: PlotRequest['source'] = null;
  if (v.source !== null) {
    const s = v.source;
    if (!isObj(s) || !isStr(s.uri, 10_000) || !isDenseArray(s.range, isCount, 4) || s.range.length !== 4)
      return null;
    source = { uri: s.uri, range: s.range as [number, number, number, number] };
  }
  // Shown as text (textContent), never as HTML; bounded like every other field.
  const caption = v.caption;
  if (caption !== undefined && !isStr(caption, MAX_CAPTION)) return null;
  if (v.requiresGrad !== undefined && v.requiresGrad !== true) return null;
  return {
    ...(caption !== undefined && { caption }),
    ...(v.requiresGrad === true && { requiresGrad: true as const }),
    activations: v.activations,
    input,
    framework: v.framework,
    dialect: v.dialect,
    dtype: v.dtype,
    axis: v.axis,
    params: v.params as PlotRequest['params'],
    epsilon: v.epsilon,
    source,
  };
}

/** The wire form of a request in a command link or a message (see wire.ts). */
export type WireRequest = Wire<PlotRequest>;

/** Validates a PlotRequest that arrived from outside (command arguments, webview state) and decodes it. */
export function parsePlotRequest(raw: unknown): PlotRequest | null {
  return decodeRequest(raw);
}

/** Validates a message from the webview; returns null (to be logged and dropped) when it is not one we know. */
export function parseFromWebview(raw: unknown): FromWebviewMessage | null {
  if (!isObj(raw) || !isStr(raw.type, 64)) return null;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'copy':
      return isStr(raw.text) && isPrintStyle(raw.style)
        ? { type: 'copy', text: raw.text, style: raw.style }
        : null;
    case 'insertComment':
      return isStr(raw.text) ? { type: 'insertComment', text: raw.text } : null;
    case 'export':
      return (raw.format === 'png' || raw.format === 'csv') &&
        isStr(raw.data) &&
        isStr(raw.suggestedName, 200)
        ? { type: 'export', format: raw.format, data: raw.data, suggestedName: raw.suggestedName }
        : null;
    case 'state':
    case 'openInPanel': {
      const request = decodeRequest(raw.request);
      return request ? { type: raw.type, request } : null;
    }
    case 'pin':
      return isBool(raw.pinned) ? { type: 'pin', pinned: raw.pinned } : null;
    case 'rendered':
      return isDenseArray(raw.activations, isActivationId, ACTIVATION_IDS.length) &&
        isFiniteNum(raw.elements) &&
        isFiniteNum(raw.millis) &&
        isStr(raw.printed) &&
        isStr(raw.short, 200) &&
        isStr(raw.note, MAX_CAPTION)
        ? {
            type: 'rendered',
            activations: raw.activations,
            elements: raw.elements,
            millis: raw.millis,
            printed: raw.printed,
            short: raw.short,
            note: raw.note,
          }
        : null;
    case 'error':
      return isStr(raw.message, 10_000) ? { type: 'error', message: raw.message } : null;
    default:
      return null;
  }
}

/** Validates a message from the host (the webview trusts nothing either). */
export function parseToWebview(raw: unknown): ToWebviewMessage | null {
  if (!isObj(raw) || !isStr(raw.type, 64)) return null;
  switch (raw.type) {
    case 'init': {
      const request = raw.request === null ? null : decodeRequest(raw.request);
      return (raw.layout === 'panel' || raw.layout === 'sidebar') &&
        isObj(raw.strings) &&
        Object.values(raw.strings).every((s) => isStr(s)) &&
        (raw.request === null || request !== null) &&
        isBool(raw.pinned)
        ? { type: 'init', layout: raw.layout, strings: raw.strings as UiStrings, request, pinned: raw.pinned }
        : null;
    }
    case 'plot': {
      const request = decodeRequest(raw.request);
      return request ? { type: 'plot', request } : null;
    }
    case 'empty':
      return isStr(raw.reason, 10_000) ? { type: 'empty', reason: raw.reason } : null;
    case 'pinned':
      return isBool(raw.pinned) ? { type: 'pinned', pinned: raw.pinned } : null;
    default:
      return null;
  }
}
