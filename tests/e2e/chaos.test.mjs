// End-to-end chaos: 1,000 responses submitted while the endpoint answers
// 500 to 30% of requests, drops 10% of connections after storing the body,
// and stalls 5% past the widget's timeout (2 s here). The endpoint must end
// with exactly the 1,000 response ids the widget made, and the widget's
// outbox must report all of them sent.
//
// The faults come from a seeded generator, so a run can be repeated. After
// the last submit the page's clock is moved on 30 s at a time (Playwright's
// clock: timers, Date.now), so the sender's real backoff schedule (up to 5
// minutes) plays out in seconds; nothing in the widget is changed for the
// test. The wall time and the number of requests are printed.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  ONE_QUESTION_SURVEY,
  fixtures,
  readStore,
  submitMany,
  waitFor,
  widgetUrl,
  organiserOf,
} from './support.mjs';

const COUNT = Number(process.env.CHAOS_RESPONSES || 1000);

const fx = fixtures({
  routes: { '/one.json': { body: JSON.stringify(ONE_QUESTION_SURVEY), type: 'application/json' } },
  endpoint: true,
});

/** A small seeded generator (LCG), so the same faults come in the same order. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

test(`chaos: ${COUNT} responses through 500s, dropped connections and stalls`, { timeout: 600_000 }, async () => {
  const random = generator(20261128);
  const stored = new Map(); // id -> times the endpoint stored it
  const faults = { 500: 0, drop: 0, stall: 0, ok: 0 };
  const keep = (body) => stored.set(body.id, (stored.get(body.id) ?? 0) + 1);
  fx.endpoint.respondWith(({ body }) => {
    const r = random();
    if (r < 0.3) {
      faults[500]++;
      return { status: 500, body: { error: 'chaos' } };
    }
    keep(body);
    if (r < 0.4) {
      faults.drop++;
      return 'drop';
    }
    if (r < 0.45) {
      faults.stall++;
      return 'hang';
    }
    faults.ok++;
    return { status: 201, body: { id: body.id } };
  });

  const { page } = fx.browser;
  await page.clock.install();
  const url = widgetUrl(fx.site.url, { survey: new URL('/one.json', fx.site.url).href, endpoint: fx.endpoint.url, lang: 'en', timeout: 2 });
  await page.goto(url);
  await page.getByLabel('Number').waitFor({ state: 'visible' });
  const organiser = await organiserOf(page);

  const started = Date.now();
  await submitMany(page, COUNT, 'chaos-');
  const submitted = Date.now();

  // Time passes: 30 s of the page's clock every 200 ms.
  await waitFor(
    async () => {
      await page.clock.fastForward(30_000);
      return stored.size >= COUNT && (await organiser.getByText(`Waiting to send: 0. Sent: ${COUNT}. Needs attention: 0.`).count()) === 1;
    },
    { timeout: 300_000, interval: 200, what: `all ${COUNT} responses at the endpoint and reported sent` },
  );
  const done = Date.now();

  const ids = (await readStore(page)).map((r) => ({ id: r.id, status: r.status, n: r.response.answers.n }));
  assert.equal(ids.length, COUNT, 'the widget stored every response');
  assert.ok(ids.every((r) => r.status === 'sent'), 'every stored response is marked sent');
  assert.equal(new Set(ids.map((r) => r.n)).size, COUNT, 'each answer is its own response');
  assert.equal(stored.size, COUNT, 'the endpoint holds exactly as many unique ids as responses');
  assert.deepEqual([...stored.keys()].sort(), ids.map((r) => r.id).sort(), 'and they are the same ids');
  const posts = fx.endpoint.posts.length;
  console.log(
    `# chaos: ${COUNT} responses; ${posts} requests (${faults[500]} answered 500, ${faults.drop} dropped, ${faults.stall} stalled, ${faults.ok} accepted); ` +
      `submitting took ${((submitted - started) / 1000).toFixed(1)} s, all sent ${((done - started) / 1000).toFixed(1)} s after the first submit`,
  );
});
