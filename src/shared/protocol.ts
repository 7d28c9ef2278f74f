// The one typed message protocol between the extension host and the webview app (chart panel and side panel).
// Every message is validated on receipt: unknown or malformed messages are dropped and logged, never acted on.
import {
  ACTIVATION_IDS,
  DIALECTS,
  MAX_NESTING_DEPTH,
  PRINT_STYLES,
  type ActivationId,
  type Dialect,
  type PrintStyle,
} from '../core';
import type { PlotRequest } from './plotRequest';

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
/** Reported by the webview so tests and users can see what happened (e.g. render timing). */
export interface RenderedMessage {
  type: 'rendered';
  activations: ActivationId[];
  elements: number;
  millis: number;
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

// ---- validation ----
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 10_000_000): v is string => typeof v === 'string' && v.length <= max;
// postMessage may serialise through JSON, which turns NaN/±Infinity into null: non-finite values travel as strings.
type WireNumber = number | 'NaN' | 'Infinity' | '-Infinity';
const isWireNum = (v: unknown): v is WireNumber =>
  typeof v === 'number' || v === 'NaN' || v === 'Infinity' || v === '-Infinity';
const fromWire = (v: WireNumber): number => (typeof v === 'number' ? v : Number(v));
const toWire = (v: number): WireNumber => (Number.isFinite(v) ? v : (String(v) as WireNumber));

/** Copies a request into the form that survives postMessage/JSON (non-finite inputs as strings). */
export function requestToWire(request: PlotRequest): PlotRequest {
  if (!request.input) return request;
  return { ...request, input: { ...request.input, values: request.input.values.map(toWire) as number[] } };
}

function requestFromWire(request: PlotRequest): PlotRequest {
  if (!request.input) return request;
  const values = (request.input.values as unknown as WireNumber[]).map(fromWire);
  return { ...request, input: { ...request.input, values } };
}
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
const isActivationId = (v: unknown): v is ActivationId =>
  typeof v === 'string' && (ACTIVATION_IDS as readonly string[]).includes(v);
const isDialect = (v: unknown): v is Dialect =>
  typeof v === 'string' && (DIALECTS as readonly string[]).includes(v);
const isPrintStyle = (v: unknown): v is PrintStyle =>
  typeof v === 'string' && (PRINT_STYLES as readonly string[]).includes(v);

/** True when `v` is a well-formed PlotRequest in wire form (shapes must match the value count). */
function isPlotRequest(v: unknown): v is PlotRequest {
  if (!isObj(v)) return false;
  if (!isDenseArray(v.activations, isActivationId, ACTIVATION_IDS.length) || v.activations.length === 0)
    return false;
  if (!isDialect(v.dialect) || !isFiniteNum(v.epsilon) || v.epsilon <= 0) return false;
  if (!isObj(v.params)) return false;
  for (const [id, p] of Object.entries(v.params)) {
    if (!isActivationId(id) || !isObj(p) || !Object.values(p).every(isFiniteNum)) return false;
  }
  if (v.input !== null) {
    const input = v.input;
    if (!isObj(input) || !isStr(input.text)) return false;
    if (!isDenseArray(input.values, isWireNum, MAX_VALUES) || !isDenseArray(input.shape, isCount, MAX_RANK))
      return false;
    const size = input.shape.reduce((a, b) => a * b, 1);
    if (size !== input.values.length) return false;
  }
  if (v.source !== null) {
    const s = v.source;
    if (!isObj(s) || !isStr(s.uri, 10_000) || !isDenseArray(s.range, isCount, 4) || s.range.length !== 4)
      return false;
  }
  return true;
}

/** Validates a PlotRequest that arrived from outside (command arguments, webview state) and decodes it. */
export function parsePlotRequest(raw: unknown): PlotRequest | null {
  return isPlotRequest(raw) ? requestFromWire(raw) : null;
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
    case 'openInPanel':
      return isPlotRequest(raw.request) ? { type: raw.type, request: requestFromWire(raw.request) } : null;
    case 'pin':
      return isBool(raw.pinned) ? { type: 'pin', pinned: raw.pinned } : null;
    case 'rendered':
      return isDenseArray(raw.activations, isActivationId, ACTIVATION_IDS.length) &&
        isFiniteNum(raw.elements) &&
        isFiniteNum(raw.millis)
        ? { type: 'rendered', activations: raw.activations, elements: raw.elements, millis: raw.millis }
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
    case 'init':
      return (raw.layout === 'panel' || raw.layout === 'sidebar') &&
        isObj(raw.strings) &&
        Object.values(raw.strings).every((s) => isStr(s)) &&
        (raw.request === null || isPlotRequest(raw.request)) &&
        isBool(raw.pinned)
        ? {
            type: 'init',
            layout: raw.layout,
            strings: raw.strings as UiStrings,
            request: raw.request === null ? null : requestFromWire(raw.request as PlotRequest),
            pinned: raw.pinned,
          }
        : null;
    case 'plot':
      return isPlotRequest(raw.request) ? { type: 'plot', request: requestFromWire(raw.request) } : null;
    case 'empty':
      return isStr(raw.reason, 10_000) ? { type: 'empty', reason: raw.reason } : null;
    case 'pinned':
      return isBool(raw.pinned) ? { type: 'pinned', pinned: raw.pinned } : null;
    default:
      return null;
  }
}
