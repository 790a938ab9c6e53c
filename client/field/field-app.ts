import { UNIT_MANUAL_TRANSITIONS, type UnitStatus } from '../../shared/index.js';
import { h, replaceChildren } from '../common/dom.js';
import { statusBar } from '../common/status-bar.js';
import { t } from '../i18n/index.js';
import type { ConnectionState } from '../net/live-client.js';
import { AssignmentCard } from './assignment-card.js';
import type { FieldContext } from './field-context.js';
import { IncidentReportForm } from './incident-report-form.js';
import { LocationPanel } from './location-panel.js';
import { OutboxList } from './outbox-list.js';

/**
 * Builds the field screen into `root` and keeps it in step with the store, the outbox and the
 * connection. Returns a teardown: a language switch tears the screen down and builds it again.
 */
export function mountFieldApp(root: HTMLElement, context: FieldContext, options: { onLogout: () => void; onLocaleChange: () => void }): () => void {
  const { store, client, outbox, unitId } = context;
  const card = new AssignmentCard(context);
  const locationPanel = new LocationPanel(context.location);
  const reportForm = new IncidentReportForm(context);
  const outboxList = new OutboxList(outbox);
  const unitHeader = h('section', { class: 'unit-header', 'data-testid': 'unit-header' });
  const offlineBanner = h('div', { class: 'offline-banner', 'data-testid': 'offline-banner', role: 'status', hidden: true });
  let renderedUnitKey = '';

  const renderUnit = () => {
    const unit = store.state.units.get(unitId);
    const key = unit ? `${unit.status}|${unit.callSign}|${unit.version}` : 'none';
    if (key === renderedUnitKey) return;
    renderedUnitKey = key;
    if (!unit) return replaceChildren(unitHeader, h('p', { class: 'hint' }, t('unit.loading', { unitId })));
    const manual = UNIT_MANUAL_TRANSITIONS[unit.status];
    replaceChildren(
      unitHeader,
      h(
        'div',
        { class: 'unit-identity' },
        h('strong', { class: 'unit-call-sign' }, unit.callSign),
        h('span', {}, `${t(`unitType.${unit.type}`)} · ${unit.stationName}`),
      ),
      h('span', { class: `unit-status unit-status-${unit.status}`, 'data-testid': 'unit-status', 'data-status': unit.status }, t(`unitStatus.${unit.status}`)),
      manual.length > 0
        ? h('div', { class: 'unit-manual' }, ...manual.map((status) => unitStatusButton(status, () => void outbox.enqueue('unit:change-status', { unitId, status }))))
        : null,
    );
  };

  const renderConnection = (state: ConnectionState) => {
    const offline = state === 'offline' || state === 'connecting';
    offlineBanner.hidden = !(offline || state === 'refused');
    offlineBanner.dataset.state = state;
    offlineBanner.textContent = state === 'refused' ? refusalText(client.refusal) : t('connection.offlineHint');
  };

  const update = () => {
    renderUnit();
    card.update();
  };

  const bar = statusBar(client, { world: context.world, onLogout: options.onLogout, onLocaleChange: options.onLocaleChange });
  root.replaceChildren(
    h(
      'div',
      { class: 'field-app', 'data-world': context.world },
      bar,
      h('main', { class: 'field-main' }, offlineBanner, unitHeader, card.element, locationPanel.element, reportForm.element, outboxList.element),
    ),
  );
  document.title = t('title');
  const unsubscribers = [
    store.subscribe(update),
    outbox.subscribe(() => card.update()),
    client.onConnection(renderConnection),
    // The card's distance and map follow the phone's own position.
    context.location.subscribe(() => card.update()),
  ];
  update();

  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    card.destroy();
    locationPanel.destroy();
    outboxList.destroy();
  };
}

function unitStatusButton(status: UnitStatus, onClick: () => void) {
  const button = h('button', { type: 'button', class: 'button secondary small', 'data-testid': `unit-status-${status}` }, t('unit.setStatus', { status: t(`unitStatus.${status}`) }));
  button.addEventListener('click', onClick);
  return button;
}

function refusalText(refusal: { code: string; message: string } | null): string {
  return t('connection.refusedHint', { reason: refusal ? t(`error.${refusal.code}`) : '' });
}
