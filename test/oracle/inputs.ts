// The inputs every oracle runs: float32 edge values (±0, kinks, denormals, saturation tails, ±inf, NaN, the
// frameworks' own cut-offs), random grids from a fixed seed, 1-D and 2-D, and large logits for softmax.

/** float32 neighbour of x towards +∞ (up) or −∞. */
export function nextF32(x: number, up: boolean): number {
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer);
  if (f[0] === 0) return up ? 1.401298464324817e-45 : -1.401298464324817e-45;
  if (f[0] > 0 === up) u[0]++;
  else u[0]--;
  return f[0];
}

const around = (x: number): number[] => [nextF32(x, false), x, nextF32(x, true)];

/** Edge values, as float32. Kinks: 0, ±3 (hard sigmoid/swish), 6 (relu6); cut-offs: softplus 20 and
 * log(FLT_EPSILON) + 2 ≈ −13.94, Eigen's tanh clamp ±9, XLA's 7.9988, sigmoid clamp ±18, exp overflow 88.72. */
export const EDGE_VALUES: readonly number[] = [
  0,
  -0,
  ...around(1),
  -1,
  0.5,
  -0.5,
  0.2,
  -0.2,
  2,
  -2,
  ...around(3),
  ...around(-3),
  ...around(6),
  -6,
  4,
  -4,
  ...around(9),
  -9,
  7.99881172,
  -8.51089,
  ...around(10),
  -10,
  ...around(-13.942385),
  13.942385,
  15,
  -15,
  ...around(18),
  -18,
  ...around(20),
  -20,
  30,
  -30,
  50,
  -50,
  87,
  -87,
  88.72,
  -88.72,
  89,
  -89,
  100,
  -100,
  -104,
  1e4,
  -1e4,
  3.4028234663852886e38,
  -3.4028234663852886e38,
  1.1754943508222875e-38,
  -1.1754943508222875e-38,
  1e-40,
  -1e-40,
  1.401298464324817e-45,
  -1.401298464324817e-45,
  1e-30,
  -1e-30,
  1e-8,
  -1e-8,
  1e-4,
  -1e-4,
  Infinity,
  -Infinity,
  NaN,
].map((v) => Math.fround(v));

/** mulberry32: a small seeded PRNG, so every run sees the same "random" grid. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n float32 values uniform in [lo, hi). */
export function uniformGrid(seed: number, n: number, lo: number, hi: number): number[] {
  const r = seeded(seed);
  return Array.from({ length: n }, () => Math.fround(lo + (hi - lo) * r()));
}

/** n float32 values with random sign and magnitude 10^[-12, 12). */
export function logGrid(seed: number, n: number): number[] {
  const r = seeded(seed);
  return Array.from({ length: n }, () => Math.fround((r() < 0.5 ? -1 : 1) * 10 ** (-12 + 24 * r())));
}

export interface OracleInput {
  name: string;
  values: number[];
  shape: number[];
}

/** The inputs of the elementwise activations: edges (1-D), a uniform grid (1-D, 64), the same grid as 8×8. */
export function elementwiseInputs(): OracleInput[] {
  const grid = uniformGrid(20190601, 64, -12, 12);
  return [
    { name: 'edges', values: [...EDGE_VALUES], shape: [EDGE_VALUES.length] },
    { name: 'grid64', values: grid, shape: [64] },
    { name: 'grid8x8', values: grid, shape: [8, 8] },
    { name: 'log64', values: logGrid(7, 64), shape: [64] },
    { name: 'seed7', values: [-3, -2, -1, 0, 1, 2, 3], shape: [7] },
  ];
}

/** The inputs of softmax / log_softmax (rows along the last axis). */
export function vectorInputs(): OracleInput[] {
  const grid = uniformGrid(424242, 24, -8, 8);
  return [
    { name: 'seed', values: [1, 2, 3, 4, 1, 2, 3], shape: [7] },
    { name: 'large logits', values: [1000, 0, -1000, 88, 89, 1e4], shape: [6] },
    { name: 'ties and zeros', values: [0, -0, 0, 0], shape: [4] },
    { name: 'tiny', values: [1e-40, -1e-40, 1e-30, 0], shape: [4] },
    { name: 'grid 4x6', values: grid, shape: [4, 6] },
    { name: 'with -inf', values: [-Infinity, 0, 1, 2], shape: [4] },
    { name: 'with +inf', values: [Infinity, 0, 1], shape: [3] },
    { name: 'with nan', values: [NaN, 0, 1], shape: [3] },
    { name: 'single', values: [5], shape: [1] },
    { name: 'wide range', values: [-100, -50, 0, 30, 60, 87], shape: [6] },
  ];
}

/** float32 values ↔ uint32 bit patterns (so −0, NaN, ±∞ and denormals cross JSON unchanged). */
export function f32Bits(values: ArrayLike<number>): number[] {
  return Array.from(
    new Uint32Array(Float32Array.from({ length: values.length }, (_, i) => values[i]).buffer),
  );
}
export function bitsF32(bits: readonly number[]): Float32Array {
  return new Float32Array(Uint32Array.from(bits).buffer);
}
/** float64 values ↔ pairs of uint32 words (little-endian). */
export function f64Bits(values: ArrayLike<number>): number[] {
  return Array.from(
    new Uint32Array(Float64Array.from({ length: values.length }, (_, i) => values[i]).buffer),
  );
}
export function bitsF64(bits: readonly number[]): Float64Array {
  return new Float64Array(Uint32Array.from(bits).buffer);
}
