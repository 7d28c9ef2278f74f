// The side panel in a real VS Code: contributed and resolved, follows the selection with one update per settled
// selection, and shows the empty state (never an error popup) for a selection that is not an array.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ToWebviewMessage } from '../../src/shared/protocol';
import { lensApi, openFixture, rangeOf, recordMessages, waitFor } from './helpers';

describe('Activation Lens side panel', () => {
  const posted: ToWebviewMessage[] = [];
  let subscription: vscode.Disposable | undefined;

  before(async () => {
    const api = await lensApi();
    subscription = api.sidePanel.onDidPost((m) => posted.push(m));
  });

  after(() => subscription?.dispose());

  it('is contributed to its own activity-bar container and resolves when focused', async () => {
    const ext = vscode.extensions.getExtension('activation-lens.activation-lens');
    const views = (
      ext?.packageJSON as { contributes: { views: Record<string, Array<{ id: string; type: string }>> } }
    ).contributes.views;
    assert.deepEqual(
      views.activationLens.map((v) => [v.id, v.type]),
      [['activationLens.sidePanel', 'webview']],
    );
    const editor = await openFixture('seed.py');
    await vscode.commands.executeCommand('activationLens.sidePanel.focus');
    await vscode.window.showTextDocument(editor.document, {
      viewColumn: editor.viewColumn,
      preserveFocus: false,
    });
    await waitFor(
      () => posted.some((m) => m.type === 'init'),
      'the side panel to say ready and receive init',
      20_000,
    );
  });

  it('selecting an array sends one update with the values of that array', async () => {
    const editor = await openFixture('seed.py');
    const range = rangeOf(editor.document, 'tanh_test=tf.nn.tanh', '[-3.,-2.,-1.,0.0,1.,2.,3.]');
    posted.length = 0;
    editor.selection = new vscode.Selection(range.start, range.end);
    const update = await waitFor(() => posted.find((m) => m.type === 'plot'), 'a plot update');
    assert.equal(update.type, 'plot');
    if (update.type !== 'plot') return;
    assert.deepEqual(update.request.input?.values, [-3, -2, -1, 0, 1, 2, 3]);
    assert.deepEqual(update.request.input?.shape, [7]);
    // Settle for several debounce periods: a single selection gives a single update.
    const settledAt = Date.now();
    await waitFor(() => Date.now() - settledAt > 600 || undefined, 'the selection to settle');
    assert.equal(posted.filter((m) => m.type === 'plot').length, 1);
  });

  it('a selection that is not an array shows the empty state, not an error popup', async () => {
    const editor = await openFixture('seed.py');
    const range = rangeOf(editor.document, 'print(sigmoid_test)', 'print(sigmoid_test)');
    const messages = recordMessages();
    try {
      posted.length = 0;
      editor.selection = new vscode.Selection(range.start, range.end);
      const empty = await waitFor(() => posted.find((m) => m.type === 'empty'), 'the empty state');
      assert.equal(empty.type, 'empty');
      if (empty.type === 'empty') assert.match(empty.reason, /^Line \d+, column \d+: .*numeric array/);
    } finally {
      messages.restore();
    }
    assert.deepEqual(messages.shown, []);
  });

  it('with nothing selected and no array at the cursor, the empty state gets no reason repeating its instruction', async () => {
    const editor = await openFixture('seed.py');
    const array = rangeOf(editor.document, 'relu_test=tf.nn.relu', '[-3.,-2.,-1.,0.0,1.,2.,3.]');
    posted.length = 0;
    editor.selection = new vscode.Selection(array.start, array.end);
    await waitFor(() => posted.find((m) => m.type === 'plot'), 'the plot of the selected array');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const empty = await waitFor(() => posted.find((m) => m.type === 'empty'), 'the empty state');
    assert.deepEqual(empty, { type: 'empty', reason: '' });
  });

  it('while pinned, selection changes do not replace the chart', async () => {
    const api = await lensApi();
    const editor = await openFixture('seed.py');
    await vscode.commands.executeCommand('activationLens.sidePanel.pin');
    try {
      assert.equal(api.sidePanel.isPinned, true);
      posted.length = 0;
      const range = rangeOf(editor.document, 'relu_test=tf.nn.relu', '[-3.,-2.,-1.,0.0,1.,2.,3.]');
      editor.selection = new vscode.Selection(range.start, range.end);
      const startedAt = Date.now();
      await waitFor(() => Date.now() - startedAt > 600 || undefined, 'several debounce periods');
      assert.equal(posted.filter((m) => m.type === 'plot' || m.type === 'empty').length, 0);
    } finally {
      await vscode.commands.executeCommand('activationLens.sidePanel.unpin');
    }
    assert.equal(api.sidePanel.isPinned, false);
  });
});
