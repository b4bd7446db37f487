// End-to-end: the two entry points, the respondent's page (index.html) and
// the organiser's (organiser.html), under the strict Content-Security-Policy
// README gives, sent as a header on every file: no inline script or style,
// no eval. Both start and work with no violation reported, every question
// kind included; the respondent's page shows nothing of the operator's, and
// the organiser's page counts, sends and exports what it stored.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import {
  ROOT,
  answerBuiltIn,
  launchBrowser,
  organiserOf,
  parseCsv,
  startEndpoint,
  startStaticServer,
  waitFor,
  widgetUrl,
} from './support.mjs';

const policy = (endpoint) =>
  `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${new URL(endpoint).origin}`;

const fx = {};
before(async () => {
  fx.endpoint = await startEndpoint();
  const everyKind = await readFile(path.join(ROOT, 'examples', 'every-kind.json'));
  fx.site = await startStaticServer({
    headers: { 'Content-Security-Policy': policy(fx.endpoint.url) },
    routes: { '/every-kind.json': { body: everyKind, type: 'application/json' } },
  });
  fx.browser = await launchBrowser();
  // Every violation the browser reports, in every page of the context.
  await fx.browser.context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`),
    );
  });
});
after(async () => {
  for (const started of [fx.browser, fx.site, fx.endpoint]) await started?.close().catch(() => {});
});

const violations = (page) => page.evaluate(() => window.__violations);

test('under a strict CSP the widget starts, submits, and the organiser\'s page counts and exports it', { timeout: 90_000 }, async () => {
  const page = await fx.browser.context.newPage();
  await page.goto(widgetUrl(fx.site.url, { endpoint: fx.endpoint.url, lang: 'en' }));
  await answerBuiltIn(page, { stars: 4, nps: 9 });
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await fx.endpoint.waitForPosts(1);
  await page.getByRole('status').filter({ hasText: 'Your response has been sent. Thank you!' }).first().waitFor();
  assert.equal(await page.locator('.suara-export').count(), 0, 'no operator\'s section for the respondent');
  assert.equal(await page.getByRole('button', { name: /Download|Send now/ }).count(), 0, 'no downloads for the respondent');
  assert.deepEqual(await violations(page), [], 'no CSP violation on the respondent\'s page');
  // The page names no inline script or style at all.
  const inline = await page.evaluate(() => ({
    scripts: [...document.scripts].filter((s) => !s.src).length,
    styles: document.querySelectorAll('style').length,
  }));
  assert.deepEqual(inline, { scripts: 0, styles: 0 });

  const organiser = await organiserOf(page);
  await organiser.getByText('1 response stored on this device.').waitFor({ state: 'visible' });
  await organiser.getByText('Waiting to send: 0. Sent: 1. Needs attention: 0.').waitFor({ state: 'visible' });
  const [file] = await Promise.all([
    organiser.waitForEvent('download'),
    organiser.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const records = parseCsv((await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, ''));
  assert.equal(records.length, 2, 'a header and the response');
  assert.equal(records[1][0], fx.endpoint.posts[0].body.id, 'the response the widget sent');
  const sent = fx.endpoint.posts[0].body;
  assert.deepEqual([records[1][1], records[1][4]], [sent.submitted_at, sent.started_at], 'times in UTC, as stored, by default');

  // The CSV's times in a time zone the organiser names, with its offset
  // (the browser's own zones, Intl.DateTimeFormat); a mistyped zone names
  // the one meant and downloads nothing.
  const zone = organiser.getByLabel(/time zone/);
  await zone.fill('Asia/Jakrta');
  await organiser.getByRole('button', { name: 'Download CSV' }).click();
  await organiser
    .getByText('`Asia/Jakrta` is not a time zone name (did you mean Asia/Jakarta?): give one such as Asia/Jakarta')
    .waitFor({ state: 'visible' });
  await zone.fill('Asia/Jakarta');
  const [local] = await Promise.all([
    organiser.waitForEvent('download'),
    organiser.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const zoned = parseCsv((await readFile(await local.path(), 'utf8')).replace(/^\uFEFF/, ''));
  const jakarta = (utc) => new Date(Date.parse(utc) + 7 * 3600_000).toISOString().replace('Z', '+07:00');
  assert.deepEqual(
    [zoned[1][1], zoned[1][4]],
    [jakarta(sent.submitted_at), jakarta(sent.started_at)],
    "Jakarta's wall clock, seven hours ahead, with its offset",
  );
  assert.deepEqual(zoned[0], records[0], 'the same columns');
  assert.deepEqual(zoned[1].slice(5), records[1].slice(5), 'the same answers');
  // A second response while the organiser's page is open: its counts follow.
  await page.getByRole('button', { name: 'Start a new response' }).click();
  await answerBuiltIn(page, { stars: 2, nps: 3 });
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await organiser.getByText('Waiting to send: 0. Sent: 2. Needs attention: 0.').waitFor({ state: 'visible' });
  assert.deepEqual(await violations(organiser), [], 'no CSP violation on the organiser\'s page');
  await page.close();
  await organiser.close();
});

test('every question kind renders under the strict CSP', { timeout: 60_000 }, async () => {
  const page = await fx.browser.context.newPage();
  await page.goto(widgetUrl(fx.site.url, { survey: `${fx.site.url}/every-kind.json`, lang: 'en' }));
  await page.locator('.suara-form').waitFor({ state: 'attached' });
  // Every page in the DOM (hidden ones too), the matrix's column count
  // among them: it is set through the CSSOM, not a blocked style attribute.
  const columns = await waitFor(() =>
    page.evaluate(() => document.querySelector('.suara-matrix')?.style.getPropertyValue('--suara-columns')),
  { what: 'the matrix to be drawn' });
  assert.ok(Number(columns) > 1, `the matrix knows its columns (${columns})`);
  assert.deepEqual(await violations(page), [], 'no CSP violation');
  // The listener hears a real violation: a style attribute, as the matrix
  // once set one.
  await page.evaluate(() => document.body.appendChild(document.createElement('div')).setAttribute('style', 'color: red'));
  await waitFor(async () => (await violations(page)).length > 0, { what: 'the control violation to be reported' });
  assert.match((await violations(page))[0], /^style-src/);
  await page.close();
});

test('the survey author\'s messages are only in the organiser\'s WebAssembly', async () => {
  // Issue 16: author-only notices stay with the author. The respondent's
  // page only counts the problems, so nothing in its binary words them and
  // the link-time optimiser drops the wording (and the JSON syntax scanner).
  const dist = path.join(ROOT, 'dist');
  const wasmOf = async (html) => {
    const page = await readFile(path.join(dist, html), 'utf8');
    const [name] = page.match(/[\w-]+_bg\.wasm/) ?? [];
    assert.ok(name, `${html} names its wasm`);
    return (await readFile(path.join(dist, name))).toString('latin1');
  };
  const respondent = await wasmOf('index.html');
  const organiser = await wasmOf('organiser.html');
  for (const words of [
    'a comma after the last item',
    'did you mean',
    'page %0, question %1',
    'halaman %0, pertanyaan %1',
    'answered a web page, not a survey file',
    'must be a whole number of seconds from 1 to %0',
    'bukan nama header yang sah',
  ]) {
    assert.ok(organiser.includes(words), `the organiser's page words problems: "${words}"`);
    assert.ok(!respondent.includes(words), `the respondent's page does not: "${words}"`);
  }
});
