// End-to-end: a full disk. The site's storage quota is set to 400 KB (the
// DevTools protocol's Storage.overrideQuotaForOrigin) and another database
// of the site fills it. Then a submit cannot be stored: the person is told,
// the answers stay on screen, the response is offered as a download, and the
// operator sees the alert. What was stored before is still there, and once
// space is freed the same response is saved with the same id.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import {
  fixtures,
  readStore,
  widgetUrl,
  answerBuiltIn,
  organiserOf,
} from './support.mjs';

const fx = fixtures();

async function answer(page, words) {
  await answerBuiltIn(page, { stars: 5, nps: 10, worksWell: words });
}

/** Writes a chunk of `size` random characters into the `filler` database; resolves whether it fitted. */
function fill(page, size) {
  return page.evaluate(
    (size) =>
      new Promise((resolve) => {
        const open = indexedDB.open('filler');
        open.onupgradeneeded = () => open.result.createObjectStore('chunks', { autoIncrement: true });
        open.onsuccess = () => {
          const tx = open.result.transaction('chunks', 'readwrite');
          let text = '';
          while (text.length < size) text += Math.random().toString(36).slice(2);
          tx.objectStore('chunks').add(text.slice(0, size));
          tx.oncomplete = () => {
            open.result.close();
            resolve(true);
          };
          tx.onabort = () => {
            open.result.close();
            resolve(false);
          };
        };
        open.onerror = () => resolve(false);
      }),
    size,
  );
}

test('a full disk is shown to the person, and nothing is lost', { timeout: 120_000 }, async () => {
  const { page, context } = fx.browser;
  const cdp = await context.newCDPSession(page);
  const origin = new URL(fx.site.url).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 400_000 });
  await page.goto(widgetUrl(fx.site.url, { lang: 'en' }));
  await answer(page, 'Stored before the disk filled up');
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByText('Your response is saved on this device.').waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Start a new response' }).click();

  // Something else on the site fills the disk, to the last hundred bytes.
  for (const size of [100_000, 10_000, 1_000, 100]) while (await fill(page, size));

  const words = 'Written when the disk was full';
  await answer(page, words);
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  const failed = page.getByRole('alert').filter({ hasText: 'could not be saved on this device' });
  await failed.waitFor({ state: 'visible' });
  assert.match(await failed.innerText(), /storage is full/);
  assert.equal(await page.getByLabel('What works well?').inputValue(), words, 'the answers stay on screen');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download this response' }).click(),
  ]);
  const offered = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(offered.answers.works_well, words);

  // Space is freed: the same response is stored, with the same id.
  await page.evaluate(() => new Promise((r) => (indexedDB.deleteDatabase('filler').onsuccess = r)));
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.getByText('Your response is saved on this device.').waitFor({ state: 'visible' });
  await (await organiserOf(page)).getByText('2 responses stored on this device.').waitFor({ state: 'visible' });
  const stored = (await readStore(page)).map((r) => r.response);
  const texts = stored.map((r) => r.answers.works_well).sort();
  assert.deepEqual(texts, ['Stored before the disk filled up', words]);
  assert.equal(stored.find((r) => r.answers.works_well === words).id, offered.id, 'the download and the stored response are one response');
});
