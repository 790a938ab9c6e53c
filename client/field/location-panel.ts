import { h, replaceChildren } from '../common/dom.js';
import { currentLocale, t } from '../i18n/index.js';
import { SHARE_INTERVALS_S, type LocationSharing, type ShareIntervalS } from './location-sharing.js';

/** The on/off switch and interval for sharing the unit's position, with what was last fixed and sent. */
export class LocationPanel {
  readonly element: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly interval: HTMLSelectElement;
  private readonly detail = h('p', { class: 'location-detail', 'data-testid': 'location-detail' });
  private readonly problem = h('p', { class: 'location-problem', role: 'alert' });
  private readonly unsubscribe: () => void;

  constructor(private readonly sharing: LocationSharing) {
    this.toggle = h('button', { type: 'button', class: 'location-toggle', 'data-testid': 'location-toggle' });
    this.toggle.addEventListener('click', () => (sharing.on ? sharing.stop() : sharing.start()));
    this.interval = h(
      'select',
      { 'data-testid': 'location-interval' },
      ...SHARE_INTERVALS_S.map((seconds) => h('option', { value: seconds }, t('location.every', { seconds }))),
    );
    this.interval.addEventListener('change', () => sharing.setInterval(Number(this.interval.value) as ShareIntervalS));
    this.element = h(
      'section',
      { class: 'panel location-panel', 'aria-label': t('location.title') },
      h('h2', {}, t('location.title')),
      h('div', { class: 'location-controls' }, this.toggle, h('label', { class: 'field-label inline' }, t('location.interval'), this.interval)),
      this.detail,
      this.problem,
    );
    this.unsubscribe = sharing.subscribe(() => this.update());
    this.update();
  }

  update() {
    const { on, lastFix, lastSentAt, problem, intervalS } = this.sharing;
    this.toggle.dataset.state = on ? 'on' : 'off';
    this.toggle.setAttribute('aria-pressed', String(on));
    replaceChildren(this.toggle, h('span', { class: 'switch', 'aria-hidden': 'true' }), on ? t('location.on') : t('location.off'));
    this.interval.value = String(intervalS);
    const lines: string[] = [];
    if (on && !lastFix) lines.push(t('location.waiting'));
    if (lastFix)
      lines.push(
        t('location.lastFix', {
          lat: lastFix.lat.toFixed(5),
          lon: lastFix.lon.toFixed(5),
          accuracy: lastFix.accuracyM === null ? '?' : Math.round(lastFix.accuracyM),
          time: time(lastFix.at),
        }),
      );
    if (lastSentAt) lines.push(t('location.lastSent', { time: time(lastSentAt) }));
    if (!on) lines.push(t('location.offHint'));
    replaceChildren(this.detail, ...lines.flatMap((line, index) => (index === 0 ? [line] : [h('br'), line])));
    this.problem.textContent = problem ? t(`location.problem.${problem}`) : '';
    this.problem.hidden = !problem;
  }

  destroy() {
    this.unsubscribe();
  }
}

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
