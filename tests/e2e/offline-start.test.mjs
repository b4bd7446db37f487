// End-to-end: offline start through the service worker (sw.js).
//
// 1. The app started offline from the service worker after one online
//    visit: a survey given with ?survey= is shown and answered with the
//    static server stopped and the browser offline; the response is saved on
//    the device. Back online, it reaches the endpoint exactly once with its
//    body intact: the worker never touches a POST.
// 2. The same with the built-in survey and no endpoint.
// 3. An update never breaks the offline start: a new sw.js version takes
//    over with a complete cache, and a deploy whose wasm cannot be fetched
//    does not replace the cached page. Offline, the app still starts.
//
// Each test has its own static server, endpoint and browser profile; going
// offline means stopping the static server and context.setOffline(true).
// Needs `trunk build --release --offline` first (scripts/test.sh does it).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import {
  DIST,
  ROOT,
  cacheState,
  goOffline,
  hashedFiles,
  launchBrowser,
  pick,
  readStore,
  startEndpoint,
  startStaticServer,
  waitFor,
  waitUntilCached,
  widgetUrl,
  answerBuiltIn,
} from './support.mjs';

const SURVEY = {
  format: 1,
  id: 'offline-check',
  version: '2',
  title: 'Market day check',
  default_locale: 'en',
  pages: [
    {
      id: 'visit',
      questions: [
        {
          id: 'travel',
          kind: 'single_choice',
          label: 'How did you come to the market?',
          required: true,
          options: [
            { value: 'walk', label: 'On foot' },
            { value: 'bus', label: 'By bus' },
          ],
        },
        { id: 'note', kind: 'short_text', label: 'Anything else?' },
      ],
    },
  ],
};
const NOTE = 'Tanpa sinyal — no signal, "still works"';

const MSG = {
  willSend: 'Your response is saved on this device and will be sent when the connection is back.',
  savedLocal: 'Your response is saved on this device.',
};

/** Waits until the service worker keeps the page, its hashed files and `extra` URLs. */
function waitUntilKept(page, extra = []) {
  return waitUntilCached(page, 'index.html', ['/', ...extra]);
}

async function setup(t, { survey = true } = {}) {
  assert.ok(
    existsSync(path.join(DIST, 'sw.js')),
    `no ${path.relative(ROOT, DIST)}/sw.js: run bash scripts/build.sh first`,
  );
  const site = await startStaticServer({
    routes: { '/surveys/market.json': { body: JSON.stringify(SURVEY), type: 'application/json' } },
  });
  const endpoint = await startEndpoint();
  const browser = await launchBrowser();
  t.after(async () => {
    const errors = browser.logs.console.filter((line) => line.startsWith('error'));
    if (errors.length) t.diagnostic('browser console errors:\n  ' + errors.join('\n  '));
    await browser.close();
    await site.close();
    await endpoint.close();
  });
  const surveyUrl = `${site.url}/surveys/market.json`;
  const url = widgetUrl(site.url, survey ? { survey: surveyUrl, endpoint: endpoint.url, lang: 'en' } : { lang: 'en' });
  return { site, endpoint, browser, page: browser.page, surveyUrl, url };
}

/** Answers the market survey and submits it. */
async function answerMarketSurvey(page) {
  await page.getByRole('heading', { name: SURVEY.title }).first().waitFor({ state: 'visible' });
  await pick(page.getByRole('radio', { name: 'By bus', exact: true }), 'By bus');
  await page.getByLabel('Anything else?').fill(NOTE);
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
}

test('the app started offline from the service worker after one online visit', { timeout: 120_000 }, async (t) => {
  const { site, endpoint, browser, page, surveyUrl, url } = await setup(t);

  // The one online visit. The page is not controlled yet: the worker learns
  // about the page and its survey from the page's message.
  await page.goto(url);
  await page.getByRole('heading', { name: SURVEY.title }).first().waitFor({ state: 'visible' });
  await waitUntilKept(page, [surveyUrl]);

  await goOffline(site, browser);
  const nav = await page.reload();
  assert.ok(nav?.fromServiceWorker(), 'the offline page came from the service worker');
  await answerMarketSurvey(page);
  await page.getByRole('status').filter({ hasText: MSG.willSend }).first().waitFor({ state: 'visible' });
  assert.equal(endpoint.posts.length, 0, 'nothing reached the endpoint while offline');

  // Back online (the static server stays down: the page still runs from the
  // worker). The waiting response is POSTed past the worker, exactly once.
  const postReplies = [];
  page.on('response', (r) => {
    if (r.request().method() === 'POST') postReplies.push(r);
  });
  await browser.context.setOffline(false);
  await waitFor(
    async () => {
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      return endpoint.posts.length > 0;
    },
    { timeout: 15_000, interval: 400, what: 'the saved response to be sent once back online' },
  );
  // The organiser's page is not kept by this visit: the store says it.
  await waitFor(async () => (await readStore(page)).every((r) => r.status === 'sent'), { what: 'the response marked sent' });
  assert.equal(endpoint.posts.length, 1, 'exactly one POST reached the endpoint');
  const [post] = endpoint.posts;
  assert.equal(post.parseError, null, `the POST body is JSON: ${JSON.stringify(post.raw)}`);
  assert.equal(post.body.survey_id, SURVEY.id);
  assert.equal(post.body.survey_version, SURVEY.version);
  assert.deepEqual(post.body.answers, { travel: 'bus', note: NOTE }, 'the body arrived intact');
  assert.equal(post.idempotencyKey, post.body.id);
  await waitFor(() => postReplies.length > 0, { what: 'the page to see its POST answered' });
  for (const r of postReplies) assert.equal(r.fromServiceWorker(), false, `POST ${r.url()} went past the worker`);
  assert.deepEqual(browser.logs.pageErrors, [], 'no uncaught errors in the page');
});

test('the built-in survey starts offline after one online visit', { timeout: 120_000 }, async (t) => {
  const { site, browser, page, url } = await setup(t, { survey: false });
  await page.goto(url);
  await page.getByRole('button', { name: 'Next', exact: true }).waitFor({ state: 'visible' });
  await waitUntilKept(page);

  await goOffline(site, browser);
  await page.reload();
  await answerBuiltIn(page, { stars: 5, nps: 10 });
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByRole('status').filter({ hasText: MSG.savedLocal }).first().waitFor({ state: 'visible' });
  assert.equal((await readStore(page)).length, 1, 'the response is stored');
  assert.deepEqual(browser.logs.pageErrors, [], 'no uncaught errors in the page');
});

test('an update never breaks the offline start', { timeout: 120_000 }, async (t) => {
  const { site, browser, page, surveyUrl, url } = await setup(t);
  await page.goto(url);
  await page.getByRole('heading', { name: SURVEY.title }).first().waitFor({ state: 'visible' });
  const [before] = await waitUntilKept(page, [surveyUrl]);
  const hashed = await hashedFiles();

  await t.test('a new sw.js takes over with everything the old one kept', async () => {
    const source = await readFile(path.join(DIST, 'sw.js'), 'utf8');
    const next = source.replace(/const VERSION = (\d+);/, (_, n) => `const VERSION = ${Number(n) + 1};`);
    assert.notEqual(next, source, 'sw.js declares its VERSION');
    site.route('/sw.js', { body: next, type: 'text/javascript; charset=utf-8' });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const names = await waitFor(
      async () => {
        const { names, found } = await cacheState(page, ['/', surveyUrl, ...hashed]);
        return names.length === 1 && names[0] !== before && found.every(Boolean) && names;
      },
      { what: 'the new version to take over with a complete cache and the old cache deleted' },
    );
    assert.equal(names.length, 1);
  });

  await t.test('a deploy whose wasm cannot be fetched does not replace the cached page', async () => {
    const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
    const wasm = hashed.find((n) => n.endsWith('.wasm'));
    const missing = wasm.replace(/-[0-9a-f]{1,16}_bg\.wasm$/, '-0123456789abcdef_bg.wasm');
    assert.notEqual(missing, wasm);
    const asked = [];
    site.route(missing, (req, res) => {
      asked.push(req.headers.referer ?? '');
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    });
    site.route('/', { body: html.replaceAll(wasm, missing), type: 'text/html; charset=utf-8' });

    // Online, the broken page is what the server sends; the worker tries to
    // keep it, cannot fetch its wasm, and keeps the page it had. (The next
    // step, offline, is the proof: a kept broken page would not start.)
    await page.reload();
    await waitFor(() => asked.some((r) => r.endsWith('/sw.js')), { what: 'the worker to ask for the new wasm' });
    const cached = await page.evaluate(() => caches.match(location.origin + '/').then((r) => r && r.text()));
    assert.ok(cached?.includes(wasm), 'the cached page still names the wasm it was kept with');
    assert.ok(!cached.includes(missing), 'the cached page does not name the missing wasm');
  });

  await t.test('offline, the app still starts and takes a response', async () => {
    await goOffline(site, browser);
    const nav = await page.reload();
    assert.ok(nav?.fromServiceWorker(), 'the offline page came from the service worker');
    await answerMarketSurvey(page);
    await page.getByRole('status').filter({ hasText: MSG.willSend }).first().waitFor({ state: 'visible' });
  });
});
