// Runs one fuzz target with fast-check (seeded, so a failure replays): the target's properties, plus a time bound
// that grows linearly with the input's size, checked on every case (a slow case is timed twice more, and fails only
// if the fastest of the three is still over: a GC pause or a busy core is not a finding). Records the slowest case
// per size class.
import * as fc from 'fast-check';
import type { Target } from './targets';

/** The time bound of one call: 100 ms plus 10 µs per character (an ordinary hover takes well under 1 ms). */
export function timeBoundMs(size: number): number {
  return 100 + size * 0.01;
}

export const SIZE_CLASSES = [
  { label: '< 100', max: 100 },
  { label: '100 – 1k', max: 1_000 },
  { label: '1k – 10k', max: 10_000 },
  { label: '≥ 10k', max: Infinity },
] as const;

export interface Slowest {
  ms: number;
  size: number;
  input: string;
}

export interface TargetReport {
  name: string;
  cases: number;
  failed: boolean;
  /** fast-check's report of the (shrunk) counterexample, when failed. */
  failure?: string;
  seconds: number;
  /** Per size class: how many cases, and the slowest. */
  classes: { label: string; count: number; slowest: Slowest | null }[];
}

function timed(check: () => void): number {
  const t0 = performance.now();
  check();
  return performance.now() - t0;
}

export function runTarget<T>(target: Target<T>, numRuns: number, seed: number): TargetReport {
  const classes = SIZE_CLASSES.map((c) => ({ label: c.label, count: 0, slowest: null as Slowest | null }));
  let shrinking = false;
  const t0 = performance.now();
  const details = fc.check(
    fc.property(target.arbitrary, (input) => {
      let ms = timed(() => target.check(input));
      const size = target.size(input);
      if (ms > timeBoundMs(size)) {
        ms = Math.min(
          ms,
          timed(() => target.check(input)),
          timed(() => target.check(input)),
        );
        if (ms > timeBoundMs(size))
          throw new Error(
            `took ${ms.toFixed(1)} ms, over the bound ${timeBoundMs(size).toFixed(1)} ms for size ${size}`,
          );
      }
      if (shrinking) return;
      const k = SIZE_CLASSES.findIndex((c) => size < c.max);
      const cls = classes[k];
      cls.count++;
      if (!cls.slowest || ms > cls.slowest.ms) cls.slowest = { ms, size, input: target.describe(input) };
    }),
    {
      numRuns,
      seed,
      // No shrinking: the first failing input is reported as generated (shrinking re-times every candidate three
      // times, which took minutes on long inputs).
      endOnFailure: true,
      markInterruptAsFailure: true,
    },
  );
  shrinking = true;
  const seconds = (performance.now() - t0) / 1000;
  return {
    name: target.name,
    cases: details.numRuns,
    failed: details.failed,
    failure: details.failed
      ? `seed ${details.seed}, path ${details.counterexamplePath}: ${String(details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance)}\n  input: ${details.counterexample ? target.describe(details.counterexample[0]) : '?'}`
      : undefined,
    seconds,
    classes,
  };
}

/** A report as printed lines: the figures, then the slowest case of each size class. */
export function formatReport(r: TargetReport): string[] {
  const lines = [
    `${r.name.padEnd(11)} ${String(r.cases).padStart(9)} cases  ${r.failed ? 'FAILED' : '0 failures'}  ${r.seconds.toFixed(1)} s  ${Math.round(r.cases / r.seconds)} cases/s`,
  ];
  for (const c of r.classes) {
    if (!c.slowest) continue;
    lines.push(
      `    size ${c.label.padEnd(9)} ${String(c.count).padStart(8)} cases, slowest ${c.slowest.ms.toFixed(2)} ms (bound ${timeBoundMs(c.slowest.size).toFixed(0)} ms): ${c.slowest.input.slice(0, 110)}`,
    );
  }
  if (r.failure) lines.push(`    failure: ${r.failure}`);
  return lines;
}
