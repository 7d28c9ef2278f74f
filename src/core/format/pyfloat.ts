// Python's float formatting ('{:.Nf}', '{:.Ne}', '{:.0f}') for the PyTorch printer. Python rounds the
// exact binary value half-to-even; JS toFixed/toExponential round ties away from zero, so the digits
// come from Dragon4 in exact mode instead.

import { dragon4Positional, dragon4Scientific } from './dragon4';

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return undefined;
}

/** Python `'{:.{p}f}'.format(x)` (p ≥ 1). */
export function pyFixed(x: number, precision: number): string {
  return (
    special(x) ?? dragon4Positional(x, 'float64', { precision, unique: false, fractional: true, trim: 'k' })
  );
}

/** Python `'{:.{p}e}'.format(x)`: mantissa with p decimals, exponent of at least two digits. */
export function pyExp(x: number, precision: number): string {
  return special(x) ?? dragon4Scientific(x, 'float64', { precision, unique: false, trim: 'k' });
}

/** Python `'{:.0f}'.format(x)` (no decimal point; ties to even). */
export function pyFixed0(x: number): string {
  const s = special(x);
  if (s !== undefined) return s;
  return dragon4Positional(x, 'float64', { precision: 0, unique: false, fractional: true, trim: '-' });
}
