import type L from 'leaflet';
import { drillWorld, type DrillSummary } from '../../shared/index.js';
import { h, replaceChildren } from '../common/dom.js';
import { TabStrip } from '../console/tab-strip.js';
import { t } from '../i18n/index.js';
import { LiveClient } from '../net/live-client.js';
import { apiGet, type Session } from '../net/session.js';
import { WorldStore } from '../store/world-store.js';
import { ClockBanner } from './clock-banner.js';
import { DrillControls } from './drill-controls.js';
import { fetchDrillLog } from './drill-log.js';
import { createDrillMap, type DrillMap } from './drill-map.js';
import { errorText, pageHeader } from './drill-page.js';
import { EventFeed } from './event-feed.js';
import { IncidentList } from './incident-list.js';
import { InjectForm } from './inject-form.js';
import { InjectList } from './inject-list.js';

/** How often the drill clock is read (GET /api/drills/:id). */
const POLL_MS = 1000;

export interface RunViewOptions {
  session: Session;
  drillId: string;
  onLogout: () => void;
}

/** What browser tests reach through `window.__liandong` on the run view. */
export interface RunViewHandle {
  store: WorldStore;
  client: LiveClient;
  map: L.Map;
  summary: () => DrillSummary;
}

/**
 * One drill, run by its instructor: the banner with the drill clock (polled every second), the
 * controls and the scenario's injects on the left, the drill world's map in the middle (followed live
 * over the drill's socket), and on the right the event feed, the drill's incidents and the ad-hoc
 * inject form.
 */
export async function mountRunView(root: HTMLElement, options: RunViewOptions): Promise<RunViewHandle | null> {
  const { session, drillId } = options;
  const first = await apiGet<DrillSummary>(session, `/api/drills/${encodeURIComponent(drillId)}`);
  if (!first.ok) {
    const back = h('a', { href: 'drill.html', class: 'nav-link' }, t('nav.allDrills'));
    root.replaceChildren(
      h(
        'div',
        { class: 'drill-root' },
        pageHeader({ title: t('drill.page'), nav: [back], onLogout: options.onLogout, onLocaleChange: () => location.reload() }),
        h('main', { class: 'drill-message' }, h('p', { role: 'alert', 'data-testid': 'drill-error' }, errorText(first.error))),
      ),
    );
    return null;
  }
  let summary = first.data;
  const world = drillWorld(drillId);
  const store = new WorldStore();
  const client = new LiveClient(store, { token: session.token, world });

  const banner = new ClockBanner();
  const controls = new DrillControls(session, drillId, (next) => show(next, false));
  const injects = new InjectList();
  const feed = new EventFeed(store, summary.startsAt);
  const mapElement = h('div', { class: 'drill-map', role: 'application', 'aria-label': t('run.mapLabel'), 'data-testid': 'drill-map' });
  const links = h('section', { class: 'drill-links', 'aria-labelledby': 'drill-links-title' });
  const trainees = h('section', { class: 'drill-trainees', 'aria-labelledby': 'drill-trainees-title' });
  const left = h('aside', { class: 'drill-left', 'aria-label': t('run.controls') }, controls.element, links, trainees, injects.element);
  const mapWrap = h('div', { class: 'drill-map-wrap' }, mapElement);
  const refusal = h('div', { class: 'refusal', role: 'alert', 'data-testid': 'connection-refusal' });
  client.onConnection(() => {
    refusal.textContent = client.connection === 'refused' && client.refusal ? errorText(client.refusal) : '';
  });

  // The map is made once the page is in the document (Leaflet measures its container).
  let drillMap: DrillMap | null = null;
  const form = new InjectForm(session, drillId, store, (position) => drillMap?.showPlacement(position));
  const incidents = new IncidentList(store, summary.startsAt, (incident) => chooseIncident(incident.id));
  const chooseIncident = (incidentId: string) => {
    const incident = store.state.incidents.get(incidentId);
    if (!incident) return;
    drillMap?.highlightIncident(incidentId);
    drillMap?.reveal(incident.location);
    form.chooseIncident(incidentId);
  };
  const tabs = new TabStrip(
    'drill-right',
    [
      { name: 'feed', labelKey: 'tabs.feed', panel: h('div', {}, feed.element) },
      { name: 'incidents', labelKey: 'tabs.incidents', panel: h('div', {}, incidents.element) },
      { name: 'inject', labelKey: 'tabs.inject', panel: h('div', {}, form.element) },
    ],
    (name) => {
      if (name !== 'inject') drillMap?.showPlacement(null);
    },
  );
  const right = h('aside', { class: 'drill-right' }, tabs.element);

  const header = () =>
    pageHeader({
      title: t('drill.page'),
      banner: banner.element,
      nav: [h('a', { href: 'drill.html', class: 'nav-link', 'data-testid': 'nav-all-drills' }, t('nav.allDrills'))],
      client,
      onLogout: () => {
        client.close();
        options.onLogout();
      },
      onLocaleChange: relabel,
    });
  const shell = h('div', { class: 'drill-root drill-run' }, header(), refusal, h('main', { class: 'drill-run-main' }, left, mapWrap, right));
  root.replaceChildren(shell);
  drillMap = createDrillMap(mapElement, store, summary.area, {
    onSelectIncident: (incidentId) => chooseIncident(incidentId),
    onEmptyClick: (position) => {
      if (tabs.selected === 'inject') form.setLocation(position);
    },
  });

  let stale = false;
  function show(next: DrillSummary, force: boolean) {
    summary = next;
    banner.render(summary, stale);
    controls.render(summary, force);
    injects.render(summary, force);
    form.setStatus(summary.status);
    drillMap?.setNotices(
      summary.injects
        .filter((inject) => inject.fired && inject.kind === 'road-closed' && inject.location)
        .map((inject) => ({ id: inject.injectId, location: inject.location!, label: inject.description })),
    );
    if (force) renderSides();
  }
  function renderSides() {
    replaceChildren(
      links,
      h('h2', { id: 'drill-links-title' }, t('run.links')),
      h(
        'ul',
        { class: 'link-list' },
        h('li', {}, h('a', { href: `/?world=${world}`, target: '_blank', rel: 'noopener', 'data-testid': 'open-trainee-console' }, t('run.openConsole'))),
        h('li', {}, h('a', { href: `/field.html?world=${world}`, target: '_blank', rel: 'noopener', 'data-testid': 'open-field-app' }, t('run.openField'))),
        h('li', {}, h('a', { href: `/review.html?drill=${drillId}`, 'data-testid': 'open-review' }, t('run.openReview'))),
      ),
    );
    replaceChildren(
      trainees,
      h('h2', { id: 'drill-trainees-title' }, t('run.trainees')),
      summary.trainees.length === 0
        ? h('p', { class: 'empty' }, t('run.noTrainees'))
        : h(
            'ul',
            { class: 'trainee-list', 'data-testid': 'trainee-list' },
            ...summary.trainees.map((trainee) =>
              h(
                'li',
                {},
                h('strong', {}, trainee.displayName ?? trainee.username ?? trainee.userId),
                ' · ',
                t(`playsAs.${trainee.playsAs}`),
                trainee.liveUnitId ? ` · ${trainee.liveUnitId}` : '',
              ),
            ),
          ),
    );
  }
  function relabel() {
    document.title = t('title');
    shell.firstElementChild!.replaceWith(header());
    tabs.render();
    drillMap?.relabel();
    form.render();
    feed.render();
    incidents.render();
    show(summary, true);
  }

  show(summary, true);
  form.render();
  feed.render();
  incidents.render();
  void fetchDrillLog(session, drillId).then((log) => {
    if (log.ok && feed.add(log.data.events)) feed.render();
  });

  // Each read is scheduled after the last one answered: a slow server is never asked twice at once.
  const poll = async () => {
    try {
      const answer = await apiGet<DrillSummary>(session, `/api/drills/${encodeURIComponent(drillId)}`);
      stale = !answer.ok;
      if (answer.ok) show(answer.data, false);
      else banner.render(summary, stale);
    } catch {
      stale = true;
      banner.render(summary, stale);
    }
    setTimeout(() => void poll(), POLL_MS);
  };
  setTimeout(() => void poll(), POLL_MS);
  return { store, client, map: drillMap.map, summary: () => summary };
}
