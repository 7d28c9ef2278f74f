// `str(ndarray)` and `str(np.float32(x))` as NumPy 2.4 prints them (default print options), ported from
// `numpy/_core/arrayprint.py`: FloatingFormat (floatmode 'maxprec', precision 8, suppress False),
// `_formatArray` / `_extendLine` (linewidth 75, separator ' ', continuation prefix ' '), summarisation
// above `threshold` 1000 with `edgeitems` 3, and the NumPy ≥ 2.3 dtype-dependent scientific cut-off
// (1e6 for float32, 1e8 for float64). Digits come from the Dragon4 port, so float32 prints float32 digits.

import type { DType } from '../types';
import { dragon4Positional, dragon4Scientific } from './dragon4';
import { pythonTuple, shownIndices, sizeOf, stridesOf, withDefaults } from './shape';

/** Print options understood by the NumPy-style printers (NumPy's defaults when omitted). */
export interface NumpyPrintOptions {
  /** Digits after the point (positional) or of the mantissa (scientific); default 8. */
  precision?: number;
  /** Arrays with more elements than this are summarised with '...'; default 1000. */
  threshold?: number;
  /** Items kept at each end of a summarised axis; default 3. */
  edgeItems?: number;
  /** Maximum characters per line; default 75. */
  lineWidth?: number;
}

/** NumPy's default print options (numpy/_core/printoptions.py). */
export const NUMPY_DEFAULTS: Required<NumpyPrintOptions> = {
  precision: 8,
  threshold: 1000,
  edgeItems: 3,
  lineWidth: 75,
};

/** NumPy's FloatingFormat for one array (mode 'maxprec', sign '-', nanstr 'nan', infstr 'inf'). */
export class FloatingFormat {
  private expFormat = false;
  private precision: number;
  private minDigits = -1;
  private trim: '.' | 'k' = '.';
  private padLeft = 0;
  private padRight = 0;
  private expSize = -1;

  /** Measures `data` (the values that will be printed) to fix the common layout. */
  constructor(
    data: ArrayLike<number>,
    private readonly dtype: DType,
    precision = 8,
  ) {
    this.precision = precision;
    const finite: number[] = [];
    let hasNonFinite = false;
    let negInf = false;
    let maxVal = -Infinity;
    let minVal = Infinity;
    for (let i = 0; i < data.length; i++) {
      const x = data[i];
      if (Number.isFinite(x)) {
        finite.push(x);
        const a = Math.abs(x);
        if (a !== 0) {
          if (a > maxVal) maxVal = a;
          if (a < minVal) minVal = a;
        }
      } else {
        hasNonFinite = true;
        if (x === -Infinity) negInf = true;
      }
    }
    if (maxVal !== -Infinity) {
      // NumPy ≥ 2.3: cut-off 10**min(8, finfo(dtype).precision). The comparisons and the ratio happen in
      // the array's dtype (NEP 50: the Python float 0.0001 becomes float32 0.0001 for a float32 array).
      const f32 = dtype === 'float32';
      const cutoff = f32 ? 1e6 : 1e8;
      const small = f32 ? Math.fround(0.0001) : 0.0001;
      const ratio = f32 ? Math.fround(maxVal / minVal) : maxVal / minVal;
      if (maxVal >= cutoff || minVal < small || ratio > 1000) this.expFormat = true;
    }

    if (finite.length === 0) {
      this.padLeft = 0;
      this.padRight = 0;
      this.trim = '.';
      this.expSize = -1;
      this.minDigits = -1;
    } else if (this.expFormat) {
      let expSize = 0;
      let intLen = 0;
      let fracLen = 0;
      for (const x of finite) {
        const s = dragon4Scientific(x, dtype, { precision: this.precision, unique: true, trim: '.' });
        const e = s.indexOf('e');
        const mant = s.slice(0, e);
        const dot = mant.indexOf('.');
        expSize = Math.max(expSize, s.length - e - 1);
        intLen = Math.max(intLen, dot);
        fracLen = Math.max(fracLen, mant.length - dot - 1);
      }
      this.expSize = expSize - 1;
      this.trim = 'k';
      this.precision = fracLen;
      this.minDigits = fracLen;
      this.padLeft = intLen;
      this.padRight = this.expSize + 2 + this.precision;
    } else {
      let intLen = 0;
      let fracLen = 0;
      for (const x of finite) {
        const s = dragon4Positional(x, dtype, {
          precision: this.precision,
          unique: true,
          fractional: true,
          trim: '.',
        });
        const dot = s.indexOf('.');
        intLen = Math.max(intLen, dot);
        fracLen = Math.max(fracLen, s.length - dot - 1);
      }
      this.padLeft = intLen;
      this.padRight = fracLen;
      this.expSize = -1;
      this.trim = '.';
      this.minDigits = 0;
    }

    if (hasNonFinite) {
      const offset = this.padRight + 1;
      this.padLeft = Math.max(this.padLeft, 3 - offset, 3 + (negInf ? 1 : 0) - offset);
    }
  }

  /** Formats one element, padded to the common width. */
  format(x: number): string {
    if (!Number.isFinite(x)) {
      const ret = Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
      const width = this.padLeft + this.padRight + 1;
      return ret.length < width ? ' '.repeat(width - ret.length) + ret : ret;
    }
    if (this.expFormat) {
      return dragon4Scientific(x, this.dtype, {
        precision: this.precision,
        minDigits: this.minDigits,
        unique: true,
        trim: this.trim,
        padLeft: this.padLeft,
        expDigits: this.expSize,
      });
    }
    return dragon4Positional(x, this.dtype, {
      precision: this.precision,
      minDigits: this.minDigits,
      unique: true,
      fractional: true,
      trim: this.trim,
      padLeft: this.padLeft,
      padRight: this.padRight,
    });
  }
}

/** `str(np.float32(x))` / `str(np.float64(x))`: full shortest digits, positional for 1e-4 ≤ |x| < 1e6 (float32) or 1e16 (float64). */
export function numpyScalarStr(x: number, dtype: DType): string {
  const v = dtype === 'float32' ? Math.fround(x) : x;
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v < 0 ? '-inf' : 'inf';
  const a = Math.abs(v);
  const positional = a === 0 || (a >= 1e-4 && a < (dtype === 'float32' ? 1e6 : 1e16));
  return positional
    ? dragon4Positional(v, dtype, { unique: true, trim: '0' })
    : dragon4Scientific(v, dtype, { unique: true, trim: '-' });
}

function extendLine(
  s: string,
  line: string,
  word: string,
  lineWidth: number,
  nextLinePrefix: string,
): [string, string] {
  let needsWrap = line.length + word.length > lineWidth;
  // don't wrap lines if it won't help
  if (line.length <= nextLinePrefix.length) needsWrap = false;
  if (needsWrap) {
    s += line.trimEnd() + '\n';
    line = nextLinePrefix;
  }
  return [s, line + word];
}

/**
 * NumPy's `_formatArray` for an array of rank ≥ 1: nested brackets, wrapping at `lineWidth`, blank lines
 * between blocks of rank ≥ 3, '...' where summarised. `separator` is ' ' for str and ', ' for repr.
 */
export function formatArrayNumpyLayout(
  values: ArrayLike<number>,
  shape: readonly number[],
  formatElement: (x: number) => string,
  options: {
    lineWidth: number;
    nextLinePrefix: string;
    separator: string;
    edgeItems: number;
    summarize: boolean;
  },
): string {
  const { lineWidth, separator, edgeItems, summarize } = options;
  const strides = stridesOf(shape);
  const ndim = shape.length;
  const sepTrim = separator.trimEnd();

  const recurse = (axis: number, offset: number, hangingIndent: string, currWidth: number): string => {
    const axesLeft = ndim - axis;
    if (axesLeft === 0) return formatElement(values[offset]);
    const nextHangingIndent = hangingIndent + ' ';
    const nextWidth = currWidth - 1;
    const aLen = shape[axis];
    const stride = strides[axis];
    const showSummary = summarize && 2 * edgeItems < aLen;
    const leading = showSummary ? edgeItems : 0;
    const trailing = showSummary ? edgeItems : aLen;
    let s = '';
    if (axesLeft === 1) {
      const elemWidth = currWidth - Math.max(sepTrim.length, 1);
      let line = hangingIndent;
      for (let i = 0; i < leading; i++) {
        const word = recurse(axis + 1, offset + i * stride, nextHangingIndent, nextWidth);
        [s, line] = extendLine(s, line, word, elemWidth, hangingIndent);
        line += separator;
      }
      if (showSummary) {
        [s, line] = extendLine(s, line, '...', elemWidth, hangingIndent);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        const word = recurse(axis + 1, offset + (aLen - i) * stride, nextHangingIndent, nextWidth);
        [s, line] = extendLine(s, line, word, elemWidth, hangingIndent);
        line += separator;
      }
      const word = recurse(axis + 1, offset + (aLen - 1) * stride, nextHangingIndent, nextWidth);
      [s, line] = extendLine(s, line, word, elemWidth, hangingIndent);
      s += line;
    } else {
      const lineSep = sepTrim + '\n'.repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) {
        s += hangingIndent + recurse(axis + 1, offset + i * stride, nextHangingIndent, nextWidth) + lineSep;
      }
      if (showSummary) s += hangingIndent + '...' + lineSep;
      for (let i = trailing; i > 1; i--) {
        s +=
          hangingIndent +
          recurse(axis + 1, offset + (aLen - i) * stride, nextHangingIndent, nextWidth) +
          lineSep;
      }
      s += hangingIndent + recurse(axis + 1, offset + (aLen - 1) * stride, nextHangingIndent, nextWidth);
    }
    return '[' + s.slice(hangingIndent.length) + ']';
  };
  return recurse(0, 0, options.nextLinePrefix, lineWidth);
}

/** `str(a)` for a float32/float64 ndarray with the given shape (values already of the dtype). */
export function numpyStr(
  values: ArrayLike<number>,
  shape: readonly number[],
  dtype: DType,
  options: NumpyPrintOptions = {},
): string {
  const o = withDefaults(NUMPY_DEFAULTS, options);
  if (shape.length === 0) return numpyScalarStr(values[0], dtype);
  const size = sizeOf(shape);
  if (size === 0) return '[]';
  const summarize = size > o.threshold;
  const shown = shownIndices(shape, summarize, o.edgeItems);
  const data = shown.map((i) => values[i]);
  const ff = new FloatingFormat(data, dtype, o.precision);
  return formatArrayNumpyLayout(values, shape, (x) => ff.format(x), {
    lineWidth: o.lineWidth,
    nextLinePrefix: ' ',
    separator: ' ',
    edgeItems: o.edgeItems,
    summarize,
  });
}

/**
 * `repr(a)`: `array([...], dtype=float32)` with ', ' separators; float64 is the implied dtype; NumPy ≥ 2.2
 * adds `shape=(…)` when summarised; the extras go on their own line when they would pass `lineWidth`.
 */
export function numpyRepr(
  values: ArrayLike<number>,
  shape: readonly number[],
  dtype: DType,
  options: NumpyPrintOptions = {},
): string {
  const o = withDefaults(NUMPY_DEFAULTS, options);
  const size = sizeOf(shape);
  const prefix = 'array(';
  const summarize = size > o.threshold;
  let body: string;
  if (size === 0) {
    body = '[]';
  } else if (shape.length === 0) {
    body = new FloatingFormat([values[0]], dtype, o.precision).format(values[0]);
  } else {
    const shown = shownIndices(shape, summarize, o.edgeItems);
    const ff = new FloatingFormat(
      shown.map((i) => values[i]),
      dtype,
      o.precision,
    );
    body = formatArrayNumpyLayout(values, shape, (x) => ff.format(x), {
      // array2string reserves room for the closing ')' suffix
      lineWidth: o.lineWidth - 1,
      nextLinePrefix: ' '.repeat(prefix.length + 1),
      separator: ', ',
      edgeItems: o.edgeItems,
      summarize,
    });
  }
  const extras: string[] = [];
  if ((size === 0 && !(shape.length === 1 && shape[0] === 0)) || summarize)
    extras.push(`shape=${pythonTuple(shape)}`);
  if (dtype !== 'float64' || size === 0) extras.push(`dtype=${dtype}`);
  if (extras.length === 0) return prefix + body + ')';
  const arrStr = prefix + body + ',';
  const extraStr = extras.join(', ') + ')';
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf('\n') + 1);
  const spacer = lastLineLen + extraStr.length + 1 > o.lineWidth ? '\n' + ' '.repeat(prefix.length) : ' ';
  return arrStr + spacer + extraStr;
}
