// Float32 arithmetic helpers. JavaScript computes in float64; rounding every intermediate result with
// Math.fround gives exact IEEE float32 results for +, −, ×, ÷ and sqrt (double rounding is innocuous
// because 53 ≥ 2·24 + 2). Transcendentals are float64 functions rounded once: Math.fround(Math.exp(x))
// is the correctly rounded float32 exp in all but astronomically rare cases, which is what glibc's
// expf/log1pf/tanhf (and SLEEF's 1-ulp variants) return almost always. Frameworks' own vectorised
// approximations (Eigen pexp, SLEEF) can differ from it by 1 ulp; only the approximations that change
// results visibly (Eigen's rational tanh / logistic / erf) are emulated bit by bit (see eigen.ts).

export const fround = Math.fround;

/** Smallest positive normal float32, 2^−126. */
export const FLT_MIN = 1.1754943508222875e-38;
/** Largest finite float32. */
export const FLT_MAX = 3.4028234663852886e38;

/** Flush-to-zero: a subnormal float32 becomes a zero of the same sign (TF and XLA CPU set FTZ and DAZ). */
export function ftz(v: number): number {
  // Math.abs(…) < FLT_MIN is several times faster in V8 than a two-sided comparison here.
  return Math.abs(v) < FLT_MIN ? v * 0 : v;
}

/** Round to float32, then flush subnormals (TF / XLA-CPU arithmetic). */
export function f32ftz(v: number): number {
  const r = Math.fround(v);
  return Math.abs(r) < FLT_MIN ? r * 0 : r;
}

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** The float32 neighbour of the float32 value r in the direction of `up` (nextafterf). */
export function nextFloat32(r: number, up: boolean): number {
  if (r !== r) return r;
  if (r === 0) return up ? 1.401298464324817e-45 : -1.401298464324817e-45;
  if (r === Infinity) return up ? r : FLT_MAX;
  if (r === -Infinity) return up ? -FLT_MAX : r;
  F32[0] = r;
  if (r > 0 === up) U32[0] = U32[0] + 1;
  else U32[0] = U32[0] - 1;
  return F32[0];
}

/**
 * Fused multiply-add a·b + c rounded once to float32 (a, b, c float32). a·b is exact in float64; the sum
 * is exact as s + err (TwoSum); the only case where rounding s to float32 differs from rounding the
 * exact sum is when s sits exactly on a float32 midpoint, which err then breaks.
 */
export function fmaf(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const r = Math.fround(s);
  const bb = s - p;
  const err = p - (s - bb) + (c - bb);
  if (err === 0 || s === r || s !== s) return r;
  const n = nextFloat32(r, s > r);
  if ((r + n) / 2 === s) return err > 0 ? Math.max(r, n) : Math.min(r, n);
  return r;
}

/**
 * Order-preserving integer key of a float32 (−0 and +0 share 0): adjacent float32 values have adjacent
 * keys, so bisection over keys visits float32 values, not float64 ones.
 */
export function float32ToOrdinal(v: number): number {
  F32[0] = v;
  const u = U32[0];
  return u & 0x80000000 ? -(u & 0x7fffffff) : u;
}

/** Inverse of float32ToOrdinal. */
export function ordinalToFloat32(k: number): number {
  U32[0] = k < 0 ? (-k | 0x80000000) >>> 0 : k;
  return F32[0];
}

/** How a dialect stores a tensor element: float64 (`exact`), float32 keeping subnormals (PyTorch, TF.js), or
 * float32 with flush-to-zero (TensorFlow, XLA CPU). The one place that decides it. */
export type Storage = 'float64' | 'float32' | 'float32ftz';

export function storageOf(dialect: 'exact' | 'tensorflow' | 'pytorch' | 'jax' | 'tfjs'): Storage {
  if (dialect === 'exact') return 'float64';
  return dialect === 'pytorch' || dialect === 'tfjs' ? 'float32' : 'float32ftz';
}

/** The rounding of one element for a dialect's storage. */
export function storeFor(
  dialect: 'exact' | 'tensorflow' | 'pytorch' | 'jax' | 'tfjs',
): (v: number) => number {
  const storage = storageOf(dialect);
  return storage === 'float64' ? Number : storage === 'float32' ? Math.fround : f32ftz;
}
