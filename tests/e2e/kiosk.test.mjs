// End-to-end: kiosk mode (kiosk.html), one tablet for many people.
//
// Timings come from the page's settings (idle=10, the shortest allowed;
// warning and thanks at their defaults, 30 and 10 s) and are made short
// only by moving the page's clock (Playwright's page.clock): the product
// has no setting for tests.
//
// 1. The organiser chooses the PIN before the first person; a person picks
//    English on the start screen, types a unique string; "Are you still
//    there?" comes after `idle`, "I need more time" gives a new period
//    (pressed ten times), and no answer resets to the start screen; the
//    string is then nowhere in the DOM, in IndexedDB or in a heap snapshot
//    of the page's JS heap (CDP HeapProfiler). Two people in two languages
//    give two responses, each with its locale and id; the thank-you counts
//    down to the start screen, or "Done" skips it. Wrong PINs are refused
//    and the wait grows after five; the right PIN opens the panel, whose
//    CSV holds both responses. The forgotten-PIN recovery on the
//    organiser's page keeps every response.
// 2. partial=keep: a person who leaves is kept as one partial response,
//    sent once.
// 3. A reload in the middle of a person's answers does not bring them back.
// 4. Offline: after one online visit the kiosk starts and collects with no
//    network, and sends once the network is back.
// 5. axe-core on the start screen, the dialog, the thank-you and the PIN
//    screens; screenshots at 1280x800, 800x1280 and 390x844 of the start
//    screen, a question, the dialog and the panel (target/kiosk-shots/).
// Needs the release build (bash scripts/build.sh).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import {
  DIST,
  ROOT,
  goOffline,
  launchBrowser,
  parseCsv,
  pick,
  readStore,
  startEndpoint,
  startStaticServer,
  waitFor,
  waitUntilCached,
} from './support.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const SHOTS = path.join(ROOT, 'target', 'kiosk-shots');
const PIN = '246810';

const SURVEY = {
  format: 1,
  id: 'kiosk-check',
  version: '1',
  title: { en: 'Village hall feedback', id: 'Umpan balik balai desa' },
  default_locale: 'en',
  locales: ['en', 'id'],
  review: false,
  pages: [
    {
      id: 'one',
      questions: [
        {
          id: 'came',
          kind: 'single_choice',
          required: true,
          label: { en: 'How did you come today?', id: 'Datang dengan apa hari ini?' },
          options: [
            { value: 'walk', label: { en: 'On foot', id: 'Jalan kaki' } },
            { value: 'bus', label: { en: 'By bus', id: 'Naik bus' } },
          ],
        },
        { id: 'note', kind: 'long_text', label: { en: 'Anything to tell us?', id: 'Ada yang ingin disampaikan?' } },
      ],
    },
  ],
};

const EN = {
  more: 'I need more time',
  still: 'Are you still there?',
  choosePin: "Choose the organiser's PIN",
  pin: "Organiser's PIN",
  panel: "Organiser's panel",
};

async function setup(t, { kiosk = {}, endpoint: withEndpoint = true } = {}) {
  assert.ok(existsSync(path.join(DIST, 'kiosk.html')), 'no dist/kiosk.html: run bash scripts/build.sh first');
  const site = await startStaticServer({
    routes: {
      '/surveys/hall.json': { body: JSON.stringify(SURVEY), type: 'application/json' },
      '/surveys/three.json': { body: await readFile(path.join(ROOT, 'examples/three-languages.json')), type: 'application/json' },
    },
  });
  const endpoint = await startEndpoint();
  const browser = await launchBrowser();
  t.after(async () => {
    const errors = browser.logs.console.filter((line) => line.startsWith('error'));
    if (errors.length) t.diagnostic('browser console errors:\n  ' + errors.join('\n  '));
    await browser.close();
    await site.close();
    await endpoint.close();
  });
  const url = new URL('/kiosk.html', site.url);
  url.searchParams.set('survey', '/surveys/hall.json');
  if (withEndpoint) url.searchParams.set('endpoint', endpoint.url);
  url.searchParams.set('lang', 'en');
  url.searchParams.set('idle', '10');
  for (const [k, v] of Object.entries(kiosk)) url.searchParams.set(k, v);
  const page = browser.page;
  await page.clock.install();
  return { site, endpoint, browser, page, url: url.href };
}

/** Chooses the organiser's PIN on the first start. */
async function choosePin(page, pin = PIN) {
  await page.getByRole('heading', { name: EN.choosePin }).waitFor();
  await page.getByLabel('PIN (4 to 12 digits)').fill(pin);
  await page.getByLabel('The same PIN again').fill(pin);
  await page.getByRole('button', { name: 'Save the PIN and start' }).click();
  await startScreen(page);
}

/** Waits for the start screen. */
async function startScreen(page) {
  await page.getByRole('button', { name: 'English', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Bahasa Indonesia', exact: true }).waitFor();
}

/** Moves the page's clock on by `ms` and lets the kiosk's timer see it. */
async function later(page, ms) {
  await page.clock.fastForward(ms);
  await page.clock.runFor(600);
}

async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`));
}

/** Every string in a heap snapshot of the page's JS heap, as one text. */
async function heapSnapshot(page) {
  const cdp = await page.context().newCDPSession(page);
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return chunks.join('');
}

/** Every record of both stores, as text. */
async function storeText(page) {
  return JSON.stringify([await readStore(page, 'responses'), await readStore(page, 'drafts')]);
}

/** The organiser's tab beside the kiosk, on the same settings. */
async function organiserTab(page, url) {
  const o = await page.context().newPage();
  const u = new URL(url);
  u.pathname = '/organiser.html';
  u.searchParams.delete('mode');
  await o.goto(u.href);
  await o.getByRole('heading', { name: 'Responses on this device' }).waitFor();
  return o;
}

test('a kiosk day: PIN, idle reset without a trace, two people, throttled PIN, panel and recovery', { timeout: 240_000 }, async (t) => {
  const { endpoint, page, url } = await setup(t);
  await page.goto(url);
  // Before any respondent: the organiser's PIN (axe on the PIN screen).
  await page.getByRole('heading', { name: EN.choosePin }).waitFor();
  assert.deepEqual(await violations(page), [], 'axe on the PIN screen');
  // Two different PINs are refused.
  await page.getByLabel('PIN (4 to 12 digits)').fill(PIN);
  await page.getByLabel('The same PIN again').fill('1111');
  await page.getByRole('button', { name: 'Save the PIN and start' }).click();
  await page.getByText('The two PINs differ.').waitFor();
  await choosePin(page);
  const kept = await page.evaluate(() => localStorage.getItem('suara-kiosk-pin'));
  assert.ok(!kept.includes(PIN), 'the PIN itself is not kept');
  assert.equal(JSON.parse(kept).kdf, 'PBKDF2-SHA-256');
  assert.deepEqual(await violations(page), [], 'axe on the start screen');

  // A person starts in English and types something unique.
  const UNIQUE = `kiosk-secret-${Date.now()}-zq`;
  await page.getByRole('button', { name: 'English', exact: true }).click();
  const note = page.getByLabel('Anything to tell us?');
  await note.fill(UNIQUE);
  const firstId = await page.evaluate(() => document.querySelector('.suara-survey')?.isConnected);
  assert.ok(firstId, 'the form shows');

  // Idle: the dialog after `idle`, "I need more time" ten times.
  const dialog = page.getByRole('alertdialog', { name: EN.still });
  await later(page, 5_000);
  assert.equal(await dialog.isVisible(), false, 'no dialog before idle');
  for (let i = 0; i < 10; i++) {
    await later(page, 10_000);
    await dialog.waitFor({ state: 'visible' });
    await waitFor(() => page.evaluate(() => document.activeElement?.textContent === 'I need more time'), { what: 'focus in the dialog' });
    if (i === 0) {
      assert.match(await dialog.getByRole('timer').textContent(), /cleared for the next person in [12]?\d seconds/);
      assert.deepEqual(await violations(page), [], 'axe on the dialog');
    }
    await dialog.getByRole('button', { name: EN.more }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await note.inputValue(), UNIQUE, `press ${i + 1}: the answers stay`);
  }
  // No answer within `warning` (30 s): the reset.
  await later(page, 10_000);
  await dialog.waitFor({ state: 'visible' });
  await later(page, 15_000);
  assert.match(await dialog.getByRole('timer').textContent(), /in 1[3-5] seconds/, 'the countdown shows');
  await later(page, 16_000);
  await startScreen(page);
  assert.equal(await dialog.isVisible(), false);
  // No trace of the person: DOM, IndexedDB, JS heap.
  assert.ok(!(await page.content()).includes(UNIQUE), 'not in the DOM');
  assert.ok(!(await storeText(page)).includes(UNIQUE), 'not in IndexedDB');
  await page.evaluate(() => { globalThis.__heapProbe = ['heap', 'probe', 'control'].join('-'); });
  const heap = await heapSnapshot(page);
  assert.ok(heap.includes('heap-probe-control'), 'the heap snapshot holds the page\'s strings (the search can find one)');
  assert.ok(!heap.includes(UNIQUE), 'not in the JS heap');
  assert.equal(endpoint.posts.length, 0, 'partial=discard (the default) sends nothing');

  // Two people in two languages.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await pick(page.getByRole('radio', { name: 'By bus', exact: true }), 'By bus');
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  const nextIn = page.getByRole('timer');
  assert.match(await nextIn.textContent(), /The next person can start in (9|10) seconds/);
  assert.deepEqual(await violations(page), [], 'axe on the thank-you');
  await later(page, 4_000);
  assert.match(await nextIn.textContent(), /in [4-6] seconds/, 'it counts down');
  await later(page, 6_000);
  await startScreen(page);

  await page.getByRole('button', { name: 'Bahasa Indonesia', exact: true }).click();
  await pick(page.getByRole('radio', { name: 'Jalan kaki', exact: true }), 'Jalan kaki');
  await page.getByLabel('Ada yang ingin disampaikan?').fill('Ramai sekali');
  await page.getByRole('button', { name: 'Kirim', exact: true }).click();
  await page.getByRole('heading', { name: 'Terima kasih' }).waitFor();
  await page.getByRole('button', { name: 'Selesai', exact: true }).click();
  await startScreen(page);
  await endpoint.waitForPosts(2);
  const bodies = endpoint.posts.map((p) => p.body);
  assert.deepEqual(bodies.map((b) => b.locale), ['en', 'id']);
  assert.notEqual(bodies[0].id, bodies[1].id, 'a new response id for each person');
  assert.deepEqual(bodies.map((b) => b.answers), [{ came: 'bus' }, { came: 'walk', note: 'Ramai sekali' }]);
  assert.ok(bodies.every((b) => !('partial' in b)));

  // The PIN behind the keyboard shortcut: wrong ones refused, the wait grows.
  await page.keyboard.press('Control+Alt+o');
  const pinField = page.getByLabel(EN.pin);
  await pinField.waitFor();
  assert.deepEqual(await violations(page), [], 'axe on the PIN entry');
  const tryPin = async (pin) => {
    await pinField.fill(pin);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
  };
  const alert = page.locator('.suara-kiosk__pin .suara-alert');
  // The organiser waits out the throttle at the PIN screen, pressing a key
  // now and then (the PIN screen, too, closes after idle and warning).
  const waitActive = async (ms) => {
    for (let left = ms; left > 0; left -= 8_000) {
      await later(page, Math.min(8_000, left));
      await page.keyboard.press('Shift');
    }
  };
  const failures = () => page.evaluate(() => localStorage.getItem('suara-kiosk-pin-failures') ?? '');
  for (let i = 1; i <= 4; i++) {
    await tryPin('0000');
    await waitFor(async () => (await failures()).startsWith(`${i} `), { what: `wrong PIN ${i} counted` });
    assert.equal(await alert.textContent(), 'Wrong PIN.', `wrong PIN ${i}: refused, no wait yet`);
  }
  await tryPin('0000');
  await waitFor(async () => /try again in 30 seconds/.test(await alert.textContent()), { what: 'a wait of 30 s after the fifth' });
  await tryPin(PIN);
  await waitFor(async () => /try again in (29|30) seconds/.test(await alert.textContent()), { what: 'even the right PIN waits' });
  assert.equal(await page.getByRole('heading', { name: EN.panel }).count(), 0);
  await waitActive(31_000);
  await tryPin('9999');
  await waitFor(async () => /try again in 60 seconds/.test(await alert.textContent()), { what: 'the wait grows to 60 s' });
  await waitActive(61_000);
  await tryPin(PIN);
  await page.getByRole('heading', { name: EN.panel }).waitFor();
  assert.match(await page.locator('.suara-kiosk__today').textContent(), /^2 stored today$/);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const records = parseCsv((await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, ''));
  assert.equal(records.length, 3, 'the header and both responses');
  assert.deepEqual(records.slice(1).map((r) => r[0]).sort(), bodies.map((b) => b.id).sort());
  assert.equal(records[0][5], 'partial');
  await page.getByRole('button', { name: 'Back to the kiosk' }).click();
  await startScreen(page);

  // The press of three seconds on the top corner opens the PIN screen too.
  await page.mouse.move(8, 8);
  await page.mouse.down();
  await later(page, 1_500);
  assert.equal(await pinField.count(), 0, 'not before three seconds');
  await later(page, 2_000);
  await pinField.waitFor();
  await page.mouse.up();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Forgotten PIN: the organiser's page forgets it; every response stays.
  const organiser = await organiserTab(page, url);
  organiser.on('dialog', (d) => d.accept());
  await organiser.getByRole('button', { name: "Forget this device's kiosk PIN" }).click();
  await organiser.getByText('The kiosk PIN is forgotten').waitFor();
  await page.reload();
  await page.getByRole('heading', { name: EN.choosePin }).waitFor();
  await choosePin(page, '13579');
  const stored = await readStore(page);
  assert.deepEqual(stored.map((r) => r.response.id).sort(), bodies.map((b) => b.id).sort(), 'every response kept');
  await organiser.reload();
  await organiser.getByText('2 responses stored on this device').waitFor();
});

test('partial=keep: a person who leaves is kept as one partial response, sent once', { timeout: 120_000 }, async (t) => {
  const { endpoint, page, url } = await setup(t, { kiosk: { partial: 'keep' } });
  await page.goto(url);
  await choosePin(page);
  await page.getByRole('button', { name: 'Bahasa Indonesia', exact: true }).click();
  await page.getByLabel('Ada yang ingin disampaikan?').fill('Saya pergi dulu');
  await later(page, 10_000);
  await page.getByRole('alertdialog').waitFor();
  await later(page, 31_000);
  await startScreen(page);
  const [post] = await endpoint.waitForPosts(1);
  assert.equal(post.body.partial, true);
  assert.equal(post.body.locale, 'id');
  assert.deepEqual(post.body.answers, { note: 'Saya pergi dulu' }, 'the valid answers, the required one missing');
  assert.ok(!(await page.content()).includes('Saya pergi dulu'), 'not on screen');
  // Time passes, the senders run: it is not sent again.
  for (let i = 0; i < 3; i++) await later(page, 31_000);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(endpoint.posts.length, 1, 'sent once');
  const stored = await readStore(page);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].status, 'sent');
  assert.equal(stored[0].response.partial, true);
  // The next person starts afresh, with a new id.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  assert.equal(await page.getByLabel('Anything to tell us?').inputValue(), '');
});

test('a reload in the middle of a person\'s answers does not bring them back', { timeout: 90_000 }, async (t) => {
  const { page, url } = await setup(t);
  await page.goto(url);
  await choosePin(page);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await pick(page.getByRole('radio', { name: 'On foot', exact: true }), 'On foot');
  await page.getByLabel('Anything to tell us?').fill('half-way through');
  await page.reload();
  await startScreen(page);
  assert.ok(!(await page.content()).includes('half-way through'));
  assert.deepEqual(await readStore(page, 'drafts'), [], 'no draft');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  assert.equal(await page.getByLabel('Anything to tell us?').inputValue(), '');
  assert.equal(await page.getByRole('radio', { name: 'On foot', exact: true }).isChecked(), false);
});

test('offline: the kiosk starts and collects with the network off, and sends once it is back', { timeout: 120_000 }, async (t) => {
  const { site, endpoint, browser, page, url } = await setup(t);
  await page.goto(url);
  await choosePin(page);
  // The one online visit: the service worker keeps the page and the survey.
  await waitUntilCached(page, 'kiosk.html', ['/kiosk.html', '/surveys/hall.json']);
  await goOffline(site, browser);
  await page.reload();
  await startScreen(page);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await pick(page.getByRole('radio', { name: 'By bus', exact: true }), 'By bus');
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await startScreen(page);
  assert.equal(endpoint.posts.length, 0);
  assert.equal((await readStore(page)).length, 1, 'stored on the device');
  await browser.context.setOffline(false);
  const [post] = await endpoint.waitForPosts(1);
  assert.deepEqual(post.body.answers, { came: 'bus' });
  await later(page, 31_000);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(endpoint.posts.length, 1, 'sent once');
});

test('the organiser\'s corner is the top corner where the page starts: the right one in Arabic', { timeout: 90_000 }, async (t) => {
  const { page, url } = await setup(t, { kiosk: { survey: '/surveys/three.json', lang: 'ar' } });
  await page.goto(url);
  // The PIN is chosen in Arabic, the page's language: found by its fields.
  const pin = page.locator('.suara-kiosk__pin');
  await pin.locator('input').first().waitFor();
  assert.equal(await pin.getAttribute('dir'), 'rtl');
  await pin.locator('input').nth(0).fill(PIN);
  await pin.locator('input').nth(1).fill(PIN);
  await pin.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'العربية', exact: true }).waitFor();
  const width = page.viewportSize().width;
  const corner = await page.locator('.suara-kiosk__corner').boundingBox();
  assert.ok(corner && corner.y === 0 && Math.round(corner.x + corner.width) === width, `top right: ${JSON.stringify(corner)}`);
  // A press there of three seconds opens the PIN screen; at the left, nothing.
  await page.mouse.move(8, 8);
  await page.mouse.down();
  await later(page, 3_500);
  await page.mouse.up();
  assert.equal(await pin.count(), 0, 'the top left corner is not the organiser\'s in Arabic');
  await page.mouse.move(width - 8, 8);
  await page.mouse.down();
  await later(page, 3_500);
  await pin.locator('input').first().waitFor();
  await page.mouse.up();
});

test('a misspelt mode stops the respondent\'s widget, and the organiser\'s page names the setting', { timeout: 60_000 }, async (t) => {
  const { page, site } = await setup(t);
  const url = new URL('/index.html', site.url);
  url.searchParams.set('lang', 'en');
  url.searchParams.set('mode', 'kisok');
  await page.goto(url.href);
  await page.getByRole('heading', { name: 'This survey cannot start' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/index.html', 'not taken for kiosk mode');
  await page.getByRole('link').first().click();
  await page.getByText('mode: must be kiosk (or left out)').first().waitFor();
  // Kiosk mode's own page the same way, with a wrong idle.
  const kiosk = new URL('/kiosk.html', site.url);
  kiosk.searchParams.set('lang', 'en');
  kiosk.searchParams.set('idle', '5');
  await page.goto(kiosk.href);
  await page.getByRole('heading', { name: 'This survey cannot start' }).waitFor();
  // A kiosk's links open nothing (a respondent must not reach the
  // organiser's page from it): the organiser opens the address it names.
  const link = page.getByRole('link').first();
  await link.click();
  assert.equal(new URL(page.url()).pathname, '/kiosk.html', 'the link opens nothing on the kiosk');
  const named = new URL(await link.getAttribute('href'), page.url());
  assert.deepEqual(named.searchParams.getAll('mode'), ['kiosk'], 'the link names kiosk mode once');
  assert.equal(named.searchParams.get('idle'), '5');
  await page.goto(named.href);
  await page.getByText('idle: must be a whole number of seconds from 10 to 3600').first().waitFor();
  // Given `mode=kiosk` too (the respondent's page forwards it so), the
  // link still names it once.
  kiosk.searchParams.set('mode', 'kiosk');
  await page.goto(kiosk.href);
  await page.getByRole('heading', { name: 'This survey cannot start' }).waitFor();
  const again = new URL(await page.getByRole('link').first().getAttribute('href'), page.url());
  assert.deepEqual(again.searchParams.getAll('mode'), ['kiosk'], 'a given mode is named once');
});

test('screenshots of the start screen, a question, the dialog and the panel', { timeout: 180_000 }, async (t) => {
  const { page, url } = await setup(t);
  await mkdir(SHOTS, { recursive: true });
  await page.goto(url);
  await choosePin(page);
  for (const [w, h] of [[1280, 800], [800, 1280], [390, 844]]) {
    await page.setViewportSize({ width: w, height: h });
    const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${name}-${w}x${h}.png`) });
    await startScreen(page);
    const target = await page.getByRole('button', { name: 'English', exact: true }).boundingBox();
    assert.ok(target.height >= 48 && target.width >= 48, `a touch target of 48 px at least (${target.width}x${target.height})`);
    await shot('start');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByLabel('Anything to tell us?').fill('The new roof is lovely');
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.suara-question__label')).fontSize));
    assert.ok(size >= 20, `base text of 20 px at least (${size})`);
    await shot('question');
    await later(page, 10_000);
    await page.getByRole('alertdialog').waitFor();
    await shot('dialog');
    await later(page, 31_000);
    await startScreen(page);
    await page.keyboard.press('Control+Alt+o');
    await page.getByLabel(EN.pin).fill(PIN);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('heading', { name: EN.panel }).waitFor();
    await shot('panel');
    await page.getByRole('button', { name: 'Back to the kiosk' }).click();
  }
});
