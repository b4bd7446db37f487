// End to end: the mistakes a survey author makes (issue 16's posyandu
// survey: a comma after the last item, a missing comma, a kind that does
// not exist, a show-if written with `=`, a question id misspelt in a
// show-if), each in Indonesian and English:
// - the respondent's page says only that the survey cannot start, and how
//   many problems stop it;
// - the organiser's page lists each problem in the page's language, with
//   its line and column or its place as a person counts it;
// - and these are exactly the lines `suara validate --lang` prints for the
//   same file, since both come from one domain function (Survey::read_with).
//
// Needs `bash scripts/build.sh` and `cargo build -p suara-cli` first
// (scripts/test.sh does both).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { ROOT, launchBrowser, startStaticServer, widgetUrl } from './support.mjs';

const run = promisify(execFile);
const SUARA = path.join(ROOT, 'target', 'debug', 'suara');

const head = `{
  "format": 1,
  "id": "posyandu",
  "version": "1",
  "title": "Posyandu",
  "default_locale": "id",
  "locales": ["id", "en"],
  "pages": [{ "id": "visit", "questions": [
`;
const came = `    { "id": "came", "kind": "yes_no", "label": { "id": "Datang tepat waktu?", "en": "On time?" } }`;

// Each mistake: the file, and a part of each language's line that shows the
// message says what is wrong in words.
const MISTAKES = {
  'trailing-comma': {
    text: `${head}${came},\n  ] }]\n}\n`,
    en: /^Line 9, column 99: a comma after the last item/,
    id: /^Baris 9, kolom 99: ada koma setelah butir terakhir/,
  },
  'missing-comma': {
    text: head.replace('"version": "1",', '"version": "1"') + `${came}\n  ] }]\n}\n`,
    en: /^Line 4, column 17: a comma is missing here/,
    id: /^Baris 4, kolom 17: kurang koma di sini/,
  },
  'unknown-kind-and-show-if': {
    text: `${head}${came},
    { "id": "stars", "kind": "rating_stars", "label": { "id": "Nilai", "en": "Rating" } },
    { "id": "late", "kind": "short_text", "label": { "id": "Kenapa?", "en": "Why?" }, "show_if": "came = false" },
    { "id": "more", "kind": "short_text", "label": { "id": "Lagi?", "en": "More?" }, "show_if": "cam == true" }
  ] }]
}
`,
    en: [
      /^Page 1, question 2 \(`stars`\): unknown question kind `rating_stars` \(did you mean `rating`\?\).*\(\$\.pages\[0\]\.questions\[1\]\.kind\)$/,
      /^The show-if of page 1, question 3 \(`late`\): .*`=` alone: write `==` to compare/,
      /^The show-if of page 1, question 4 \(`more`\): .*`cam`.*did you mean `came`/,
    ],
    id: [
      /^Halaman 1, pertanyaan 2 \(`stars`\): jenis pertanyaan `rating_stars` tidak dikenal \(mungkin maksud Anda `rating`\?\)/,
      /^Syarat show_if pada halaman 1, pertanyaan 3 \(`late`\): .*`=` saja: tulis `==` untuk membandingkan/,
      /^Syarat show_if pada halaman 1, pertanyaan 4 \(`more`\): .*`cam`.*`came`/,
    ],
  },
};

const fx = {};
before(async () => {
  assert.ok(existsSync(SUARA), `no ${path.relative(ROOT, SUARA)}: build it with cargo build -p suara-cli`);
  fx.dir = await mkdtemp(path.join(os.tmpdir(), 'suara-author-'));
  const routes = {};
  for (const [name, { text }] of Object.entries(MISTAKES)) {
    await writeFile(path.join(fx.dir, `${name}.json`), text);
    routes[`/${name}.json`] = { body: text, type: 'application/json; charset=utf-8' };
  }
  fx.bom = `\uFEFF${head}${came}\n  ] }]\n}\n`;
  await writeFile(path.join(fx.dir, 'bom.json'), fx.bom);
  routes['/bom.json'] = { body: fx.bom, type: 'application/json; charset=utf-8' };
  fx.site = await startStaticServer({ routes });
  fx.browser = await launchBrowser();
});
after(async () => {
  await fx.browser?.close();
  await fx.site?.close();
  if (fx.dir) await rm(fx.dir, { recursive: true, force: true });
});

/** `suara validate --lang`'s problem lines for `file`, without their "error: " word. */
async function validate(file, lang) {
  const done = await run(SUARA, ['validate', '--lang', lang, file]).then(
    () => assert.fail(`suara validate accepted ${file}`),
    (e) => e,
  );
  assert.equal(done.code, 1, `exit code 1 for a broken survey: ${done.stderr}`);
  const said = `${done.stdout}\n${done.stderr}`.split('\n');
  const word = lang === 'id' ? 'kesalahan: ' : 'error: ';
  return said.filter((l) => l.startsWith(word)).map((l) => l.slice(word.length));
}

for (const [name, mistake] of Object.entries(MISTAKES)) {
  for (const lang of ['en', 'id']) {
    test(`${name}, ${lang}: the respondent's notice, the organiser's words, and suara validate's lines agree`, { timeout: 60_000 }, async () => {
      const survey = `${fx.site.url}/${name}.json`;
      const page = await fx.browser.context.newPage();
      try {
        await page.goto(widgetUrl(fx.site.url, { survey, lang }));
        const notice = page.locator('.suara-load-error[role=alert]');
        await notice.waitFor({ state: 'visible' });
        const expected = [mistake[lang]].flat();
        const short = await notice.innerText();
        assert.match(short, lang === 'id' ? /tidak dapat dimulai/ : /cannot start/);
        assert.ok(short.includes(String(expected.length)), `the respondent's page counts ${expected.length}: ${short}`);
        assert.doesNotMatch(short, /\$\.|Line|Baris|did you mean|mungkin maksud/, 'no detail for the respondent');

        await page.goto(`${fx.site.url}/organiser.html?${new URLSearchParams({ survey, lang })}`);
        const items = page.locator('.suara-load-error[role=alert] li');
        await items.first().waitFor({ state: 'visible' });
        const organiser = await items.allInnerTexts();
        assert.equal(organiser.length, expected.length, organiser.join('\n'));
        expected.forEach((pattern, i) => assert.match(organiser[i], pattern));

        const cli = await validate(path.join(fx.dir, `${name}.json`), lang);
        assert.deepEqual(organiser, cli, 'the organiser page and suara validate say the same');
      } finally {
        await page.close();
      }
    });
  }
}

test('a file saved with a BOM (as Notepad saves it): the widget and suara validate both read it, dropping the mark', { timeout: 60_000 }, async () => {
  const page = await fx.browser.context.newPage();
  try {
    await page.goto(widgetUrl(fx.site.url, { survey: `${fx.site.url}/bom.json`, lang: 'en' }));
    await page.getByRole('radio', { name: 'Yes', exact: true }).waitFor({ state: 'visible' });
  } finally {
    await page.close();
  }
  const done = await run(SUARA, ['validate', '--lang', 'en', path.join(fx.dir, 'bom.json')]);
  assert.match(done.stdout, /bom\.json: survey .*no errors/, `suara validate read the file: ${done.stdout}`);
});
