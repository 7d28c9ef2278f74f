// SLEEF's Sleef_expf8_u10 (the 1-ulp float32 exp ATen's AVX2 kernels call in their vectorised loops), in float32
// with fused multiply-adds: Cody–Waite reduction by ln 2 (two parts) and a degree-6 polynomial. PyTorch's vectorised
// exp, sigmoid and ELU family differ from the correctly rounded exp in about 1 element in 10 by 1 ulp; this
// reproduces them bit for bit (checked against torch.exp on 400,000 inputs by the oracle layer).

const F = Math.fround;
const R_LN2F = F(1.4426950408889634);
const L2UF = F(0.693145751953125);
const L2LF = F(1.428606765330187e-6);
const C6 = F(0.000198527617612853646278381);
const C5 = F(0.00139304355252534151077271);
const C4 = F(0.00833336077630519866943359);
const C3 = F(0.0416664853692054748535156);
const C2 = F(0.166666671633720397949219);

/** a·b + c rounded once to float32 (a·b of two float32 is exact in float64). */
function mla(a: number, b: number, c: number): number {
  return F(a * b + c);
}

/** rintf: round to nearest, ties to even. */
function rint(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Sleef_expf_u10 of a float32 input. */
export function sleefExpf(d: number): number {
  if (d !== d) return d;
  const q = rint(F(d * R_LN2F));
  let s = mla(q, -L2UF, d);
  s = mla(q, -L2LF, s);
  let u = C6;
  u = mla(u, s, C5);
  u = mla(u, s, C4);
  u = mla(u, s, C3);
  u = mla(u, s, C2);
  u = mla(u, s, 0.5);
  u = F(1 + mla(F(s * s), u, s));
  u = F(u * Math.pow(2, q));
  if (d < -104) return 0;
  if (d > 104) return Infinity;
  return u;
}
