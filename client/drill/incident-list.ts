import { LEVEL_INFO, isAssignmentOpen, type Incident } from '../../shared/index.js';
import { h, replaceChildren } from '../common/dom.js';
import { t } from '../i18n/index.js';
import type { WorldStore } from '../store/world-store.js';
import { formatOffset, offsetSeconds } from './format.js';

/**
 * Every incident of the drill world, newest first, with its level, status, casualties and how many
 * units are on it: what the trainees are handling, at a glance. Choosing one shows it on the map.
 */
export class IncidentList {
  readonly element = h('ul', { class: 'drill-incidents', 'data-testid': 'drill-incidents' });

  constructor(
    private readonly store: WorldStore,
    private readonly startsAt: string,
    private readonly onChoose: (incident: Incident) => void,
  ) {
    store.subscribe((change) => {
      if (change.reset || change.events.some((event) => event.type.startsWith('incident:') || event.type.startsWith('assignment:'))) this.render();
    });
  }

  render() {
    const state = this.store.state;
    const incidents = [...state.incidents.values()].sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
    const onIt = new Map<string, number>();
    for (const assignment of state.assignments.values())
      if (isAssignmentOpen(assignment.status)) onIt.set(assignment.incidentId, (onIt.get(assignment.incidentId) ?? 0) + 1);
    replaceChildren(
      this.element,
      ...incidents.map((incident) => {
        const button = h(
          'button',
          { type: 'button', class: 'drill-incident', 'data-testid': 'drill-incident', 'data-incident-id': incident.id },
          h('span', { class: 'level-badge', style: `background: ${LEVEL_INFO[incident.level].colour}` }, incident.level),
          h(
            'span',
            { class: 'drill-incident-body' },
            h('strong', {}, incident.code, ' ', t(`subtype.${incident.subtype}`)),
            h(
              'span',
              { class: 'drill-incident-meta' },
              t(`incidentStatus.${incident.status}`),
              ' · ',
              t('incidents.casualties', { count: incident.casualties }),
              ' · ',
              t('incidents.units', { count: onIt.get(incident.id) ?? 0 }),
              ' · ',
              formatOffset(offsetSeconds(this.startsAt, incident.reportedAt)),
            ),
            h('span', { class: 'drill-incident-description' }, incident.description),
          ),
        );
        button.addEventListener('click', () => this.onChoose(incident));
        return h('li', {}, button);
      }),
    );
    if (incidents.length === 0) this.element.append(h('li', { class: 'empty' }, t('incidents.none')));
  }
}
