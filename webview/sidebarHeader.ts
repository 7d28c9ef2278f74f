// The side view's header: whether the view is pinned (keeps its plot) or follows the selection, a pin toggle and
// "Open in panel" (the host opens the current request in an editor panel).
import type { Strings } from './strings';
import { button, el } from './dom';

export class SidebarHeader {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly pin: HTMLButtonElement;
  private readonly open: HTMLButtonElement;

  constructor(
    private readonly strings: Strings,
    handlers: { onPin(pinned: boolean): void; onOpenInPanel(): void },
  ) {
    this.status = el('span', { id: 'pin-status', class: 'pin-status', role: 'status' });
    this.pin = button(
      'pin-toggle',
      strings.pin,
      () => handlers.onPin(this.pin.getAttribute('aria-pressed') !== 'true'),
      {
        'aria-pressed': 'false',
        class: 'secondary',
      },
    );
    this.open = button('open-in-panel', strings.openInPanel, () => handlers.onOpenInPanel(), {
      class: 'secondary',
    });
    this.element = el(
      'div',
      { class: 'sidebar-header' },
      this.status,
      el('span', { class: 'spacer' }),
      this.pin,
      this.open,
    );
  }

  sync(pinned: boolean, hasPlot: boolean): void {
    this.status.textContent = pinned ? this.strings.pinned : this.strings.unpinned;
    this.status.classList.toggle('pinned', pinned);
    this.pin.textContent = pinned ? this.strings.unpin : this.strings.pin;
    this.pin.setAttribute('aria-pressed', String(pinned));
    this.open.disabled = !hasPlot;
  }
}
