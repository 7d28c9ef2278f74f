// Per-framework counts for the test summary: each oracle file appends one JSON line per framework to the file
// named by ACTIVATION_LENS_ORACLE_REPORT (set by scripts/test.mjs), which prints them after the layer.
import * as fs from 'node:fs';

export interface FrameworkReport {
  framework: string;
  version: string;
  /** Arrays compared (one activation, parameter set and input each), values and derivatives. */
  cases: number;
  /** Elements compared, values plus derivatives. */
  elements: number;
  /** Printed texts compared with the framework's own print. */
  prints: number;
  /** Elements that differ in any bit (all within their documented ulp bound, or the test fails). */
  inexact: number;
}

export function writeReport(r: FrameworkReport): void {
  const file = process.env.ACTIVATION_LENS_ORACLE_REPORT;
  console.log(
    `[oracle] ${r.framework} ${r.version}: ${r.cases} cases, ${r.elements} elements, ${r.prints} prints, ${r.inexact} inexact`,
  );
  if (file) fs.appendFileSync(file, JSON.stringify(r) + '\n');
}
