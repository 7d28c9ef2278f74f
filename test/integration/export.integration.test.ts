// Exports go through the host's save dialog (a download link in a webview does nothing): the PNG's bytes and the
// CSV's text land in the file the user chose; a cancelled dialog writes nothing; a non-PNG payload is refused.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { lensApi, recordMessages } from './helpers';

// A 1×1 PNG.
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function answerSaveDialog(target: vscode.Uri | undefined): () => void {
  const win = vscode.window as unknown as Record<'showSaveDialog', unknown>;
  const saved = win.showSaveDialog;
  win.showSaveDialog = () => Promise.resolve(target);
  return () => {
    win.showSaveDialog = saved;
  };
}

describe('Export through the save dialog', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'activation-lens-export-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the PNG bytes and the CSV text to the chosen files', async () => {
    const api = await lensApi();
    const messages = recordMessages();
    try {
      const png = path.join(dir, 'chart.png');
      let restore = answerSaveDialog(vscode.Uri.file(png));
      await api.saveExport('png', `data:image/png;base64,${PNG_BASE64}`, 'sigmoid.png').finally(restore);
      assert.deepEqual(fs.readFileSync(png), Buffer.from(PNG_BASE64, 'base64'));
      assert.equal(fs.readFileSync(png).subarray(1, 4).toString('latin1'), 'PNG');

      const csv = path.join(dir, 'values.csv');
      restore = answerSaveDialog(vscode.Uri.file(csv));
      const text = "x,sigmoid(x),sigmoid'(x),state\n-3.0,0.047425874,0.04517666,active\n";
      await api.saveExport('csv', text, 'sigmoid.csv').finally(restore);
      assert.equal(fs.readFileSync(csv, 'utf8'), text);
    } finally {
      messages.restore();
    }
    assert.equal(messages.shown.filter((m) => m.kind === 'info').length, 2, JSON.stringify(messages.shown));
  });

  it('writes nothing when the dialog is cancelled or the PNG payload is not a PNG data URL', async () => {
    const api = await lensApi();
    const restoreCancel = answerSaveDialog(undefined);
    await api.saveExport('csv', 'a,b\n', 'x.csv').finally(restoreCancel);
    const target = path.join(dir, 'evil.png');
    const restore = answerSaveDialog(vscode.Uri.file(target));
    await api.saveExport('png', 'data:text/html;base64,PHNjcmlwdD4=', 'x.png').finally(restore);
    assert.equal(fs.existsSync(target), false);
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.startsWith('x.')),
      [],
    );
  });
});
