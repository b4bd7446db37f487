// Peer benchmark (issue 10): the respondent's download and the time to the
// first question for Suara and its peers, SurveyJS (survey-core +
// survey-js-ui) and Formbricks (@formbricks/surveys), in the same headless
// Chromium, from the same local server, on the same surveys.
//
// - Sizes: every entry point (each *.html in dist/, sub-folders included)
//   and what it names (wasm, JS, CSS, the service worker), raw, gzip -9 and
//   brotli (quality 11); and each peer page's files.
// - First question: navigation start to the first question's first input
//   being visible and enabled (polled every animation frame), cold (a new
//   page, cache off via CDP Network.setCacheDisabled, service workers
//   blocked), with the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate)
//   and, second condition, also on a slow network (CDP
//   Network.emulateNetworkConditions: 150 ms round trip, 1.6 Mbit/s =
//   200,000 bytes/s each way). The server compresses as a web server would
//   (brotli when the browser asks for it, else gzip -9), the same for every
//   tool. Runs alternate between the tools: Suara, SurveyJS, Formbricks,
//   Suara, ...
// - Surveys: the built-in one (crates/domain/surveys/default.json) and a
//   generated one of 200 questions on 10 pages (benches/peers/survey-200.mjs),
//   both converted for the peers by benches/peers/convert.mjs. Each tool
//   reads its survey file from the server (Suara with ?survey=).
//
// Usage (after a release build and `npm ci --prefix benches/peers`; or run
// scripts/bench-peers.sh, which does both):
//   node benches/peers.mjs [--runs N] [--surveys builtin,q200]
//        [--conditions cpu4,slow] [--tools suara,surveyjs,formbricks] [--out FILE]
//        [--shots DIR]   (a screenshot of each tool's first question, warm-up run)

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';
import { measure as sizes, pages } from '../scripts/sizes.mjs';
import { DIST, ROOT, launchBrowser, mimeType, startStaticServer, withTimeout } from '../tests/e2e/support.mjs';
import { toFormbricks, toSurveyJs } from './peers/convert.mjs';
import { generate } from './peers/survey-200.mjs';

// ------------------------------------------------------------------ options

const args = { shots: '', runs: 11, surveys: 'builtin,q200', conditions: 'cpu4,slow', tools: 'suara,surveyjs,formbricks', out: 'target/bench/peers.json' };
for (let i = 2; i < process.argv.length; i++) {
  const [flag, inline] = process.argv[i].split('=', 2);
  const key = flag.replace(/^--/, '');
  if (!(key in args) || !flag.startsWith('--')) {
    console.error(`unknown argument ${process.argv[i]}; usage: node benches/peers.mjs [--runs N] [--surveys builtin,q200] [--conditions cpu4,slow] [--tools suara,surveyjs,formbricks] [--out FILE] [--shots DIR]`);
    process.exit(2);
  }
  args[key] = inline ?? process.argv[++i];
}
const RUNS = Number(args.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a whole number from 1');

const CONDITIONS = {
  cpu4: { label: '4x CPU', cpu: 4, network: null },
  slow: {
    label: '4x CPU, slow network (1.6 Mbit/s, 150 ms RTT)',
    cpu: 4,
    network: { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 200_000 },
  },
};
const conditions = args.conditions.split(',').map((c) => {
  if (!CONDITIONS[c]) throw new Error(`unknown condition ${c} (cpu4, slow)`);
  return c;
});
const PEERS_DIR = path.join(ROOT, 'benches', 'peers');
const MODULES = path.join(PEERS_DIR, 'node_modules');

// -------------------------------------------------------------------- sizes

function add(total, s) {
  for (const k of ['raw', 'gzip', 'brotli']) total[k] = (total[k] ?? 0) + s[k];
  return total;
}

/**
 * Every entry point in dist/ with the files it loads, as the bundle-size
 * command measures them (scripts/sizes.mjs), and the page itself.
 */
function entryPoints() {
  return pages(DIST).map(({ entry, files, total }) => {
    const page = { file: entry, ...sizes(readFileSync(path.join(DIST, entry))) };
    return { entry, page, files, assets: total, total: add({ ...total }, page) };
  });
}

// -------------------------------------------------------------- peer pages

const versionOf = (pkg) => JSON.parse(readFileSync(path.join(MODULES, pkg, 'package.json'), 'utf8')).version;

// The first question's first control, visible and enabled, per tool: the
// selector of the controls, in document order, of the first question.
const FIRST_INPUT = {
  suara: '.suara .suara-page:not([hidden]) :is(input, textarea, select)',
  surveyjs: '.sd-question :is(input, textarea, select)',
  formbricks: '#formbricks form :is(input, textarea, select)',
};

// In every page before its own scripts: checks each animation frame whether
// the first control is there, visible (or its label is: star and radio
// inputs are often visually hidden) and enabled, and keeps the time.
const probe = (sel) => `(() => {
  const sel = ${JSON.stringify(sel)};
  const shown = (el) => {
    if (!el || !el.isConnected) return false;
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const tick = () => {
    const el = document.querySelector(sel);
    if (el && !el.disabled && !el.closest('[hidden], [inert], fieldset[disabled]') && (shown(el) || shown(el.labels && el.labels[0]))) {
      window.__firstQuestion = performance.now();
      window.__firstQuestionEl = el;
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

const SURVEYJS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>SurveyJS</title>
    <script>window.surveyJson = fetch(new URLSearchParams(location.search).get("survey")).then((r) => r.json());</script>
    <link rel="stylesheet" href="/peers/survey-core.fontless.min.css" />
    <script src="/peers/survey.core.min.js"></script>
    <script src="/peers/survey-js-ui.min.js"></script>
  </head>
  <body>
    <div id="surveyjs"></div>
    <script>
      window.surveyJson.then((json) => {
        const survey = new Survey.Model(json);
        survey.render(document.getElementById("surveyjs"));
      });
    </script>
  </body>
</html>
`;

const FORMBRICKS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Formbricks</title>
    <script>window.surveyJson = fetch(new URLSearchParams(location.search).get("survey")).then((r) => r.json());</script>
    <script src="/peers/formbricks-surveys.umd.js"></script>
  </head>
  <body>
    <div id="formbricks"></div>
    <script>
      window.surveyJson.then((survey) => {
        window.formbricksSurveys.renderSurveyInline({
          survey,
          brandColor: "#0f766e",
          containerId: "formbricks",
          isBrandingEnabled: false,
          onDisplay() {},
          onResponse() {},
          onFinished() {},
          onActiveQuestionChange() {},
          onClose() {},
          getSetIsError() {},
          getSetIsResponseSendingFinished() {},
          onFileUpload: async () => "",
        });
      });
    </script>
  </body>
</html>
`;

/** Files each peer page loads besides its HTML and survey: URL path -> file on disk. */
function peerFiles() {
  return {
    surveyjs: {
      '/peers/survey-core.fontless.min.css': path.join(MODULES, 'survey-core/survey-core.fontless.min.css'),
      '/peers/survey.core.min.js': path.join(MODULES, 'survey-core/survey.core.min.js'),
      '/peers/survey-js-ui.min.js': path.join(MODULES, 'survey-js-ui/survey-js-ui.min.js'),
    },
    formbricks: {
      '/peers/formbricks-surveys.umd.js': path.join(MODULES, '@formbricks/surveys/dist/index.umd.js'),
    },
  };
}

// ------------------------------------------------------------------ server

/** A route answering with `body`, compressed as the browser accepts (br, else gzip -9). */
function compressedRoute(body, type) {
  let gz;
  let br;
  return (req, res) => {
    const accept = String(req.headers['accept-encoding'] || '');
    let out = body;
    const headers = { 'Content-Type': type, 'Cache-Control': 'no-store', Vary: 'Accept-Encoding' };
    if (/\bbr\b/.test(accept)) {
      br ??= brotliCompressSync(body, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: body.length } });
      out = br;
      headers['Content-Encoding'] = 'br';
    } else if (/\bgzip\b/.test(accept)) {
      gz ??= gzipSync(body, { level: 9 });
      out = gz;
      headers['Content-Encoding'] = 'gzip';
    }
    encodings.add(headers['Content-Encoding'] ?? 'identity');
    headers['Content-Length'] = out.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : out);
  };
}
const encodings = new Set();

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

function routes(surveys) {
  const table = {};
  for (const file of walk(DIST)) {
    const rel = '/' + path.relative(DIST, file).split(path.sep).join('/');
    table[rel] = compressedRoute(readFileSync(file), mimeType(file));
    if (rel.endsWith('/index.html')) table[rel.slice(0, -'index.html'.length)] = table[rel];
  }
  table['/peers/surveyjs.html'] = compressedRoute(Buffer.from(SURVEYJS_PAGE), 'text/html; charset=utf-8');
  table['/peers/formbricks.html'] = compressedRoute(Buffer.from(FORMBRICKS_PAGE), 'text/html; charset=utf-8');
  for (const files of Object.values(peerFiles())) {
    for (const [url, file] of Object.entries(files)) table[url] = compressedRoute(readFileSync(file), mimeType(file));
  }
  for (const [name, s] of Object.entries(surveys)) {
    for (const tool of ['suara', 'surveyjs', 'formbricks']) {
      table[`/surveys/${name}.${tool}.json`] = compressedRoute(Buffer.from(JSON.stringify(s[tool])), 'application/json');
    }
  }
  return table;
}

// ------------------------------------------------------------------- runs

function urlFor(base, tool, survey) {
  const file = `/surveys/${survey}.${tool}.json`;
  if (tool === 'suara') return `${base}/?lang=en&survey=${encodeURIComponent(file)}`;
  return `${base}/peers/${tool}.html?survey=${encodeURIComponent(file)}`;
}

async function once(browser, url, tool, condition, shot) {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpu });
    if (condition.network) await cdp.send('Network.emulateNetworkConditions', condition.network);
    await page.addInitScript({ content: probe(FIRST_INPUT[tool]) });
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(() => window.__firstQuestion !== undefined, null, { timeout: 120_000, polling: 100 });
    if (shot) await page.screenshot({ path: shot, fullPage: false });
    return await page.evaluate(() => {
      const el = window.__firstQuestionEl;
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      return {
        ms: window.__firstQuestion,
        bytes: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0),
        requests: entries.length,
        input: el.outerHTML.replace(/>[^]*$/, '>').slice(0, 200),
      };
    });
  } finally {
    await page.close();
  }
}

function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const q = (p) => {
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
  };
  return { median: q(0.5), q1: q(0.25), q3: q(0.75), min: s[0], max: s[s.length - 1], n: s.length };
}

// -------------------------------------------------------------------- main

if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('no dist/index.html: build the release first (bash scripts/bench-peers.sh)');
if (!existsSync(path.join(MODULES, 'survey-core'))) throw new Error('peers not installed: npm ci --prefix benches/peers');

const builtIn = JSON.parse(readFileSync(path.join(ROOT, 'crates/domain/surveys/default.json'), 'utf8'));
const SURVEYS = { builtin: builtIn, q200: generate(200) };
const surveyNames = args.surveys.split(',').map((s) => {
  if (!SURVEYS[s]) throw new Error(`unknown survey ${s} (builtin, q200)`);
  return s;
});
const converted = {};
const notes = {};
for (const name of surveyNames) {
  const sj = toSurveyJs(SURVEYS[name], 'en');
  const fb = toFormbricks(SURVEYS[name], 'en');
  converted[name] = { suara: SURVEYS[name], surveyjs: sj.json, formbricks: fb.json };
  notes[name] = { surveyjs: sj.notes, formbricks: fb.notes };
}
let tools = args.tools.split(',');
for (const t of tools) if (!FIRST_INPUT[t]) throw new Error(`unknown tool ${t}`);

const loadBefore = os.loadavg();
const started = new Date();
const entries = entryPoints();
const peerDownload = {};
for (const [tool, files] of Object.entries(peerFiles())) {
  const list = Object.entries(files).map(([url, file]) => ({ file: url, ...sizes(readFileSync(file)) }));
  peerDownload[tool] = { files: list, total: list.reduce((t, f) => add(t, f), { raw: 0, gzip: 0, brotli: 0 }) };
}

const site = await startStaticServer({ routes: routes(converted) });
const browser = await launchBrowser({ contextOptions: { serviceWorkers: 'block' } });
const results = {};
const failures = {};
const firstInputs = {};
let chromium = 'unknown';
try {
  {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    chromium = (await cdp.send('Browser.getVersion')).product;
    await page.close();
  }
  // Warm the browser process and check that each tool shows each survey.
  for (const survey of surveyNames) {
    for (const tool of [...tools]) {
      try {
        if (args.shots) mkdirSync(args.shots, { recursive: true });
        const shot = args.shots ? path.join(args.shots, `${survey}-${tool}.png`) : null;
        const r = await withTimeout(once(browser, urlFor(site.url, tool, survey), tool, { cpu: 1 }, shot), 60_000, `${tool} on ${survey}`);
        (firstInputs[survey] ??= {})[tool] = r.input;
      } catch (err) {
        failures[tool] = `${survey}: ${String(err.message || err).split('\n')[0]}`;
        console.error(`${tool} does not show its first question (${failures[tool]}): left out`);
        tools = tools.filter((t) => t !== tool);
      }
    }
  }
  for (const c of conditions) {
    for (const survey of surveyNames) {
      const times = Object.fromEntries(tools.map((t) => [t, []]));
      const bytes = Object.fromEntries(tools.map((t) => [t, []]));
      process.stdout.write(`${c} ${survey}: `);
      for (let i = 0; i < RUNS; i++) {
        for (const tool of tools) {
          const r = await once(browser, urlFor(site.url, tool, survey), tool, CONDITIONS[c]);
          times[tool].push(r.ms);
          bytes[tool].push(r.bytes);
        }
        process.stdout.write('.');
      }
      process.stdout.write('\n');
      results[c] ??= {};
      results[c][survey] = {};
      for (const tool of tools) {
        results[c][survey][tool] = { ms: stats(times[tool]), runs: times[tool].map((x) => Math.round(x)), transfer_bytes: stats(bytes[tool]).median };
      }
      const suara = results[c][survey].suara?.ms.median;
      for (const tool of tools) {
        if (tool !== 'suara' && suara !== undefined) {
          results[c][survey][tool].suara_ratio = suara / results[c][survey][tool].ms.median;
          // Each round's Suara run over the peer's run next to it: less
          // sensitive to load that comes and goes during the benchmark.
          const paired = stats(times.suara.map((ms, i) => ms / times[tool][i]));
          results[c][survey][tool].paired_ratio = { median: paired.median, q1: paired.q1, q3: paired.q3 };
        }
      }
    }
  }
} finally {
  await browser.close();
  await site.close();
}

// ------------------------------------------------------------------ report

const git = (...a) => {
  try {
    return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};
const report = {
  date: started.toISOString(),
  commit: git('rev-parse', '--short', 'HEAD'),
  machine: {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model,
    load_before: loadBefore.map((x) => +x.toFixed(2)),
    load_after: os.loadavg().map((x) => +x.toFixed(2)),
    chromium,
    node: process.version,
  },
  versions: {
    'survey-core': versionOf('survey-core'),
    'survey-js-ui': versionOf('survey-js-ui'),
    '@formbricks/surveys': versionOf('@formbricks/surveys'),
  },
  method: {
    runs: RUNS,
    order: `alternating: ${tools.join(', ')}, then again`,
    cold: 'new page per run, CDP Network.setCacheDisabled, service workers blocked',
    measure: 'navigation start to the first question\'s first input visible and enabled (checked every animation frame)',
    conditions: Object.fromEntries(conditions.map((c) => [c, CONDITIONS[c]])),
    served_encodings: [...encodings],
    first_input: FIRST_INPUT,
    first_input_found: firstInputs,
  },
  conversion_notes: notes,
  failures,
  page_errors: [...new Set(browser.logs.pageErrors)],
  console_errors: [...new Set(browser.logs.console.filter((m) => m.startsWith('error')))],
  sizes: { entry_points: entries, peers: peerDownload },
  results,
};
const out = path.resolve(ROOT, args.out);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');

const kb = (b) => (b / 1000).toFixed(1).padStart(7);
const w = Math.max(12, ...entries.map((e) => e.entry.length + 1));
console.log(`\nSizes (kB = 1000 bytes): raw, gzip -9, brotli 11`);
for (const e of entries) {
  for (const f of e.files) console.log(`  ${e.entry.padEnd(w)} ${f.file.padEnd(44)} ${kb(f.raw)} ${kb(f.gzip)} ${kb(f.brotli)}`);
  console.log(`  ${e.entry.padEnd(w)} ${'(the page itself)'.padEnd(44)} ${kb(e.page.raw)} ${kb(e.page.gzip)} ${kb(e.page.brotli)}`);
  console.log(`  ${e.entry.padEnd(w)} ${'total'.padEnd(44)} ${kb(e.total.raw)} ${kb(e.total.gzip)} ${kb(e.total.brotli)}`);
}
for (const [tool, d] of Object.entries(peerDownload)) {
  console.log(`  ${tool.padEnd(w)} ${'library (JS + CSS)'.padEnd(44)} ${kb(d.total.raw)} ${kb(d.total.gzip)} ${kb(d.total.brotli)}`);
}
const fmt = (s) => `${Math.round(s.median)} ms (IQR ${Math.round(s.q1)}-${Math.round(s.q3)}, min ${Math.round(s.min)}, max ${Math.round(s.max)})`;
for (const c of Object.keys(results)) {
  console.log(`\nFirst question, ${CONDITIONS[c].label}, ${RUNS} cold runs each:`);
  for (const [survey, byTool] of Object.entries(results[c])) {
    for (const [tool, r] of Object.entries(byTool)) {
      const ratio = r.suara_ratio === undefined ? '' : `  Suara/${tool} ${r.suara_ratio.toFixed(2)}x (paired runs ${r.paired_ratio.median.toFixed(2)}x)`;
      console.log(`  ${survey.padEnd(8)} ${tool.padEnd(11)} ${fmt(r.ms).padEnd(48)} ${kb(r.transfer_bytes)} kB sent${ratio}`);
    }
  }
}
for (const [tool, why] of Object.entries(failures)) console.log(`left out: ${tool}: ${why}`);
for (const e of [...report.page_errors, ...report.console_errors]) console.log(`page said: ${e.split('\n')[0]}`);
console.log(`\nload average before ${report.machine.load_before.join(' ')}, after ${report.machine.load_after.join(' ')}; ${chromium}`);

// The same figures as Markdown tables, for README.
const md = [];
const NAME = { suara: 'Suara', surveyjs: 'SurveyJS', formbricks: 'Formbricks' };
const r0 = (x) => Math.round(x).toLocaleString('en-GB');
md.push('| survey | condition | ' + tools.map((t) => `${NAME[t]} median (IQR)`).join(' | ') + ' | ' + tools.filter((t) => t !== 'suara').map((t) => `Suara / ${NAME[t]} (paired)`).join(' | ') + ' |');
md.push('|' + ' --- |'.repeat(2 + tools.length + tools.filter((t) => t !== 'suara').length));
for (const survey of surveyNames) {
  for (const c of Object.keys(results)) {
    const byTool = results[c][survey];
    const cells = tools.map((t) => `${r0(byTool[t].ms.median)} ms (${r0(byTool[t].ms.q1)}-${r0(byTool[t].ms.q3)})`);
    const ratios = tools.filter((t) => t !== 'suara').map((t) => (byTool[t].suara_ratio === undefined ? '' : `${byTool[t].suara_ratio.toFixed(2)}x (${byTool[t].paired_ratio.median.toFixed(2)}x)`));
    md.push(`| ${survey === 'builtin' ? 'built-in' : survey.replace(/^q/, '') + ' questions'} | ${c === 'cpu4' ? '4x CPU' : '4x CPU, slow network'} | ${cells.join(' | ')} | ${ratios.join(' | ')} |`);
  }
}
md.push('');
md.push('| download | raw | gzip -9 | brotli |');
md.push('| --- | --- | --- | --- |');
for (const e of entries) md.push(`| Suara \`${e.entry}\` and what it names | ${r0(e.total.raw)} | ${r0(e.total.gzip)} | ${r0(e.total.brotli)} |`);
for (const [tool, d] of Object.entries(peerDownload)) md.push(`| ${NAME[tool]} library (${d.files.map((f) => path.basename(f.file)).join(', ')}) | ${r0(d.total.raw)} | ${r0(d.total.gzip)} | ${r0(d.total.brotli)} |`);
const mdOut = out.replace(/\.json$/, '') + '.md';
writeFileSync(mdOut, md.join('\n') + '\n');
console.log(`written: ${path.relative(ROOT, out)}, ${path.relative(ROOT, mdOut)}`);
