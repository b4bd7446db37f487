// End-to-end: the organiser's dashboard opens two of the widget's JSON
// export files (the domain's golden test data: 30 ids in both, one of them
// with two different bodies), merges them with the device's responses and
// shows the domain's counts, hidden where small; the aggregate CSV it
// downloads holds the same figures as the domain's golden file; axe-core
// finds no violation in the dashboard; files dropped on it are added as
// if chosen; and the picker and the download are reached with the keyboard.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import { ROOT, fixtures, parseCsv, tabUntil } from './support.mjs';

const DATA = path.join(ROOT, 'crates/domain/tests/dashboard');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const fx = fixtures({
  routes: async () => ({
    // The golden figures are at k = 5: the survey says so (`privacy.k`).
    '/dash.json': { body: JSON.stringify({ ...JSON.parse(await readFile(path.join(DATA, 'survey.json'), 'utf8')), privacy: { k: 5 } }), type: 'application/json; charset=utf-8' },
  }),
});

async function openDashboard() {
  const { page } = fx.browser;
  await page.goto(new URL('/organiser.html?survey=/dash.json&lang=en', fx.site.url).href);
  await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor({ state: 'visible' });
  await page.getByLabel("Add the widget's JSON export files").setInputFiles([
    path.join(DATA, 'a.json'),
    path.join(DATA, 'b.json'),
  ]);
  await page
    .getByText('159 responses from 3 sources; 29 copies counted once; 1 ids with two different answers, counted in no table.')
    .waitFor({ state: 'visible' });
  return page;
}

/** The data table of the chart of `question` (or of an overview `table`), as rows of cells. */
async function tableOf(page, { table = 'question', question = '' }) {
  const figure = page.locator(`figure[data-table="${table}"][data-question="${question}"]`);
  return figure.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent)),
  );
}

test('two export files are merged and counted as the domain counts them, small counts hidden', { timeout: 120_000 }, async () => {
  const page = await openDashboard();
  const responses = await tableOf(page, { table: 'responses' });
  assert.deepEqual(responses, [
    ['Complete', '155', ''],
    ['Partial (kept by a kiosk)', 'hidden', ''],
    ['Total', 'hidden', ''],
  ]);
  const sources = await tableOf(page, { table: 'source' });
  assert.deepEqual(sources, [
    ['this device', '0', '0%'],
    ['a.json', '116', '74.84%'],
    ['b.json', '39', '25.16%'],
    ['Total', '155', ''],
  ]);
  const nps = page.locator('figure[data-question="recommend"]');
  await nps.getByText('Net Promoter Score: -1.41').waitFor({ state: 'visible' });
  const gender = await tableOf(page, { question: 'gender' });
  assert.deepEqual(gender[0], ['Woman', '54', '34.84%']);
  // Every chart is an image with its title and description.
  const svgs = page.locator('figure.suara-chart svg[role="img"]');
  assert.ok((await svgs.count()) > 20);
  const first = svgs.first();
  const labelled = await first.getAttribute('aria-labelledby');
  for (const id of labelled.split(' ')) {
    assert.ok((await page.locator(`#${id}`).textContent()).length > 0, id);
  }
});

test('the aggregate CSV downloaded holds the figures of the domain golden file', { timeout: 120_000 }, async () => {
  const page = await openDashboard();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the aggregate CSV' }).click(),
  ]);
  const csv = await readFile(await file.path(), 'utf8');
  const golden = await readFile(path.join(DATA, 'aggregate-k5.csv'), 'utf8');
  const rows = parseCsv(csv);
  assert.deepEqual(rows[0], ['table', 'question', 'group_by', 'group', 'code', 'count', 'share', 'baseline_share', 'reach_ratio', 'suppressed']);
  // The questions' tables (no breakdown) and the overview's days and
  // languages are the golden file's, line for line; the sources differ
  // (this device is one here).
  const pick = (text) =>
    text
      .split('\r\n')
      .filter((l) => /^(question|mean|nps|mean_rank|day|language|responses),/.test(l) && l.split(',')[2] === '');
  assert.deepEqual(pick(csv), pick(golden));
  assert.ok(pick(csv).length > 100);
});

test('axe-core finds no violation in the dashboard', { timeout: 120_000 }, async () => {
  const page = await openDashboard();
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  const lines = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`));
  assert.deepEqual(lines, []);
});

test('export files dropped on the dashboard are added as if chosen', { timeout: 120_000 }, async () => {
  const { page } = fx.browser;
  await page.goto(new URL('/organiser.html?survey=/dash.json&lang=en', fx.site.url).href);
  await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor({ state: 'visible' });
  const files = { a: await readFile(path.join(DATA, 'a.json'), 'utf8'), b: await readFile(path.join(DATA, 'b.json'), 'utf8') };
  const dataTransfer = await page.evaluateHandle(({ a, b }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([a], 'a.json', { type: 'application/json' }));
    dt.items.add(new File([b], 'b.json', { type: 'application/json' }));
    dt.items.add(new File(['not json'], 'notes.txt', { type: 'text/plain' }));
    return dt;
  }, files);
  await page.locator('section.suara-dashboard').dispatchEvent('drop', { dataTransfer });
  await page
    .getByText('159 responses from 3 sources; 29 copies counted once; 1 ids with two different answers, counted in no table.')
    .waitFor({ state: 'visible' });
  await page.getByText(/^notes\.txt is not a Suara export: /).waitFor({ state: 'visible' });
});

test('the file picker and the aggregate CSV are reached with the keyboard alone', { timeout: 120_000 }, async () => {
  const { page } = fx.browser;
  await page.goto(new URL('/organiser.html?survey=/dash.json&lang=en', fx.site.url).href);
  await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor({ state: 'visible' });
  await tabUntil(page, () => page.evaluate(() => document.activeElement?.type === 'file'), 'the file picker');
  await tabUntil(
    page,
    () => page.evaluate(() => document.activeElement?.textContent === 'Download the aggregate CSV'),
    'the aggregate CSV button',
  );
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const csv = await readFile(await file.path(), 'utf8');
  assert.ok(csv.startsWith('table,question,group_by,group,code,count,share,baseline_share,reach_ratio,suppressed\r\n'));
});

test('a baseline file gives reach, most under-reached first, and its mistakes with their JSON paths', { timeout: 120_000 }, async () => {
  const page = await openDashboard();
  const survey = JSON.parse(await readFile(path.join(DATA, 'survey.json'), 'utf8'));
  const picker = page.getByLabel('Add a population baseline (JSON) for reach');
  const bad = { source: 'Census', shares: { gender: { woman: 0.5, man: 0.3 } } };
  await picker.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await page.getByText('the shares add up to 0.8, not 1 (within 0.01) ($.shares.gender)').waitFor({ state: 'visible' });
  await picker.setInputFiles({ name: 'baseline.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(survey.baseline)) });
  const figure = page.locator('figure[data-table="reach"][data-question="gender"]');
  await figure.waitFor({ state: 'visible' });
  assert.match(await figure.locator('figcaption').textContent(), /^Reach: Gender \(population: Test census 2020\)$/);
  const rows = await tableOf(page, { table: 'reach', question: 'gender' });
  assert.deepEqual(rows.slice(0, 3), [
    ['Man', '48', '40%', '49%', '0.82'],
    ['Woman', '54', '45%', '50%', '0.9'],
    ['I use a different term', '18', '15%', '1%', '15'],
  ]);
  assert.deepEqual(rows[3], ['Prefer not to say', '20', '', '', '']);
  // The aggregate CSV holds reach as the domain's golden file does.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the aggregate CSV' }).click(),
  ]);
  const csv = await readFile(await file.path(), 'utf8');
  const golden = await readFile(path.join(DATA, 'aggregate-k5.csv'), 'utf8');
  const reach = (text) => text.split('\r\n').filter((l) => l.startsWith('reach,'));
  assert.deepEqual(reach(csv), reach(golden));
  assert.equal(reach(csv).length, 20);
  // axe-core finds nothing in the reach view either.
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  assert.deepEqual(result.violations.map((v) => v.id), []);
});

test('a question broken down by a choice question shows each group, small cells hidden as the domain hides them', { timeout: 120_000 }, async () => {
  const page = await openDashboard();
  await page.getByRole('combobox', { name: /^Question/ }).selectOption('recommend');
  await page.getByRole('combobox', { name: /^By the answers to/ }).selectOption('age_band');
  const table = page.locator('div.suara-breakdown[data-question="recommend"][data-by="age_band"] table');
  await table.waitFor({ state: 'visible' });
  assert.equal(await table.locator('caption').textContent(), 'Recommend?, by Age group');
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent)),
  );
  const young = rows.find((r) => r[0] === '18-24');
  // Codes 0 to 10, detractors, passives, promoters, unanswered, total, then the NPS.
  assert.deepEqual(young, [
    '18-24', 'hidden', '0 (0%)', '0 (0%)', 'hidden', '0 (0%)', 'hidden', 'hidden', '0 (0%)', 'hidden', 'hidden', 'hidden',
    '9 (37.5%)', 'hidden', '7 (29.17%)', 'hidden', '24', 'hidden',
  ]);
  assert.deepEqual(rows[0].slice(0, 2), ['Total', '15 (9.68%)']);
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  assert.deepEqual(result.violations.map((v) => v.id), []);
});
