// End-to-end: a stored record the widget cannot read back (damaged, or
// written by a future version) is never hidden: the count includes it and
// the operator is told it is left out of exports.

import { test } from 'node:test';

import { fixtures, widgetUrl } from './support.mjs';

const fx = fixtures();

test('an unreadable stored record is counted and reported', { timeout: 60_000 }, async () => {
  const { page } = fx.browser;
  // The organiser's page counts what the device holds.
  const url = new URL(widgetUrl(fx.site.url, { lang: 'en' }));
  url.pathname = '/organiser.html';
  await page.goto(url.href);
  await page.getByText('0 responses stored on this device.').waitFor({ state: 'visible' });
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('suara');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('responses', 'readwrite');
          tx.objectStore('responses').put({ id: 'damaged', status: 'pending', response: '{"id": "damaged"' });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await page
    .getByText('1 response stored on this device; 1 of them could not be read and are left out of exports.')
    .waitFor({ state: 'visible' });
});
