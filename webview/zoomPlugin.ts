// The lazily loaded chunk of zoom and pan (see chartSetup.ts): chartjs-plugin-zoom and its hammerjs dependency.
export { default as zoomPlugin } from 'chartjs-plugin-zoom';
