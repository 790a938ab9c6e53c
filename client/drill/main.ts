import 'leaflet/dist/leaflet.css';
import '../common/base.css';
import '../console/console.css';
import './drill.css';
import { h } from '../common/dom.js';
import { showLogin } from '../common/login-view.js';
import { initI18n, t } from '../i18n/index.js';
import { logout, savedSession, type Session } from '../net/session.js';
import { mountCreateView } from './drill-create.js';
import { mountDrillList } from './drill-list.js';
import { pageHeader } from './drill-page.js';
import { mountRunView, type RunViewHandle } from './drill-run.js';
import { messages } from './messages.js';
import { withDrillStrings } from './shared-messages.js';

const DRILL_PAGE = 'drill';

/** Instructors run drills; administrators may run any. */
const runsDrills = (session: Session) => session.user.role === 'instructor' || session.user.role === 'admin';

/**
 * The instructor console: `drill.html` lists drills, `?new` creates one from a scenario, `?drill=<id>`
 * runs one. Other accounts are told plainly that the page is not theirs.
 */
async function start() {
  await initI18n({ drill: withDrillStrings(messages) });
  document.title = t('title');
  const root = document.getElementById('app')!;
  const session = savedSession(DRILL_PAGE) ?? (await showLogin(root, DRILL_PAGE, t('title')));
  const onLogout = () => {
    logout(DRILL_PAGE);
    location.assign('drill.html');
  };
  if (!runsDrills(session)) return showNotInstructor(root, session, onLogout);
  const params = new URLSearchParams(location.search);
  const drillId = params.get('drill');
  if (drillId) {
    const handle = await mountRunView(root, { session, drillId, onLogout });
    if (handle) (window as unknown as { __liandong: RunViewHandle }).__liandong = handle;
  } else if (params.has('new')) await mountCreateView(root, { session, onLogout });
  else await mountDrillList(root, { session, onLogout });
}

function showNotInstructor(root: HTMLElement, session: Session, onLogout: () => void) {
  const render = () =>
    root.replaceChildren(
      h(
        'div',
        { class: 'drill-root' },
        pageHeader({ title: t('drill.page'), onLogout, onLocaleChange: render }),
        h(
          'main',
          { class: 'drill-message' },
          h(
            'div',
            { class: 'notice-card', role: 'alert', 'data-testid': 'not-instructor' },
            h('h1', {}, t('denied.title')),
            h('p', {}, t('denied.body', { name: session.user.displayName })),
            h('p', {}, h('a', { href: '/' }, t('denied.console'))),
          ),
        ),
      ),
    );
  render();
}

void start();
