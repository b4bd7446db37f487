// End-to-end accessibility: axe-core (from npm, injected into the page)
// finds no WCAG 2.0-2.2 A/AA violation (nor a best-practice one) in the
// built-in survey and every survey under examples/, in each of its
// languages, in light and dark mode, before and after a failed submit; and
// the built-in survey can be completed with the keyboard alone.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

import { ROOT, launchBrowser, startEndpoint, startStaticServer, waitFor, widgetUrl } from './support.mjs';

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

let site;
let endpoint;
let browser;
const all = await surveys();

before(async () => {
  const routes = {};
  for (const s of all) if (s.route) routes[s.route] = { body: s.text, type: 'application/json' };
  site = await startStaticServer({ routes });
  endpoint = await startEndpoint();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await endpoint?.close();
});

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
          const { page } = browser;
          await page.emulateMedia({ colorScheme });
          const params = { lang, endpoint: endpoint.url };
          if (survey.route) params.survey = new URL(survey.route, site.url).href;
          await page.goto(widgetUrl(site.url, params));
          await page.locator('.suara-form').waitFor({ state: 'attached' });
          assert.deepEqual(await violations(page), [], 'as it first shows');
          // A submit with nothing answered: every error, and the summary.
          await page.locator('.suara-form button[type="submit"]').click();
          await page.waitForTimeout(100);
          assert.deepEqual(await violations(page), [], 'with the errors showing');
          await page.emulateMedia({ colorScheme: 'light' });
        });
      }
    }
  }
});

test('the built-in survey can be completed with the keyboard alone', { timeout: 60_000 }, async () => {
  const { page } = browser;
  await page.goto(widgetUrl(site.url, { lang: 'en', endpoint: endpoint.url }));
  await page.locator('.suara-form').waitFor({ state: 'visible' });
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el?.tagName, type: el?.type, name: el?.name, value: el?.value, label: el?.labels?.[0]?.innerText.trim() ?? '', checked: el?.checked };
    });
  /** Presses Tab until focus is on what `match` accepts (at most 40 presses). */
  async function tabTo(match, what) {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (match(await focused())) return;
    }
    throw new Error(`Tab never reached ${what}`);
  }

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
  await tabTo((f) => f.type === 'checkbox' && f.label === 'Environment', 'the Environment option');
  await page.keyboard.press('Space');
  await tabTo((f) => f.type === 'checkbox' && /I agree/.test(f.label), 'the consent box');
  await page.keyboard.press('Space');
  await tabTo((f) => f.tag === 'BUTTON' && f.type === 'submit', 'the Submit button');
  const before = endpoint.posts.length;
  // A slow endpoint: the message changes from "saved, sending" to "sent"
  // after focus has moved to the thank-you, which must keep it.
  endpoint.respondWith(async ({ body }) => {
    await new Promise((r) => setTimeout(r, 400));
    return { status: 201, body: { id: body.id } };
  });
  await page.keyboard.press('Enter');
  await endpoint.waitForPosts(before + 1);
  const { answers } = endpoint.posts[before].body;
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
