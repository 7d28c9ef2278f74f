// Live values through real debuggers: the conversion expression evaluated by debugpy (Debian's python3-debugpy, on a
// paused PyTorch / NumPy program) over DAP, and by V8 on JS values. Asserts the numbers, the caps, the errors, and
// that a call written as the argument is never evaluated.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { conversionExpression, parseLivePath, parseLiveReply, readLiveValue } from '../../src/core/live';
import { DapClient } from '../harness/dapClient';
import { fixtureWorkspace } from '../harness/paths';

const PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(fixtureWorkspace(), 'live_values.py');
const OPTIONS = { maxElements: 1000, timeoutMs: 20_000 };

void describe('live values: debugpy on a paused PyTorch program', () => {
  let dap: DapClient;
  let frameId = 0;
  before(async () => {
    dap = new DapClient(PYTHON, ['-m', 'debugpy.adapter']);
    await dap.request('initialize', {
      adapterID: 'debugpy',
      clientID: 'activation-lens-tests',
      linesStartAt1: true,
      columnsStartAt1: true,
      pathFormat: 'path',
    });
    const launched = dap.request('launch', {
      program: SCRIPT,
      python: [PYTHON],
      console: 'internalConsole',
      justMyCode: true,
      cwd: path.dirname(SCRIPT),
    });
    await dap.event('initialized');
    const line =
      fs
        .readFileSync(SCRIPT, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('# BREAK HERE')) + 1;
    await dap.request('setBreakpoints', { source: { path: SCRIPT }, breakpoints: [{ line }] });
    await dap.request('configurationDone');
    await launched;
    const stopped = await dap.event('stopped', 60_000);
    const threadId = (stopped.body as { threadId: number }).threadId;
    const trace = (await dap.request('stackTrace', { threadId, levels: 1 })) as {
      stackFrames: Array<{ id: number; name: string; line: number }>;
    };
    assert.equal(trace.stackFrames[0].name, 'main');
    assert.equal(trace.stackFrames[0].line, line);
    frameId = trace.stackFrames[0].id;
  });
  after(() => dap?.kill());

  const read = (arg: string, options = OPTIONS) =>
    readLiveValue((c, a) => dap.request(c, a), frameId, arg, 'python', options);

  void it('a float32 tensor, a float64 tensor, an ndarray, a list, an attribute and a dict entry', async () => {
    const x = await read('x');
    assert.ok(x.ok, JSON.stringify(x));
    assert.deepEqual(x.value.input.values, [-2, -0.5, 0, 0.5, 2]);
    assert.equal(x.value.framework, 'pytorch');
    assert.equal(x.value.dtypeName, 'float32');
    const x64 = await read('x64');
    assert.ok(x64.ok);
    assert.equal(x64.value.dtype, 'float64');
    const arr = await read('arr');
    assert.ok(arr.ok);
    assert.deepEqual(arr.value.input.shape, [2, 2]);
    assert.equal(arr.value.framework, 'numpy');
    const lst = await read('lst');
    assert.ok(lst.ok);
    assert.deepEqual(lst.value.input.values, [-3, 0, 3]);
    assert.equal(lst.value.framework, null);
    const act = await read('block.act_in'); // requires_grad: detached in the debuggee
    assert.ok(act.ok);
    assert.deepEqual(act.value.input.values, [-3, -2, -1, 0, 1, 2, 3]);
    const logits = await read("d['logits']");
    assert.ok(logits.ok);
    assert.deepEqual(logits.value.input.values, [1, 2, 3]);
  });

  void it('a 10M-element tensor is sampled in the debuggee: 1000 values, fast', async () => {
    const t0 = Date.now();
    const big = await read('big');
    const ms = Date.now() - t0;
    assert.ok(big.ok);
    assert.equal(big.value.size, 10_000_000);
    assert.equal(big.value.sampled, true);
    assert.equal(big.value.input.values.length, 1000);
    assert.equal(big.value.input.values[0], -5);
    console.log(`# 10M-element tensor read in ${ms} ms`);
  });

  void it('a string is not numeric; an unknown name is refused by the debugger; a tiny timeout times out', async () => {
    assert.deepEqual(await read('name'), { ok: false, reason: 'notNumeric', type: 'builtins.str' });
    const missing = await read('nope');
    assert.equal(missing.ok, false);
    assert.ok(
      !missing.ok && missing.reason === 'refused' && /nope/.test(missing.message),
      JSON.stringify(missing),
    );
    const slow = await read('big', { maxElements: 1000, timeoutMs: 1 });
    assert.deepEqual(slow, { ok: false, reason: 'timeout', ms: 1 });
  });

  void it('an argument that calls a function is never sent: the program state is unchanged', async () => {
    for (const arg of [
      'side_effect(x)',
      'calls.append(1)',
      "__import__('os').system('touch /tmp/pwned')",
      'x.pop()',
    ]) {
      const r = await read(arg);
      assert.equal(r.ok, false);
      assert.ok(!r.ok && r.reason === 'path', arg);
    }
    const calls = await read('calls');
    assert.ok(calls.ok, JSON.stringify(calls));
    assert.equal(calls.value.size, 0); // side_effect never ran
  });
});

void describe('live values: the JS conversion evaluated by V8', () => {
  const context = vm.createContext({
    f32: new Float32Array([-2, 0, 2.5, NaN]),
    f64: Float64Array.from({ length: 5000 }, (_, i) => i),
    nested: [
      [1, 2],
      [3, 4],
    ],
    ragged: [[1], [2, 3]],
    text: 'abc',
    state: { calls: 0 },
  });
  const evalJs = (arg: string, n = 1000): string => {
    const p = parseLivePath(arg, 'javascript');
    assert.ok(p.ok, arg);
    return String(vm.runInContext(conversionExpression(p.steps, 'javascript', n), context));
  };

  void it('typed arrays, nested arrays, caps and errors', () => {
    const f32 = parseLiveReply(evalJs('f32'), 1000);
    assert.ok(f32.ok);
    assert.deepEqual(f32.value.input.values, [-2, 0, 2.5, NaN]);
    assert.equal(f32.value.dtypeName, 'float32');
    const nested = parseLiveReply(evalJs('nested'), 1000);
    assert.ok(nested.ok);
    assert.deepEqual(nested.value.input.shape, [2, 2]);
    const f64 = parseLiveReply(evalJs('f64', 100), 100);
    assert.ok(f64.ok);
    assert.equal(f64.value.input.values.length, 100);
    assert.equal(f64.value.input.values[1], 50);
    assert.equal(f64.value.dtype, 'float64');
    assert.deepEqual(parseLiveReply(evalJs('ragged'), 1000), {
      ok: false,
      reason: 'notNumeric',
      type: 'ragged array',
    });
    assert.deepEqual(parseLiveReply(evalJs('text'), 1000), {
      ok: false,
      reason: 'notNumeric',
      type: 'string',
    });
    assert.equal(vm.runInContext('state.calls', context), 0);
  });
});
