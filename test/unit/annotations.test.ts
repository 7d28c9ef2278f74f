// webview/annotations.ts, the plugin that draws the bands in place of chartjs-plugin-annotation: what it draws for
// the main chart's real band options (buildMainChart), on a recording 2D context with a linear x scale.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Chart } from 'chart.js';
import { annotationPlugin, type AnnotationPluginOptions } from '../../webview/annotations';
import { buildMainChart } from '../../webview/chartConfig';
import { PALETTE, STRINGS } from './webviewSnapshot';
import { seedRequest } from './chartConfig.test';

type Call = { op: string; args: unknown[]; fillStyle?: unknown; font?: string; textAlign?: string };

/** A 2D context that records what is drawn (measureText: 6 px per character). */
function recorder(): { ctx: CanvasRenderingContext2D; calls: Call[] } {
  const calls: Call[] = [];
  const state: Record<string, unknown> = {};
  const ctx = new Proxy(state, {
    get(target, key: string) {
      if (key === 'measureText') return (t: string) => ({ width: t.length * 6 });
      if (key in target) return target[key];
      return (...args: unknown[]) =>
        calls.push({
          op: key,
          args,
          fillStyle: target.fillStyle,
          font: target.font as string,
          textAlign: target.textAlign as string,
        });
    },
    set(target, key: string, value) {
      target[key] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

const AREA = { left: 40, right: 640, top: 10, bottom: 310 };

function draw(options: AnnotationPluginOptions, domain: readonly [number, number]): Call[] {
  const { ctx, calls } = recorder();
  const px = (v: number): number => AREA.left + ((v - domain[0]) / (domain[1] - domain[0])) * 600;
  const py = (v: number): number => AREA.bottom - v * 300;
  const chart = {
    ctx,
    chartArea: AREA,
    scales: { x: { getPixelForValue: px }, y: { getPixelForValue: py } },
  } as unknown as Chart;
  const hook = annotationPlugin.beforeDatasetsDraw as unknown as (c: Chart, a: unknown, o: unknown) => void;
  hook(chart, {}, options);
  return calls;
}

void describe('annotation plugin', () => {
  void it("draws sigmoid's two soft bands as full-height boxes with their labels at the outer edges", () => {
    const m = buildMainChart(
      seedRequest(['sigmoid'], { dialect: 'tensorflow' }),
      { samples: 64, showDerivative: true, derivativeOwnAxis: false },
      PALETTE,
      STRINGS,
    );
    const options = m.config.options!.plugins!.annotation as AnnotationPluginOptions;
    const calls = draw(options, m.domain);
    const fills = calls.filter((c) => c.op === 'fillRect');
    assert.equal(fills.length, 2, JSON.stringify(calls.map((c) => c.op)));
    for (const f of fills) {
      const [x, y, w, h] = f.args as number[];
      assert.equal(y, AREA.top);
      assert.equal(h, AREA.bottom - AREA.top);
      assert.ok(x >= AREA.left && x + w <= AREA.right && w > 0, `box ${x}+${w} inside the plot`);
    }
    const [left, right] = fills.map((f) => f.args as number[]).sort((a, b) => a[0] - b[0]);
    assert.equal(left[0], AREA.left, 'the left band starts at the plot edge');
    assert.ok(Math.abs(right[0] + right[2] - AREA.right) < 1e-9, 'the right band ends at the plot edge');
    const texts = calls.filter((c) => c.op === 'fillText');
    assert.ok(texts.length >= 2, 'each band is labelled');
    assert.ok(texts.every((t) => String(t.font).startsWith('bold 11px')));
    const soft = STRINGS.bandSoft;
    assert.ok(texts.some((t) => t.args[0] === soft));
    // Left band: label left-aligned at its left edge + padding; right band: right-aligned at its right edge.
    assert.ok(texts.some((t) => t.textAlign === 'left' && t.args[1] === AREA.left + 3));
    assert.ok(
      texts.some((t) => t.textAlign === 'right' && Math.abs((t.args[1] as number) - (AREA.right - 3)) < 1e-9),
    );
    // Dashed borders (soft: [6, 4]).
    assert.ok(calls.some((c) => c.op === 'setLineDash' && JSON.stringify(c.args[0]) === '[6,4]'));
  });

  void it('skips a box outside the visible range, and a label whose display is false', () => {
    const calls = draw(
      {
        annotations: {
          off: {
            type: 'box',
            xMin: 20,
            xMax: 30,
            backgroundColor: 'red',
            borderColor: 'red',
            borderWidth: 1,
            drawTime: 'beforeDatasetsDraw',
            adjustScaleRange: false,
          },
          quiet: {
            type: 'box',
            xMin: 0,
            xMax: 1,
            backgroundColor: 'blue',
            borderColor: 'blue',
            borderWidth: 0,
            drawTime: 'beforeDatasetsDraw',
            adjustScaleRange: false,
            label: {
              display: () => false,
              content: 'never',
              position: { x: 'center', y: 'end' },
              color: 'white',
              font: { size: 10 },
              padding: 3,
            },
          },
        },
      },
      [-6, 6],
    );
    const fills = calls.filter((c) => c.op === 'fillRect');
    assert.equal(fills.length, 1);
    assert.equal(fills[0].fillStyle, 'blue');
    assert.equal(calls.filter((c) => c.op === 'fillText').length, 0);
    assert.equal(calls.filter((c) => c.op === 'stroke').length, 0, 'no border at width 0');
  });

  void it("draws the depth chart's horizontal line at y, across the plot", () => {
    const calls = draw(
      {
        annotations: {
          one: {
            type: 'line',
            yMin: 0.5,
            yMax: 0.5,
            borderColor: 'gray',
            borderWidth: 1,
            borderDash: [4, 4],
            drawTime: 'beforeDatasetsDraw',
          },
        },
      },
      [-6, 6],
    );
    const moves = calls.filter((c) => c.op === 'moveTo' || c.op === 'lineTo').map((c) => c.args);
    assert.deepEqual(moves, [
      [AREA.left, 160],
      [AREA.right, 160],
    ]);
    assert.equal(calls.filter((c) => c.op === 'stroke').length, 1);
  });
});
