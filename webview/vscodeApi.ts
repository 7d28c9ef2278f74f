// The webview's handle on VS Code: typed postMessage and persisted state (survives hide/show and reloads).
import type { FromWebviewMessage } from '../src/shared/protocol';
import type { PlotRequest } from '../src/shared/plotRequest';
import { toWire } from '../src/shared/wire';

/** View choices that are not part of the request (kept in the webview's state only). */
export interface ViewState {
  /** Draw f′ (also toggled from the legend). */
  showDerivative: boolean;
  derivativeOwnAxis: boolean;
  /** Depth L of the gradient-through-depth chart. */
  layers: number;
  /** softmax(x / T). */
  temperature: number;
  /** Row of a 2-D selection shown by the vector view. */
  row: number;
  /** Zoomed x range (null: the inputs with a margin). */
  domain: [number, number] | null;
  /** Compact layout: whether the controls are unfolded. */
  controlsOpen: boolean;
}

export const DEFAULT_VIEW: ViewState = {
  showDerivative: true,
  derivativeOwnAxis: false,
  layers: 10,
  temperature: 1,
  row: 0,
  domain: null,
  controlsOpen: false,
};

export interface WebviewState {
  request: PlotRequest | null;
  pinned?: boolean;
  view?: ViewState;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** Posts a message to the host, in wire form (the webview side's one encoding point). */
export function post(message: FromWebviewMessage): void {
  api.postMessage(toWire(message));
}

export function saveState(state: WebviewState): void {
  api.setState(toWire(state));
}

export function loadState(): unknown {
  return api.getState();
}
