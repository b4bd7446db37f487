// Start-up benchmark: how long the release build in dist/ takes, from
// navigation to a survey a person can answer (the Submit button in the
// page), in headless Chromium, with and without 4x CPU throttling (a
// low-end phone). Cold runs: each one uses a new page with the cache
// disabled, so the wasm is fetched, compiled and run every time.
//
// Usage: node benches/startup.mjs [runs]   (after a release build)

import { launchBrowser, startStaticServer, widgetUrl } from '../tests/e2e/support.mjs';

const runs = Number(process.argv[2] || 15);

async function once(browser, url, throttle) {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(url);
    await page.waitForSelector('.suara-form button[type=submit]', { state: 'attached', timeout: 60_000 });
    return await page.evaluate(() => performance.now());
  } finally {
    await page.close();
  }
}

function summary(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)];
  return `median ${median.toFixed(0)} ms, min ${s[0].toFixed(0)} ms, max ${s[s.length - 1].toFixed(0)} ms`;
}

const site = await startStaticServer();
// No service worker: with one, every load after the first would start from
// its cache (sw.js), not cold.
const browser = await launchBrowser({ contextOptions: { serviceWorkers: 'block' } });
try {
  const url = widgetUrl(site.url, { lang: 'en' });
  await once(browser, url, 1); // warm the browser process itself
  for (const throttle of [1, 4]) {
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await once(browser, url, throttle));
    console.log(`start-up to an answerable survey, CPU x${throttle}, ${runs} cold loads: ${summary(times)}`);
  }
} finally {
  await browser.close();
  await site.close();
}
