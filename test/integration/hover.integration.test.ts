// Hovers, CodeLens and inlay hints in a real VS Code. Expected prints are the seed article's outputs (compared with
// whitespace collapsed, because the article's text lost its line breaks) and framework prints from the reference.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lensApi, openFixture, waitFor } from './helpers';

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Polls an async condition until it returns a truthy value (settings reach the extension asynchronously). */
async function until<T>(
  condition: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The seed's six TensorFlow lines and the outputs the article prints for them. */
const SEED: Array<{ marker: string; outputs: string[] }> = [
  {
    marker: 'sigmoid_test=tf.nn.sigmoid',
    outputs: [
      'tf.Tensor( [0.04742587 0.11920292 0.26894143 0.5 0.7310586 0.880797 0.95257413], shape=(7,), dtype=float32)',
    ],
  },
  {
    marker: 'tanh_test=tf.nn.tanh',
    outputs: [
      'tf.Tensor( [-0.9950547 -0.9640276 -0.7615942 0. 0.7615942 0.9640276 0.9950547], shape=(7,), dtype=float32)',
    ],
  },
  {
    marker: 'relu_test=tf.nn.relu',
    outputs: ['tf.Tensor([0. 0. 0. 0. 1. 2. 3.], shape=(7,), dtype=float32)'],
  },
  {
    marker: 'leaky_relu_test=tf.nn.leaky_relu',
    outputs: ['tf.Tensor([-0.6 -0.4 -0.2 0. 1. 2. 3. ], shape=(7,), dtype=float32)'],
  },
  {
    marker: 'elu_relu_test=tf.nn.elu',
    outputs: [
      'tf.Tensor( [-1. -1. -0.95021296 -0.86466473 -0.63212055 0. 1. 2. 3. ], shape=(9,), dtype=float32)',
    ],
  },
  {
    marker: 'softmax_test=tf.nn.softmax',
    outputs: [
      'tf.Tensor( [0.0015683 0.00426308 0.01158826 0.03150015 0.0856263 0.23275642 0.6326975 ], shape=(7,), dtype=float32)',
      'tf.Tensor(1.0, shape=(), dtype=float32)',
    ],
  },
];

/** The position of `needle` (plus `delta`) on the first line containing `marker`. */
function positionOf(doc: vscode.TextDocument, marker: string, needle: string, delta = 1): vscode.Position {
  for (let i = 0; i < doc.lineCount; i++) {
    const text = doc.lineAt(i).text;
    if (text.includes(marker)) {
      const at = text.indexOf(needle);
      assert.ok(at >= 0, `"${needle}" not on the line with "${marker}"`);
      return new vscode.Position(i, at + delta);
    }
  }
  throw new Error(`no line contains "${marker}"`);
}

/** Our hover's Markdown at a position ('' when no Activation Lens hover). */
async function hoverText(
  uri: vscode.Uri,
  position: vscode.Position,
): Promise<{ text: string; md?: vscode.MarkdownString }> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ??
    [];
  for (const h of hovers) {
    for (const c of h.contents) {
      const md = c as vscode.MarkdownString;
      const value = typeof c === 'string' ? c : md.value;
      if (value.includes('command:activationLens.') || value.includes('activationLens'))
        return { text: value, md };
      if (/tf\.Tensor|tensor\(|is not a literal|Tensor\n/.test(value)) return { text: value, md };
    }
  }
  return { text: '' };
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace
    .getConfiguration('activationLens')
    .update(key, value, vscode.ConfigurationTarget.Global);
}

/** Decodes the arguments of the first `command:<id>?...` link in Markdown. */
function linkArgs(markdown: string, id: string): unknown[] {
  const m = new RegExp(`command:${id.replace(/\./g, '\\.')}\\?([^ )"]+)`).exec(markdown);
  assert.ok(m, `no ${id} link`);
  return JSON.parse(decodeURIComponent(m[1])) as unknown[];
}

describe('Hover (issue #5)', function () {
  this.timeout(60_000);

  before(async () => {
    await lensApi();
  });

  after(async () => {
    for (const key of ['inline.codeLens', 'inline.inlayHints', 'hover.languages', 'hover.enabled']) {
      await setSetting(key, undefined);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const line of SEED) {
    const callee = line.marker.split('=')[1];
    it(`seed.py: hovering ${callee} shows the article's print`, async () => {
      const editor = await openFixture('seed.py');
      const { text } = await until(async () => {
        const h = await hoverText(editor.document.uri, positionOf(editor.document, line.marker, callee, 8));
        return h.text ? h : undefined;
      }, `a hover on ${callee}`);
      for (const expected of line.outputs) {
        assert.ok(
          collapse(text).includes(collapse(expected)),
          `expected ${expected}\nin\n${text.slice(0, 1500)}`,
        );
      }
      assert.ok(text.includes('data:image/svg+xml;base64,'), 'a chart image');
      assert.match(text, /\d+ of \d+ inputs saturated \(\|f'\| < 0\.01\)/);
    });
  }

  it('hovering a number inside the seed call shows the same call', async () => {
    const editor = await openFixture('seed.py');
    const { text } = await hoverText(
      editor.document.uri,
      positionOf(editor.document, 'relu_test=tf.nn.relu', '0.0'),
    );
    assert.ok(collapse(text).includes('tf.Tensor([0. 0. 0. 0. 1. 2. 3.], shape=(7,), dtype=float32)'), text);
  });

  it('the links are trusted for exactly the commands they use, and carry a valid PlotRequest', async () => {
    const editor = await openFixture('seed.py');
    const { text, md } = await hoverText(
      editor.document.uri,
      positionOf(editor.document, 'sigmoid_test=tf.nn.sigmoid', 'sigmoid(', 2),
    );
    const [request] = linkArgs(text, 'activationLens.openChart') as Array<{
      activations: string[];
      dialect: string;
      input: { values: number[]; shape: number[] };
    }>;
    assert.deepEqual(request.activations, ['sigmoid']);
    assert.equal(request.dialect, 'tensorflow');
    assert.deepEqual(request.input.values, [-3, -2, -1, 0, 1, 2, 3]);
    assert.deepEqual(request.input.shape, [7]);
    assert.ok(text.includes('command:activationLens.showInSidePanel?'));
    assert.ok(text.includes('command:activationLens.copyResult?'));
    const trusted = md?.isTrusted;
    if (trusted !== undefined) {
      assert.equal(typeof trusted, 'object', 'trusted for a list of commands, not for everything');
      assert.deepEqual([...(trusted as { enabledCommands: string[] }).enabledCommands].sort(), [
        'activationLens.copyResult',
        'activationLens.openChart',
        'activationLens.showInSidePanel',
      ]);
    }
    // The Open chart link opens the chart panel on that request.
    const api = await lensApi();
    await vscode.commands.executeCommand('activationLens.openChart', request);
    const panel = await waitFor(
      () => api.chartPanels().find((p) => p.panel.visible),
      'a visible chart panel',
    );
    assert.deepEqual(panel.currentRequest.activations, ['sigmoid']);
  });

  it('Copy result copies the printed result', async () => {
    const editor = await openFixture('seed.py');
    const { text } = await hoverText(
      editor.document.uri,
      positionOf(editor.document, 'relu_test=tf.nn.relu', 'relu(', 2),
    );
    const [arg] = linkArgs(text, 'activationLens.copyResult') as Array<{ text: string }>;
    assert.equal(collapse(arg.text), 'tf.Tensor([0. 0. 0. 0. 1. 2. 3.], shape=(7,), dtype=float32)');
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('activationLens.copyResult', arg);
    assert.equal(collapse(await vscode.env.clipboard.readText()), collapse(arg.text));
  });

  it('PyTorch and JAX calls print as those frameworks print', async () => {
    const editor = await openFixture('hover_cases.py');
    const uri = editor.document.uri;
    const torch = await hoverText(uri, positionOf(editor.document, 'leaky = ', 'leaky_relu', 3));
    assert.ok(collapse(torch.text).includes('tensor([-0.3000, -0.1000, 0.0000, 2.0000])'), torch.text);
    const jax = await hoverText(uri, positionOf(editor.document, 'jrelu = ', 'nn.relu', 4));
    assert.ok(collapse(jax.text).includes('[0. 0. 2.]'), jax.text);
    assert.ok(!jax.text.includes('tf.Tensor'), jax.text);
  });

  it('a call on a variable says the input is not a literal', async () => {
    const editor = await openFixture('hover_cases.py');
    const { text } = await hoverText(
      editor.document.uri,
      positionOf(editor.document, 'h = F.gelu(x)', 'gelu', 2),
    );
    assert.match(text, /is not a literal/);
    assert.ok(!text.includes('command:activationLens.copyResult'));
  });

  it('a bare array is evaluated with the default activation (sigmoid, TensorFlow) and offers switch links', async () => {
    const editor = await openFixture('hover_cases.py');
    const { text, md } = await hoverText(editor.document.uri, positionOf(editor.document, 'bare = ', '0.'));
    assert.ok(
      collapse(text).includes('tf.Tensor([0.04742587 0.5 0.95257413], shape=(3,), dtype=float32)'),
      text,
    );
    assert.ok(text.includes('command:activationLens.hover.switchActivation?'));
    const trusted = md?.isTrusted as { enabledCommands: string[] } | undefined;
    if (trusted !== undefined)
      assert.ok(trusted.enabledCommands.includes('activationLens.hover.switchActivation'));
  });

  it('the switch link re-evaluates bare arrays with another activation', async () => {
    const editor = await openFixture('hover_cases.py');
    const pos = positionOf(editor.document, 'bare = ', '0.');
    const { text } = await hoverText(editor.document.uri, pos);
    const [arg] = linkArgs(text, 'activationLens.hover.switchActivation') as Array<{ activation: string }>;
    assert.equal(arg.activation, 'tanh');
    try {
      await vscode.commands.executeCommand('activationLens.hover.switchActivation', {
        ...arg,
        activation: 'relu',
      });
      const relu = await hoverText(editor.document.uri, pos);
      assert.ok(collapse(relu.text).includes('tf.Tensor([0. 0. 3.], shape=(3,), dtype=float32)'), relu.text);
    } finally {
      await vscode.commands.executeCommand('activationLens.hover.switchActivation', {
        activation: 'sigmoid',
      });
    }
  });

  it('a Jupyter notebook cell, with the alias imported in an earlier cell', async () => {
    const data = new vscode.NotebookData([
      new vscode.NotebookCellData(
        vscode.NotebookCellKind.Code,
        'import torch\nimport torch.nn.functional as Fn',
        'python',
      ),
      new vscode.NotebookCellData(
        vscode.NotebookCellKind.Code,
        'y = Fn.relu(torch.tensor([-1., 2.]))',
        'python',
      ),
    ]);
    const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
    const cell = notebook.cellAt(1).document;
    const { text } = await until(async () => {
      const h = await hoverText(cell.uri, new vscode.Position(0, 'y = Fn.re'.length));
      return h.text ? h : undefined;
    }, 'a hover in the notebook cell');
    assert.ok(collapse(text).includes('tensor([0., 2.])'), text);
  });

  it('calls in comments and strings get no hover', async () => {
    const editor = await openFixture('hover_cases.py');
    const uri = editor.document.uri;
    assert.equal((await hoverText(uri, positionOf(editor.document, '# commented', 'relu', 2))).text, '');
    assert.equal((await hoverText(uri, positionOf(editor.document, 'quoted = ', 'relu', 2))).text, '');
  });

  it('softmax(dim=0) over several lines reduces over the columns', async () => {
    const editor = await openFixture('hover_cases.py');
    const pos = positionOf(editor.document, 'torch.tensor([[1., 2.], [3., 4.]])', '3.');
    const { text } = await hoverText(editor.document.uri, pos);
    // softmax over dim 0 of [[1,2],[3,4]]: each column is softmax([a, a+2]) = [0.1192, 0.8808].
    assert.ok(collapse(text).includes('tensor([[0.1192, 0.1192], [0.8808, 0.8808]])'), text);
  });

  it('Markdown: the seed line verbatim (with its # comment) is recognised; a js fence means TF.js', async () => {
    const editor = await openFixture('hover_seed.md');
    const uri = editor.document.uri;
    const leaky = await hoverText(
      uri,
      positionOf(editor.document, 'leaky_relu_test=', 'tf.nn.leaky_relu', 8),
    );
    assert.ok(
      collapse(leaky.text).includes('tf.Tensor([-0.6 -0.4 -0.2 0. 1. 2. 3. ], shape=(7,), dtype=float32)'),
    );
    const tfjs = await hoverText(uri, positionOf(editor.document, 'tf.leakyRelu', 'leakyRelu', 2));
    assert.ok(collapse(tfjs.text).includes('Tensor [-0.6, -0.4, -0.2, 0, 1, 2, 3]'), tfjs.text);
  });

  it('Markdown: calls in prose get no hover; calls in a code block do (issue 13.15)', async () => {
    const editor = await openFixture('hover_prose.md');
    const uri = editor.document.uri;
    const inBlock = await until(async () => {
      const h = await hoverText(uri, positionOf(editor.document, 'y = tf.nn.sigmoid', 'sigmoid', 2));
      return h.text ? h : undefined;
    }, 'the hover in the code block');
    assert.ok(collapse(inBlock.text).includes('tf.Tensor(['), inBlock.text);
    for (const [marker, needle] of [
      ['In prose', 'relu'],
      ['In prose', '0.'],
      ['After the block', 'tanh'],
    ]) {
      const prose = await hoverText(uri, positionOf(editor.document, marker, needle, 1));
      assert.equal(prose.text, '', `a hover on ${needle} in prose`);
    }
  });

  it('JavaScript: TF.js calls print as TF.js prints', async () => {
    const editor = await openFixture('hover_tfjs.js');
    const { text } = await hoverText(
      editor.document.uri,
      positionOf(editor.document, 'const l = ', 'leakyRelu', 2),
    );
    assert.ok(collapse(text).includes('Tensor [-0.1, 2]'), text);
    const commented = await hoverText(
      editor.document.uri,
      positionOf(editor.document, '// const c', 'relu', 2),
    );
    assert.equal(commented.text, '');
  });

  it('hover.enabled=false and hover.languages without python turn the python hover off, without reload', async () => {
    const editor = await openFixture('seed.py');
    const pos = positionOf(editor.document, 'relu_test=tf.nn.relu', 'relu(', 2);
    await setSetting('hover.enabled', false);
    await until(async () => (await hoverText(editor.document.uri, pos)).text === '', 'the hover to turn off');
    await setSetting('hover.enabled', undefined);
    await until(
      async () => (await hoverText(editor.document.uri, pos)).text !== '',
      'the hover to come back',
    );
    await setSetting('hover.languages', ['javascript']);
    await until(
      async () => (await hoverText(editor.document.uri, pos)).text === '',
      'python to be deselected',
    );
    await setSetting('hover.languages', undefined);
    await until(
      async () => (await hoverText(editor.document.uri, pos)).text !== '',
      'python to be selected again',
    );
  });
});

describe('Inline results (issue #5)', function () {
  this.timeout(60_000);

  after(async () => {
    await setSetting('inline.codeLens', undefined);
    await setSetting('inline.inlayHints', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function ourLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
    const lenses =
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ??
      [];
    return lenses.filter(
      (l) => l.command?.command === 'activationLens.openChart' || /^Plot · /.test(l.command?.title ?? ''),
    );
  }

  async function ourHints(doc: vscode.TextDocument): Promise<vscode.InlayHint[]> {
    const range = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints =
      (await vscode.commands.executeCommand<vscode.InlayHint[]>(
        'vscode.executeInlayHintProvider',
        doc.uri,
        range,
      )) ?? [];
    return hints.filter((h) =>
      (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')).startsWith('→'),
    );
  }

  it('CodeLens appear only when activationLens.inline.codeLens is on', async () => {
    await lensApi();
    const editor = await openFixture('seed.py');
    const uri = editor.document.uri;
    await setSetting('inline.codeLens', false);
    assert.equal((await ourLenses(uri)).length, 0);
    await setSetting('inline.codeLens', true);
    const lenses = await until(async () => {
      const l = await ourLenses(uri);
      return l.length === 6 ? l : undefined;
    }, 'six CodeLens (one per seed call)');
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(
      titles.some((t) => t === 'Plot · Sigmoid → [0.0474 … 0.9526]'),
      titles.join('\n'),
    );
    assert.ok(
      titles.some((t) => t === 'Plot · ReLU → [0.0000 … 3.0000]'),
      titles.join('\n'),
    );
    const sigmoid = lenses.find((l) => l.command?.title.includes('Sigmoid'));
    assert.equal(
      editor.document.lineAt(sigmoid?.range.start.line ?? 0).text.startsWith('sigmoid_test=tf.nn.sigmoid'),
      true,
    );
    await setSetting('inline.codeLens', false);
    await until(async () => (await ourLenses(uri)).length === 0, 'the CodeLens to go away');
  });

  it('inlay hints appear only when activationLens.inline.inlayHints is on', async () => {
    const editor = await openFixture('seed.py');
    await setSetting('inline.inlayHints', false);
    assert.equal((await ourHints(editor.document)).length, 0);
    await setSetting('inline.inlayHints', true);
    const hints = await until(async () => {
      const h = await ourHints(editor.document);
      return h.length === 6 ? h : undefined;
    }, 'six inlay hints');
    const sigmoid = hints.find((h) =>
      editor.document.lineAt(h.position.line).text.startsWith('sigmoid_test='),
    );
    assert.equal(sigmoid?.label, '→ [0.0474 … 0.9526]');
    assert.equal(
      sigmoid?.position.character,
      editor.document.lineAt(sigmoid?.position.line ?? 0).text.length,
    );
    await setSetting('inline.inlayHints', false);
    await until(async () => (await ourHints(editor.document)).length === 0, 'the inlay hints to go away');
  });
});
