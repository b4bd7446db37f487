// End-to-end: the outbox across a schema upgrade and across tabs.
//
// 1. A device whose database is still at schema version 1, with 1,000
//    responses waiting, opens the new widget: the upgrade keeps all 1,000,
//    and every one is sent exactly once.
// 2. Two tabs of the widget open at once on a device with waiting responses:
//    one sender for the origin (a Web Lock), so each response reaches the
//    endpoint once, even though both tabs start sending at the same moment
//    and the endpoint is slow.
// 3. A response stored in one tab shows in the other tab's counts at once,
//    without a reload (BroadcastChannel).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  fixtures,
  launchBrowser,
  waitFor,
  widgetUrl,
  answerBuiltIn,
  organiserOf,
} from './support.mjs';

const SURVEY_ID = 'community-partnership-feedback';

const fx = fixtures({
  routes: { '/blank.html': { body: '<!doctype html><title>blank</title>', type: 'text/html' } },
  endpoint: true,
  browser: false,
});

/** Creates the database at `version` with `n` waiting responses, as an older widget left it. */
async function seed(page, { version, n, prefix }) {
  await page.goto(new URL('/blank.html', fx.site.url).href);
  await page.evaluate(
    ({ version, n, prefix, survey }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('suara', version);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('responses', { keyPath: 'id' });
          if (version >= 2) open.result.createObjectStore('drafts', { keyPath: 'survey_id' });
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('responses', 'readwrite');
          const store = tx.objectStore('responses');
          for (let i = 0; i < n; i++) {
            const id = `${prefix}-${String(i).padStart(4, '0')}`;
            const at = new Date(Date.UTC(2026, 10, 1, 8, 0, i)).toISOString().replace('.000Z', 'Z');
            const response = {
              id, survey_id: survey, survey_version: '1', locale: 'id',
              started_at: at, submitted_at: at, answers: { satisfaction: 4, recommend: 9, consent: true },
            };
            store.put({
              id, survey_id: survey, status: 'pending', attempts: 0, last_error: null, next_attempt_at: 0,
              response: JSON.stringify(response),
            });
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { version, n, prefix, survey: SURVEY_ID },
  );
}

function received(prefix) {
  const ids = fx.endpoint.posts.map((p) => p.body?.id).filter((id) => id?.startsWith(prefix));
  return { total: ids.length, unique: new Set(ids).size };
}

test('an upgrade from schema version 1 keeps 1,000 waiting responses, and each is sent once', { timeout: 240_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page } = browser;
    await seed(page, { version: 1, n: 1000, prefix: 'upgrade' });
    const started = Date.now();
    await page.goto(widgetUrl(fx.site.url, { endpoint: fx.endpoint.url, lang: 'en' }));
    await (await organiserOf(page)).getByText('1000 responses stored on this device.').waitFor({ state: 'visible' });
    await waitFor(() => received('upgrade').unique === 1000, { timeout: 180_000, interval: 250, what: '1,000 responses at the endpoint' });
    await (await organiserOf(page)).getByText('Waiting to send: 0. Sent: 1000. Needs attention: 0.').waitFor({ state: 'visible', timeout: 30_000 });
    const { total, unique } = received('upgrade');
    assert.equal(unique, 1000);
    assert.equal(total, 1000, 'none sent twice');
    const stores = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('suara');
          open.onsuccess = () => {
            resolve({ version: open.result.version, stores: [...open.result.objectStoreNames] });
            open.result.close();
          };
        }),
    );
    assert.deepEqual(stores, { version: 2, stores: ['drafts', 'responses'] });
    console.log(`# 1,000 queued responses sent after the upgrade in ${Date.now() - started} ms`);
  } finally {
    await browser.close();
  }
});

test('two tabs send each waiting response once', { timeout: 120_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page, context } = browser;
    await seed(page, { version: 2, n: 30, prefix: 'tabs' });
    // A slow endpoint: without one sender, both tabs would read the same
    // responses as waiting and send them twice.
    fx.endpoint.respondWith(async ({ body }) => {
      await new Promise((r) => setTimeout(r, 150));
      return { status: 201, body: { id: body.id } };
    });
    const second = await context.newPage();
    const url = widgetUrl(fx.site.url, { endpoint: fx.endpoint.url, lang: 'en' });
    await Promise.all([page.goto(url), second.goto(url)]);
    // Both keep being nudged to send, as `online` and visibility changes would.
    const nudge = setInterval(() => {
      for (const p of [page, second]) p.evaluate(() => window.dispatchEvent(new Event('online'))).catch(() => {});
    }, 200);
    try {
      await waitFor(() => received('tabs').unique === 30, { timeout: 60_000, what: '30 responses at the endpoint' });
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      clearInterval(nudge);
    }
    assert.deepEqual(received('tabs'), { total: 30, unique: 30 }, 'each response arrived once');
    for (const p of [page, second]) {
      await p.reload();
      await (await organiserOf(p)).getByText('Waiting to send: 0. Sent: 30. Needs attention: 0.').waitFor({ state: 'visible' });
    }
  } finally {
    fx.endpoint.respondWith(({ body }) => ({ status: 201, body: { id: body.id } }));
    await browser.close();
  }
});

test("a tab's counts follow what another tab stores", { timeout: 60_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page } = browser;
    await page.goto(widgetUrl(fx.site.url, { lang: 'en' }));
    const other = await organiserOf(page);
    await other.getByText('0 responses stored on this device.').waitFor({ state: 'visible' });
    await answerBuiltIn(page, { stars: 5, nps: 9 });
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByText('Your response is saved on this device.').waitFor({ state: 'visible' });
    // No reload, no timer (there is no endpoint): only the other tab's word.
    await other.getByText('1 response stored on this device.').waitFor({ state: 'visible', timeout: 5_000 });
  } finally {
    await browser.close();
  }
});
