// End to end: the release an organiser hosts without Rust.
//
// `scripts/release.sh --no-build` packs dist/ (the build this run tests:
// scripts/test.sh builds it once for every end-to-end test) into a
// temporary folder; the archive is unpacked with tar into an empty folder
// and served as it is by a plain static server (files and their types, a
// 404 for anything else: no routes, no rewriting), with the one header a
// partner's page on another site needs (CORS). In headless Chromium:
// 1. the release's index.html answers its example survey
//    (surveys/first-survey.json) with a hidden value from the link, and the
//    endpoint receives the response;
// 2. README's complete embed snippet, on a partner's page on another
//    origin with only the release's address and an endpoint put in, mounts
//    the widget from widget.js and sends its response.
//
// Needs `bash scripts/build.sh` first (scripts/test.sh does it).

import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { DIST, ROOT, launchBrowser, pick, startEndpoint, startStaticServer } from './support.mjs';

const run = promisify(execFile);

/** Every file under `dir`, as paths relative to it, sorted. */
async function files(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await files(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** README's snippet for a partner's page: the html block after its sentence. */
async function readmeSnippet() {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const after = readme.split('The complete snippet for a partner\'s page')[1];
  assert.ok(after, "README has the complete snippet for a partner's page");
  const block = after.match(/```html\n([\s\S]*?)```/);
  assert.ok(block, 'an html block follows it');
  return block[1];
}

describe('the release archive, unpacked and served by a plain static server', () => {
  const fx = {};
  before(async () => {
    fx.tmp = await mkdtemp(path.join(os.tmpdir(), 'suara-release-'));
    const out = path.join(fx.tmp, 'out');
    const { stdout } = await run('bash', ['scripts/release.sh', '--no-build', '--dist', DIST, '--out', out], {
      cwd: ROOT,
      timeout: 120_000,
    });
    fx.archive = stdout.trim().split('\n').pop();
    fx.site = path.join(fx.tmp, 'site');
    await run('mkdir', ['-p', fx.site]);
    await run('tar', ['-xzf', fx.archive, '-C', fx.site]);
    const [top] = await readdir(fx.site);
    // What is inside the folder is the site, here at its root (and in a
    // folder of a site below).
    fx.top = path.join(fx.site, top);
    fx.server = await startStaticServer({ root: fx.top, headers: { 'Access-Control-Allow-Origin': '*' } });
    fx.endpoint = await startEndpoint();
    fx.browser = await launchBrowser();
  });
  after(async () => {
    for (const started of [fx.browser, fx.endpoint, fx.server]) await started?.close().catch(() => {});
    if (fx.tmp) await rm(fx.tmp, { recursive: true, force: true });
  });

  test('it is one folder with the stable names, everything dist/ has, the first survey and VERSION', async () => {
    const cargo = await readFile(path.join(ROOT, 'Cargo.toml'), 'utf8');
    const version = cargo.match(/^\[package\][^[]*?^version = "([^"]+)"/m)[1];
    assert.equal(path.basename(fx.archive), `suara-${version}.tar.gz`);
    assert.deepEqual(await readdir(fx.site), [`suara-${version}`], 'one folder at the top');
    const top = fx.top;
    const inside = await files(top);
    for (const name of ['index.html', 'organiser.html', 'widget.js', 'embed.html', 'frame.js', 'sw.js', 'VERSION', 'surveys/first-survey.json']) {
      assert.ok(inside.includes(name), `${name} in the release`);
    }
    for (const name of await files(DIST)) assert.ok(inside.includes(name), `dist/${name} in the release`);
    assert.match(await readFile(path.join(top, 'VERSION'), 'utf8'), new RegExp(`^${version.replace(/\./g, '\\.')}\ncommit [0-9a-f]{12}`));
    assert.equal(
      await readFile(path.join(top, 'surveys', 'first-survey.json'), 'utf8'),
      await readFile(path.join(ROOT, 'examples', 'first-survey.json'), 'utf8'),
    );
    assert.ok((await stat(path.join(top, 'index.html'))).size > 0);
  });

  test("its index.html answers the first survey, with the link's hidden value, to a local endpoint", { timeout: 90_000 }, async () => {
    const { page, logs } = fx.browser;
    const url = new URL('/', fx.server.url);
    url.search = new URLSearchParams({ survey: '/surveys/first-survey.json', endpoint: fx.endpoint.url, lang: 'en', posyandu: 'P12' });
    await page.goto(url.href);
    await pick(page.getByRole('radio', { name: 'Weighing my child', exact: true }), 'what they came for');
    await pick(page.getByRole('radio', { name: 'Yes', exact: true }), 'waited long');
    await page.getByLabel('What kept you waiting?').fill('The scale was broken');
    await pick(page.getByRole('radio', { name: '9', exact: true }), 'NPS 9');
    await page.getByRole('checkbox', { name: 'I agree that my answers are used to improve the posyandu' }).check();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const [post] = await fx.endpoint.waitForPosts(1);
    assert.equal(post.body.survey_id, 'posyandu-visit');
    assert.deepEqual(post.body.answers, {
      came_for: 'weighing',
      waited_long: true,
      wait_why: 'The scale was broken',
      recommend: 9,
      consent: true,
    });
    assert.deepEqual(post.body.hidden, { posyandu: 'P12' });
    await page.getByRole('heading', { name: 'Thank you! See you next month.' }).waitFor({ state: 'visible' });
    // Every file the page asked for was in the release.
    const missing = fx.server.requests.filter((r) => r.path !== '/favicon.ico' && !existsSync(path.join(fx.top, r.path)));
    assert.deepEqual(missing, [], 'no request outside the release');
    assert.deepEqual(logs.pageErrors, []);
  });

  test('in a folder of a site, not at its root, its pages start from their own folder', { timeout: 90_000 }, async () => {
    // The pages name their files relative to themselves (Trunk.toml's
    // public_url), so the unpacked folder works where it is put.
    const sub = await startStaticServer({ root: fx.site });
    try {
      const { page, logs } = fx.browser;
      const folder = `/${path.basename(fx.top)}/`;
      await page.goto(`${sub.url}${folder}?survey=surveys/first-survey.json&lang=en&posyandu=P12`);
      await page.getByRole('radio', { name: 'Weighing my child', exact: true }).waitFor({ state: 'visible' });
      await page.goto(`${sub.url}${folder}organiser.html?survey=surveys/first-survey.json&lang=en`);
      await page.getByRole('button', { name: /CSV/ }).first().waitFor({ state: 'visible' });
      const outside = sub.requests.filter((r) => r.path !== '/favicon.ico' && !r.path.startsWith(folder));
      assert.deepEqual(outside, [], 'every file from the folder');
      const missing = sub.requests.filter((r) => r.path.startsWith(folder) && !existsSync(path.join(fx.site, r.path)));
      assert.deepEqual(missing, [], 'every file asked for is in the release');
      assert.deepEqual(logs.pageErrors, []);
    } finally {
      await sub.close();
    }
  });

  test("README's embed snippet on a partner's page on another origin mounts the widget from the release and sends", { timeout: 90_000 }, async () => {
    const root = fx.server;
    const snippet = (await readmeSnippet())
      .replaceAll('https://surveys.example/responses', fx.endpoint.url)
      .replaceAll('https://surveys.example', root.url)
      .replace('data-lang="id"', 'data-lang="en"');
    assert.match(snippet, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/widget\.js"><\/script>/);
    const partner = await startStaticServer({
      root: fx.tmp,
      routes: {
        '/partner.html': {
          type: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head><body><h1>Our posyandu</h1>${snippet}</body></html>`,
        },
      },
    });
    try {
      const { page, logs } = fx.browser;
      const earlier = fx.endpoint.posts.length;
      await page.goto(`${partner.url}/partner.html`);
      const widget = page.locator('[data-suara]');
      await pick(widget.getByRole('radio', { name: 'A vaccination', exact: true }), 'what they came for');
      await widget.getByRole('checkbox', { name: 'I agree that my answers are used to improve the posyandu' }).check();
      await widget.getByRole('button', { name: 'Submit', exact: true }).click();
      const posts = await fx.endpoint.waitForPosts(earlier + 1);
      const body = posts[earlier].body;
      assert.equal(body.survey_id, 'posyandu-visit');
      assert.equal(body.answers.came_for, 'vaccine');
      assert.deepEqual(body.hidden, { posyandu: 'P12' }, "the snippet's data-posyandu");
      assert.ok(root.requests.some((r) => r.path === '/widget.js'), 'widget.js came from the release');
      assert.deepEqual(logs.pageErrors, []);
    } finally {
      await partner.close();
    }
  });
});
