import { h } from '../common/dom.js';
import { currentLocale, setLocale, t } from '../i18n/index.js';
import type { LiveClient } from '../net/live-client.js';

export interface PageHeaderOptions {
  /** The page's own name after the platform's. */
  title: string;
  /** Shown above the bar; the standard DRILL / 演练 stripe when not given. */
  banner?: HTMLElement;
  /** Links and buttons of the page, before the connection and language controls. */
  nav?: HTMLElement[];
  /** The drill world's connection, when the page follows one. */
  client?: LiveClient | null;
  onLogout: () => void;
  onLocaleChange: () => void;
}

/**
 * The top of every drill page: a DRILL / 演练 banner that cannot be missed, then the platform's dark
 * bar with the page's name, its links, the connection state, the language switch and log-out. It has
 * the status bar's look (common/status-bar.ts), which needs a live connection the list pages do not have.
 */
export function pageHeader(options: PageHeaderOptions): HTMLElement {
  const banner = options.banner ?? h('div', { class: 'drill-banner', 'data-testid': 'drill-banner' }, t('drill.banner'));
  const client = options.client;
  let indicator: HTMLElement | null = null;
  if (client) {
    const element = h('span', { class: 'connection', 'data-testid': 'connection', role: 'status', 'aria-live': 'polite' });
    let shown = false;
    const stopListening = client.onConnection((state) => {
      // A language switch rebuilds the header: once this indicator has left the page it stops listening.
      if (element.isConnected) shown = true;
      else if (shown) return void stopListening();
      element.dataset.state = state;
      element.textContent = t(`connection.${state}`);
    });
    indicator = element;
  }
  const language = h('button', { type: 'button', class: 'language', 'data-testid': 'language' }, t('language.switch'));
  language.addEventListener('click', () => {
    void setLocale(currentLocale() === 'zh-CN' ? 'en' : 'zh-CN').then(options.onLocaleChange);
  });
  const logout = h('button', { type: 'button', class: 'logout' }, t('action.logout'));
  logout.addEventListener('click', options.onLogout);
  return h(
    'header',
    { class: 'status-bar-wrap drill-header' },
    banner,
    h(
      'div',
      { class: 'status-bar' },
      h('strong', {}, t('app.name')),
      h('span', { class: 'page-title' }, options.title),
      ...(options.nav ?? []),
      indicator,
      language,
      logout,
    ),
  );
}

/** Shows an API error in words: the catalog's name for its code, and the server's explanation. */
export function errorText(error: { code: string; message: string }): string {
  return `${t(`error.${error.code}`)} — ${error.message}`;
}
