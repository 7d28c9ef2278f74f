// A labelled log-scaled slider with a numeric box beside it (ε, depth L, temperature): the one widget the controls,
// the depth chart and the softmax view share. Both inputs carry the label; a typed value outside the range is
// clamped, shown as clamped, and explained next to the box (numberBox.ts).
import { el, setValue } from './dom';
import { STEPS, stepToValue, tidy, valueToStep } from './logScale';
import { RangeMessage, readTypedNumber, typedNumberMessage } from './numberBox';
import type { Strings } from './strings';

export interface LogSliderOptions {
  /** Ids are `${id}-slider` and `${id}-input`. */
  id: string;
  label: string;
  range: readonly [number, number];
  /** Whole numbers only (depth L); otherwise values are tidied to 3 significant digits. */
  integer?: boolean;
  /** The range messages' wording. */
  strings: Pick<Strings, 'numberClamped' | 'numberInvalid'>;
  /** Extra class of the field, e.g. 'depth'. */
  fieldClass?: string;
  onValue(value: number): void;
}

export class LogSlider {
  readonly field: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly number: HTMLInputElement;
  private readonly message: RangeMessage;
  private current = NaN;

  constructor(private readonly options: LogSliderOptions) {
    const [lo, hi] = options.range;
    const round = (v: number): number => (options.integer ? Math.round(v) : tidy(v));
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
    this.message = new RangeMessage(options.id, this.number);
    this.slider.addEventListener('input', () => {
      const value = round(stepToValue(Number(this.slider.value), lo, hi));
      this.number.value = String(value);
      this.message.show('');
      options.onValue(value);
    });
    this.number.addEventListener('change', () => {
      const result = readTypedNumber(this.number.value, options.range, options.integer);
      this.message.show(typedNumberMessage(result, options.label, options.range, options.strings));
      if (result.kind === 'invalid') {
        // Nothing usable was typed: the box goes back to the value in use.
        if (Number.isFinite(this.current)) this.number.value = String(this.current);
        return;
      }
      // The box shows the value the chart uses, also while it has the focus.
      this.number.value = String(result.value);
      setValue(this.slider, String(valueToStep(result.value, lo, hi)));
      options.onValue(result.value);
    });
    this.field = el(
      'div',
      { class: options.fieldClass ? `field ${options.fieldClass}` : 'field' },
      el('label', { for: `${options.id}-slider` }, options.label),
      el('div', { class: 'slider-row' }, this.slider, this.number),
      this.message.element,
    );
  }

  /** Shows `value` (unless the user is typing in the box). */
  set(value: number): void {
    const [lo, hi] = this.options.range;
    this.current = value;
    setValue(this.slider, String(valueToStep(value, lo, hi)));
    setValue(this.number, String(value));
  }
}
