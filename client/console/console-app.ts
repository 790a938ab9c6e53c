import type { WorldId } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { statusBar } from '../common/status-bar.js';
import { t } from '../i18n/index.js';
import type { LiveClient } from '../net/live-client.js';
import type { Session } from '../net/session.js';
import type { WorldStore } from '../store/world-store.js';
import { editsPlans } from '../common/permissions.js';
import { AlertsPanel } from './alerts-panel.js';
import { IncidentDetail } from './incident-detail.js';
import { IncidentQueue } from './incident-queue.js';
import { IntakeForm } from './intake-form.js';
import { createConsoleMap } from './console-map.js';
import { ConsoleSelection } from './selection.js';
import { TabStrip } from './tab-strip.js';
import { UnitsPanel } from './units-panel.js';

export interface ConsoleOptions {
  session: Session;
  client: LiveClient;
  store: WorldStore;
  world: WorldId;
  onLogout: () => void;
}

/**
 * Lays out the dispatcher console — queue and units on the left, the live map in the middle, intake
 * and incident detail on the right — and wires them through one shared selection. A language switch
 * relabels every part in place; the map and what the dispatcher typed stay.
 */
export function mountConsole(root: HTMLElement, options: ConsoleOptions) {
  const { store, client, session } = options;
  const selection = new ConsoleSelection();
  const mapElement = h('div', { id: 'map', class: 'console-map', role: 'application', 'aria-label': t('map.label') });

  let leftTabs: TabStrip | null = null;
  let rightTabs: TabStrip | null = null;
  const queue = new IncidentQueue(store, selection);
  const units = new UnitsPanel(store, selection, () => leftTabs?.selected === 'units');
  leftTabs = new TabStrip('left', [
    { name: 'queue', labelKey: 'tabs.queue', panel: h('div', {}, queue.element) },
    { name: 'units', labelKey: 'tabs.units', panel: h('div', {}, units.element) },
  ], (name) => {
    if (name === 'units') units.shown();
  });

  const main = h('main', { class: 'console-main' });
  const statusSlot = h('div', { class: 'status-slot' });
  const refusalSlot = h('div', { class: 'refusal', role: 'alert', 'data-testid': 'connection-refusal' });
  const alerts = new AlertsPanel(store, client, options.world, (incidentId) => selection.selectIncident(incidentId));
  root.replaceChildren(h('div', { class: 'console-root' }, statusSlot, refusalSlot, main, alerts.panel));
  // A refused connection (no such drill, not a participant, an outdated client) says why, in words.
  const showRefusal = () => {
    const refusal = client.connection === 'refused' ? client.refusal : null;
    refusalSlot.textContent = refusal ? `${t(`error.${refusal.code}`)} — ${refusal.message}` : '';
  };
  client.onConnection(showRefusal);
  main.append(h('aside', { class: 'console-left', 'aria-label': t('tabs.queue') }, leftTabs.element), h('div', { class: 'console-map-wrap' }, mapElement));

  const consoleMap = createConsoleMap(mapElement, store, {
    onSelectIncident: (incidentId) => selection.selectIncident(incidentId),
    onSelectUnit: (unitId) => selection.selectUnit(unitId),
    onEmptyClick: (position) => {
      if (rightTabs?.selected === 'intake') intake.setLocation(position);
    },
    onPlacementMoved: (position) => intake.setLocation(position),
  });
  const intake = new IntakeForm(store, client, {
    onLocation: (position) => consoleMap.showPlacement(position),
    onOpenIncident: (incidentId) => selection.selectIncident(incidentId),
  });
  const detail = new IncidentDetail(store, client, session, options.world, {
    onClose: () => selection.selectIncident(null),
    onLocateUnit: (unitId) => selection.selectUnit(unitId),
  });
  rightTabs = new TabStrip('right', [
    { name: 'intake', labelKey: 'tabs.intake', panel: h('div', {}, intake.element) },
    { name: 'detail', labelKey: 'tabs.detail', panel: h('div', {}, detail.element) },
  ]);
  main.append(h('aside', { class: 'console-right', 'aria-label': t('tabs.detail') }, rightTabs.element));

  selection.onIncident((incidentId) => {
    detail.show(incidentId);
    consoleMap.highlightIncident(incidentId);
    if (incidentId) {
      rightTabs?.show('detail');
      const incident = store.state.incidents.get(incidentId);
      if (incident) consoleMap.reveal(incident.location, false);
    } else rightTabs?.show('intake');
  });
  selection.onUnit((unitId) => {
    consoleMap.highlightUnit(unitId);
    const unit = unitId ? store.state.units.get(unitId) : undefined;
    if (unit) consoleMap.reveal(unit.location, true);
  });

  const plansLink = () =>
    editsPlans(session.user) ? h('a', { class: 'status-link', href: 'plans.html', target: '_blank', rel: 'noopener', 'data-testid': 'plans-link' }, t('plans.link')) : null;
  const renderStatusBar = () =>
    statusSlot.replaceChildren(
      statusBar(client, { world: options.world, onLogout: options.onLogout, onLocaleChange: relabel, extra: [plansLink(), alerts.button] }),
    );
  function relabel() {
    document.title = t('console.title');
    mapElement.setAttribute('aria-label', t('map.label'));
    renderStatusBar();
    alerts.render();
    showRefusal();
    leftTabs?.render();
    rightTabs?.render();
    queue.render();
    units.render();
    intake.render();
    detail.render();
    consoleMap.relabel();
  }
  document.title = t('console.title');
  renderStatusBar();
  consoleMap.map.invalidateSize();
  return { map: consoleMap.map, selection, consoleMap };
}
