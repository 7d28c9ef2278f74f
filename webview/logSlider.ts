// A labelled log-scaled slider with a numeric box beside it (ε, depth L, temperature): the one widget the controls,
// the depth chart and the softmax view share. Both inputs carry the label; the box accepts typed values.
import { el, setValue } from './dom';
import { STEPS, stepToValue, tidy, valueToStep } from './logScale';

export interface LogSliderOptions {
  /** Ids are `${id}-slider` and `${id}-input`. */
  id: string;
  label: string;
  range: readonly [number, number];
  /** Whole numbers only (depth L); otherwise values are tidied to 3 significant digits. */
  integer?: boolean;
  /** Whether a typed value is used (default: within the range). */
  accept?: (value: number) => boolean;
  /** Extra class of the field, e.g. 'depth'. */
  fieldClass?: string;
  onValue(value: number): void;
}

export class LogSlider {
  readonly field: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly number: HTMLInputElement;

  constructor(private readonly options: LogSliderOptions) {
    const [lo, hi] = options.range;
    const round = (v: number): number => (options.integer ? Math.round(v) : tidy(v));
    const accept = options.accept ?? ((v: number) => v >= lo && v <= hi);
    this.slider = el('input', {
      id: `${options.id}-slider`,
      type: 'range',
      min: '0',
      max: String(STEPS),
      step: '1',
      'aria-label': options.label,
    });
    this.number = el('input', {
      id: `${options.id}-input`,
      type: 'number',
      min: String(lo),
      max: String(hi),
      step: options.integer ? '1' : 'any',
      class: 'number',
      'aria-label': options.label,
    });
    this.slider.addEventListener('input', () => {
      const value = round(stepToValue(Number(this.slider.value), lo, hi));
      this.number.value = String(value);
      options.onValue(value);
    });
    this.number.addEventListener('change', () => {
      const typed = Number(this.number.value);
      const value = options.integer ? Math.round(typed) : typed;
      if (Number.isFinite(value) && accept(value)) options.onValue(value);
    });
    this.field = el(
      'div',
      { class: options.fieldClass ? `field ${options.fieldClass}` : 'field' },
      el('label', { for: `${options.id}-slider` }, options.label),
      el('div', { class: 'slider-row' }, this.slider, this.number),
    );
  }

  /** Shows `value` (unless the user is typing in the box). */
  set(value: number): void {
    const [lo, hi] = this.options.range;
    setValue(this.slider, String(valueToStep(value, lo, hi)));
    setValue(this.number, String(value));
  }
}
