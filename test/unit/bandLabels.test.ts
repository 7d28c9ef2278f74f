// Issue 13.4: band labels never overlap, at any plot width from the side bar's up, in English and Chinese.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIVATION_IDS, getActivation } from '../../src/core';
import { UI_STRINGS } from '../../src/shared/uiStrings';
import { estimateTextWidth, fitLabel } from '../../webview/bandLabels';
import { buildMainChart } from '../../webview/chartConfig';
import type { Strings } from '../../webview/strings';
import { PALETTE, STRINGS } from './webviewSnapshot';
import { seedRequest } from './chartConfig.test';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const bundle = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'),
) as Record<string, string>;
const ZH = Object.fromEntries(
  Object.entries(UI_STRINGS).map(([k, en]) => [k, bundle[en] ?? en]),
) as unknown as Strings;

type Rect = { left: number; right: number; top: number; bottom: number };

/** The label rectangles a chart `plotWidth` px wide would draw (as the annotation plugin places them). */
function labelRects(id: (typeof ACTIVATION_IDS)[number], plotWidth: number, strings: Strings): Rect[] {
  const m = buildMainChart(
    seedRequest([id], { dialect: 'exact' }),
    { samples: 64, showDerivative: true, derivativeOwnAxis: false },
    PALETTE,
    strings,
  );
  const [lo, hi] = m.domain;
  const px = (v: number): number => ((v - lo) / (hi - lo)) * plotWidth;
  const ctx = { chart: { scales: { x: { getPixelForValue: px } } } };
  const rects: Rect[] = [];
  const annotations = m.config.options!.plugins!.annotation!.annotations as Record<
    string,
    Record<string, unknown>
  >;
  for (const box of Object.values(annotations)) {
    const label = box.label as {
      display: (c: unknown) => boolean;
      content: (c: unknown) => string[];
      font: { size: number };
      padding: number;
      position: { x: string; y: string };
    };
    if (!label.display(ctx)) continue;
    const lines = label.content(ctx);
    const w = Math.max(...lines.map((l) => estimateTextWidth(l, label.font.size))) + 2 * label.padding;
    const h = lines.length * label.font.size * 1.2 + 2 * label.padding;
    const x0 = px(box.xMin as number);
    const x1 = px(box.xMax as number);
    const left = label.position.x === 'start' ? x0 : label.position.x === 'end' ? x1 - w : (x0 + x1 - w) / 2;
    const top = label.position.y === 'start' ? 0 : 1000 - h;
    // Inside its own box.
    assert.ok(left >= x0 - 0.5 && left + w <= x1 + 0.5, `${id} label ${lines.join(' ')} leaves its box`);
    rects.push({ left, right: left + w, top, bottom: top + h });
  }
  return rects;
}

const overlap = (a: Rect, b: Rect): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

suite('band labels', () => {
  test('fitLabel picks the longest label that fits, then a shorter one, then none', () => {
    const c = [['left saturation', 'soft'], ['soft']];
    assert.deepEqual(fitLabel(c, 200, 11, 3), ['left saturation', 'soft']);
    assert.deepEqual(fitLabel(c, 40, 11, 3), ['soft']);
    assert.equal(fitLabel(c, 10, 11, 3), null);
  });
  test('Chinese characters count as wide', () => {
    assert.ok(estimateTextWidth('左饱和', 11) > estimateTextWidth('abc', 11) * 1.4);
  });
  test('no two labels overlap for any activation at widths 180…1200 px (en and zh-cn)', () => {
    for (const strings of [STRINGS, ZH]) {
      for (const id of ACTIVATION_IDS) {
        if (getActivation(id).vector) continue;
        for (let width = 180; width <= 1200; width += 37) {
          const rects = labelRects(id, width, strings);
          for (let i = 0; i < rects.length; i++)
            for (let j = i + 1; j < rects.length; j++)
              assert.ok(!overlap(rects[i], rects[j]), `${id} at ${width}px: labels ${i} and ${j} overlap`);
        }
      }
    }
  });
  test('at the side bar width sigmoid keeps a label on each side', () => {
    assert.equal(labelRects('sigmoid', 220, STRINGS).length, 2);
  });
});
