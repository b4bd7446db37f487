// Minifies the JavaScript and CSS that the pages of a built folder load,
// in place, with esbuild, then brings each page's Subresource Integrity
// hashes up to date. Trunk's own minifier fails on the wasm-bindgen glue
// (10.4 of the respondent's 204 KB gzip before this step) and would also
// rewrite the pages' HTML, which scripts/loaders.mjs and scripts/embed.mjs
// read.
//
// Every `.js` and `.css` file in DIST is minified except sw.js: a new
// version is deployed by raising its `const VERSION = N;` line, which
// stays as written (the offline tests rely on it, and so does whoever
// deploys). Names stay: a file named by a hash of its content is still
// named by its content, and minifying is a function of that content.
//
// Usage: node scripts/minify.mjs DIST
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';

const dist = process.argv[2];
if (!dist) {
  console.error('usage: node scripts/minify.mjs DIST');
  process.exit(2);
}

const KEEP = new Set(['sw.js']);
const files = readdirSync(dist).filter((f) => /\.(js|css)$/.test(f) && !KEEP.has(f));
let before = 0;
let after = 0;
for (const name of files) {
  const path = join(dist, name);
  const source = readFileSync(path, 'utf8');
  const loader = name.endsWith('.css') ? 'css' : 'js';
  // No `format`: each file keeps its kind (module or classic script), its
  // exports and its top-level names, which a classic script shares with
  // the page.
  const { code, warnings } = await transform(source, { loader, minify: true, logLevel: 'silent' });
  for (const w of warnings) console.warn(`${name}: ${w.text}`);
  writeFileSync(path, code);
  before += source.length;
  after += code.length;
}

// `integrity="sha384-..."` of every local file a page names.
let updated = 0;
for (const page of readdirSync(dist).filter((f) => f.endsWith('.html'))) {
  const path = join(dist, page);
  const html = readFileSync(path, 'utf8');
  const next = html.replace(/<(?:link|script)\b[^>]*>/g, (tag) => {
    const file = tag.match(/\b(?:href|src)="(?:\.?\/)?([^"/?#]+)"/)?.[1];
    if (!file || !/\bintegrity="/.test(tag) || !files.includes(file)) return tag;
    const digest = createHash('sha384').update(readFileSync(join(dist, file))).digest('base64');
    updated++;
    return tag.replace(/\bintegrity="[^"]*"/, `integrity="sha384-${digest}"`);
  });
  if (next !== html) writeFileSync(path, next);
}
console.log(`minified ${files.length} files: ${before} -> ${after} bytes; ${updated} integrity hashes updated`);
