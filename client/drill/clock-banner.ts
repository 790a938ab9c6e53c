import type { DrillSummary } from '../../shared/index.js';
import { h, replaceChildren } from '../common/dom.js';
import { t } from '../i18n/index.js';
import { formatDrillClock, formatDrillDateTime, formatMinutes, inLocale } from './format.js';

/**
 * The run view's banner: DRILL / 演练 in letters no one can mistake for live operations, the drill's
 * name, and its clock — simulated time, elapsed against the scenario's length, status and speed.
 */
export class ClockBanner {
  readonly element: HTMLElement;
  private readonly title = h('div', { class: 'clock-banner-title' });
  private readonly clock = h('div', { class: 'clock-banner-clock' });

  constructor() {
    this.element = h(
      'div',
      { class: 'drill-banner clock-banner', 'data-testid': 'drill-banner', role: 'banner' },
      h('div', { class: 'clock-banner-mark' }, h('span', { class: 'clock-banner-word' }, t('run.bannerWord')), h('span', {}, t('run.bannerNote'))),
      this.title,
      this.clock,
    );
  }

  render(summary: DrillSummary, stale: boolean) {
    const mark = this.element.querySelector('.clock-banner-mark')!;
    replaceChildren(mark, h('span', { class: 'clock-banner-word' }, t('run.bannerWord')), h('span', {}, t('run.bannerNote')));
    replaceChildren(
      this.title,
      h('span', { class: 'clock-banner-name', 'data-testid': 'drill-name' }, summary.name),
      inLocale(summary.scenarioName) !== summary.name ? h('span', { class: 'clock-banner-scenario' }, inLocale(summary.scenarioName)) : null,
    );
    const duration = summary.durationMinutes;
    const share = duration ? Math.min(1, Math.max(0, summary.elapsedMinutes / duration)) : 0;
    const progress = h('span', { class: 'clock-progress', role: 'presentation' }, h('span', { style: `width: ${(share * 100).toFixed(1)}%` }));
    replaceChildren(
      this.clock,
      h(
        'span',
        { class: 'clock-time' },
        h('span', { class: 'clock-label' }, t('run.simulatedTime')),
        h('strong', { 'data-testid': 'drill-clock', title: formatDrillDateTime(summary.simulatedNow) }, formatDrillClock(summary.simulatedNow)),
      ),
      h(
        'span',
        { class: 'clock-elapsed' },
        h('span', { class: 'clock-label' }, t('run.elapsed')),
        h(
          'span',
          { 'data-testid': 'drill-elapsed' },
          duration ? t('run.elapsedOf', { elapsed: formatMinutes(summary.elapsedMinutes), duration }) : t('run.elapsedMinutes', { elapsed: formatMinutes(summary.elapsedMinutes) }),
        ),
        progress,
      ),
      h('span', { class: `clock-status status-${summary.status}`, 'data-testid': 'drill-status', 'data-status': summary.status }, t(`drillStatus.${summary.status}`)),
      h('span', { class: 'clock-speed', 'data-testid': 'drill-speed', title: t('run.speed') }, `${summary.speed}×`),
      stale ? h('span', { class: 'clock-stale', role: 'status' }, t('run.clockStale')) : null,
    );
  }
}
