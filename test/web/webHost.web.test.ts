// What only the web layer can show: the extension really runs its browser entry in VS Code for the Web's web
// worker extension host, with the fixture folder mounted through the virtual file system.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, lensApi } from '../integration/helpers';

describe('VS Code for the Web host', () => {
  it('is the web workbench (UIKind.Web) of VS Code 1.91 or later', () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major === 1 && (minor ?? 0) >= 91, `VS Code ${vscode.version}`);
  });

  it('runs the extension in a web worker: no Node globals, the browser entry is the one declared', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded in the web extension host`);
    await lensApi();
    assert.equal(ext.isActive, true);
    assert.equal((ext.packageJSON as { browser?: string }).browser, './dist/web/extension.js');
    const global = globalThis as { process?: unknown; require?: unknown; WorkerGlobalScope?: unknown };
    assert.equal(typeof global.process, 'undefined', 'a Node process object in the web worker');
    assert.equal(typeof global.WorkerGlobalScope, 'function', 'not a web worker');
  });

  it('opens the fixture folder through the virtual file system, not file:', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder open');
    assert.notEqual(folder.uri.scheme, 'file');
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'seed.py'));
    assert.match(new TextDecoder().decode(bytes), /tf\.nn\.sigmoid/);
  });
});
