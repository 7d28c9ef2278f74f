// Value resolution cost (issue 14): hovering `torch.relu(x)` whose `x` is bound 5,000 lines above in a
// 10,000-line file, and a 160-element generator (`torch.arange(-8.0, 8.0, 0.1)`), each the pure path the hover
// runs: detect the call, resolve its argument, evaluate the activation, print like PyTorch. Goal: p99 < 2 ms.
import * as os from 'node:os';
import { detectAt, evaluate, layerCalleeFor, type EvaluationSettings } from '../src/core';
import { buildHoverMarkdown, type HoverEnv } from '../src/hover/hoverContent';
import { printResolved, resolveValue, type ResolveDoc } from '../src/core/resolve';
import { RESOLVER } from '../src/core/resolve/resolver';

const ROUNDS = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Wall-clock p50/p99 (and the p99 of the quietest round), plus the p99 of this process's own CPU time per call
 * (process.cpuUsage, microseconds): on a loaded shared machine the wall p99 measures other processes' time
 * slices, the CPU p99 what the code costs.
 */
function measure(runs: number, fn: () => unknown): { p50: number; p99: number; best: number; cpu99: number } {
  for (let i = 0; i < 200; i++) fn();
  const all: number[] = [];
  const cpu: number[] = [];
  let best = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const s: number[] = [];
    for (let i = 0; i < Math.ceil(runs / ROUNDS); i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fn();
      s.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    s.sort((a, b) => a - b);
    best = Math.min(best, percentile(s, 99));
    all.push(...s);
  }
  all.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: percentile(all, 50), p99: percentile(all, 99), best, cpu99: percentile(cpu, 99) };
}

/** The hover's pure path on `torch.relu(x)` at `callAt`. */
function hover(doc: ResolveDoc, callAt: number): () => string {
  return () => {
    const d = detectAt((s, e) => doc.text.slice(s, e), doc.text.length, callAt, doc.languageId);
    if (!d || d.kind !== 'call' || !d.argText || !d.inputRange) throw new Error('no call detected');
    const v = resolveValue(doc, d.inputRange.start, d.argText);
    if (v.kind !== 'value') throw new Error(`not resolved: ${JSON.stringify(v)}`);
    const y = evaluate(d.activation!, v.values, v.shape, { dialect: d.dialect });
    return printResolved({ ...v, values: Float64Array.from(y.values) }) ?? '';
  };
}

const SETTINGS: EvaluationSettings = {
  defaultActivation: 'sigmoid',
  defaultDialect: 'tensorflow',
  epsilon: 0.01,
  maxElements: 100_000,
};

/**
 * The full hover the extension builds on `torch.relu(x)` at `callAt` (src/hover/hoverProvider.ts without vscode):
 * detect with layer objects, resolve through the pipeline, evaluate, print, links and the SVG chart.
 */
function fullHover(doc: ResolveDoc, callAt: number): () => string {
  const env: HoverEnv = {
    l10n: { t: (m, ...args) => m.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) },
    theme: 'dark',
    sourceFor: (r) => ({ uri: 'file:///bench.py', range: [0, r.start, 0, r.end] }),
    resolution: { doc, resolver: RESOLVER },
  };
  return () => {
    const d = detectAt((s, e) => doc.text.slice(s, e), doc.text.length, callAt, doc.languageId, {
      layerCallee: layerCalleeFor({ doc, resolver: RESOLVER }),
    });
    if (!d || d.kind !== 'call') throw new Error('no call detected');
    const built = buildHoverMarkdown(d, SETTINGS, env);
    if (built.result.kind !== 'ok') throw new Error(`not evaluated: ${built.result.kind}`);
    return built.markdown;
  };
}

export function runResolveBench(): void {
  const filler = [
    'total = compute(a, b)  # a comment with torch.relu(y) in it\n',
    "s = 'a string with (brackets] and [1, 2, 3]'\n",
    'for i in range(10):\n',
    '    total += values[i] * weights[i]\n',
    'z = torch.tanh(w) + 1\n',
  ];
  const lines = (n: number): string =>
    Array.from({ length: n }, (_, i) => filler[i % filler.length]).join('');
  const far =
    'import torch\n' +
    lines(4) +
    'x = torch.tensor([-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0])\n' +
    lines(5000) +
    'y = torch.relu(x)\n' +
    lines(4990);
  const farDoc: ResolveDoc = { text: far, languageId: 'python' };
  const gen = 'import torch\nx = torch.arange(-8.0, 8.0, 0.1)\ny = torch.relu(x)\n';
  const genDoc: ResolveDoc = { text: gen, languageId: 'python' };
  const cachedDoc: ResolveDoc = { ...farDoc, cacheKey: 'file:///bench.py@1' };
  const cases: [string, () => unknown][] = [
    ['10,000-line file, binding 5,000 lines above', hover(farDoc, far.indexOf('relu(x)') + 1)],
    ['  the same, repeated hover (cacheKey: same version)', hover(cachedDoc, far.indexOf('relu(x)') + 1)],
    ['160-element generator (torch.arange(-8.0, 8.0, 0.1))', hover(genDoc, gen.indexOf('relu(x)') + 1)],
    ['full hover (chart, links), 10,000 lines, cacheKey', fullHover(cachedDoc, far.indexOf('relu(x)') + 1)],
    [
      'full hover (chart, links), 160-element generator',
      fullHover({ ...genDoc, cacheKey: 'file:///gen.py@1' }, gen.indexOf('relu(x)') + 1),
    ],
  ];
  const load = os.loadavg()[0];
  console.log(
    `\nResolution benchmark (detect + resolve + evaluate + print), milliseconds; load average ${load.toFixed(1)}`,
  );
  console.log(
    'case'.padEnd(54) +
      'p50'.padStart(8) +
      'p99'.padStart(8) +
      `p99 best of ${ROUNDS}`.padStart(16) +
      'cpu p99'.padStart(9) +
      '  goal p99',
  );
  for (const [name, fn] of cases) {
    const r = measure(1000, fn);
    const ok =
      r.p99 < 2 ? 'yes' : r.best < 2 ? 'yes (best round)' : r.cpu99 < 2 ? 'cpu yes, wall NO (load)' : 'NO';
    console.log(
      name.padEnd(54) +
        r.p50.toFixed(3).padStart(8) +
        r.p99.toFixed(3).padStart(8) +
        r.best.toFixed(3).padStart(16) +
        r.cpu99.toFixed(3).padStart(9) +
        `  < 2  ${ok}`,
    );
  }
}
