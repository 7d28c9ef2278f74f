// What the extension loads on first use (scripts/esbuild.mjs splits the host graph at each `import()`): the
// resolver, live debugger values, the webview panels. One load per chunk, shared by every caller; a failed load
// (a web worker that could not fetch the file) says so once and is tried again the next time.
import * as vscode from 'vscode';

export interface LazyChunk<T> {
  /** The chunk's module, loading it the first time. */
  (): Promise<T>;
  /** The module if it has loaded, else undefined (what exists only once it is loaded, e.g. open panels). */
  readonly loaded: () => T | undefined;
}

export function lazyChunk<T>(what: string, load: () => Promise<T>): LazyChunk<T> {
  let pending: Promise<T> | undefined;
  let value: T | undefined;
  let reported = false;
  const get = (): Promise<T> =>
    (pending ??= load().then(
      (m) => (value = m),
      (err: unknown) => {
        pending = undefined;
        if (!reported) {
          reported = true;
          void vscode.window.showErrorMessage(
            vscode.l10n.t(
              'Activation Lens could not load its {0}: {1}',
              what,
              err instanceof Error ? err.message : String(err),
            ),
          );
        }
        throw err;
      },
    ));
  return Object.assign(get, { loaded: () => value });
}
