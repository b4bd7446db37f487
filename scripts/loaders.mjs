// Moves Trunk's inline loader (the <script type="module"> that imports the
// wasm-bindgen glue and starts the wasm) out of every page in a folder into
// a file of its own, named by a hash of its content like Trunk's files
// (`suara-widget-start-<hash>.js`), so the pages need no inline script under
// a strict Content-Security-Policy, and sw.js keeps the file with the page.
// The file starts with embed/prefetch.js, so the page's survey is fetched
// while the wasm loads, not after.
//
// Usage: node scripts/loaders.mjs DIST
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// The page's mount element as src/lib.rs finds it (`page_host`).
const prefetch = `${readFileSync(join(root, 'embed', 'prefetch.js'), 'utf8')}
suaraPrefetch([document.getElementById('suara') || document.querySelector('[data-suara]')]);
`;

const dist = process.argv[2];
if (!dist) {
  console.error('usage: node scripts/loaders.mjs DIST');
  process.exit(2);
}

// Trunk's loader: an inline module that imports '<base><name>-<hash>.js'.
const LOADER = /<script type="module">\s*(import init[^<]*?from '([^']*\/)([\w-]+)-[0-9a-f]{1,16}\.js';[^<]*)<\/script>/;

let moved = 0;
for (const name of readdirSync(dist).filter((f) => f.endsWith('.html'))) {
  const path = join(dist, name);
  const html = readFileSync(path, 'utf8');
  const found = html.match(LOADER);
  if (!found) {
    if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
      console.error(`${path}: an inline script that is not Trunk's loader; move it into a file`);
      process.exit(1);
    }
    continue;
  }
  const [whole, loader, base, bin] = found;
  const code = prefetch + loader.trim();
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = `${bin}-start-${hash}.js`;
  writeFileSync(join(dist, file), code.trim() + '\n');
  writeFileSync(path, html.replace(whole, `<script type="module" src="${base}${file}"></script>`));
  moved++;
  console.log(`${name}: loader -> ${file}`);
}
if (!moved) {
  console.error(`${dist}: no page with Trunk's loader`);
  process.exit(1);
}
