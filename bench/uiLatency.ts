// The side panel's selection-to-chart latency is measured by the browser UI test (a person's keystroke to the
// redrawn view, in a real VS Code); the benchmark reports the last measurement it saved.
import * as fs from 'node:fs';
import * as path from 'node:path';

interface LatencyFile {
  medianMs?: number;
  p95Ms?: number;
  n?: number;
}

export function reportSidePanelLatency(root: string): void {
  const file = path.join(root, 'test-artifacts', 'side-panel-latency.json');
  console.log(
    '\nSide panel: selection change → chart updated (from the UI test, goal < 250 ms incl. the 120 ms debounce)',
  );
  if (!fs.existsSync(file)) {
    console.log('  not measured yet: run `npm run test:ui` (test/ui/sidePanel.ui.test.ts) first');
    return;
  }
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as LatencyFile;
  const when = fs.statSync(file).mtime.toISOString();
  console.log(
    `  median ${data.medianMs?.toFixed(1)} ms, p95 ${data.p95Ms?.toFixed(1)} ms, n=${data.n} (measured ${when})`,
  );
}
