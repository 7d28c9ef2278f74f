// The webview app (one bundle for the chart panel and the side panel): validates messages, keeps state, renders.
import { parsePlotRequest, parseToWebview, type Layout, type UiStrings } from '../src/shared/protocol';
import type { PlotRequest } from '../src/shared/plotRequest';
import { post, loadState, type ViewState } from './vscodeApi';
import { App } from './app';

let app: App | undefined;

interface SavedState {
  request: PlotRequest | null;
  view?: Partial<ViewState>;
}

/** The state this webview saved before (validated like any message: it may come from an older version). */
function savedState(): SavedState {
  const raw = loadState();
  if (typeof raw !== 'object' || raw === null) return { request: null };
  const state = raw as { request?: unknown; view?: unknown };
  const view =
    typeof state.view === 'object' && state.view !== null ? (state.view as Partial<ViewState>) : undefined;
  return { request: parsePlotRequest(state.request), view };
}

function start(layout: Layout, strings: UiStrings, request: PlotRequest | null, pinned: boolean): void {
  const saved = savedState();
  // The host's request is the freshest (it tracks `state` messages and the selection); the saved one covers a
  // host that has none. The saved view (zoom, depth, temperature…) is kept when it belongs to the same plot.
  const shown = request ?? saved.request;
  const samePlot =
    saved.request !== null && shown !== null && JSON.stringify(saved.request) === JSON.stringify(shown);
  const root = document.getElementById('app') as HTMLElement;
  app ??= new App(root, layout, strings, saved.view);
  app.setPinned(pinned);
  if (shown) app.show(shown, samePlot);
  else app.showEmpty(strings.emptyTitle ?? '');
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseToWebview(event.data);
  if (!message) {
    post({
      type: 'error',
      message: `Ignored an unknown message from the host: ${JSON.stringify(event.data)?.slice(0, 200)}`,
    });
    return;
  }
  switch (message.type) {
    case 'init': {
      const layout: Layout =
        message.layout ?? (document.body.dataset.layout === 'sidebar' ? 'sidebar' : 'panel');
      start(layout, message.strings, message.request, message.pinned);
      return;
    }
    case 'plot':
      app?.show(message.request);
      return;
    case 'empty':
      app?.showEmpty(message.reason);
      return;
    case 'pinned':
      app?.setPinned(message.pinned);
      return;
  }
});

window.addEventListener('error', (e) => post({ type: 'error', message: String(e.message) }));
post({ type: 'ready' });
