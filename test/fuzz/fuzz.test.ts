// The fuzz layer of `npm test`: every target with a fixed seed and a budget that fits CI (FUZZ_CASES cases per
// target, default below). `npm run fuzz` runs the same targets with at least 1,000,000 cases each.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { formatReport, runTarget } from './runner';
import { TARGETS } from './targets';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
/** Cases per target in `npm test` (the hover, the slowest target, sets the budget). */
const CASES: Record<string, number> = {
  parser: 100_000,
  detector: 100_000,
  evaluation: 100_000,
  hover: 100_000,
  printers: 50_000,
  validators: 100_000,
};

void describe('fuzz (seeded; only ParseError, offsets inside the text, no foreign link, linear time)', () => {
  for (const target of TARGETS) {
    const cases = Number(process.env.FUZZ_CASES ?? CASES[target.name] ?? 10_000);
    void it(`${target.name}: ${cases} cases`, () => {
      const report = runTarget(target, cases, SEED);
      for (const line of formatReport(report)) console.log(line);
      assert.equal(report.failed, false, report.failure);
      assert.equal(report.cases, cases);
    });
  }
});
