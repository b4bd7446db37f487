// End-to-end: the widget in Chromium submits to the organiser's collector,
// `suara collect` on an SQLite file, in both request modes (a JSON POST
// with its CORS preflight, and `request=simple`'s text/plain POST); then
// `suara csv` on the collector's database writes, byte for byte, the CSV
// the widget's own "Download CSV" gives for the same responses.
//
// Needs the release build in dist/ and the `suara` binary (target/debug/suara,
// or SUARA_BIN): scripts/test.sh builds both.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';

import { ROOT, answerBuiltIn, fixtures, widgetUrl, organiserOf } from './support.mjs';

const SUARA = process.env.SUARA_BIN || path.join(ROOT, 'target', 'debug', 'suara');
const SURVEY = path.join(ROOT, 'crates', 'domain', 'surveys', 'default.json');
const SENT = 'Your response has been sent. Thank you!';

/** Starts `suara collect` on a free port; resolves with its URL and a stop(). */
async function startCollector(db, origin) {
  assert.ok(existsSync(SUARA), `no ${SUARA}: build it with cargo build -p suara-cli`);
  const child = spawn(SUARA, ['collect', '--survey', SURVEY, '--db', `sqlite:${db}`,
    '--listen', '127.0.0.1:0', '--origin', origin], { stdio: ['ignore', 'ignore', 'pipe'] });
  const log = [];
  const lines = readline.createInterface({ input: child.stderr });
  const url = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`suara collect exited with ${code}:\n${log.join('\n')}`)));
    lines.on('line', (line) => {
      log.push(line);
      const m = /listening on (http:\/\/\S+\/responses)/.exec(line);
      if (m) resolve(m[1]);
    });
  });
  return {
    url,
    log,
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

const fx = fixtures();

test('the widget submits to suara collect in both modes, and suara csv gives the widget\'s CSV byte for byte', { timeout: 180_000 }, async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'suara-collector-'));
  const db = path.join(dir, 'responses.db');
  const collector = await startCollector(db, fx.site.url.replace(/\/$/, ''));
  t.after(async () => {
    await collector.stop();
    await rm(dir, { recursive: true, force: true });
  });
  const { page } = fx.browser;
  const posts = [];
  page.on('request', (r) => {
    if (r.url() === collector.url) posts.push({ method: r.method(), type: r.headers()['content-type'] });
  });

  const submitOne = async (params, answers) => {
    await page.goto(widgetUrl(fx.site.url, { endpoint: collector.url, lang: 'en', ...params }));
    await answerBuiltIn(page, answers);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByRole('status').filter({ hasText: SENT }).first().waitFor({ state: 'visible' });
  };
  // A JSON POST (with its preflight), then a simple text/plain one.
  await submitOne({}, { stars: 4, nps: 9, worksWell: '=1+2, "quoted"\nand a new line' });
  await submitOne({ request: 'simple' }, { stars: 2, nps: 3 });

  const types = posts.filter((p) => p.method === 'POST').map((p) => p.type);
  assert.deepEqual(types, ['application/json', 'text/plain;charset=UTF-8'], 'one POST in each mode');
  assert.match(collector.log.join('\n'), /POST \/responses 201 .* stored[\s\S]*POST \/responses 201 .* stored/);
  const health = await (await fetch(collector.url.replace(/responses$/, 'health'))).json();
  assert.equal(health.responses, 2);
  assert.equal(health.quarantined, 0);

  const organiser = await organiserOf(page);
  const [file] = await Promise.all([
    organiser.waitForEvent('download'),
    organiser.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const widgetCsv = await readFile(await file.path());

  const out = path.join(dir, 'out.csv');
  // The operator's download has its byte order mark box ticked by default.
  assert.ok(widgetCsv.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'the widget\'s CSV starts with a BOM');
  const run = await promisify(execFile)(SUARA, ['csv', '--survey', SURVEY, `sqlite:${db}`, '-o', out, '--bom']);
  assert.match(run.stderr, /kept 2/);
  const cliCsv = await readFile(out);
  assert.equal(cliCsv.toString('utf8'), widgetCsv.toString('utf8'));
  assert.ok(cliCsv.equals(widgetCsv), 'the same bytes');
});
