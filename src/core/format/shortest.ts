// Shortest round-trip decimal digits for float32 and float64, fast enough for a million values.
// The result is identical to NumPy's Dragon4 in unique mode (`np.format_float_positional(x, unique=True)`):
// the fewest significant digits that read back to the same float *of that dtype*, the closest such
// digits, ties to the even digit. float64 uses the engine's own shortest conversion; float32 (which JS
// lacks) searches `toPrecision(p)` against the exact float32 rounding interval and falls back to the
// BigInt Dragon4 port in the few cases that test cannot settle.

import type { DType } from '../types';
import { dragon4, floatBits, type Digits } from './dragon4';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Splits an engine-produced decimal ("1.25e-7", "0.0125", "125") into digits without trailing zeros and the exponent of the first digit. */
function splitDecimal(s: string): Digits {
  let mantissa = s;
  let exp = 0;
  const e = s.indexOf('e');
  if (e >= 0) {
    mantissa = s.slice(0, e);
    exp = Number(s.slice(e + 1));
  }
  const dot = mantissa.indexOf('.');
  let intLen = dot >= 0 ? dot : mantissa.length;
  let digits = dot >= 0 ? mantissa.slice(0, dot) + mantissa.slice(dot + 1) : mantissa;
  let lead = 0;
  while (lead < digits.length - 1 && digits.charCodeAt(lead) === 48) lead++;
  digits = digits.slice(lead);
  intLen -= lead;
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(0, end);
  if (digits === '0') return { digits: '0', exponent: 0 };
  return { digits, exponent: exp + intLen - 1 };
}

/** Shortest float64 digits via the engine (Number.prototype.toExponential without argument is the shortest round-trip form). */
function shortest64(ax: number): Digits {
  return splitDecimal(ax.toExponential());
}

/** Number of binary fractional digits of a float32 magnitude given its bit pattern (0 for integers). */
function fractionalBits(bits: number): number {
  const biased = (bits >>> 23) & 0xff;
  let m = bits & 0x7fffff;
  let e: number;
  if (biased === 0) {
    e = 1 - 127 - 23;
  } else {
    m |= 0x800000;
    e = biased - 127 - 23;
  }
  if (m === 0) return 0;
  const tz = 31 - Math.clz32(m & -m);
  const lowest = e + tz;
  return lowest < 0 ? -lowest : 0;
}

function shortest32(ax: number): Digits {
  f32[0] = ax;
  const bits = u32[0];
  const frac = bits & 0x7fffff;
  const biased = bits >>> 23;
  // A power of two has a lower gap half the upper one: leave that to Dragon4.
  if (biased > 1 && frac === 0) return dragon4(floatBits(ax, 'float32'), true, false, -1, -1);
  u32[0] = bits - 1;
  const below = f32[0];
  let hiBound: number;
  if (biased === 254 && frac === 0x7fffff) {
    hiBound = ax + (ax - below) / 2;
  } else {
    u32[0] = bits + 1;
    hiBound = (ax + f32[0]) / 2;
  }
  const loBound = (ax + below) / 2;

  // Smallest p whose nearest p-digit decimal lies strictly inside the rounding interval (monotonic in p;
  // nine digits always suffice for float32).
  let lo = 1;
  let hi = 9;
  let found = '';
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = ax.toPrecision(mid);
    const v = +s;
    if (v === loBound || v === hiBound) return dragon4(floatBits(ax, 'float32'), true, false, -1, -1);
    if (v > loBound && v < hiBound) {
      hi = mid;
      found = s;
    } else {
      lo = mid + 1;
    }
  }
  const p = hi;
  const s = found !== '' ? found : ax.toPrecision(9);
  if (found === '') {
    const v = +s;
    if (!(v > loBound && v < hiBound)) return dragon4(floatBits(ax, 'float32'), true, false, -1, -1);
  }
  const result = splitDecimal(s);

  // toPrecision rounds an exact tie away from zero; Dragon4 rounds it to the even digit.
  const k = fractionalBits(bits);
  if (k > 0) {
    let e10 = result.exponent;
    if (result.digits === '1' && ax < Number('1e' + e10)) e10 -= 1;
    if (p === k + e10) {
      const exact = ax.toPrecision(p + 1);
      const ex = splitDecimal(exact);
      const full = ex.digits.padEnd(p + 1, '0');
      const kept = full.charCodeAt(p - 1) - 48;
      if ((kept & 1) === 0) {
        const down = splitDecimal(full.slice(0, p) + 'e' + (ex.exponent - p + 1));
        return down;
      }
    }
  }
  return result;
}

/** Shortest round-trip digits of |x| for the dtype (x finite); '0' with exponent 0 for zero. */
export function shortestDigits(x: number, dtype: DType): Digits {
  const ax = Math.abs(x);
  if (ax === 0) return { digits: '0', exponent: 0 };
  return dtype === 'float32' ? shortest32(Math.fround(ax)) : shortest64(ax);
}

/** Writes digits/exponent the way JavaScript's Number#toString lays out a number (positional for 1e-7 < |x| < 1e21). */
export function layoutLikeJs(negative: boolean, d: Digits): string {
  const { digits } = d;
  const k = digits.length;
  const n = d.exponent + 1;
  let body: string;
  if (k <= n && n <= 21) body = digits + '0'.repeat(n - k);
  else if (0 < n && n <= 21) body = digits.slice(0, n) + '.' + digits.slice(n);
  else if (-6 < n && n <= 0) body = '0.' + '0'.repeat(-n) + digits;
  else {
    const e = n - 1;
    body = digits[0] + (k > 1 ? '.' + digits.slice(1) : '') + 'e' + (e >= 0 ? '+' : '-') + Math.abs(e);
  }
  return negative ? '-' + body : body;
}

/**
 * Shortest decimal text of x that reads back to the same float of the dtype, in JS number syntax
 * ("0.1", "1e-7", "-0"); for float64 this is String(x) except that -0 keeps its sign. Non-finite → "NaN"/"Infinity"/"-Infinity".
 */
export function shortestString(x: number, dtype: DType): string {
  if (!Number.isFinite(x)) return String(x);
  if (dtype === 'float64') return Object.is(x, -0) ? '-0' : String(x);
  const v = Math.fround(x);
  return layoutLikeJs(v < 0 || Object.is(v, -0), shortestDigits(v, 'float32'));
}
