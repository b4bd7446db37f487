// The download of each entry point in a built folder: every page (*.html)
// with the files it loads (the scripts, styles and wasm it names, and what
// those scripts name in turn, such as the loader's glue and wasm, or the
// service worker the registration script installs), raw, gzip -9 and
// brotli (quality 11), and the total of each page's wasm + JS + CSS.
//
// Usage: node scripts/sizes.mjs DIST [--json FILE]
// Prints a table per page, then one line per page for scripts to read:
//   size: index.html gzip 123456 brotli 101010 raw 345678
import { readFileSync, existsSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const dist = args[0];
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : null;
if (!dist || (jsonAt >= 0 && !jsonFile)) {
  console.error('usage: node scripts/sizes.mjs DIST [--json FILE]');
  process.exit(2);
}

const kind = (f) => (f.endsWith('.wasm') ? 'wasm' : f.endsWith('.css') ? 'CSS' : 'JS');
const measure = (file) => {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    type: kind(file),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

// Same-site files a text names, relative to the file that names them.
function named(text, from) {
  const found = new Set();
  for (const m of text.matchAll(/["']([\w./-]+\.(?:js|mjs|wasm|css))["']/g)) {
    const ref = m[1];
    if (/^[a-z]+:/i.test(ref)) continue;
    const path = ref.startsWith('/') ? ref.slice(1) : posix.join(posix.dirname(from), ref);
    if (existsSync(join(dist, path))) found.add(posix.normalize(path));
  }
  return [...found];
}

const report = {};
for (const page of readdirSync(dist).filter((f) => f.endsWith('.html')).sort()) {
  const files = new Set();
  const queue = named(readFileSync(join(dist, page), 'utf8'), page);
  while (queue.length) {
    const f = queue.shift();
    if (files.has(f)) continue;
    files.add(f);
    if (/\.m?js$/.test(f)) queue.push(...named(readFileSync(join(dist, f), 'utf8'), f));
  }
  const rows = [...files].sort().map(measure);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
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
