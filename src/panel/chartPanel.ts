// The chart panel: an editor-area webview showing one PlotRequest. Reused (or one per command, by setting) and
// restored after a window reload by a WebviewPanelSerializer from the webview's own state.
import * as vscode from 'vscode';
import type { RenderedMessage, ToWebviewMessage } from '../shared/protocol';
import type { PlotRequest, SourceRef } from '../shared/plotRequest';
import { renderWebviewHtml, webviewOptions } from '../webviewHtml';
import { handleCommonMessage, initMessage, postToWebview, receiveFromWebview } from '../webviewActions';
import { outputChannel } from '../host/outputChannel';
import { ViewType } from '../commandIds';
import { getActivation } from '../core';
import { markWalkthroughStep, WALKTHROUGH_CONTEXT } from '../walkthrough';

export class ChartPanel implements vscode.Disposable {
  static readonly viewType = ViewType.ChartPanel;
  private static readonly open = new Set<ChartPanel>();
  private static lastActive: ChartPanel | undefined;

  private request: PlotRequest;
  /**
   * The host's own record of the document this panel's chart came from: set only by the host (show/update), never
   * from a webview message, so a compromised webview cannot aim "Insert as comment" at another document. A panel
   * restored after a reload has none (its saved state comes from the webview).
   */
  private source: SourceRef | null;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedMessage>();
  /** Fires each time the webview reports a finished render, with what it printed (tests wait on it). */
  readonly onDidRender = this.renderedEmitter.event;
  /** The webview's last render report. */
  lastRendered: RenderedMessage | undefined;

  /** Shows `request` in the last active panel (reuse) or in a new one. */
  static show(extensionUri: vscode.Uri, request: PlotRequest, reuse: boolean): ChartPanel {
    const existing = reuse ? ChartPanel.lastActive : undefined;
    if (existing) {
      existing.update(request);
      existing.panel.reveal(existing.panel.viewColumn ?? vscode.ViewColumn.Beside, false);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      ChartPanel.viewType,
      ChartPanel.titleFor(request),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      webviewOptions(extensionUri),
    );
    return new ChartPanel(panel, extensionUri, request);
  }

  /** Restores a panel after reload from the state the webview saved. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, request: PlotRequest): ChartPanel {
    return new ChartPanel(panel, extensionUri, { ...request, source: null });
  }

  static get all(): readonly ChartPanel[] {
    return [...ChartPanel.open];
  }

  static titleFor(request: PlotRequest): string {
    const names = request.activations.map((id) => getActivation(id).label).join(', ');
    return vscode.l10n.t('Activation Lens: {0}', names);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    request: PlotRequest,
  ) {
    this.request = request;
    this.source = request.source;
    ChartPanel.open.add(this);
    ChartPanel.lastActive = this;
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    panel.webview.html = renderWebviewHtml(panel.webview, extensionUri, 'panel');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.active) ChartPanel.lastActive = this;
      }),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      this.renderedEmitter,
    );
  }

  get currentRequest(): PlotRequest {
    return this.request;
  }

  update(request: PlotRequest): void {
    this.request = request;
    this.source = request.source;
    this.panel.title = ChartPanel.titleFor(request);
    if (this.ready) this.post({ type: 'plot', request });
  }

  private post(message: ToWebviewMessage): void {
    postToWebview(this.panel.webview, message);
  }

  private onMessage(raw: unknown): void {
    const message = receiveFromWebview(raw, 'chart panel');
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post(initMessage('panel', this.request, false));
        return;
      case 'state':
        if (message.request.epsilon !== this.request.epsilon)
          markWalkthroughStep(WALKTHROUGH_CONTEXT.movedEpsilon);
        this.request = { ...message.request, source: this.source };
        this.panel.title = ChartPanel.titleFor(message.request);
        return;
      case 'rendered':
        this.lastRendered = message;
        this.renderedEmitter.fire(message);
        break;
      case 'openInPanel':
      case 'pin':
        return;
    }
    handleCommonMessage(message, this.source).catch((err: unknown) =>
      outputChannel.error(`Chart panel action failed: ${String(err)}`),
    );
  }

  dispose(): void {
    ChartPanel.open.delete(this);
    if (ChartPanel.lastActive === this) ChartPanel.lastActive = [...ChartPanel.open].pop();
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
