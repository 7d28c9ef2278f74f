// Follows the active editor's selection for the side panel: waits until the user stops (debounce), keeps only the
// latest selection, skips repeats, and never pops up errors (an unreadable selection becomes the empty state).
import * as vscode from 'vscode';
import type { ConfigStore } from '../config';
import type { PlotRequest } from '../shared/plotRequest';
import { findInputInEditor } from '../commands/inputAtCursor';
import { noInputMessage } from '../commands/inputFromEditor';

/** Quiet time after the last selection change before the view updates. */
export const FOLLOW_DEBOUNCE_MS = 120;

export type FollowResult = { request: PlotRequest } | { empty: string };

export class SelectionFollower implements vscode.Disposable {
  /** While true (pinned), selection changes are ignored. */
  paused = false;
  /** Only a visible view follows the selection: a hidden one costs nothing on the editor's hot path. */
  visible = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastKey = '';
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly config: ConfigStore,
    private readonly currentRequest: () => PlotRequest | null,
    private readonly deliver: (result: FollowResult) => void,
  ) {
    this.disposables = [
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
    ];
  }

  /** Re-reads the selection now (e.g. when the view is resolved or unpinned), even if it did not change. */
  refresh(): void {
    this.lastKey = '';
    this.schedule();
  }

  /** Updates only if the selection changed since the last update (e.g. when the view becomes visible again). */
  catchUp(): void {
    this.schedule();
  }

  /** Takes the current selection as already shown (something else was put in the view, e.g. from a hover link). */
  markSeen(): void {
    const editor = vscode.window.activeTextEditor;
    this.lastKey = editor ? this.read(editor).key : '';
  }

  private schedule(): void {
    if (this.paused || !this.visible) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, FOLLOW_DEBOUNCE_MS);
  }

  private read(editor: vscode.TextEditor): { key: string; found: ReturnType<typeof findInputInEditor> } {
    const found = findInputInEditor(editor, this.config.value.maxElements);
    if (!found.ok) return { key: `empty:${found.message}`, found };
    const r = found.range;
    const key = `${editor.document.uri.toString()}:${editor.document.version}:${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
    return { key, found };
  }

  private update(): void {
    if (this.paused) return;
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const { key, found } = this.read(editor);
    if (key === this.lastKey) return;
    this.lastKey = key;
    if (!found.ok) {
      // Nothing to read here: the empty state's own instruction says what to do, so no reason repeats it.
      this.deliver({ empty: found.message === noInputMessage() ? '' : found.message });
      return;
    }
    const cfg = this.config.value;
    const r = found.range;
    // The view's own choices (activation, parameters, dialect, ε) carry over to the new input, unless the input is
    // the argument of an activation call, which says which activation, framework and parameters it means.
    const previous = this.currentRequest();
    const request: PlotRequest = {
      activations: found.activation ? [found.activation] : (previous?.activations ?? [cfg.defaultActivation]),
      dialect: found.dialect ?? previous?.dialect ?? cfg.defaultDialect,
      params: found.params ?? previous?.params ?? {},
      epsilon: previous?.epsilon ?? cfg.epsilon,
      input: found.input,
      source: {
        uri: editor.document.uri.toString(),
        range: [r.start.line, r.start.character, r.end.line, r.end.character],
      },
    };
    this.deliver({ request });
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}
