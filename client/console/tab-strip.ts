import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';

export interface Tab {
  name: string;
  labelKey: string;
  panel: HTMLElement;
}

/**
 * Tabs over panels (ARIA tabs pattern): buttons with aria-selected, arrow keys move between them,
 * hidden panels keep their state. `onShow` lets a panel refresh what it skipped while hidden.
 */
export class TabStrip {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private current: string;

  constructor(
    private readonly id: string,
    private readonly tabs: Tab[],
    private readonly onShow: (name: string) => void = () => undefined,
  ) {
    this.current = tabs[0]!.name;
    this.list = h('div', { class: 'tab-list', role: 'tablist' });
    this.element = h('div', { class: 'tab-strip' }, this.list, ...tabs.map((tab) => tab.panel));
    for (const tab of tabs) {
      tab.panel.setAttribute('role', 'tabpanel');
      tab.panel.id = `${id}-panel-${tab.name}`;
      tab.panel.setAttribute('aria-labelledby', `${id}-tab-${tab.name}`);
      tab.panel.classList.add('tab-panel');
    }
    this.render();
  }

  get selected() {
    return this.current;
  }

  show(name: string) {
    if (!this.tabs.some((tab) => tab.name === name)) return;
    const changed = this.current !== name;
    this.current = name;
    this.render();
    if (changed) this.onShow(name);
  }

  /** Rebuilds the tab labels (after a language switch). */
  render() {
    const buttons = this.tabs.map((tab, index) => {
      const selected = tab.name === this.current;
      const button = h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `${this.id}-tab-${tab.name}`,
          'aria-controls': tab.panel.id,
          'aria-selected': String(selected),
          tabindex: selected ? 0 : -1,
          'data-testid': `tab-${tab.name}`,
        },
        t(tab.labelKey),
      );
      button.addEventListener('click', () => this.show(tab.name));
      button.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        const next = this.tabs[(index + step + this.tabs.length) % this.tabs.length]!;
        this.show(next.name);
        this.list.querySelector<HTMLElement>(`#${this.id}-tab-${next.name}`)?.focus();
      });
      return button;
    });
    this.list.replaceChildren(...buttons);
    for (const tab of this.tabs) tab.panel.hidden = tab.name !== this.current;
  }
}
