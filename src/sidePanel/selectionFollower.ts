// Follows the active editor's selection for the side panel: waits until the user stops (debounce), keeps only the
// latest selection, skips repeats, and never pops up errors (an unreadable selection becomes the empty state).
// Once it shows a live value, it keeps that expression: at each stop the debugger moves the cursor to the stop line
// (a 'command' selection change), so each stop re-reads the expression the user picked, not the cursor's line.
import * as vscode from 'vscode';
import { evaluationSettings, type ConfigStore } from '../config';
import { requestOfSubject, withCaption, type PlotRequest } from '../shared/plotRequest';
import { currentTextEditor } from '../services/activeEditor';
import { resolverReadyFor, sourceOfRange } from '../services/documentAccess';
import { subjectInEditor, type SelectionIn } from '../services/subjectInEditor';
import { liveCaption, liveEditorSubjectIfPaused } from '../services/pausedFrame';
import { resolvedCaption } from '../services/resolutionText';

/** Quiet time after the last selection change before the view updates. */
export const FOLLOW_DEBOUNCE_MS = 120;

/** What the selection shows: a request (`fromCall`: an activation call chose it), or why there is none. */
export type FollowResult =
  | {
      request: PlotRequest;
      fromCall: boolean;
      /** The live header when the values came from a paused debugger. */ live?: string;
    }
  | { empty: string }
  /** The debug session that gave the live values ended: the view keeps them and says so. */
  | { ended: string };

export class SelectionFollower implements vscode.Disposable {
  /** While true (pinned), selection changes are ignored. */
  paused = false;
  /** Only a visible view follows the selection: a hidden one costs nothing on the editor's hot path. */
  visible = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastKey = '';
  /** The view shows live values (of this session): a stop refreshes them, the session's end is announced. */
  private liveSession: vscode.DebugSession | undefined;
  /** Where the live expression the view follows is (until the user moves the cursor, or the session ends). */
  private liveTarget: SelectionIn | undefined;
  private liveRun = 0;
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
        if (e.textEditor !== currentTextEditor() && e.textEditor !== vscode.window.activeTextEditor) return;
        if (this.liveTarget) {
          // Only the user's own moves choose another expression; the debugger's (to the stop line) do not.
          const byUser =
            e.kind === vscode.TextEditorSelectionChangeKind.Keyboard ||
            e.kind === vscode.TextEditorSelectionChangeKind.Mouse;
          if (!byUser) return;
          this.liveTarget = undefined;
        }
        this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => {
        // A stop in another file opens it: the view keeps its live expression.
        if (!this.liveTarget) this.schedule();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === (this.liveTarget ?? currentTextEditor())?.document) this.schedule();
      }),
      // Each stop (step, breakpoint, another frame picked): VS Code selects the new frame once it has fetched the
      // stack, so its frame id is valid for evaluate by then. The same expression is read again.
      vscode.debug.onDidChangeActiveStackItem((item) => {
        if (item instanceof vscode.DebugStackFrame) this.refresh();
      }),
      vscode.debug.onDidTerminateDebugSession((session) => {
        if (session !== this.liveSession) return;
        this.liveSession = undefined;
        this.liveTarget = undefined;
        this.deliver({
          ended: vscode.l10n.t('The debug session ended: these are the last live values.'),
        });
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
    this.liveTarget = undefined;
    const editor = currentTextEditor();
    if (!editor) {
      this.lastKey = '';
      return;
    }
    void resolverReadyFor(editor.document).then(() => {
      this.lastKey = this.read(editor).key;
    });
  }

  private schedule(): void {
    if (this.paused || !this.visible) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const document = (this.liveTarget ?? currentTextEditor())?.document;
      void (document ? resolverReadyFor(document) : Promise.resolve()).then(() => this.update());
    }, FOLLOW_DEBOUNCE_MS);
  }

  private read(editor: SelectionIn): { key: string; found: ReturnType<typeof subjectInEditor> } {
    const found = subjectInEditor(editor, evaluationSettings(this.config.value));
    if (!found.ok) return { key: `empty:${found.message}`, found };
    const r = found.range;
    const key = `${editor.document.uri.toString()}:${editor.document.version}:${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
    return { key, found };
  }

  private update(): void {
    if (this.paused) return;
    if (this.liveTarget?.document.isClosed) this.liveTarget = undefined;
    // The live expression being followed, else the selection of the editor the user works in.
    const editor: SelectionIn | undefined = this.liveTarget ?? currentTextEditor();
    if (!editor) return;
    // Its own copy: the editor's selection moves on, the followed expression does not.
    const at: SelectionIn = { document: editor.document, selection: editor.selection };
    const { key, found } = this.read(at);
    if (key === this.lastKey) return;
    this.lastKey = key;
    if (!found.ok) {
      const run = ++this.liveRun;
      void liveEditorSubjectIfPaused(editor.document, found.noInput, this.config.value.maxElements).then(
        (live) => {
          if (run !== this.liveRun || this.paused) return; // a newer selection or stop, or pinned meanwhile
          // Running between two stops: the view keeps the session's last values until the next stop.
          if (!live && this.liveSession && vscode.debug.activeDebugSession === this.liveSession) return;
          if (!live || !live.ok || !found.noInput) {
            this.deliver({ empty: live && !live.ok ? live.message : found.nothingHere ? '' : found.message });
            return;
          }
          this.liveSession = vscode.debug.activeDebugSession;
          this.liveTarget = at;
          const epsilon = this.currentRequest()?.epsilon ?? this.config.value.epsilon;
          const source = sourceOfRange(editor.document, found.noInput.range);
          const caption = liveCaption(live.header, live.note);
          this.deliver({
            request: withCaption(requestOfSubject(live.subject, epsilon, source), caption),
            fromCall: true,
            live: caption,
          });
        },
      );
      return;
    }
    // Resolved from the code, but a paused debugger knows the running program's value: that one wins.
    if (found.source.resolved) {
      const run = ++this.liveRun;
      const candidate = { subject: found.subject, source: found.source, range: found.range };
      void liveEditorSubjectIfPaused(editor.document, candidate, this.config.value.maxElements).then(
        (live) => {
          if (run !== this.liveRun || this.paused) return;
          if (!live?.ok) {
            this.deliverFound(editor, found);
            return;
          }
          this.liveSession = vscode.debug.activeDebugSession;
          this.liveTarget = at;
          const epsilon = this.currentRequest()?.epsilon ?? this.config.value.epsilon;
          const caption = liveCaption(live.header, live.note);
          const source = sourceOfRange(editor.document, found.range);
          this.deliver({
            request: withCaption(requestOfSubject(live.subject, epsilon, source), caption),
            fromCall: true,
            live: caption,
          });
        },
      );
      return;
    }
    this.liveRun++;
    this.deliverFound(editor, found);
  }

  /** Delivers what the code itself says (no live value). */
  private deliverFound(
    editor: SelectionIn,
    found: Extract<ReturnType<typeof subjectInEditor>, { ok: true }>,
  ): void {
    const source = sourceOfRange(editor.document, found.range);
    // An activation call says which activation, framework and parameters it means. A bare array keeps the view's
    // own choices (activation, parameters, ε), and its framework too unless its text names one (a wrapper or a
    // printout style).
    const previous = this.currentRequest();
    const epsilon = previous?.epsilon ?? this.config.value.epsilon;
    const fromCode = requestOfSubject({ ...found.subject, source: found.source }, epsilon, source);
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
    // The caption says which binding the values were resolved from (a literal has none; a carried-over caption
    // of an earlier plot does not apply).
    this.deliver({
      request: withCaption(request, resolvedCaption(found.source)),
      fromCall: found.fromCall,
    });
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}
