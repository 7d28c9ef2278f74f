// evaluate / sampleCurve / softmaxJacobian: input validation, float32 input rounding per dialect, and
// dispatch to the per-dialect kernels.

import { DIALECTS, type ActivationId, type Dialect, type EvaluateOptions, type Evaluation } from '../types';
import { tfPacketEnd } from './eigen';
import { f32ftz, storageOf, storeFor } from './float32';
import { EXACT_KERNELS } from './kernels/exact';
import { JAX_KERNELS } from './kernels/jax';
import { PYTORCH_KERNELS, atenVectorEnd } from './kernels/pytorch';
import { TENSORFLOW_KERNELS } from './kernels/tensorflow';
import { TFJS_KERNELS } from './kernels/tfjs';
import type { ElementwiseId, KernelContext, KernelTable } from './kernels/types';
import { getActivation, resolveParams, type ResolvedParams } from './registry';
import { vectorJacobian, vectorKernel, type VectorId } from './vector';

/**
 * EvaluateOptions plus two emulation switches.
 * - eigenPath (tensorflow; pytorch's hardswish gradient, whose vectorised loop of 16 and scalar tail differ at
 *   x = 3): 'executor' (default in evaluate) reproduces TF's CPU executor: the first
 *   ⌊n/8⌋·8 elements take Eigen's vectorised path, the last n mod 8 the scalar path (this only changes
 *   sigmoid and silu, whose 2018 Eigen packet path is a rational approximation); 'packet' / 'scalar'
 *   force one path (sampleCurve and the saturation scans use 'packet', the path of large tensors).
 * - fma: emulate fused multiply-adds inside the Eigen/XLA rationals. Defaults: tensorflow false (x86
 *   wheels were built without FMA), jax true (XLA JIT on an FMA host).
 */
export interface ActivationEvaluateOptions extends EvaluateOptions {
  eigenPath?: 'executor' | 'packet' | 'scalar';
  fma?: boolean;
}

const TABLES: Record<Dialect, KernelTable> = {
  exact: EXACT_KERNELS,
  tensorflow: TENSORFLOW_KERNELS,
  pytorch: PYTORCH_KERNELS,
  jax: JAX_KERNELS,
  tfjs: TFJS_KERNELS,
};

/** The dialect of the options, validated (default 'exact'). */
export function dialectOf(options: EvaluateOptions | undefined): Dialect {
  const d = options?.dialect ?? 'exact';
  if (!DIALECTS.includes(d)) throw new Error(`Unknown dialect "${String(d)}". Known: ${DIALECTS.join(', ')}`);
  return d;
}

/** Rounds an input to what the dialect stores: float64, float32, or float32 with flush-to-zero. */
export function roundInput(v: number, dialect: Dialect): number {
  return storeFor(dialect)(v);
}

/** Copies the inputs into a Float64Array rounded as the dialect stores them (one monomorphic loop per storage: this
 * runs on every element of every evaluation). */
function toInputArray(values: ArrayLike<number>, dialect: Dialect): Float64Array {
  const n = values.length;
  const x = new Float64Array(n);
  const storage = storageOf(dialect);
  if (storage === 'float64') {
    if (values instanceof Float64Array) x.set(values);
    else for (let i = 0; i < n; i++) x[i] = Number(values[i]);
  } else if (storage === 'float32') {
    for (let i = 0; i < n; i++) x[i] = Math.fround(Number(values[i]));
  } else {
    for (let i = 0; i < n; i++) x[i] = f32ftz(Number(values[i]));
  }
  return x;
}

/** Kernel context for n elements. */
function contextFor(
  dialect: Dialect,
  n: number,
  options: ActivationEvaluateOptions | undefined,
  defaultPath: string,
): KernelContext {
  const path = options?.eigenPath ?? defaultPath;
  if (path !== 'executor' && path !== 'packet' && path !== 'scalar') {
    throw new Error(`Unknown eigenPath "${String(path)}". Known: executor, packet, scalar`);
  }
  return {
    packetEnd:
      path === 'executor'
        ? dialect === 'pytorch'
          ? atenVectorEnd(n)
          : tfPacketEnd(n)
        : path === 'packet'
          ? n
          : 0,
    fma: options?.fma ?? dialect === 'jax',
  };
}

/** Low-level: runs one elementwise kernel on already-rounded inputs (used by the saturation scans). */
export function runElementwise(
  id: ElementwiseId,
  dialect: Dialect,
  x: Float64Array,
  y: Float64Array,
  dy: Float64Array,
  p: ResolvedParams,
  ctx: KernelContext,
): void {
  TABLES[dialect][id](x, y, dy, p, ctx);
}

/** Resolved kernel context for a dialect and options (exported for the saturation module). */
export function kernelContext(
  dialect: Dialect,
  n: number,
  options?: ActivationEvaluateOptions,
  defaultPath: 'executor' | 'packet' | 'scalar' = 'packet',
): KernelContext {
  return contextFor(dialect, n, options, defaultPath);
}

function checkShape(shape: readonly number[], length: number): void {
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0)
      throw new Error(`Invalid shape [${shape.join(', ')}]: dimensions must be integers ≥ 0`);
    size *= d;
  }
  if (size !== length) {
    throw new Error(`Shape [${shape.join(', ')}] holds ${size} values but ${length} were given`);
  }
}

/**
 * Values and elementwise derivative of activation `id` over a flat array of the given shape (row-major).
 * softmax / log_softmax work along the last axis and return the Jacobian diagonal as the derivative.
 * Framework dialects round inputs to float32 first and return float32 values (stored in Float64Array).
 */
export function evaluate(
  id: string,
  values: ArrayLike<number>,
  shape: readonly number[],
  options?: ActivationEvaluateOptions,
): Evaluation {
  const info = getActivation(id);
  const dialect = dialectOf(options);
  const p = resolveParams(info.id, dialect, options?.params);
  checkShape(shape, values.length);
  const n = values.length;
  const x = toInputArray(values, dialect);
  const y = new Float64Array(n);
  const dy = new Float64Array(n);
  if (info.vector) {
    if (shape.length === 0)
      throw new Error(`${id} needs at least one axis (it works along the last axis); got a scalar`);
    vectorKernel(info.id as VectorId, dialect, x, y, dy, shape[shape.length - 1]);
  } else {
    TABLES[dialect][info.id as ElementwiseId](x, y, dy, p, contextFor(dialect, n, options, 'executor'));
  }
  return { values: y, derivative: dy };
}

/** Full Jacobian ∂out_i/∂x_j of softmax or log_softmax for one row, as the dialect's autodiff builds it. */
export function softmaxJacobian(
  id: 'softmax' | 'log_softmax',
  row: ArrayLike<number>,
  options?: EvaluateOptions,
): number[][] {
  if (id !== 'softmax' && id !== 'log_softmax') {
    throw new Error(`softmaxJacobian supports softmax and log_softmax, not "${String(id)}"`);
  }
  const dialect = dialectOf(options);
  resolveParams(id, dialect, options?.params);
  const x = new Float64Array(row.length);
  for (let i = 0; i < row.length; i++) x[i] = roundInput(Number(row[i]), dialect);
  return vectorJacobian(id, dialect, x);
}

/**
 * Samples f and its derivative at `samples` evenly spaced points of [domain[0], domain[1]] (both ends
 * included). For framework dialects x is rounded to float32 (the returned x are those rounded points)
 * and TensorFlow's sigmoid takes the packet path. Throws for softmax / log_softmax: a 1-D curve of a
 * function of a whole vector is meaningless.
 */
export function sampleCurve(
  id: string,
  domain: readonly [number, number],
  samples: number,
  options?: ActivationEvaluateOptions,
): { x: Float64Array; y: Float64Array; dy: Float64Array } {
  const info = getActivation(id);
  if (info.vector) {
    throw new Error(
      `${id} is a function of a whole vector (it normalises along the last axis); it has no 1-D curve. Evaluate it on an array instead.`,
    );
  }
  const dialect = dialectOf(options);
  const p = resolveParams(info.id, dialect, options?.params);
  const [lo, hi] = domain;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
    throw new Error(`Invalid domain [${lo}, ${hi}]: need finite lo < hi`);
  }
  if (!Number.isInteger(samples) || samples < 2)
    throw new Error(`samples must be an integer ≥ 2, got ${samples}`);
  const x = new Float64Array(samples);
  const step = (hi - lo) / (samples - 1);
  for (let i = 0; i < samples; i++) x[i] = roundInput(i === samples - 1 ? hi : lo + i * step, dialect);
  const y = new Float64Array(samples);
  const dy = new Float64Array(samples);
  TABLES[dialect][info.id as ElementwiseId](x, y, dy, p, contextFor(dialect, samples, options, 'packet'));
  return { x, y, dy };
}

/** The ids that are elementwise (not softmax / log_softmax). */
export function isElementwise(id: ActivationId): id is ElementwiseId {
  return id !== 'softmax' && id !== 'log_softmax';
}
