// Generators with each framework's exact float semantics (sources named per function; every float generator
// that PyTorch 1.13 or NumPy 1.24 has is checked against the real framework by test/unit/resolve.oracle.test.ts).
// The element count is computed and checked against maxElements BEFORE any allocation.

import { fma32, fma64, isFloatDType, roundTo, toFloat16 } from './rounding';
import { Stop, type Tensor } from './tensor';
import type { ValueDType, ValueFramework } from './types';

/** PyTorch's CPU vector width on this project's reference build (AVX2: 8 floats, 4 doubles per Vectorized). */
const TORCH_VEC_FLOAT = 8;
const TORCH_VEC_DOUBLE = 4;
/** at::internal::GRAIN_SIZE: above this, parallel_for splits the work by thread count (not modelled). */
const TORCH_GRAIN = 32768;

export function checkCount(count: number, limit: number, what: string): void {
  if (!Number.isFinite(count) || count < 0) throw new Stop(`${what} has an invalid length (${count})`);
  if (count > limit) throw new Stop(`${what} makes ${count} elements`, '', count);
}

function make(values: Float64Array, dtype: ValueDType, framework: ValueFramework, shape?: number[]): Tensor {
  return { values, shape: shape ?? [values.length], dtype, framework, requiresGrad: false };
}

/** Python's range(start, stop, step) (ints only). */
export function pythonRange(start: number, stop: number, step: number, limit: number): Tensor {
  for (const v of [start, stop, step])
    if (!Number.isSafeInteger(v)) throw new Stop(`range() takes integers, got ${v}`);
  if (step === 0) throw new Stop('range() arg 3 must not be zero (ValueError)');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  checkCount(n, limit, 'range()');
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = start + i * step;
  const t = make(out, 'int64', 'python');
  t.list = true;
  return t;
}

/** numpy.arange (NumPy 1.24 `PyArray_ArangeObj` + the dtype's `fill`): [start, start+step], then start + i·delta. */
export function numpyArange(
  start: number,
  stop: number,
  step: number,
  dtype: ValueDType,
  framework: ValueFramework,
  limit: number,
): Tensor {
  if (step === 0) throw new Stop('Maximum allowed size exceeded (numpy.arange with step 0)');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  checkCount(n, limit, 'arange');
  const out = new Float64Array(n);
  if (!isFloatDType(dtype)) {
    for (const v of [start, step])
      if (!Number.isInteger(v))
        throw new Stop(`arange with float arguments and dtype ${dtype} is not modelled`);
    for (let i = 0; i < n; i++) out[i] = start + i * step;
    return make(out, dtype, framework);
  }
  if (dtype !== 'float32' && dtype !== 'float64')
    throw new Stop(`arange with dtype ${dtype} is not modelled (its fill rounds differently)`);
  const r = (v: number): number => roundTo(v, dtype);
  if (n > 0) out[0] = r(start);
  if (n > 1) out[1] = r(start + step);
  if (n > 2) {
    const b0 = out[0];
    const delta = r(out[1] - b0);
    for (let i = 2; i < n; i++) out[i] = r(b0 + r(i * delta));
  }
  return make(out, dtype, framework);
}

/** numpy.linspace (NumPy 1.24 function_base.py): i·step + start in float64, the end point set to stop, then astype. */
export function numpyLinspace(
  start: number,
  stop: number,
  num: number,
  endpoint: boolean,
  dtype: ValueDType,
  framework: ValueFramework,
  limit: number,
): Tensor {
  if (!Number.isInteger(num) || num < 0) throw new Stop(`Number of samples, ${num}, must be non-negative.`);
  checkCount(num, limit, 'linspace');
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const out = new Float64Array(num);
  const step = div > 0 ? delta / div : NaN;
  for (let i = 0; i < num; i++) {
    let y: number;
    if (div > 0) y = step === 0 ? (i / div) * delta + start : i * step + start;
    else y = i * delta + start;
    out[i] = y;
  }
  if (endpoint && num > 1) out[num - 1] = stop;
  if (!isFloatDType(dtype)) for (let i = 0; i < num; i++) out[i] = Math.floor(out[i]);
  else for (let i = 0; i < num; i++) out[i] = roundTo(out[i], dtype);
  return make(out, dtype, framework);
}

/**
 * torch.arange on CPU (ATen `arange_kernel`, PyTorch 1.13, AVX2): size = ceil((end − start)/step) in double;
 * blocks of two Vectorized (16 floats / 8 doubles) start at fma(step, idx, start) in double and hold
 * fma(k, step, base) (the compiler contracts both into FMAs); the tail is scalar fma(step, idx, start); each element is then converted to the dtype.
 */
export function torchArange(
  start: number,
  end: number,
  step: number,
  dtype: ValueDType,
  limit: number,
): Tensor {
  if (step === 0) throw new Stop('step must be nonzero (RuntimeError)');
  if ((step > 0 && end < start) || (step < 0 && end > start))
    throw new Stop('upper bound and larger bound inconsistent with step sign (RuntimeError)');
  const n = Math.ceil((end - start) / step);
  checkCount(n, limit, 'torch.arange');
  const out = new Float64Array(n);
  if (!isFloatDType(dtype)) {
    for (const v of [start, step])
      if (!Number.isInteger(v))
        throw new Stop(`torch.arange with float arguments and dtype ${dtype} is not modelled`);
    for (let i = 0; i < n; i++) out[i] = start + i * step;
    return make(out, dtype, 'pytorch');
  }
  if (dtype !== 'float32' && dtype !== 'float64')
    throw new Stop(`torch.arange with dtype ${dtype} is not modelled (its vector width differs)`);
  if (n > TORCH_GRAIN)
    throw new Stop(
      `torch.arange of ${n} elements is split across threads; its rounding depends on the thread count`,
    );
  const r = (v: number): number => roundTo(v, dtype);
  const V = dtype === 'float64' ? TORCH_VEC_DOUBLE : TORCH_VEC_FLOAT;
  let i = 0;
  while (i + 2 * V <= n) {
    for (let blk = 0; blk < 2; blk++, i += V) {
      const base = r(fma64(step, i, start));
      for (let k = 0; k < V; k++) out[i + k] = r(fma64(k, step, base));
    }
  }
  for (; i < n; i++) out[i] = r(fma64(step, i, start));
  return make(out, dtype, 'pytorch');
}

/**
 * torch.linspace on CPU (ATen `linspace_kernel`, PyTorch 1.13, AVX2), in the dtype's own arithmetic:
 * step = (end − start)/(steps − 1); below steps/2 an element is fma(step, idx, start), above it
 * fma(−step, steps − idx − 1, end); vector blocks add k·step to their first element.
 */
export function torchLinspace(
  start: number,
  end: number,
  steps: number,
  dtype: ValueDType,
  limit: number,
): Tensor {
  if (!Number.isInteger(steps) || steps < 0)
    throw new Stop(`number of steps must be non-negative (got ${steps})`);
  checkCount(steps, limit, 'torch.linspace');
  if (dtype !== 'float32' && dtype !== 'float64')
    throw new Stop(`torch.linspace with dtype ${dtype} is not modelled`);
  if (steps > TORCH_GRAIN)
    throw new Stop(
      `torch.linspace of ${steps} elements is split across threads; its rounding depends on the thread count`,
    );
  const out = new Float64Array(steps);
  if (steps === 0) return make(out, dtype, 'pytorch');
  const f = dtype === 'float32';
  const r = (v: number): number => (f ? Math.fround(v) : v);
  const fma = f ? fma32 : fma64;
  const s = r(start);
  const e = r(end);
  if (steps === 1) {
    out[0] = s;
    return make(out, dtype, 'pytorch');
  }
  const step = r(r(e - s) / r(steps - 1));
  const halfway = Math.floor(steps / 2);
  const scalarAt = (i: number): number => (i < halfway ? fma(step, i, s) : fma(-step, steps - i - 1, e));
  const V = f ? TORCH_VEC_FLOAT : TORCH_VEC_DOUBLE;
  let i = 0;
  while (i + 2 * V <= steps) {
    for (let blk = 0; blk < 2; blk++, i += V) {
      const base = scalarAt(i);
      for (let k = 0; k < V; k++) out[i + k] = r(base + r(k * step));
    }
  }
  for (; i < steps; i++) out[i] = scalarAt(i);
  return make(out, dtype, 'pytorch');
}

/**
 * tf.range. Integer ranges are exact. TensorFlow's float kernel changed across versions (an accumulating
 * `val += delta` loop, later start + i·delta), so a float range is resolved only when every element is exactly
 * representable — then both kernels agree — and refused otherwise.
 */
export function tfRange(start: number, limit: number, delta: number, dtype: ValueDType, max: number): Tensor {
  if (delta === 0) throw new Stop('Requires delta != 0 (InvalidArgumentError)');
  if ((delta > 0 && start > limit) || (delta < 0 && start < limit))
    throw new Stop('Requires start <= limit when delta > 0 (InvalidArgumentError)');
  const isInt = !isFloatDType(dtype);
  const n = isInt
    ? Math.ceil(Math.abs(limit - start) / Math.abs(delta))
    : Math.ceil(
        Math.abs(roundTo(roundTo(limit, dtype) - roundTo(start, dtype), dtype) / roundTo(delta, dtype)),
      );
  checkCount(n, max, 'tf.range');
  const out = new Float64Array(n);
  const s = roundTo(start, dtype);
  const d = roundTo(delta, dtype);
  for (let i = 0; i < n; i++) {
    const v = s + i * d;
    if (roundTo(v, dtype) !== v)
      throw new Stop(
        'tf.range with this float step rounds differently across TensorFlow versions; not modelled',
        'Use integer steps or a literal, or run under the debugger.',
      );
    out[i] = v;
  }
  return make(out, dtype, 'tensorflow');
}

/** tf.linspace (TF 2.x `linspace_nd`, float32 by default): start, start + delta·i for 0 < i < num − 1, stop. */
export function tfLinspace(
  start: number,
  stop: number,
  num: number,
  dtype: ValueDType,
  limit: number,
): Tensor {
  if (!Number.isInteger(num) || num < 0) throw new Stop(`num must be a non-negative integer (got ${num})`);
  checkCount(num, limit, 'tf.linspace');
  if (dtype !== 'float32' && dtype !== 'float64')
    throw new Stop(`tf.linspace with dtype ${dtype} is not modelled`);
  const r = (v: number): number => roundTo(v, dtype);
  const s = r(start);
  const e = r(stop);
  const out = new Float64Array(num);
  const delta = r(r(e - s) / r(Math.max(num - 1, 1)));
  for (let i = 0; i < num; i++) out[i] = i === 0 ? s : i === num - 1 ? e : r(s + r(delta * i));
  return make(out, dtype, 'tensorflow');
}

/** TF.js tf.range (tfjs-core `rangeImpl`): values[i] = values[i−1] + step in a Float32Array (accumulating). */
export function tfjsRange(
  start: number,
  stop: number,
  step: number,
  dtype: ValueDType,
  limit: number,
): Tensor {
  if (step === 0) throw new Stop('Cannot have a step of zero');
  const same = start === stop;
  const upNeg = start < stop && step < 0;
  const downPos = stop < start && step > 1;
  if (same || upNeg || downPos) return make(new Float64Array(0), dtype, 'tfjs');
  const n = Math.abs(Math.ceil((stop - start) / step));
  checkCount(n, limit, 'tf.range');
  if (stop < start && step === 1) step = -1;
  const out = new Float64Array(n);
  const r = dtype === 'int32' ? (v: number): number => v | 0 : Math.fround;
  if (n > 0) out[0] = r(start);
  for (let i = 1; i < n; i++) out[i] = r(out[i - 1] + step);
  return make(out, dtype === 'int32' ? 'int32' : 'float32', 'tfjs');
}

/** TF.js tf.linspace (tfjs-core `linSpaceImpl`): step = (stop − start)/(num − 1), accumulated in a Float32Array. */
export function tfjsLinspace(start: number, stop: number, num: number, limit: number): Tensor {
  if (!Number.isInteger(num) || num <= 0) throw new Stop('The number of values should be positive.');
  checkCount(num, limit, 'tf.linspace');
  const step = (stop - start) / (num - 1);
  const out = new Float64Array(num);
  out[0] = Math.fround(start);
  for (let i = 1; i < num; i++) out[i] = Math.fround(out[i - 1] + step);
  return make(out, 'float32', 'tfjs');
}

/** ones / zeros / full / fill: every element the fill value rounded to the dtype. */
export function filled(
  shape: number[],
  value: number,
  dtype: ValueDType,
  framework: ValueFramework,
  limit: number,
  what: string,
): Tensor {
  for (const d of shape)
    if (!Number.isInteger(d) || d < 0)
      throw new Stop(`${what}: dimensions must be non-negative integers, got ${d}`);
  let n = 1;
  for (const d of shape) n *= d;
  checkCount(n, limit, what);
  if (!isFloatDType(dtype) && !Number.isInteger(value) && dtype !== 'bool')
    throw new Stop(`${what}: a float fill value with dtype ${dtype} is not modelled`);
  const v =
    framework === 'pytorch' && dtype === 'float16' ? toFloat16(Math.fround(value)) : roundTo(value, dtype);
  return make(new Float64Array(n).fill(v), dtype, framework, shape.slice());
}
