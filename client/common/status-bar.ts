import { currentLocale, setLocale, t } from '../i18n/index.js';
import type { LiveClient } from '../net/live-client.js';
import { h } from './dom.js';

/**
 * The strip every page carries: a connection indicator (data-state for tests), the language switch,
 * and for drill worlds an unmistakable DRILL / 演练 banner. A page may add its own controls (`extra`).
 */
export function statusBar(
  client: LiveClient,
  options: { world: string; onLogout: () => void; onLocaleChange: () => void; extra?: (HTMLElement | null)[] },
) {
  const indicator = h('span', { class: 'connection', 'data-testid': 'connection', role: 'status', 'aria-live': 'polite' });
  let shown = false;
  const stopListening = client.onConnection((state) => {
    // A language switch rebuilds the bar: once this indicator has left the page it stops listening.
    if (indicator.isConnected) shown = true;
    else if (shown) return void stopListening();
    indicator.dataset.state = state;
    indicator.textContent = t(`connection.${state}`);
  });
  const language = h('button', { type: 'button', class: 'language', 'data-testid': 'language' }, t('language.switch'));
  language.addEventListener('click', () => {
    void setLocale(currentLocale() === 'zh-CN' ? 'en' : 'zh-CN').then(options.onLocaleChange);
  });
  const logout = h('button', { type: 'button', class: 'logout' }, t('action.logout'));
  logout.addEventListener('click', options.onLogout);
  const drill = options.world !== 'live' ? h('div', { class: 'drill-banner', 'data-testid': 'drill-banner' }, t('drill.banner')) : null;
  return h('div', { class: 'status-bar-wrap' }, drill, h('div', { class: 'status-bar' }, h('strong', {}, t('app.name')), ...(options.extra ?? []), indicator, language, logout));
}
