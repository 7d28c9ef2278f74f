// Mocha's browser build, set up before any test file is evaluated (index.ts imports this module first). It defines
// the BDD globals (describe, it, before…) on the web worker's global object.
import 'mocha/mocha.js';

mocha.setup({
  ui: 'bdd',
  reporter: 'spec',
  color: false,
  timeout: 30_000,
  // Tests share one workbench: one after another, never retried (a flaky test is a failing test).
  retries: 0,
});
