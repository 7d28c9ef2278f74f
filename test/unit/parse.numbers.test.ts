// Every parsed value equals Number(token) exactly: the fast decimal paths (Clinger, double-double for
// 16–19 digits) and the fallback must agree with the engine's correctly rounded conversion, including
// decimals that sit exactly on, or a hair away from, the midpoint between two doubles.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArray } from '../../src/core/parse';
import { decimalToDouble } from '../../src/core/parse/decimal';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

const same = (a: number, b: number): boolean => Object.is(a, b);

/** A decimal token: sign, 1–25 digits with an optional point anywhere, optional exponent. */
const decimalToken = fc
  .record({
    sign: fc.constantFrom('', '-', '+'),
    digits: fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 25 }),
    point: fc.integer({ min: -1, max: 25 }),
    exp: fc.option(fc.integer({ min: -340, max: 340 }), { nil: undefined }),
    expChar: fc.constantFrom('e', 'E'),
  })
  .map(({ sign, digits, point, exp, expChar }) => {
    const p = Math.min(point, digits.length);
    const body = p < 0 ? digits : `${digits.slice(0, p)}.${digits.slice(p)}`;
    return sign + body + (exp === undefined ? '' : `${expChar}${exp}`);
  })
  .filter((s) => /\d/.test(s.replace(/e.*$/i, '')));

/** Exact decimal expansion of the midpoint between x > 0 and the next double up. */
function midpointDecimal(x: number): string {
  const f = new Float64Array([x]);
  const u = new BigUint64Array(f.buffer);
  const bits = u[0];
  const exp = Number((bits >> 52n) & 0x7ffn);
  const mant = exp === 0 ? bits & ((1n << 52n) - 1n) : (bits & ((1n << 52n) - 1n)) | (1n << 52n);
  const e2 = (exp === 0 ? 1 : exp) - 1075; // x = mant · 2^e2
  // midpoint = (2·mant + 1) · 2^(e2 − 1)
  const m = 2n * mant + 1n;
  const k = e2 - 1;
  if (k >= 0) return (m << BigInt(k)).toString();
  // m / 2^-k = m · 5^-k / 10^-k
  const digits = (m * 5n ** BigInt(-k)).toString();
  return `${digits}e${k}`;
}

suite('parseArray numbers equal Number(token)', () => {
  test('random decimal tokens (1–25 digits, any point, exponents ±340)', () => {
    fc.assert(
      fc.property(decimalToken, (tok) => same(parseArray(tok).values[0], Number(tok))),
      { numRuns: 20000 },
    );
  });
  test('String(x) of random doubles reads back as x', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) =>
        same(parseArray(Object.is(x, -0) ? '-0' : String(x)).values[0], x),
      ),
      { numRuns: 20000 },
    );
  });
  test('whole JSON arrays agree with JSON.parse', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 50 }), (xs) => {
        const text = JSON.stringify(xs);
        const want = JSON.parse(text) as number[];
        const got = parseArray(text).values;
        return got.length === want.length && got.every((v, i) => same(v, want[i]));
      }),
      { numRuns: 2000 },
    );
  });
  test('exact midpoints between doubles (ties to even) and their 19-digit neighbours', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        const mid = midpointDecimal(x);
        if (!same(parseArray(mid).values[0], Number(mid))) return false;
        // 19 significant digits around the midpoint: exercises the double-double path near a boundary
        const m = /^(\d+)(?:e(-?\d+))?$/.exec(mid);
        if (!m) return true;
        const digits = m[1];
        const e = Number(m[2] ?? 0) + digits.length - 19;
        for (const d of [digits.slice(0, 19), String(BigInt(digits.slice(0, 19)) + 1n)]) {
          const tok = `${d}e${e}`;
          if (!same(parseArray(tok).values[0], Number(tok))) return false;
        }
        return true;
      }),
      { numRuns: 3000 },
    );
  });
  test('printed forms: toFixed, toExponential, toPrecision', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (x, p) => {
          const toks = [x.toFixed(p), x.toExponential(p), x.toPrecision(p + 1)];
          return toks.every((t) => same(parseArray(t).values[0], Number(t)));
        },
      ),
      { numRuns: 5000 },
    );
  });
  test('underscores are digit separators', () => {
    assert.equal(parseArray('1_000_000.000_1').values[0], 1000000.0001);
    assert.equal(parseArray('1e1_0').values[0], 1e10);
  });
  test('hand-picked hard cases', () => {
    const toks = [
      '0.1',
      '9007199254740993', // 2^53 + 1: a tie, rounds to even
      '9007199254740995',
      '2.2250738585072011e-308',
      '2.2250738585072012e-308',
      '4.9406564584124654e-324',
      '2.4703282292062328e-324', // just above half the smallest subnormal
      '2.4703282292062327e-324', // just below: 0
      '1.7976931348623158e308',
      '1.7976931348623159e308', // overflows to Infinity
      '123456789012345678901234567890',
      '0.000000000000000000000000000001',
      '1e-400',
      '-0.0e5',
      '00000000000000000000001.5',
      '1.00000000000000000000000000000000000001',
      '0.30000000000000004',
      '3.0000000000000004e-1',
      '123456789012345.6789',
    ];
    for (const t of toks) assert.ok(same(parseArray(t).values[0], Number(t)), t);
  });
});

suite('decimalToDouble', () => {
  test('agrees with Number() whenever it answers, for 16–19 digit mantissas', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1e14, max: 999999999999999 }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(9999),
        fc.integer({ min: -22, max: 22 }),
        (h, k, l0, e) => {
          const l = l0 % 10 ** k;
          const v = decimalToDouble(h, l, k, e);
          return Number.isNaN(v) || v === Number(`${h}${String(l).padStart(k, '0')}e${e}`);
        },
      ),
      { numRuns: 50000 },
    );
  });
  test('declines exponents beyond ±22 and exact ties it cannot settle', () => {
    assert.ok(Number.isNaN(decimalToDouble(123456789012345, 6, 1, 23)));
    // 1424332327866350·10^2 = 142433232786635000 ≡ 8 (mod 16), where the ulp is 16: an exact tie
    assert.ok(Number.isNaN(decimalToDouble(142433232786635, 0, 1, 2)));
    assert.equal(parseArray('1424332327866350e2').values[0], Number('1424332327866350e2'));
    // with no exponent the double-double sum is exact and JS's own addition rounds the tie to even
    assert.equal(decimalToDouble(180143985094819, 86, 2, 0), 18014398509481984);
  });
});
