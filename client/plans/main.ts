import '../common/base.css';
import '../console/console.css';
import '../console/console-plans.css';
import './plans.css';
import { showLogin } from '../common/login-view.js';
import { initI18n, t } from '../i18n/index.js';
import { LiveClient } from '../net/live-client.js';
import { logout, savedSession } from '../net/session.js';
import { WorldStore } from '../store/world-store.js';
import { messages } from './messages.js';
import { mountPlansApp } from './plans-app.js';

/** What browser tests reach through `window.__liandong` on the plans page. */
export interface PlansHandle {
  store: WorldStore;
  client: LiveClient;
}

const PAGE = 'plans';

async function start() {
  await initI18n({ plans: messages });
  document.title = t('plans.title');
  const root = document.getElementById('app')!;
  // Opened from the console, the console's login is reused; opened alone, it asks for one.
  const own = savedSession(PAGE);
  const borrowed = own ? null : savedSession('console');
  const session = own ?? borrowed ?? (await showLogin(root, PAGE, t('plans.title')));
  const store = new WorldStore();
  const client = new LiveClient(store, { token: session.token, world: 'live' });
  client.onConnection((state) => {
    if (state === 'refused' && client.refusal?.code === 'UNAUTHENTICATED') {
      logout(PAGE);
      location.reload();
    }
  });
  mountPlansApp(root, {
    session,
    client,
    store,
    onLogout: () => {
      logout(PAGE);
      if (borrowed) logout('console');
      client.close();
      location.reload();
    },
  });
  (window as unknown as { __liandong: PlansHandle }).__liandong = { store, client };
}

void start();
