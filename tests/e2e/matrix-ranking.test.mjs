// End-to-end: a matrix and a ranking (tests/e2e/fixtures/matrix-ranking.json),
// answered with the keyboard only: Tab from row to row and the arrow keys
// along a row; Tab to a ranking's move buttons and Enter or Space to move,
// with focus kept on the moved item's button and its new place announced.
// Unanswered, both are reported; a ranking's order shown at first is no
// answer until it is moved or kept. The CSV holds a column per row (the
// column value) and per ranked option (its rank). A draft keeps both.
//
// Needs `trunk build --release --offline` first (scripts/test.sh does it).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ROOT, fixtures, launchBrowser, parseCsv, waitFor, widgetUrl, tabUntil, organiserOf } from './support.mjs';

const SURVEY = path.join(ROOT, 'tests/e2e/fixtures/matrix-ranking.json');

/** What has focus: its accessible name (aria-label, else its label's text), and more. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const name = el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
    return { tag: el?.tagName, type: el?.type, name: name.trim(), group: el?.name ?? '', checked: el?.checked };
  });
}

/** Presses Tab until `match(focused)` holds (at most 30 presses). */
async function tabTo(page, match, what) {
  await tabUntil(page, async () => match(await focused(page)), what, 30);
}

/** The ranking's items as shown, first place first. */
function shownOrder(page) {
  return page.locator('.suara-ranking__label').allTextContents();
}

/** What the ranking's live region says. */
function announced(page) {
  return page.locator('.suara-question--ranking [role="status"]').textContent();
}

/** Waits until the focused element's accessible name is `name`. */
function focusOn(page, name) {
  return waitFor(async () => (await focused(page)).name === name, { what: `focus on "${name}"` });
}

describe('matrix and ranking, by keyboard', () => {

  const fx = fixtures({
    routes: async () => ({ '/matrix-ranking.json': { body: await readFile(SURVEY), type: 'application/json; charset=utf-8' } }),
    browser: false,
  });

  const open = async (browser, lang = 'en') => {
    const { page } = browser;
    await page.goto(widgetUrl(fx.site.url, { survey: `${fx.site.url}/matrix-ranking.json`, lang }));
    await page.getByRole('button', { name: lang === 'en' ? 'Submit' : 'Kirim', exact: true }).waitFor();
    return page;
  };

  test('unanswered, both are reported, and the summary leads to their first control', { timeout: 60_000 }, async () => {
    const browser = await launchBrowser();
    try {
      const page = await open(browser);
      // The survey's order shows, but nothing is answered yet.
      assert.deepEqual(await shownOrder(page), ['Jobs', 'Health', 'Schools', 'Clean water']);
      const keep = page.getByRole('checkbox', { name: 'Keep this order' });
      assert.equal(await keep.isChecked(), false);
      await tabTo(page, (f) => f.tag === 'BUTTON' && f.type === 'submit', 'the Submit button');
      await page.keyboard.press('Enter');
      const summary = page.locator('.suara-summary');
      await summary.waitFor();
      assert.deepEqual(await summary.locator('li').allTextContents(), [
        'How is the partnership doing? — This question needs an answer.',
        'Put these in order, the most important first — Please put these in your order with the move buttons, or tick "Keep this order".',
      ]);
      // Focus goes to the first problem: the matrix's first radio.
      await waitFor(async () => (await focused(page)).group === 'suara-q-partnership-goals', { what: 'focus on the first row' });
      assert.equal((await focused(page)).name, 'Not at all');
      // The ranking's link leads to its first control that can be used.
      await summary.getByRole('link', { name: /Put these in order/ }).focus();
      await page.keyboard.press('Enter');
      await focusOn(page, 'Move Jobs down');
      const ranking = page.getByRole('group', { name: /Put these in order/ });
      assert.match(await ranking.getAttribute('aria-describedby'), /suara-q-priorities-error/);

      // One row answered: the others are still missing, and stand out.
      const matrix = page.getByRole('group', { name: /How is the partnership doing\?/ });
      await matrix.getByRole('group', { name: 'We trust each other.' }).getByRole('radio', { name: 'Fully' }).check();
      await page.getByText('Please answer every statement (2 still unanswered).').first().waitFor();
      assert.equal(await page.locator('.suara-matrix__row--missing').count(), 2);
      assert.match(await matrix.getAttribute('aria-describedby'), /suara-q-partnership-error/);

      // Keeping the order shown answers the ranking; unticking takes the answer back.
      await keep.focus();
      await page.keyboard.press('Space');
      await waitFor(() => page.getByText('Please put these in your order').count().then((n) => n === 0), {
        what: 'the ranking error gone',
      });
      await page.keyboard.press('Space');
      await page.getByText('Please put these in your order').first().waitFor();
      assert.deepEqual(browser.logs.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await browser.close();
    }
  });

  test('answered by keyboard, kept as a draft, submitted and exported', { timeout: 90_000 }, async () => {
    const browser = await launchBrowser();
    try {
      const page = await open(browser);
      const radio = (row, name) =>
        page.getByRole('group', { name: row }).getByRole('radio', { name, exact: true });

      // Matrix: Tab reaches each row's radios in turn; the arrow keys choose.
      await tabTo(page, (f) => f.group === 'suara-q-partnership-goals', 'the first row');
      assert.equal((await focused(page)).name, 'Not at all');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await waitFor(() => radio('We share goals.', 'Mostly').isChecked(), { what: '"Mostly" for goals' });
      await page.keyboard.press('Tab');
      assert.deepEqual(await focused(page).then((f) => [f.group, f.name]), ['suara-q-partnership-trust', 'Not at all']);
      await page.keyboard.press('Space');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await waitFor(() => radio('We trust each other.', 'Fully').isChecked(), { what: '"Fully" for trust' });
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).group, 'suara-q-partnership-roles');
      await page.keyboard.press('ArrowDown');
      await waitFor(() => radio('Roles are clear.', 'A little').isChecked(), { what: '"A little" for roles' });

      // Ranking: the first usable button moves Jobs down; focus stays on the
      // same button of Jobs's new place, and its place is announced.
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).name, 'Move Jobs down');
      await page.keyboard.press('Enter');
      await waitFor(async () => (await announced(page)) === 'Jobs, now 2 of 4', { what: 'Jobs at 2 announced' });
      assert.deepEqual(await shownOrder(page), ['Health', 'Jobs', 'Schools', 'Clean water']);
      await focusOn(page, 'Move Jobs down');
      await page.keyboard.press('Space');
      await waitFor(async () => (await announced(page)) === 'Jobs, now 3 of 4', { what: 'Jobs at 3 announced' });
      await focusOn(page, 'Move Jobs down');
      await page.keyboard.press('Enter');
      await waitFor(async () => (await announced(page)) === 'Jobs, now 4 of 4', { what: 'Jobs at 4 announced' });
      // At the end there is no "down": focus goes to Jobs's other button.
      await focusOn(page, 'Move Jobs up');
      assert.deepEqual(await shownOrder(page), ['Health', 'Schools', 'Clean water', 'Jobs']);
      // Back to Clean water's "up" (Shift+Tab skips Jobs's disabled "down").
      await page.keyboard.press('Shift+Tab');
      assert.equal((await focused(page)).name, 'Move Clean water down');
      await page.keyboard.press('Shift+Tab');
      assert.equal((await focused(page)).name, 'Move Clean water up');
      await page.keyboard.press('Enter');
      await waitFor(async () => (await announced(page)) === 'Clean water, now 2 of 4', { what: 'water at 2' });
      await focusOn(page, 'Move Clean water up');
      await page.keyboard.press('Enter');
      await waitFor(async () => (await announced(page)) === 'Clean water, now 1 of 4', { what: 'water at 1' });
      await focusOn(page, 'Move Clean water down');
      assert.deepEqual(await shownOrder(page), ['Clean water', 'Health', 'Schools', 'Jobs']);
      assert.deepEqual(await page.locator('.suara-ranking__place').allTextContents(), ['1', '2', '3', '4']);
      assert.equal(await page.getByRole('checkbox', { name: 'Keep this order' }).isChecked(), true, 'moving is answering');

      // A reload puts both answers back from the draft.
      await page.waitForTimeout(300);
      await page.reload();
      await page.getByText('Your earlier answers on this device have been restored.').waitFor();
      await waitFor(() => radio('We trust each other.', 'Fully').isChecked(), { what: 'the matrix restored' });
      assert.equal(await radio('We share goals.', 'Mostly').isChecked(), true);
      assert.equal(await radio('Roles are clear.', 'A little').isChecked(), true);
      assert.deepEqual(await shownOrder(page), ['Clean water', 'Health', 'Schools', 'Jobs'], 'the ranking restored');

      await tabTo(page, (f) => f.tag === 'BUTTON' && f.type === 'submit', 'the Submit button');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Your response is saved on this device.' }).first().waitFor();

      const organiser = await organiserOf(page);
      const [file] = await Promise.all([
        organiser.waitForEvent('download'),
        organiser.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      const records = parseCsv(await readFile(await file.path(), 'utf8'));
      assert.equal(records.length, 2, 'a header and one response');
      assert.deepEqual(records[0].slice(6), [
        'partnership.goals',
        'partnership.trust',
        'partnership.roles',
        'priorities.jobs',
        'priorities.health',
        'priorities.schools',
        'priorities.water',
      ]);
      assert.deepEqual(records[1].slice(6), ['3', '4', '2', '4', '2', '3', '1'], 'column values, then ranks');
      assert.deepEqual(browser.logs.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await browser.close();
    }
  });

  test('a move is announced in the person\'s language', { timeout: 60_000 }, async () => {
    const browser = await launchBrowser();
    try {
      const page = await open(browser, 'id');
      await tabTo(page, (f) => f.name === 'Pindahkan Pekerjaan ke bawah', 'the first move button');
      await page.keyboard.press('Enter');
      await waitFor(async () => (await announced(page)) === 'Pekerjaan, sekarang 2 dari 4', { what: 'the Indonesian announcement' });
      await focusOn(page, 'Pindahkan Pekerjaan ke bawah');
      assert.equal(await page.getByRole('checkbox', { name: 'Pertahankan urutan ini' }).isChecked(), true);
    } finally {
      await browser.close();
    }
  });
});
