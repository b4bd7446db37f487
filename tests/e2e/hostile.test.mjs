// End-to-end: hostile input. Every payload of tests/hostile/corpus.json
// (script tags, event handlers, javascript: and data: addresses, SVG and
// MathML, CSS, bidi and zero-width characters, formulas, prototype keys) is
// put in every text field of a survey, piped from an earlier answer, and
// typed as a text answer, in a host page without any CSP (so an injected
// handler would run if markup were ever interpreted). A global trap counts
// any execution; each screen's elements are compared with the same survey
// made of plain words, so no payload adds an element or an attribute; every
// payload shows as text. The answers reach the endpoint byte for byte, and
// the CSV (the organiser's download and `suara csv`) opened in LibreOffice
// Calc shows every one as text with no formula.
// Needs the release build in dist/, the `suara` binary (target/debug/suara)
// and LibreOffice (scripts/setup.sh installs it).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { ROOT, launchBrowser, organiserOf, parseCsv, startEndpoint, startStaticServer, waitFor } from './support.mjs';
import { calcCells } from './calc.mjs';

const CORPUS = JSON.parse(await readFile(path.join(ROOT, 'tests', 'hostile', 'corpus.json'), 'utf8'));
const SUARA = process.env.SUARA_BIN || path.join(ROOT, 'target', 'debug', 'suara');
const BATCH = 20;
// A text that names a question in braces is piping: survey texts with one
// are checked at load (an unknown id is an author's error), so those go in
// answers only, and one is shown to stop the survey with a clear error.
const PIPES = /\{[a-z][a-z0-9_]*\}/;
const inTexts = CORPUS.filter((p) => !PIPES.test(p));
const batches = [];
for (let i = 0; i < inTexts.length; i += BATCH) batches.push(inTexts.slice(i, i + BATCH));
// Answers: every payload, a batch at a time, beside the survey batches.
const answerBatches = [];
for (let i = 0; i < CORPUS.length; i += BATCH) answerBatches.push(CORPUS.slice(i, i + BATCH));
const ROUNDS = Math.max(batches.length, answerBatches.length);

/** A survey with `p` (an array of BATCH texts) in every text field. */
function survey(n, words) {
  // Always BATCH texts (the last batch repeats some), so every survey has
  // the same questions and screens.
  const p = Array.from({ length: BATCH }, (_, i) => words[i % words.length]);
  const at = (i) => p[i % p.length];
  const join = (k) => p.map((_, i) => at(i + k)).join(' · ');
  return {
    format: 1,
    id: 'hostile',
    version: '1',
    title: join(0),
    description: join(1),
    thanks: join(2),
    default_locale: 'en',
    review: true,
    pages: [
      {
        id: 'first',
        title: join(3),
        questions: [
          ...p.map((_, i) => ({
            id: `t${i}`,
            kind: i % 2 ? 'long_text' : 'short_text',
            label: at(i),
            help: at(i + 1),
            max_length: 2000,
          })),
          ...p.map((_, i) => ({
            id: `c${i}`,
            kind: i % 2 ? 'multi_choice' : 'single_choice',
            label: at(i + 2),
            help: at(i + 3),
            options: [
              { value: 'a', label: at(i + 4) },
              { value: 'b', label: at(i + 5) },
            ],
            other: at(i + 6),
          })),
          {
            id: 'grid',
            kind: 'matrix',
            label: join(7),
            rows: p.map((_, i) => ({ value: `r${i}`, label: at(i + 8) })),
            columns: [0, 1, 2].map((i) => ({ value: `k${i}`, label: at(i + 9) })),
          },
          { id: 'pick', kind: 'dropdown', label: join(10), placeholder: at(11), options: p.map((_, i) => ({ value: `o${i}`, label: at(i + 12) })) },
          { id: 'order', kind: 'ranking', label: join(13), options: p.slice(0, 5).map((_, i) => ({ value: `o${i}`, label: at(i + 14) })) },
          { id: 'ok', kind: 'consent', label: at(15), text: join(16) },
        ],
      },
      {
        id: 'second',
        title: join(17),
        questions: p.map((_, i) => ({
          id: `piped${i}`,
          kind: 'yes_no',
          label: `{t${i}}`,
          help: `${at(i + 18)} {t${(i + 1) % p.length}}`,
        })),
      },
    ],
  };
}

/**
 * `text` without the white space around it, as Rust's `str::trim` (Unicode's
 * White_Space, which JavaScript's `trim` does not quite match: it takes
 * U+FEFF and leaves U+0085).
 */
const trim = (text) => text.replace(/^[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, '');

/** A survey whose second page pipes in a question it does not have. */
function mispiped() {
  const s = survey('pipes', plain(Array(BATCH).fill(0)));
  s.pages[1].questions[0].label = 'Hello {nope}';
  return s;
}

/** The same survey in plain words: what each screen's elements must be. */
const plain = (p) => p.map((_, i) => `plain words ${i}`);

const fx = {};
const logs = { pageErrors: [], dialogs: 0 };

before(async () => {
  assert.ok(existsSync(SUARA), `no ${SUARA}: build it with cargo build -p suara-cli`);
  fx.endpoint = await startEndpoint();
  const routes = {
    '/hostile.html': {
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile input</title>'
        + '<script src="/trap.js"></script><script type="module" src="/hostile-host.js"></script></head>'
        + '<body><main id="main"></main></body></html>',
    },
    // Any execution of a payload lands here.
    '/trap.js': {
      type: 'text/javascript',
      body: 'window.__executed = [];'
        + 'window.__suaraTrap = () => window.__executed.push(String(new Error("trap").stack));'
        + 'for (const n of ["alert", "confirm", "prompt", "print"]) window[n] = () => window.__executed.push(n);',
    },
    '/hostile-host.js': { type: 'text/javascript', body: "import { mount } from '/widget.js'; window.__mount = mount;" },
    '/hostile/huge.json': { type: 'application/json', body: JSON.stringify({ ...survey('huge', plain(Array(BATCH).fill(0))), title: 'x'.repeat(10 * 1024 * 1024) }) },
    '/hostile/deep.json': { type: 'application/json', body: `${'['.repeat(10_000)}${']'.repeat(10_000)}` },
    '/hostile/pipes.json': { type: 'application/json', body: JSON.stringify(mispiped()) },
    '/hostile/proto.json': { type: 'application/json', body: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "format": 1}' },
  };
  routes['/hostile/plain.json'] = { type: 'application/json', body: JSON.stringify(survey('plain', plain(batches[0]))) };
  for (let n = 0; n < ROUNDS; n++) {
    const words = batches[n % batches.length];
    routes[`/hostile/${n}.json`] = { type: 'application/json', body: JSON.stringify(survey(n, words)) };
  }
  fx.site = await startStaticServer({ routes });
  fx.browser = await launchBrowser();
  const { page } = fx.browser;
  page.on('pageerror', (err) => logs.pageErrors.push(String(err)));
  page.on('dialog', (d) => {
    logs.dialogs += 1;
    d.dismiss();
  });
  await page.goto(`${fx.site.url}/hostile.html`);
  await waitFor(() => page.evaluate(() => typeof window.__mount === 'function'), { what: 'the widget module' });
});

after(async () => {
  await fx.browser?.close();
  await fx.endpoint?.close();
  await fx.site?.close();
});

/** Mounts a widget for `survey` in a fresh element; resolves with the first event it sends. */
function mount(page, survey) {
  return page.evaluate(
    ({ survey, endpoint }) =>
      new Promise((resolve) => {
        window.__widget?.unmount();
        document.getElementById('w')?.remove();
        const el = document.createElement('div');
        el.id = 'w';
        document.getElementById('main').append(el);
        const done = (e) => resolve({ type: e.type, detail: JSON.parse(JSON.stringify(e.detail ?? null)) });
        el.addEventListener('suara:ready', done, { once: true });
        el.addEventListener('suara:error', done, { once: true });
        window.__widget = window.__mount(el, { survey, endpoint, lang: 'en' });
      }),
    { survey, endpoint: fx.endpoint.url },
  );
}

/** What the widget's shadow root holds now: its elements by name, any `on…` attribute, its text. */
function screen(page) {
  return page.evaluate(() => {
    const root = document.getElementById('w').shadowRoot;
    const tags = {};
    const handlers = [];
    for (const el of root.querySelectorAll('*')) {
      tags[el.localName] = (tags[el.localName] ?? 0) + 1;
      for (const a of el.attributes) {
        const address = /^(href|src|action|formaction|xlink:href|data|srcdoc|poster|background)$/i.test(a.name);
        if (/^on/i.test(a.name) || (address && /^\s*(javascript|data|vbscript):/i.test(a.value))) handlers.push(`${el.localName} ${a.name}`);
      }
    }
    return { tags, handlers, text: root.textContent, executed: window.__executed.slice() };
  });
}

/** Walks one survey: fills each text answer with `answers`, then Next, the review and Submit. */
async function walk(page, answers) {
  const shots = [await screen(page)];
  const typed = [];
  for (let i = 0; i < answers.length; i++) {
    const box = page.locator(`#w #suara-q-t${i}`);
    await box.fill(answers[i]);
    typed.push(await box.inputValue());
  }
  const submitted = fx.endpoint.posts.length;
  for (const name of ['Next', 'Next', 'Submit']) {
    await page.locator('#w').getByRole('button', { name, exact: true }).click();
    await page.waitForTimeout(50);
    shots.push(await screen(page));
  }
  await page.locator('#w .suara-done__title').waitFor({ state: 'visible' });
  shots.push(await screen(page));
  await fx.endpoint.waitForPosts(submitted + 1);
  return { shots, typed, body: fx.endpoint.posts.at(-1).body };
}

const results = { answers: [], ids: [] };

test('hostile texts in every field of a survey run nothing, add no element and show as text', { timeout: 400_000 }, async () => {
  const { page } = fx.browser;
  // The trap works on this page: markup put in as HTML runs its handler.
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.innerHTML = '<img src="data:," onerror="__suaraTrap()">';
    document.body.append(probe);
  });
  await waitFor(() => page.evaluate(() => window.__executed.length === 1), { what: 'the trap to catch the control payload' });
  await page.evaluate(() => {
    window.__executed = [];
  });
  let fields = 0;
  // Every survey has the same questions and screens: the elements of each
  // screen in plain words, once.
  const control = await mount(page, `${fx.site.url}/hostile/plain.json`);
  assert.equal(control.type, 'suara:ready', `the plain survey starts: ${JSON.stringify(control.detail)}`);
  const expected = await walk(page, plain(answerBatches[0]));
  for (let n = 0; n < ROUNDS; n++) {
    const words = batches[n % batches.length];
    const answers = answerBatches[n % answerBatches.length];
    const started = await mount(page, `${fx.site.url}/hostile/${n}.json`);
    assert.equal(started.type, 'suara:ready', `survey ${n} starts: ${JSON.stringify(started.detail)}`);
    const seen = await walk(page, answers).catch((err) => {
      throw new Error(`survey ${n}: ${err.message}`);
    });
    seen.shots.forEach((shot, k) => {
      assert.deepEqual(shot.executed, [], `survey ${n}, screen ${k}: nothing ran`);
      assert.deepEqual(shot.handlers, [], `survey ${n}, screen ${k}: no handler or javascript: address`);
      assert.deepEqual(shot.tags, expected.shots[k].tags, `survey ${n}, screen ${k}: the same elements as in plain words`);
    });
    const shown = seen.shots.map((s) => s.text).join('\n');
    for (const p of words) assert.ok(shown.includes(p.trim()), `survey ${n}: ${JSON.stringify(p)} shows as text`);
    for (const p of seen.typed) assert.ok(seen.shots[2].text.includes(p.trim()) || !p.trim(), `survey ${n}: the answer ${JSON.stringify(p)} is piped as text`);
    // What reached the endpoint is what the browser's boxes held, byte for
    // byte, but for the white space around it, which a response drops.
    seen.typed.forEach((typed, i) => {
      const value = trim(typed);
      assert.equal(seen.body.answers[`t${i}`], value === '' ? undefined : value, `survey ${n}: answer t${i} sent as typed`);
      if (value !== '') results.answers.push({ id: seen.body.id, column: `t${i}`, value });
    });
    results.ids.push(seen.body.id);
    fields += words.length * 20;
  }
  assert.deepEqual(logs.pageErrors, [], 'no uncaught errors in the page');
  assert.equal(logs.dialogs, 0, 'no dialog opened');
  assert.ok(CORPUS.length >= 500, `${CORPUS.length} payloads`);
  console.log(`hostile input: ${CORPUS.length} payloads, ${inTexts.length} in ${fields} survey texts, ${results.answers.length} answers, 0 executions`);
});

test('a huge, a deeply nested, a polluting or a mispiped survey shows a clear load error', { timeout: 60_000 }, async () => {
  const { page } = fx.browser;
  for (const [name, why] of [
    ['huge', /at most 1048576 bytes/],
    ['deep', /nested more than 127 deep/],
    ['pipes', /nope/],
    ['proto', /unknown field `__proto__`[\s\S]*unknown field `constructor`/],
  ]) {
    const event = await mount(page, `${fx.site.url}/hostile/${name}.json`);
    assert.equal(event.type, 'suara:error', `${name}: ${JSON.stringify(event.detail)}`);
    await page.locator('#w').getByText('This survey cannot start').waitFor();
    assert.deepEqual((await screen(page)).executed, []);
    // The organiser's page, which the notice links to, says why.
    const organiser = await page.context().newPage();
    await organiser.goto(event.detail.details);
    const items = organiser.locator('.suara-load-error[role=alert] li');
    await items.first().waitFor({ state: 'visible' });
    const words = (await items.allInnerTexts()).join('\n');
    assert.match(words, why, `${name}: the organiser's page says why`);
    await organiser.close();
  }
  assert.equal(await page.evaluate(() => ({}).polluted), undefined, 'no prototype polluted');
});

test('the hostile answers stay text in the CSV, opened in LibreOffice Calc, from the organiser and from suara csv', { timeout: 240_000 }, async () => {
  assert.ok(results.answers.length > 0, 'the answers test ran first');
  const { page } = fx.browser;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'suara-hostile-'));
  try {
    const organiser = await organiserOf(page, { survey: `${fx.site.url}/hostile/0.json`, lang: 'en' });
    // The organiser's page reads one survey; every round's survey has the
    // same question ids, so its CSV holds all the rounds' answers.
    const [file] = await Promise.all([
      organiser.waitForEvent('download'),
      organiser.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const fromPage = path.join(dir, 'organiser.csv');
    await file.saveAs(fromPage);
    // The same responses through the command line.
    const json = path.join(dir, 'responses.json');
    await writeFile(json, JSON.stringify(fx.endpoint.posts.map((p) => p.body)));
    const surveyFile = path.join(dir, 'survey.json');
    await writeFile(surveyFile, JSON.stringify(survey(0, batches[0])));
    const fromCli = path.join(dir, 'cli.csv');
    await promisify(execFile)(SUARA, ['csv', '--survey', surveyFile, json, '-o', fromCli]);
    for (const csv of [fromPage, fromCli]) {
      const records = parseCsv(await readFile(csv, 'utf8'));
      const header = records[0];
      const rows = new Map(records.slice(1).map((r) => [r[header.indexOf('id')], r]));
      const { formulas, cells } = await calcCells(csv, path.join(dir, `${path.basename(csv)}-calc`));
      assert.deepEqual(formulas, [], `${path.basename(csv)}: no cell is a formula in Calc`);
      const shown = new Map(cells.slice(1).map((r) => [r[header.indexOf('id')]?.text, r]));
      let checked = 0;
      const readAsValues = new Set();
      for (const { id, column, value } of results.answers) {
        const row = rows.get(id);
        if (!row) continue;
        const cell = row[header.indexOf(column)];
        // The CSV neutralises a leading formula sign with an apostrophe; the
        // rest is the answer, byte for byte.
        assert.ok(cell === value || cell === `'${value}`, `${path.basename(csv)}: ${JSON.stringify(value)} written as ${JSON.stringify(cell)}`);
        const calc = shown.get(id)?.[header.indexOf(column)];
        assert.ok(calc, `${path.basename(csv)}: Calc has the cell of ${JSON.stringify(value)}`);
        assert.equal(calc.formula, false, `${path.basename(csv)}: ${JSON.stringify(value)} is no formula`);
        if (calc.type === 'string') {
          // Calc keeps no control character that XML cannot hold (NUL, ESC
          // and the like), and drops a TAB in a cell of several lines, as it
          // reads a CSV; everything else is the cell.
          const held = cell.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
          const written = calc.text === held ? held : held.replace(/\t/g, '');
          assert.equal(calc.text, written, `${path.basename(csv)}: Calc shows ${JSON.stringify(value)} as written`);
        } else {
          // A bare number or TRUE/FALSE is a number or a truth value in
          // Calc, as in any CSV; never anything evaluated.
          assert.match(value, /^\s*[-+]?(\d|\.\d)|^(true|false)$/i, `${path.basename(csv)}: ${JSON.stringify(value)} is text in Calc (${calc.type})`);
          readAsValues.add(value);
        }
        checked += 1;
      }
      assert.equal(checked, results.answers.length, `${path.basename(csv)}: every answer checked`);
      console.log(`${path.basename(csv)} in Calc: ${checked} hostile answers, 0 formulas; read as a number or truth value: ${JSON.stringify([...readAsValues])}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
