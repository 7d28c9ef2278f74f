// What only the web layer can show: the extension really runs its browser entry in VS Code for the Web's web
// worker extension host, with the fixture folder mounted through the virtual file system.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, lensApi, recordMessages } from '../integration/helpers';

// A 1×1 PNG.
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

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
    assert.equal((ext.packageJSON as { browser?: string }).browser, './dist/extension.js');
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

  it('export saves through the save dialog and workspace.fs into the virtual folder (no Node fs)', async () => {
    const api = await lensApi();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder open');
    const win = vscode.window as unknown as Record<'showSaveDialog', unknown>;
    const saved = win.showSaveDialog;
    const offered: Array<vscode.Uri | undefined> = [];
    const answer = (target: vscode.Uri) => (options?: vscode.SaveDialogOptions) => {
      offered.push(options?.defaultUri);
      return Promise.resolve(target);
    };
    const messages = recordMessages();
    try {
      const csvUri = vscode.Uri.joinPath(folder.uri, 'web-export.csv');
      const csv = "x,sigmoid(x),sigmoid'(x),state\n-3.0,0.047425874,0.04517666,active\n";
      win.showSaveDialog = answer(csvUri);
      await api.saveExport('csv', csv, 'sigmoid.csv');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(csvUri)), csv);

      const pngUri = vscode.Uri.joinPath(folder.uri, 'web-export.png');
      win.showSaveDialog = answer(pngUri);
      await api.saveExport('png', `data:image/png;base64,${PNG_BASE64}`, 'sigmoid.png');
      const png = await vscode.workspace.fs.readFile(pngUri);
      assert.deepEqual(Array.from(png.subarray(0, 4)), [0x89, 0x50, 0x4e, 0x47]);
      assert.equal(png.length, atob(PNG_BASE64).length);
    } finally {
      win.showSaveDialog = saved;
      messages.restore();
    }
    // The dialog starts in the workspace folder (the virtual file system), with the suggested name.
    assert.deepEqual(
      offered.map((u) => u?.toString()),
      ['sigmoid.csv', 'sigmoid.png'].map((n) => vscode.Uri.joinPath(folder.uri, n).toString()),
    );
    assert.equal(messages.shown.filter((m) => m.kind === 'info').length, 2, JSON.stringify(messages.shown));
  });
});
