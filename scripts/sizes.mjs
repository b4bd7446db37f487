// The download of each entry point in a built folder: every page (*.html)
// with the files it loads (the scripts, styles and wasm it names, and what
// those scripts name in turn, such as the loader's glue and wasm, or the
// service worker the registration script installs), raw, gzip -9 and
// brotli (quality 11), and the total of each page's wasm + JS + CSS.
//
// Usage: node scripts/sizes.mjs DIST [--json FILE]
// Prints a table per page, then one line per page for scripts to read:
//   size: index.html gzip 123456 brotli 101010 raw 345678
import { readFileSync, existsSync, writeFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** `bytes` raw, gzip -9 and brotli (quality 11). */
export function measure(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

const kind = (f) => (f.endsWith('.wasm') ? 'wasm' : f.endsWith('.css') ? 'CSS' : 'JS');

/** Every page (`*.html`, sub-folders included) under `dist`, relative to it. */
function htmlFiles(dist, under = '') {
  const out = [];
  for (const entry of readdirSync(join(dist, under), { withFileTypes: true })) {
    const rel = under ? posix.join(under, entry.name) : entry.name;
    if (entry.isDirectory()) out.push(...htmlFiles(dist, rel));
    else if (entry.name.endsWith('.html')) out.push(rel);
  }
  return out.sort();
}

/**
 * Every page under `dist` with the files it loads: each quoted (or
 * url()-wrapped) reference to a .wasm, .js, .mjs or .css file that exists,
 * relative to the file that names it or to `dist` when it starts with `/`,
 * and what those scripts name in turn. Returns
 * `[{ entry, files: [{ file, type, raw, gzip, brotli }], total }]`; the page
 * itself is not counted.
 */
export function pages(dist) {
  const named = (text, from) => {
    const found = new Set();
    for (const m of text.matchAll(/["'(]([^"'()\s]+\.(?:wasm|m?js|css))(?:[?#][^"'()\s]*)?["')]/g)) {
      const ref = m[1];
      if (/^[a-z]+:/i.test(ref)) continue;
      const path = posix.normalize(ref.startsWith('/') ? ref.slice(1) : posix.join(posix.dirname(from), ref));
      const full = join(dist, path);
      if (existsSync(full) && statSync(full).isFile()) found.add(path);
    }
    return [...found];
  };
  return htmlFiles(dist).map((entry) => {
    const files = new Set();
    const queue = named(readFileSync(join(dist, entry), 'utf8'), entry);
    while (queue.length) {
      const f = queue.shift();
      if (files.has(f)) continue;
      files.add(f);
      if (/\.m?js$/.test(f)) queue.push(...named(readFileSync(join(dist, f), 'utf8'), f));
    }
    const rows = [...files].sort().map((file) => ({ file, type: kind(file), ...measure(readFileSync(join(dist, file))) }));
    const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    return { entry, files: rows, total };
  });
}

// Run as a command, not imported (benches/peers.mjs imports it).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

function main() {
  const args = process.argv.slice(2);
  const dist = args[0];
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : null;
  if (!dist || (jsonAt >= 0 && !jsonFile)) {
    console.error('usage: node scripts/sizes.mjs DIST [--json FILE]');
    process.exit(2);
  }

  const report = {};
  for (const { entry: page, files: rows, total } of pages(dist)) {
    report[page] = { files: rows, total };
    console.log(`\n${page}`);
    console.log(`${'type'.padEnd(6)} ${'raw'.padStart(10)} ${'gzip-9'.padStart(10)} ${'brotli'.padStart(10)}  file`);
    for (const r of rows) {
      console.log(`${r.type.padEnd(6)} ${String(r.raw).padStart(10)} ${String(r.gzip).padStart(10)} ${String(r.brotli).padStart(10)}  ${r.file}`);
    }
    console.log(`${'total'.padEnd(6)} ${String(total.raw).padStart(10)} ${String(total.gzip).padStart(10)} ${String(total.brotli).padStart(10)}  wasm + JS + CSS (${(total.gzip / 1024).toFixed(1)} KiB gzip)`);
  }
  console.log('');
  for (const [page, { total }] of Object.entries(report)) {
    console.log(`size: ${page} gzip ${total.gzip} brotli ${total.brotli} raw ${total.raw}`);
  }
  if (jsonFile) {
    mkdirSync(dirname(jsonFile), { recursive: true });
    writeFileSync(jsonFile, JSON.stringify(report, null, 2) + '\n');
  }
}
