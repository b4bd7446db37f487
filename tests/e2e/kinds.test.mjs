// End-to-end: the example survey with every question kind (examples/every-kind.json),
// answered with the keyboard only (Tab, arrow keys, Space and typing), submitted
// with Enter, and exported: each new kind fills its CSV column as README says.
//
// Needs `trunk build --release --offline` first (scripts/test.sh does it).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ROOT, fixtures, parseCsv, waitFor, widgetUrl, tabUntil, organiserOf } from './support.mjs';

const SURVEY = path.join(ROOT, 'examples/every-kind.json');

/** Presses Tab until focus is inside `target` (a question's control or group). */
async function tabTo(page, target, what) {
  const handle = await target.elementHandle();
  await tabUntil(page, () => page.evaluate((el) => el.contains(document.activeElement), handle), what);
}

/** The accessible name of the focused element: its label's text without what is aria-hidden. */
function focusedName(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const label = el?.labels?.[0]?.cloneNode(true);
    label?.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return (label?.textContent ?? el?.getAttribute('aria-label') ?? '').trim();
  });
}

describe('every question kind, by keyboard', () => {

  const fx = fixtures({
    routes: async () => ({ '/every-kind.json': { body: await readFile(SURVEY), type: 'application/json; charset=utf-8' } }),
  });

  test('the new kinds speak Indonesian', { timeout: 60_000 }, async () => {
    const page = await fx.browser.context.newPage();
    try {
      await page.goto(widgetUrl(fx.site.url, { survey: `${fx.site.url}/every-kind.json`, lang: 'id' }));
      const again = page.getByRole('group', { name: /Apakah Anda akan datang lagi\?/ });
      await again.getByRole('radio', { name: 'Ya', exact: true }).waitFor({ state: 'attached' });
      await again.getByRole('radio', { name: 'Tidak', exact: true }).waitFor({ state: 'attached' });
      await page.getByLabel(/Berapa orang yang datang bersama Anda\?/).waitFor();
      await page.getByLabel(/Kapan Anda berkunjung\?/).waitFor();
      const district = page.getByLabel(/Anda tinggal di kecamatan mana\?/);
      assert.deepEqual(
        await district.evaluate((el) => [...el.options].map((o) => o.textContent)),
        ['Pilih kecamatan', 'Utara', 'Selatan', 'Di luar kota'],
      );
      // likert: every point named in the person's language, not only the ends.
      const staff = page.getByRole('group', { name: /Petugas kami ramah dan membantu\./ });
      const points = staff.getByRole('radio');
      await points.first().waitFor({ state: 'attached' });
      assert.deepEqual(
        await points.evaluateAll((els) => els.map((el) => el.labels[0].textContent.trim())),
        ['Sangat tidak setuju', 'Tidak setuju', 'Netral', 'Setuju', 'Sangat setuju'],
      );
      // smiley: each face named by its words, the face itself hidden from screen readers.
      const mood = page.getByRole('group', { name: /Bagaimana perasaan Anda tentang kunjungan hari ini\?/ });
      for (const name of ['Sangat tidak senang', 'Tidak senang', 'Biasa saja', 'Senang', 'Sangat senang']) {
        await mood.getByRole('radio', { name, exact: true }).waitFor({ state: 'attached' });
      }
      const faces = mood.locator('.suara-option__face');
      assert.equal(await faces.count(), 5);
      assert.deepEqual(await faces.evaluateAll((els) => els.map((el) => el.getAttribute('aria-hidden'))), Array(5).fill('true'));
      // Big touch targets for a kiosk: every face at least 44 px each way.
      for (const box of await mood.locator('label').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))) {
        assert.ok(box.width >= 44 && box.height >= 44, `a face of ${box.width} x ${box.height} px`);
      }
    } finally {
      await page.close();
    }
  });

  test('answered with the keyboard only, submitted, and exported', { timeout: 120_000 }, async () => {
    const { page, logs } = fx.browser;
    await page.goto(widgetUrl(fx.site.url, { survey: `${fx.site.url}/every-kind.json`, lang: 'en' }));
    const submit = page.getByRole('button', { name: 'Submit', exact: true });
    const forward = page.getByRole('button', { name: 'Next', exact: true });
    await forward.waitFor({ state: 'visible' });

    // yes_no: Tab lands on "Yes"; the down arrow moves to "No" and picks it.
    const again = page.getByRole('group', { name: /Would you come again\?/ });
    await tabTo(page, again, 'the yes/no question');
    assert.equal(await focusedName(page), 'Yes');
    await page.keyboard.press('ArrowDown');
    await waitFor(() => again.getByRole('radio', { name: 'No', exact: true }).isChecked(), { what: '"No" checked' });

    // number: what is typed is kept as typed and judged, never rounded.
    const people = page.getByLabel(/How many people came with you\?/);
    await page.keyboard.press('Tab');
    assert.ok(await people.evaluate((el) => el === document.activeElement), 'Tab reaches the number box');
    await page.keyboard.type('2.5');
    await page.keyboard.press('Tab');
    await page.getByText('Please enter a whole number.').waitFor();
    assert.equal(await people.inputValue(), '2.5', 'the answer is not cut to a whole number');
    assert.equal(await people.getAttribute('aria-invalid'), 'true');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');

    // date: typed segment by segment; the day is the month, so the digits
    // are the same whether the browser asks for the day or the month first.
    // A date outside the survey's year is reported, not changed.
    const visit = page.getByLabel(/When did you visit\?/);
    await page.keyboard.press('Tab');
    assert.ok(await visit.evaluate((el) => el === document.activeElement), 'Tab reaches the date box');
    await page.keyboard.type('03032025');
    await page.keyboard.press('Tab');
    await page.getByText('Please choose a date on or after 2026-01-01.').waitFor();
    assert.equal(await visit.inputValue(), '2025-03-03');
    await page.keyboard.press('Shift+Tab');
    await waitFor(() => visit.evaluate((el) => el === document.activeElement), { what: 'focus back on the date' });
    // Shift+Tab lands on the year, the last part: the up arrow makes it 2026.
    await page.keyboard.press('ArrowUp');
    await waitFor(async () => (await visit.inputValue()) === '2026-03-03', { what: 'the date 2026-03-03' });

    // dropdown: a native select, moved through with the arrow keys.
    const district = page.getByLabel(/Which district do you live in\?/);
    await tabTo(page, district, 'the drop-down');
    assert.equal(await district.evaluate((el) => el.selectedOptions[0].textContent), 'Choose a district');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await waitFor(async () => (await district.inputValue()) === 'south', { what: 'South chosen' });

    // likert: Tab lands on the first point; the arrow keys move along the
    // scale as in any radio group, each point named by its words.
    const staff = page.getByRole('group', { name: /Our staff were friendly and helpful\./ });
    await tabTo(page, staff, 'the likert question');
    assert.equal(await focusedName(page), 'Strongly disagree');
    for (const name of ['Disagree', 'Neither agree nor disagree', 'Agree']) {
      await page.keyboard.press('ArrowDown');
      assert.equal(await focusedName(page), name);
    }
    await waitFor(() => staff.getByRole('radio', { name: 'Agree', exact: true }).isChecked(), { what: '"Agree" checked' });

    // smiley: Tab moves on to the faces; the arrow keys pick one, and focus
    // shows around the whole face.
    const mood = page.getByRole('group', { name: /How do you feel about today's visit\?/ });
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Very unhappy', 'Tab reaches the first face');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedName(page), 'Happy');
    await waitFor(() => mood.getByRole('radio', { name: 'Happy', exact: true }).isChecked(), { what: '"Happy" checked' });
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement.closest('label')).outlineStyle);
    assert.equal(outline, 'solid', 'the focused face is outlined');

    // On through the second page (nothing there is required) to the review.
    for (const to of ['Page 2 of 2 More questions', 'Check your answers']) {
      await tabTo(page, forward, 'the Next button');
      await page.keyboard.press('Enter');
      await waitFor(
        () => page.evaluate((to) => document.activeElement?.closest('h2')?.innerText.replace(/\s+/g, ' ').trim() === to, to),
        { what: `focus on "${to}"` },
      );
    }
    await tabTo(page, submit, 'the Submit button');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Your response is saved on this device.' }).first().waitFor();

    const organiser = await organiserOf(page);
    const [file] = await Promise.all([
      organiser.waitForEvent('download'),
      organiser.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const records = parseCsv(await readFile(await file.path(), 'utf8'));
    assert.equal(records.length, 2, 'a header and one response');
    const row = Object.fromEntries(records[0].map((column, i) => [column, records[1][i]]));
    assert.deepEqual(records[0].slice(0, 7), ['id', 'submitted_at', 'locale', 'survey_version', 'started_at', 'partial', 'again']);
    assert.equal(row.locale, 'en');
    assert.equal(row.again, '0', 'yes_no: no is 0');
    assert.equal(row.people, '3', 'number: the number');
    assert.equal(row.visit, '2026-03-03', 'date: YYYY-MM-DD');
    assert.equal(row.district, 'south', 'dropdown: the option value');
    assert.equal(row.staff, '4', 'likert: the point, 1 to 5');
    assert.equal(row.mood, '4', 'smiley: the face, 1 to 5');
    assert.deepEqual(logs.pageErrors, [], 'no uncaught errors in the page');
  });
});
