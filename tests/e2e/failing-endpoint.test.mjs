// End-to-end: an endpoint that fails loses nothing. The response is saved
// on the device, the person is told it will be sent later, and once the
// endpoint recovers the sender delivers the same response (same id, same
// Idempotency-Key, same body) and counts it as sent.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  fixtures,
  waitFor,
  widgetUrl,
  answerBuiltIn,
  organiserOf,
} from './support.mjs';

const SAVED = 'Your response is saved on this device and will be sent when the connection is back.';

const fx = fixtures({ endpoint: { respond: () => ({ status: 503, body: { error: 'down for maintenance' } }) } });

test('a response refused with 503 is kept, then sent once the endpoint is back', { timeout: 120_000 }, async () => {
  const { page } = fx.browser;
  await page.goto(widgetUrl(fx.site.url, { endpoint: fx.endpoint.url, lang: 'en' }));
  await answerBuiltIn(page, { stars: 2, nps: 6 });
  await page.getByRole('button', { name: 'Submit', exact: true }).click();

  await page.getByRole('status').filter({ hasText: SAVED }).first().waitFor({ state: 'visible' });
  await fx.endpoint.waitForPosts(1);
  await (await organiserOf(page)).getByText('Waiting to send: 1. Sent: 0. Needs attention: 0.').waitFor({ state: 'visible' });
  const first = fx.endpoint.posts[0];

  // The endpoint recovers. The browser says it is online again: the sender
  // tries as soon as the backoff (under 2 s for a first retry) allows.
  fx.endpoint.respondWith(({ body }) => ({ status: 201, body: { id: body.id } }));
  await waitFor(
    async () => {
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      return fx.endpoint.posts.some((p, i) => i > 0);
    },
    { timeout: 15_000, interval: 400, what: 'the response to be sent again after the endpoint recovered' },
  );
  await (await organiserOf(page)).getByText('Waiting to send: 0. Sent: 1. Needs attention: 0.').waitFor({ state: 'visible' });

  const retries = fx.endpoint.posts.slice(1);
  assert.equal(retries.length, 1, `exactly one retry reached the endpoint, got ${retries.length}`);
  assert.equal(retries[0].idempotencyKey, first.idempotencyKey, 'the retry carries the same Idempotency-Key');
  assert.equal(retries[0].idempotencyKey, first.body.id, 'the key is the response id');
  assert.deepEqual(retries[0].body, first.body, 'the retry sends the same response');

  // Sent responses stay on the device until the operator clears them.
  await page.reload();
  await (await organiserOf(page)).getByText('1 response stored on this device.').waitFor({ state: 'visible' });
  assert.equal(fx.endpoint.posts.length, 2, 'nothing is sent again after a reload');
});
