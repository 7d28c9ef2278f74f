// Pure number formatting for the webview: values as the dialect's framework prints them (shortest digits per dtype).
import { formatArray, formatScalar, type DType } from '../src/core';

/** One number as NumPy prints a scalar of the dtype (str(np.float32(x))): the shortest digits that round-trip. */
export function cellText(value: number, dtype: DType): string {
  return formatScalar(value, 'numpy', dtype);
}

/**
 * One number as it appears inside the framework's printed array (NumPy's element format: shortest digits, at most
 * 8 decimals, `3.` for integral values), so the values table reads like the print: 0.04742587, not 0.047425874.
 */
export function elementText(value: number, dtype: DType): string {
  return formatArray([value], [1], 'numpy', dtype).slice(1, -1).trim();
}

/** A short human number for labels and tooltips (up to `digits` significant digits, no trailing zeros). */
export function shortNumber(value: number, digits = 5): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const text =
    abs >= 1e-4 && abs < 1e6
      ? String(Number(value.toPrecision(digits)))
      : value.toExponential(Math.max(0, digits - 3));
  return text
    .replace(/(\.\d*?)0+e/, '$1e')
    .replace(/\.e/, 'e')
    .replace(/^-/, '−');
}
