// Digit generation: the Dragon4 port (NumPy's format_float_positional / format_float_scientific) and the
// fast shortest-digits path used for JSON. Expected strings in DRAGON4_ROWS were produced by NumPy 2.4.6:
//   np.format_float_positional(np.float32(v), **kw) / np.format_float_scientific(...)
// (values listed as the exact float64 of the float32). The properties compare the fast path with Dragon4
// and check the defining property of "shortest": it round-trips, and one digit fewer never does.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatFloatPositional, formatFloatScientific, shortestString } from '../../src/core/format';
import {
  dragon4,
  floatBits,
  type PositionalOptions,
  type ScientificOptions,
} from '../../src/core/format/dragon4';
import { shortestDigits } from '../../src/core/format/shortest';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

type Row = ['p' | 's', number, 'float32' | 'float64', PositionalOptions & ScientificOptions, string];
const DRAGON4_ROWS: Row[] = [
  ['p', 0.10000000149011612, 'float32', {}, '0.1'],
  ['p', 0.1, 'float64', {}, '0.1'],
  ['p', 0.3333333432674408, 'float32', {}, '0.33333334'],
  ['p', 0.3333333333333333, 'float64', {}, '0.3333333333333333'],
  ['p', 16777216.0, 'float32', {}, '16777216.'],
  ['p', 1.401298464324817e-45, 'float32', {}, '0.000000000000000000000000000000000000000000001'],
  ['p', 3.4028234663852886e38, 'float32', {}, '340282350000000000000000000000000000000.'],
  ['p', 4194302.25, 'float32', {}, '4194302.2'],
  ['p', 4194303.75, 'float32', {}, '4194303.8'],
  ['p', 0.0012345670256763697, 'float32', { precision: 8, unique: true, trim: '.' }, '0.00123457'],
  ['p', 1.000000013351432e-10, 'float32', { precision: 8, unique: true, trim: '.' }, '0.'],
  ['p', 6.000000052353016e-9, 'float32', { precision: 8, unique: true, trim: '.' }, '0.00000001'],
  [
    'p',
    0.5,
    'float32',
    { precision: 8, unique: true, trim: '.', padLeft: 3, padRight: 9, minDigits: 0 },
    '  0.5        ',
  ],
  ['p', 2.5, 'float64', { precision: 0, unique: false, trim: 'k' }, '2.'],
  ['p', 3.5, 'float64', { precision: 0, unique: false, trim: 'k' }, '4.'],
  ['p', 0.03125, 'float64', { precision: 4, unique: false, trim: 'k' }, '0.0312'],
  ['p', 1.0, 'float32', { trim: '0' }, '1.0'],
  ['p', 1.0, 'float32', { trim: '-' }, '1'],
  ['p', -0.0, 'float32', { trim: '.' }, '-0.'],
  ['p', 1.1754943508222875e-38, 'float32', {}, '0.000000000000000000000000000000000000011754944'],
  ['p', 1.152921504606847e18, 'float32', {}, '1152921500000000000.'],
  ['p', 1e22, 'float64', {}, '10000000000000000000000.'],
  [
    'p',
    5e-324,
    'float64',
    {},
    '0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005',
  ],
  ['s', 9.999999747378752e-6, 'float32', {}, '1.e-05'],
  ['s', 1e-5, 'float64', { trim: '-' }, '1e-05'],
  [
    's',
    123456.703125,
    'float32',
    { precision: 3, unique: true, trim: 'k', minDigits: 3, expDigits: 2, padLeft: 2 },
    ' 1.235e+05',
  ],
  ['s', 1e100, 'float64', {}, '1.e+100'],
  ['s', -1.500000053056283e-7, 'float32', { precision: 8, unique: true, trim: '.' }, '-1.5e-07'],
  ['s', 9.5, 'float64', { precision: 0, unique: false, trim: 'k' }, '1.e+01'],
  ['s', 1.401298464324817e-45, 'float32', {}, '1.e-45'],
  ['s', 3.4028234663852886e38, 'float32', { precision: 3, unique: false, trim: 'k' }, '3.403e+38'],
  ['s', 1.0, 'float32', { trim: '0' }, '1.0e+00'],
];

suite('dragon4: NumPy 2.4.6 format_float_positional / format_float_scientific', () => {
  for (const [kind, v, dtype, opts, want] of DRAGON4_ROWS) {
    const label = `${kind === 'p' ? 'positional' : 'scientific'} ${dtype} ${v} ${JSON.stringify(opts)}`;
    test(label.length > 110 ? label.slice(0, 110) + '…' : label, () => {
      const got =
        kind === 'p' ? formatFloatPositional(v, dtype, opts) : formatFloatScientific(v, dtype, opts);
      assert.equal(got, want);
    });
  }
  test('non-finite values', () => {
    assert.equal(formatFloatPositional(NaN, 'float32'), 'nan');
    assert.equal(formatFloatScientific(-Infinity, 'float64'), '-inf');
    assert.equal(formatFloatPositional(Infinity, 'float64', { sign: true }), '+inf');
  });
  test('unique=false needs a precision', () => {
    assert.throws(() => formatFloatPositional(1, 'float64', { unique: false }), RangeError);
  });
});

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const finiteFloat32 = fc
  .integer({ min: 0, max: 0xffffffff })
  .map((bits) => {
    u32[0] = bits >>> 0;
    return f32[0];
  })
  .filter((x) => Number.isFinite(x));

/** Decimal string with `p` significant digits nearest to x (toPrecision), for the "one digit fewer" check. */
function roundTrips32(s: string, x: number): boolean {
  return Math.fround(Number(s)) === x;
}

suite('shortest digits', () => {
  test('float32 fast path equals Dragon4 (random bit patterns)', () => {
    fc.assert(
      fc.property(finiteFloat32, (x) => {
        const a = shortestDigits(x, 'float32');
        const b = dragon4(floatBits(Math.abs(x), 'float32'), true, false, -1, -1);
        return a.digits === b.digits && a.exponent === b.exponent;
      }),
      { numRuns: 20000 },
    );
  });
  test('float32 fast path equals Dragon4 on exact decimal ties and powers of two', () => {
    const xs: number[] = [4194302.25, 4194303.75, 0.5, 2.5, 1048575.625, 131071.875, 8388607.5];
    for (let e = -149; e < 128; e++) xs.push(2 ** e);
    for (let k = 1; k <= 10; k++)
      for (let m = 1; m < 4000; m += 37) xs.push(Math.fround(((1 << 23) - m) / 2 ** k));
    for (const x of xs) {
      const a = shortestDigits(x, 'float32');
      const b = dragon4(floatBits(x, 'float32'), true, false, -1, -1);
      assert.deepEqual(a, b, String(x));
    }
  });
  test('float64 shortest equals Dragon4', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const a = shortestDigits(x, 'float64');
        const b = dragon4(floatBits(Math.abs(x), 'float64'), true, false, -1, -1);
        return a.digits === b.digits && a.exponent === b.exponent;
      }),
      { numRuns: 5000 },
    );
  });
  test('shortestString(float32) round-trips and no shorter decimal does', () => {
    fc.assert(
      fc.property(finiteFloat32, (x) => {
        const s = shortestString(x, 'float32');
        if (!roundTrips32(s, x)) return false;
        if ((x < 0 || Object.is(x, -0)) !== s.startsWith('-')) return false;
        const digits = shortestDigits(x, 'float32').digits.length;
        if (digits === 1) return true;
        return !roundTrips32(Math.abs(x).toPrecision(digits - 1), Math.abs(x));
      }),
      { numRuns: 20000 },
    );
  });
  test('shortestString examples', () => {
    assert.equal(shortestString(0.1, 'float32'), '0.1');
    assert.equal(shortestString(Math.fround(0.1), 'float64'), '0.10000000149011612');
    assert.equal(shortestString(-0, 'float32'), '-0');
    assert.equal(shortestString(1e-7, 'float32'), '1e-7');
    assert.equal(shortestString(3.4028234663852886e38, 'float32'), '3.4028235e+38');
    assert.equal(shortestString(16777216, 'float32'), '16777216');
    assert.equal(shortestString(123456.7, 'float32'), '123456.7');
    assert.equal(shortestString(NaN, 'float32'), 'NaN');
  });
});
