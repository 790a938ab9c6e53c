import { distanceKm } from '../../shared/geo/distance.js';
import {
  INCIDENT_TRANSITIONS,
  LEVELS,
  canTransition,
  isIncidentOpen,
  type Incident,
  type Level,
} from '../../shared/index.js';
import { h } from '../common/dom.js';
import { t } from '../i18n/index.js';
import type { LiveClient } from '../net/live-client.js';
import type { WorldStore } from '../store/world-store.js';
import { sendCommand, type CommandOutcome } from './command-feedback.js';
import { formText, openDialog, reasonField } from './dialog.js';
import { formatKm } from './format.js';

/**
 * The incident's status and level commands, offered only where the state machine allows them. Each
 * carries the version the dispatcher saw, so acting on a stale view is refused, not applied.
 */
export class IncidentActions {
  readonly element = h('div', { class: 'incident-actions', role: 'group' });

  constructor(
    private readonly store: WorldStore,
    private readonly client: LiveClient,
    private readonly onOutcome: (outcome: CommandOutcome) => void,
  ) {}

  render(incident: Incident) {
    this.element.setAttribute('aria-label', t('detail.actions'));
    const can = (to: Incident['status']) => canTransition(INCIDENT_TRANSITIONS, incident.status, to);
    const buttons: HTMLElement[] = [];
    const add = (name: string, label: string, run: () => void, className = '') => {
      const button = h('button', { type: 'button', class: className, 'data-testid': `action-${name}` }, label);
      button.addEventListener('click', run);
      buttons.push(button);
    };
    if (can('verified')) add('verify', t('action.verify'), () => void this.direct('incident:verify', incident));
    if (isIncidentOpen(incident.status)) {
      // LEVELS runs from I (most severe) to IV: escalating moves towards I.
      const levels: readonly Level[] = LEVELS;
      const index = levels.indexOf(incident.level);
      const higher = levels[index - 1];
      const lower = levels[index + 1];
      if (higher) add('escalate', t('action.escalate'), () => this.changeLevel(incident, higher));
      if (lower) add('deescalate', t('action.deescalate'), () => this.changeLevel(incident, lower));
    }
    if (can('contained')) add('contain', t('action.contain'), () => void this.direct('incident:contain', incident));
    if (can('closed')) add('close', t('action.closeIncident'), () => this.withReason('close', incident));
    if (can('rejected')) add('reject', t('action.reject'), () => this.withReason('reject', incident), 'danger');
    if (can('merged')) add('merge', t('action.merge'), () => this.merge(incident));
    this.element.replaceChildren(...buttons);
  }

  private async direct(name: 'incident:verify' | 'incident:contain', incident: Incident) {
    this.onOutcome(await sendCommand(this.client, name, { incidentId: incident.id, expectedVersion: incident.version }));
  }

  private changeLevel(incident: Incident, suggested: Level) {
    const select = h(
      'select',
      { id: 'level-change-level', name: 'level', 'data-testid': 'dialog-level' },
      ...LEVELS.filter((level) => level !== incident.level).map((level) => h('option', { value: level, selected: level === suggested }, t(`level.${level}`))),
    );
    openDialog({
      title: t('detail.changeLevelTitle', { code: incident.code, level: t(`level.${incident.level}`) }),
      fields: [h('div', { class: 'field' }, h('label', { for: 'level-change-level' }, t('detail.newLevel')), select), reasonField('level-change-reason', t('detail.reason'))],
      submitLabel: t('action.changeLevel'),
      testId: 'level-dialog',
      onSubmit: async (form) => {
        const outcome = await sendCommand(this.client, 'incident:change-level', {
          incidentId: incident.id,
          level: formText(form, 'level') as Level,
          reason: formText(form, 'reason'),
          expectedVersion: incident.version,
        });
        return this.settle(outcome);
      },
    });
  }

  private withReason(kind: 'close' | 'reject', incident: Incident) {
    openDialog({
      title: t(kind === 'close' ? 'detail.closeTitle' : 'detail.rejectTitle', { code: incident.code }),
      fields: [reasonField(`${kind}-reason`, t('detail.reason'))],
      submitLabel: t(kind === 'close' ? 'action.closeIncident' : 'action.reject'),
      testId: `${kind}-dialog`,
      onSubmit: async (form) => {
        const reason = formText(form, 'reason');
        const payload = { incidentId: incident.id, reason, expectedVersion: incident.version };
        const outcome = kind === 'close' ? await sendCommand(this.client, 'incident:close', payload) : await sendCommand(this.client, 'incident:reject', payload);
        return this.settle(outcome);
      },
    });
  }

  private merge(incident: Incident) {
    const others = [...this.store.state.incidents.values()]
      .filter((other) => other.id !== incident.id && isIncidentOpen(other.status))
      .map((other) => ({ other, km: distanceKm(other.location, incident.location) }))
      .sort((a, b) => a.km - b.km)
      .slice(0, 50);
    const select = h(
      'select',
      { id: 'merge-into', name: 'into', 'data-testid': 'dialog-merge-into', required: true },
      ...others.map(({ other, km }) =>
        h('option', { value: other.id }, `${other.code} · ${t(`subtype.${other.subtype}`)} · ${other.level} · ${formatKm(km)} km`),
      ),
    );
    openDialog({
      title: t('detail.mergeTitle', { code: incident.code }),
      fields: [
        h('p', { class: 'hint' }, t('detail.mergeHint')),
        others.length > 0 ? h('div', { class: 'field' }, h('label', { for: 'merge-into' }, t('detail.mergeInto')), select) : h('p', { class: 'empty' }, t('detail.mergeNone')),
      ],
      submitLabel: t('action.merge'),
      testId: 'merge-dialog',
      onSubmit: async (form) => {
        const into = formText(form, 'into');
        if (!into) return t('detail.mergeNone');
        const outcome = await sendCommand(this.client, 'incident:merge', { incidentId: incident.id, intoIncidentId: into, expectedVersion: incident.version });
        return this.settle(outcome);
      },
    });
  }

  /** Closes the dialog on success (and reports it); keeps it open with the server's words on failure. */
  private settle(outcome: CommandOutcome): string | null {
    if (!outcome.ok) return outcome.message;
    this.onOutcome(outcome);
    return null;
  }
}
