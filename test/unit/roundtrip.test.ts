// parseArray(formatArray(a, shape, style, dtype)) for random arrays (nested shapes, nan, ±inf, −0, tiny and
// huge values). What is true, style by style:
// - json: lossless (NaN ↔ null, ±Infinity ↔ ±1e999, −0 ↔ -0); float32 prints the float32 shortest
//   digits, so Math.fround of the parsed value is the original float32.
// - numpy / tensorflow (str, precision 8, floatmode maxprec): in scientific mode every element keeps its
//   own unique digits capped at 9 significant digits; a float32 never needs more than 9, so float32 is
//   lossless there, and a float64 is exact when its shortest form has ≤ 9 digits (else relative error
//   ≤ 5e-9). In positional mode an element is exact when its shortest form needs ≤ 8 decimals, otherwise
//   it is rounded at 8 decimals (absolute error ≤ 5e-9).
// - pytorch (precision 4): int mode is exact; fixed mode is within 5e-5; scientific within 5e-5 relative
//   (a float64 within 5e-5 of the largest double prints as 1.7977e+308 and reads back as inf).
// - arrays above 1000 elements print summarised ('...') and parseArray refuses them.
// - the shape comes back unchanged, except empty arrays (NumPy/TF print [] for any empty shape).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatArray } from '../../src/core/format';
import { shortestDigits } from '../../src/core/format/shortest';
import { ParseError, parseArray } from '../../src/core/parse';

const suite = (name: string, fn: () => void): void => void describe(name, fn);
const test = (name: string, fn: () => void): void => void it(name, fn);

type DT = 'float32' | 'float64';
const RUNS = 400;

/** Values that stress printing: specials, tiny, huge, integers, activation-like outputs. */
function valueArb(dtype: DT): fc.Arbitrary<number> {
  const any = dtype === 'float32' ? fc.float() : fc.double();
  return fc.oneof(
    { weight: 3, arbitrary: any },
    { weight: 3, arbitrary: fc.double({ min: -1, max: 1, noNaN: true }) },
    { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e-40, -1e-30, 1e30, 3e38, 5e-324),
    },
    { weight: 2, arbitrary: fc.double({ min: 1e-7, max: 1e7, noNaN: true }) },
  );
}

interface Case {
  shape: number[];
  values: number[];
}

function caseArb(dtype: DT, maxDim = 4, maxRank = 3): fc.Arbitrary<Case> {
  return fc.array(fc.integer({ min: 1, max: maxDim }), { maxLength: maxRank }).chain((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    return fc
      .array(valueArb(dtype), { minLength: size, maxLength: size })
      .map((values) => ({ shape, values }));
  });
}

const round = (v: number, dtype: DT): number => (dtype === 'float32' ? Math.fround(v) : v);

/** Decimals the shortest form of |v| needs after the point. */
function fractionDigits(v: number, dtype: DT): number {
  const d = shortestDigits(v, dtype);
  return Math.max(0, d.digits.length - 1 - d.exponent);
}

/** Bound on the float64 rounding of a parsed decimal near v (the printed decimal itself is not a double). */
function ulp(v: number): number {
  return Math.abs(v) * 2 ** -52;
}

function sameNumber(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

suite('round trip: json', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    test(`${dtype}: values and shape come back exactly`, () => {
      fc.assert(
        fc.property(caseArb(dtype), ({ shape, values }) => {
          const text = formatArray(values, shape, 'json', dtype);
          JSON.parse(text); // always valid JSON
          const back = parseArray(text);
          assert.deepEqual(back.shape, shape);
          back.values.forEach((v, i) => {
            const want = round(values[i], dtype);
            assert.ok(sameNumber(round(v, dtype), want), `${text}: [${i}] ${v} vs ${want}`);
          });
        }),
        { numRuns: RUNS },
      );
    });
  }
  test('float64 json is exact without any rounding step', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 30 }), (values) => {
        const back = parseArray(formatArray(values, [values.length], 'json', 'float64')).values;
        return back.every((v, i) => sameNumber(v, values[i]));
      }),
      { numRuns: RUNS },
    );
  });
});

for (const style of ['numpy', 'tensorflow'] as const) {
  suite(`round trip: ${style}`, () => {
    for (const dtype of ['float32', 'float64'] as const) {
      test(`${dtype}: exact where the printout keeps the digits, else within its precision`, () => {
        fc.assert(
          fc.property(caseArb(dtype), ({ shape, values }) => {
            const text = formatArray(values, shape, style, dtype);
            const back = parseArray(text);
            assert.deepEqual(back.shape, shape, text);
            const scientific = shape.length > 0 && /e[+-]\d/.test(text);
            back.values.forEach((got, i) => {
              const want = round(values[i], dtype);
              if (!Number.isFinite(want) || want === 0) {
                assert.ok(
                  sameNumber(got, want) || (want === 0 && got === 0 && Object.is(got, want)),
                  `${text} [${i}]`,
                );
                return;
              }
              // 0-d arrays print every shortest digit (the scalar str)
              const d = shortestDigits(want, dtype);
              const lossless =
                shape.length === 0 || (scientific ? d.digits.length <= 9 : fractionDigits(want, dtype) <= 8);
              if (lossless) {
                assert.equal(round(got, dtype), want, `${text} [${i}]`);
              } else if (scientific) {
                assert.ok(
                  Math.abs(got - want) <= 5e-9 * Math.abs(want) + ulp(want),
                  `${text} [${i}] ${got} vs ${want}`,
                );
              } else {
                assert.ok(Math.abs(got - want) <= 5e-9 + ulp(want), `${text} [${i}] ${got} vs ${want}`);
              }
            });
          }),
          {
            numRuns: RUNS,
            // found by fast-check: 2179185.14670167 is 5e-9 from the value, plus the parse's own rounding
            examples: [[{ shape: [1, 3], values: [2179.185146701675, NaN, 2179185.146701675] }]],
          },
        );
      });
    }
  });
}

suite('round trip: pytorch', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    test(`${dtype}: within the printed precision (4 decimals / 5 significant digits)`, () => {
      fc.assert(
        fc.property(caseArb(dtype), ({ shape, values }) => {
          const text = formatArray(values, shape, 'pytorch', dtype);
          const back = parseArray(text);
          assert.deepEqual(back.shape, shape, text);
          const scientific = /e[+-]\d/.test(text);
          back.values.forEach((got, i) => {
            const want = round(values[i], dtype);
            if (!Number.isFinite(want)) return assert.ok(sameNumber(got, want), `${text} [${i}]`);
            // {:.4e} of a value within 5e-5 of the largest double rounds up to 1.7977e+308: that reads back as
            // ±inf (as Python's float() would read it too).
            if (!Number.isFinite(got) && Math.abs(want) > 1.7976e308)
              return assert.equal(Math.sign(got), Math.sign(want));
            const tol = (scientific ? 5e-5 * Math.abs(want) : 5e-5) + ulp(want);
            assert.ok(Math.abs(got - want) <= tol, `${text} [${i}] ${got} vs ${want}`);
          });
        }),
        { numRuns: RUNS },
      );
    });
  }
  test('int mode is exact', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -999, max: 999 }), { minLength: 1, maxLength: 40 }),
        (values) => {
          const back = parseArray(formatArray(values, [values.length], 'pytorch', 'float32')).values;
          return back.every((v, i) => v === values[i]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

suite('round trip: edge shapes', () => {
  test('empty arrays come back as shape [0] (numpy, tensorflow) or with their size= (pytorch)', () => {
    for (const style of ['numpy', 'tensorflow', 'pytorch', 'json'] as const) {
      assert.deepEqual(parseArray(formatArray([], [0], style, 'float32')).shape, [0], style);
    }
    assert.deepEqual(parseArray(formatArray([], [2, 0], 'pytorch', 'float32')).shape, [2, 0]);
    assert.deepEqual(parseArray(formatArray([], [2, 0], 'tensorflow', 'float32')).shape, [2, 0]);
    assert.deepEqual(parseArray(formatArray([], [2, 0], 'json', 'float32')).shape, [2, 0]);
    assert.deepEqual(parseArray(formatArray([], [2, 0], 'numpy', 'float32')).shape, [0]);
  });
  test('scalars come back as shape []', () => {
    for (const style of ['numpy', 'tensorflow', 'pytorch', 'json'] as const) {
      const back = parseArray(formatArray([0.5], [], style, 'float32'));
      assert.deepEqual(back.shape, [], style);
      assert.equal(back.values[0], 0.5);
    }
  });
  test('summarised printouts (> 1000 elements) are refused, json is not summarised', () => {
    const values = Array.from({ length: 1500 }, (_, i) => i / 3);
    for (const style of ['numpy', 'tensorflow', 'pytorch'] as const) {
      const text = formatArray(values, [30, 50], style, 'float32');
      assert.throws(
        () => parseArray(text),
        (e: unknown) => e instanceof ParseError && /summarised/.test(e.message),
        style,
      );
    }
    const json = parseArray(formatArray(values, [30, 50], 'json', 'float32'));
    assert.deepEqual(json.shape, [30, 50]);
    assert.equal(json.values.length, 1500);
  });
  test('large wrapped 2-D and 3-D printouts below the threshold', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.fround(Math.sin(i) * 10));
    for (const [style, shape] of [
      ['numpy', [10, 100]],
      ['tensorflow', [10, 10, 10]],
      ['pytorch', [25, 40]],
    ] as const) {
      const back = parseArray(formatArray(values, shape, style, 'float32'));
      assert.deepEqual(back.shape, shape, style);
      assert.equal(back.values.length, 1000);
    }
  });
});
