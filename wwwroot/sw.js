// Service worker for the site lead console only (registered with scope /lead/). A lead who
// reloads the console with no signal still gets the page, and with it the outbox kept in
// localStorage. Network first, so a deployed update is picked up whenever there is a network;
// the cache is only a fallback. API calls and the hub are never cached.
const CACHE = 'queueboard-lead-v2';
const SHELL = [
  '/lead.html',
  '/css/base.css',
  '/css/lead.css',
  '/favicon.svg',
  '/lib/microsoft-signalr/dist/browser/signalr.min.js',
  // Every module the console imports, however indirectly (ServiceWorkerShellTests keeps this list whole).
  ...['lead', 'lead-lanes', 'confirm-dialog', 'lead-hours', 'lead-rejections', 'lead-session', 'lead-undo', 'lead-undo-time', 'api', 'bands',
    'clock', 'district-days', 'district-zone', 'dom', 'estimates', 'format', 'i18n', 'i18n/zh', 'i18n/en', 'live',
    'offline', 'outbox', 'server-words', 'site-state', 'uuid', 'versions'].map((name) => `/js/${name}.js`),
];
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  // One by one: a file that fails to load must not leave the whole shell uncached.
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.allSettled(SHELL.map((url) => cache.add(url)))));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

function isStatic(url) {
  return url.origin === self.location.origin
    && !url.pathname.startsWith('/api/')
    && !url.pathname.startsWith('/hubs/');
}

async function networkFirst(request, fallbackKey) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => { setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS); }),
    ]);
    if (response.ok) cache.put(fallbackKey ?? request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(fallbackKey ?? request);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!isStatic(url)) return;
  // Every /lead/{siteId} is the same page; keep one copy of it.
  const key = request.mode === 'navigate' && url.pathname.startsWith('/lead/') ? '/lead.html' : undefined;
  event.respondWith(networkFirst(request, key));
});
