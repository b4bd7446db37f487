// End-to-end: a survey's hidden fields and the author's own thank-you.
//
// 1. `?posyandu=P12` in the link reaches the endpoint in the response's
//    `hidden` object and the CSV's `hidden.posyandu` column; the thank-you
//    shows the survey's `thanks` with the status line below it, and no
//    "start again" button (`start_again: false`).
// 2. A value outside the field's characters stops the widget; the
//    organiser's page it links to names the field and the value.
//
// Needs `bash scripts/build.sh` first (scripts/test.sh does it).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { fixtures, organiserOf, parseCsv, waitFor, widgetUrl } from './support.mjs';

const SURVEY = {
  format: 1,
  id: 'posyandu-visit',
  version: '4',
  title: 'Your visit',
  default_locale: 'en',
  hidden: [
    { id: 'posyandu', values: ['P12', 'P13'], required: true },
    { id: 'event', chars: 'a-z0-9-', max_length: 12 },
  ],
  thanks: 'Thank you for your visit to the posyandu',
  start_again: false,
  pages: [{ id: 'p', questions: [{ id: 'n', kind: 'short_text', label: 'Name', required: true }] }],
};
const SENT = 'Your response has been sent. Thank you!';

describe('hidden fields and the thank-you', () => {
  const fx = fixtures({
    endpoint: true,
    routes: { '/hidden.json': { body: JSON.stringify(SURVEY), type: 'application/json' } },
  });

  test('a value from the link reaches the endpoint and the CSV; the thanks shows above the status', { timeout: 90_000 }, async () => {
    const { page, logs } = fx.browser;
    const survey = `${fx.site.url}/hidden.json`;
    await page.goto(widgetUrl(fx.site.url, { survey, endpoint: fx.endpoint.url, lang: 'en', posyandu: 'P12' }));
    await page.getByLabel('Name').fill('Ani');
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await fx.endpoint.waitForPosts(1);
    const body = JSON.parse(fx.endpoint.posts[0].raw);
    assert.deepEqual(body.hidden, { posyandu: 'P12' }, 'the hidden value, and no other');
    assert.equal(await page.locator('.suara-form').isHidden(), true);

    const heading = page.getByRole('heading', { name: SURVEY.thanks });
    await heading.waitFor({ state: 'visible' });
    await page.getByText(SENT).waitFor({ state: 'visible' });
    const below = await page.evaluate(() => {
      const h = document.querySelector('.suara-done__title');
      const s = document.querySelector('.suara-status');
      return Boolean(h.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING)
        && s.getBoundingClientRect().top >= h.getBoundingClientRect().bottom;
    });
    assert.ok(below, 'the status line is below the thank-you');
    assert.equal(await page.getByRole('button', { name: 'Start a new response' }).count(), 0, 'start_again: false');

    const organiser = await organiserOf(page);
    const [file] = await Promise.all([
      organiser.waitForEvent('download'),
      organiser.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const text = await (await file.createReadStream()).toArray();
    const records = parseCsv(Buffer.concat(text).toString('utf8'));
    assert.deepEqual(records[0], [
      'id', 'submitted_at', 'locale', 'survey_version', 'started_at', 'partial', 'hidden.posyandu', 'hidden.event', 'n',
    ]);
    assert.deepEqual(records[1].slice(3), ['4', body.started_at, '0', 'P12', '', 'Ani']);
    assert.deepEqual(logs.pageErrors, [], 'no uncaught errors in the page');
  });

  test('a value outside its characters is refused, naming the field', { timeout: 60_000 }, async () => {
    const { page } = fx.browser;
    const survey = `${fx.site.url}/hidden.json`;
    await page.goto(widgetUrl(fx.site.url, { survey, lang: 'en', posyandu: 'P13', event: '<b>x</b>' }));
    await page.getByText('This survey cannot start').waitFor({ state: 'visible' });
    assert.equal(await page.locator('.suara-form').count(), 0, 'no form');
    const link = await page.locator('.suara-load-error__link').getAttribute('href');
    assert.match(link, /event=%3Cb%3Ex%3C%2Fb%3E/, 'the organiser link carries the value');
    const organiser = await page.context().newPage();
    await organiser.goto(new URL(link, page.url()).href);
    const problem = organiser.getByText('event: `<b>x</b>` has the character `<`, which this survey does not allow');
    await waitFor(async () => (await problem.count()) === 1, { what: 'the field named with its value' });
    assert.equal(await organiser.locator('b').count(), 0, 'the value is never markup');
    await organiser.close();
  });
});
