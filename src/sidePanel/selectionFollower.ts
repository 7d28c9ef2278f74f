// Follows the active editor's selection for the side panel: waits until the user stops (debounce), keeps only the
// latest selection, skips repeats, and never pops up errors (an unreadable selection becomes the empty state).
import * as vscode from 'vscode';
import { evaluationSettings, type ConfigStore } from '../config';
import { requestOfSubject, type PlotRequest } from '../shared/plotRequest';
import { currentTextEditor } from '../services/activeEditor';
import { sourceOfRange } from '../services/documentAccess';
import { subjectInEditor } from '../services/subjectInEditor';

/** Quiet time after the last selection change before the view updates. */
export const FOLLOW_DEBOUNCE_MS = 120;

/** What the selection shows: a request (`fromCall`: an activation call chose it), or why there is none. */
export type FollowResult = { request: PlotRequest; fromCall: boolean } | { empty: string };

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
    /** The view's request when the user has changed its controls (their choices carry over), else null. */
    private readonly currentRequest: () => PlotRequest | null,
    private readonly deliver: (result: FollowResult) => void,
  ) {
    this.disposables = [
      vscode.window.onDidChangeTextEditorSelection((e) => {
        // The editor the user works in (the active one may lag behind when focus comes back from a webview).
        if (e.textEditor === currentTextEditor() || e.textEditor === vscode.window.activeTextEditor)
          this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === currentTextEditor()?.document) this.schedule();
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
    const editor = currentTextEditor();
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

  private read(editor: vscode.TextEditor): { key: string; found: ReturnType<typeof subjectInEditor> } {
    const found = subjectInEditor(editor, evaluationSettings(this.config.value));
    if (!found.ok) return { key: `empty:${found.message}`, found };
    const r = found.range;
    const key = `${editor.document.uri.toString()}:${editor.document.version}:${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
    return { key, found };
  }

  private update(): void {
    if (this.paused) return;
    const editor = currentTextEditor();
    if (!editor) return;
    const { key, found } = this.read(editor);
    if (key === this.lastKey) return;
    this.lastKey = key;
    if (!found.ok) {
      // Nothing to read here: the empty state's own instruction says what to do, so no reason repeats it.
      this.deliver({ empty: found.nothingHere ? '' : found.message });
      return;
    }
    const source = sourceOfRange(editor.document, found.range);
    // An activation call says which activation, framework and parameters it means. A bare array keeps the view's
    // own choices (activation, parameters, ε), and its framework too unless its text names one (a wrapper or a
    // printout style).
    const previous = this.currentRequest();
    const epsilon = previous?.epsilon ?? this.config.value.epsilon;
    const fromCode = requestOfSubject(found.subject, epsilon, source);
    let request: PlotRequest = fromCode;
    if (!found.fromCall && previous) {
      const keepFramework = found.source.frameworkHint === 'setting';
      request = keepFramework
        ? { ...previous, input: fromCode.input, source, axis: null }
        : {
            ...fromCode,
            activations: previous.activations,
            params: previous.dialect === fromCode.dialect ? previous.params : {},
          };
    }
    this.deliver({ request, fromCall: found.fromCall });
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}
