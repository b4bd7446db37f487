// End-to-end: what each kind of reply does to a stored response. Only
// replies worth retrying are retried (429 honouring Retry-After, 5xx);
// credentials refused (401, 403) pause; everything else, and a 200 that is
// an HTML page (a Wi-Fi login page), is kept as "needs attention". Nothing
// is ever deleted.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  fixtures,
  launchBrowser,
  readStore,
  waitFor,
  widgetUrl,
  answerBuiltIn,
  organiserOf,
} from './support.mjs';

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

const fx = fixtures({ endpoint: true });

/** The stored records' ids, statuses and attempts. */
const storedRecords = async (page) => (await readStore(page)).map(({ id, status, attempts }) => ({ id, status, attempts }));

// Each response meets the reply chosen for it on its first attempt, and on
// every retry until the endpoint recovers: a retry that falls due while a
// later response is being submitted must not meet that one's reply.
const replyFor = new Map();
let current = null;
function answer(reply) {
  return reply.html
    ? { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: undefined }
    : { status: reply.code, headers: reply.headers, body: { error: `reply ${reply.code}` } };
}
function failing({ body }) {
  if (!replyFor.has(body.id)) replyFor.set(body.id, current);
  return answer(replyFor.get(body.id));
}

/** Submits one response to the built-in survey while the endpoint answers per `reply`; returns its id. */
async function submitWith(page, reply) {
  current = reply;
  fx.endpoint.respondWith(failing);
  // The new response is the first POST of an id not seen before: a retry of
  // an earlier one may fall due (and go first) while this one is submitted.
  const known = new Set(fx.endpoint.posts.map((p) => p.body?.id));
  const fresh = () => fx.endpoint.posts.find((p) => !known.has(p.body?.id));
  await answerBuiltIn(page, { stars: 3, nps: 7 });
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  const { id } = (await waitFor(fresh, { what: 'the new response to be posted' })).body;
  await page.getByRole('button', { name: 'Start a new response' }).click();
  return id;
}

const keyOf = (reply) => (reply.html ? 'html' : reply.code);
const postsFor = (id) => fx.endpoint.posts.filter((p) => p.body?.id === id);
const online = (page) => page.evaluate(() => window.dispatchEvent(new Event('online')));

test('retryable replies are retried by themselves, refusals are kept for the operator', { timeout: 120_000 }, async () => {
  const { page } = fx.browser;
  await page.goto(widgetUrl(fx.site.url, { endpoint: fx.endpoint.url, lang: 'en' }));
  const replies = REPLIES.filter((r) => r.expect !== 'paused');
  const idOf = {};
  for (const reply of replies) idOf[keyOf(reply)] = await submitWith(page, reply);

  fx.endpoint.respondWith(({ body }) => ({ status: 201, body: { id: body.id } }));
  const retried = replies.filter((r) => r.expect === 'retried').map((r) => idOf[keyOf(r)]);
  await waitFor(
    async () => {
      await online(page);
      return retried.every((id) => postsFor(id).length > 1) && (await storedRecords(page)).every((r) => r.status !== 'pending');
    },
    { timeout: 20_000, interval: 500, what: 'every retryable response to be sent again' },
  );
  // A little longer, to see that nothing else is retried meanwhile.
  for (let i = 0; i < 4; i++) {
    await online(page);
    await new Promise((r) => setTimeout(r, 500));
  }
  const byId = Object.fromEntries((await storedRecords(page)).map((r) => [r.id, r]));
  assert.equal(Object.keys(byId).length, replies.length, 'every response is still stored');
  for (const reply of replies) {
    const id = idOf[keyOf(reply)];
    const posts = postsFor(id);
    assert.ok(posts.every((p) => p.idempotencyKey === id), `${keyOf(reply)}: every attempt carries its Idempotency-Key`);
    if (reply.expect === 'retried') {
      assert.equal(byId[id].status, 'sent', `${keyOf(reply)}: sent after the endpoint recovered`);
      // Retried at least once; more when a retry fell due while the endpoint
      // was still failing (each submit also sends the due ones).
      assert.ok(posts.length >= 2, `${keyOf(reply)}: retried`);
    } else {
      assert.equal(byId[id].status, 'needs_attention', `${keyOf(reply)}: kept for the operator`);
      assert.equal(posts.length, 1, `${keyOf(reply)}: never retried`);
    }
  }
  const organiser = await organiserOf(page);
  await organiser.getByText('Waiting to send: 0. Sent: 5. Needs attention: 6.').waitFor({ state: 'visible' });
  // The operator is told why, with the latest refusal's reason.
  await organiser
    .getByRole('alert')
    .filter({ hasText: 'The endpoint refused a response (HTTP 200 with an HTML page' })
    .waitFor({ state: 'visible' });
});

test('401 and 403 pause the whole queue and alert the operator until "Send now", which tries everything unsent', { timeout: 120_000 }, async () => {
  const second = await launchBrowser();
  try {
    const { page } = second;
    await page.goto(widgetUrl(fx.site.url, { endpoint: fx.endpoint.url, lang: 'en' }));
    const idOf = {};
    for (const reply of REPLIES) idOf[keyOf(reply)] = await submitWith(page, reply);

    const organiser = await organiserOf(page);
    const alert = organiser.getByRole('alert').filter({ hasText: 'Sending is paused' });
    await alert.waitFor({ state: 'visible' });
    assert.match(await alert.innerText(), /HTTP 40[13]: the endpoint refused the credentials/);

    // The endpoint recovers, but a paused queue waits for the operator.
    fx.endpoint.respondWith(({ body }) => ({ status: 201, body: { id: body.id } }));
    const sentSoFar = fx.endpoint.posts.length;
    for (let i = 0; i < 6; i++) {
      await online(page);
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.equal(fx.endpoint.posts.length, sentSoFar, 'nothing is sent while the queue is paused');
    const paused = (await storedRecords(page)).filter((r) => r.status === 'paused').length;
    assert.equal(paused, 2, 'the 401 and 403 responses are paused');

    // "Send now" tries everything not yet sent: the waiting ones and, the
    // endpoint having been fixed, those that needed attention.
    await organiser.getByRole('button', { name: 'Send now' }).click();
    const all = REPLIES.map((r) => idOf[keyOf(r)]);
    await waitFor(() => all.every((id) => postsFor(id).length === 2), {
      what: 'every response to be sent after "Send now"',
    });
    await organiser.getByText('Waiting to send: 0. Sent: 13. Needs attention: 0.').waitFor({ state: 'visible' });
    await alert.waitFor({ state: 'hidden' });

    const records = await storedRecords(page);
    assert.equal(records.length, REPLIES.length, 'every response is still stored');
    for (const reply of REPLIES) {
      const id = idOf[keyOf(reply)];
      const record = records.find((r) => r.id === id);
      assert.equal(record.status, 'sent', `${keyOf(reply)}`);
      assert.equal(postsFor(id).length, 2, `${keyOf(reply)}: one attempt before "Send now", one after`);
    }
  } finally {
    await second.close();
  }
});
