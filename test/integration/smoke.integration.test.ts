// Smoke: the extension is installed in this VS Code, activates, and registers its main command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'activation-lens.activation-lens';

describe('smoke', () => {
  it('the extension is present', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded in this extension host`);
  });

  it('the extension activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers activationLens.plotSelection', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(
      commands.includes('activationLens.plotSelection'),
      'activationLens.plotSelection is not registered',
    );
  });

  it('runs in the display language asked for (INTEGRATION_LOCALE, default English)', () => {
    assert.equal(vscode.env.language, (process.env.INTEGRATION_LOCALE || 'en').toLowerCase());
  });

  it('opens the fixture workspace', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder open');
    assert.equal(folder.name, 'workspace');
  });
});
