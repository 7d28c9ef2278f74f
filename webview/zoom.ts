// Zoom and pan (chartjs-plugin-zoom): wheel zoom only with Ctrl held (so the side panel still scrolls), drag to pan,
// pinch on touch. After each zoom or pan the visible x range is reported (debounced) so the curve is resampled for it.
import type { Chart } from 'chart.js';
import type { ZoomPluginOptions } from 'chartjs-plugin-zoom/types/options';
import { debounce } from './dom';

export const RESAMPLE_DELAY_MS = 120;

export function zoomOptions(onRange: (range: [number, number]) => void): ZoomPluginOptions {
  const report = debounce((chart: Chart) => {
    const x = chart.scales.x;
    if (x && Number.isFinite(x.min) && Number.isFinite(x.max) && x.max > x.min) onRange([x.min, x.max]);
  }, RESAMPLE_DELAY_MS);
  return {
    limits: { x: { minRange: 1e-9 }, y: { minRange: 1e-12 } },
    pan: { enabled: true, mode: 'xy', onPanComplete: ({ chart }) => report(chart) },
    zoom: {
      wheel: { enabled: true, modifierKey: 'ctrl', speed: 0.1 },
      pinch: { enabled: true },
      drag: { enabled: false },
      mode: 'xy',
      onZoomComplete: ({ chart }) => report(chart),
    },
  };
}
