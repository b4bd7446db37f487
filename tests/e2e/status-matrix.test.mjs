// End-to-end: what each kind of reply does to a stored response. Only
// replies worth retrying are retried (429 honouring Retry-After, 5xx);
// credentials refused (401, 403) pause; everything else, and a 200 that is
// an HTML page (a Wi-Fi login page), is kept as "needs attention". Nothing
// is ever deleted.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, pick, startEndpoint, startStaticServer, waitFor, widgetUrl } from './support.mjs';

const REPLIES = [
  { code: 400, expect: 'needs_attention' },
  { code: 401, expect: 'paused' },
  { code: 403, expect: 'paused' },
  { code: 404, expect: 'needs_attention' },
  { code: 409, expect: 'needs_attention' },
  { code: 413, expect: 'needs_attention' },
  { code: 422, expect: 'needs_attention' },
  { code: 429, expect: 'retried', headers: { 'Retry-After': '1', 'Access-Control-Expose-Headers': 'Retry-After' } },
  { code: 500, expect: 'retried' },
  { code: 502, expect: 'retried' },
  { code: 503, expect: 'retried' },
  { code: 504, expect: 'retried' },
  { code: 200, html: true, expect: 'needs_attention' },
];

let site;
let endpoint;
let browser;

before(async () => {
  site = await startStaticServer();
  endpoint = await startEndpoint();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await endpoint?.close();
});

/** The records in the widget's IndexedDB store, read as the page sees them. */
function storedRecords(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('suara');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('responses').objectStore('responses').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            resolve(all.result.map(({ id, status, attempts }) => ({ id, status, attempts })));
            open.result.close();
          };
        };
      }),
  );
}

test('only retryable replies are retried, and nothing is deleted', { timeout: 180_000 }, async () => {
  const { page } = browser;
  await page.goto(widgetUrl(site.url, { endpoint: endpoint.url, lang: 'en' }));
  const idOf = {};
  for (const reply of REPLIES) {
    endpoint.respondWith(() =>
      reply.html
        ? { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: undefined }
        : { status: reply.code, headers: reply.headers, body: { error: `reply ${reply.code}` } },
    );
    const before = endpoint.posts.length;
    await pick(page.getByRole('radio', { name: '3 of 5 stars', exact: true }), '3 of 5 stars');
    await pick(page.getByRole('radio', { name: '7', exact: true }), '7');
    await page.getByRole('checkbox', { name: 'I agree that the partnership may use my answers' }).check();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await endpoint.waitForPosts(before + 1);
    idOf[reply.html ? 'html' : reply.code] = endpoint.posts[before].body.id;
    await page.getByRole('button', { name: 'Start a new response' }).click();
  }

  // The endpoint now accepts everything; the browser says it is online again.
  endpoint.respondWith(({ body }) => ({ status: 201, body: { id: body.id } }));
  const sentAgain = (id) => endpoint.posts.filter((p) => p.body?.id === id).length > 1;
  const retried = REPLIES.filter((r) => r.expect === 'retried').map((r) => idOf[r.code]);
  await waitFor(
    async () => {
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      return retried.every(sentAgain);
    },
    { timeout: 20_000, interval: 500, what: 'every retryable response to be sent again' },
  );
  // A little longer, to see that nothing else is retried meanwhile.
  for (let i = 0; i < 4; i++) {
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await new Promise((r) => setTimeout(r, 500));
  }

  const records = await storedRecords(page);
  assert.equal(records.length, REPLIES.length, 'every response is still stored');
  const byId = Object.fromEntries(records.map((r) => [r.id, r]));
  for (const reply of REPLIES) {
    const key = reply.html ? 'html' : reply.code;
    const id = idOf[key];
    const record = byId[id];
    const posts = endpoint.posts.filter((p) => p.body?.id === id);
    assert.ok(posts.every((p) => p.idempotencyKey === id), `${key}: every attempt carries its Idempotency-Key`);
    switch (reply.expect) {
      case 'retried':
        assert.equal(record.status, 'sent', `${key}: sent after the endpoint recovered`);
        assert.equal(posts.length, 2, `${key}: one retry`);
        break;
      case 'paused':
        assert.equal(record.status, 'pending', `${key}: kept waiting, paused`);
        assert.equal(posts.length, 1, `${key}: not retried while paused`);
        break;
      default:
        assert.equal(record.status, 'needs_attention', `${key}: kept for the operator`);
        assert.equal(posts.length, 1, `${key}: never retried`);
    }
  }
  await page.getByText('Waiting to send: 2. Sent: 5. Needs attention: 6.').waitFor({ state: 'visible' });
});
