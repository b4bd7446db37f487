// End-to-end: the endpoint settings, against a fake endpoint on another
// port (so another origin: every POST is a cross-origin request).
//
// 1. `data-headers` and `data-wrap` on the mount element: the endpoint gets
//    the extra header and `{"data": <response>}`, after one CORS preflight.
// 2. `headers` in the page's URL is ignored: a link cannot add headers.
// 3. `request=simple`: a text/plain body with the id in it, no custom
//    header, and no preflight.
// 4. `timeout=1` against an endpoint that never answers: the response is
//    saved and "will be sent" shows within seconds, not after 20 s.
// 5. Bad settings stop the survey: the respondent's page counts them and
//    links to the organiser's page, which lists them, naming the setting.
//
// Each test serves dist/ on its own port, so each starts with empty storage
// and no response left from another test is sent to its endpoint.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import {
  DIST,
  launchBrowser,
  startEndpoint,
  startStaticServer,
  widgetUrl,
  answerBuiltIn,
  organiserOf,
} from './support.mjs';

const SENT = 'Your response has been sent. Thank you!';
const SAVED = 'Your response is saved on this device and will be sent when the connection is back.';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TOKEN = 'Bearer submit-only-token';

let browser;
let indexHtml;
let organiserHtml;
const cleanups = [];

before(async () => {
  indexHtml = await readFile(path.join(DIST, 'index.html'), 'utf8');
  assert.match(indexHtml, /<main id="suara">/, 'dist/index.html has the mount element');
  organiserHtml = await readFile(path.join(DIST, 'organiser.html'), 'utf8');
  assert.match(organiserHtml, /<main id="suara">/, 'dist/organiser.html has the mount element');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const close of cleanups) await close();
});

const escapeAttr = (value) => String(value).replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** The built page (the widget's, or `html`) with `data-*` attributes on its mount element. */
function pageWith(data, html = indexHtml) {
  const attrs = Object.entries(data)
    .map(([name, value]) => ` data-${name}="${escapeAttr(value)}"`)
    .join('');
  return html.replace('<main id="suara">', `<main id="suara"${attrs}>`);
}

/** A site of its own (so its own storage) and an endpoint of its own. */
async function setup(endpointOptions = {}) {
  const site = await startStaticServer();
  const endpoint = await startEndpoint(endpointOptions);
  cleanups.push(() => site.close(), () => endpoint.close());
  return { site, endpoint };
}

/** Serves the built page (or `html`) with `data-*` attributes at `route` on `site`. */
function servePage(site, route, data, html) {
  site.route(route, { body: pageWith(data, html), type: 'text/html; charset=utf-8' });
  return `${site.url}${route}`;
}

/** Fills in the built-in survey's required questions and submits. */
async function answerAndSubmit(page) {
  await answerBuiltIn(page, { stars: 4, nps: 9 });
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
}

const preflights = (endpoint) => endpoint.requests.filter((r) => r.method === 'OPTIONS');

function assertResponse(response, what) {
  assert.equal(typeof response, 'object', `${what} is an object`);
  assert.match(response.id, UUID_V4, `${what} has a UUID v4 id`);
  assert.equal(response.survey_id, 'community-partnership-feedback', `${what} has the survey id`);
  assert.deepEqual(
    response.answers,
    { satisfaction: 4, recommend: 9, consent: true },
    `${what} has the answers`,
  );
}

test('data-headers and data-wrap: the extra header and {"data": response}, after one preflight', { timeout: 60_000 }, async () => {
  const { site, endpoint } = await setup({ allowHeaders: 'content-type, idempotency-key, authorization' });
  const url = servePage(site, '/embedded.html', {
    endpoint: endpoint.url,
    headers: JSON.stringify({ Authorization: TOKEN }),
    wrap: 'data',
    lang: 'en',
  });
  const page = await browser.context.newPage();
  try {
    await page.goto(url);
    await answerAndSubmit(page);
    await page.getByRole('status').filter({ hasText: SENT }).waitFor({ state: 'visible' });

    assert.equal(endpoint.posts.length, 1, 'one POST');
    const [post] = endpoint.posts;
    assert.equal(post.headers.authorization, TOKEN, 'the extra header arrives');
    assert.equal(post.contentType, 'application/json');
    assert.deepEqual(Object.keys(post.body), ['data'], 'the body is the response wrapped in `data`');
    assertResponse(post.body.data, 'body.data');
    assert.equal(post.idempotencyKey, post.body.data.id, 'the Idempotency-Key is the response id');

    const options = preflights(endpoint);
    assert.equal(options.length, 1, 'one CORS preflight');
    assert.equal(
      options[0].headers['access-control-request-headers'],
      'authorization,content-type,idempotency-key',
      'the preflight asks for exactly these headers',
    );
  } finally {
    await page.close();
  }
});

test('headers in the page URL are ignored: a link cannot add headers', { timeout: 60_000 }, async () => {
  const { site, endpoint } = await setup();
  const page = await browser.context.newPage();
  try {
    await page.goto(
      widgetUrl(site.url, {
        endpoint: endpoint.url,
        headers: JSON.stringify({ 'X-From-Link': 'yes' }),
        lang: 'en',
      }),
    );
    await answerAndSubmit(page);
    await page.getByRole('status').filter({ hasText: SENT }).waitFor({ state: 'visible' });

    assert.equal(endpoint.posts.length, 1, 'one POST');
    const [post] = endpoint.posts;
    assert.equal(post.headers['x-from-link'], undefined, 'no header from the URL');
    assertResponse(post.body, 'the body');
    assert.equal(post.idempotencyKey, post.body.id);
    const options = preflights(endpoint);
    assert.equal(options.length, 1, 'one CORS preflight in the default mode');
    assert.equal(options[0].headers['access-control-request-headers'], 'content-type,idempotency-key');
  } finally {
    await page.close();
  }
});

test('request=simple: a text/plain body with the id, no custom header, no preflight', { timeout: 60_000 }, async () => {
  const { site, endpoint } = await setup();
  const page = await browser.context.newPage();
  try {
    await page.goto(widgetUrl(site.url, { endpoint: endpoint.url, request: 'simple', lang: 'en' }));
    await answerAndSubmit(page);
    await page.getByRole('status').filter({ hasText: SENT }).waitFor({ state: 'visible' });

    assert.equal(endpoint.posts.length, 1, 'one POST');
    const [post] = endpoint.posts;
    assert.equal(post.contentType, 'text/plain;charset=UTF-8');
    assert.equal(post.idempotencyKey, null, 'no Idempotency-Key header');
    assert.equal(post.parseError, null, 'the text/plain body is JSON');
    assertResponse(post.body, 'the body');
    assert.deepEqual(preflights(endpoint), [], 'no CORS preflight');
    assert.deepEqual(
      endpoint.requests.map((r) => r.method),
      ['POST'],
      'the POST is the only request',
    );
  } finally {
    await page.close();
  }
});

test('timeout=1 against an endpoint that never answers: saved, "will be sent" within seconds', { timeout: 60_000 }, async () => {
  const { site, endpoint } = await setup({ respond: () => 'hang' });
  const page = await browser.context.newPage();
  try {
    await page.goto(widgetUrl(site.url, { endpoint: endpoint.url, timeout: '1', lang: 'en' }));
    const started = Date.now();
    await answerAndSubmit(page);
    const status = page.getByRole('status').filter({ hasText: SAVED });
    await status.waitFor({ state: 'visible', timeout: 8_000 });
    const took = Date.now() - started;
    assert.ok(took < 8_000, `"will be sent" showed after ${took} ms`);
    assert.ok(endpoint.posts.length >= 1, 'the endpoint got the POST it never answered');
    assertResponse(endpoint.posts[0].body, 'the body');
    await (await organiserOf(page)).getByText('Waiting to send: 1. Sent: 0. Needs attention: 0.').waitFor({ state: 'visible' });
  } finally {
    await page.close();
  }
});

test('bad endpoint settings: the respondent sees how many, the organiser page lists them, naming the setting', { timeout: 60_000 }, async () => {
  const { site, endpoint } = await setup();
  // The respondent's page: a short notice, no form, and a link to the
  // organiser's page with the settings that can be in a URL.
  const noticeOf = async (url, count) => {
    const page = await browser.context.newPage();
    try {
      await page.goto(url);
      const alert = page.locator('.suara-load-error[role=alert]');
      await alert.getByRole('heading', { name: 'This survey cannot start' }).waitFor({ state: 'visible' });
      assert.equal(await page.getByRole('button', { name: 'Submit' }).count(), 0, 'no form');
      assert.ok((await alert.innerText()).includes(`The survey or its settings have ${count}.`), await alert.innerText());
      assert.equal(await alert.locator('li').count(), 0, 'no problem in detail');
      const href = await alert.getByRole('link', { name: "The survey's author can read them on the organiser's page" }).getAttribute('href');
      return new URL(href, page.url());
    } finally {
      await page.close();
    }
  };
  // The organiser's page, embedded with the same attributes: every problem.
  const problemsOf = async (url) => {
    const page = await browser.context.newPage();
    try {
      await page.goto(url);
      const alert = page.locator('.suara-load-error[role=alert]');
      await alert.waitFor({ state: 'visible' });
      return await alert.locator('li').allInnerTexts();
    } finally {
      await page.close();
    }
  };
  const array = {
    endpoint: endpoint.url,
    headers: '["Authorization", "Bearer x"]',
    lang: 'en',
  };
  const reserved = {
    endpoint: endpoint.url,
    headers: '{"Content-Type": "text/html", "X Bad": "1"}',
    request: 'simple',
    lang: 'en',
  };
  const notJson = { endpoint: endpoint.url, headers: '{"Authorization": ', lang: 'en' };
  const both = (route, data) => [servePage(site, `${route}.html`, data), servePage(site, `${route}-organiser.html`, data, organiserHtml)];

  // timeout and wrap come from the URL, headers from the mount element.
  const [arrayPage, arrayOrganiser] = both('/array', array);
  const link = await noticeOf(`${arrayPage}?timeout=0&wrap=a.b`, '3 problems');
  assert.equal(link.pathname, '/organiser.html');
  assert.deepEqual(
    Object.fromEntries(link.searchParams),
    { endpoint: endpoint.url, timeout: '0', wrap: 'a.b', lang: 'en' },
    'the link carries the settings a URL may hold, never headers',
  );
  assert.deepEqual(await problemsOf(`${arrayOrganiser}?timeout=0&wrap=a.b`), [
    'timeout: must be a whole number of seconds from 1 to 120',
    'wrap: must be a field name of 1 to 64 ASCII letters, digits, _ or -',
    'headers: not a JSON object of strings',
  ]);
  // The link itself, on the stand-alone organiser page: what a URL says.
  assert.deepEqual(await problemsOf(link.href), [
    'timeout: must be a whole number of seconds from 1 to 120',
    'wrap: must be a field name of 1 to 64 ASCII letters, digits, _ or -',
  ]);
  const [reservedPage, reservedOrganiser] = both('/reserved', reserved);
  await noticeOf(reservedPage, '3 problems');
  assert.deepEqual(await problemsOf(reservedOrganiser), [
    'headers: "Content-Type" is set by Suara',
    'headers: "X Bad" is not a valid header name',
    'request: simple mode sends no custom headers: remove headers',
  ]);
  const [notJsonPage, notJsonOrganiser] = both('/not-json', notJson);
  await noticeOf(notJsonPage, '1 problem');
  const problems = await problemsOf(notJsonOrganiser);
  assert.equal(problems.length, 1, `one problem: ${JSON.stringify(problems)}`);
  assert.match(problems[0], /^headers: not valid JSON: \S/, 'the browser says why');
  // The same problems in Indonesian, worded on the organiser's page from
  // the same typed problems as a survey file's.
  const [, reservedIdOrganiser] = both('/reserved-id', { ...reserved, lang: 'id' });
  assert.deepEqual(await problemsOf(reservedIdOrganiser), [
    'headers: "Content-Type" diisi oleh Suara',
    'headers: "X Bad" bukan nama header yang sah',
    'request: mode simple tidak mengirim header tambahan: hapus headers',
  ]);
  const inIndonesian = new URL(link.href);
  inIndonesian.searchParams.set('lang', 'id');
  assert.deepEqual(await problemsOf(inIndonesian.href), [
    'timeout: harus bilangan bulat detik dari 1 sampai 120',
    'wrap: harus nama kolom dari 1 sampai 64 huruf ASCII, angka, _ atau -',
  ]);
  const schemePage = servePage(site, '/scheme.html', { endpoint: 'javascript:alert(1)', lang: 'en' });
  await noticeOf(schemePage, '1 problem');
  const [, schemeOrganiser] = both('/scheme-id', { endpoint: 'javascript:alert(1)', lang: 'id' });
  assert.deepEqual(await problemsOf(schemeOrganiser), [
    'endpoint: `javascript:alert(1)` memakai `javascript:`; hanya alamat http dan https yang diterima',
  ]);
  assert.equal(endpoint.requests.length, 0, 'nothing was sent');
});
