// Tiny DOM helpers: elements with attributes, labelled controls. No inline handlers or styles (CSP).
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

export function button(
  id: string,
  text: string,
  onClick: () => void,
  attrs: Record<string, string> = {},
): HTMLButtonElement {
  const b = el('button', { type: 'button', id, ...attrs }, text);
  b.addEventListener('click', onClick);
  return b;
}

export function option(value: string, text: string, selected = false): HTMLOptionElement {
  const o = el('option', { value }, text);
  o.selected = selected;
  return o;
}

/** Sets an input's value unless the user is typing in it (keeps the caret where it is). */
export function setValue(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  if (document.activeElement === input && input instanceof HTMLInputElement && input.type === 'number')
    return;
  if (input.value !== value) input.value = value;
}

/** Calls `fn` at most once per animation frame with the latest arguments. */
export function perFrame<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  let pending: A | null = null;
  return (...args: A) => {
    const first = pending === null;
    pending = args;
    if (!first) return;
    requestAnimationFrame(() => {
      const a = pending as A;
      pending = null;
      fn(...a);
    });
  };
}

/** Calls `fn` once `ms` after the last call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, ms);
  };
}
