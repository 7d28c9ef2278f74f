// Runs last (files run in name order): it leaves the side panel resolved and a debug view state behind.
// Live values with real debuggers in a real VS Code: debugpy (Debian's python3-debugpy, through the test-only
// adapter extension in test/fixtures/debugpy-adapter) on a paused PyTorch/NumPy program, and VS Code's built-in
// js-debug on a paused Node program with a TF.js tensor. Hovers, the Variables-view command, and that an argument
// that is a call is never evaluated.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { answerPickers, fixtureUri, lensApi, recordMessages, waitFor } from './helpers';

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The fixture's side_effect() appends to `calls`: still empty means no argument text was run in the debuggee. */
async function assertNoCallsRan(frame: vscode.DebugStackFrame): Promise<void> {
  const calls = (await frame.session.customRequest('evaluate', {
    expression: 'len(calls)',
    frameId: frame.frameId,
    context: 'repl',
  })) as { result: string };
  assert.equal(calls.result, '0');
}

/** The live-value parts of the hover `into` characters into the first `needle`. */
async function hoverAt(doc: vscode.TextDocument, needle: string, into = 2): Promise<string> {
  const text = doc.getText();
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      doc.positionAt(at + into),
    )) ?? [];
  return (
    hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .filter(
        (v) => v.includes('live value') || v.includes('not read from the debugger') || v.includes('debugger'),
      )
      .join('\n')
      // As displayed: Markdown escapes undone, the printed blocks' no-break spaces as spaces.
      .replace(/\\(.)/g, '$1')
      .replace(/\u00a0/g, ' ')
  );
}

function lineOf(uri: vscode.Uri, marker: string): number {
  const lines = execFileSync('cat', [uri.fsPath]).toString().split('\n');
  return lines.findIndex((l) => l.includes(marker));
}

async function startPaused(config: vscode.DebugConfiguration, file: string): Promise<vscode.DebugStackFrame> {
  const uri = fixtureUri(file);
  const line = lineOf(uri, '// BREAK HERE') >= 0 ? lineOf(uri, '// BREAK HERE') : lineOf(uri, '# BREAK HERE');
  vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
  vscode.debug.addBreakpoints([
    new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(line, 0))),
  ]);
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(
    await vscode.debug.startDebugging(folder, { ...config, program: uri.fsPath, cwd: folder?.uri.fsPath }),
  );
  return waitFor(
    () => {
      const item = vscode.debug.activeStackItem;
      return item instanceof vscode.DebugStackFrame ? item : undefined;
    },
    `a stop at line ${line + 1} of ${file}`,
    60_000,
  );
}

/** Every session started (js-debug runs a child session under its launcher). */
const sessions = new Set<vscode.DebugSession>();
vscode.debug.onDidStartDebugSession((s) => sessions.add(s));
vscode.debug.onDidTerminateDebugSession((s) => sessions.delete(s));

/** Every session started has reported its end. (`activeDebugSession` can keep pointing at a js-debug launcher
 * that has ended: it is not the condition.) */
const allEnded = (): boolean => sessions.size === 0;

/**
 * Stops every session and waits until all have ended. js-debug's launcher and its child session can outlive one
 * stop request (the child reattaches while the parent terminates), so the stop is asked again, every session at once,
 * until none is left.
 */
async function stopAll(): Promise<void> {
  for (const s of [...sessions].reverse()) await vscode.debug.stopDebugging(s);
  for (let attempt = 1; !allEnded(); attempt++) {
    try {
      await waitFor(() => allEnded() || undefined, 'the sessions to end', 10_000);
    } catch (err) {
      if (attempt >= 6) {
        const left = [...sessions].map((x) => `${x.type}:${x.name}`).join(', ');
        const active = vscode.debug.activeDebugSession;
        throw new Error(
          `${String(err)}; active: ${active ? `${active.type}:${active.name}` : 'none'}; started: ${left}`,
        );
      }
      await vscode.debug.stopDebugging();
    }
  }
}

/** The Run and Debug view would take the sidebar at each stop (hiding the side panel): not in these tests. */
async function keepSidebar(): Promise<void> {
  await vscode.workspace
    .getConfiguration('debug')
    .update('openDebug', 'neverOpen', vscode.ConfigurationTarget.Global);
}

describe('live values: debugpy (Python)', function () {
  this.timeout(120_000);
  let frame: vscode.DebugStackFrame;
  const line = (): number => lineOf(fixtureUri('live_values.py'), '# BREAK HERE') + 1;

  before(async () => {
    await lensApi();
    await keepSidebar();
    frame = await startPaused(
      {
        type: 'debugpy',
        request: 'launch',
        name: 'live values',
        console: 'internalConsole',
        justMyCode: true,
      },
      'live_values.py',
    );
  });
  after(stopAll);

  it('hovers F.gelu(x) with the live tensor, as PyTorch prints it', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('live_values.py'));
    await vscode.window.showTextDocument(doc);
    const md = await hoverAt(doc, 'F.gelu(x)');
    assert.match(md, new RegExp(`live value of x at frame main, line ${line()}`));
    const torch = execFileSync('/usr/bin/python3', [
      '-c',
      'import torch, torch.nn.functional as F; print(F.gelu(torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0])))',
    ]).toString();
    assert.ok(collapse(md).includes(collapse(torch)), `${torch}\nnot in\n${md}`);
    // The static resolution of x ("Input x from …, line 21: torch.tensor([-2.0, …])") is not about these values.
    assert.ok(!md.includes('torch.tensor([-2.0'), md);
    // The hover's Open chart link carries where the values came from: the chart panel shows it.
    const raw = (
      (await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        doc.positionAt(doc.getText().indexOf('F.gelu(x)') + 2),
      )) ?? []
    )
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    const link = /command:activationLens\.openChart\?([^)\s]+)/.exec(raw);
    assert.ok(link, raw);
    const [request] = JSON.parse(decodeURIComponent(link[1]!)) as [{ caption?: string }];
    assert.equal(request.caption, `live value of x at frame main, line ${line()}`);
  });

  it('hovers the bare name x where it is bound: its live value as the call that takes it (F.gelu) sees it', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('live_values.py'));
    await vscode.window.showTextDocument(doc);
    const md = await hoverAt(doc, 'x = torch.tensor([-2.0', 0);
    const call = lineOf(fixtureUri('live_values.py'), 'y = F.gelu(x)') + 1;
    assert.match(md, new RegExp(`live value of x at frame main, line ${line()}`));
    assert.ok(md.includes(`the input of \`F.gelu(x)\` on line ${call}`), md);
    const torch = execFileSync('/usr/bin/python3', [
      '-c',
      'import torch, torch.nn.functional as F; print(F.gelu(torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0])))',
    ]).toString();
    assert.ok(collapse(md).includes(collapse(torch)), `${torch}\nnot in\n${md}`);
    // A name no activation call takes (lst, name) sends nothing to the debugger: no live hover.
    assert.equal(await hoverAt(doc, 'lst = [', 0), '');
    assert.equal(await hoverAt(doc, 'name = "not', 0), '');
    // An attribute path, used before the call that takes it.
    const other = await vscode.workspace.openTextDocument({
      language: 'python',
      content: 'import torch.nn.functional as F\nprint(block.act_in)\ny = F.gelu(block.act_in)\n',
    });
    const attr = await hoverAt(other, 'block.act_in', 7);
    assert.match(attr, new RegExp(`live value of block\\.act_in at frame main, line ${line()}`));
    assert.ok(attr.includes('the input of `F.gelu(block.act_in)` on line 3'), attr);
    assert.match(attr, /7 elements/);
  });

  it('an ndarray, a list, an attribute, a non-numeric value and a 10M-element tensor', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'python',
      content: [
        'import torch',
        'import torch.nn.functional as F',
        'F.relu(arr)',
        'torch.sigmoid(lst)',
        'F.gelu(block.act_in)',
        'F.relu(name)',
        'F.gelu(big)',
        "torch.softmax(d['logits'], dim=0)",
      ].join('\n'),
    });
    const arr = await hoverAt(doc, 'F.relu(arr)');
    assert.match(arr, /\[\[0\., 0\.\],\s*\[1\., 2\.\]\]/);
    const lst = await hoverAt(doc, 'torch.sigmoid(lst)');
    assert.match(lst, /tensor\(\[0\.0474, 0\.5000, 0\.9526\]\)/);
    const act = await hoverAt(doc, 'F.gelu(block.act_in)');
    assert.match(act, /7 elements/);
    const name = await hoverAt(doc, 'F.relu(name)');
    assert.match(name, /The live value of name is not numeric \(builtins\.str\)/);
    const t0 = Date.now();
    const big = await hoverAt(doc, 'F.gelu(big)');
    const ms = Date.now() - t0;
    assert.match(big, /An even sample of 100000 of its 10000000 elements/);
    assert.ok(ms < 5000, `10M-element hover took ${ms} ms`);
    console.log(`    10M-element tensor hover: ${ms} ms`);
    const soft = await hoverAt(doc, 'torch.softmax');
    assert.match(soft, /tensor\(\[0\.0900, 0\.2447, 0\.6652\], dtype=torch\.float64\)/);
  });

  it('an argument that calls a function is not evaluated: the program state is unchanged', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'python',
      content: "import torch.nn.functional as F\nF.gelu(side_effect(x))\nF.relu(__import__('os').getcwd())\n",
    });
    const md = await hoverAt(doc, 'F.gelu(side_effect(x))');
    assert.match(md, /side_effect\(x\) is not read from the debugger: it calls a function/);
    const dunder = await hoverAt(doc, 'F.relu(__import__');
    assert.match(dunder, /not read from the debugger/);
    await assertNoCallsRan(frame);
  });

  it('the Variables view command opens the chart panel with the live value', async () => {
    const api = await lensApi();
    await vscode.commands.executeCommand('activationLens.plotVariable', {
      variable: { name: 'arr', evaluateName: 'arr', value: 'array(...)' },
    });
    const panel = await waitFor(
      () => api.chartPanels().find((p) => p.panel.visible),
      'a visible chart panel',
    );
    assert.deepEqual(panel.currentRequest.input?.values, [-1, 0, 1, 2]);
    assert.deepEqual(panel.currentRequest.input?.shape, [2, 2]);
    assert.equal(panel.currentRequest.framework, 'numpy');
    // The panel shows where the values came from (the webview reports the note it rendered).
    await waitFor(
      () => panel.lastRendered?.note === `live value of arr at frame main, line ${line()}`,
      `the chart panel's note for arr (it shows "${panel.lastRendered?.note ?? ''}")`,
    );
    const messages = recordMessages();
    try {
      await vscode.commands.executeCommand('activationLens.plotVariable', {
        variable: { name: 'x.pop()', evaluateName: 'x.pop()' },
      });
    } finally {
      messages.restore();
    }
    assert.match(
      messages.shown[0]?.message ?? '',
      /x\.pop\(\) is not read from the debugger: it calls a function/,
    );
  });
  it('the palette asks for an expression (as a watch expression holds) and plots its live value', async () => {
    const api = await lensApi();
    const win = vscode.window as unknown as { showInputBox: unknown };
    const saved = win.showInputBox;
    const asked: Array<vscode.InputBoxOptions | undefined> = [];
    const answers = ['lst', 'side_effect(x)'];
    win.showInputBox = (options?: vscode.InputBoxOptions) => {
      asked.push(options);
      return Promise.resolve(answers.shift());
    };
    const messages = recordMessages();
    try {
      await vscode.commands.executeCommand('activationLens.plotExpression');
      const header = `live value of lst at frame main, line ${line()}`;
      const panel = await waitFor(
        () => api.chartPanels().find((p) => p.panel.visible && p.lastRendered?.note === header),
        `a chart panel whose note is "${header}"`,
        20_000,
      );
      assert.deepEqual(panel.currentRequest.input?.values, [-3, 0, 3]);
      assert.equal(asked.length, 1);
      assert.match(asked[0]?.prompt ?? '', /name, attribute or subscript/);
      // A call is refused with its reason, and nothing runs in the debuggee.
      await vscode.commands.executeCommand('activationLens.plotExpression');
    } finally {
      win.showInputBox = saved;
      messages.restore();
    }
    assert.match(
      messages.shown.map((m) => m.message).join('\n'),
      /side_effect\(x\) is not read from the debugger: it calls a function/,
    );
    await assertNoCallsRan(frame);
  });

  it('Plot Selection while paused: the chart panel shows the live value and says where it came from', async () => {
    const api = await lensApi();
    const doc = await vscode.workspace.openTextDocument(fixtureUri('live_values.py'));
    const editor = await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf('F.gelu(x)') + 2);
    editor.selection = new vscode.Selection(at, at);
    // The call's own activation (offered first) with its parameters as written.
    const restore = answerPickers((items) => items[0]);
    try {
      await vscode.commands.executeCommand('activationLens.plotSelection');
    } finally {
      restore();
    }
    const header = `live value of x at frame main, line ${line()}`;
    const panel = await waitFor(
      () => api.chartPanels().find((p) => p.panel.visible && p.lastRendered?.note === header),
      `a chart panel whose note is "${header}" (notes: ${api
        .chartPanels()
        .map((p) => p.lastRendered?.note)
        .join(' | ')})`,
      20_000,
    );
    assert.deepEqual(panel.currentRequest.input?.values, [-2, -0.5, 0, 0.5, 2]);
    const torch = execFileSync('/usr/bin/python3', [
      '-c',
      'import torch, torch.nn.functional as F; print(F.gelu(torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0])))',
    ]).toString();
    assert.ok(
      collapse(panel.lastRendered?.printed ?? '').includes(collapse(torch)),
      panel.lastRendered?.printed,
    );
  });

  it('the side panel shows the live value and keeps it, saying so, when the session ends', async () => {
    const api = await lensApi();
    const doc = await vscode.workspace.openTextDocument(fixtureUri('live_values.py'));
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('activationLens.showInSidePanel');
    const at = doc.positionAt(doc.getText().indexOf('F.gelu(x)') + 2);
    editor.selection = new vscode.Selection(at, at);
    await waitFor(
      () => api.sidePanel.description?.includes(`live value of x at frame main, line ${line()}`),
      'the side panel to show the live value of x',
      20_000,
    );
    assert.deepEqual(api.sidePanel.currentRequest?.input?.values, [-2, -0.5, 0, 0.5, 2]);
    await stopAll();
    await waitFor(
      () => api.sidePanel.description?.includes('The debug session ended'),
      'the side panel to say the session ended',
      20_000,
    );
    assert.deepEqual(api.sidePanel.currentRequest?.input?.values, [-2, -0.5, 0, 0.5, 2]);
  });
});

describe('live values: js-debug (JavaScript, TF.js)', function () {
  this.timeout(120_000);
  before(async () => {
    await lensApi();
    await startPaused(
      {
        type: 'pwa-node',
        request: 'launch',
        name: 'live values js',
        console: 'internalConsole',
        internalConsoleOptions: 'neverOpen',
      },
      'live_values.js',
    );
  });
  after(stopAll);

  it('hovers TF.js calls on a Float32Array, a plain array and a TF.js tensor', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('live_values.js'));
    await vscode.window.showTextDocument(doc);
    const f32 = await hoverAt(doc, 'tf.sigmoid(f32)');
    // js-debug names the frame `global.main`.
    const line = lineOf(fixtureUri('live_values.js'), '// BREAK HERE') + 1;
    assert.match(f32, new RegExp(`live value of f32 at frame global\\.main, line ${line}\\*`));
    assert.match(f32, /0\.1192029/);
    const other = await vscode.workspace.openTextDocument({
      language: 'javascript',
      content: 'tf.relu(plain)\ntf.sigmoid(t)\ntf.relu(tf)\n',
    });
    assert.match(await hoverAt(other, 'tf.relu(plain)'), /\[0, 0, 3\]/);
    const t = await hoverAt(other, 'tf.sigmoid(t)');
    assert.match(t, /4 elements, shape \(2, 2\)/);
    assert.match(t, /0\.2689414/);
    assert.match(await hoverAt(other, 'tf.relu(tf)'), /The live value of tf is not numeric/);
  });
});

describe('live values: the side panel follows each stop (debugpy)', function () {
  this.timeout(120_000);
  const file = 'live_steps.py';
  /** What PyTorch prints for F.gelu of each value x takes at the three stops. */
  let prints: string[];
  const lineOfMarker = (): number => lineOf(fixtureUri(file), '# BREAK HERE') + 1;

  before(async () => {
    await lensApi();
    await keepSidebar();
    const script = [
      'import torch, torch.nn.functional as F',
      'for v in ([-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 1.0, 3.0]):',
      '    print(F.gelu(torch.tensor(v)))',
      "    print('@@')",
    ].join('\n');
    prints = execFileSync('/usr/bin/python3', ['-c', script])
      .toString()
      .split('@@')
      .map((s) => s.trim())
      .filter(Boolean);
    assert.equal(prints.length, 3);
    await startPaused(
      {
        type: 'debugpy',
        request: 'launch',
        name: 'live steps',
        console: 'internalConsole',
        justMyCode: true,
      },
      file,
    );
  });
  after(stopAll);

  it('a step over and a continue each re-read x; the values stay when the session ends', async () => {
    const api = await lensApi();
    const doc = await vscode.workspace.openTextDocument(fixtureUri(file));
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('activationLens.showInSidePanel');
    const at = doc.positionAt(doc.getText().indexOf('F.gelu(x)') + 2);
    editor.selection = new vscode.Selection(at, at);
    const shows = async (step: number): Promise<void> => {
      const header = `live value of x at frame main, line ${lineOfMarker() + step}`;
      await waitFor(
        () =>
          api.sidePanel.description?.includes(header) &&
          api.sidePanel.lastRendered?.note === header &&
          collapse(api.sidePanel.lastRendered?.printed ?? '').includes(collapse(prints[step])),
        `the side panel to show ${header}: ${prints[step]} (it shows ${api.sidePanel.description ?? 'nothing'}: ${api.sidePanel.lastRendered?.printed ?? ''})`,
        20_000,
      );
    };
    await shows(0);
    // A step over (line +1), then a continue to the next breakpoint (line +2).
    const next = lineOf(fixtureUri(file), '# NEXT BREAK');
    vscode.debug.addBreakpoints([
      new vscode.SourceBreakpoint(new vscode.Location(fixtureUri(file), new vscode.Position(next, 0))),
    ]);
    for (const [step, command] of [
      [1, 'workbench.action.debug.stepOver'],
      [2, 'workbench.action.debug.continue'],
    ] as const) {
      const before = vscode.debug.activeStackItem;
      await vscode.commands.executeCommand(command);
      await waitFor(
        () =>
          vscode.debug.activeStackItem instanceof vscode.DebugStackFrame &&
          vscode.debug.activeStackItem !== before,
        `the stop after ${command}`,
        20_000,
      );
      await shows(step);
    }
    await stopAll();
    await waitFor(
      () => api.sidePanel.description?.includes('The debug session ended'),
      'the side panel to say the session ended',
      20_000,
    );
    assert.ok(collapse(api.sidePanel.lastRendered?.printed ?? '').includes(collapse(prints[2])));
    // With no session, the cursor on the call gives the value resolved from the code, and the note says from where.
    // (The cursor leaves the call first: the view skips a selection it has already read.)
    let posted = '';
    const listening = api.sidePanel.onDidPost((m) => (posted = m.type));
    const top = new vscode.Position(0, 0);
    editor.selection = new vscode.Selection(top, top);
    await waitFor(() => posted === 'empty', 'the side panel to follow the cursor off the call');
    listening.dispose();
    editor.selection = new vscode.Selection(at, at);
    const note = await waitFor(
      () =>
        api.sidePanel.lastRendered?.note.startsWith('resolved from the code') &&
        api.sidePanel.lastRendered.note,
      "the side panel's note to say where x was resolved from",
      20_000,
    );
    const plusOne = lineOf(fixtureUri(file), 'x = x + 1') + 1;
    assert.equal(note, `resolved from the code: x (line ${plusOne}: x + 1)`);
    assert.ok(collapse(api.sidePanel.lastRendered?.printed ?? '').includes(collapse(prints[2])));
  });
});
