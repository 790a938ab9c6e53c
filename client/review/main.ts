import 'leaflet/dist/leaflet.css';
import '../common/base.css';
import '../console/console.css';
import '../drill/drill.css';
import './review.css';
import type { AfterActionReview, DrillSummary } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { showLogin } from '../common/login-view.js';
import { fetchDrillLog } from '../drill/drill-log.js';
import { errorText, pageHeader } from '../drill/drill-page.js';
import { withDrillStrings } from '../drill/shared-messages.js';
import { initI18n, t } from '../i18n/index.js';
import { apiGet, logout, savedSession } from '../net/session.js';
import { messages } from './messages.js';
import { mountReviewPage } from './review-app.js';
import type { ReplayPlayer } from './replay-player.js';

const PAGE = 'review';

/** What browser tests reach through `window.__liandong` on the review page. */
export interface ReviewHandle {
  review: AfterActionReview;
  replay: ReplayPlayer;
}

/**
 * `review.html?drill=<id>`: the after-action review of one drill. Opened from the instructor console
 * or the dispatcher console, their login is reused; opened alone, it asks for one.
 */
async function start() {
  await initI18n({ review: withDrillStrings(messages) });
  document.title = t('review.page');
  const root = document.getElementById('app')!;
  const drillId = new URLSearchParams(location.search).get('drill') ?? '';
  const own = savedSession(PAGE);
  const borrowed = own ? null : (savedSession('drill') ?? savedSession('console'));
  const session = own ?? borrowed ?? (await showLogin(root, PAGE, t('review.page')));
  const onLogout = () => {
    logout(PAGE);
    location.reload();
  };
  const path = `/api/drills/${encodeURIComponent(drillId)}`;
  const [review, log, summary] = await Promise.all([
    apiGet<AfterActionReview>(session, `${path}/review`),
    fetchDrillLog(session, drillId),
    apiGet<DrillSummary>(session, path),
  ]);
  if (!review.ok || !log.ok) {
    const error = !review.ok ? review.error : !log.ok ? log.error : null;
    root.replaceChildren(
      h(
        'div',
        { class: 'drill-root' },
        pageHeader({ title: t('review.page'), onLogout, onLocaleChange: () => location.reload() }),
        h('main', { class: 'drill-message' }, h('p', { role: 'alert', class: 'form-message error', 'data-testid': 'review-error' }, error ? errorText(error) : '')),
      ),
    );
    return;
  }
  const { replay } = mountReviewPage(root, {
    session,
    review: review.data,
    events: log.data.events,
    summary: summary.ok ? summary.data : null,
    onLogout,
  });
  (window as unknown as { __liandong: ReviewHandle }).__liandong = { review: review.data, replay };
}

void start();
