import 'leaflet/dist/leaflet.css';
import './field.css';
import './field-forms.css';
import './field-panels.css';
import { WorldIdSchema, type WorldId } from '../../shared/index.js';
import { h } from '../common/dom.js';
import { showLogin } from '../common/login-view.js';
import { initI18n, t } from '../i18n/index.js';
import { LiveClient } from '../net/live-client.js';
import { Outbox } from '../net/outbox.js';
import { logout, savedSession, type Session } from '../net/session.js';
import { WorldStore } from '../store/world-store.js';
import { AssignmentAlert, watchForNewAssignments } from './assignment-alert.js';
import { mountFieldApp } from './field-app.js';
import { emptyDrafts, FIELD_PAGE, type FieldContext, type FieldTestHandle } from './field-context.js';
import { LocationSharing } from './location-sharing.js';
import { messages } from './messages.js';
import { forgetCachedWorld, keepWorldCached, registerFieldServiceWorker, restoreCachedWorld, worldCacheKey } from './offline-cache.js';
import { CONFIRMED_KEPT_MS } from './outbox-list.js';

/** `?world=drill:<id>` joins a drill; anything else is live operations. */
function worldFromAddress(): WorldId {
  const parsed = WorldIdSchema.safeParse(new URLSearchParams(location.search).get('world') ?? 'live');
  return parsed.success ? parsed.data : 'live';
}

async function start() {
  await initI18n({ field: messages });
  document.title = t('title');
  registerFieldServiceWorker();
  // Made before the login form: tapping "log in" is the touch that lets the page make sound later.
  const alert = new AssignmentAlert();
  const root = document.getElementById('app')!;
  const world = worldFromAddress();
  const session = savedSession(FIELD_PAGE) ?? (await showLogin(root, FIELD_PAGE, t('login.title')));
  const unitId = session.user.unitId;
  if (session.user.role !== 'field' || !unitId) return showNotFieldAccount(root, session);

  const store = new WorldStore();
  const cacheKey = worldCacheKey(session.user.id, world);
  restoreCachedWorld(store, cacheKey);
  keepWorldCached(store, cacheKey);
  const client = new LiveClient(store, { token: session.token, world });
  // One queue per user and world: a drill's commands must never be replayed into live operations.
  const outbox = await Outbox.open(`liandong-field-outbox.${session.user.id}.${world}`, client);
  await outbox.forget(outbox.list().filter((entry) => entry.status === 'confirmed' && Date.now() - (entry.confirmedAt ?? 0) > CONFIRMED_KEPT_MS).map((entry) => entry.key));
  (window as unknown as { __liandong: FieldTestHandle }).__liandong = { store, client, outbox };

  const location = new LocationSharing(outbox, unitId, `liandong.field.location.${session.user.id}`);
  const context: FieldContext = { session, world, unitId, store, client, outbox, location, drafts: emptyDrafts() };
  watchForNewAssignments(store, outbox, unitId, alert);

  client.onConnection((state) => {
    // An expired or revoked token cannot be fixed by retrying: ask for the password again.
    if (state === 'refused' && client.refusal?.code === 'UNAUTHENTICATED') {
      logout(FIELD_PAGE);
      location.dispose();
      window.location.reload();
    }
  });

  let unmount = () => {};
  const mount = () => {
    unmount();
    unmount = mountFieldApp(root, context, {
      onLocaleChange: mount,
      onLogout: () => {
        const waiting = outbox.list().filter((entry) => entry.status === 'pending' || entry.status === 'sending').length;
        if (waiting > 0 && !window.confirm(t('logout.waiting', { count: waiting }))) return;
        location.dispose();
        client.close();
        logout(FIELD_PAGE);
        forgetCachedWorld(cacheKey);
        window.location.reload();
      },
    });
  };
  mount();
}

function showNotFieldAccount(root: HTMLElement, session: Session) {
  const leave = h('button', { type: 'button', class: 'button primary big' }, t('action.logout'));
  leave.addEventListener('click', () => {
    logout(FIELD_PAGE);
    window.location.reload();
  });
  root.replaceChildren(
    h('main', { class: 'login-page' }, h('div', { class: 'login-form' }, h('h1', {}, t('login.title')), h('p', { role: 'alert' }, t('login.notField', { user: session.user.displayName })), leave)),
  );
}

void start();
