// Chart.js with only the pieces this app uses (no chart.js/auto), plus our annotation plugin (bands, lines). Zoom and pan
// (chartjs-plugin-zoom with hammerjs, a third of the app's own size) are a separate chunk, loaded the first time a
// pointer, a touch or the keyboard focus reaches a chart: a chart only looked at never downloads them.
import {
  Chart,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  BarController,
  BarElement,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
} from 'chart.js';
import { annotationPlugin } from './annotations';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  BarController,
  BarElement,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
  annotationPlugin,
);

let zoomLoaded: Promise<void> | undefined;

/** Loads and registers the zoom plugin once (a chunk beside the webview bundle, allowed by the page's CSP). */
export function loadZoom(): Promise<void> {
  zoomLoaded ??= import('./zoomPlugin').then(({ zoomPlugin }) => Chart.register(zoomPlugin));
  return zoomLoaded;
}

const FIRST_USE = ['pointerenter', 'pointerdown', 'touchstart', 'focus'] as const;

/** Loads the zoom plugin when `canvas` is first used, then updates `chart()` so the plugin starts on it. */
export function zoomOnFirstUse(canvas: HTMLCanvasElement, chart: () => Chart | undefined): void {
  const load = (): void => {
    for (const type of FIRST_USE) canvas.removeEventListener(type, load);
    loadZoom().then(
      () => chart()?.update('none'),
      (err: unknown) => console.error(`zoom and pan are unavailable: ${String(err)}`),
    );
  };
  for (const type of FIRST_USE) canvas.addEventListener(type, load, { passive: true });
}

export { Chart };
