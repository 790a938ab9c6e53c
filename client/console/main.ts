import 'leaflet/dist/leaflet.css';
import '../common/base.css';
import './console.css';
import './console-plans.css';
import { WorldIdSchema, type WorldId } from '../../shared/index.js';
import { showLogin } from '../common/login-view.js';
import { initI18n, t } from '../i18n/index.js';
import { LiveClient } from '../net/live-client.js';
import { logout, savedSession } from '../net/session.js';
import { WorldStore } from '../store/world-store.js';
import type L from 'leaflet';
import { mountConsole } from './console-app.js';
import { messages } from './messages.js';

/** Test and debugging handle: the console's store and map (browser tests read them). */
export interface ConsoleHandle {
  store: WorldStore;
  map: L.Map;
  client: LiveClient;
  world: WorldId;
}

const PAGE = 'console';

/** `?world=drill:<id>` opens that drill; anything else (or nothing) is live operations. */
function worldFromUrl(): WorldId {
  const parsed = WorldIdSchema.safeParse(new URLSearchParams(location.search).get('world') ?? 'live');
  return parsed.success ? parsed.data : 'live';
}

async function start() {
  await initI18n({ console: messages });
  document.title = t('console.title');
  const root = document.getElementById('app')!;
  const world = worldFromUrl();
  const session = savedSession(PAGE) ?? (await showLogin(root, PAGE, t('console.title')));
  const store = new WorldStore();
  const client = new LiveClient(store, { token: session.token, world });
  client.onConnection((state) => {
    // An expired or revoked token: start again at the login form rather than retrying forever.
    if (state === 'refused' && client.refusal?.code === 'UNAUTHENTICATED') {
      logout(PAGE);
      location.reload();
    }
  });
  const { map } = mountConsole(root, {
    session,
    client,
    store,
    world,
    onLogout: () => {
      logout(PAGE);
      client.close();
      location.reload();
    },
  });
  // Not declared on Window: each page (console, field) puts its own shape there.
  (window as unknown as { __liandong: ConsoleHandle }).__liandong = { store, map, client, world };
}

void start();
