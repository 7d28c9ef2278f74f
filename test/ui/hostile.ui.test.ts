// Issue 12, layer 3: a hostile document in the real VS Code (code-server + Chromium). Its head holds the lines that
// froze the extension host (`import` / `from x import` + thousands of spaces: the import scan runs before every
// hover); the mouse rests on each hostile line below: each hover shows a result or a clear message, no sooner-or-
// later than an ordinary line's hover, and holds no link but the extension's own command links.
// Screenshot: hostile-hover.png (the hover over the Markdown-injection line).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Workbench } from '../harness/browser';
import { fixtureWorkspace } from '../harness/paths';
import {
  assertNoConsoleErrors,
  hoverUntil,
  shot,
  startSession,
  step,
  stopSession,
  waitForAnimations,
  type Session,
} from './uiHelpers';

const FILE = 'hostile_generated.py';
// 2,000 levels: the whole line (~18,000 characters) fits the detector's 20,000-character window.
const N = 2000;

/** Each line: the text the mouse rests on (its middle is on the call or inside the literal) and what the hover shows. */
const LINES: { line: string; needle: string; expect: string }[] = [
  {
    line: 'h1 = tf.nn.sigmoid(w``[phish](https://example.com/login)``)',
    needle: 'h1 = tf.nn.sigmoid',
    expect: 'is not a literal array',
  },
  {
    line: 'h2 = tf.nn.sigmoid([1, `[Open chart](command:activationLens.copyResult?%5B%7B%22text%22%3A%22x%22%7D%5D)`])',
    needle: 'h2 = tf.nn.sigmoid',
    expect: 'is not a literal array',
  },
  { line: 'h3 = tf.nn.relu([1e308, -1e308])', needle: 'h3 = tf.nn.relu', expect: 'Open chart' },
  {
    line: 'h4 = ' + 'np.array('.repeat(N) + '[1.]' + ')'.repeat(N),
    needle: 'array(np.ar',
    // The parser refuses the nesting (tooDeep); the hover evaluates the bare literal inside, [1.], which is right.
    expect: 'Open chart',
  },
  {
    line: 'h5 = tf.nn.relu(' + '-float('.repeat(N) + '1' + ')'.repeat(N) + ')',
    needle: 'h5 = tf.nn.relu',
    expect: 'ReLU',
  },
  { line: 'h6 = tf.nn.relu(' + '1'.repeat(16_000) + ')', needle: 'h6 = tf.nn.relu', expect: 'Open chart' },
  {
    line: 'h7 = tf.nn.sigmoid([1, <https://example.com>, <b>bold</b>, https://example.com www.example.com])',
    needle: 'h7 = tf.nn.sigmoid',
    expect: 'Sigmoid',
  },
];

const HEAD = [
  'import' + ' '.repeat(4000) + '!',
  'from x import' + ' '.repeat(4000) + '!',
  'import tensorflow as tf',
  'import numpy as np',
  '',
];

let session: Session | undefined;
const file = path.join(fixtureWorkspace(), FILE);

/** The links of the visible hover: every href and data-href. */
async function hoverLinks(wb: Workbench): Promise<string[]> {
  return wb.page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.monaco-hover:not(.hidden) a'))
      .filter((a) => a.getClientRects().length > 0)
      .flatMap((a) => [a.getAttribute('href') ?? '', a.getAttribute('data-href') ?? ''])
      .filter(Boolean),
  );
}

/** Go to Line (Ctrl+G), as a person does, so that line `n` is on screen. */
async function gotoLine(wb: Workbench, n: number): Promise<void> {
  await wb.page.keyboard.press('Control+G');
  const input = wb.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${n}`);
  await input.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await wb.page.waitForFunction(
    (needle) =>
      Array.from(document.querySelectorAll('.monaco-editor .view-line')).some((l) =>
        (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(needle),
      ),
    LINES[n - 1].needle,
  );
}

async function timedHover(
  wb: Workbench,
  needle: string,
  expect: string,
): Promise<{ ms: number; text: string }> {
  const t0 = Date.now();
  const text = await hoverUntil(wb, needle, expect, { attemptMs: 10_000, totalMs: 40_000 });
  return { ms: Date.now() - t0, text };
}

void describe(
  'hostile document: every hover in normal time, no foreign link (code-server)',
  { timeout: 600_000 },
  () => {
    before(
      async () => {
        // The hovered lines first (the workspace wraps long lines), the freezing imports after them (still within the
        // first 300 lines, which the import scan reads).
        fs.writeFileSync(file, [...LINES.map((l) => l.line), ...HEAD].join('\n'));
        session = await startSession({ browser: { viewport: { width: 1600, height: 1200 } } });
      },
      { timeout: 240_000 },
    );
    after(
      async () => {
        fs.rmSync(file, { force: true });
        await stopSession(session);
      },
      { timeout: 120_000 },
    );

    let baseline = 0;
    void it('an ordinary line: the baseline hover time', { timeout: 120_000 }, async () => {
      await step(session, 'open-seed', (wb) => wb.openFile('seed.py'));
      // The first hover of a session waits for the extension to activate; the baseline is the second.
      await step(session, 'warm', (wb) => timedHover(wb, 'tf.nn.relu', 'Open chart'));
      baseline = (await step(session, 'baseline', (wb) => timedHover(wb, 'tf.nn.relu', 'Open chart'))).ms;
      console.log(`ordinary hover: ${baseline} ms`);
    });

    void it(
      'each hostile line: a result or a clear message, in about the same time, only command links',
      { timeout: 400_000 },
      async () => {
        await step(session, 'open-hostile', (wb) => wb.openFile(FILE));
        const times: string[] = [];
        for (const [i, { needle, expect }] of LINES.entries()) {
          await step(session, `goto-${i + 1}`, (wb) => gotoLine(wb, i + 1));
          const { ms, text } = await step(session, `hover-${needle}`, (wb) => timedHover(wb, needle, expect));
          times.push(`${needle}: ${ms} ms`);
          assert.ok(text.includes(expect), `${needle}: ${text.slice(0, 200)}`);
          const links = await step(session, `links-${needle}`, (wb) => hoverLinks(wb));
          for (const href of links)
            assert.ok(
              href.startsWith('command:activationLens.'),
              `${needle}: a foreign link ${href.slice(0, 100)}`,
            );
          assert.ok(
            !text.includes('[phish]') || text.includes('``'),
            `${needle}: the code span kept its backticks`,
          );
          // Before the fixes the import lines alone delayed every hover by many seconds.
          assert.ok(ms < baseline + 3000, `${needle}: ${ms} ms, an ordinary hover ${baseline} ms`);
          if (needle.startsWith('h1'))
            await step(session, 'shot', async (wb) => {
              await waitForAnimations(wb, '.monaco-hover');
              await shot(wb, 'hostile-hover');
            });
        }
        console.log(`hostile hovers (ordinary ${baseline} ms): ${times.join('; ')}`);
        assertNoConsoleErrors(session!.wb);
      },
    );
  },
);
