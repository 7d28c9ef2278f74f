// The webview's handle on VS Code: typed postMessage and persisted state (survives hide/show and reloads).
import type { FromWebviewMessage } from '../src/shared/protocol';
import type { PlotRequest } from '../src/shared/plotRequest';

export interface WebviewState {
  request: PlotRequest | null;
  pinned?: boolean;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: FromWebviewMessage): void {
  api.postMessage(message);
}

export function saveState(state: WebviewState): void {
  api.setState(state);
}

export function loadState(): unknown {
  return api.getState();
}
