// End-to-end: answers are kept as a draft on every change and put back after
// a reload, with a note and a way to start over; a submitted response's
// draft is gone; mode=kiosk leads to kiosk mode's own page.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  fixtures,
  pick,
  readStore,
  waitFor,
  widgetUrl,
  next,
  CONSENT,
} from './support.mjs';

const WORKS_WELL = 'What works well?';
const STARS = '4 of 5 stars';
const RESTORED = 'Your earlier answers on this device have been restored.';

const fx = fixtures({ endpoint: true });

async function ready(page) {
  await page.getByLabel(WORKS_WELL).waitFor({ state: 'visible' });
}

test('a draft survives a reload, can be dropped, and is gone once submitted', { timeout: 120_000 }, async () => {
  const { page } = fx.browser;
  const url = widgetUrl(fx.site.url, { endpoint: fx.endpoint.url, lang: 'en' });
  await page.goto(url);
  await ready(page);
  assert.equal(await page.getByText(RESTORED).count(), 0, 'nothing to restore on a first visit');

  await pick(page.getByRole('radio', { name: STARS, exact: true }), STARS);
  // Typed key by key: the draft follows every keystroke, not only `change`.
  await page.getByLabel(WORKS_WELL).pressSequentially('Pasar malam');
  await page.getByLabel('Language').selectOption('id');
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByText('Jawaban Anda sebelumnya di perangkat ini telah dipulihkan.').waitFor({ state: 'visible' });
  assert.equal(await page.getByLabel('Apa yang sudah berjalan dengan baik?').inputValue(), 'Pasar malam');
  assert.ok(await page.getByRole('radio', { name: '4 dari 5 bintang', exact: true }).isChecked(), 'the star is back');

  // Start over: the form empties, and a reload brings nothing back.
  await page.getByRole('button', { name: 'Mulai dari awal' }).click();
  await waitFor(async () => (await page.getByLabel('Apa yang sudah berjalan dengan baik?').inputValue()) === '', {
    what: 'the form to empty',
  });
  await page.waitForTimeout(300);
  await page.goto(url);
  await ready(page);
  await page.waitForTimeout(500);
  assert.equal(await page.getByText(RESTORED).count(), 0, 'no note after starting over');
  assert.equal(await page.getByLabel(WORKS_WELL).inputValue(), '');

  // A draft, then a submit: the draft's id becomes the response's id, and
  // after a reload the submitted answers do not come back as a draft.
  await pick(page.getByRole('radio', { name: STARS, exact: true }), STARS);
  await pick(page.getByRole('radio', { name: '9', exact: true }), '9');
  await page.getByLabel(WORKS_WELL).fill('Sent already');
  await next(page);
  await page.getByRole('checkbox', { name: CONSENT }).check();
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByText(RESTORED).waitFor({ state: 'visible' });
  const draftId = (await readStore(page, 'drafts'))[0].response.id;
  // Back on the page of the last answer given (the consent), with the
  // answers of the page before kept.
  assert.ok(await page.getByRole('checkbox', { name: CONSENT }).isVisible(), 'the second page shows');
  await next(page);
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByText('Your response has been sent. Thank you!').waitFor({ state: 'visible' });
  const posts = fx.endpoint.posts.filter((p) => p.body?.answers?.works_well === 'Sent already');
  assert.equal(posts.length, 1);
  assert.equal(posts[0].body.id, draftId, 'the response keeps the id its draft had');
  await page.reload();
  await ready(page);
  await page.waitForTimeout(500);
  assert.equal(await page.getByText(RESTORED).count(), 0, 'a submitted response is not restored');
  assert.equal(await page.getByLabel(WORKS_WELL).inputValue(), '');
});

test('mode=kiosk on the respondent\'s page opens kiosk mode\'s page with the same settings', { timeout: 60_000 }, async () => {
  // Kiosk mode keeps no draft between people: kiosk.test.mjs shows it on
  // kiosk mode's own page, where this address leads.
  const { page } = fx.browser;
  await page.goto(widgetUrl(fx.site.url, { lang: 'en', mode: 'kiosk', idle: '30' }));
  await page.waitForURL((url) => url.pathname.endsWith('/kiosk.html'));
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('mode'), 'kiosk');
  assert.equal(params.get('lang'), 'en');
  assert.equal(params.get('idle'), '30');
  // The first start on a device asks for the organiser's PIN, before anyone answers.
  await page.getByRole('heading', { name: 'Choose the organiser\'s PIN' }).waitFor({ state: 'visible' });
  assert.equal(await page.getByLabel(WORKS_WELL).count(), 0, 'no question shows before the PIN is chosen');
});

test('an answer given while the earlier draft is still being read is kept too', { timeout: 60_000 }, async () => {
  const { page } = fx.browser;
  const url = widgetUrl(fx.site.url, { lang: 'en' });
  await page.goto(url);
  await ready(page);
  // Another tab holds the drafts store, so this page's read of its earlier
  // draft waits, as it may on a slow device.
  const other = await fx.browser.context.newPage();
  try {
    await other.goto(new URL('/robots.txt', fx.site.url).href);
    await other.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('suara');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction('drafts', 'readwrite').objectStore('drafts');
            window.held = true;
            // Keep the transaction alive until told to let go.
            const spin = () => {
              if (window.held) store.count().onsuccess = spin;
            };
            spin();
            resolve();
          };
        }),
    );
    await page.reload();
    await ready(page);
    await pick(page.getByRole('radio', { name: STARS, exact: true }), STARS);
    await page.waitForTimeout(300);
    await other.evaluate(() => (window.held = false));
  } finally {
    await other.close();
  }
  // No further change: the star must reach the draft by itself.
  await waitFor(
    async () => (await readStore(page, 'drafts')).some((d) => d.response.answers.satisfaction === 4),
    { what: 'the star given before the earlier draft was read to be in the draft' },
  );
});
