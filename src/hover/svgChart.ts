// The hover's small chart: f and f' over the inputs' range, saturated bands shaded, the inputs marked. A plain SVG
// string (no script, no external reference) turned into a base64 `data:` URI, because hovers cannot run scripts
// or show inline SVG. Pure: no vscode, no DOM.
import { paddedDomain } from '../core/chartDomain';
import type { SaturationBand } from '../core/types';

/** Which palette to draw with (from `vscode.window.activeColorTheme.kind`). */
export type ChartTheme = 'dark' | 'light' | 'highContrastDark' | 'highContrastLight';

export interface ChartSeries {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

export interface ChartData {
  /** f and f' sampled over the domain (same x for both). */
  curve: { x: ArrayLike<number>; y: ArrayLike<number>; dy: ArrayLike<number> };
  /** Saturated intervals to shade (clipped to the domain). */
  bands: readonly SaturationBand[];
  /** The inputs and their outputs, drawn as dots. */
  points: ChartSeries;
  /** The x range to draw; default the curve's x range. */
  domain?: readonly [number, number];
  /** Accessible name, e.g. "sigmoid over [-3.9, 3.9]". */
  label: string;
  /** Legend texts (already translated by the host); defaults "f", "f′", "saturated". */
  legend?: { f: string; df: string; band: string };
}

export interface ChartOptions {
  width?: number;
  height?: number;
  theme?: ChartTheme;
  /** At most this many input dots (evenly subsampled beyond it). Default 120. */
  maxPoints?: number;
}

interface Palette {
  f: string;
  df: string;
  soft: string;
  hard: string;
  bandOpacity: number;
  axis: string;
  text: string;
  pointStroke: string;
}

// Mid-tone colours that read on VS Code's dark (#1e1e1e / #252526) and light (#ffffff / #f3f3f3) hover backgrounds.
const PALETTES: Record<ChartTheme, Palette> = {
  dark: {
    f: '#4fc1ff',
    df: '#f0a35e',
    soft: '#f0a35e',
    hard: '#f14c4c',
    bandOpacity: 0.2,
    axis: '#858585',
    text: '#cccccc',
    pointStroke: '#1e1e1e',
  },
  light: {
    f: '#005fb8',
    df: '#b85c00',
    soft: '#d18616',
    hard: '#d13438',
    bandOpacity: 0.16,
    axis: '#8a8a8a',
    text: '#3b3b3b',
    pointStroke: '#ffffff',
  },
  highContrastDark: {
    f: '#79e1ff',
    df: '#ffb86c',
    soft: '#ffb86c',
    hard: '#ff6b6b',
    bandOpacity: 0.3,
    axis: '#ffffff',
    text: '#ffffff',
    pointStroke: '#000000',
  },
  highContrastLight: {
    f: '#0f4a85',
    df: '#8f3f00',
    soft: '#b5651d',
    hard: '#b5200d',
    bandOpacity: 0.25,
    axis: '#000000',
    text: '#000000',
    pointStroke: '#ffffff',
  },
};

/** The x range to draw for these inputs: their range plus a margin (15 % of the span, at least 0.5 each side). */
export function chartDomain(
  inputs: ArrayLike<number>,
  fallback: [number, number] = [-6, 6],
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < inputs.length; i++) {
    const v = inputs[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return fallback;
  return paddedDomain(lo, hi, 0.15, 0.5);
}

/** Escapes text for XML and keeps the output ASCII (non-ASCII as numeric references). */
export function xmlEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (ch === "'") out += '&apos;';
    else if (code < 32 && ch !== '\n' && ch !== '\t') out += ' ';
    else if (code > 126) out += `&#x${code.toString(16)};`;
    else out += ch;
  }
  return out;
}

/** A short axis label: 3 significant digits, no trailing zeros. */
export function tickLabel(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return v === 0 ? '0' : String(v);
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(1).replace('e+', 'e');
  return String(Number(v.toPrecision(3)));
}

const r2 = (v: number): string => String(Math.round(v * 10) / 10);

/** The SVG text of the chart. */
export function buildSvgChart(data: ChartData, options: ChartOptions = {}): string {
  const width = options.width ?? 320;
  const height = options.height ?? 160;
  const pal = PALETTES[options.theme ?? 'dark'];
  const maxPoints = options.maxPoints ?? 120;
  const legend = data.legend ?? { f: 'f', df: 'f\u2032', band: 'saturated' };
  const left = 38;
  const right = 8;
  const top = 16;
  const bottom = 18;
  const pw = width - left - right;
  const ph = height - top - bottom;

  const { curve } = data;
  let x0 = data.domain ? data.domain[0] : Infinity;
  let x1 = data.domain ? data.domain[1] : -Infinity;
  for (let i = 0; i < curve.x.length && !data.domain; i++) {
    const v = curve.x[i];
    if (Number.isFinite(v)) {
      x0 = Math.min(x0, v);
      x1 = Math.max(x1, v);
    }
  }
  if (!(x0 < x1)) {
    x0 = Number.isFinite(x0) ? x0 - 1 : -1;
    x1 = Number.isFinite(x1) ? x1 + 1 : 1;
  }
  let y0 = Infinity;
  let y1 = -Infinity;
  const widen = (v: number): void => {
    if (Number.isFinite(v)) {
      y0 = Math.min(y0, v);
      y1 = Math.max(y1, v);
    }
  };
  for (let i = 0; i < curve.y.length; i++) widen(curve.y[i]);
  for (let i = 0; i < curve.dy.length; i++) widen(curve.dy[i]);
  for (let i = 0; i < data.points.y.length; i++) widen(data.points.y[i]);
  if (!(y0 <= y1)) {
    y0 = -1;
    y1 = 1;
  }
  if (y1 - y0 < 1e-9) {
    y0 -= 0.5;
    y1 += 0.5;
  }
  const pad = (y1 - y0) * 0.08;
  y0 -= pad;
  y1 += pad;

  const sx = (x: number): number => left + ((x - x0) / (x1 - x0)) * pw;
  const sy = (y: number): number => top + (1 - (y - y0) / (y1 - y0)) * ph;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${xmlEscape(data.label)}">`,
  );
  parts.push(`<title>${xmlEscape(data.label)}</title>`);
  parts.push(
    `<defs><clipPath id="plot"><rect x="${left}" y="${top}" width="${pw}" height="${ph}"/></clipPath></defs>`,
  );

  // Saturated bands.
  parts.push('<g clip-path="url(#plot)">');
  for (const band of data.bands) {
    const from = Math.max(band.from, x0);
    const to = Math.min(band.to, x1);
    if (!(to > from)) continue;
    const fill = band.kind === 'soft' ? pal.soft : pal.hard;
    parts.push(
      `<rect class="band band-${band.kind}" data-side="${band.side}" x="${r2(sx(from))}" y="${top}" width="${r2(sx(to) - sx(from))}" height="${ph}" fill="${fill}" fill-opacity="${pal.bandOpacity}"/>`,
    );
  }
  parts.push('</g>');

  // Frame and zero axes.
  parts.push(
    `<rect x="${left}" y="${top}" width="${pw}" height="${ph}" fill="none" stroke="${pal.axis}" stroke-width="0.6"/>`,
  );
  if (y0 < 0 && y1 > 0) {
    parts.push(
      `<line class="axis" x1="${left}" y1="${r2(sy(0))}" x2="${left + pw}" y2="${r2(sy(0))}" stroke="${pal.axis}" stroke-width="0.6" stroke-dasharray="2 2"/>`,
    );
  }
  if (x0 < 0 && x1 > 0) {
    parts.push(
      `<line class="axis" x1="${r2(sx(0))}" y1="${top}" x2="${r2(sx(0))}" y2="${top + ph}" stroke="${pal.axis}" stroke-width="0.6" stroke-dasharray="2 2"/>`,
    );
  }

  // Curves.
  const path = (ys: ArrayLike<number>): string => {
    let d = '';
    let pen = false;
    for (let i = 0; i < curve.x.length && i < ys.length; i++) {
      const x = curve.x[i];
      const y = ys[i];
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${r2(sx(x))} ${r2(sy(y))}`;
      pen = true;
    }
    return d;
  };
  parts.push('<g clip-path="url(#plot)" fill="none">');
  const dPath = path(curve.dy);
  if (dPath) {
    parts.push(
      `<path class="df" d="${dPath}" stroke="${pal.df}" stroke-width="1.4" stroke-dasharray="4 2" stroke-linejoin="round"/>`,
    );
  }
  const fPath = path(curve.y);
  if (fPath)
    parts.push(`<path class="f" d="${fPath}" stroke="${pal.f}" stroke-width="1.8" stroke-linejoin="round"/>`);
  parts.push('</g>');

  // Input dots.
  const n = Math.min(data.points.x.length, data.points.y.length);
  const step = n > maxPoints ? n / maxPoints : 1;
  parts.push(`<g class="points" fill="${pal.f}" stroke="${pal.pointStroke}" stroke-width="0.8">`);
  for (let k = 0; k < n && Math.floor(k * step) < n && k < maxPoints; k++) {
    const i = Math.floor(k * step);
    const x = data.points.x[i];
    const y = data.points.y[i];
    if (!Number.isFinite(x) || !Number.isFinite(y) || x < x0 || x > x1) continue;
    parts.push(`<circle cx="${r2(sx(x))}" cy="${r2(sy(y))}" r="2.6"/>`);
  }
  parts.push('</g>');

  // Tick labels and legend.
  const text = (x: number, y: number, anchor: string, s: string): string =>
    `<text x="${r2(x)}" y="${r2(y)}" text-anchor="${anchor}">${xmlEscape(s)}</text>`;
  parts.push(`<g font-family="sans-serif" font-size="9" fill="${pal.text}">`);
  parts.push(text(left - 3, top + 7, 'end', tickLabel(y1)));
  parts.push(text(left - 3, top + ph, 'end', tickLabel(y0)));
  parts.push(text(left, height - 5, 'start', tickLabel(x0)));
  parts.push(text(left + pw, height - 5, 'end', tickLabel(x1)));
  parts.push(
    `<line x1="${left + 4}" y1="8" x2="${left + 18}" y2="8" stroke="${pal.f}" stroke-width="1.8"/>`,
    text(left + 21, 11, 'start', legend.f),
    `<line x1="${left + 64}" y1="8" x2="${left + 78}" y2="8" stroke="${pal.df}" stroke-width="1.4" stroke-dasharray="4 2"/>`,
    text(left + 81, 11, 'start', legend.df),
  );
  if (data.bands.length > 0) {
    parts.push(
      `<rect x="${left + 124}" y="4" width="12" height="8" fill="${data.bands.some((b) => b.kind === 'soft') ? pal.soft : pal.hard}" fill-opacity="${Math.min(1, pal.bandOpacity * 2)}"/>`,
      text(left + 139, 11, 'start', legend.band),
    );
  }
  parts.push('</g>');
  parts.push('</svg>');
  return parts.join('');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of a string's UTF-8 bytes (no Buffer / btoa: runs in any host). */
export function base64Utf8(text: string): string {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

/** `data:image/svg+xml;base64,…` for an SVG string. */
export function svgDataUri(svg: string): string {
  // buildSvgChart's output is ASCII: the host's native btoa is exact for it and much faster.
  const native = (globalThis as { btoa?: (s: string) => string }).btoa;
  const ascii = !/[^\u0020-\u007e\t\n\r]/.test(svg);
  return `data:image/svg+xml;base64,${native && ascii ? native(svg) : base64Utf8(svg)}`;
}
