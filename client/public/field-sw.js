// Service worker of the field app: lets /field.html open with no coverage.
// Plain JavaScript in public/ because a service worker needs a stable URL, which Vite gives only to
// files it copies as they are. Registered with scope '/field', so it never touches the console.
//
// - The page: network first (a new build reaches the team as soon as there is coverage), the cached
//   copy when the network fails or hangs.
// - Built assets have content hashes in their names, so the cached copy is always right: cache first.
// - /api and /socket.io are never cached: live data goes through the app's own offline queue.

const CACHE = 'liandong-field-v1';
const PAGE = '/field.html';
const NETWORK_DEADLINE_MS = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch(PAGE, { cache: 'no-store' });
      if (!response.ok) return;
      const html = await response.clone().text();
      await cache.put(PAGE, response);
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
      await cache.addAll([...new Set(assets), '/basemap/land.geojson']);
    })().then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('liandong-field-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io/')) return;
  event.respondWith(request.mode === 'navigate' ? pageFirstFromNetwork(request) : assetFromCache(request));
});

async function pageFirstFromNetwork(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await withDeadline(fetch(request), NETWORK_DEADLINE_MS);
    if (response.ok) await cache.put(PAGE, response.clone());
    return response;
  } catch {
    const cached = await cache.match(PAGE);
    return cached ?? Response.error();
  }
}

async function assetFromCache(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.startsWith('/assets/')) await cache.put(request, response.clone());
  return response;
}

function withDeadline(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network deadline')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
