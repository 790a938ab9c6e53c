import type { DrillSummary } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';
import { apiGet, type Session } from '../net/session.js';
import { errorText, pageHeader } from './drill-page.js';
import { formatDrillDateTime, formatMinutes, inLocale } from './format.js';

export interface ListViewOptions {
  session: Session;
  onLogout: () => void;
}

/** Every drill, newest first, with its status and clock; each opens its run view or its review. */
export async function mountDrillList(root: HTMLElement, options: ListViewOptions) {
  const render = async () => {
    const answer = await apiGet<DrillSummary[]>(options.session, '/api/drills');
    const create = h('a', { href: 'drill.html?new', class: 'button-link primary', 'data-testid': 'new-drill' }, t('list.new'));
    const body = !answer.ok
      ? h('p', { role: 'alert', class: 'form-message error' }, errorText(answer.error))
      : answer.data.length === 0
        ? h('p', { class: 'empty', 'data-testid': 'no-drills' }, t('list.none'))
        : table(answer.data);
    root.replaceChildren(
      h(
        'div',
        { class: 'drill-root drill-page-scroll' },
        pageHeader({ title: t('drill.page'), onLogout: options.onLogout, onLocaleChange: () => void render() }),
        h('main', { class: 'drill-list-main' }, h('div', { class: 'list-heading' }, h('h1', {}, t('list.title')), create), h('p', { class: 'hint' }, t('list.hint')), body),
      ),
    );
  };
  await render();
}

function table(drills: DrillSummary[]): HTMLElement {
  const head = ['list.name', 'list.scenario', 'list.status', 'list.clock', 'list.trainees', 'list.actions'].map((key) => h('th', { scope: 'col' }, t(key)));
  const rows = drills.map((drill) =>
    h(
      'tr',
      { 'data-testid': 'drill-row', 'data-drill-id': drill.drillId, 'data-status': drill.status },
      h('td', {}, h('a', { href: `drill.html?drill=${drill.drillId}` }, drill.name), h('div', { class: 'hint' }, drill.drillId)),
      h('td', {}, inLocale(drill.scenarioName) || drill.scenarioId),
      h('td', {}, h('span', { class: `status-chip status-${drill.status}` }, t(`drillStatus.${drill.status}`))),
      h(
        'td',
        {},
        formatDrillDateTime(drill.simulatedNow),
        h(
          'div',
          { class: 'hint' },
          drill.durationMinutes
            ? t('run.elapsedOf', { elapsed: formatMinutes(drill.elapsedMinutes), duration: drill.durationMinutes })
            : t('run.elapsedMinutes', { elapsed: formatMinutes(drill.elapsedMinutes) }),
          ' · ',
          `${drill.speed}×`,
        ),
      ),
      h('td', {}, drill.trainees.map((trainee) => trainee.username ?? trainee.userId).join(t('list.separator')) || '—'),
      h(
        'td',
        { class: 'row-actions' },
        h('a', { href: `drill.html?drill=${drill.drillId}`, 'data-testid': 'open-drill' }, drill.status === 'ended' ? t('list.open') : t('list.run')),
        h('a', { href: `review.html?drill=${drill.drillId}` }, t('list.review')),
      ),
    ),
  );
  return h('table', { class: 'drill-table', 'data-testid': 'drill-table' }, h('thead', {}, h('tr', {}, ...head)), h('tbody', {}, ...rows));
}
