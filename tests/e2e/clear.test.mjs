// End-to-end: nothing is deleted by itself; the operator removes finished
// responses only after downloading them, and only those in that download
// that are sent. A response still waiting, or sent after the download, stays.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  fixtures,
  widgetUrl,
  answerBuiltIn,
  organiserOf,
} from './support.mjs';

const fx = fixtures({ endpoint: true });

async function submit(page, expect) {
  await answerBuiltIn(page, { stars: 3, nps: 8 });
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByText(expect).waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Start a new response' }).click();
}

test('finished responses are removed only after a download, and only those in it', { timeout: 120_000 }, async () => {
  const { page } = fx.browser;
  await page.goto(widgetUrl(fx.site.url, { endpoint: fx.endpoint.url, lang: 'en' }));
  const SENT = 'Your response has been sent. Thank you!';
  await submit(page, SENT);
  await submit(page, SENT);
  fx.endpoint.respondWith(() => ({ status: 503, body: { error: 'down' } }));
  await submit(page, 'will be sent when the connection is back');
  // That one keeps failing (it stays waiting); every other is accepted.
  const waitingId = fx.endpoint.posts.at(-1).body.id;
  fx.endpoint.respondWith(({ body }) =>
    body.id === waitingId ? { status: 503, body: { error: 'down' } } : { status: 201, body: { id: body.id } },
  );
  const org = await organiserOf(page);
  await org.getByText('Waiting to send: 1. Sent: 2. Needs attention: 0.').waitFor({ state: 'visible' });
  // Whether the browser promised to keep the storage (persist()), either way, is shown.
  await org
    .getByText('This browser will keep these responses until they are cleared here.')
    .or(org.getByText('This browser may clear stored responses if the device runs short of space'))
    .waitFor({ state: 'visible' });

  const remove = org.getByRole('button', { name: /^Remove \d+ finished responses? in this download/ });
  assert.equal(await remove.count(), 0, 'nothing can be removed before a download');

  await Promise.all([org.waitForEvent('download'), org.getByRole('button', { name: 'Download CSV' }).click()]);
  await remove.waitFor({ state: 'visible' });
  assert.equal(await remove.innerText(), 'Remove 2 finished responses in this download from the device');

  // Sent after the download: not in it, so not removed.
  await submit(page, SENT);

  // The operator changes their mind: nothing goes.
  org.once('dialog', (d) => d.dismiss());
  await remove.click();
  await org.waitForTimeout(300);
  await org.getByText('4 responses stored on this device.').waitFor({ state: 'visible' });

  org.once('dialog', (d) => {
    assert.match(d.message(), /^Remove 2 responses from this device\?/);
    d.accept();
  });
  await remove.click();
  await org.getByText('2 responses removed from this device.').waitFor({ state: 'visible' });
  await org.getByText('2 responses stored on this device.').waitFor({ state: 'visible' });
  await org.getByText('Waiting to send: 1. Sent: 1. Needs attention: 0.').waitFor({ state: 'visible' });
  assert.equal(await remove.count(), 0, 'the button goes with them');
});
