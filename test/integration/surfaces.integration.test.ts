// One evaluation, every surface: for each call of a table (every framework, softmax / log_softmax along an axis of
// 2-D input, TF.js, scalars, nested calls, parameters, every array syntax the parser reads), the hover's print, the
// chart panel's "Printed result" (opened from the hover's link and from Plot Selection), the side panel's (following
// the cursor), Copy result (from the cursor and from the hover's link) and the CodeLens text agree.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RenderedMessage } from '../../src/shared/protocol';
import { answerPickers, fixtureUri, lensApi, waitFor } from './helpers';

const PY = [
  ...[...Array(33).keys()].map((i) => `c${String(i + 1).padStart(2, '0')}`),
  'w01',
  'w02',
  'w03',
  'p01',
  'p02',
];
const JS = [...[...Array(6).keys()].map((i) => `j${String(i + 1).padStart(2, '0')}`), 'w04'];
/** Bare arrays: what chose their framework, as the hover's header says it. */
const BARE: Record<string, RegExp> = {
  w01: /NumPy \(float64\), chosen by its wrapper/,
  w02: /PyTorch \(float32\), chosen by its wrapper/,
  w03: /JAX \(float32\), chosen by its wrapper/,
  p01: /PyTorch \(float32\), chosen by its printout style/,
  p02: /NumPy \(float64\), chosen by its printout style/,
  w04: /TensorFlow\.js \(float32\), chosen by its wrapper/,
};

function linkArgs(markdown: string, command: string): unknown[] {
  const m = new RegExp(`command:${command.replace(/\./g, '\\.')}\\?([^ )"]+)`).exec(markdown);
  assert.ok(m, `no ${command} link in the hover`);
  return JSON.parse(decodeURIComponent(m[1])) as unknown[];
}

async function hoverMarkdown(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ??
    [];
  const text = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .find((v) => v.includes('command:activationLens.openChart'));
  assert.ok(text, 'an Activation Lens hover');
  return text;
}

/** Waits for a chart panel to report a render that was not there before `action` ran. */
async function panelRenderAfter(action: () => Thenable<unknown>): Promise<RenderedMessage> {
  const api = await lensApi();
  const before = new Set(api.chartPanels().map((p) => p.lastRendered));
  await action();
  return waitFor(
    () => api.chartPanels().find((p) => p.lastRendered && !before.has(p.lastRendered))?.lastRendered,
    'the chart panel to render',
  );
}

/** Waits until the side panel has rendered `expected`; fails with what it shows instead. */
async function sidePanelPrints(expected: string): Promise<void> {
  const api = await lensApi();
  const deadline = Date.now() + 10_000;
  while (api.sidePanel.lastRendered?.printed !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.equal(api.sidePanel.lastRendered?.printed, expected, 'side panel');
}

describe('one evaluation, every surface (the same result in hover, panels, Copy result and CodeLens)', function () {
  this.timeout(120_000);
  const config = () => vscode.workspace.getConfiguration('activationLens');

  before(async () => {
    await lensApi();
    await config().update('inline.codeLens', true, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('activationLens.sidePanel.focus');
  });

  after(async () => {
    await config().update('inline.codeLens', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const [file, names] of [
    ['equality_cases.py', PY],
    ['equality_cases.js', JS],
  ] as const) {
    for (const name of names) {
      it(`${file} ${name}`, async () => {
        const document = await vscode.workspace.openTextDocument(fixtureUri(file));
        const editor = await vscode.window.showTextDocument(document, {
          viewColumn: vscode.ViewColumn.One,
          preserveFocus: false,
        });
        const line = [...Array(document.lineCount).keys()].find((l) =>
          new RegExp(`^(?:const )?${name} = `).test(document.lineAt(l).text),
        );
        assert.ok(line !== undefined, `line ${name}`);
        const text = document.lineAt(line).text;
        // On the (outer) callee's name; inside the literal of a bare array.
        const bare = BARE[name];
        const position = new vscode.Position(line, bare ? text.indexOf('[') + 2 : text.indexOf('= ') + 3);

        // Hover: the first printed block.
        const markdown = await hoverMarkdown(document.uri, position);
        // (The hover keeps the print's lines with no-break spaces; what it shows is the same text.)
        const printed = /```text\n([\s\S]*?)\n```/.exec(markdown)?.[1]?.replace(/\u00a0/g, ' ');
        assert.ok(printed, 'a printed result in the hover');
        // (Markdown escapes the parentheses and dots of the header.)
        if (bare) assert.match(markdown.replace(/\\/g, ''), bare);

        // The side panel follows the cursor and reads the call itself (every case of the table prints differently,
        // so a render of the previous case cannot pass for this one).
        editor.selection = new vscode.Selection(position, position);
        await sidePanelPrints(printed);

        // Copy result at the cursor, and from the hover's link.
        await vscode.commands.executeCommand('activationLens.copyResult');
        assert.equal(await vscode.env.clipboard.readText(), printed, 'Copy result at the cursor');
        await vscode.env.clipboard.writeText('');
        await vscode.commands.executeCommand(
          'activationLens.copyResult',
          ...linkArgs(markdown, 'activationLens.copyResult'),
        );
        assert.equal(await vscode.env.clipboard.readText(), printed, 'Copy result link');

        // The chart panel opened from the hover's link.
        const fromLink = await panelRenderAfter(() =>
          vscode.commands.executeCommand(
            'activationLens.openChart',
            ...linkArgs(markdown, 'activationLens.openChart'),
          ),
        );
        assert.equal(fromLink.printed, printed, 'chart panel from the hover link');

        // CodeLens (calls only): the short text of the same values.
        if (!bare) {
          const lenses =
            (await vscode.commands.executeCommand<vscode.CodeLens[]>(
              'vscode.executeCodeLensProvider',
              document.uri,
              100,
            )) ?? [];
          const lens = lenses.find((l) => l.range.start.line === line && l.command?.title);
          assert.ok(lens?.command, 'a CodeLens on the line');
          assert.ok(
            lens.command.title.endsWith(`\u2192 ${fromLink.short}`),
            `CodeLens "${lens.command.title}" shows ${fromLink.short}`,
          );
        }

        // Plot Selection with the cursor in the call: the call's activation is offered first.
        await vscode.window.showTextDocument(document, {
          viewColumn: vscode.ViewColumn.One,
          preserveFocus: false,
        });
        const restore = answerPickers((items) => items[0]);
        try {
          const plotted = await panelRenderAfter(() =>
            vscode.commands.executeCommand('activationLens.plotSelection'),
          );
          assert.equal(plotted.printed, printed, 'chart panel from Plot Selection');
        } finally {
          restore();
        }
      });
    }
  }
});
