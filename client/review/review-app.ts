import { emptyWorld, evolve, type AfterActionReview, type DrillSummary, type StoredEvent } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { pageHeader } from '../drill/drill-page.js';
import { t } from '../i18n/index.js';
import type { Session } from '../net/session.js';
import { ReplayPlayer } from './replay-player.js';
import { aggregatesSection, incidentSection, reportHeader, timelineList, type ReviewContext } from './review-sections.js';

export interface ReviewPageOptions {
  session: Session;
  review: AfterActionReview;
  /** The drill's summary, for the scenario's area and its injects' words; null if it could not be read. */
  summary: DrillSummary | null;
  events: StoredEvent[];
  onLogout: () => void;
}

/**
 * The after-action review as one printable document: the header with the overall score, the replay
 * (on screen only), the drill-wide figures, one section per incident, and the full timeline. The
 * language switch redraws the report; the replay keeps its place.
 */
export function mountReviewPage(root: HTMLElement, options: ReviewPageOptions) {
  const { review, events, session } = options;
  const finalState = emptyWorld(review.world);
  for (const event of events) evolve(finalState, event);
  const context: ReviewContext = {
    review,
    injectDescriptions: new Map((options.summary?.injects ?? []).map((inject) => [inject.injectId, inject.description])),
    eventsBySeq: new Map(events.map((event) => [event.seq, event])),
    finalState,
  };
  const replay = new ReplayPlayer({
    world: finalState.world,
    startsAt: review.startsAt,
    endsAt: review.evaluatedAt,
    events,
    area: options.summary?.area ?? null,
    user: session.user,
  });
  const download = h('a', { class: 'nav-link', 'data-testid': 'download-json', download: `drill-${review.drillId}-review.json` }, t('review.download'));
  download.setAttribute('href', URL.createObjectURL(new Blob([JSON.stringify(review, null, 2)], { type: 'application/json' })));

  const report = h('div', { class: 'review-report' });
  const header = h('div', {});
  const renderHeader = () => {
    const print = h('button', { type: 'button', 'data-testid': 'print' }, t('review.print'));
    print.addEventListener('click', () => window.print());
    download.textContent = t('review.download');
    const nav: HTMLElement[] = [download, print];
    if (session.user.role === 'instructor' || session.user.role === 'admin')
      nav.unshift(h('a', { href: `drill.html?drill=${review.drillId}`, class: 'nav-link' }, t('review.backToDrill')));
    header.replaceChildren(
      pageHeader({
        title: t('review.page'),
        nav,
        onLogout: options.onLogout,
        onLocaleChange: relabel,
      }),
    );
  };
  const renderReport = () => {
    report.replaceChildren(
      reportHeader(context),
      replay.element,
      aggregatesSection(context),
      ...review.incidents.map((incident) => incidentSection(context, incident)),
      h(
        'section',
        { class: 'review-full-timeline', 'aria-labelledby': 'full-timeline-title' },
        h('h2', { id: 'full-timeline-title' }, t('timeline.full', { count: review.timeline.length })),
        timelineList(context, review.timeline, 'full-timeline'),
      ),
    );
  };
  function relabel() {
    document.title = t('review.title', { name: review.name });
    renderHeader();
    renderReport();
    replay.relabel();
  }
  document.title = t('review.title', { name: review.name });
  renderHeader();
  renderReport();
  root.replaceChildren(h('div', { class: 'review-root' }, header, h('main', { class: 'review-main' }, report)));
  replay.attach();
  return { replay };
}
