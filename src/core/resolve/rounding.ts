// Exact rounding helpers for the frameworks' generators and dtypes: fused multiply-add in float64 and float32
// (PyTorch's CPU kernels are compiled with FMA contraction), and rounding to float16 / bfloat16. Exact: the
// fused products are computed with BigInt integers, so no double rounding sneaks in.

import type { ValueDType } from './types';

const F64 = /* @__PURE__ */ new Float64Array(1);
const U32 = /* @__PURE__ */ new Uint32Array(F64.buffer);
/* @__NO_SIDE_EFFECTS__ */
function littleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}
const LITTLE = littleEndian();
const HI = LITTLE ? 1 : 0;
const LO = LITTLE ? 0 : 1;

/** A finite double as m · 2^e with an integer m (BigInt). */
function decompose(x: number): { m: bigint; e: number } {
  if (x === 0) return { m: 0n, e: 0 };
  F64[0] = x;
  const hi = U32[HI];
  const lo = U32[LO];
  const exp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (exp === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = exp - 1075;
  }
  return { m: hi >>> 31 ? -m : m, e };
}

/** m · 2^e as a double, m an integer already rounded to what the target holds (exact scaling by 2^e). */
function scale(m: bigint, e: number): number {
  let v = Number(m);
  // Scale in steps so that 2^e never overflows or underflows on its own.
  while (e > 0) {
    const k = Math.min(e, 1000);
    v *= 2 ** k;
    e -= k;
  }
  while (e < 0) {
    const k = Math.min(-e, 1000);
    v /= 2 ** k;
    e += k;
  }
  return v;
}

/** a·b + c exactly, as an integer m and exponent e (value m·2^e). */
function exactFma(a: number, b: number, c: number): { m: bigint; e: number } {
  const A = decompose(a);
  const B = decompose(b);
  const C = decompose(c);
  const pe = A.e + B.e;
  const e = Math.min(pe, C.e);
  const m = ((A.m * B.m) << BigInt(pe - e)) + (C.m << BigInt(C.e - e));
  return { m, e };
}

/** Rounds the integer m to `bits` significant bits, half to even; returns the rounded integer and the shift. */
function roundBits(m: bigint, bits: number): { m: bigint; shift: number } {
  const neg = m < 0n;
  let a = neg ? -m : m;
  const len = a.toString(2).length;
  if (len <= bits) return { m, shift: 0 };
  const shift = len - bits;
  const half = 1n << BigInt(shift - 1);
  const rem = a & ((1n << BigInt(shift)) - 1n);
  a >>= BigInt(shift);
  if (rem > half || (rem === half && (a & 1n) === 1n)) a += 1n;
  return { m: neg ? -a : a, shift };
}

const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp)
const SMALL_INT = 2 ** 20;

/** Bits of y moved one ulp towards the sign of `dir` (y finite, non-zero). */
function stepTowards(y: number, dir: number): number {
  F64[0] = y;
  const up = y > 0 === dir > 0;
  let lo = U32[LO];
  let hi = U32[HI];
  if (up) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  U32[LO] = lo;
  U32[HI] = hi;
  return F64[0];
}

/**
 * a·k + c rounded once, for an integer |k| < 2^20 (the generators' index), without BigInt: the product is split
 * exactly (Veltkamp) and the three-term sum is rounded with the round-to-odd method (Boldo & Melquiond 2008,
 * "Emulation of FMA and correctly rounded sums: proved algorithms using rounding to odd").
 */
function fmaSmallInt(a: number, k: number, c: number): number {
  const t = SPLITTER * a;
  const hi = t - (t - a);
  const lo = a - hi;
  const p1 = hi * k; // ≤ 26 + 20 bits: exact
  const p2 = lo * k; // ≤ 27 + 20 bits: exact
  // (uh, ul) = TwoSum(p1, p2); (th, tl) = TwoSum(c, uh); result = RN(th + RO(tl + ul))
  const uh = p1 + p2;
  const bb = uh - p1;
  const ul = p1 - (uh - bb) + (p2 - bb);
  const th = c + uh;
  const b2 = th - c;
  const tl = c - (th - b2) + (uh - b2);
  let v = tl + ul;
  const b3 = v - tl;
  const ve = tl - (v - b3) + (ul - b3);
  if (ve !== 0 && v !== 0) {
    F64[0] = v;
    if ((U32[LO] & 1) === 0) v = stepTowards(v, ve);
  }
  return th + v;
}

/** C's fma(a, b, c) in double precision (one rounding). */
export function fma64(a: number, b: number, c: number): number {
  if (
    Number.isInteger(b) &&
    Math.abs(b) < SMALL_INT &&
    Number.isFinite(a) &&
    Number.isFinite(c) &&
    Math.abs(a) < 2 ** 900 &&
    Math.abs(c) < 2 ** 900 &&
    (a === 0 || Math.abs(a) > 2 ** -900) &&
    (c === 0 || Math.abs(c) > 2 ** -900)
  )
    return fmaSmallInt(a, b, c);
  return fma64Exact(a, b, c);
}

/** fma64 with exact BigInt arithmetic: the reference the fast path is tested against. */
export function fma64Exact(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) return a * b + c;
  const { m, e } = exactFma(a, b, c);
  if (m === 0n) return a * b + c; // signed zero as IEEE gives it
  // Number(BigInt) rounds to nearest double, ties to even; the scaling by 2^e is exact in the normal range.
  return scale(m, e);
}

const F32 = /* @__PURE__ */ new Float32Array(1);
const U32F = /* @__PURE__ */ new Uint32Array(F32.buffer);

/** The float32 next to r (a float32 value) in the direction of `towards`. */
function nextF32(r: number, towards: number): number {
  if (r === 0) return towards > 0 ? 2 ** -149 : -(2 ** -149);
  F32[0] = r;
  U32F[0] += r < towards === r > 0 ? 1 : -1;
  return F32[0];
}

/** C's fmaf(a, b, c) in single precision (a, b, c float32 values; one rounding to float32). */
export function fma32(a: number, b: number, c: number): number {
  if (Number.isInteger(b) && Math.abs(b) < 2 ** 24 && Number.isFinite(a) && Number.isFinite(c)) {
    // a·b is exact in double (24 + 24 bits); s + t is the exact sum. s rounds to the float32 of the exact
    // value unless s is exactly halfway between two float32s, where the sign of t decides.
    const p = a * b;
    const s = p + c;
    const bb = s - p;
    const t = p - (s - bb) + (c - bb);
    const r = Math.fround(s);
    if (t === 0 || r === s || !Number.isFinite(r)) return r;
    const other = nextF32(r, s);
    if ((r + other) / 2 !== s) return r;
    return t > 0 === other > r ? other : r;
  }
  return fma32Exact(a, b, c);
}

/** fma32 with exact BigInt arithmetic (reference, and the general case). */
export function fma32Exact(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) return Math.fround(a * b + c);
  const { m, e } = exactFma(a, b, c);
  if (m === 0n) return Math.fround(a * b + c);
  const r = roundBits(m, 24);
  // Outside float32's normal range the 24-bit rounding is not the whole story: defer to fround of the double.
  const v = scale(r.m, e + r.shift);
  const abs = Math.abs(v);
  if (abs < 2 ** -126 || abs > 3.4028234663852886e38) return Math.fround(scale(m, e));
  return v;
}

/** Rounds a double to the nearest value with `p` significant bits and exponent ≥ `emin` (subnormals), ties to even. */
function roundToFormat(x: number, p: number, emin: number, max: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  F64[0] = a;
  const exp = ((U32[HI] >>> 20) & 0x7ff) - 1023; // floor(log2 a) for normal doubles
  const e = Math.max(exp, emin) - (p - 1);
  const ulp = 2 ** e;
  const q = a / ulp; // exact: power-of-two scaling
  let r = Math.floor(q);
  const d = q - r;
  if (d > 0.5 || (d === 0.5 && r % 2 === 1)) r += 1;
  const v = r * ulp;
  if (v > max) {
    // Beyond the largest finite value plus half an ulp: infinity.
    return x < 0 ? -Infinity : Infinity;
  }
  return x < 0 ? -v : v;
}

/** IEEE half precision (float16), directly from the double (NumPy's conversion). */
export function toFloat16(x: number): number {
  return roundToFormat(x, 11, -14, 65504);
}

/** bfloat16 from a float32 value (round to nearest even, as c10::BFloat16 and Eigen do). */
export function toBFloat16(x: number): number {
  return roundToFormat(Math.fround(x), 8, -126, 3.3895313892515355e38);
}

/** Rounds one value to what `dtype` stores. Integers must already be integral (callers check). */
export function roundTo(x: number, dtype: ValueDType): number {
  switch (dtype) {
    case 'float32':
      return Math.fround(x);
    case 'float16':
      return toFloat16(x);
    case 'bfloat16':
      return toBFloat16(x);
    case 'bool':
      return x !== 0 ? 1 : 0;
    default:
      return x;
  }
}

export const isFloatDType = (d: ValueDType): boolean =>
  d === 'float16' || d === 'bfloat16' || d === 'float32' || d === 'float64';
export const isIntDType = (d: ValueDType): boolean => d === 'int32' || d === 'int64';
