// Pure: log-scaled sliders. An <input type=range> runs over integer steps 0…STEPS; these map a step to a value
// between lo and hi on a log scale, and back.
export const STEPS = 1000;

export function stepToValue(step: number, lo: number, hi: number, steps = STEPS): number {
  const t = Math.min(1, Math.max(0, step / steps));
  return Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo)));
}

export function valueToStep(value: number, lo: number, hi: number, steps = STEPS): number {
  if (!(value > 0)) return 0;
  const t = (Math.log(value) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
  return Math.round(Math.min(1, Math.max(0, t)) * steps);
}

/** A slider value rounded to 3 significant digits, so readouts and requests stay tidy (0.0100, not 0.010023). */
export function tidy(value: number, digits = 3): number {
  return Number(value.toPrecision(digits));
}
