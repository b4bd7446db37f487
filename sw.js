// Offline start (see README). A page is cached only after every hashed file it
// names, so a cached page always starts. Non-GET requests are never touched.
const VERSION = 1;
const PREFIX = 'suara-sw-';
const CACHE = PREFIX + VERSION;
const WAIT = 4000;
const open = () => caches.open(CACHE);
const match = (url) => open().then((c) => c.match(url, { ignoreVary: true })).catch(() => {});
const put = (url, res) => open().then((c) => c.put(url, res));
// Trunk's hash is a 64-bit number in hex without leading zeros: 1 to 16 digits.
const hashed = (url) => /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/.test(new URL(url).pathname);
const isPage = (res) => /^text\/html/.test(res?.headers.get('content-type'));
const get = (url, init) => fetch(url, init).then((res) => (res.ok ? res : Promise.reject(res.status)));

// Same-origin hashed files a page names (its tags, Trunk's loader).
const refs = (html, base) =>
  [...html.matchAll(/["']([\w./-]+-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css))["']/g)]
    .map((m) => new URL(m[1], base))
    .filter((u) => u.origin === location.origin)
    .map((u) => u.href);

async function commit(cache, key, res) {
  if (res.redirected || !isPage(res)) throw key;
  for (const url of refs(await res.clone().text(), key)) {
    if (!(await cache.match(url))) await cache.put(url, await get(url));
  }
  await cache.put(key, res);
}

async function prune(cache) {
  const keys = await cache.keys();
  const used = new Set();
  for (const req of keys) {
    const res = await cache.match(req);
    if (isPage(res)) refs(await res.text(), req.url).forEach((u) => used.add(u));
  }
  for (const req of keys) if (hashed(req.url) && !used.has(req.url)) await cache.delete(req);
}

// One at a time: a prune of unnamed files never runs inside a commit.
let queue = Promise.resolve();
const keep = (key, res) =>
  (queue = queue.then(async () => {
    const cache = await open();
    await commit(cache, key, res);
    await prune(cache);
  }).catch(() => {}));

// An update takes over with a complete copy, else its install fails and the
// old worker serves on. Old caches go only once the new one is active.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await open();
      const pages = [];
      for (const name of await caches.keys()) {
        if (name === CACHE || !name.startsWith(PREFIX)) continue;
        const old = await caches.open(name);
        for (const req of await old.keys()) {
          const res = await old.match(req);
          if (isPage(res)) pages.push([req.url, res]);
          else if (res) await cache.put(req, res);
        }
      }
      for (const [key, res] of pages) await commit(cache, key, res);
      await prune(cache);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.map((n) => n !== CACHE && n.startsWith(PREFIX) && caches.delete(n)))),
  );
});

// The first visit passed us by, so the page names itself and its survey,
// and the question bank's files its survey fetched (same origin only).
self.addEventListener('message', (event) => {
  const { page, survey, bank } = Object(event.data);
  const have = (url, then) => match(url).then((hit) => hit || get(url, { cache: 'no-cache' }).then(then));
  const jobs = [];
  if (String(page).startsWith(location.origin + '/')) {
    const key = page.replace(/[?#].*/, '');
    jobs.push(have(key, (res) => keep(key, res)));
  }
  if (/^https?:/.test(survey)) jobs.push(have(survey, (res) => put(survey, res)));
  for (const url of Array.isArray(bank) ? bank : []) {
    if (String(url).startsWith(location.origin + '/')) jobs.push(have(url, (res) => put(url, res)));
  }
  event.waitUntil(Promise.all(jobs).catch(() => {}));
});

// Network first, the kept copy on failure, 5xx or after WAIT ("lie-fi").
function fresh(event, key, save) {
  const cached = match(key);
  const got = cached.then((hit) => fetch(event.request).then((res) => [res, hit && res.ok && res.clone()]));
  event.waitUntil(got.then(([, copy]) => copy && save(key, copy)).catch(() => {}));
  event.respondWith(
    new Promise((resolve, reject) => {
      setTimeout(() => cached.then((hit) => hit && resolve(hit)), WAIT);
      got.then(
        ([res]) => (res.status < 500 ? resolve(res) : cached.then((hit) => resolve(hit || res))),
        (err) => cached.then((hit) => (hit ? resolve(hit) : reject(err))),
      );
    }),
  );
}

function cacheFirst(event) {
  const url = event.request.url;
  const got = match(url).then((hit) => hit ? [hit] : fetch(event.request).then((res) => [res, res.ok && res.clone()]));
  event.waitUntil(got.then(([, copy]) => copy && put(url, copy)).catch(() => {}));
  event.respondWith(got.then(([res]) => res));
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  const mine = url.origin === location.origin;
  if (req.mode === 'navigate') fresh(event, url.origin + url.pathname, keep);
  else if (mine && hashed(req.url)) cacheFirst(event);
  // Cross-origin: fetch() only (a survey may live elsewhere).
  else if (mine || req.destination === '') fresh(event, req.url, put);
});
