// The webview app (one bundle for the chart panel and the side panel): validates messages, keeps state, renders.
import { parseToWebview, type Layout, type UiStrings } from '../src/shared/protocol';
import type { PlotRequest } from '../src/shared/plotRequest';
import { post, saveState, loadState } from './vscodeApi';
import { App } from './app';

const layout: Layout = document.body.dataset.layout === 'sidebar' ? 'sidebar' : 'panel';
let app: App | undefined;

function start(strings: UiStrings, request: PlotRequest | null, pinned: boolean): void {
  app ??= new App(document.getElementById('app') as HTMLElement, layout, strings);
  app.setPinned(pinned);
  if (request) app.show(request);
  else app.showEmpty(strings.emptyTitle ?? '');
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseToWebview(event.data);
  if (!message) {
    post({ type: 'error', message: `Ignored an unknown message from the host: ${JSON.stringify(event.data)?.slice(0, 200)}` });
    return;
  }
  switch (message.type) {
    case 'init': {
      // A restored webview keeps its own last plot (its state) over the host's initial one.
      const saved = loadState() as { request?: PlotRequest | null } | undefined;
      start(message.strings, message.request ?? saved?.request ?? null, message.pinned);
      return;
    }
    case 'plot':
      app?.show(message.request);
      return;
    case 'empty':
      app?.showEmpty(message.reason);
      saveState({ request: null });
      return;
    case 'pinned':
      app?.setPinned(message.pinned);
      return;
  }
});

window.addEventListener('error', (e) => post({ type: 'error', message: String(e.message) }));
post({ type: 'ready' });
