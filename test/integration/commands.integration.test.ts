// The palette commands in a real VS Code: registered, plotting each seed line opens the panel with the right title,
// clear messages for no / invalid selection, and insert-as-comment is one undo step.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getActivation } from '../../src/core';
import { answerPickers, lensApi, openFixture, rangeOf, recordMessages, waitFor } from './helpers';

const SEED_LINES: Array<{ marker: string; id: string; input: string }> = [
  { marker: 'sigmoid_test=tf.nn.sigmoid', id: 'sigmoid', input: '[-3.,-2.,-1.,0.0,1.,2.,3.]' },
  { marker: 'tanh_test=tf.nn.tanh', id: 'tanh', input: '[-3.,-2.,-1.,0.0,1.,2.,3.]' },
  { marker: 'relu_test=tf.nn.relu', id: 'relu', input: '[-3.,-2.,-1.,0.0,1.,2.,3.]' },
  { marker: 'leaky_relu_test=tf.nn.leaky_relu', id: 'leaky_relu', input: '[-3.,-2.,-1.,0.0,1.,2.,3.]' },
  { marker: 'elu_relu_test=tf.nn.elu', id: 'elu', input: '[-10000,-100.,-3.,-2.,-1.,0.0,1.,2.,3.]' },
  { marker: 'softmax_test=tf.nn.softmax', id: 'softmax', input: '[-3.,-2.,-1.,0.0,1.,2.,3.]' },
];

describe('Activation Lens commands', () => {
  before(async () => {
    await lensApi();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers every command the manifest contributes', async () => {
    const ext = vscode.extensions.getExtension('activation-lens.activation-lens');
    const contributed = (ext?.packageJSON as { contributes: { commands: Array<{ command: string }> } })
      .contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
    assert.ok(contributed.length >= 8);
  });

  for (const line of SEED_LINES) {
    it(`Plot Selection on the seed's ${line.id} line opens the panel titled for ${line.id}`, async () => {
      const api = await lensApi();
      const editor = await openFixture('seed.py');
      const range = rangeOf(editor.document, line.marker, line.input);
      editor.selection = new vscode.Selection(range.start, range.end);
      const restore = answerPickers((items) =>
        items.find((i) => (i as { id?: string }).id === line.id && i.kind !== -1),
      );
      try {
        await vscode.commands.executeCommand('activationLens.plotSelection');
      } finally {
        restore();
      }
      const panel = await waitFor(
        () => api.chartPanels().find((p) => p.panel.visible),
        'a visible chart panel',
      );
      assert.equal(panel.panel.title, `Activation Lens: ${getActivation(line.id).label}`);
      assert.equal(panel.currentRequest.activations[0], line.id);
      assert.equal(panel.currentRequest.input?.text, line.input);
      assert.equal(panel.currentRequest.input?.values.length, line.input.split(',').length);
    });
  }

  it('with nothing selected and the cursor outside any array, explains what to select', async () => {
    const editor = await openFixture('seed.py');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const messages = recordMessages();
    try {
      await vscode.commands.executeCommand('activationLens.plotSelection');
    } finally {
      messages.restore();
    }
    assert.equal(messages.shown.length, 1);
    assert.equal(messages.shown[0].kind, 'warning');
    assert.match(messages.shown[0].message, /Select a numeric array first/);
    assert.match(messages.shown[0].message, /tf\.nn\.sigmoid\(\[-3\./);
  });

  it('with a selection that is not an array, says what is wrong and where, first', async () => {
    const editor = await openFixture('seed.py');
    const range = rangeOf(editor.document, 'print(sigmoid_test)', 'print(sigmoid_test)');
    editor.selection = new vscode.Selection(range.start, range.end);
    const messages = recordMessages();
    try {
      await vscode.commands.executeCommand('activationLens.plotSelection');
    } finally {
      messages.restore();
    }
    assert.equal(messages.shown.length, 1);
    assert.equal(messages.shown[0].kind, 'warning');
    // What and where lead (a collapsed notification shows only its start).
    assert.match(
      messages.shown[0].message,
      new RegExp(`^Line ${range.start.line + 1}, column 1: unknown function 'print`),
    );
  });

  it('a selection inside a recognised call means the call: its activation first, its parameters, its framework', async () => {
    const api = await lensApi();
    const editor = await openFixture('torch_example.py');
    const range = rangeOf(editor.document, 'F.leaky_relu(', '[-3.0');
    // Select just the first number of the call's literal.
    editor.selection = new vscode.Selection(range.start.translate(0, 1), range.end);
    let offered: string | undefined;
    const restore = answerPickers((items) => {
      offered = (items[0] as { id?: string }).id;
      return items[0];
    });
    try {
      await vscode.commands.executeCommand('activationLens.plotSelection');
    } finally {
      restore();
    }
    assert.equal(offered, 'leaky_relu');
    const panel = await waitFor(
      () => api.chartPanels().find((p) => p.panel.visible),
      'a visible chart panel',
    );
    const request = panel.currentRequest;
    assert.equal(request.framework, 'pytorch');
    assert.equal(request.dialect, 'pytorch');
    assert.deepEqual(request.params.leaky_relu, { alpha: 0.1 });
    assert.ok(
      (request.input?.values.length ?? 0) > 1,
      'the whole input of the call, not the selected number',
    );
  });

  it('with a selection larger than activationLens.maxElements, names the setting and the next step', async () => {
    const config = vscode.workspace.getConfiguration('activationLens');
    await config.update('maxElements', 5, vscode.ConfigurationTarget.Global);
    const editor = await openFixture('seed.py');
    const range = rangeOf(editor.document, 'sigmoid_test=tf.nn.sigmoid', '[-3.,-2.,-1.,0.0,1.,2.,3.]');
    editor.selection = new vscode.Selection(range.start, range.end);
    const messages = recordMessages();
    try {
      await waitFor(
        () => vscode.workspace.getConfiguration('activationLens').get('maxElements') === 5,
        'the setting',
      );
      await vscode.commands.executeCommand('activationLens.plotSelection');
    } finally {
      messages.restore();
      await config.update('maxElements', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(messages.shown.length, 1);
    assert.equal(messages.shown[0].kind, 'warning');
    assert.match(messages.shown[0].message, /^More than 5 numbers/);
    assert.match(messages.shown[0].message, /activationLens\.maxElements/);
  });

  it('with the cursor deep inside a very long array, says it is too long to find from here and to select it', async () => {
    const rows = Array.from({ length: 10_000 }, (_, r) =>
      Array.from({ length: 10 }, (_, c) => `${(r * 10 + c) / 1000}`).join(', '),
    );
    const document = await vscode.workspace.openTextDocument({
      language: 'python',
      content: `x = [${rows.join(',\n     ')}]\n`,
    });
    const editor = await vscode.window.showTextDocument(document);
    const position = new vscode.Position(5000, 8);
    editor.selection = new vscode.Selection(position, position);
    const messages = recordMessages();
    try {
      await vscode.commands.executeCommand('activationLens.plotSelection');
    } finally {
      messages.restore();
    }
    assert.equal(messages.shown.length, 1);
    assert.match(
      messages.shown[0].message,
      /^The array around the cursor is too long to find from here: select/,
    );
    const hovers =
      (await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        position,
      )) ?? [];
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /too long to read around the mouse/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('works while the chart panel has the focus: it acts on the last text editor', async () => {
    const api = await lensApi();
    const editor = await openFixture('seed.py');
    const range = rangeOf(editor.document, 'tanh_test=tf.nn.tanh', '[-3.,-2.,-1.,0.0,1.,2.,3.]');
    editor.selection = new vscode.Selection(range.start, range.end);
    await vscode.commands.executeCommand('activationLens.plotActivation', 'relu');
    await waitFor(() => api.chartPanels().find((p) => p.panel.active), 'the chart panel to have the focus');
    await waitFor(() => vscode.window.activeTextEditor === undefined || undefined, 'no active text editor');
    const restore = answerPickers((items) => items.find((i) => (i as { id?: string }).id === 'tanh'));
    try {
      await vscode.commands.executeCommand('activationLens.plotSelection');
    } finally {
      restore();
    }
    const panel = await waitFor(
      () => api.chartPanels().find((p) => p.currentRequest.activations[0] === 'tanh'),
      'the tanh plot',
    );
    assert.equal(panel.currentRequest.input?.text, '[-3.,-2.,-1.,0.0,1.,2.,3.]');
  });

  it('insert as comment writes the printed result below the selection in one undoable edit', async () => {
    const api = await lensApi();
    const editor = await openFixture('seed.py');
    const before = editor.document.getText();
    const range = rangeOf(editor.document, 'relu_test=tf.nn.relu', '[-3.,-2.,-1.,0.0,1.,2.,3.]');
    const printed = 'tf.Tensor([0. 0. 0. 0. 1. 2. 3.], shape=(7,), dtype=float32)';
    const source = {
      uri: editor.document.uri.toString(),
      range: [range.start.line, range.start.character, range.end.line, range.end.character] as [
        number,
        number,
        number,
        number,
      ],
    };
    assert.equal(await api.insertAsComment(source, printed), true);
    assert.equal(editor.document.lineAt(range.start.line + 1).text, `# ${printed}`);
    assert.notEqual(editor.document.getText(), before);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('insert as comment leaves an unsaved change, like typing: nothing is written to disk (issue 13.6)', async () => {
    const api = await lensApi();
    const editor = await openFixture('seed.py');
    const uri = editor.document.uri;
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const range = rangeOf(editor.document, 'tanh_test=tf.nn.tanh', '[-3.,-2.,-1.,0.0,1.,2.,3.]');
    const source = {
      uri: uri.toString(),
      range: [range.start.line, range.start.character, range.end.line, range.end.character] as [
        number,
        number,
        number,
        number,
      ],
    };
    // Desktop VS Code's default: no auto-save (in the browser VS Code saves every change after a second, typing
    // included). VS Code's refactoring auto-save (files.refactoring.autoSave, on by default) still applies.
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    // The document not shown in any editor (the chart panel has the focus, the file was closed).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    try {
      assert.equal(await api.insertAsComment(source, 'tf.Tensor([0.5], shape=(1,), dtype=float32)'), true);
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(doc.lineAt(range.start.line + 1).text, '# tf.Tensor([0.5], shape=(1,), dtype=float32)');
      assert.equal(doc.isDirty, true, 'the change is unsaved');
      // Give a refactoring auto-save every chance to run: the file on disk stays as it was.
      const settledAt = Date.now();
      await waitFor(() => Date.now() - settledAt > 1500 || undefined, 'a possible auto-save');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), onDisk);
      assert.equal(doc.isDirty, true);
    } finally {
      const shown = vscode.window.visibleTextEditors.find(
        (e) => e.document.uri.toString() === uri.toString(),
      );
      if (shown) await vscode.window.showTextDocument(shown.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await files.update('autoSave', undefined, vscode.ConfigurationTarget.Global);
      // Had the change been saved (the bug), the fixture must not keep it.
      const now = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      if (now !== onDisk) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(onDisk));
    }
  });

  it("the walkthrough's Open the examples shows the article's snippets in an untitled document (no file changes)", async () => {
    await vscode.commands.executeCommand('activationLens.openExample');
    const editor = await waitFor(() => vscode.window.activeTextEditor, 'an editor');
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'python');
    assert.ok(
      editor.document.getText().includes("tf.nn.sigmoid([-3.,-2.,-1.,0.0,1.,2.,3.],name='sigmoid_op')"),
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
