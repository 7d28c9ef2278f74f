// `npm run fuzz`: every fuzz target with at least 1,000,000 cases (--cases=N, --seed=N, --targets=a,b), printing
// the figures and the slowest case per size class. Exit code 1 when any target failed.
import { formatReport, runTarget } from './runner';
import { TARGETS } from './targets';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const cases = Number(arg('cases') ?? 1_000_000);
const seed = Number(arg('seed') ?? 20261201);
const only = arg('targets')?.split(',');

let failed = 0;
console.log(`fuzz: ${cases} cases per target, seed ${seed}`);
for (const target of TARGETS) {
  if (only && !only.includes(target.name)) continue;
  const report = runTarget(target, cases, seed);
  for (const line of formatReport(report)) console.log(line);
  if (report.failed) failed++;
}
console.log(failed ? `${failed} target(s) FAILED` : 'all targets: 0 failures');
process.exitCode = failed ? 1 : 0;
