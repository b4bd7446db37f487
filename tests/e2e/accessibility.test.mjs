// End-to-end accessibility: axe-core (from npm, injected into the page)
// finds no WCAG 2.0-2.2 A/AA violation (nor a best-practice one) in the
// built-in survey and every survey under examples/, on every page and the
// review step, in each of its languages, in light and dark mode, with and
// without errors showing; and the built-in survey can be completed page by
// page with the keyboard alone.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

import { ROOT, fixtures, gotoWithoutDrafts, waitFor, widgetUrl, tabUntil } from './support.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The built-in survey and every example survey, with their locales. */
async function surveys() {
  const list = [];
  const builtIn = JSON.parse(await readFile(path.join(ROOT, 'crates/domain/surveys/default.json'), 'utf8'));
  list.push({ name: 'built-in', url: null, locales: builtIn.locales ?? [builtIn.default_locale] });
  const dir = path.join(ROOT, 'examples');
  if (existsSync(dir)) {
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
      const text = await readFile(path.join(dir, file), 'utf8');
      const survey = JSON.parse(text);
      list.push({ name: file, route: `/examples/${file}`, text, locales: survey.locales ?? [survey.default_locale] });
    }
  }
  return list;
}

const all = await surveys();
const fx = fixtures({
  routes: () => {
    const routes = {};
    for (const s of all) if (s.route) routes[s.route] = { body: s.text, type: 'application/json' };
    return routes;
  },
  endpoint: true,
});

/**
 * Answers what the current page shows, whatever the survey: the first
 * answer of every group, every text box, number, date and drop-down, and
 * every consent box, so that "Next" goes on.
 */
async function answerPage(page) {
  const current = page.locator('.suara-page:not([hidden])');
  for (const group of await current.locator('fieldset:visible').all()) {
    const first = group.locator('input[type=radio], input[type=checkbox]').first();
    if ((await first.count()) && !(await group.locator('input:checked').count())) {
      await first.evaluate((el) => (el.labels?.[0] ?? el).click());
    }
  }
  for (const box of await current.locator('.suara-consent input[type=checkbox]:visible').all()) await box.check();
  for (const field of await current.locator('input[type=text]:visible, textarea:visible').all()) {
    if (!(await field.inputValue())) await field.fill('An answer');
  }
  for (const field of await current.locator('input[type=number]:visible').all()) {
    await field.fill((await field.getAttribute('min')) ?? '1');
  }
  for (const field of await current.locator('input[type=date]:visible').all()) {
    await field.fill((await field.getAttribute('min')) ?? '2026-01-01');
  }
  for (const select of await current.locator('select:visible').all()) await select.selectOption({ index: 1 });
}

/** Runs axe on the page; returns its violations as short lines. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
  );
}

describe('axe-core finds no violation', () => {
  for (const survey of all) {
    for (const lang of survey.locales) {
      for (const colorScheme of ['light', 'dark']) {
        test(`${survey.name}, ${lang}, ${colorScheme}`, { timeout: 60_000 }, async () => {
          const { page } = fx.browser;
          await page.emulateMedia({ colorScheme });
          // No draft carries answers from one run to the next.
          const params = { lang, endpoint: fx.endpoint.url };
          if (survey.route) params.survey = new URL(survey.route, fx.site.url).href;
          await gotoWithoutDrafts(page, widgetUrl(fx.site.url, params));
          await page.locator('.suara-form').waitFor({ state: 'attached' });
          const forward = page.locator('.suara-form button[type="submit"]');
          const review = page.locator('.suara-review:not([hidden]), .suara-done:not([hidden])');
          const where = () =>
            page.evaluate(() =>
              document.querySelector('.suara-done:not([hidden])')
                ? 'the thank-you'
                : (document.querySelector('.suara-page:not([hidden])')?.id ?? 'the review'),
            );
          // Every page: as it first shows, with its errors after "Next"
          // on nothing (and the summary), and answered; then the review.
          for (let step = 0; !(await review.count()); step++) {
            assert.ok(step < 20, 'the review comes after at most 20 pages');
            const at = await where();
            assert.deepEqual(await violations(page), [], `${at} as it first shows`);
            await forward.click();
            await page.waitForTimeout(100);
            if ((await where()) === at) {
              assert.deepEqual(await violations(page), [], `${at} with the errors showing`);
              // Twice: an answer may bring in a question (show-if).
              await answerPage(page);
              await answerPage(page);
              assert.deepEqual(await violations(page), [], `${at} answered`);
              await forward.click();
              await waitFor(async () => (await where()) !== at, { what: `"Next" to leave ${at}` });
            }
          }
          assert.deepEqual(await violations(page), [], await where());
          await page.emulateMedia({ colorScheme: 'light' });
        });
      }
    }
  }
});

test("the organiser's page: no violation, in each language, light and dark", { timeout: 60_000 }, async () => {
  const { page } = fx.browser;
  for (const survey of all) {
    for (const lang of survey.locales) {
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        const params = { lang, endpoint: fx.endpoint.url };
        if (survey.route) params.survey = new URL(survey.route, fx.site.url).href;
        const url = new URL(widgetUrl(fx.site.url, params));
        url.pathname = '/organiser.html';
        await page.goto(url.href);
        await page.locator('#suara-export-title').waitFor({ state: 'visible' });
        assert.deepEqual(await violations(page), [], `${survey.name}, ${lang}, ${colorScheme}`);
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('the built-in survey can be completed with the keyboard alone', { timeout: 60_000 }, async () => {
  const { page } = fx.browser;
  await page.goto(widgetUrl(fx.site.url, { lang: 'en', endpoint: fx.endpoint.url }));
  await page.locator('.suara-form').waitFor({ state: 'visible' });
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el?.tagName, type: el?.type, name: el?.name, value: el?.value, label: el?.labels?.[0]?.innerText.trim() ?? '', checked: el?.checked };
    });
  /** Presses Tab until focus is on what `match` accepts (at most 40 presses). */
  const tabTo = (match, what) => tabUntil(page, async () => match(await focused()), what, 40);

  // Stars: into the group, Space picks the first, arrows move the choice.
  await tabTo((f) => f.name === 'suara-q-satisfaction', 'the satisfaction stars');
  await page.keyboard.press('Space');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  assert.deepEqual(await focused().then((f) => [f.value, f.checked]), ['4', true], 'four stars');
  // NPS: the group is one Tab stop; arrows from 0 up to 8.
  await tabTo((f) => f.name === 'suara-q-recommend', 'the 0-10 scale');
  await page.keyboard.press('Space');
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  assert.deepEqual(await focused().then((f) => [f.value, f.checked]), ['8', true], 'eight');
  await tabTo((f) => f.tag === 'TEXTAREA', 'the first text box');
  await page.keyboard.type('Typed without a mouse.');
  const heading = () => page.evaluate(() => document.activeElement?.closest('h2')?.innerText.replace(/\s+/g, ' ').trim());
  // "Next" is the form's button: Enter in a one-line field would press it too.
  await tabTo((f) => f.tag === 'BUTTON' && f.type === 'submit', 'the Next button');
  await page.keyboard.press('Enter');
  await waitFor(async () => (await heading()) === 'Page 2 of 2 Your participation', { what: 'focus on the second page' });
  await tabTo((f) => f.type === 'checkbox' && f.label === 'Environment', 'the Environment option');
  await page.keyboard.press('Space');
  await tabTo((f) => f.type === 'checkbox' && /I agree/.test(f.label), 'the consent box');
  await page.keyboard.press('Space');
  await tabTo((f) => f.tag === 'BUTTON' && f.type === 'submit', 'the Next button');
  await page.keyboard.press('Enter');
  await waitFor(async () => (await heading()) === 'Check your answers', { what: 'focus on the review' });
  await tabTo((f) => f.tag === 'BUTTON' && f.type === 'submit', 'the Submit button');
  const before = fx.endpoint.posts.length;
  // A slow endpoint: the message changes from "saved, sending" to "sent"
  // after focus has moved to the thank-you, which must keep it.
  fx.endpoint.respondWith(async ({ body }) => {
    await new Promise((r) => setTimeout(r, 400));
    return { status: 201, body: { id: body.id } };
  });
  await page.keyboard.press('Enter');
  await fx.endpoint.waitForPosts(before + 1);
  const { answers } = fx.endpoint.posts[before].body;
  assert.deepEqual(answers, {
    satisfaction: 4,
    recommend: 8,
    works_well: 'Typed without a mouse.',
    programmes: ['environment'],
    consent: true,
  });
  // Focus lands on the thank-you, and "Start a new response" is one Tab away.
  let last = '';
  await waitFor(
    async () => {
      last = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
      return (await page.evaluate(() => document.activeElement?.innerText)) === 'Thank you';
    },
    { what: 'focus on the thank-you heading' },
  ).catch((e) => {
    throw new Error(`${e.message}; focus is on ${last}`);
  });
  await page.getByText('Your response has been sent. Thank you!').waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => document.activeElement?.innerText), 'Thank you', 'focus stays once sent');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.innerText), 'Start a new response');
});
