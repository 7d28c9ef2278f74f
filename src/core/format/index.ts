// Printing arrays exactly as NumPy 2.4 (`str(ndarray)`), TensorFlow eager (`print(tensor)`), PyTorch
// (`print(tensor)`), JSON and TensorFlow.js (`tensor.print()`) do. One concern per file: dragon4.ts (digits),
// shortest.ts (fast shortest digits), numpy.ts, tensorflow.ts, pytorch.ts (with pyfloat.ts), json.ts, tfjs.ts;
// this file picks by style.

import type { DType, PrintStyle } from '../types';
import {
  dragon4Positional,
  dragon4Scientific,
  type PositionalOptions,
  type ScientificOptions,
} from './dragon4';
import { jsonNumber, jsonStr } from './json';
import { NUMPY_DEFAULTS, numpyRepr, numpyScalarStr, numpyStr } from './numpy';
import { TORCH_DEFAULTS, TorchFormatter, torchRepr } from './pytorch';
import { checkShape, pythonTuple, toDType } from './shape';
import { tfRepr, tfStr } from './tensorflow';
import { formatTfjs } from './tfjs';

export { numpyRepr, numpyScalarStr, numpyStr } from './numpy';
export { tfRepr, tfStr } from './tensorflow';
export { torchRepr } from './pytorch';
export { jsonStr } from './json';
export { formatTfjs } from './tfjs';
export { dtypeForDialect, printStyleForDialect } from './dialectStyle';
export { shortestString } from './shortest';
export type { NumpyPrintOptions } from './numpy';
export type { TorchPrintOptions } from './pytorch';

/** Print options; each style's own defaults apply when omitted (NumPy/TF: 8, 1000, 3, 75; PyTorch: 4, 1000, 3, 80). */
export interface FormatOptions {
  precision?: number;
  threshold?: number;
  edgeItems?: number;
  lineWidth?: number;
}

/** The dtype a style assumes when none is given: float64 for NumPy and JSON, float32 for TensorFlow, PyTorch
 * and TF.js. */
export function defaultDType(style: PrintStyle): DType {
  return style === 'tensorflow' || style === 'pytorch' || style === 'tfjs' ? 'float32' : 'float64';
}

/**
 * Prints `values` (row-major, `shape`) as `style` would; float32 first rounds every value with Math.fround.
 * Throws an Error when the shape does not hold exactly values.length elements.
 */
export function formatArray(
  values: ArrayLike<number>,
  shape: readonly number[],
  style: PrintStyle,
  dtype?: DType,
): string {
  return formatArrayWith(values, shape, style, dtype, {});
}

/** formatArray with print options (precision, threshold, edgeItems, lineWidth). */
export function formatArrayWith(
  values: ArrayLike<number>,
  shape: readonly number[],
  style: PrintStyle,
  dtype: DType | undefined,
  options: FormatOptions,
): string {
  const dt = dtype ?? defaultDType(style);
  checkShape(shape, values.length);
  const data = toDType(values, dt);
  switch (style) {
    case 'numpy':
      return numpyStr(data, shape, dt, options);
    case 'tensorflow':
      return tfStr(data, shape, dt, options);
    case 'pytorch':
      return torchRepr(data, shape, dt, options);
    case 'json':
      return jsonStr(data, shape, dt);
    case 'tfjs':
      // TF.js tensors are float32 (JS numbers are inferred as float32) and print with their own fixed rules.
      return formatTfjs(data, shape);
    default:
      throw new Error(`unknown print style '${String(style)}'`);
  }
}

/**
 * A short preview for hovers: every axis longer than 2·edgeItems (default 3) keeps only its ends around '...',
 * laid out the way `style` summarises large arrays (for 'json' the preview is no longer valid JSON).
 */
export function summarizeArray(
  values: ArrayLike<number>,
  shape: readonly number[],
  style: PrintStyle,
  dtype?: DType,
  options: { edgeItems?: number; lineWidth?: number } = {},
): string {
  const dt = dtype ?? defaultDType(style);
  const edgeItems = options.edgeItems ?? 3;
  if (style === 'json') {
    checkShape(shape, values.length);
    return jsonStr(toDType(values, dt), shape, dt, { edgeItems });
  }
  // TF.js's print already summarises axes longer than 20 itself.
  if (style === 'tfjs') return formatArray(values, shape, 'tfjs');
  return formatArrayWith(values, shape, style, dt, { threshold: 0, edgeItems, lineWidth: options.lineWidth });
}

/**
 * One value as the style prints a 0-d value: NumPy/TF `str(np.float32(x))` ('0.047425874', '1.0', '1e-05'),
 * PyTorch's element text ('0.0474', '1.'), JSON number text ('null' for NaN, '1e999' for Infinity).
 */
export function formatScalar(value: number, style: PrintStyle, dtype?: DType): string {
  const dt = dtype ?? defaultDType(style);
  const v = dt === 'float32' ? Math.fround(value) : value;
  switch (style) {
    case 'numpy':
    case 'tensorflow':
      return numpyScalarStr(v, dt);
    case 'pytorch':
      return new TorchFormatter([v], TORCH_DEFAULTS.precision).format(v);
    case 'json':
      return jsonNumber(v, dt);
    case 'tfjs':
      return String(Math.fround(value));
    default:
      throw new Error(`unknown print style '${String(style)}'`);
  }
}

/** A shape as the style writes it: '(2, 3)' (NumPy, TF), 'torch.Size([2, 3])' (PyTorch), '[2,3]' (JSON). */
export function formatShape(shape: readonly number[], style: PrintStyle): string {
  if (style === 'pytorch') return `torch.Size([${shape.join(', ')}])`;
  if (style === 'json' || style === 'tfjs') return JSON.stringify(shape);
  return pythonTuple(shape);
}

/** The repr form of the style: NumPy `array([...], dtype=float32)`, TF `<tf.Tensor: ...>`, PyTorch/JSON as formatArray. */
export function formatArrayRepr(
  values: ArrayLike<number>,
  shape: readonly number[],
  style: PrintStyle,
  dtype?: DType,
): string {
  const dt = dtype ?? defaultDType(style);
  checkShape(shape, values.length);
  const data = toDType(values, dt);
  if (style === 'numpy') return numpyRepr(data, shape, dt, NUMPY_DEFAULTS);
  if (style === 'tensorflow') return tfRepr(data, shape, dt, NUMPY_DEFAULTS);
  return formatArrayWith(data, shape, style, dt, {});
}

/** `np.format_float_positional(x, ...)` for a float32 or float64 value (Dragon4, NumPy semantics). */
export function formatFloatPositional(x: number, dtype: DType, options?: PositionalOptions): string {
  return dragon4Positional(dtype === 'float32' ? Math.fround(x) : x, dtype, options);
}

/** `np.format_float_scientific(x, ...)` for a float32 or float64 value (Dragon4, NumPy semantics). */
export function formatFloatScientific(x: number, dtype: DType, options?: ScientificOptions): string {
  return dragon4Scientific(dtype === 'float32' ? Math.fround(x) : x, dtype, options);
}
