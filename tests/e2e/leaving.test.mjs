// End-to-end: a question's error shows when the person leaves it, and not
// while they are still answering it. Pressing a star's label used to count
// as leaving the stars: the error appeared above them and moved them under
// the pointer, so the press landed on nothing and the star was not chosen.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, pick, startStaticServer, widgetUrl } from './support.mjs';

const SATISFACTION = "Overall, how satisfied are you with the partnership's work in your community?";
const RECOMMEND = "How likely are you to recommend the partnership's programmes to a friend or neighbour?";
const REQUIRED = 'This question needs an answer.';

let site;
let browser;

before(async () => {
  site = await startStaticServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test('errors show on leaving a question, not while answering it', { timeout: 60_000 }, async () => {
  const { page } = browser;
  await page.goto(widgetUrl(site.url, { lang: 'en' }));
  const stars = page.getByRole('group', { name: SATISFACTION });
  const nps = page.getByRole('group', { name: RECOMMEND });
  await stars.waitFor();

  // Focus in the stars, then a press on the third star's label.
  await stars.getByRole('radio', { name: '1 of 5 stars', exact: true }).focus();
  const third = stars.getByRole('radio', { name: '3 of 5 stars', exact: true });
  await pick(third, 'the third star, by pressing its label');
  assert.equal(await stars.getByText(REQUIRED).count(), 0, 'no error while answering the stars');

  // Leaving the NPS question unanswered with the keyboard shows its error.
  await nps.getByRole('radio', { name: '0', exact: true }).focus();
  await page.keyboard.press('Tab');
  await nps.getByText(REQUIRED).waitFor({ state: 'visible' });
  assert.equal(await stars.getByText(REQUIRED).count(), 0, 'the answered stars show no error');
});
