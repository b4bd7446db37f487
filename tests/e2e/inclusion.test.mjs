// End-to-end: the built-in survey's optional "about you" section from the
// inclusion question bank (pack ID, fetched from dist/bank/ only because the
// survey has an inclusion block). Answered with consent (partly with the
// keyboard alone) and skipped (consent refused): the responses record the
// choice, the consent text's version and the bank's version; skipping
// hides every one of those questions. The Washington Group's six are one
// table on a wide screen and one question a screen on a phone, axe-core
// finds no violation, and the organiser's page downloads the CSV (with
// wg_disability) and the codebook, read back with a CSV reader: one row
// per CSV column.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import { answerBuiltIn, fixtures, next, organiserOf, parseCsv, pick, tabUntil, waitFor, widgetUrl } from './support.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const WG = ['wg_seeing', 'wg_hearing', 'wg_walking', 'wg_remembering', 'wg_selfcare', 'wg_communicating'];
const SEEING = 'Do you have difficulty seeing, even if wearing glasses?';

const fx = fixtures({ endpoint: true });

async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`));
}

/** The built-in survey in English, answered up to its second page, the partnership's consent ticked. */
async function toSecondPage(page) {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(widgetUrl(fx.site.url, { endpoint: fx.endpoint.url, lang: 'en' }));
  await pick(page.getByRole('radio', { name: '4 of 5 stars', exact: true }), '4 stars');
  await pick(page.getByRole('radio', { name: '8', exact: true }), 'NPS 8');
  await next(page);
  await page.getByRole('checkbox', { name: 'I agree that the partnership may use my answers' }).check();
  return fetched;
}

/** The fieldset of the question whose legend starts with `label`. */
const group = (page, label) => page.locator('fieldset').filter({ has: page.locator('legend', { hasText: label }) });

test('answered with consent: the choice, its text version and the bank version are recorded', { timeout: 120_000 }, async () => {
  const page = await fx.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const fetched = await toSecondPage(page);
  assert.deepEqual(
    fetched.filter((p) => p.includes('/bank/')).sort(),
    ['/bank/2026.1/ID.en.json', '/bank/2026.1/ID.id.json'],
    'the two files of the Indonesian pack, for the survey\'s two languages',
  );
  // The consent screen: why, optional, groups of at least 10; nothing of the section before a choice.
  const consent = group(page, 'Some questions about you');
  await consent.waitFor({ state: 'visible' });
  assert.match(await consent.innerText(), /Every question is optional/);
  assert.match(await consent.innerText(), /at least 10 people/);
  assert.equal(await group(page, SEEING).isVisible(), false, 'no inclusion question before the choice');
  // Keyboard only: Tab to the choice, Space picks "Answer them".
  await tabUntil(page, () => page.evaluate(() => document.activeElement?.value === 'yes' && document.activeElement.name?.includes('inclusion_consent')), '"Answer them"');
  await page.keyboard.press('Space');
  await group(page, SEEING).waitFor({ state: 'visible' });
  await page.getByText('The next questions ask about difficulties you may have doing certain activities because of a HEALTH PROBLEM.').waitFor();
  assert.equal((await page.locator('.suara-wg__intro').innerText()).toLowerCase().includes('disab'), false);

  await pick(group(page, 'What is your age group?').getByRole('radio', { name: '25 to 34', exact: true }), 'age 25 to 34');
  // The six, by keyboard: Tab into seeing's group, then arrows choose.
  await tabUntil(page, () => page.evaluate(() => document.activeElement?.name?.includes('wg_seeing')), 'the first Washington Group question');
  await page.keyboard.press('ArrowRight');
  await waitFor(() => group(page, SEEING).getByRole('radio', { name: 'Some difficulty', exact: true }).isChecked(), { what: 'Some difficulty by keyboard' });
  const levels = ['Some difficulty', 'A lot of difficulty', 'No difficulty', 'No difficulty', 'No difficulty', 'No difficulty'];
  for (const [i, id] of WG.entries()) {
    if (i === 0) continue;
    const radio = page.locator(`fieldset#suara-q-${id}`).getByRole('radio', { name: levels[i], exact: true });
    await pick(radio, `${id}: ${levels[i]}`);
  }
  // Wide: one table, each question on one line, the four answers in the same columns.
  const rows = await page.locator('.suara-wg fieldset').evaluateAll((sets) =>
    sets.map((s) => [...s.querySelectorAll('input[type=radio]')].map((r) => {
      const b = r.getBoundingClientRect();
      return [Math.round(b.x), Math.round(b.y)];
    })),
  );
  assert.equal(rows.length, 6);
  for (const row of rows) {
    assert.equal(new Set(row.map(([, y]) => y)).size, 1, 'a question\'s four answers on one line');
    assert.deepEqual(row.map(([x]) => x), rows[0].map(([x]) => x), 'the same columns for every question');
  }
  await pick(group(page, 'What is your current gender?').getByRole('radio', { name: 'I use a different term', exact: true }), 'a different term');
  await page.getByRole('textbox', { name: 'Please describe' }).fill('Non-binary');
  await pick(page.getByRole('checkbox', { name: 'Jawa', exact: true }), 'Jawa');
  await pick(page.getByRole('radio', { name: 'Upper secondary: SMA, SMK or MA (ISCED 3)', exact: true }), 'SMA');
  await pick(page.getByRole('radio', { name: 'Doing alright', exact: true }), 'doing alright');
  await pick(page.getByRole('radio', { name: 'A village', exact: true }), 'a village');
  assert.deepEqual(await violations(page), [], 'axe-core: the section answered');

  await next(page);
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await fx.endpoint.waitForPosts(1);
  const sent = fx.endpoint.posts[0].body;
  assert.equal(sent.inclusion_consent, true);
  assert.equal(sent.consent_version, '2026.1-consent-1');
  assert.equal(sent.bank, '2026.1');
  assert.equal('inclusion_consent' in sent.answers, false, 'the choice is the response\'s, not an answer');
  assert.deepEqual(
    {
      age_band: sent.answers.age_band,
      wg_seeing: sent.answers.wg_seeing,
      wg_hearing: sent.answers.wg_hearing,
      gender: sent.answers.gender,
      gender_text: sent.answers['gender.other_text'],
      ethnicity: sent.answers.ethnicity,
      education: sent.answers.education,
      financial_situation: sent.answers.financial_situation,
      area: sent.answers.area,
    },
    {
      age_band: '25_34',
      wg_seeing: 'some_difficulty',
      wg_hearing: 'a_lot_of_difficulty',
      gender: 'other',
      gender_text: 'Non-binary',
      ethnicity: ['jawa'],
      education: 'sma_smk',
      financial_situation: 'doing_alright',
      area: 'village',
    },
  );
  await page.close();
});

test('skipped: consent refused is recorded, and none of the section shows or is sent', { timeout: 90_000 }, async () => {
  const page = await fx.browser.context.newPage();
  await toSecondPage(page);
  await pick(page.getByRole('radio', { name: 'Skip them all', exact: true }), 'skip them all');
  for (const label of [SEEING, 'What is your age group?', 'What is your current gender?']) {
    assert.equal(await group(page, label).isVisible(), false, `${label} hidden`);
  }
  assert.deepEqual(await violations(page), [], 'axe-core: the section skipped');
  await next(page);
  const review = await page.locator('.suara-review__item dt').allInnerTexts();
  assert.equal(review.some((t) => t.includes('age group')), false, 'the review has none of the section');
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await fx.endpoint.waitForPosts(2);
  const sent = fx.endpoint.posts[1].body;
  assert.equal(sent.inclusion_consent, false);
  assert.equal(sent.consent_version, '2026.1-consent-1');
  assert.equal('bank' in sent, false, 'no item answered');
  for (const id of ['age_band', ...WG, 'gender', 'ethnicity', 'education', 'financial_situation', 'area']) {
    assert.equal(id in sent.answers, false, `${id} not sent`);
  }
  await page.close();
});

test('on a phone the Washington Group questions come one a screen', { timeout: 90_000 }, async () => {
  const page = await fx.browser.context.newPage();
  try {
    await page.setViewportSize({ width: 375, height: 740 });
    await toSecondPage(page);
    await pick(page.getByRole('radio', { name: 'Answer them', exact: true }), 'answer them');
    await group(page, SEEING).waitFor({ state: 'visible' });
    const boxes = await page.locator('.suara-wg fieldset').evaluateAll((sets) =>
      sets.map((s) => {
        const b = s.getBoundingClientRect();
        const ys = [...s.querySelectorAll('input[type=radio]')].map((r) => Math.round(r.getBoundingClientRect().y));
        return { top: b.top, height: b.height, ys };
      }),
    );
    assert.equal(boxes.length, 6);
    for (const [i, b] of boxes.entries()) {
      assert.ok(b.height >= 700, `question ${i + 1} is as tall as the screen (${b.height})`);
      assert.equal(new Set(b.ys).size, 4, 'its answers one under another');
      if (i) assert.ok(b.top >= boxes[i - 1].top + 700, 'the next question starts a screen further');
    }
    assert.deepEqual(await violations(page), [], 'axe-core on a phone');
  } finally {
    await page.close();
  }
});

test('the organiser downloads the CSV and the codebook, one codebook row per CSV column', { timeout: 90_000 }, async () => {
  const page = await fx.browser.context.newPage();
  await page.goto(widgetUrl(fx.site.url, { endpoint: fx.endpoint.url, lang: 'en' }));
  const organiser = await organiserOf(page);
  await organiser.getByText('2 responses stored on this device.').waitFor({ state: 'visible' });
  const download = async (name) => {
    const [file] = await Promise.all([organiser.waitForEvent('download'), organiser.getByRole('button', { name }).click()]);
    return parseCsv((await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, ''));
  };
  const csv = await download('Download CSV');
  const header = csv[0];
  const col = (name) => {
    const i = header.indexOf(name);
    assert.ok(i >= 0, `${name} in the CSV`);
    return i;
  };
  const byId = Object.fromEntries(csv.slice(1).map((r) => [r[0], r]));
  const [given, refused] = fx.endpoint.posts.map((p) => byId[p.body.id]);
  assert.deepEqual(
    ['inclusion_consent', 'consent_version', 'bank', 'age_band', 'wg_hearing', 'wg_disability', 'gender', 'gender.other_text', 'area'].map((c) => given[col(c)]),
    ['1', '2026.1-consent-1', '2026.1', '25_34', 'a_lot_of_difficulty', '1', 'other', 'Non-binary', 'village'],
  );
  assert.deepEqual(
    ['inclusion_consent', 'bank', 'age_band', 'wg_disability'].map((c) => refused[col(c)]),
    ['0', '', '', ''],
  );
  assert.equal(col('wg_disability'), col('wg_communicating') + 1);

  const book = await download('Download the codebook (CSV)');
  assert.deepEqual(book[0], ['column', 'question', 'kind', 'label', 'codes', 'label.en', 'codes.en', 'bank_item', 'bank_version', 'derivation']);
  assert.deepEqual(book.slice(1).map((r) => r[0]), header, 'one row per CSV column, in order');
  const row = Object.fromEntries(book.slice(1).map((r) => [r[0], r]));
  assert.equal(row.wg_seeing[5], SEEING);
  assert.match(row.wg_seeing[3], /^Apakah Anda mengalami kesulitan melihat/);
  assert.deepEqual([row.wg_seeing[7], row.wg_seeing[8]], ['wg_ss', '2026.1']);
  assert.match(row.wg_seeing[6], /a_lot_of_difficulty=A lot of difficulty/);
  assert.match(row.wg_disability[9], /a_lot_of_difficulty or cannot_do/);
  await page.close();
});
