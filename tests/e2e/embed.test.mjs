// End-to-end: the example host page (examples/embed.html) with a hostile
// stylesheet, under the strict CSP, sent as a header: two widgets by script
// tag with the same survey, one by the JavaScript API, and one iframe.
// Each widget renders whole (the host's styles do not reach into it), the
// host's own elements keep their styles (the widget's do not leak out),
// each submits its own response to its own endpoint, keeps its own draft,
// the page hears every event with the right details, no CSP violation is
// reported, the iframe's height follows its pages, and the frame speaks
// only to the origin its parent_origin names.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import {
  ROOT,
  answerBuiltIn,
  launchBrowser,
  next,
  pick,
  readStore,
  startEndpoint,
  startStaticServer,
  waitFor,
} from './support.mjs';

// Everything a careless or hostile theme does to a page's elements.
const HOSTILE = `
* { margin: 0 !important; padding: 0 !important; border: 0 !important; box-sizing: content-box !important;
    font-family: "Comic Sans MS", cursive !important; color: #f0f !important; line-height: 1 !important; }
html { font-size: 24px !important; }
button, input, select, textarea { all: unset !important; }
fieldset, legend, label { display: none !important; }
.suara, .suara * { display: none !important; }
`;

const fx = {};
const examples = (name) => readFile(path.join(ROOT, 'examples', name));

before(async () => {
  fx.festival = await startEndpoint();
  fx.again = await startEndpoint();
  const policy = (page) =>
    `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${new URL(fx.festival.url).origin} ${new URL(fx.again.url).origin}`;
  // The example as published, with this test's addresses and the hostile
  // stylesheet added last (so it wins wherever it can).
  const host = async (parentOrigin) =>
    (await examples('embed.html'))
      .toString()
      .replace('https://example.org/suara/festival', fx.festival.url)
      .replace('data-suara="festival-again" data-lang="id"', `data-suara="festival-again" data-lang="id" data-endpoint="${fx.again.url}"`)
      .replace('parent_origin=http://127.0.0.1:8080', `parent_origin=${parentOrigin}`)
      .replace('</head>', '<link rel="stylesheet" href="/hostile.css" /></head>');
  const routes = async (parentOrigin) => ({
    '/examples/embed.html': { body: await host(parentOrigin), type: 'text/html; charset=utf-8' },
    '/examples/embed.css': { body: await examples('embed.css'), type: 'text/css' },
    '/examples/embed.js': { body: await examples('embed.js'), type: 'text/javascript' },
    '/examples/embed-log.js': { body: await examples('embed-log.js'), type: 'text/javascript' },
    '/examples/three-languages.json': { body: await examples('three-languages.json'), type: 'application/json' },
    '/hostile.css': { body: HOSTILE, type: 'text/css' },
  });
  fx.site = await startStaticServer({ headers: { 'Content-Security-Policy': policy() } });
  for (const [p, spec] of Object.entries(await routes(fx.site.url))) fx.site.route(p, spec);
  // Another origin whose page frames the widget while naming the first
  // origin as the frame's parent: it must hear nothing.
  fx.other = await startStaticServer({ routes: {
    '/frames.html': {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><title>other</title><iframe data-suara-frame id="frame" title="survey" src="${fx.site.url}/embed.html?lang=en&parent_origin=${fx.site.url}"></iframe><script src="/listen.js"></script>`,
    },
    '/listen.js': { type: 'text/javascript', body: 'window.heard = []; addEventListener("message", (e) => window.heard.push(e.data));' },
  } });
  fx.browser = await launchBrowser();
  await fx.browser.context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));
    window.__events = [];
    for (const name of ['suara:ready', 'suara:page', 'suara:submitted', 'suara:sent', 'suara:error']) {
      document.addEventListener(name, (e) => window.__events.push({ type: e.type, target: e.target.id, detail: e.detail }), true);
    }
  });
});
after(async () => {
  for (const started of [fx.browser, fx.other, fx.site, fx.again, fx.festival]) await started?.close().catch(() => {});
});

const events = (page, type, target) =>
  page.evaluate(([type, target]) => window.__events.filter((e) => e.type === type && (!target || e.target === target)), [type, target]);

test('the example host page: hostile styles, strict CSP, several widgets, their events and the iframe', { timeout: 120_000 }, async () => {
  const page = await fx.browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 1400 });
  await page.goto(`${fx.site.url}/examples/embed.html`);
  const festival = page.locator('#festival');
  const again = page.locator('#festival-again');
  const api = page.locator('#from-api');
  await festival.getByRole('button', { name: 'Next', exact: true }).waitFor({ state: 'visible' });
  await again.getByRole('button', { name: 'Lanjut', exact: true }).waitFor({ state: 'visible' });
  await api.getByRole('heading', { level: 1 }).waitFor({ state: 'visible' });
  // Each widget's own (the frame's come on the <iframe>, below).
  const mine = async (type) => (await events(page, type)).filter((e) => e.target !== 'frame');
  await waitFor(async () => (await mine('suara:ready')).length === 3, { what: 'three widgets ready' });
  const ready = Object.fromEntries((await mine('suara:ready')).map((e) => [e.target, e.detail.survey]));
  assert.deepEqual(Object.keys(ready).sort(), ['festival', 'festival-again', 'from-api']);
  assert.equal(ready.festival, ready['festival-again'], 'the same survey twice');

  // The host's styles do not reach into the widgets.
  const inside = await festival.evaluate((host) => {
    const root = host.shadowRoot;
    const style = (sel) => getComputedStyle(root.querySelector(sel));
    const next = root.querySelector('.suara-nav button[type="submit"]');
    return {
      fieldset: style('fieldset').display,
      legend: style('legend').display,
      label: style('label').display,
      boxSizing: style('.suara').boxSizing,
      font: style('.suara').fontFamily,
      color: style('.suara-question__label, legend').color,
      buttonHeight: next.getBoundingClientRect().height,
      buttonPadding: getComputedStyle(next).paddingLeft,
    };
  });
  assert.notEqual(inside.fieldset, 'none');
  assert.notEqual(inside.legend, 'none');
  assert.notEqual(inside.label, 'none');
  assert.equal(inside.boxSizing, 'border-box');
  assert.doesNotMatch(inside.font, /Comic Sans/);
  assert.notEqual(inside.color, 'rgb(255, 0, 255)');
  assert.ok(inside.buttonHeight >= 44, `"Next" is a full touch target (${inside.buttonHeight} px)`);
  assert.notEqual(inside.buttonPadding, '0px');
  // The widget's styles do not reach the host: no stylesheet of the page
  // is the widget's, and the host's own button keeps its look.
  const outside = await page.evaluate(() => ({
    sheets: [...document.styleSheets].map((s) => s.href ?? 'inline').filter((h) => /suara/.test(h)),
    hostButton: getComputedStyle(document.querySelector('.host-button')).backgroundColor,
    rootVars: getComputedStyle(document.documentElement).getPropertyValue('--suara-accent'),
  }));
  assert.deepEqual(outside.sheets, []);
  // The host themes a widget through its custom properties on the mount
  // element (examples/embed.css), and only that widget.
  const accent = (widget) =>
    widget.evaluate((host) => getComputedStyle(host.shadowRoot.querySelector('.suara-button--primary')).backgroundColor);
  assert.equal(await accent(again), 'rgb(0, 109, 91)', 'the themed widget');
  assert.equal(await accent(festival), 'rgb(11, 92, 173)', 'the other keeps the default');
  assert.equal(outside.rootVars, '', 'no custom property at the root');

  await mkdir(path.join(ROOT, 'target', 'screenshots'), { recursive: true });
  // The top of the page, as README shows it (docs/embed-host-page.png).
  await page.screenshot({ path: path.join(ROOT, 'target', 'screenshots', 'embed-host-page.png') });

  // A draft each: typing in one widget leaves the other's answers alone.
  await festival.getByLabel('What works well?').fill('Shade and water');
  await waitFor(async () => {
    const drafts = await readStore(page, 'drafts');
    return drafts.some((d) => /#festival$/.test(d.survey_id));
  }, { what: "the first widget's draft" });
  assert.equal(await again.getByLabel('Apa yang sudah berjalan dengan baik?').inputValue(), '', 'the second widget is untouched');

  // Each submits its own response to its own endpoint.
  await answerBuiltIn(festival, { stars: 4, nps: 9 });
  await festival.getByRole('button', { name: 'Submit', exact: true }).click();
  await fx.festival.waitForPosts(1);
  await pick(again.getByRole('radio', { name: '2 dari 5 bintang', exact: true }), '2 stars');
  await pick(again.getByRole('radio', { name: '3', exact: true }), 'NPS 3');
  await next(again, 'Lanjut');
  await again.getByRole('checkbox', { name: 'Saya setuju jawaban saya digunakan oleh kemitraan' }).check();
  await next(again, 'Lanjut');
  await again.getByRole('button', { name: 'Kirim', exact: true }).click();
  await fx.again.waitForPosts(1);
  const first = fx.festival.posts[0].body;
  const second = fx.again.posts[0].body;
  assert.notEqual(first.id, second.id);
  assert.equal(first.answers.works_well, 'Shade and water');
  assert.equal(fx.festival.posts.length, 1, "the first endpoint got only the first widget's response");
  assert.equal(fx.again.posts.length, 1, "the second endpoint got only the second widget's response");
  await festival.getByText('Your response has been sent. Thank you!').waitFor({ state: 'visible' });

  // Every event, with its details, on its own widget.
  await waitFor(async () => (await mine('suara:sent')).length === 2, { what: 'two suara:sent events' });
  const by = async (type) => Object.fromEntries((await mine(type)).map((e) => [e.target, e.detail.id]));
  assert.deepEqual(await by('suara:submitted'), { festival: first.id, 'festival-again': second.id });
  assert.deepEqual(await by('suara:sent'), { festival: first.id, 'festival-again': second.id });
  const pages = (await events(page, 'suara:page', 'festival')).map((e) => e.detail);
  assert.deepEqual(pages.slice(0, 3), [
    { page: 'experience', number: 1, review: false },
    { page: 'participation', number: 2, review: false },
    { page: null, number: null, review: true },
  ]);

  // The API's handle unmounts its widget.
  await page.getByRole('button', { name: 'Remove this survey' }).click({ force: true });
  await waitFor(() => api.evaluate((el) => el.shadowRoot.querySelector('.suara') === null), { what: 'the API widget gone' });

  // The iframe grows and shrinks with its pages, and tells its events.
  const frame = page.locator('#frame');
  const height = () => frame.evaluate((f) => f.getBoundingClientRect().height);
  await waitFor(async () => (await height()) > 400, { what: 'the frame sized to its first page' });
  const tall = await height();
  const inner = page.frameLocator('#frame');
  await inner.getByRole('button', { name: 'Next', exact: true }).click();
  await inner.getByText('Please fix').first().waitFor({ state: 'visible' });
  await waitFor(async () => (await height()) !== tall, { what: 'the frame to follow the error summary' });
  const [frameReady] = await waitFor(async () => {
    const got = await events(page, 'suara:ready', 'frame');
    return got.length > 0 && got;
  }, { timeout: 40_000, what: "the frame's ready event on the iframe" });
  assert.equal(frameReady.detail.survey, ready.festival, "the frame's survey");

  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
  await page.close();
});

test("the frame tells nothing to a page that is not its parent_origin", { timeout: 60_000 }, async () => {
  const page = await fx.browser.context.newPage();
  await page.goto(`${fx.other.url}/frames.html`);
  const inner = page.frameLocator('#frame');
  await inner.getByRole('button', { name: 'Next', exact: true }).waitFor({ state: 'visible' });
  await inner.getByRole('button', { name: 'Next', exact: true }).click();
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.heard), [], 'no message reached the other origin');
  await page.close();
});

test("a broken embedded survey links to the organiser's page beside the widget, with whole addresses", { timeout: 60_000 }, async () => {
  const page = await fx.browser.context.newPage();
  await page.goto(`${fx.site.url}/examples/embed.html`);
  await page.locator('#festival').getByRole('button', { name: 'Next', exact: true }).waitFor({ state: 'visible' });
  await page.evaluate(async () => {
    const { mount } = await import('/widget.js');
    const el = document.createElement('div');
    el.id = 'broken';
    document.body.append(el);
    mount(el, { survey: 'no-such-survey.json', lang: 'en' });
  });
  const link = page.locator('#broken').getByRole('link');
  await link.waitFor({ state: 'visible' });
  const href = new URL(await link.getAttribute('href'));
  assert.equal(href.origin + href.pathname, `${fx.site.url}/organiser.html`);
  assert.equal(href.searchParams.get('survey'), `${fx.site.url}/examples/no-such-survey.json`, 'the survey address made whole');
  const [error] = await events(page, 'suara:error', 'broken');
  assert.equal(error.detail.details, href.href, 'suara:error names the same page');
  assert.equal(error.detail.problems, 1);
  await page.close();
});
