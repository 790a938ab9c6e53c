import { h } from '../common/dom.js';

export interface VirtualListOptions<T> {
  /** Every row has this height in pixels (the CSS must keep it). */
  rowHeight: number;
  key: (item: T) => string;
  /** Rows whose signature did not change are kept, so focus and hover survive updates. */
  signature: (item: T) => string;
  renderRow: (item: T) => HTMLElement;
  label: string;
}

const OVERSCAN = 6;

/**
 * A scrolling list that only builds the rows in view: the queue may hold 2,000 incidents and the
 * unit list 5,000 units, and a row per item would make every update and every timer tick slow.
 */
export class VirtualList<T> {
  readonly element: HTMLElement;
  private readonly spacer: HTMLElement;
  private items: T[] = [];
  private rendered = new Map<string, { element: HTMLElement; signature: string; item: T }>();
  private frame = 0;

  constructor(private readonly options: VirtualListOptions<T>) {
    this.spacer = h('div', { class: 'virtual-spacer', role: 'list', 'aria-label': options.label });
    this.element = h('div', { class: 'virtual-list' }, this.spacer);
    this.element.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  setItems(items: T[]) {
    this.items = items;
    this.spacer.style.height = `${items.length * this.options.rowHeight}px`;
    this.renderWindow();
  }

  /** The rows now on screen, with their items (timers update these in place). */
  *visibleRows(): Generator<[T, HTMLElement]> {
    for (const row of this.rendered.values()) yield [row.item, row.element];
  }

  /** Scrolls so the item is in view. */
  reveal(key: string) {
    const index = this.items.findIndex((item) => this.options.key(item) === key);
    if (index < 0) return;
    const top = index * this.options.rowHeight;
    if (top < this.element.scrollTop || top + this.options.rowHeight > this.element.scrollTop + this.element.clientHeight)
      this.element.scrollTop = Math.max(0, top - this.element.clientHeight / 3);
    this.renderWindow();
  }

  /** Rebuilds every row in view (after a language switch). */
  rerender() {
    this.rendered.forEach((row) => row.element.remove());
    this.rendered.clear();
    this.renderWindow();
  }

  private schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.renderWindow();
    });
  }

  private renderWindow() {
    const { rowHeight, key, signature, renderRow } = this.options;
    const height = this.element.clientHeight || rowHeight * 12;
    const first = Math.max(0, Math.floor(this.element.scrollTop / rowHeight) - OVERSCAN);
    const last = Math.min(this.items.length, Math.ceil((this.element.scrollTop + height) / rowHeight) + OVERSCAN);
    const keep = new Set<string>();
    const focusedKey = this.focusedKey();
    for (let index = first; index < last; index += 1) {
      const item = this.items[index]!;
      const itemKey = key(item);
      const itemSignature = signature(item);
      keep.add(itemKey);
      let row = this.rendered.get(itemKey);
      if (!row || row.signature !== itemSignature) {
        const element = renderRow(item);
        element.dataset.virtualKey = itemKey;
        element.setAttribute('role', 'listitem');
        if (row) row.element.replaceWith(element);
        else this.spacer.append(element);
        if (row && focusedKey === itemKey) element.focus({ preventScroll: true });
        row = { element, signature: itemSignature, item };
        this.rendered.set(itemKey, row);
      }
      row.item = item;
      row.element.style.top = `${index * rowHeight}px`;
      row.element.setAttribute('aria-posinset', String(index + 1));
      row.element.setAttribute('aria-setsize', String(this.items.length));
    }
    for (const [itemKey, row] of this.rendered) {
      if (keep.has(itemKey)) continue;
      row.element.remove();
      this.rendered.delete(itemKey);
    }
    // Keep document order equal to list order, so Tab walks the rows top to bottom.
    let previous: Element | null = null;
    for (let index = first; index < last; index += 1) {
      const element = this.rendered.get(key(this.items[index]!))!.element;
      if (element.previousElementSibling !== previous) {
        if (previous) previous.after(element);
        else this.spacer.prepend(element);
        if (focusedKey === element.dataset.virtualKey) element.focus({ preventScroll: true });
      }
      previous = element;
    }
  }

  private focusedKey(): string | undefined {
    const active = document.activeElement;
    return active instanceof HTMLElement && this.spacer.contains(active) ? active.closest<HTMLElement>('[data-virtual-key]')?.dataset.virtualKey : undefined;
  }
}
