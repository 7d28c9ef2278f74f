// Exact decimal → double conversion without building a string, for mantissas of up to 19 significant digits.
//
// value = (h·10^k + l) · 10^e10, with h < 10^15 (the first 15 significant digits), l < 10^k, k ≤ 4.
// - k = 0 and |e10| ≤ 22: Clinger's fast path — h and 10^|e10| are exact doubles, so one IEEE multiply or
//   divide is the correctly rounded result.
// - k > 0 and |e10| ≤ 22: the mantissa M is formed exactly as a double-double, multiplied or divided by the
//   exact double 10^|e10| in double-double arithmetic (error below 2^-100 relative), and rounded. The
//   rounding is accepted only when x − δ and x + δ (δ = 2^-90·|x|, far above the error) round to the same
//   double: rounding is monotonic, so the true value rounds there too. Otherwise NaN tells the caller to
//   use Number() on the text (it happens only for decimals within 2^-90 of a rounding boundary).

/** Exact powers of ten as doubles (10^0 … 10^22). */
export const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp split)
const TWO_24 = 16777216;
const DELTA = 2 ** -90;

// Veltkamp halves of each power of ten, for the exact products below.
const POW10_HI = POW10.map((p) => {
  const c = SPLITTER * p;
  return c - (c - p);
});
const POW10_LO = POW10.map((p, i) => p - POW10_HI[i]);

/**
 * The double nearest to (h·10^k + l)·10^e10, or NaN when the fast computation cannot prove its rounding
 * (|e10| > 22 or a value within 2^-90 of a rounding boundary). Requires h < 10^15, l < 10^k, 1 ≤ k ≤ 4.
 */
export function decimalToDouble(h: number, l: number, k: number, e10: number): number {
  if (e10 > 22 || e10 < -22) return NaN;
  // M = h·10^k + l exactly: h = a·2^24 + b, so M = (a·P)·2^24 + (b·P + l), both terms exact integers.
  const p = POW10[k];
  const b = h % TWO_24;
  const a = (h - b) / TWO_24;
  const s1 = a * p * TWO_24;
  const s2 = b * p + l;
  // TwoSum(s1, s2) → (mh, ml) with mh + ml = M exactly.
  const mh = s1 + s2;
  const bb = mh - s1;
  const ml = s1 - (mh - bb) + (s2 - bb);
  if (e10 === 0) return mh + ml;

  const d = POW10[e10 < 0 ? -e10 : e10];
  const dh = POW10_HI[e10 < 0 ? -e10 : e10];
  const dl = POW10_LO[e10 < 0 ? -e10 : e10];
  let hi: number;
  let lo: number;
  if (e10 > 0) {
    // M·D: TwoProduct(mh, D) plus ml·D.
    hi = mh * d;
    const c = SPLITTER * mh;
    const ah = c - (c - mh);
    const al = mh - ah;
    const err = ah * dh - hi + ah * dl + al * dh + al * dl;
    lo = err + ml * d;
  } else {
    // M/D: q1 = mh/D, remainder r = M − q1·D computed exactly up to tiny terms, q2 = r/D.
    hi = mh / d;
    const prod = hi * d;
    const c = SPLITTER * hi;
    const qh = c - (c - hi);
    const ql = hi - qh;
    const err = qh * dh - prod + qh * dl + ql * dh + ql * dl;
    const r = mh - prod - err + ml;
    lo = r / d;
  }
  const delta = hi * DELTA;
  const x1 = hi + (lo - delta);
  const x2 = hi + (lo + delta);
  return x1 === x2 ? x1 : NaN;
}
