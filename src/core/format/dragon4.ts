// Dragon4 digit generation, ported from NumPy's `numpy/_core/src/multiarray/dragon4.c` (Ryan Juckett's
// Dragon4 with NumPy's IEEE unbiased-rounding change), using JS BigInt for the big integers.
// This is the reference implementation behind `np.format_float_positional` / `np.format_float_scientific`
// and therefore behind every float NumPy prints (NumPy 2.4 behaviour).
// It works on the binary value of a float32 or a float64, so float32 gets *float32* shortest digits.

import type { DType } from '../types';

/** Trim modes of NumPy's dragon4: 'k' keep zeros, '.' trim zeros keep point, '0' leave one zero, '-' trim zeros and point. */
export type TrimMode = 'k' | '.' | '0' | '-';

/** The binary decomposition of a finite float: value = (-1)^negative * mantissa * 2^exponent. */
export interface FloatBits {
  negative: boolean;
  mantissa: bigint;
  exponent: number;
  /** Index of the highest set bit of the mantissa. */
  mantissaBit: number;
  /** The gap to the next float above is twice the gap below (mantissa is an exact power of two, not subnormal). */
  unequalMargins: boolean;
}

const f64 = new Float64Array(1);
const u32of64 = new Uint32Array(f64.buffer);
const f32 = new Float32Array(1);
const u32of32 = new Uint32Array(f32.buffer);
// Little-endian hosts store the low word of a float64 first; detect it once.
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/** Decomposes a finite float64 (or a float32 value when dtype is 'float32') into its binary parts. */
export function floatBits(x: number, dtype: DType): FloatBits {
  if (dtype === 'float32') {
    f32[0] = x;
    const bits = u32of32[0];
    const frac = bits & 0x7fffff;
    const biased = (bits >>> 23) & 0xff;
    const negative = bits >>> 31 === 1;
    if (biased !== 0) {
      return {
        negative,
        mantissa: BigInt(frac | 0x800000),
        exponent: biased - 127 - 23,
        mantissaBit: 23,
        unequalMargins: biased !== 1 && frac === 0,
      };
    }
    return {
      negative,
      mantissa: BigInt(frac),
      exponent: 1 - 127 - 23,
      mantissaBit: frac === 0 ? 0 : 31 - Math.clz32(frac),
      unequalMargins: false,
    };
  }
  f64[0] = x;
  const lo = u32of64[LOW];
  const hi = u32of64[1 - LOW];
  const fracHi = hi & 0xfffff;
  const biased = (hi >>> 20) & 0x7ff;
  const negative = hi >>> 31 === 1;
  const frac = (BigInt(fracHi) << 32n) | BigInt(lo);
  if (biased !== 0) {
    return {
      negative,
      mantissa: frac | (1n << 52n),
      exponent: biased - 1023 - 52,
      mantissaBit: 52,
      unequalMargins: biased !== 1 && fracHi === 0 && lo === 0,
    };
  }
  const bitLen = fracHi !== 0 ? 32 + 31 - Math.clz32(fracHi) : lo !== 0 ? 31 - Math.clz32(lo) : 0;
  return { negative, mantissa: frac, exponent: 1 - 1023 - 52, mantissaBit: bitLen, unequalMargins: false };
}

const POW10: bigint[] = [1n];
function pow10(n: number): bigint {
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1] * 10n);
  return POW10[n];
}

// NumPy writes log10(2) with 32 digits; as a double it is 0.30102999566398120.
const LOG10_2 = 0.3010299956639812;

/** Result of digit generation: the decimal digits and the base-10 exponent of the first digit. */
export interface Digits {
  digits: string;
  exponent: number;
}

/**
 * Dragon4 proper. `unique` = shortest digits that round-trip (with IEEE round-half-even on the
 * boundaries); otherwise exact digits. `fractionCutoff` chooses whether the cutoffs count digits after
 * the decimal point (true) or total significant digits (false). Cutoffs < 0 mean "none".
 */
export function dragon4(
  bits: FloatBits,
  unique: boolean,
  fractionCutoff: boolean,
  cutoffMax: number,
  cutoffMin: number,
): Digits {
  const { mantissa, exponent, mantissaBit, unequalMargins } = bits;
  if (mantissa === 0n) return { digits: '0', exponent: 0 };
  const isEven = (mantissa & 1n) === 0n;

  let scale: bigint;
  let value: bigint;
  let marginLow: bigint;
  if (unequalMargins) {
    if (exponent > 0) {
      value = mantissa << BigInt(exponent + 2);
      scale = 4n;
      marginLow = 1n << BigInt(exponent);
    } else {
      value = mantissa << 2n;
      scale = 1n << BigInt(-exponent + 2);
      marginLow = 1n;
    }
  } else if (exponent > 0) {
    value = mantissa << BigInt(exponent + 1);
    scale = 2n;
    marginLow = 1n << BigInt(exponent);
  } else {
    value = mantissa << 1n;
    scale = 1n << BigInt(-exponent + 1);
    marginLow = 1n;
  }
  let marginHigh = unequalMargins ? marginLow * 2n : marginLow;

  let digitExponent = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
  if (cutoffMax >= 0 && fractionCutoff && digitExponent <= -cutoffMax) digitExponent = -cutoffMax + 1;

  if (digitExponent > 0) {
    scale *= pow10(digitExponent);
  } else if (digitExponent < 0) {
    const p = pow10(-digitExponent);
    value *= p;
    marginLow *= p;
    marginHigh = unequalMargins ? marginLow * 2n : marginLow;
  }

  if (value >= scale) {
    digitExponent += 1;
  } else {
    value *= 10n;
    marginLow *= 10n;
    marginHigh = unequalMargins ? marginLow * 2n : marginLow;
  }

  // NumPy's output buffer is 16384 characters: that is the "no cutoff" limit.
  let cutoffMaxExponent = digitExponent - 16384;
  if (cutoffMax >= 0) {
    const desired = fractionCutoff ? -cutoffMax : digitExponent - cutoffMax;
    if (desired > cutoffMaxExponent) cutoffMaxExponent = desired;
  }
  let cutoffMinExponent = digitExponent;
  if (cutoffMin >= 0) {
    const desired = fractionCutoff ? -cutoffMin : digitExponent - cutoffMin;
    if (desired < cutoffMinExponent) cutoffMinExponent = desired;
  }
  let outExponent = digitExponent - 1;

  let out = '';
  let digit = 0;
  let low = false;
  let high = false;
  if (unique) {
    for (;;) {
      digitExponent -= 1;
      const q = value / scale;
      value -= q * scale;
      digit = Number(q);
      const valueHigh = value + marginHigh;
      low = isEven ? value <= marginLow : value < marginLow;
      high = isEven ? valueHigh >= scale : valueHigh > scale;
      if (((low || high) && digitExponent <= cutoffMinExponent) || digitExponent === cutoffMaxExponent) break;
      out += String.fromCharCode(48 + digit);
      value *= 10n;
      marginLow *= 10n;
      marginHigh = unequalMargins ? marginLow * 2n : marginLow;
    }
  } else {
    for (;;) {
      digitExponent -= 1;
      const q = value / scale;
      value -= q * scale;
      digit = Number(q);
      if (value === 0n || digitExponent === cutoffMaxExponent) break;
      out += String.fromCharCode(48 + digit);
      value *= 10n;
    }
  }

  let roundDown = low;
  if (low === high) {
    const twice = value * 2n;
    roundDown = twice < scale;
    if (twice === scale) roundDown = (digit & 1) === 0;
  }

  if (roundDown) {
    out += String.fromCharCode(48 + digit);
  } else if (digit === 9) {
    let i = out.length - 1;
    while (i >= 0 && out.charCodeAt(i) === 57) i--;
    if (i < 0) {
      out = '1';
      outExponent += 1;
    } else {
      out = out.slice(0, i) + String.fromCharCode(out.charCodeAt(i) + 1);
    }
  } else {
    out += String.fromCharCode(49 + digit);
  }
  return { digits: out, exponent: outExponent };
}

/** Options of `np.format_float_positional` / `dragon4_positional` (negative numbers mean "not given"). */
export interface PositionalOptions {
  precision?: number;
  unique?: boolean;
  fractional?: boolean;
  trim?: TrimMode;
  sign?: boolean;
  padLeft?: number;
  padRight?: number;
  minDigits?: number;
}

/** Options of `np.format_float_scientific` / `dragon4_scientific`. */
export interface ScientificOptions {
  precision?: number;
  unique?: boolean;
  trim?: TrimMode;
  sign?: boolean;
  padLeft?: number;
  expDigits?: number;
  minDigits?: number;
}

function nonFinite(x: number, sign: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  return x < 0 ? '-inf' : sign ? '+inf' : 'inf';
}

/** NumPy's `dragon4_positional(x, ...)` for a float32 or float64 value; nan/inf print as 'nan'/'inf'. */
export function dragon4Positional(x: number, dtype: DType, options: PositionalOptions = {}): string {
  if (!Number.isFinite(x)) return nonFinite(x, options.sign ?? false);
  const precision = options.precision ?? -1;
  const unique = options.unique ?? true;
  const fractional = options.fractional ?? true;
  const trim = options.trim ?? 'k';
  const padLeft = options.padLeft ?? -1;
  const padRight = options.padRight ?? -1;
  const minDigits = options.minDigits ?? -1;
  if (!unique && precision < 0) throw new RangeError('precision must be given when unique is false');

  const bits = floatBits(x, dtype);
  const signStr = bits.negative ? '-' : options.sign ? '+' : '';
  const { digits, exponent } = dragon4(bits, unique, fractional, precision, minDigits);

  let body: string;
  let numWholeDigits: number;
  let numFractionDigits: number;
  if (exponent >= 0) {
    numWholeDigits = exponent + 1;
    if (digits.length <= numWholeDigits) {
      body = digits + '0'.repeat(numWholeDigits - digits.length);
      numFractionDigits = 0;
    } else {
      body = digits.slice(0, numWholeDigits) + '.' + digits.slice(numWholeDigits);
      numFractionDigits = digits.length - numWholeDigits;
    }
  } else {
    const zeros = -(exponent + 1);
    body = '0.' + '0'.repeat(zeros) + digits;
    numFractionDigits = zeros + digits.length;
    numWholeDigits = 1;
  }
  if (trim !== '-' && numFractionDigits === 0) body += '.';

  const addDigits = unique ? minDigits : precision;
  let desiredFractional = addDigits < 0 ? 0 : addDigits;
  if (!fractional) desiredFractional = addDigits - numWholeDigits;

  if (trim === '0') {
    if (numFractionDigits === 0) {
      body += '0';
      numFractionDigits++;
    }
  } else if (trim === 'k' && desiredFractional > numFractionDigits) {
    body += '0'.repeat(desiredFractional - numFractionDigits);
    numFractionDigits = desiredFractional;
  }

  if (trim !== 'k' && numFractionDigits > 0) {
    let end = body.length;
    while (body.charCodeAt(end - 1) === 48) {
      end--;
      numFractionDigits--;
    }
    body = body.slice(0, end);
    if (body.charCodeAt(end - 1) === 46) {
      if (trim === '0') {
        body += '0';
        numFractionDigits++;
      } else if (trim === '-') {
        body = body.slice(0, end - 1);
      }
    }
  }

  let result = signStr + body;
  if (padRight >= numFractionDigits) {
    if (trim === '-' && numFractionDigits === 0) result += ' ';
    result += ' '.repeat(padRight - numFractionDigits);
  }
  const hasSign = signStr.length;
  if (padLeft > numWholeDigits + hasSign) result = ' '.repeat(padLeft - (numWholeDigits + hasSign)) + result;
  return result;
}

/** NumPy's `dragon4_scientific(x, ...)` for a float32 or float64 value; nan/inf print as 'nan'/'inf'. */
export function dragon4Scientific(x: number, dtype: DType, options: ScientificOptions = {}): string {
  if (!Number.isFinite(x)) return nonFinite(x, options.sign ?? false);
  const precision = options.precision ?? -1;
  const unique = options.unique ?? true;
  const trim = options.trim ?? 'k';
  const padLeft = options.padLeft ?? -1;
  const minDigits = options.minDigits ?? -1;
  let expDigits = options.expDigits ?? -1;
  if (!unique && precision < 0) throw new RangeError('precision must be given when unique is false');

  const bits = floatBits(x, dtype);
  const signStr = bits.negative ? '-' : options.sign ? '+' : '';
  const leftChars = 1 + signStr.length;
  let result = padLeft > leftChars ? ' '.repeat(padLeft - leftChars) : '';
  result += signStr;

  const { digits, exponent } = dragon4(
    bits,
    unique,
    false,
    precision < 0 ? -1 : precision + 1,
    minDigits < 0 ? -1 : minDigits + 1,
  );
  let body = digits[0];
  let numFractionDigits = digits.length - 1;
  if (numFractionDigits > 0) body += '.' + digits.slice(1);
  if (trim !== '-' && numFractionDigits === 0) body += '.';

  let addDigits = unique ? minDigits : precision;
  if (addDigits < 0) addDigits = 0;
  if (trim === '0') {
    if (numFractionDigits === 0) {
      body += '0';
      numFractionDigits++;
    }
  } else if (trim === 'k' && addDigits > numFractionDigits) {
    body += '0'.repeat(addDigits - numFractionDigits);
    numFractionDigits = addDigits;
  }
  if (trim !== 'k' && numFractionDigits > 0) {
    let end = body.length;
    while (body.charCodeAt(end - 1) === 48) {
      end--;
      numFractionDigits--;
    }
    body = body.slice(0, end);
    if (trim === '0' && body.charCodeAt(end - 1) === 46) body += '0';
  }

  if (expDigits > 5) expDigits = 5;
  if (expDigits < 0) expDigits = 2;
  const e = Math.abs(exponent);
  const eStr = String(e);
  result +=
    body +
    'e' +
    (exponent >= 0 ? '+' : '-') +
    (eStr.length < expDigits ? '0'.repeat(expDigits - eStr.length) : '') +
    eStr;
  return result;
}
