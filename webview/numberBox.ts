// Number boxes beside sliders (ε, depth L, temperature, parameters): a typed value outside the slider's range is
// clamped, the box shows the value in use, and a message next to the box says why (issue 13.7) — the box and the
// chart never disagree. The check is pure; `RangeMessage` is its small DOM part.
import { fillPlaceholders } from '../src/shared/uiStrings';
import { el } from './dom';
import type { Strings } from './strings';

export type TypedNumber =
  { kind: 'ok'; value: number } | { kind: 'clamped'; value: number; typed: number } | { kind: 'invalid' };

/** Reads what was typed into a box: within [lo, hi] as is, outside clamped to it, not a number refused. */
export function readTypedNumber(
  text: string,
  range: readonly [number, number],
  integer = false,
): TypedNumber {
  const typed = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(typed)) return { kind: 'invalid' };
  const value = integer ? Math.round(typed) : typed;
  const clamped = Math.min(range[1], Math.max(range[0], value));
  if (clamped !== value || (integer && value !== typed)) return { kind: 'clamped', value: clamped, typed };
  return { kind: 'ok', value };
}

/** The message for a typed value that was not used as typed ('' when it was). */
export function typedNumberMessage(
  result: TypedNumber,
  label: string,
  range: readonly [number, number],
  strings: Pick<Strings, 'numberClamped' | 'numberInvalid'>,
): string {
  if (result.kind === 'ok') return '';
  if (result.kind === 'invalid') return fillPlaceholders(strings.numberInvalid, label, range[0], range[1]);
  return fillPlaceholders(strings.numberClamped, label, range[0], range[1], result.typed, result.value);
}

/** A polite live message tied to its box (aria-describedby), shown only while there is something to say. */
export class RangeMessage {
  readonly element: HTMLElement;

  constructor(
    id: string,
    private readonly box: HTMLInputElement,
  ) {
    this.element = el('p', { id: `${id}-message`, class: 'field-message', role: 'status', hidden: '' });
    box.setAttribute('aria-describedby', this.element.id);
  }

  show(text: string): void {
    this.element.textContent = text;
    this.element.hidden = text === '';
    if (text) this.box.setAttribute('aria-invalid', 'true');
    else this.box.removeAttribute('aria-invalid');
  }
}
