// Serves a built folder over HTTP, as the end-to-end tests do (correct MIME
// types, no caching), until Ctrl-C.
// Usage: node scripts/serve-dist.mjs DIR ADDRESS PORT
import { startStaticServer } from '../tests/e2e/support.mjs';

const [root, host = '127.0.0.1', port = '8080'] = process.argv.slice(2);
if (!root || !/^\d+$/.test(port)) {
  console.error('usage: node scripts/serve-dist.mjs DIR ADDRESS PORT');
  process.exit(2);
}
const site = await startStaticServer({ root, host, port: Number(port) });
console.log(`serving ${root} at ${site.url}/ (the widget) and ${site.url}/organiser.html (the organiser's page)`);
