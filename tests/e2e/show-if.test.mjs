// End-to-end: show-if logic in Chromium with examples/logic.json.
//
// One response takes the branch (the rating appears after "Yes", and a low
// rating brings up "What should we improve?"); the next does not (after
// "No" both disappear, with an answer typed into them first, and "Why did
// you not come?" appears). The CSV holds the taken branch's answers and
// empty cells for the questions that were hidden. The improvement question
// pipes in the rating in words ("You gave the festival 2 of 5 stars."). A page hidden by its
// show-if is skipped by "Next" and left out of "Page 1 of N" and the review.
//
// Needs `trunk build --release --offline` first (scripts/test.sh does it).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ROOT, fixtures, next, parseCsv, pick, waitFor, widgetUrl, organiserOf } from './support.mjs';

const Q = {
  visited: 'Did you come to the festival?',
  rating: 'How satisfied were you with the festival?',
  improve: 'You gave the festival 2 of 5 stars. What should we improve?',
  whyNot: 'Why did you not come?',
  helpNext: 'Would you like to help next year?',
};
const SAVED = 'Your response is saved on this device.';

describe('show-if logic, end to end', () => {
  const fx = fixtures({
    routes: async () => ({
      '/logic.json': {
        body: await readFile(path.join(ROOT, 'examples/logic.json')),
        type: 'application/json; charset=utf-8',
      },
    }),
  });

  test('a branch taken and not taken, and the CSV of both', { timeout: 120_000 }, async () => {
    const { page, logs } = fx.browser;
    await page.goto(widgetUrl(fx.site.url, { survey: `${fx.site.url}/logic.json`, lang: 'en' }));
    const submit = page.getByRole('button', { name: 'Submit', exact: true });
    await page.getByRole('button', { name: 'Next', exact: true }).waitFor({ state: 'visible' });
    const progress = page.locator('.suara-page:not([hidden]) .suara-page__progress');
    const pages = (n) => waitFor(async () => (await progress.innerText()) === `Page 1 of ${n}`, { what: `"Page 1 of ${n}"` });
    const reviewed = () =>
      page.locator('.suara-review__item dt').evaluateAll((items) => items.map((i) => i.innerText));

    const visited = page.getByRole('group', { name: Q.visited });
    const rating = page.getByRole('group', { name: Q.rating });
    const improve = page.getByLabel(/What should we improve\?/);
    const whyNot = page.getByLabel(Q.whyNot);
    const helpNext = page.getByRole('group', { name: Q.helpNext });
    const hidden = async (locator, what) => {
      await locator.waitFor({ state: 'hidden' }).catch((err) => {
        throw new Error(`${what} should be hidden: ${err.message}`);
      });
    };

    // Nothing answered: only the first question shows.
    await visited.waitFor({ state: 'visible' });
    await hidden(rating, 'the rating');
    await hidden(improve, 'the improvement question');
    await hidden(whyNot, 'the why-not question');
    await hidden(helpNext, 'the second page');

    // Taken: "Yes" brings the rating, a low rating the improvement question.
    await pick(visited.getByRole('radio', { name: 'Yes', exact: true }), 'Yes');
    await rating.waitFor({ state: 'visible' });
    await hidden(improve, 'the improvement question before a rating');
    await pages(1);
    // A high rating brings the second page; a low one takes it away again.
    await pick(rating.getByRole('radio', { name: '5 of 5 stars', exact: true }), '5 stars');
    await pages(2);
    await pick(rating.getByRole('radio', { name: '2 of 5 stars', exact: true }), '2 stars');
    await pages(1);
    await improve.waitFor({ state: 'visible' });
    const label = () => improve.evaluate((el) => el.labels[0].innerText);
    assert.equal(await label(), Q.improve);
    await pick(rating.getByRole('radio', { name: '3 of 5 stars', exact: true }), '3 stars');
    await waitFor(async () => /gave the festival 3 of 5 stars\./.test(await label()), {
      what: 'the label to follow the new rating',
    });
    await pick(rating.getByRole('radio', { name: '2 of 5 stars', exact: true }), '2 stars');
    await improve.fill('More shade');
    await hidden(whyNot, 'the why-not question after "Yes"');
    await hidden(helpNext, 'the second page after a low rating');
    // "Next" skips the hidden page: straight to the review, which lists
    // only the questions that show.
    await next(page);
    assert.deepEqual(await reviewed(), [Q.visited, Q.rating, Q.improve]);
    await submit.click();
    await page.getByRole('status').filter({ hasText: SAVED }).first().waitFor({ state: 'visible' });

    // Not taken: the same answers first, then "No" hides them.
    await page.getByRole('button', { name: 'Start a new response' }).click();
    await visited.waitFor({ state: 'visible' });
    await hidden(rating, 'the rating in a new response');
    await pick(visited.getByRole('radio', { name: 'Yes', exact: true }), 'Yes');
    await pick(rating.getByRole('radio', { name: '2 of 5 stars', exact: true }), '2 stars');
    await improve.waitFor({ state: 'visible' });
    await improve.fill('typed before it hid');
    await pick(visited.getByRole('radio', { name: 'No', exact: true }), 'No');
    await hidden(rating, 'the rating after "No"');
    await hidden(improve, 'the improvement question after "No" (the cascade)');
    await whyNot.waitFor({ state: 'visible' });
    await whyNot.fill('Too far');
    await next(page);
    assert.deepEqual(await reviewed(), [Q.visited, Q.whyNot]);
    await submit.click();
    await page.getByRole('status').filter({ hasText: SAVED }).first().waitFor({ state: 'visible' });

    const organiser = await organiserOf(page);
    const [file] = await Promise.all([
      organiser.waitForEvent('download'),
      organiser.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    assert.equal(await file.failure(), null);
    const records = parseCsv(await readFile(await file.path(), 'utf8'));
    const header = records[0];
    assert.deepEqual(header.slice(6), [
      'visited', 'rating', 'improve', 'why_not', 'help_next.stall', 'help_next.volunteer', 'contact',
    ]);
    assert.equal(records.length, 3, 'two responses');
    const row = (r) => Object.fromEntries(header.map((h, i) => [h, r[i]]));
    const [taken, notTaken] = [row(records[1]), row(records[2])];
    assert.deepEqual(
      [taken.visited, taken.rating, taken.improve, taken.why_not, taken.contact],
      ['yes', '2', 'More shade', '', ''],
      'the taken branch holds its answers',
    );
    assert.deepEqual(
      [notTaken.visited, notTaken.rating, notTaken.improve, notTaken.why_not, notTaken.contact],
      ['no', '', '', 'Too far', ''],
      'the hidden questions are empty, the answer typed before hiding is not exported',
    );
    assert.deepEqual(logs.pageErrors, [], 'no uncaught errors in the page');
  });
});
