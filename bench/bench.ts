// `npm run bench`: prints speed and memory numbers (goals are checked here, never by timed tests).
import { runParseBench } from './parseBench';
import { runActivationBench } from './activationBench';
import { runHoverBench } from './hoverBench';
import { runResolveBench } from './resolveBench';
import { reportSidePanelLatency } from './uiLatency';
import { runSizeBench, runWebBench } from './webBench';
import * as path from 'node:path';

async function main(): Promise<void> {
  await runParseBench();
  await runActivationBench();
  await runHoverBench();
  runResolveBench();
  reportSidePanelLatency(path.join(__dirname, '..', '..'));
  runSizeBench(path.join(__dirname, '..', '..'));
  await runWebBench();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
