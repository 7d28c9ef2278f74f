// Hover cost, the pure part (detect + parse + evaluate + format + SVG chart): a line with 1,000 elements, a
// position in a 10,000-line file against the same line in a 10-line file (cost must not grow with file size),
// and a 100,000-character line without brackets. Goals: p99 < 2 ms for the hovers, < 20 ms for the long line.
import { detectAt, detectCallsIn } from '../src/core';
import type { EvaluationSettings } from '../src/core';
import { buildHoverMarkdown, type HoverEnv } from '../src/hover/hoverContent';

const SETTINGS: EvaluationSettings = {
  defaultActivation: 'sigmoid',
  defaultDialect: 'tensorflow',
  epsilon: 0.01,
  maxElements: 100_000,
};
const ENV: HoverEnv = {
  l10n: { t: (m, ...args) => m.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) },
  theme: 'dark',
  sourceFor: () => null,
};

interface Row {
  name: string;
  p50: number;
  p99: number;
  /** p99 of the quietest round: on a shared machine other processes' time slices land in the overall p99. */
  bestP99: number;
  max: number;
  goal: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ROUNDS = 5;

/** Times `fn` `runs` times in each of ROUNDS rounds, after `warmup` runs; milliseconds. */
function time(name: string, goal: number, runs: number, fn: () => unknown, warmup = 300): Row {
  for (let i = 0; i < warmup; i++) fn();
  const all: number[] = [];
  let bestP99 = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const samples: number[] = [];
    for (let i = 0; i < Math.ceil(runs / ROUNDS); i++) {
      const t0 = performance.now();
      fn();
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    bestP99 = Math.min(bestP99, percentile(samples, 99));
    all.push(...samples);
  }
  all.sort((a, b) => a - b);
  return {
    name,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    bestP99,
    max: all[all.length - 1],
    goal,
  };
}

/** A document as the extension host exposes it to the detector: a text accessor by offsets. */
function hoverAt(doc: string, needle: string, languageId = 'python'): () => unknown {
  const offset = doc.indexOf(needle) + 2;
  return () => {
    const d = detectAt((s, e) => doc.slice(s, e), doc.length, offset, languageId);
    if (!d) throw new Error(`no detection at ${needle}`);
    return buildHoverMarkdown(d, SETTINGS, ENV).markdown;
  };
}

export async function runHoverBench(): Promise<void> {
  const seedLine = "sigmoid_test=tf.nn.sigmoid([-3.,-2.,-1.,0.0,1.,2.,3.],name='sigmoid_op')\n";
  const filler = [
    'import tensorflow as tf\n',
    'x = compute(a, b)  # a comment with tf.nn.relu([1.]) in it\n',
    "s = 'a string with (brackets] and [1, 2, 3]'\n",
    'for i in range(10):\n',
    '    total += values[i] * weights[i]\n',
  ];
  const lines = (n: number): string =>
    Array.from({ length: n }, (_, i) => filler[i % filler.length]).join('');
  const small = lines(5) + seedLine + lines(4);
  const big = lines(5000) + seedLine + lines(4999);
  const huge = lines(50_000) + seedLine + lines(49_999);

  const thousand = Array.from({ length: 1000 }, (_, i) => ((i - 500) / 50).toFixed(2)).join(', ');
  const bigLine = `y = tf.nn.sigmoid([${thousand}])\n`;
  const softmaxLine = `y = tf.nn.softmax([${thousand}])\n`;

  const noBrackets = 'x = ' + 'a + b * c - d / e '.repeat(100_000 / 18) + '\n';
  const noBracketsOffset = Math.floor(noBrackets.length / 2);

  const cases: Array<[name: string, goal: number, runs: number, fn: () => unknown]> = [
    ['seed sigmoid line, 10-line file', 2, 2000, hoverAt(small, 'nn.sigmoid')],
    ['seed sigmoid line, 10,000-line file', 2, 2000, hoverAt(big, 'nn.sigmoid')],
    ['seed sigmoid line, 100,000-line file', 2, 2000, hoverAt(huge, 'nn.sigmoid')],
    ['sigmoid of 1,000 elements (one line)', 2, 500, hoverAt(bigLine, 'nn.sigmoid')],
    ['softmax of 1,000 elements (one line)', 2, 500, hoverAt(softmaxLine, 'nn.softmax')],
    [
      'detect only, 10,000-line file',
      2,
      2000,
      () => detectAt((s, e) => big.slice(s, e), big.length, big.indexOf('nn.sigmoid') + 2, 'python'),
    ],
    [
      '100,000-char line without brackets',
      20,
      200,
      () => {
        const d = detectAt((s, e) => noBrackets.slice(s, e), noBrackets.length, noBracketsOffset, 'python');
        if (d !== null) throw new Error('expected no detection');
      },
    ],
    [
      'CodeLens scan: every call of a 10,000-line file',
      50,
      50,
      () => detectCallsIn((s, e) => big.slice(s, e), big.length, 0, big.length, 'python'),
    ],
  ];
  // Warm every path first (the extension host runs warm code after the first hovers), then measure.
  for (const [, , , fn] of cases) for (let i = 0; i < 200; i++) fn();
  const rows = cases.map(([name, goal, runs, fn]) => time(name, goal, runs, fn));

  const load = typeof process !== 'undefined' ? (await import('node:os')).loadavg()[0] : NaN;
  console.log(
    `\nHover benchmark (pure part: detect + parse + evaluate + format + SVG), milliseconds; load average ${load.toFixed(1)}`,
  );
  const header = ['case', 'p50', 'p99', `p99 best of ${ROUNDS}`, 'max', 'goal p99', 'ok'];
  const table = rows.map((r) => [
    r.name,
    r.p50.toFixed(3),
    r.p99.toFixed(3),
    r.bestP99.toFixed(3),
    r.max.toFixed(3),
    `< ${r.goal}`,
    r.p99 < r.goal ? 'yes' : r.bestP99 < r.goal ? 'yes (best round)' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const fmt = (row: string[]): string =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(fmt(header));
  for (const row of table) console.log(fmt(row));
  const [smallRow, bigRow, hugeRow] = rows;
  console.log(
    `file size: p50 10,000-line / 10-line ${(bigRow.p50 / smallRow.p50).toFixed(2)}, ` +
      `100,000-line / 10,000-line ${(hugeRow.p50 / bigRow.p50).toFixed(2)} ` +
      '(the detector reads at most ~8 KB around the mouse first, so cost stops growing once a file is larger)',
  );
}
