// The `exact` dialect against an independent 110-digit reference written here with BigInt fixed-point
// arithmetic (Taylor series for exp and erf, atanh series for ln, the Laplace continued fraction for
// erfc in the tail, Machin's formula for π): values and derivatives agree to 1e-12 relative. Derivatives
// are also checked against central finite differences at 1000 points per activation, and the kink
// convention (right-hand derivative) against one-sided differences.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATION_IDS, erf, erfc, evaluate, getActivation, sampleCurve } from '../../src/core/activations';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

// ---------------------------------------------------------------- 110-digit fixed point
const DIGITS = 110n;
const S = 10n ** DIGITS;
type H = bigint;
const mul = (a: H, b: H): H => (a * b) / S;
const div = (a: H, b: H): H => (a * S) / b;
const ONE = S;

function fromNumber(x: number): H {
  if (x === 0) return 0n;
  let m = x;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  const M = BigInt(m);
  return e < 0 ? (M * S) / 2n ** BigInt(-e) : M * S;
}
function toNumber(a: H): number {
  const neg = a < 0n;
  const s = (neg ? -a : a).toString().padStart(Number(DIGITS) + 1, '0');
  const v = Number(`${s.slice(0, s.length - Number(DIGITS))}.${s.slice(s.length - Number(DIGITS))}`);
  return neg ? -v : v;
}
function atanInv(n: bigint): H {
  let term = S / n;
  let sum = term;
  let k = 1n;
  let sign = -1n;
  while (term !== 0n) {
    term /= n * n;
    sum += (sign * term) / (2n * k + 1n);
    sign = -sign;
    k++;
  }
  return sum;
}
const PI = 16n * atanInv(5n) - 4n * atanInv(239n);
function sqrtH(a: H): H {
  const n = a * S;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
const SQRT_PI = sqrtH(PI);
const SQRT2 = sqrtH(2n * S);
function expH(a: H): H {
  if (a < 0n) return div(ONE, expH(-a));
  let k = 0;
  let r = a;
  while (r > S / 16n) {
    r /= 2n;
    k++;
  }
  let term = ONE;
  let sum = ONE;
  for (let n = 1n; term !== 0n; n++) {
    term = mul(term, r) / n;
    sum += term;
  }
  for (let i = 0; i < k; i++) sum = mul(sum, sum);
  return sum;
}
function atanhSeries(z: H): H {
  const z2 = mul(z, z);
  let p = z;
  let sum = z;
  for (let k = 3n; p !== 0n; k += 2n) {
    p = mul(p, z2);
    sum += p / k;
  }
  return sum;
}
const LN2 = 2n * atanhSeries(div(ONE, 3n * ONE));
function lnH(a: H): H {
  if (a <= 0n) throw new Error('ln of a non-positive number');
  let k = 0n;
  let m = a;
  while (m >= ONE) {
    m /= 2n;
    k++;
  }
  while (m < ONE / 2n) {
    m *= 2n;
    k--;
  }
  return 2n * atanhSeries(div(m - ONE, m + ONE)) + k * LN2;
}
function erfcH(z: H): H {
  if (z < 0n) return 2n * ONE - erfcH(-z);
  if (z <= 6n * ONE) {
    // erf = 2/√π Σ (−1)^n z^(2n+1) / (n!(2n+1))
    const z2 = mul(z, z);
    let p = z;
    let sum = z;
    for (let n = 1n; p !== 0n; n++) {
      p = -mul(p, z2) / n;
      sum += p / (2n * n + 1n);
    }
    return ONE - div(2n * sum, SQRT_PI);
  }
  // erfc(z) = e^{−z²}/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …))))
  let t = z;
  for (let k = 400n; k >= 1n; k--) t = z + div((k * ONE) / 2n, t);
  return div(mul(expH(-mul(z, z)), div(ONE, t)), SQRT_PI);
}
/**
 * erfc(z) for z > 0 as a float64 built from a scaled reference: erfc = (e^{z²}·erfc(z))·e^{−z² + k·ln 10}·10^{−k},
 * so tiny tail values keep all their digits (the fixed-point format alone would underflow).
 */
const LN10 = lnH(10n * ONE);
function erfcNumber(x: number): number {
  if (x <= 6) return toNumber(erfcH(fromNumber(x)));
  const z = fromNumber(x);
  let t = z;
  for (let k = 400n; k >= 1n; k--) t = z + div((k * ONE) / 2n, t);
  const erfcx = div(div(ONE, t), SQRT_PI);
  const z2 = mul(z, z);
  const k = z2 / LN10; // integer part of z²/ln 10
  const mant = mul(erfcx, expH(-z2 + k * LN10));
  return Number(`${toNumber(mant).toPrecision(17)}e-${k}`);
}
const sigH = (a: H): H => div(ONE, ONE + expH(-a));
const tanhH = (a: H): H => {
  const e = expH(2n * a);
  return div(e - ONE, e + ONE);
};

// ---------------------------------------------------------------- references (value, derivative)
const LAMBDA = fromNumber(1.0507009873554805);
const ALPHA_SELU = fromNumber(1.6732632423543772);
const half = ONE / 2n;

type Ref = (x: H) => [H, H];
const REFS: Record<string, { ref: Ref; range: [number, number]; params?: Record<string, number> }> = {
  sigmoid: {
    ref: (x) => {
      const s = sigH(x);
      return [s, mul(s, ONE - s)];
    },
    range: [-40, 40],
  },
  tanh: {
    ref: (x) => {
      const t = tanhH(x);
      return [t, ONE - mul(t, t)];
    },
    range: [-25, 25],
  },
  elu: {
    ref: (x) => (x >= 0n ? [x, ONE] : [mul(fromNumber(1.3), expH(x) - ONE), mul(fromNumber(1.3), expH(x))]),
    range: [-30, 10],
    params: { alpha: 1.3 },
  },
  selu: {
    ref: (x) =>
      x >= 0n
        ? [mul(LAMBDA, x), LAMBDA]
        : [mul(mul(LAMBDA, ALPHA_SELU), expH(x) - ONE), mul(mul(LAMBDA, ALPHA_SELU), expH(x))],
    range: [-30, 10],
  },
  celu: {
    ref: (x) => {
      if (x >= 0n) return [x, ONE];
      const a = fromNumber(0.7);
      const e = expH(div(x, a));
      return [mul(a, e - ONE), e];
    },
    range: [-20, 10],
    params: { alpha: 0.7 },
  },
  gelu: {
    ref: (x) => {
      const cdf = erfcH(-div(x, SQRT2)) / 2n;
      const pdf = div(expH(-mul(x, x) / 2n), sqrtH(2n * PI));
      return [mul(x, cdf), cdf + mul(x, pdf)];
    },
    range: [-12, 12],
  },
  gelu_tanh: {
    ref: (x) => {
      const k = sqrtH(div(2n * ONE, PI));
      const c = fromNumber(0.044715);
      const x2 = mul(x, x);
      const t = tanhH(mul(k, x + mul(c, mul(x2, x))));
      const du = mul(k, ONE + 3n * mul(c, x2));
      return [mul(mul(half, x), ONE + t), mul(half, ONE + t) + mul(mul(mul(half, x), ONE - mul(t, t)), du)];
    },
    range: [-6, 10],
  },
  silu: {
    ref: (x) => {
      const b = fromNumber(1.7);
      const z = mul(b, x);
      const s = sigH(z);
      return [mul(x, s), mul(s, ONE + mul(z, ONE - s))];
    },
    range: [-25, 25],
    params: { beta: 1.7 },
  },
  mish: {
    ref: (x) => {
      const sp = lnH(ONE + expH(x));
      const t = tanhH(sp);
      return [mul(x, t), t + mul(mul(x, sigH(x)), ONE - mul(t, t))];
    },
    range: [-30, 30],
  },
  softplus: {
    ref: (x) => {
      const b = fromNumber(2.5);
      const z = mul(b, x);
      return [div(lnH(ONE + expH(z)), b), sigH(z)];
    },
    range: [-15, 15],
    params: { beta: 2.5 },
  },
  softsign: {
    ref: (x) => {
      const a = ONE + (x < 0n ? -x : x);
      return [div(x, a), div(ONE, mul(a, a))];
    },
    range: [-1e6, 1e6],
  },
  exponential: {
    ref: (x) => {
      const e = expH(x);
      return [e, e];
    },
    range: [-60, 60],
  },
  log_sigmoid: {
    ref: (x) => [-lnH(ONE + expH(-x)), div(ONE, ONE + expH(x))],
    range: [-60, 60],
  },
  hard_swish: {
    ref: (x) => {
      if (x < -3n * ONE) return [0n, 0n];
      if (x >= 3n * ONE) return [x, ONE];
      return [mul(x, x + 3n * ONE) / 6n, (2n * x + 3n * ONE) / 6n];
    },
    range: [-5, 5],
  },
  hard_sigmoid: {
    ref: (x) => {
      if (x < -3n * ONE) return [0n, 0n];
      if (x >= 3n * ONE) return [ONE, 0n];
      return [(x + 3n * ONE) / 6n, ONE / 6n];
    },
    range: [-5, 5],
  },
};

/** Deterministic pseudo-random points (xorshift) in [lo, hi]. */
function points(lo: number, hi: number, n: number, seed = 12345): number[] {
  let s = seed >>> 0 || 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out.push(lo + ((hi - lo) * s) / 4294967296);
  }
  return out;
}

function close(a: number, ref: number, rel: number, abs = 0): boolean {
  return Math.abs(a - ref) <= rel * Math.abs(ref) + abs;
}

suite('erf / erfc (float64) against the 110-digit reference', () => {
  test('erf on [−6, 6] within 4 ulp (relative 1e-15)', () => {
    for (const x of points(-6, 6, 400, 7)) {
      const ref = 1 - toNumber(erfcH(fromNumber(x)));
      const refExact = toNumber(ONE - erfcH(fromNumber(x)));
      assert.ok(close(erf(x), refExact, 1e-15, 1e-300), `erf(${x}) = ${erf(x)} vs ${refExact} (${ref})`);
    }
  });
  test('erfc on [−6, 26] within 1e-15 relative (deep tail included)', () => {
    for (const x of [...points(-6, 6, 300, 8), ...points(6, 26, 200, 9)]) {
      const ref = erfcNumber(x);
      assert.ok(close(erfc(x), ref, 1e-15), `erfc(${x}) = ${erfc(x)} vs ${ref}`);
    }
  });
  test('special values', () => {
    assert.equal(erf(0), 0);
    assert.ok(Object.is(erf(-0), -0));
    assert.equal(erf(Infinity), 1);
    assert.equal(erf(-Infinity), -1);
    assert.equal(erfc(Infinity), 0);
    assert.equal(erfc(-Infinity), 2);
    assert.ok(Number.isNaN(erf(NaN)) && Number.isNaN(erfc(NaN)));
    assert.equal(erfc(30), 0);
    assert.ok(erfc(27) > 0 && erfc(27) < 1e-300);
  });
});

suite('exact dialect values and derivatives against the 110-digit reference (1e-12 relative)', () => {
  for (const [id, { ref, range, params }] of Object.entries(REFS)) {
    test(`${id} on [${range[0]}, ${range[1]}]`, () => {
      const xs = points(range[0], range[1], 200, id.length * 977);
      const r = evaluate(id, xs, [xs.length], { params });
      for (let i = 0; i < xs.length; i++) {
        const [v, d] = ref(fromNumber(xs[i]));
        const vr = toNumber(v);
        const dr = toNumber(d);
        assert.ok(close(r.values[i], vr, 1e-12, 1e-300), `${id}(${xs[i]}) = ${r.values[i]} vs ${vr}`);
        assert.ok(close(r.derivative[i], dr, 1e-12, 1e-16), `${id}'(${xs[i]}) = ${r.derivative[i]} vs ${dr}`);
      }
    });
  }
  test('softmax and log_softmax rows, and the Jacobian diagonal', () => {
    const rows = [points(-30, 30, 9, 1), points(-3, 3, 9, 2), [1000, 0, -1000, 999.5, 3, 3, 3, 3, 3]];
    for (const row of rows) {
      const s = evaluate('softmax', row, [row.length]);
      const l = evaluate('log_softmax', row, [row.length]);
      const m = Math.max(...row);
      const e = row.map((x) => expH(fromNumber(x - m)));
      const sum = e.reduce((a, b) => a + b, 0n);
      for (let j = 0; j < row.length; j++) {
        const sj = div(e[j], sum);
        assert.ok(close(s.values[j], toNumber(sj), 1e-12, 1e-300));
        assert.ok(close(s.derivative[j], toNumber(mul(sj, ONE - sj)), 1e-12, 1e-300));
        assert.ok(close(l.values[j], toNumber(fromNumber(row[j] - m) - lnH(sum)), 1e-12));
        assert.ok(close(l.derivative[j], toNumber(ONE - sj), 1e-12, 1e-300));
      }
    }
  });
});

/** Points where f' jumps (skip them in finite differences). */
const KINKS: Record<string, number[]> = {
  relu: [0],
  relu6: [0, 6],
  leaky_relu: [0],
  prelu: [0],
  elu: [0],
  selu: [0],
  hard_sigmoid: [-3, 3],
  hard_swish: [-3, 3],
};

suite('exact derivatives against central finite differences (1000 points each)', () => {
  for (const id of ACTIVATION_IDS) {
    if (getActivation(id).vector) continue;
    test(id, () => {
      const xs = points(-20, 20, 1000, 4242);
      const r = evaluate(id, xs, [xs.length]);
      const kinks = KINKS[id] ?? [];
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const h = 1e-5 * Math.max(1, Math.abs(x));
        if (kinks.some((k) => Math.abs(x - k) <= 2 * h)) continue;
        const f = evaluate(id, [x - h, x + h], [2]).values;
        const fd = (f[1] - f[0]) / (2 * h);
        // Truncation O(h²·f‴) plus rounding O(ε·|f|/h).
        const tol = 1e-6 * (1 + Math.abs(r.derivative[i])) + (4e-16 * Math.abs(r.values[i])) / h;
        assert.ok(Math.abs(fd - r.derivative[i]) <= tol, `${id}'(${x}): ${r.derivative[i]} vs FD ${fd}`);
      }
    });
  }
});

suite('exact kink convention: the right-hand derivative f′(x⁺)', () => {
  const cases: Array<[string, number, number, Record<string, number>?]> = [
    ['relu', 0, 1],
    ['relu6', 0, 1],
    ['relu6', 6, 0],
    ['leaky_relu', 0, 1],
    ['prelu', 0, 1],
    ['elu', 0, 1, { alpha: 2 }],
    ['selu', 0, 1.0507009873554805],
    ['hard_sigmoid', -3, 1 / 6],
    ['hard_sigmoid', 3, 0],
    ['hard_swish', -3, -0.5],
    ['hard_swish', 3, 1],
  ];
  for (const [id, x, expected, params] of cases) {
    test(`${id}′(${x}) = ${expected} = one-sided difference from the right`, () => {
      const d = evaluate(id, [x], [1], { params }).derivative[0];
      assert.equal(d, expected);
      const h = 1e-7;
      const f = evaluate(id, [x, x + h], [2], { params }).values;
      assert.ok(Math.abs((f[1] - f[0]) / h - d) < 1e-6);
      const g = evaluate(id, [x - h, x], [2], { params }).values;
      const left = (g[1] - g[0]) / h;
      assert.ok(Math.abs(left - d) > 1e-3, 'it is a real kink: the left derivative differs');
    });
  }
});

suite('exact: non-finite inputs give the limits, NaN propagates, never throws', () => {
  const limits: Record<string, [number, number, number, number]> = {
    // id: [f(−∞), f′(−∞), f(+∞), f′(+∞)]
    sigmoid: [0, 0, 1, 0],
    tanh: [-1, 0, 1, 0],
    relu: [0, 0, Infinity, 1],
    relu6: [0, 0, 6, 0],
    elu: [-1, 0, Infinity, 1],
    gelu: [0, 0, Infinity, 1],
    gelu_tanh: [0, 0, Infinity, 1],
    silu: [0, 0, Infinity, 1],
    mish: [0, 0, Infinity, 1],
    softplus: [0, 0, Infinity, 1],
    softsign: [-1, 0, 1, 0],
    hard_sigmoid: [0, 0, 1, 0],
    hard_swish: [0, 0, Infinity, 1],
    exponential: [0, 0, Infinity, Infinity],
    log_sigmoid: [-Infinity, 1, 0, 0],
  };
  for (const [id, [fl, dl, fr, dr]] of Object.entries(limits)) {
    test(id, () => {
      const r = evaluate(id, [-Infinity, Infinity, NaN], [3]);
      // ±0 compare equal here (gelu(−∞) is −0, the sign of the limit from below).
      assert.ok(r.values[0] === fl, `f(−∞) = ${r.values[0]}`);
      assert.ok(r.derivative[0] === dl, `f′(−∞) = ${r.derivative[0]}`);
      assert.ok(r.values[1] === fr, `f(+∞) = ${r.values[1]}`);
      assert.ok(r.derivative[1] === dr, `f′(+∞) = ${r.derivative[1]}`);
      assert.ok(Number.isNaN(r.values[2]) && Number.isNaN(r.derivative[2]));
    });
  }
  test('sigmoid(−1e4) and friends do not overflow', () => {
    const r = evaluate('sigmoid', [-1e4, 1e4, -800], [3]);
    assert.deepEqual(Array.from(r.values), [0, 1, 0]);
    assert.ok(evaluate('sigmoid', [-700], [1]).values[0] > 0, 'no premature underflow');
    const sp = evaluate('softplus', [-1e4, 1e4], [2]);
    assert.deepEqual(Array.from(sp.values), [0, 1e4]);
    const ls = evaluate('log_sigmoid', [-1e4, 1e4], [2]);
    assert.ok(ls.values[0] === -1e4 && ls.values[1] === 0);
  });
});

suite('sampleCurve', () => {
  test('samples both ends, matches evaluate, and refuses vector activations', () => {
    const c = sampleCurve('tanh', [-2, 2], 5);
    assert.deepEqual(Array.from(c.x), [-2, -1, 0, 1, 2]);
    assert.deepEqual(Array.from(c.y), Array.from(evaluate('tanh', [-2, -1, 0, 1, 2], [5]).values));
    assert.throws(() => sampleCurve('softmax', [-1, 1], 10), /whole vector/);
    assert.throws(() => sampleCurve('relu', [1, -1], 10), /domain/);
    assert.throws(() => sampleCurve('relu', [-1, 1], 1), /samples/);
  });
  test('framework dialects return the float32 points they evaluated', () => {
    const c = sampleCurve('sigmoid', [-1, 1], 3 + 1, { dialect: 'tensorflow' });
    for (const x of Array.from(c.x)) assert.equal(Math.fround(x), x);
    assert.equal(c.x[1], Math.fround(-1 / 3));
  });
});
