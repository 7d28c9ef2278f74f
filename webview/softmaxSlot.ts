// The place of the softmax view in the page, filled on first use: most plots are of scalar activations, so the
// view's code (webview/softmaxChunk.ts) is not part of what a webview downloads when it opens (issue 16).
import { el } from './dom';
import type { SoftmaxHandlers, SoftmaxView } from './softmaxView';
import type { Strings } from './strings';

type Chunk = typeof import('./softmaxChunk');

export interface LoadedSoftmax {
  view: SoftmaxView;
  build: Chunk['buildSoftmaxChart'];
}

export class SoftmaxSlot {
  readonly element: HTMLElement = el('div', { class: 'softmax-slot' });
  private loaded: LoadedSoftmax | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly strings: Strings,
    private readonly handlers: SoftmaxHandlers,
  ) {}

  /** The view once loaded; before that undefined, and the first call starts loading it, then calls `ready`. */
  get(ready: () => void): LoadedSoftmax | undefined {
    if (this.loaded) return this.loaded;
    this.loading ??= import('./softmaxChunk').then(
      ({ SoftmaxView, buildSoftmaxChart }) => {
        const view = new SoftmaxView(this.strings, this.handlers);
        this.element.append(view.element);
        this.loaded = { view, build: buildSoftmaxChart };
        ready();
      },
      (err: unknown) => console.error(`the softmax view is unavailable: ${String(err)}`),
    );
    return undefined;
  }

  get canvas(): HTMLCanvasElement | undefined {
    return this.loaded?.view.canvas;
  }

  setDevicePixelRatio(ratio: number): void {
    this.loaded?.view.setDevicePixelRatio(ratio);
  }
}
