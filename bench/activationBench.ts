// Activation kernels: nanoseconds per element for value + derivative on 1,000,000 inputs, exact and
// tensorflow dialects (softmax / log_softmax in rows of 1000). Inputs are a fixed pseudo-random spread
// over [−12, 12]; each case is warmed up, then the best of 5 runs is reported.
import { ACTIVATION_IDS, evaluate, type ActivationEvaluateOptions } from '../src/core/activations';
import type { Dialect } from '../src/core/types';

const N = 1_000_000;
const ROW = 1000;
const RUNS = 5;

function inputs(): Float64Array {
  const x = new Float64Array(N);
  let s = 0x9e3779b9;
  for (let i = 0; i < N; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    x[i] = -12 + (24 * s) / 4294967296;
  }
  return x;
}

function nsPerElement(id: string, x: Float64Array, dialect: Dialect): number {
  const vector = id === 'softmax' || id === 'log_softmax';
  const shape = vector ? [N / ROW, ROW] : [N];
  const options: ActivationEvaluateOptions = { dialect };
  let sink = 0;
  evaluate(id, x.subarray(0, 10_000), vector ? [10, ROW] : [10_000], options); // warm-up (JIT)
  let best = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const out = evaluate(id, x, shape, options);
    const t1 = performance.now();
    sink += out.values[r] + out.derivative[r];
    best = Math.min(best, t1 - t0);
  }
  if (sink === 42.4242) console.log('');
  return (best * 1e6) / N;
}

/** Prints a table of ns/element for every activation in the exact and tensorflow dialects. */
export async function runActivationBench(): Promise<void> {
  const x = inputs();
  const dialects: Dialect[] = ['exact', 'tensorflow'];
  console.log(
    `activation kernels: value + derivative, ${N.toLocaleString('en-US')} float inputs (ns/element, best of ${RUNS})`,
  );
  console.log(`${'activation'.padEnd(14)}${dialects.map((d) => d.padStart(12)).join('')}`);
  for (const id of ACTIVATION_IDS) {
    const cells = dialects.map((d) => nsPerElement(id, x, d).toFixed(1).padStart(12));
    console.log(`${id.padEnd(14)}${cells.join('')}`);
    await Promise.resolve();
  }
}
