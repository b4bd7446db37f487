// End-to-end: an offline day. The endpoint is unreachable (its port refuses
// connections) while 200 responses are collected across 10 page loads (20
// per load, each load a reload of the page). Then the endpoint comes back:
// all 200 arrive within 60 seconds, by the widget's own timers (no events,
// no operator), and none arrives twice.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  ONE_QUESTION_SURVEY,
  fixtures,
  submitMany,
  waitFor,
  widgetUrl,
  organiserOf,
} from './support.mjs';

const fx = fixtures({
  routes: { '/one.json': { body: JSON.stringify(ONE_QUESTION_SURVEY), type: 'application/json' } },
  endpoint: true,
});

test('200 responses across 10 reloads with the endpoint unreachable all arrive once it is back', { timeout: 240_000 }, async () => {
  const { page } = fx.browser;
  const url = widgetUrl(fx.site.url, { survey: new URL('/one.json', fx.site.url).href, endpoint: fx.endpoint.url, lang: 'en' });
  await fx.endpoint.stop();
  for (let load = 0; load < 10; load++) {
    if (load === 0) await page.goto(url);
    else await page.reload();
    await page.getByLabel('Number').waitFor({ state: 'visible' });
    await submitMany(page, 20, `day-${load}-`);
  }
  await (await organiserOf(page)).getByText('200 responses stored on this device.').waitFor({ state: 'visible' });
  await (await organiserOf(page)).getByText('Waiting to send: 200. Sent: 0. Needs attention: 0.').waitFor({ state: 'visible' });
  assert.equal(fx.endpoint.posts.length, 0);

  await fx.endpoint.start();
  const back = Date.now();
  const arrived = () => new Set(fx.endpoint.posts.map((p) => p.body?.id)).size;
  await waitFor(() => arrived() === 200, { timeout: 60_000, interval: 250, what: 'all 200 responses at the endpoint within 60 s' });
  const took = Date.now() - back;
  await (await organiserOf(page)).getByText('Waiting to send: 0. Sent: 200. Needs attention: 0.').waitFor({ state: 'visible' });
  const answers = new Set(fx.endpoint.posts.map((p) => p.body.answers.n));
  assert.equal(answers.size, 200, 'every answer arrived');
  assert.equal(fx.endpoint.posts.length, 200, 'none arrived twice');
  console.log(`# offline day: 200 responses arrived ${(took / 1000).toFixed(1)} s after the endpoint came back`);
});
