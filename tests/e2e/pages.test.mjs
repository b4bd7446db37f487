// End-to-end: moving between pages (tests/e2e/fixtures/pages.json: three
// pages, the middle one shown only to members, and `"review": false`).
// "Next" and "Back" skip a page its show-if hides and the count follows;
// Enter in a one-line field means "Next"; without a review step the last
// page's button is "Submit"; an earlier answer is piped into later labels.
// After "Change" on the review (examples/logic.json), "Next" goes back to
// the review, unless the change brought in a page the person has not seen.
//
// Needs `trunk build --release --offline` first (scripts/test.sh does it).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ROOT, fixtures, gotoWithoutDrafts, next, pick, readStore, waitFor, widgetUrl } from './support.mjs';

const fx = fixtures({
  routes: async () => ({
    '/pages.json': { body: await readFile(path.join(ROOT, 'tests/e2e/fixtures/pages.json')), type: 'application/json' },
    '/logic.json': { body: await readFile(path.join(ROOT, 'examples/logic.json')), type: 'application/json' },
  }),
});

/** The focused page heading's words, e.g. "Page 2 of 3 Your membership". */
const heading = (page) =>
  page.evaluate(() => document.activeElement?.closest('h2')?.innerText.replace(/\s+/g, ' ').trim());

test('hidden pages are skipped both ways, Enter goes on, and the last page submits', { timeout: 60_000 }, async () => {
  const { page, logs } = fx.browser;
  await gotoWithoutDrafts(page, widgetUrl(fx.site.url, { survey: `${fx.site.url}/pages.json`, lang: 'en' }));
  const name = page.getByLabel('Your first name');
  await name.fill('Wayan');
  await pick(page.getByRole('radio', { name: 'No', exact: true }), 'not a member');
  const progress = page.locator('.suara-page:not([hidden]) .suara-page__progress');
  await waitFor(async () => (await progress.innerText()) === 'Page 1 of 2', { what: 'two pages for a non-member' });

  // Enter in the name box: "Next", past the members' page.
  await name.press('Enter');
  await waitFor(async () => (await heading(page)) === 'Page 2 of 2 Last words', { what: 'the last page, skipping the members\' page' });
  assert.ok(await page.getByLabel('Anything else, Wayan?').isVisible(), 'the name is piped into the label');
  assert.equal(await page.getByRole('button', { name: 'Next', exact: true }).count(), 0, 'no "Next" on the last page');
  await page.getByRole('button', { name: 'Submit', exact: true }).waitFor({ state: 'visible' });

  // Back, a member now: the page comes in, and the count with it.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await waitFor(async () => (await heading(page)) === 'Page 1 of 2 About you', { what: 'back on the first page' });
  await pick(page.getByRole('radio', { name: 'Yes', exact: true }), 'a member');
  await waitFor(async () => (await progress.innerText()) === 'Page 1 of 3', { what: 'three pages for a member' });
  await next(page);
  assert.equal(await heading(page), 'Page 2 of 3 Your membership');
  const years = page.getByLabel('For how many years, Wayan?');
  // Required: "Next" stays, with focus on the problem.
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await waitFor(() => years.evaluate((el) => el === document.activeElement), { what: 'focus on the unanswered number' });
  await years.fill('4');
  await next(page);
  assert.equal(await heading(page), 'Page 3 of 3 Last words');

  // Not a member after all: Back skips the page that hid.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await waitFor(async () => (await heading(page)) === 'Page 2 of 3 Your membership', { what: 'back on the members\' page' });
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await waitFor(async () => (await heading(page)) === 'Page 1 of 3 About you', { what: 'back on the first page' });
  await pick(page.getByRole('radio', { name: 'No', exact: true }), 'not a member');
  await next(page);
  assert.equal(await heading(page), 'Page 2 of 2 Last words');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await waitFor(async () => (await heading(page)) === 'Page 1 of 2 About you', { what: '"Back" past the hidden page' });

  await next(page);
  await page.getByLabel('Anything else, Wayan?').fill('Terima kasih');
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Your response is saved on this device.' }).first().waitFor();
  const stored = (await readStore(page)).map((r) => r.response.answers);
  assert.deepEqual(stored, [{ name: 'Wayan', member: false, note: 'Terima kasih' }], 'the hidden page\'s answer is not kept');
  assert.deepEqual(logs.pageErrors, [], 'no uncaught errors in the page');
});

test('after a change on the review, "Next" returns to it, through any page the change brought in', { timeout: 60_000 }, async () => {
  const { page } = fx.browser;
  await gotoWithoutDrafts(page, widgetUrl(fx.site.url, { survey: `${fx.site.url}/logic.json`, lang: 'en' }));
  const rating = page.getByRole('group', { name: 'How satisfied were you with the festival?' });
  await pick(page.getByRole('radio', { name: 'Yes', exact: true }), 'Yes');
  await pick(rating.getByRole('radio', { name: '2 of 5 stars', exact: true }), '2 stars');
  await next(page);
  assert.equal(await heading(page), 'Check your answers', 'a low rating: the second page is hidden');
  const reviewed = () => page.locator('.suara-review__item dt').allInnerTexts();
  assert.equal((await reviewed()).length, 3);

  // A change that brings the second page in: "Next" shows it first.
  await page.getByRole('button', { name: /^Change How satisfied/ }).click();
  await pick(rating.getByRole('radio', { name: '5 of 5 stars', exact: true }), '5 stars');
  await next(page);
  assert.equal(await heading(page), 'Page 2 of 2 Next year', 'the page the change brought in');
  await next(page);
  assert.equal(await heading(page), 'Check your answers');
  assert.ok((await reviewed()).includes('Would you like to help next year?'));

  // A change that brings nothing new: straight back to the review.
  await page.getByRole('button', { name: /^Change Did you come/ }).click();
  await next(page);
  assert.equal(await heading(page), 'Check your answers');
});
