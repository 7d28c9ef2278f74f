// The side panel: a webview view in the activity bar whose chart follows the editor selection (debounced, latest
// selection wins), can be pinned, and reopens its plot in a full panel. Same webview app as the chart panel.
import * as vscode from 'vscode';
import { parsePlotRequest, type RenderedMessage, type ToWebviewMessage } from '../shared/protocol';
import type { PlotRequest } from '../shared/plotRequest';
import { outputChannel } from '../host/outputChannel';
import { webviewsChunk } from '../host/webviewsChunk';
import { lazyChunk } from '../host/lazyChunk';
import { CommandId, ViewType } from '../commandIds';
import type { ConfigStore } from '../config';
import type { FollowResult, SelectionFollower } from './selectionFollower';
import { toWire } from '../shared/wire';

const followerChunk = lazyChunk(vscode.l10n.t('side panel'), () => import('./selectionFollower'));

export class SidePanelProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewType = ViewType.SidePanel;

  private view: vscode.WebviewView | undefined;
  /** The webviews' host code: loaded when the view is first resolved (a chunk of its own). */
  private webviews: Awaited<ReturnType<typeof webviewsChunk>> | undefined;
  private ready = false;
  private pinned = false;
  /** What the view shows now (after its own control changes). */
  private current: PlotRequest | null = null;
  /** The user changed the view's controls since it last followed the code: those choices carry over. */
  private edited = false;
  /** Follows the selection; created (its chunk loaded) when the view is first resolved: a closed view costs nothing. */
  private follower: SelectionFollower | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly postedEmitter = new vscode.EventEmitter<ToWebviewMessage>();
  /** Fires for every message sent to the view (tests count updates with it). */
  readonly onDidPost = this.postedEmitter.event;
  /** The view's last render report (what it printed). */
  lastRendered: RenderedMessage | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly config: ConfigStore,
  ) {
    this.disposables.push(this.postedEmitter);
    void vscode.commands.executeCommand('setContext', 'activationLens.sidePanelPinned', false);
  }

  async resolveWebviewView(
    view: vscode.WebviewView,
    context: vscode.WebviewViewResolveContext<unknown>,
  ): Promise<void> {
    const [webviews, { SelectionFollower }] = await Promise.all([webviewsChunk(), followerChunk()]);
    this.webviews = webviews;
    if (!this.follower) {
      const follower = new SelectionFollower(
        this.config,
        () => (this.edited ? this.current : null),
        (result) => this.onSelectionResult(result),
      );
      follower.paused = this.pinned;
      this.disposables.push(follower);
      this.follower = follower;
    }
    const follower = this.follower;
    this.view = view;
    this.ready = false;
    const saved = context.state as { request?: unknown; pinned?: unknown } | undefined;
    // Restored after a reload or re-shown after being hidden: continue from the view's saved plot and pin.
    if (saved && typeof saved.pinned === 'boolean') this.setPinned(saved.pinned);
    if (!this.current && saved) {
      // The saved state comes from the webview: its source document is not the host's record, so it is dropped.
      const restored = parsePlotRequest(saved.request);
      this.current = restored ? { ...restored, source: null } : null;
    }
    view.webview.options = webviews.webviewOptions(this.extensionUri);
    view.webview.html = webviews.renderWebviewHtml(view.webview, this.extensionUri, 'sidebar');
    const subscriptions = [
      view.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      view.onDidChangeVisibility(() => {
        void vscode.commands.executeCommand('setContext', 'activationLens.sidePanelVisible', view.visible);
        follower.visible = view.visible;
        if (view.visible) follower.catchUp();
      }),
    ];
    view.onDidDispose(() => {
      subscriptions.forEach((d) => d.dispose());
      this.view = undefined;
      this.ready = false;
      follower.visible = false;
      void vscode.commands.executeCommand('setContext', 'activationLens.sidePanelVisible', false);
    });
    void vscode.commands.executeCommand('setContext', 'activationLens.sidePanelVisible', view.visible);
    follower.visible = view.visible;
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  /** The view's subtitle (where live values come from, or that their session ended). */
  get description(): string | undefined {
    return this.view?.description;
  }

  get currentRequest(): PlotRequest | null {
    return this.current;
  }

  setPinned(pinned: boolean): void {
    this.pinned = pinned;
    if (this.follower) this.follower.paused = pinned;
    void vscode.commands.executeCommand('setContext', 'activationLens.sidePanelPinned', pinned);
    this.post({ type: 'pinned', pinned });
    if (!pinned) this.follower?.refresh();
  }

  /** Shows a request chosen elsewhere (a hover link); it stays until the selection changes or the view is unpinned. */
  show(request: PlotRequest): void {
    this.current = request;
    this.follower?.markSeen();
    this.post({ type: 'plot', request });
  }

  openInPanel(): void {
    if (!this.current) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The side panel has nothing to open yet: select a numeric array first.'),
      );
      return;
    }
    // Through the command, as every other surface opens the chart panel.
    void vscode.commands.executeCommand(CommandId.OpenChart, toWire(this.current));
  }

  private onSelectionResult(result: FollowResult): void {
    if ('ended' in result) {
      if (this.view) this.view.description = result.ended;
      return;
    }
    // The view's subtitle says where live values come from; static results clear it.
    if (this.view) this.view.description = 'request' in result ? result.live : undefined;
    if ('request' in result) {
      this.current = result.request;
      // A call in the code says what to show; the user's own choices apply to bare arrays until then.
      if (result.fromCall) this.edited = false;
      this.post({ type: 'plot', request: result.request });
    } else {
      this.post({ type: 'empty', reason: result.empty });
    }
  }

  private post(message: ToWebviewMessage): void {
    if (!this.view || !this.ready || !this.webviews) return;
    this.webviews.postToWebview(this.view.webview, message);
    this.postedEmitter.fire(message);
  }

  private onMessage(raw: unknown): void {
    const webviews = this.webviews;
    const message = webviews?.receiveFromWebview(raw, 'side panel');
    if (!webviews || !message) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post(webviews.initMessage('sidebar', this.current, this.pinned));
        if (!this.pinned && !this.current) this.follower?.refresh();
        return;
      // The source document stays the host's own record (a webview message never chooses it).
      case 'state':
        this.current = { ...message.request, source: this.current?.source ?? null };
        this.edited = true;
        return;
      case 'openInPanel':
        this.current = { ...message.request, source: this.current?.source ?? null };
        this.openInPanel();
        return;
      case 'pin':
        this.setPinned(message.pinned);
        return;
      case 'rendered':
        this.lastRendered = message;
        break;
    }
    webviews
      .handleCommonMessage(message, this.current?.source ?? null)
      .catch((err: unknown) => outputChannel.error(`Side panel action failed: ${String(err)}`));
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
