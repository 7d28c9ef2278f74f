// The empty state that teaches: what to select (the article's own example), and a button that plots a sample array
// inside the view — it inserts nothing into the user's files.
import type { Strings } from './strings';
import { button, el } from './dom';

export const EXAMPLE_CODE = 'tf.nn.sigmoid([-3.,-2.,-1.,0.0,1.,2.,3.])';

export function renderEmptyState(
  section: HTMLElement,
  strings: Strings,
  reason: string,
  onExample: () => void,
): void {
  section.replaceChildren(
    el('h2', {}, strings.emptyTitle),
    ...(reason && reason !== strings.emptyTitle ? [el('p', { class: 'reason' }, reason)] : []),
    el('p', {}, strings.emptyHint),
    el('pre', { class: 'example-code' }, el('code', {}, EXAMPLE_CODE)),
    el('p', { class: 'note' }, strings.emptyHint2),
    button('try-example', strings.tryExample, onExample, { class: 'primary' }),
  );
}
