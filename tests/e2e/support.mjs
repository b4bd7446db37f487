// Shared helpers for the end-to-end tests (node --test + playwright-core):
// a static file server for dist/, a fake response endpoint, Chromium with a
// fresh profile, and small waiting and CSV helpers.
//
// Everything listens on 127.0.0.1 on a random free port and is closed by the
// test's `after` hook; `fixtures()` registers the usual `before`/`after` pair
// that starts the server, endpoint and browser a test file shares.

import assert from 'node:assert/strict';
import http from 'node:http';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'dist');

/** Debian's Chromium; CHROMIUM_BIN overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Default wait for any one condition (the wasm boots in well under this). */
export const TIMEOUT = Number(process.env.E2E_STEP_TIMEOUT_MS || 20_000);

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/** Listens on 127.0.0.1:0 and returns the port; tracks sockets for closing. */
async function listen(server, port = 0, host = '127.0.0.1') {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server.address().port;
}

async function closeServer(server) {
  if (!server.listening) return;
  const closed = new Promise((resolve) => server.close(() => resolve()));
  server.closeAllConnections?.();
  await closed;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Serves `root` (dist/ by default) on 127.0.0.1 with correct MIME types.
 * `routes` maps a path to extra content: `{ body, type?, status?, headers? }`
 * (e.g. a broken survey JSON) or to a function `(req, res) => void`.
 * `headers` are added to every file and route it serves (a
 * Content-Security-Policy, say). `port` and `host`: where to listen (a free
 * port on 127.0.0.1 by default).
 * Returns `{ url, port, requests, route(path, spec), close() }`.
 */
export async function startStaticServer({ root = DIST, routes = {}, headers = {}, port: wanted = 0, host = '127.0.0.1' } = {}) {
  const rootDir = path.resolve(root);
  if (root === DIST && !existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`no ${path.relative(ROOT, DIST)}/index.html: run bash scripts/build.sh first`);
  }
  const table = new Map(Object.entries(routes));
  const requests = [];

  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    requests.push({ method: req.method, path: pathname });
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const extra = table.get(pathname);
      if (typeof extra === 'function') {
        await extra(req, res);
        return;
      }
      if (extra) {
        const body = Buffer.isBuffer(extra.body) ? extra.body : Buffer.from(String(extra.body ?? ''));
        res.writeHead(extra.status ?? 200, {
          'Content-Type': extra.type ?? mimeType(pathname),
          'Content-Length': body.length,
          'Cache-Control': 'no-store',
          ...headers,
          ...extra.headers,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      let rel;
      try {
        rel = decodeURIComponent(pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(rootDir, '.' + rel);
      if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if ((!info || !info.isFile()) && pathname === '/favicon.ico') {
        // Browsers ask for it on their own; an empty answer keeps the console clean.
        res.writeHead(204).end();
        return;
      }
      if (!info || !info.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': mimeType(file),
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    }
  });

  const port = await listen(server, wanted, host);
  return {
    port,
    url: `http://${host}:${port}`,
    requests,
    route(pathname, spec) {
      table.set(pathname, spec);
    },
    close: () => closeServer(server),
  };
}

/** Answers a CORS preflight the way a real collection endpoint would. */
function corsHeaders(req, allowHeaders) {
  const headers = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': allowHeaders,
    'Access-Control-Max-Age': '0',
  };
  if (req.headers['access-control-request-private-network']) {
    headers['Access-Control-Allow-Private-Network'] = 'true';
  }
  return headers;
}

/** The default answer to a POST: 201 with a small JSON body. */
export function created({ body }) {
  return { status: 201, body: { id: body?.id ?? null, status: 'created' } };
}

/**
 * A fake response endpoint on 127.0.0.1: answers CORS preflights (allowing
 * the request headers listed in `allowHeaders`) and records every
 * `POST <path>` (parsed JSON body and Idempotency-Key header). `requests`
 * lists every request, preflights (`OPTIONS`) included.
 *
 * `respond({ req, body, raw, index })` decides the answer and may return
 * `{ status, body?, headers? }`, or `'hang'` (never answer) or `'drop'`
 * (destroy the connection); change it at run time with `respondWith(fn)`.
 * Returns `{ url, port, requests, posts, waitForPosts(n), respondWith(fn), close() }`.
 */
export async function startEndpoint({
  path: postPath = '/responses',
  respond = created,
  allowHeaders = 'content-type, idempotency-key',
} = {}) {
  let responder = respond;
  const requests = [];
  const posts = [];
  const events = new EventEmitter();
  const hanging = new Set();

  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const raw = await readBody(req);
    requests.push({ method: req.method, path: pathname, headers: req.headers });

    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders(req, allowHeaders)).end();
      return;
    }
    if (req.method !== 'POST' || pathname !== postPath) {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found' }));
      return;
    }

    let body;
    let parseError = null;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch (err) {
      parseError = String(err);
    }
    const record = {
      index: posts.length,
      headers: req.headers,
      contentType: req.headers['content-type'] ?? null,
      idempotencyKey: req.headers['idempotency-key'] ?? null,
      raw: raw.toString('utf8'),
      body,
      parseError,
      at: new Date(),
    };
    posts.push(record);
    events.emit('post', record);

    const answer = await responder({ req, body, raw: record.raw, index: record.index });
    if (answer === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (answer === 'drop') {
      req.socket.destroy();
      return;
    }
    const status = answer?.status ?? 201;
    const payload = answer?.body === undefined ? '' : JSON.stringify(answer.body);
    res.writeHead(status, {
      'Access-Control-Allow-Origin': '*',
      ...(payload ? { 'Content-Type': 'application/json' } : {}),
      ...answer?.headers,
    });
    res.end(payload);
  });

  const port = await listen(server);
  return {
    port,
    url: `http://127.0.0.1:${port}${postPath}`,
    requests,
    posts,
    respondWith(fn) {
      responder = fn;
    },
    /** Resolves once at least `n` POSTs have arrived. */
    waitForPosts(n, { timeout = TIMEOUT } = {}) {
      if (posts.length >= n) return Promise.resolve(posts);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('post', onPost);
          reject(new Error(`endpoint: expected ${n} POST(s) within ${timeout} ms, got ${posts.length}`));
        }, timeout);
        const onPost = () => {
          if (posts.length >= n) {
            clearTimeout(timer);
            events.off('post', onPost);
            resolve(posts);
          }
        };
        events.on('post', onPost);
      });
    },
    /** Stops listening: the port refuses connections, as an unreachable endpoint does. */
    stop: async () => {
      for (const res of hanging) res.destroy();
      await closeServer(server);
    },
    /** Listens again on the same port. */
    start: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      }),
    close: async () => {
      for (const res of hanging) res.destroy();
      await closeServer(server);
    },
  };
}

/**
 * Every record in one object store of the widget's IndexedDB database
 * (`responses` or `drafts`), read as the page sees them, with each record's
 * `response` JSON parsed.
 */
export function readStore(page, name = 'responses') {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('suara');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction(name).objectStore(name).getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            resolve(all.result.map((r) => ({ ...r, response: JSON.parse(r.response) })));
            open.result.close();
          };
        };
      }),
    name,
  );
}

/** The hashed files `page` (a page of dist/, e.g. `index.html`) names: what it needs to start. */
export async function hashedFiles(page = 'index.html') {
  const html = await readFile(path.join(DIST, page), 'utf8');
  const names = [...new Set([...html.matchAll(/["'](?:\.?\/)?([\w-][\w./-]*-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css))["']/g)].map((m) => m[1]))];
  assert.ok(names.some((n) => n.endsWith('.wasm')), `no hashed wasm named in ${path.relative(ROOT, DIST)}/${page}`);
  return names.map((n) => `/${n}`);
}

/** Names of the page's origin's caches, and whether each of `urls` is in one of them. */
export function cacheState(page, urls) {
  return page.evaluate(async (urls) => {
    const names = await caches.keys();
    const found = await Promise.all(urls.map(async (u) => Boolean(await caches.match(new URL(u, location.href).href))));
    return { names, found };
  }, urls);
}

/**
 * Waits until the service worker keeps `urls` and the hashed files `html`
 * (a page of dist/) names; returns the cache names.
 */
export async function waitUntilCached(page, html, urls) {
  const all = [...urls, ...(await hashedFiles(html))];
  return waitFor(
    async () => {
      const { names, found } = await cacheState(page, all);
      return found.every(Boolean) && names;
    },
    { what: `the service worker to keep ${all.join(', ')}` },
  );
}

/** Stops the static server and takes the browser offline: no network at all. */
export async function goOffline(site, browser) {
  await site.close();
  await browser.context.setOffline(true);
}

/**
 * Opens `url` with no draft of an earlier test waiting on this origin, so the
 * page starts empty (what `mode=kiosk` did before kiosk mode became its own
 * page). The drafts are removed from a same-origin page that is not the
 * widget; a device that has no database yet is left without one.
 */
export async function gotoWithoutDrafts(page, url) {
  await page.goto(new URL('/robots.txt', url).href);
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('suara');
        // No database yet: make none (the widget creates its own).
        open.onupgradeneeded = () => open.transaction.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve() : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('drafts')) {
            db.close();
            resolve();
            return;
          }
          const tx = db.transaction('drafts', 'readwrite');
          tx.objectStore('drafts').clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.goto(url);
}

/**
 * A survey of one required short-text question (`n`, labelled "Number"), for
 * tests that submit many responses quickly.
 */
export const ONE_QUESTION_SURVEY = {
  format: 1,
  id: 'one-question',
  version: '1',
  title: 'One question',
  default_locale: 'en',
  pages: [{ id: 'p', questions: [{ id: 'n', kind: 'short_text', label: 'Number', required: true }] }],
};

/**
 * Submits `count` responses to the one-question survey from inside the page,
 * as a person would (type, press Submit, wait for the thank-you, press
 * "Start a new response"), answering `${prefix}${i}`. In-page, so a thousand
 * take seconds rather than minutes of round trips.
 */
export function submitMany(page, count, prefix) {
  return page.evaluate(
    async ({ count, prefix }) => {
      const until = async (check, what) => {
        const deadline = Date.now() + 20_000;
        while (!check()) {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
          await new Promise((r) => setTimeout(r, 2));
        }
      };
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      for (let i = 0; i < count; i++) {
        const input = document.querySelector('.suara-form input[type="text"], .suara-form input:not([type])');
        setValue.call(input, `${prefix}${i}`);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        document.querySelector('.suara-form button[type="submit"]').click();
        const again = () => {
          const done = document.querySelector('.suara-done__again');
          return done && !done.hidden ? done.querySelector('button') : null;
        };
        await until(again, `the thank-you after response ${i}`);
        again().click();
        await until(() => !document.querySelector('.suara-form').hidden && !input.value, 'an empty form');
      }
    },
    { count, prefix },
  );
}

/** The widget's page URL with its settings as query parameters. */
export function widgetUrl(base, params = {}) {
  const url = new URL('/', base);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) url.searchParams.set(key, value);
  }
  return url.href;
}

const organisers = new WeakMap();

/**
 * The organiser's page (`organiser.html`) beside `page`: a tab of the same
 * browser context (same origin, same device store) with the same settings
 * as `page`'s URL, or `params` instead. Its counts follow what the widget's
 * tabs store and send. One such tab per page and settings, opened at the
 * first call and reused after.
 */
export async function organiserOf(page, params) {
  const url = new URL(page.url());
  url.pathname = '/organiser.html';
  if (params) {
    url.search = '';
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== null) url.searchParams.set(key, value);
    }
  }
  const open = organisers.get(page);
  if (open && !open.isClosed() && open.url() === url.href) return open;
  const organiser = await page.context().newPage();
  await organiser.goto(url.href);
  await organiser.getByRole('heading', { level: 2 }).first().waitFor({ state: 'visible' });
  organisers.set(page, organiser);
  return organiser;
}

/** Resolves with `promise`, or rejects after `ms` with `what` in the message. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
    }),
  ]);
}

/**
 * Starts Debian's Chromium headless with a new temporary profile (so storage
 * starts empty and persists across reloads within the test) and downloads
 * accepted. Returns `{ context, page, userDataDir, logs, close() }`; `logs`
 * collects console messages and uncaught page errors of every page.
 */
export async function launchBrowser({ headless = true, contextOptions = {} } = {}) {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'suara-e2e-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless,
      args: CHROMIUM_ARGS,
      acceptDownloads: true,
      locale: 'en-GB',
      timezoneId: 'UTC',
      viewport: { width: 1024, height: 900 },
      timeout: 60_000,
      ...contextOptions,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT);

  const logs = { console: [], pageErrors: [] };
  const watch = (page) => {
    page.on('console', (msg) => logs.console.push(`${msg.type()}: ${msg.text()}`));
    page.on('pageerror', (err) => logs.pageErrors.push(String(err?.stack || err)));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());

  let closed = false;
  return {
    context,
    page,
    userDataDir,
    logs,
    async close() {
      if (closed) return;
      closed = true;
      // Playwright kills the browser if it does not quit; bound the wait anyway.
      await withTimeout(context.close(), 30_000, 'closing Chromium').catch((err) => {
        console.error(String(err));
      });
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/**
 * Registers `before`/`after` hooks (for the file, or in the enclosing
 * `describe`) that start what its tests share: the static server with
 * `routes` (an object, a promise of one, or a function returning either,
 * called in `before`), a fake endpoint when `endpoint` is `true` or
 * `startEndpoint` options, and Chromium unless `browser` is false. Returns an
 * object whose `site`, `endpoint` and `browser` the `before` hook fills in;
 * `after` closes them in reverse order, whatever started, even if one fails.
 */
export function fixtures({ routes = {}, endpoint = false, browser = true } = {}) {
  const fx = {};
  before(async () => {
    fx.site = await startStaticServer({ routes: await (typeof routes === 'function' ? routes() : routes) });
    if (endpoint) fx.endpoint = await startEndpoint(endpoint === true ? {} : endpoint);
    if (browser) fx.browser = await launchBrowser();
  });
  after(async () => {
    const errors = [];
    for (const started of [fx.browser, fx.endpoint, fx.site]) {
      await started?.close().catch((err) => errors.push(err));
    }
    if (errors.length) throw errors[0];
  });
  return fx;
}

/** Polls `check` (sync or async) until it returns a truthy value. */
export async function waitFor(check, { timeout = TIMEOUT, interval = 50, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Parses RFC 4180 CSV: comma separated, fields optionally in double quotes
 * (`""` for a quote; CR, LF and commas allowed inside), records ended by
 * CRLF. Returns an array of records (arrays of strings). A leading UTF-8 BOM
 * is removed. Throws on malformed quoting and, unless `{ crlf: false }`, on a
 * record that ends with a bare LF or CR.
 */
export function parseCsv(text, { crlf = true } = {}) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records = [];
  let record = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new Error(`CSV: unexpected ${JSON.stringify(next)} after a closing quote at offset ${i}`);
        }
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (fieldStarted || field !== '') throw new Error(`CSV: quote inside an unquoted field at offset ${i}`);
      quoted = true;
      fieldStarted = true;
      i += 1;
    } else if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRecord();
      i += 2;
    } else if (c === '\n' || c === '\r') {
      if (crlf) throw new Error(`CSV: record ended by a bare ${c === '\n' ? 'LF' : 'CR'} at offset ${i}, expected CRLF`);
      endRecord();
      i += 1;
    } else {
      field += c;
      fieldStarted = true;
      i += 1;
    }
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || fieldStarted || record.length > 0) endRecord();
  return records;
}

/**
 * Ticks a radio button or checkbox the way a person does: by clicking what
 * they see, its label (a star, a number, the option's text), or the control
 * itself when it has no label. Then waits until it is checked.
 */
export async function pick(control, what) {
  await control.waitFor({ state: 'attached' });
  const target = (await control.evaluateHandle((el) => el.labels?.[0] ?? el)).asElement();
  await target.click();
  await waitFor(() => control.isChecked(), { what: `${what} to be checked after clicking it` });
}

/**
 * Presses the survey's "Next" (`name` in the page's language) and waits
 * until focus is on the heading of the page or review that follows, as it
 * must be for a screen reader to say where the person now is.
 */
export async function next(page, name = 'Next') {
  // `page` may be a locator (one widget of several on a page); focus is
  // looked for through shadow roots.
  const top = typeof page.page === 'function' ? page.page() : page;
  const focused = () => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.id ?? '';
  };
  const from = await top.evaluate(focused);
  await page.getByRole('button', { name, exact: true }).click();
  await waitFor(
    () =>
      top.evaluate(`(${focused})()`).then((id) => id.startsWith('suara-step-') && id !== from),
    { what: `"${name}" to show the next page and move focus to its heading` },
  );
}

export const CONSENT = 'I agree that the partnership may use my answers';

/**
 * Answers the built-in survey in English page by page: `stars` and `nps`
 * (and `worksWell` when given) on the first page, the consent on the
 * second, and stops on the review step, where "Submit" is.
 */
export async function answerBuiltIn(page, { stars = 3, nps = 7, worksWell } = {}) {
  await pick(page.getByRole('radio', { name: `${stars} of 5 stars`, exact: true }), `${stars} of 5 stars`);
  await pick(page.getByRole('radio', { name: String(nps), exact: true }), `NPS ${nps}`);
  if (worksWell !== undefined) await page.getByLabel('What works well?').fill(worksWell);
  await next(page);
  await page.getByRole('checkbox', { name: CONSENT }).check();
  await next(page);
}

/**
 * Presses Tab until `reached()` (an async check of the page) holds, at most
 * `limit` times; fails naming `what` otherwise.
 */
export async function tabUntil(page, reached, what, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await reached()) return;
  }
  throw new Error(`Tab never reached ${what}`);
}
