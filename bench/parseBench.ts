// parseArray against JSON.parse on the same JSON text (the goal: parseArray ≤ 1.5 × JSON.parse).
// Texts: 1,000,000 and 10,000 elements of four kinds — JSON.stringify of random float64 (16–17 digit
// mantissas), JSON of float32 activation outputs in their shortest float32 form (≤ 9 digits), 8-decimal
// NumPy-like numbers, and small integers. Each case is warmed up, then parseArray and JSON.parse run
// alternately 7 times; the medians are reported. Also a NumPy-style printout (no commas, wrapped lines),
// which JSON.parse cannot read, for its absolute time.
import { formatArray, formatArrayWith } from '../src/core/format';
import { parseArray } from '../src/core/parse';

const RUNS = 7;
const WARMUP = 3;

/** Deterministic xorshift32 values in [0, 1). */
function uniform(n: number, seed: number): Float64Array {
  const x = new Float64Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    x[i] = s / 4294967296;
  }
  return x;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

interface Row {
  label: string;
  elements: number;
  chars: number;
  parseMs: number;
  jsonMs: number | undefined;
}

function measure(label: string, text: string, elements: number, withJson: boolean): Row {
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) {
    sink += parseArray(text).values.length;
    if (withJson) sink += (JSON.parse(text) as number[]).length;
  }
  const p: number[] = [];
  const j: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let t0 = performance.now();
    const got = parseArray(text);
    p.push(performance.now() - t0);
    sink += got.values.length;
    if (withJson) {
      t0 = performance.now();
      const ref = JSON.parse(text) as number[];
      j.push(performance.now() - t0);
      sink += ref.length;
    }
  }
  if (sink === -1) console.log('');
  return {
    label,
    elements,
    chars: text.length,
    parseMs: median(p),
    jsonMs: withJson ? median(j) : undefined,
  };
}

function texts(n: number): { label: string; text: string; json: boolean }[] {
  const u = uniform(n, 0x9e3779b9 ^ n);
  const f64 = Array.from(u, (v) => v * 2 - 1);
  const f32 = Array.from(u, (v) => Math.fround(1 / (1 + Math.exp(-(v * 24 - 12))))); // sigmoid outputs
  return [
    { label: 'float64, 16–17 digits', text: JSON.stringify(f64), json: true },
    { label: 'float32 shortest', text: formatArray(f32, [n], 'json', 'float32'), json: true },
    { label: 'NumPy-like 8 decimals', text: '[' + f64.map((v) => v.toFixed(8)).join(', ') + ']', json: true },
    { label: 'small integers', text: JSON.stringify(Array.from(u, (v) => Math.floor(v * 1000))), json: true },
    // a full NumPy str (threshold lifted, as np.set_printoptions(threshold=sys.maxsize) prints it)
    {
      label: 'NumPy str printout',
      text: formatArrayWith(f32, [n / 100, 100], 'numpy', 'float32', { threshold: Infinity }),
      json: false,
    },
  ];
}

/** Prints the parse benchmark table (sizes, medians, ratio to JSON.parse). */
export async function runParseBench(): Promise<void> {
  console.log(
    `parseArray vs JSON.parse (median of ${RUNS} alternating runs after ${WARMUP} warm-ups; goal ratio ≤ 1.5)`,
  );
  console.log(
    `${'text'.padEnd(24)}${'elements'.padStart(11)}${'MB'.padStart(7)}${'parseArray ms'.padStart(15)}${'JSON.parse ms'.padStart(15)}${'ratio'.padStart(8)}`,
  );
  for (const n of [1_000_000, 10_000]) {
    for (const { label, text, json } of texts(n)) {
      const row = measure(label, text, n, json);
      const ratio = row.jsonMs === undefined ? '—' : (row.parseMs / row.jsonMs).toFixed(2);
      console.log(
        `${row.label.padEnd(24)}${row.elements.toLocaleString('en-US').padStart(11)}${(row.chars / 1e6).toFixed(2).padStart(7)}` +
          `${row.parseMs.toFixed(2).padStart(15)}${(row.jsonMs === undefined ? '—' : row.jsonMs.toFixed(2)).padStart(15)}${ratio.padStart(8)}`,
      );
      await Promise.resolve();
    }
  }
}
