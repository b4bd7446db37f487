// End-to-end: the release bundle in dist/ in Chromium, as a person uses it.
//
// 1. "Next" on an empty first page shows the error summary and each
//    question's error, moves focus to the first problem, and sends nothing.
// 2. Page by page, with "Back" keeping the answers and a review step listing
//    them in words, a filled-in response is POSTed once to the endpoint,
//    with the published JSON shape and an Idempotency-Key equal to its id.
// 3. After a reload, the CSV and JSON exports hold that response.
// 4. A broken survey file shows its problems with JSON paths; a survey
//    address that answers a 404 or a web page says so.
//
// Needs `trunk build --release --offline` first (scripts/test.sh does it).

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import {
  ROOT,
  fixtures,
  next,
  parseCsv,
  pick,
  waitFor,
  widgetUrl,
  organiserOf,
} from './support.mjs';

const SURVEY_ID = 'community-partnership-feedback';

const Q = {
  satisfaction: "Overall, how satisfied are you with the partnership's work in your community?",
  recommend: "How likely are you to recommend the partnership's programmes to a friend or neighbour?",
  worksWell: 'What works well?',
  improve: 'What should we improve?',
  programmes: "Which of the partnership's programmes have you taken part in?",
  consent: 'I agree that the partnership may use my answers',
};
const PROGRAMMES = ['Health', 'Jobs and training', 'Environment', 'Youth and education', 'Affordable housing', 'Another programme'];

const MSG = {
  summary2: 'Please fix 2 problems before going on',
  required: 'This question needs an answer.',
  consent: 'Please tick the box to agree before submitting.',
  sent: 'Your response has been sent. Thank you!',
};

// What the person types: leading/trailing blanks (the response keeps the
// text trimmed), a spreadsheet formula, a line break, quotes and a comma (so
// the CSV must quote the field), and non-Latin scripts.
const WORKS_WELL_TYPED = '  =1+2 is how sums start.\nTerima kasih — شكرا 谢谢, "really"  ';
const WORKS_WELL = WORKS_WELL_TYPED.trim();
const OTHER_TYPED = ' Community garden (kebun warga) ';
const OTHER = OTHER_TYPED.trim();

const CSV_HEADER = [
  'id', 'submitted_at', 'locale', 'survey_version', 'started_at', 'partial',
  'satisfaction', 'recommend', 'works_well', 'improve',
  'programmes.health', 'programmes.jobs_training', 'programmes.environment',
  'programmes.youth_education', 'programmes.housing', 'programmes.other',
  'programmes.other_text', 'consent',
  // The "about you" section from the question bank (pack ID), its consent
  // columns and the derived wg_disability after the six.
  'inclusion_consent', 'consent_version', 'bank', 'age_band',
  'wg_seeing', 'wg_hearing', 'wg_walking', 'wg_remembering', 'wg_selfcare', 'wg_communicating', 'wg_disability',
  'gender', 'gender.other_text',
  ...['jawa', 'sunda', 'melayu', 'batak', 'madura', 'betawi', 'minangkabau', 'bugis', 'banten', 'banjar', 'bali', 'aceh', 'dayak', 'sasak', 'tionghoa', 'prefer_not_to_say', 'other'].map((e) => `ethnicity.${e}`),
  'ethnicity.other_text', 'education', 'financial_situation', 'area',
];

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function assertTimestamp(value, what, { notBefore, notAfter }) {
  assert.equal(typeof value, 'string', `${what} is a string`);
  assert.match(value, RFC3339, `${what} is RFC 3339`);
  const t = Date.parse(value);
  assert.ok(Number.isFinite(t), `${what} parses`);
  // One second of slack either side for clock rounding.
  assert.ok(t >= notBefore - 1000 && t <= notAfter + 1000, `${what} ${value} lies within the test run`);
  return t;
}

/**
 * Finds where `message` is shown next to the question whose control is
 * `control`, without knowing the markup: the smallest ancestor of the
 * control whose text (leaving out the error summary) contains the message
 * must contain exactly one question label, its own. Also tells whether the
 * focused element is inside that question.
 */
async function inlineError(page, control, { message, ownLabel }) {
  const handle = await control.elementHandle();
  return page.evaluate(
    ([el, { message, ownLabel, labels }]) => {
      const inSummary = (node) => Boolean(node?.closest?.('.suara-summary'));
      for (let a = el.parentElement; a; a = a.parentElement) {
        const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
        let text = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!inSummary(n.parentElement)) text += n.data;
        }
        if (text.includes(message)) {
          const inside = labels.filter((l) => text.includes(l));
          return {
            ok: inside.length === 1 && inside[0] === ownLabel,
            labelsInside: inside,
            container: `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''}${a.className ? '.' + String(a.className).split(/\s+/).join('.') : ''}`,
            focusInside: a.contains(document.activeElement),
            focused: document.activeElement
              ? `${document.activeElement.tagName.toLowerCase()}${document.activeElement.id ? '#' + document.activeElement.id : ''}`
              : null,
          };
        }
      }
      return { ok: false, labelsInside: [], container: null, focusInside: false };
    },
    [handle, { message, ownLabel, labels: Object.values(Q) }],
  );
}

/** Clicks `button` and returns the download's file name and text. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const failure = await file.failure();
  assert.equal(failure, null, `download of ${file.suggestedFilename()} failed: ${failure}`);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

describe('Suara widget, built-in survey, end to end', () => {
  const testStarted = Date.now();


  const fx = fixtures({
    routes: async () => ({
      '/broken-survey.json': {
        body: await readFile(path.join(ROOT, 'tests/e2e/fixtures/broken-survey.json')),
        type: 'application/json; charset=utf-8',
      },
      // The same file offering Indonesian, so its author reads it in either language.
      '/broken-survey-id.json': {
        body: JSON.stringify({
          ...JSON.parse(await readFile(path.join(ROOT, 'tests/e2e/fixtures/broken-survey.json'), 'utf8')),
          locales: ['en', 'id'],
        }),
        type: 'application/json; charset=utf-8',
      },
    }),
    endpoint: true,
  });

  after(() => {
    const errors = fx.browser?.logs.console.filter((line) => line.startsWith('error')) ?? [];
    if (errors.length) console.log('browser console errors:\n  ' + errors.join('\n  '));
  });

  test('validates, submits once, and exports what was sent', { timeout: 180_000 }, async (t) => {
    const { page, logs } = fx.browser;
    const url = widgetUrl(fx.site.url, { endpoint: fx.endpoint.url, lang: 'en' });
    await page.goto(url);

    const submit = page.getByRole('button', { name: 'Submit', exact: true });
    const nextButton = page.getByRole('button', { name: 'Next', exact: true });
    await nextButton.waitFor({ state: 'visible' });
    assert.equal(await submit.count(), 0, 'the first of two pages has "Next", not "Submit"');
    assert.equal(await page.getByRole('button', { name: 'Back' }).count(), 0, 'no "Back" on the first page');
    const heading = () => page.evaluate(() => document.activeElement?.closest('h2')?.innerText.replace(/\s+/g, ' ').trim());

    const satisfaction = page.getByRole('group', { name: Q.satisfaction });
    const recommend = page.getByRole('group', { name: Q.recommend });
    const consent = page.getByRole('checkbox', { name: Q.consent });

    await t.test('an empty page is stopped with every problem shown', async () => {
      await nextButton.click();

      const summary = page.getByRole('alert').filter({ hasText: MSG.summary2 }).first();
      await summary.waitFor({ state: 'visible' });

      const checks = [
        { name: 'satisfaction', control: satisfaction.getByRole('radio', { name: '1 of 5 stars', exact: true }), message: MSG.required, ownLabel: Q.satisfaction },
        { name: 'recommend', control: recommend.getByRole('radio', { name: '0', exact: true }), message: MSG.required, ownLabel: Q.recommend },
      ];
      for (const { name, control, message, ownLabel } of checks) {
        const found = await waitFor(
          async () => {
            const r = await inlineError(page, control, { message, ownLabel });
            return r.ok ? r : false;
          },
          { what: `the error "${message}" next to the ${name} question` },
        ).catch(async (err) => {
          const r = await inlineError(page, control, { message, ownLabel });
          throw new Error(`${err.message}; nearest container holding it: ${JSON.stringify(r)}`);
        });
        assert.ok(found.ok);
      }

      // Focus moves to the first problem: the satisfaction question.
      await waitFor(
        async () => (await inlineError(page, checks[0].control, checks[0])).focusInside,
        { what: 'focus inside the first question with an error (satisfaction)' },
      ).catch(async (err) => {
        const r = await inlineError(page, checks[0].control, checks[0]);
        throw new Error(`${err.message}; focused element: ${r.focused}`);
      });

      assert.deepEqual(fx.endpoint.requests, [], 'the endpoint received nothing');
    });

    let post;
    await t.test('a filled-in response is sent once, in the published shape', async () => {
      await pick(satisfaction.getByRole('radio', { name: '4 of 5 stars', exact: true }), '4 of 5 stars');
      await pick(recommend.getByRole('radio', { name: '9', exact: true }), 'NPS 9');

      const worksWell = page.getByLabel(Q.worksWell);
      await worksWell.click();
      await worksWell.pressSequentially(WORKS_WELL_TYPED);
      // Only blanks: not an answer, so it must not be sent.
      await page.getByLabel(Q.improve).fill('   ');

      await next(page);
      assert.equal(await heading(), 'Page 2 of 2 Your participation', 'focus on the second page\'s heading');
      // The consent is required: "Next" stops on it.
      await nextButton.click();
      const found = await waitFor(async () => {
        const r = await inlineError(page, consent, { message: MSG.consent, ownLabel: Q.consent });
        return r.ok && r.focusInside ? r : false;
      }, { what: 'the consent error, with focus on the box' });
      assert.ok(found.ok);
      // Back keeps the first page's answers.
      await page.getByRole('button', { name: 'Back', exact: true }).click();
      await waitFor(async () => (await heading()) === 'Page 1 of 2 Your experience', { what: 'focus on the first page\'s heading' });
      assert.ok(await satisfaction.getByRole('radio', { name: '4 of 5 stars', exact: true }).isChecked());
      assert.equal(await page.getByLabel(Q.worksWell).inputValue(), WORKS_WELL_TYPED);
      await next(page);

      await page.getByText(Q.programmes).first().waitFor({ state: 'visible' });
      for (const label of PROGRAMMES) {
        await page.getByRole('checkbox', { name: label, exact: true }).waitFor({ state: 'attached' });
      }
      await pick(page.getByRole('checkbox', { name: 'Health', exact: true }), 'Health');
      await pick(page.getByRole('checkbox', { name: 'Another programme', exact: true }), 'Another programme');
      const describeOther = page.getByRole('textbox', { name: 'Please describe' });
      await describeOther.waitFor({ state: 'visible' });
      await describeOther.fill(OTHER_TYPED);

      await pick(consent, 'the consent box');
      await next(page);

      // The review lists every answer in words, each with a way back to it.
      assert.equal(await heading(), 'Check your answers');
      const review = await page.locator('.suara-review__item').evaluateAll((items) =>
        items.map((i) => [i.querySelector('dt').innerText, i.querySelector('dd').innerText]),
      );
      assert.deepEqual(review, [
        [Q.satisfaction, '4 of 5 stars'],
        [Q.recommend, '9'],
        [Q.worksWell, WORKS_WELL],
        [Q.improve, 'Not answered'],
        [Q.programmes, `Health, Another programme: ${OTHER}`],
        [Q.consent, 'Yes'],
        // The inclusion section's choice (the built-in survey's "about you"
        // questions), left unchosen: none of the section shows.
        ['Some questions about you', 'Not answered'],
      ]);
      // "Change" goes to the question; "Next" then comes straight back.
      await page.getByRole('button', { name: `Change ${Q.recommend}` }).click();
      await waitFor(() => recommend.getByRole('radio', { name: '9', exact: true }).evaluate((el) => el === document.activeElement), {
        what: 'focus on the chosen answer of the question to change',
      });
      await next(page);
      assert.equal(await heading(), 'Check your answers', '"Next" returns to the review');
      await submit.click();

      await page.getByRole('status').filter({ hasText: MSG.sent }).first().waitFor({ state: 'visible' });
      await fx.endpoint.waitForPosts(1);
      assert.equal(fx.endpoint.posts.length, 1, 'exactly one POST');
      post = fx.endpoint.posts[0];

      assert.equal(post.parseError, null, `the POST body is JSON: ${post.raw}`);
      assert.match(post.contentType ?? '', /^application\/json\b/, 'Content-Type is application/json');
      const body = post.body;
      assert.deepEqual(
        Object.keys(body).sort(),
        ['answers', 'id', 'locale', 'started_at', 'submitted_at', 'survey_id', 'survey_version'],
        'the response has exactly the published fields',
      );
      assert.match(body.id, UUID_V4, 'id is a UUID v4');
      assert.equal(post.idempotencyKey, body.id, 'Idempotency-Key equals the response id');
      assert.equal(body.survey_id, SURVEY_ID);
      assert.equal(body.survey_version, '1');
      assert.equal(body.locale, 'en');
      const window = { notBefore: testStarted, notAfter: Date.now() };
      const started = assertTimestamp(body.started_at, 'started_at', window);
      const submitted = assertTimestamp(body.submitted_at, 'submitted_at', window);
      assert.ok(started <= submitted, 'started_at is not after submitted_at');
      assert.deepEqual(body.answers, {
        satisfaction: 4,
        recommend: 9,
        works_well: WORKS_WELL,
        programmes: ['health', 'other'],
        'programmes.other_text': OTHER,
        consent: true,
      });

      const preflights = fx.endpoint.requests.filter((r) => r.method === 'OPTIONS');
      for (const p of preflights) {
        assert.equal(p.path, '/responses', 'the preflight asks about /responses');
      }
    });

    await t.test('"Start a new response" clears the form', async () => {
      await page.getByRole('button', { name: 'Start a new response' }).click();
      await nextButton.waitFor({ state: 'visible' });
      assert.ok(await satisfaction.isVisible(), 'back on the first page');
      await waitFor(
        async () =>
          !(await satisfaction.getByRole('radio', { name: '4 of 5 stars', exact: true }).isChecked()) &&
          (await page.getByLabel(Q.worksWell).inputValue()) === '' &&
          // On the second page, hidden for now.
          !(await page.getByRole('checkbox', { name: Q.consent, includeHidden: true }).isChecked()),
        { what: 'an empty form after "Start a new response"' },
      );
    });

    await t.test('after a reload, CSV and JSON exports hold the response', async () => {
      assert.ok(post, 'a response was sent in the previous step');
      const body = post.body;
      await page.reload();
      // The respondent's page has no downloads: they are the organiser's.
      assert.equal(await page.getByRole('button', { name: 'Download CSV' }).count(), 0, 'no download on the respondent\'s page');
      assert.equal(await page.getByText('Responses on this device').count(), 0, 'no operator\'s section on the respondent\'s page');
      const organiser = await organiserOf(page);
      const csvButton = organiser.getByRole('button', { name: 'Download CSV' });
      await csvButton.waitFor({ state: 'visible' });

      const csv = await download(organiser, csvButton);
      assert.match(csv.name, /\.csv$/, `CSV file name: ${csv.name}`);
      assert.ok(csv.text.endsWith('\r\n'), 'the CSV ends with CRLF');
      const records = parseCsv(csv.text, { crlf: true });
      assert.deepEqual(records[0], CSV_HEADER, 'CSV header');
      assert.equal(records.length, 2, `one response in the CSV, got ${records.length - 1}`);
      assert.deepEqual(records[1], [
        body.id, body.submitted_at, 'en', body.survey_version, body.started_at, '0',
        '4', '9', `'${WORKS_WELL}`, '',
        '1', '0', '0', '0', '0', '1',
        OTHER, '1',
        // The inclusion section, left unchosen: every one of its cells empty.
        ...CSV_HEADER.slice(CSV_HEADER.indexOf('inclusion_consent')).map(() => ''),
      ]);

      const jsonButton = organiser.getByRole('button', { name: 'Download JSON' });
      const json = await download(organiser, jsonButton);
      assert.match(json.name, /\.json$/, `JSON file name: ${json.name}`);
      const doc = JSON.parse(json.text.replace(/^\uFEFF/, ''));
      const responses = Array.isArray(doc) ? doc : doc.responses;
      assert.ok(Array.isArray(responses), 'the JSON export lists responses');
      assert.equal(responses.length, 1, 'one response in the JSON export');
      assert.deepEqual(responses[0], body, 'the exported response is the one sent');

      // The reload restarted the sender: the response, already sent, must not go again.
      assert.equal(fx.endpoint.posts.length, 1, 'still exactly one POST after the reload');
      assert.deepEqual(logs.pageErrors, [], 'no uncaught errors in the page');
    });
  });

  /**
   * Opens the widget with `params`, checks the respondent's short notice
   * (heading, count, no problem in detail) and its link, follows the link
   * and returns the organiser's page's lines of problems.
   */
  const noticeThenProblems = async (page, params, notice) => {
    await page.goto(widgetUrl(fx.site.url, params));
    const alert = page.locator('.suara-load-error[role=alert]');
    await alert.getByRole('heading', { name: notice.heading }).waitFor({ state: 'visible' });
    assert.equal(await page.getByRole('button', { name: /Submit|Kirim/ }).count(), 0, 'no form');
    const text = await alert.innerText();
    assert.ok(text.includes(notice.count), `the count: ${text}`);
    assert.equal(await alert.locator('li').count(), 0, 'no problem in detail for the respondent');
    assert.doesNotMatch(text, /\$\.|HTTP|https?:/, 'no JSON path, status or address for the respondent');
    const link = alert.getByRole('link', { name: notice.link });
    const href = new URL(await link.getAttribute('href'), page.url());
    assert.equal(href.pathname, '/organiser.html', 'the organiser page');
    for (const [key, value] of Object.entries(params)) {
      assert.equal(href.searchParams.get(key), value, `the link keeps ${key}`);
    }
    await link.click();
    await page.waitForURL(/\/organiser\.html\?/);
    const problems = page.locator('.suara-load-error[role=alert] li');
    await problems.first().waitFor({ state: 'visible' });
    return problems.allInnerTexts();
  };

  test('a broken survey file: a short notice for the respondent, every problem with its JSON path on the organiser page', { timeout: 60_000 }, async () => {
    const page = await fx.browser.context.newPage();
    try {
      const survey = `${fx.site.url}/broken-survey-id.json`;
      // What Survey::read_with reports for the fixture (see crates/domain/src/parse.rs).
      const paths = ['$.pages[0].questions[0].min', '$.pages[0].questions[1].kind', '$.pages[0].questions[2].id'];
      const en = await noticeThenProblems(page, { survey, lang: 'en' }, {
        heading: 'This survey cannot start',
        count: 'The survey or its settings have 5 problems.',
        link: "The survey's author can read them on the organiser's page",
      });
      assert.equal(en.length, 5, en.join('\n'));
      assert.equal(en[0], 'Page 1, question 1 (`stars`): `min` must be a whole number from 0 to 1, found 5 ($.pages[0].questions[0].min)');
      assert.match(en[2], /unknown question kind `favourite_colour`/);
      for (const p of paths) assert.ok(en.some((line) => line.includes(p)), `${p} is named`);
      const id = await noticeThenProblems(page, { survey, lang: 'id' }, {
        heading: 'Survei ini tidak dapat dimulai',
        count: 'Survei atau pengaturannya memiliki 5 masalah.',
        link: 'Penyusun survei dapat membacanya di halaman penyelenggara',
      });
      assert.equal(id.length, 5, id.join('\n'));
      assert.equal(id[0], 'Halaman 1, pertanyaan 1 (`stars`): `min` harus bilangan bulat dari 0 sampai 1, ternyata 5 ($.pages[0].questions[0].min)');
      for (const p of paths) assert.ok(id.some((line) => line.includes(p)), `${p} is named`);
      assert.deepEqual(fx.browser.logs.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await page.close();
    }
  });

  test('a survey address that answers a 404 or a web page: the organiser page says so, in the page language', { timeout: 60_000 }, async () => {
    // Regression: a missing file came back as the widget's page and read as
    // "not valid JSON: Unexpected token '<'", which says the file is broken.
    const page = await fx.browser.context.newPage();
    const one = {
      en: { heading: 'This survey cannot start', count: 'The survey or its settings have 1 problem.', link: "The survey's author can read them on the organiser's page" },
      id: { heading: 'Survei ini tidak dapat dimulai', count: 'Survei atau pengaturannya memiliki 1 masalah.', link: 'Penyusun survei dapat membacanya di halaman penyelenggara' },
    };
    try {
      const missing = `${fx.site.url}/no-such-survey.json`;
      assert.deepEqual(await noticeThenProblems(page, { survey: missing, lang: 'en' }, one.en), [
        `survey: the survey file was not found at ${missing} (HTTP 404): check the survey's address`,
      ]);
      assert.deepEqual(await noticeThenProblems(page, { survey: missing, lang: 'id' }, one.id), [
        `survey: berkas survei tidak ditemukan di ${missing} (HTTP 404): periksa alamat survei`,
      ]);
      const webPage = `${fx.site.url}/index.html`;
      assert.deepEqual(await noticeThenProblems(page, { survey: webPage, lang: 'en' }, one.en), [
        `survey: ${webPage} answered a web page, not a survey file: check the survey's address`,
      ]);
    } finally {
      await page.close();
    }
  });
});
