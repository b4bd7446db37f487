// End-to-end languages: a survey in Indonesian, English and Arabic. In
// Arabic the widget's own words are Arabic, the widget's root says
// dir="rtl" and the layout mirrors (stars run right to left, the error bar
// sits on the right); switching language switches both; the chosen language
// goes into the response. A text with no translation shows in the default
// language, marked with that language, and the survey's author is told
// which texts they are. In a language the widget does not speak (French),
// its own words are English and marked so, and the survey's are French.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ROOT, fixtures, gotoWithoutDrafts, pick, widgetUrl, organiserOf } from './support.mjs';

const example = JSON.parse(await readFile(path.join(ROOT, 'examples/three-languages.json'), 'utf8'));
// The same survey with two Arabic texts missing.
const partial = structuredClone(example);
partial.id = 'partly-translated';
delete partial.description.ar;
delete partial.pages[0].questions[0].help.ar;
// A survey in French only, a language the widget has no words for.
const french = {
  format: 1,
  id: 'en-francais',
  version: 1,
  title: 'Votre avis',
  default_locale: 'fr',
  pages: [
    {
      id: 'p',
      questions: [
        { id: 'note', kind: 'short_text', label: 'Un mot ?', required: true },
        { id: 'venu', kind: 'single_choice', label: 'Venu avec ?', options: [{ value: 'seul', label: 'Seul' }], other: true },
      ],
    },
  ],
};

const fx = fixtures({
  routes: {
    '/three.json': { body: JSON.stringify(example), type: 'application/json' },
    '/partial.json': { body: JSON.stringify(partial), type: 'application/json' },
    '/french.json': { body: JSON.stringify(french), type: 'application/json' },
  },
  endpoint: true,
});

const survey = (name) => new URL(name, fx.site.url).href;

test('in Arabic the widget speaks Arabic and its layout mirrors; the language chosen goes into the response', { timeout: 60_000 }, async () => {
  const { page } = fx.browser;
  await page.goto(widgetUrl(fx.site.url, { survey: survey('/three.json'), endpoint: fx.endpoint.url, lang: 'ar' }));
  const root = page.locator('.suara-survey');
  await root.waitFor({ state: 'visible' });
  assert.equal(await root.getAttribute('dir'), 'rtl');
  assert.equal(await root.getAttribute('lang'), 'ar');
  assert.equal(await root.evaluate((el) => getComputedStyle(el).direction), 'rtl');
  await page.getByRole('button', { name: 'إرسال', exact: true }).waitFor({ state: 'visible' });

  // Stars run right to left: the first is the rightmost.
  const star = (n) => page.getByRole('radio', { name: `${n} من 5 نجوم`, exact: true }).locator('..');
  const [first, fifth] = [await star(1).boundingBox(), await star(5).boundingBox()];
  assert.ok(first.x > fifth.x, `star 1 (x=${first.x}) is right of star 5 (x=${fifth.x})`);

  // The error bar of an unanswered required question sits on the right.
  await page.getByRole('button', { name: 'إرسال', exact: true }).click();
  await page.getByText('هذا السؤال يحتاج إلى إجابة.').first().waitFor({ state: 'visible' });
  const bar = await page.locator('.suara-question--invalid').first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { right: s.borderRightWidth, left: s.borderLeftWidth };
  });
  assert.deepEqual(bar, { right: '4px', left: '0px' });

  // Switching to English switches the words and the direction.
  await page.getByLabel('اللغة').selectOption('en');
  assert.equal(await root.getAttribute('dir'), 'ltr');
  await page.getByRole('button', { name: 'Submit', exact: true }).waitFor({ state: 'visible' });
  await page.getByLabel('Language').selectOption('ar');
  assert.equal(await root.getAttribute('dir'), 'rtl');

  await pick(page.getByRole('radio', { name: '4 من 5 نجوم', exact: true }), 'four stars');
  await pick(page.getByRole('radio', { name: 'أحد الجيران', exact: true }), 'a neighbour');
  await page.getByLabel('ماذا ينبغي أن نفعل في المرة القادمة؟').fill('مزيد من الظل والماء');
  await page.getByRole('checkbox', { name: /أوافق على استخدام إجاباتي/ }).check();
  const before = fx.endpoint.posts.length;
  await page.getByRole('button', { name: 'إرسال', exact: true }).click();
  await fx.endpoint.waitForPosts(before + 1);
  const response = fx.endpoint.posts[before].body;
  assert.equal(response.locale, 'ar');
  assert.deepEqual(response.answers, { enjoyed: 4, heard: 'neighbour', next_time: 'مزيد من الظل والماء', consent: true });
  await page.getByText('تم إرسال إجابتك. شكرًا لك!').waitFor({ state: 'visible' });
});

test('a missing translation shows in the default language, marked as such, and the author is told', { timeout: 60_000 }, async () => {
  const { page } = fx.browser;
  await page.goto(widgetUrl(fx.site.url, { survey: survey('/partial.json'), lang: 'ar' }));
  const description = page.locator('.suara-survey__description span');
  await description.waitFor({ state: 'visible' });
  assert.equal(await description.innerText(), example.description.id);
  assert.equal(await description.getAttribute('lang'), 'id', 'the fallback text says it is Indonesian');
  const title = page.locator('.suara-survey__title span');
  assert.equal(await title.getAttribute('lang'), 'ar');
  // The author is told on the organiser's page, never the respondent.
  assert.equal(await page.getByText(/survey's author|كاتب الاستبيان/).count(), 0, 'nothing for the author on the respondent\'s page');
  const organiser = await organiserOf(page);
  const warning = organiser.getByText('إلى كاتب الاستبيان: 2 من نصوص هذا الاستبيان بلا ترجمة إلى العربية');
  await warning.waitFor({ state: 'visible' });
  assert.match(await warning.innerText(), /\$\.description, \$\.pages\[0\]\.questions\[0\]\.help/);
  // In English nothing is missing, so only the Arabic warning shows, in English words.
  await (await organiserOf(page, { survey: survey('/partial.json'), lang: 'en' }))
    .getByText("For the survey's author: 2 texts of this survey have no العربية translation and show in Bahasa Indonesia")
    .waitFor({ state: 'visible' });
});

test("in a language the widget doesn't speak, its English words are marked English", { timeout: 60_000 }, async () => {
  const { page } = fx.browser;
  await gotoWithoutDrafts(page, widgetUrl(fx.site.url, { survey: survey('/french.json') }));
  const root = page.locator('.suara-survey');
  await root.waitFor({ state: 'visible' });
  const langOf = (locator) => locator.evaluate((el) => el.closest('[lang]').getAttribute('lang'));
  assert.equal(await root.getAttribute('lang'), 'en', 'the widget root is in the language of its own words');
  assert.equal(await langOf(page.getByRole('button', { name: 'Submit', exact: true })), 'en');
  assert.equal(await langOf(page.getByText('Votre avis')), 'fr', 'the title is French');
  assert.equal(await langOf(page.getByText('Un mot ?', { exact: true }).first()), 'fr', 'the label is French');
  assert.equal(await langOf(page.getByText('Seul', { exact: true })), 'fr', 'an option is French');
  assert.equal(await langOf(page.getByText('Other', { exact: true })), 'en', 'the widget\'s own "Other" is English');
  // The error summary names the question in French and the problem in English.
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  const link = page.locator('.suara-summary a');
  await link.waitFor({ state: 'visible' });
  assert.equal(await langOf(link.getByText('Un mot ?')), 'fr');
  assert.equal(await langOf(link), 'en');
});
