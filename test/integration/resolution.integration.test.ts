// Values from real code (issue 14) in a real VS Code: hovers on a call whose input is a name, on the argument, on
// a name, on a layer call, on an input that cannot be resolved, CodeLens, and a notebook whose binding is in an
// earlier cell. Expected prints are real PyTorch 1.13's (Debian python3-torch) for the same code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answerPickers, fixtureUri, lensApi, openFixture, recordMessages, waitFor } from './helpers';

/** Activation Lens's hover Markdown at the first `needle` (+ delta) on the line containing `marker`; '' if none. */
async function hoverAt(doc: vscode.TextDocument, marker: string, needle: string, delta = 1): Promise<string> {
  let pos: vscode.Position | undefined;
  for (let i = 0; i < doc.lineCount && !pos; i++) {
    const text = doc.lineAt(i).text;
    if (text.includes(marker)) pos = new vscode.Position(i, text.indexOf(needle) + delta);
  }
  assert.ok(pos, `no line with ${marker}`);
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
  for (const h of hovers)
    for (const c of h.contents) {
      const value = typeof c === 'string' ? c : (c as vscode.MarkdownString).value;
      // As displayed: the printed blocks keep their lines with no-break spaces.
      if (value.includes('activationLens.') || /tensor\(|is not a literal array/.test(value))
        return value.replace(/\u00a0/g, ' ');
    }
  return '';
}

describe('Values from real code (issue 14)', function () {
  this.timeout(60_000);
  let doc: vscode.TextDocument;

  before(async () => {
    await lensApi();
    doc = (await openFixture('values_textbook.py')).document;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('hover on torch.relu(x): x resolved from torch.arange, PyTorch print, where it came from', async () => {
    const md = await hoverAt(doc, 'y = torch.relu(x)', 'relu');
    assert.match(md, /160 elements, shape \(160,\)/);
    assert.match(md, /Input: `x`, line 5: `torch\.arange\(-8\.0, 8\.0, 0\.1\)`/);
    assert.ok(
      md.includes('tensor([0.0000, 0.0000, 0.0000,  ..., 7.7000, 7.8000, 7.9000])'),
      md.slice(0, 600),
    );
    // The Open chart link's request says where the values came from, as the chart panel will show it.
    const link = /command:activationLens\.openChart\?([^)\s]+)/.exec(md);
    assert.ok(link, md.slice(0, 600));
    const [request] = JSON.parse(decodeURIComponent(link[1]!)) as [{ caption?: string }];
    assert.equal(request.caption, 'resolved from the code: x (line 5: torch.arange(-8.0, 8.0, 0.1))');
  });

  it('hover on the argument x: the same call', async () => {
    const md = await hoverAt(doc, 'y = torch.relu(x)', '(x)', 1);
    assert.match(md, /Input: `x`, line 5/);
  });

  it('requires_grad: print(s) ends with grad_fn=<SigmoidBackward0>, in the hover and in the chart it opens', async () => {
    const printed = 'tensor([0.2689, 0.5000, 0.8808], grad_fn=<SigmoidBackward0>)';
    const md = await hoverAt(doc, 's = torch.sigmoid(w)', 'sigmoid');
    assert.ok(md.includes(printed), md.slice(0, 600));
    // PyTorch 1.13 prints the same (Debian python3-torch); the chart opened from the hover's link prints it too.
    const link = /command:activationLens\.openChart\?([^)\s]+)/.exec(md);
    assert.ok(link, md.slice(0, 600));
    const api = await lensApi();
    await vscode.commands.executeCommand(
      'activationLens.openChart',
      ...(JSON.parse(decodeURIComponent(link[1]!)) as unknown[]),
    );
    await waitFor(
      () => api.chartPanels().find((p) => p.panel.visible && p.lastRendered?.printed === printed),
      `a chart panel printing ${printed}`,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    doc = (await openFixture('values_textbook.py')).document;
  });

  it('hover on the name y in print(y): its value and where it was bound', async () => {
    const md = await hoverAt(doc, 'print(y)', 'y)', 0);
    assert.match(md, /Bound at `y`, line 6: `torch\.relu\(x\)`/);
    assert.match(md, /\*\*`y`\*\* · PyTorch · float32 · shape \(160,\)/);
  });

  it('a layer object: act = nn.LeakyReLU(0.2); act(small)', async () => {
    const md = await hoverAt(doc, 'out = act(small)', 'act(', 1);
    assert.match(md, /Leaky ReLU/);
    assert.ok(md.includes('tensor([-0.2000,  2.0000])'), md.slice(0, 600));
  });

  it('an input that cannot be resolved says which binding stopped it and where', async () => {
    const md = await hoverAt(doc, 'r = torch.relu(batch)', 'relu');
    assert.match(
      md,
      /The input `batch` is not a literal array, and its value is not known here: stopped at `[^`]+`, line 16:/,
    );
  });

  it('CodeLens shows the resolved result', async () => {
    const cfg = vscode.workspace.getConfiguration('activationLens');
    await cfg.update('inline.codeLens', true, vscode.ConfigurationTarget.Global);
    try {
      // The setting reaches the extension asynchronously: poll (bounded) until the lenses carry results.
      const started = Date.now();
      let titles: string[] = [];
      let lenses: vscode.CodeLens[] = [];
      while (Date.now() - started < 10_000) {
        lenses =
          (await vscode.commands.executeCommand<vscode.CodeLens[]>(
            'vscode.executeCodeLensProvider',
            doc.uri,
            100,
          )) ?? [];
        titles = lenses.map((l) => l.command?.title ?? '');
        if (titles.some((t) => t.includes('ReLU'))) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(
        titles.some((t) => t.includes('ReLU') && t.includes('[0.0000 \u2026 7.9000]')),
        JSON.stringify(titles),
      );
      // Its command opens the chart with the same caption as the hover's link.
      const relu = lenses.find((l) => l.command?.title.includes('ReLU'));
      const [request] = (relu?.command?.arguments ?? []) as [{ caption?: string }];
      assert.equal(request?.caption, 'resolved from the code: x (line 5: torch.arange(-8.0, 8.0, 0.1))');
    } finally {
      await cfg.update('inline.codeLens', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  /** Runs Plot Selection with the cursor at `needle` (+ delta) on the line holding `marker`, nothing selected,
   * answering the activation picker with `pick`. */
  async function plotAt(marker: string, needle: string, delta = 1, pick = 'sigmoid'): Promise<void> {
    const editor = await openFixture('values_textbook.py');
    const line = Array.from({ length: editor.document.lineCount }, (_, i) => editor.document.lineAt(i)).find(
      (l) => l.text.includes(marker),
    );
    assert.ok(line, `no line with ${marker}`);
    const at = new vscode.Position(line.lineNumber, line.text.indexOf(needle) + delta);
    editor.selection = new vscode.Selection(at, at);
    const restore = answerPickers((items) =>
      items.find((i) => (i as { id?: string }).id === pick && i.kind !== -1),
    );
    try {
      await vscode.commands.executeCommand('activationLens.plotSelection');
    } finally {
      restore();
    }
  }

  it('Plot Selection with the cursor on torch.relu(x): the chart gets the resolved 160 values', async () => {
    const api = await lensApi();
    await plotAt('y = torch.relu(x)', 'relu', 1, 'relu');
    const panel = await waitFor(
      () => api.chartPanels().find((p) => p.panel.visible && p.currentRequest.input?.values.length === 160),
      'a chart panel with the 160 resolved values',
    );
    assert.equal(panel.currentRequest.activations[0], 'relu');
    assert.equal(panel.currentRequest.framework, 'pytorch');
    assert.equal(panel.currentRequest.input?.text, 'torch.arange(-8.0, 8.0, 0.1)');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Plot Selection with the cursor on the name y: its value, with the chosen activation', async () => {
    const api = await lensApi();
    await plotAt('print(y)', '(y)', 1);
    const panel = await waitFor(
      () =>
        api.chartPanels().find((p) => p.panel.visible && p.currentRequest.input?.text === 'torch.relu(x)'),
      'a chart panel on the value of y',
    );
    assert.equal(panel.currentRequest.input?.values.length, 160);
    assert.equal(panel.currentRequest.input?.values[0], 0);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Plot Selection on an input that cannot be resolved names the binding that stopped it', async () => {
    const messages = recordMessages();
    try {
      await plotAt('r = torch.relu(batch)', 'relu');
    } finally {
      messages.restore();
    }
    assert.equal(messages.shown.length, 1, JSON.stringify(messages.shown));
    assert.match(
      messages.shown[0].message,
      /The input batch is not a literal array, and its value is not known here: stopped at .+, line 16: /,
    );
  });

  it('a notebook: the binding in an earlier cell', async () => {
    const nb = await vscode.workspace.openNotebookDocument(fixtureUri('values_notebook.ipynb'));
    await vscode.window.showNotebookDocument(nb);
    const cell = nb.getCells().find((c) => c.document.getText().includes('torch.tanh'));
    assert.ok(cell);
    const md = await hoverAt(cell.document, 'torch.tanh(x)', 'tanh');
    assert.ok(md.includes('tensor([-0.7616, -0.4621,  0.0000,  0.4621,  0.7616])'), md.slice(0, 600));
    assert.match(md, /Input: `x`, cell 3, line 1: `torch\.linspace\(-1, 1, 5\)`/);
  });
});
