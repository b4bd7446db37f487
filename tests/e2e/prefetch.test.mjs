// End-to-end: each widget's survey file is fetched while the WebAssembly
// loads, not once it has started (embed/prefetch.js), on the stand-alone
// page, in an iframe page and by the script-tag embed; the widget uses
// that reply and asks no second time; and a survey file that cannot be
// fetched early still gets the widget's own words.
//
// How it can tell: the server holds back the wasm until the survey has been
// asked for. Without the early fetch the survey is asked for only after the
// wasm runs, so the wasm never comes and the widget never shows.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { DIST, ONE_QUESTION_SURVEY, launchBrowser, startStaticServer, waitFor } from './support.mjs';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const WASM = readdirSync(DIST).find((f) => /^suara-widget-[0-9a-f]+_bg\.wasm$/.test(f));
const survey = (title) => JSON.stringify({ ...ONE_QUESTION_SURVEY, id: `early-${title}`, title });

const fx = {};
before(async () => {
  assert.ok(WASM, 'dist/ has the widget\'s wasm');
  const wasm = readFileSync(path.join(DIST, WASM));
  fx.asked = [];
  fx.site = await startStaticServer({
    routes: {
      '/one.json': (req, res) => {
        fx.asked.push('/one.json');
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(survey('One'));
      },
      '/two.json': (req, res) => {
        fx.asked.push('/two.json');
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(survey('Two'));
      },
      '/missing.json': (req, res) => {
        fx.asked.push('/missing.json');
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      },
      // Held back until a survey was asked for (10 s at most, so a widget
      // that fetches late still fails by its missing title, not a hang).
      [`/${WASM}`]: async (req, res) => {
        fx.asked.push('wasm');
        await waitFor(() => fx.asked.some((a) => a.endsWith('.json')), { timeout: 10_000, what: 'a survey request' }).catch(() => {});
        fx.asked.push('wasm sent');
        res.writeHead(200, { 'Content-Type': 'application/wasm', 'Cache-Control': 'no-store' }).end(wasm);
      },
      '/two-widgets.html': {
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><title>Host</title></head><body>
<div data-suara="a" data-survey="/one.json" data-lang="en"></div>
<div data-suara="b" data-survey="two.json" data-lang="en"></div>
<div data-suara="c" data-survey="/one.json" data-lang="en"></div>
<script type="module" src="/widget.js"></script></body></html>`,
      },
    },
  });
  fx.browser = await launchBrowser({ contextOptions: { serviceWorkers: 'block' } });
});
after(async () => {
  await fx.browser?.close();
  await fx.site?.close();
});

async function open(url) {
  fx.asked.length = 0;
  const page = await fx.browser.context.newPage();
  const cdp = await fx.browser.context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(fx.site.url + url);
  return page;
}

for (const entry of ['/index.html', '/embed.html']) {
  test(`${entry}: the survey is asked for before the wasm arrives, once`, async () => {
    const page = await open(`${entry}?survey=/one.json&lang=en`);
    try {
      await page.getByRole('heading', { name: 'One' }).first().waitFor({ state: 'visible' });
      assert.deepEqual(fx.asked, ['wasm', '/one.json', 'wasm sent'], 'the survey while the wasm was held, and no second request');
    } finally {
      await page.close();
    }
  });
}

test('widget.js: each widget\'s survey is asked for early; two widgets with one survey share nothing but the file', async () => {
  const page = await open('/two-widgets.html');
  try {
    for (const [key, title] of [['a', 'One'], ['b', 'Two'], ['c', 'One']]) {
      await page.locator(`[data-suara="${key}"]`).getByRole('heading', { name: title }).first().waitFor({ state: 'visible' });
    }
    const surveys = fx.asked.filter((a) => a.endsWith('.json'));
    // One early request per address; the third widget, whose reply the
    // first took, asks again itself.
    assert.deepEqual(surveys.slice(0, 2).sort(), ['/one.json', '/two.json']);
    assert.ok(fx.asked.indexOf('/two.json') < fx.asked.indexOf('wasm sent'), 'both before the wasm was sent');
    assert.deepEqual(surveys.sort(), ['/one.json', '/one.json', '/two.json']);
  } finally {
    await page.close();
  }
});

test('a survey file that is not found, fetched early, is still named as not found', async () => {
  const page = await open('/index.html?survey=/missing.json&lang=en');
  try {
    await page.getByRole('alert').waitFor({ state: 'visible' });
    assert.match(await page.getByRole('alert').innerText(), /cannot start/i);
    assert.deepEqual(fx.asked, ['wasm', '/missing.json', 'wasm sent']);
  } finally {
    await page.close();
  }
});
