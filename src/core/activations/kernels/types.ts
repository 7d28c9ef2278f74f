// The shape of an elementwise kernel: one loop over typed arrays per (dialect, activation).

import type { ActivationId } from '../../types';
import type { ResolvedParams } from '../registry';

/** Activations computed element by element (all but softmax / log_softmax). */
export type ElementwiseId = Exclude<ActivationId, 'softmax' | 'log_softmax'>;

export interface KernelContext {
  /** Indices below this take the vectorised path (TensorFlow: Eigen packets of 8; PyTorch: ATen blocks of 16),
   * the rest the scalar path. */
  packetEnd: number;
  /** Emulate fused multiply-add inside the Eigen / XLA rational approximations. */
  fma: boolean;
}

/**
 * Writes f(x[i]) into y[i] and the dialect's derivative (what its autodiff returns for an upstream
 * gradient of 1) into dy[i]. For framework dialects x is already rounded to float32 (and flushed).
 */
export type Kernel = (
  x: Float64Array,
  y: Float64Array,
  dy: Float64Array,
  p: ResolvedParams,
  ctx: KernelContext,
) => void;

export type KernelTable = Readonly<Record<ElementwiseId, Kernel>>;
