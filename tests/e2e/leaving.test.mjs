// End-to-end: a question's error shows when the person leaves it, and not
// while they are still answering it. Pressing a star's label used to count
// as leaving the stars: the error appeared above them and moved them under
// the pointer, so the press landed on nothing and the star was not chosen.
// In the same way, leaving a question for "Next" must not move "Next" away
// between the press and the release: the click would be lost.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { fixtures, gotoWithoutDrafts, pick, widgetUrl } from './support.mjs';

const SATISFACTION = "Overall, how satisfied are you with the partnership's work in your community?";
const RECOMMEND = "How likely are you to recommend the partnership's programmes to a friend or neighbour?";
const REQUIRED = 'This question needs an answer.';

const fx = fixtures();

test('errors show on leaving a question, not while answering it', { timeout: 60_000 }, async () => {
  const { page } = fx.browser;
  await page.goto(widgetUrl(fx.site.url, { lang: 'en' }));
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

test('a click on "Next" straight from an unanswered question is not lost', { timeout: 60_000 }, async () => {
  const { page } = fx.browser;
  // Tall enough that "Next" shows unscrolled: scrolled, Chromium's scroll
  // anchoring would keep the button in place and hide the problem.
  await page.setViewportSize({ width: 1024, height: 1600 });
  await gotoWithoutDrafts(page, widgetUrl(fx.site.url, { lang: 'en' }));
  const stars = page.getByRole('group', { name: SATISFACTION });
  await stars.getByRole('radio', { name: '1 of 5 stars', exact: true }).focus();
  // A real press and release at one spot, as a mouse does.
  const box = await page.getByRole('button', { name: 'Next', exact: true }).boundingBox();
  assert.equal(await page.evaluate(() => scrollY), 0, 'the page is not scrolled');
  assert.ok(box.y + box.height < 1600, '"Next" shows without scrolling');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(150);
  await page.mouse.up();
  await page.getByRole('alert').filter({ hasText: 'Please fix 2 problems before going on' }).waitFor({ state: 'visible' });
  assert.ok(await stars.evaluate((el) => el.contains(document.activeElement)), 'focus on the first problem');
  await page.setViewportSize({ width: 1024, height: 900 });
});
