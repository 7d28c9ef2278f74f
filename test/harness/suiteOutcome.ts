// The end of an extension-host test suite run in a workbench page: the workbench forwards the extension host's console
// to `codeAutomationLog` and reports the suite's exit code to `codeAutomationExit` (as in VS Code's own browser tests).
// Shared by the code-server and the VS Code for the Web layers.
import * as util from 'node:util';
import type { Workbench } from './browser';

/** Exposes the two automation functions on the page; `outcome` resolves with the suite's exit code, 124 on timeout. */
export async function suiteOutcome(
  browser: Workbench,
  label: string,
  timeoutMs: number,
  hostName: string,
): Promise<{ outcome: Promise<number>; dispose: () => void }> {
  let finish: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (finish = resolve));
  await browser.page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    if (type === 'error') console.error(line);
    else console.log(line);
  });
  await browser.page.exposeFunction('codeAutomationExit', (code: number) => finish(Number(code)));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      console.error(
        `[${label}] TIMEOUT: the suite did not finish within ${timeoutMs / 1000} s ` +
          `(a test hangs, or the ${hostName} never ran the suite; see the page errors below)`,
      );
      for (const e of browser.consoleErrors()) console.error(`[${label}] page: ${e}`);
      resolve(124);
    }, timeoutMs);
  });
  return { outcome: Promise.race([exited, timedOut]), dispose: () => timer && clearTimeout(timer) };
}
