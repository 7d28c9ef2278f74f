// The exact-maths model of each elementwise activation that the saturation analysis needs: its float64
// derivative, the points that split the line into pieces where |f'| is monotone (kinks, zeros of f',
// extrema of f'), where f' is identically 0 (and f too), and, where they exist in closed form, the
// solutions of |f'(x)| = ε.
//
// The model follows the dialect's *definition* (its parameter defaults; hard_sigmoid's slope, 0.2 in the
// tensorflow dialect) in exact arithmetic, never its float32 rounding.

import type { Dialect } from '../types';
import { EXACT_KERNELS } from '../activations/kernels/exact';
import type { ElementwiseId } from '../activations/kernels/types';
import { HARD_SIGMOID_SIXTH, SELU_LAMBDA_ALPHA, type ResolvedParams } from '../activations/registry';
import { sigmoid64 } from '../activations/kernels/exact';

export interface DerivativeModel {
  /** Exact f'(x) (right-hand derivative at kinks). */
  deriv(x: number): number;
  /** Points where f' jumps. */
  kinks: readonly number[];
  /** Zeros of f' and extrema of f' (with kinks they make |f'| monotone on each piece). */
  criticals: readonly number[];
  /** f' ≡ 0 on [x, x + h) for small h > 0. */
  flatZero(x: number): boolean;
  /** f ≡ 0 on [x, x + h) for small h > 0 (a dead unit where also flatZero). */
  valueZero(x: number): boolean;
  /** Closed-form solutions of |f'(x)| = ε, when known (then no bisection is needed). */
  crossings?(eps: number): number[];
}

const X1 = new Float64Array(1);
const Y1 = new Float64Array(1);
const D1 = new Float64Array(1);
const CTX = { packetEnd: 0, fma: false };

function exactDeriv(id: ElementwiseId, p: ResolvedParams): (x: number) => number {
  const k = EXACT_KERNELS[id];
  return (x: number) => {
    X1[0] = x;
    k(X1, Y1, D1, p, CTX);
    return D1[0];
  };
}

/** Bisection for a sign change of g on [a, b] (g(a), g(b) of opposite signs) to full float64 precision. */
export function bisect(g: (x: number) => number, a: number, b: number): number {
  let ga = g(a);
  for (let i = 0; i < 2000; i++) {
    const m = a + (b - a) / 2;
    if (m <= a || m >= b) break;
    const gm = g(m);
    if (gm === 0) return m;
    if (gm < 0 === ga < 0) {
      a = m;
      ga = gm;
    } else {
      b = m;
    }
  }
  return a + (b - a) / 2;
}

/** All sign changes of g on a uniform grid over [lo, hi], refined by bisection. */
function gridRoots(g: (x: number) => number, lo: number, hi: number, steps: number): number[] {
  const out: number[] = [];
  let xPrev = lo;
  let gPrev = g(lo);
  for (let i = 1; i <= steps; i++) {
    const x = lo + ((hi - lo) * i) / steps;
    const gx = g(x);
    if (gx === 0) out.push(x);
    else if (gPrev !== 0 && gx < 0 !== gPrev < 0) out.push(bisect(g, xPrev, x));
    xPrev = x;
    gPrev = gx;
  }
  return out;
}

/** x with σ(x) = ε and with σ(x) = 1 − ε: ±ln((1 − ε)/ε)… here the positive root ln((1−ε)/ε). */
function logitComplement(eps: number): number {
  return Math.log((1 - eps) / eps);
}

const GELU_K = 0.7978845608028654;
const GELU_C = 0.044715;

let siluZ: { zero: number; lo: number; hi: number } | null = null;
/** Zeros of g(z) = σ(z)(1 + zσ(−z)) (silu′ at β = 1) and of g′(z) ∝ 2 + z(1 − 2σ(z)). */
function siluCriticalZ(): { zero: number; lo: number; hi: number } {
  if (!siluZ) {
    const g = (z: number): number => 1 + z * sigmoid64(-z);
    const h = (z: number): number => 2 + z * (1 - 2 * sigmoid64(z));
    siluZ = { zero: bisect(g, -2, -1), lo: bisect(h, -3, -2), hi: bisect(h, 2, 3) };
  }
  return siluZ;
}

let mishCrit: number[] | null = null;
function mishCriticals(): number[] {
  if (!mishCrit) {
    const d = exactDeriv('mish', { alpha: NaN, beta: NaN, threshold: NaN, slope: NaN });
    // f'' = σ(1 − T²)·[2 + x(1 − σ) − 2xσT] with T = tanh(softplus x).
    const h = (x: number): number => {
      const s = sigmoid64(x);
      const t = Math.tanh(Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
      return 2 + x * (1 - s) - 2 * x * s * t;
    };
    mishCrit = [...gridRoots(d, -20, 20, 4000), ...gridRoots(h, -20, 20, 4000)].sort((a, b) => a - b);
  }
  return mishCrit;
}

let geluTanhCrit: number[] | null = null;
function geluTanhCriticals(): number[] {
  if (!geluTanhCrit) {
    const d = exactDeriv('gelu_tanh', { alpha: NaN, beta: NaN, threshold: NaN, slope: NaN });
    // f'' = (1 − t²)·[u' − x·t·u'² + 3kc·x²], u = k(x + cx³).
    const h = (x: number): number => {
      const u1 = GELU_K * (1 + 3 * GELU_C * x * x);
      const t = Math.tanh(GELU_K * (x + GELU_C * x * x * x));
      return u1 - x * t * u1 * u1 + 3 * GELU_K * GELU_C * x * x;
    };
    geluTanhCrit = [...gridRoots(d, -10, 10, 4000), ...gridRoots(h, -10, 10, 4000)].sort((a, b) => a - b);
  }
  return geluTanhCrit;
}

let geluZero: number | null = null;

const never = (): boolean => false;

/** The derivative model of an elementwise activation under a dialect's definition and resolved params. */
export function derivativeModel(id: ElementwiseId, _dialect: Dialect, p: ResolvedParams): DerivativeModel {
  const deriv = exactDeriv(id, p);
  switch (id) {
    case 'sigmoid':
      return {
        deriv,
        kinks: [],
        criticals: [0],
        flatZero: never,
        valueZero: never,
        crossings: (eps) => {
          if (!(eps < 0.25)) return [];
          // σ(1 − σ) = ε ⇔ x = ±2·ln((1 + r)/(2√ε)), r = √(1 − 4ε).
          const x = 2 * Math.log((1 + Math.sqrt(1 - 4 * eps)) / (2 * Math.sqrt(eps)));
          return [-x, x];
        },
      };
    case 'tanh':
      return {
        deriv,
        kinks: [],
        criticals: [0],
        flatZero: never,
        valueZero: never,
        crossings: (eps) => {
          if (!(eps < 1)) return [];
          // sech²x = ε ⇔ |x| = ln((1 + √(1 − ε))/√ε).
          const x = Math.log((1 + Math.sqrt(1 - eps)) / Math.sqrt(eps));
          return [-x, x];
        },
      };
    case 'relu':
      return {
        deriv,
        kinks: [0],
        criticals: [],
        flatZero: (x) => x < 0,
        valueZero: (x) => x < 0,
        crossings: () => [],
      };
    case 'relu6':
      return {
        deriv,
        kinks: [0, 6],
        criticals: [],
        flatZero: (x) => x < 0 || x >= 6,
        valueZero: (x) => x < 0,
        crossings: () => [],
      };
    case 'leaky_relu':
    case 'prelu': {
      const a = p.alpha;
      return {
        deriv,
        kinks: [0],
        criticals: [],
        flatZero: (x) => a === 0 && x < 0,
        valueZero: (x) => a === 0 && x < 0,
        crossings: () => [],
      };
    }
    case 'elu':
    case 'selu':
    case 'celu': {
      const a = id === 'selu' ? SELU_LAMBDA_ALPHA : p.alpha;
      return {
        deriv,
        kinks: id === 'celu' ? [] : [0],
        criticals: [],
        flatZero: (x) => a === 0 && x < 0,
        valueZero: (x) => a === 0 && x < 0,
        crossings: (eps) => {
          // x < 0: |f'| = |a|·e^x (elu, selu) or e^{x/α} (celu).
          if (a === 0) return [];
          const x = id === 'celu' ? a * Math.log(eps) : Math.log(eps / Math.abs(a));
          return x < 0 ? [x] : [];
        },
      };
    }
    case 'gelu': {
      if (geluZero === null) geluZero = bisect(deriv, -1, -0.5);
      return {
        deriv,
        kinks: [],
        criticals: [-Math.SQRT2, geluZero, Math.SQRT2],
        flatZero: never,
        valueZero: never,
      };
    }
    case 'gelu_tanh':
      return { deriv, kinks: [], criticals: geluTanhCriticals(), flatZero: never, valueZero: never };
    case 'silu': {
      const b = p.beta;
      const z = siluCriticalZ();
      const crit = b === 0 ? [] : [z.lo / b, z.zero / b, z.hi / b].sort((u, v) => u - v);
      return { deriv, kinks: [], criticals: crit, flatZero: never, valueZero: never };
    }
    case 'mish':
      return { deriv, kinks: [], criticals: mishCriticals(), flatZero: never, valueZero: never };
    case 'softplus':
      return {
        deriv,
        kinks: [],
        criticals: [],
        flatZero: never,
        valueZero: never,
        // σ(βx) = ε ⇔ x = −ln((1 − ε)/ε)/β.
        crossings: (eps) => (eps < 1 ? [-logitComplement(eps) / p.beta] : []),
      };
    case 'softsign':
      return {
        deriv,
        kinks: [],
        criticals: [0],
        flatZero: never,
        valueZero: never,
        crossings: (eps) => {
          if (!(eps < 1)) return [];
          const x = 1 / Math.sqrt(eps) - 1;
          return [-x, x];
        },
      };
    case 'hard_sigmoid': {
      if (p.slope !== HARD_SIGMOID_SIXTH) {
        // clip(s·x + 0.5, 0, 1) (Keras 2: s = 0.2), slope s on [−0.5/s, 0.5/s).
        const s = p.slope;
        const lo = -0.5 / s;
        const hi = 0.5 / s;
        return {
          deriv: (x) => (x >= lo && x < hi ? s : x === x ? 0 : x),
          kinks: [lo, hi],
          criticals: [],
          flatZero: (x) => x < lo || x >= hi,
          valueZero: (x) => x < lo,
          crossings: () => [],
        };
      }
      return {
        deriv,
        kinks: [-3, 3],
        criticals: [],
        flatZero: (x) => x < -3 || x >= 3,
        valueZero: (x) => x < -3,
        crossings: () => [],
      };
    }
    case 'hard_swish':
      return {
        deriv,
        kinks: [-3, 3],
        criticals: [-1.5],
        flatZero: (x) => x < -3,
        valueZero: (x) => x < -3,
        // |2x + 3|/6 = ε on (−3, 3).
        crossings: (eps) => [-1.5 - 3 * eps, -1.5 + 3 * eps].filter((x) => x > -3 && x < 3),
      };
    case 'exponential':
      return {
        deriv,
        kinks: [],
        criticals: [],
        flatZero: never,
        valueZero: never,
        crossings: (eps) => [Math.log(eps)],
      };
    case 'log_sigmoid':
      return {
        deriv,
        kinks: [],
        criticals: [],
        flatZero: never,
        valueZero: never,
        // σ(−x) = ε ⇔ x = ln((1 − ε)/ε).
        crossings: (eps) => (eps < 1 ? [logitComplement(eps)] : []),
      };
  }
}
