import type { DrillInjectView, DrillSummary } from '../../shared/index.js';
import { h, replaceChildren } from '../common/dom.js';
import { t } from '../i18n/index.js';
import { formatMinutes } from './format.js';

/**
 * The scenario's script as the instructor follows it: every inject at its minute, fired or still to
 * come (the next one counts down), then the ad-hoc injects fired from the form.
 */
export class InjectList {
  readonly element = h('section', { class: 'inject-list-panel', 'aria-labelledby': 'inject-list-title' });
  private readonly list = h('ol', { class: 'inject-list', 'data-testid': 'inject-list' });
  private drawn = '';

  render(summary: DrillSummary, force = false) {
    const drawn = JSON.stringify([summary.injects, summary.status, Math.floor(summary.elapsedMinutes * 2)]);
    if (drawn === this.drawn && !force) return;
    this.drawn = drawn;
    const scripted = summary.injects.filter((inject) => inject.atMinute !== null);
    const fired = scripted.filter((inject) => inject.fired).length;
    // Once ended, nothing is next: what never fired is listed as such.
    const next = summary.status === 'ended' ? undefined : scripted.find((inject) => !inject.fired);
    replaceChildren(
      this.list,
      ...summary.injects.map((inject) => this.item(inject, inject === next ? summary.elapsedMinutes : null, summary.status === 'ended')),
    );
    if (summary.injects.length === 0) this.list.append(h('li', { class: 'empty' }, t('injects.none')));
    replaceChildren(
      this.element,
      h('h2', { id: 'inject-list-title' }, t('injects.title'), ' ', h('span', { class: 'count', 'data-testid': 'inject-count' }, t('injects.firedOf', { fired, total: summary.injectCount }))),
      this.list,
    );
  }

  private item(inject: DrillInjectView, elapsedIfNext: number | null, ended: boolean) {
    const when = inject.atMinute === null ? t('injects.adHoc') : t('injects.atMinute', { minute: formatMinutes(inject.atMinute) });
    const state = inject.fired
      ? h('span', { class: 'inject-state fired' }, t('injects.fired'))
      : elapsedIfNext !== null
        ? h('span', { class: 'inject-state next' }, t('injects.dueIn', { minutes: formatMinutes(Math.max(0, (inject.atMinute ?? 0) - elapsedIfNext)) }))
        : h('span', { class: 'inject-state pending' }, ended ? t('injects.notFired') : t('injects.pending'));
    return h(
      'li',
      {
        class: `inject-item${inject.fired ? ' is-fired' : ''}${elapsedIfNext !== null ? ' is-next' : ''}`,
        'data-testid': `inject-${inject.injectId}`,
        'data-fired': String(inject.fired),
      },
      h('div', { class: 'inject-head' }, h('span', { class: 'inject-when' }, when), h('span', { class: 'inject-kind' }, t(`injectKind.${inject.kind}`)), state),
      h('p', { class: 'inject-description' }, inject.description),
    );
  }
}
