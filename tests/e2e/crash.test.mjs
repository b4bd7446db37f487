// End-to-end: the browser process killed outright (a flat battery, a tablet
// that freezes) right after the widget says a response is saved, and within
// 100 ms of a keystroke in the next one. After a restart on the same
// profile, the saved response is still there and is sent, and the typed
// words come back as a draft.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  TIMEOUT,
  startEndpoint,
  startStaticServer,
  waitFor,
  widgetUrl,
  answerBuiltIn,
  organiserOf,
} from './support.mjs';

let site;
let endpoint;
let profile;

before(async () => {
  site = await startStaticServer();
  endpoint = await startEndpoint();
  profile = await mkdtemp(path.join(os.tmpdir(), 'suara-crash-'));
});

after(async () => {
  await site?.close();
  await endpoint?.close();
  if (profile) await rm(profile, { recursive: true, force: true, maxRetries: 3 });
});

/**
 * Starts Chromium as its own process group on `profile`, and connects to it
 * over the DevTools protocol. `kill()` sends SIGKILL to the whole group: no
 * shutdown, no flush, as when power is lost.
 */
async function startChromium() {
  const child = spawn(
    CHROMIUM_PATH,
    ['--headless', ...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const ws = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen}`)), 30_000);
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0];
  context.setDefaultTimeout(TIMEOUT);
  const page = context.pages()[0] ?? (await context.newPage());
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    page,
    async kill() {
      process.kill(-child.pid, 'SIGKILL');
      await exited;
      await browser.close().catch(() => {});
    },
    async close() {
      await browser.close().catch(() => {});
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      await exited;
    },
  };
}

test('a response confirmed as saved survives the browser being killed, and is sent after restart', { timeout: 120_000 }, async () => {
  // The endpoint is failing, so the response waits on the device.
  endpoint.respondWith(() => ({ status: 503, body: { error: 'down' } }));
  const url = widgetUrl(site.url, { endpoint: endpoint.url, lang: 'en' });

  const first = await startChromium();
  let savedId;
  try {
    const { page } = first;
    await page.goto(url);
    await answerBuiltIn(page, { stars: 2, nps: 6 });
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page
      .getByText('Your response is saved on this device and will be sent when the connection is back.')
      .waitFor({ state: 'visible' });
    savedId = endpoint.posts.at(-1)?.body?.id;
    assert.ok(savedId, 'the first attempt reached the failing endpoint');

    // The next person starts typing; the power goes 100 ms after the last key.
    await page.getByRole('button', { name: 'Start a new response' }).click();
    await page.getByLabel('What works well?').pressSequentially('Typed just before the crash', { delay: 5 });
    await new Promise((r) => setTimeout(r, 100));
  } finally {
    await first.kill();
  }

  endpoint.respondWith(({ body }) => ({ status: 201, body: { id: body.id } }));
  const second = await startChromium();
  try {
    const { page } = second;
    await page.goto(url);
    // Sent on start if its backoff (up to 2 s after the failed attempt) has
    // passed, else by the sender's 30-second timer.
    await waitFor(() => endpoint.posts.some((p) => p.body?.id === savedId && p.index > 0), {
      timeout: 45_000,
      what: 'the saved response to be sent after the restart',
    });
    await (await organiserOf(page)).getByText('Waiting to send: 0. Sent: 1. Needs attention: 0.').waitFor({ state: 'visible' });
    const ids = endpoint.posts.map((p) => p.body?.id);
    assert.deepEqual([...new Set(ids)], [savedId], 'only that response was ever sent');
    assert.equal(await page.getByLabel('What works well?').inputValue(), 'Typed just before the crash');
    await page.getByText('Your earlier answers on this device have been restored.').waitFor({ state: 'visible' });
  } finally {
    await second.close();
  }
});
