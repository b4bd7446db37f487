// Writes the embeds into a built folder, from what Trunk built for the
// widget's page (index.html, after scripts/loaders.mjs):
// - widget.js: the script-tag embed and JavaScript API, a stable name that
//   imports the widget's hashed files relative to itself;
// - embed.html: the widget's page for an iframe, with the script that tells
//   the parent page its height and events (embed/inside-frame.js, hashed);
// - frame.js: the host page's side of the iframe embed (embed/frame.js).
//
// Usage: node scripts/embed.mjs DIST
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2];
if (!dist) {
  console.error('usage: node scripts/embed.mjs DIST');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const fail = (why) => {
  console.error(`${dist}: ${why}`);
  process.exit(1);
};

const page = readFileSync(join(dist, 'index.html'), 'utf8');
const glue = page.match(/href="(?:\.?\/)(suara-widget-[0-9a-f]{1,16}\.js)"/)?.[1] ?? fail('index.html names no suara-widget-<hash>.js');
const wasm = page.match(/href="(?:\.?\/)(suara-widget-[0-9a-f]{1,16}_bg\.wasm)"/)?.[1] ?? fail('index.html names no wasm');
const css = page.match(/href="(?:\.?\/)(suara-[0-9a-f]{1,16}\.css)"/)?.[1] ?? fail('index.html names no suara-<hash>.css');

writeFileSync(
  join(dist, 'widget.js'),
  `// Suara's script-tag embed. On any page:
//   <div data-suara data-survey="https://.../survey.json" data-endpoint="https://.../responses"></div>
//   <script type="module" src="https://.../widget.js"></script>
// mounts a widget on every element with a data-suara attribute, each in its
// own shadow root. From JavaScript:
//   import { mount } from 'https://.../widget.js';
//   const widget = mount(element, { survey: '...', lang: 'id' }); ... widget.unmount();
// Built by scripts/embed.mjs; the files it loads are named by their content.
globalThis.__suaraEmbed = true;
import init, { mount as mountIn } from './${glue}';
${readFileSync(join(root, 'embed', 'prefetch.js'), 'utf8')}
suaraPrefetch(document.querySelectorAll('[data-suara]'));
const here = (file) => new URL(file, import.meta.url).href;
await init({ module_or_path: here('${wasm}') });
const style = here('${css}');
const mounted = new WeakSet();
/** Mounts a widget on \`element\` with \`settings\` (the data-* names); returns a handle with unmount(). */
export function mount(element, settings) {
  if (!(element instanceof HTMLElement)) throw new TypeError('Suara mount(element, settings): element must be an HTML element');
  if (settings !== undefined && (settings === null || typeof settings !== 'object')) throw new TypeError('Suara mount(element, settings): settings must be an object');
  const widget = mountIn(element, settings, style);
  mounted.add(element);
  const unmount = widget.unmount.bind(widget);
  return { unmount() { mounted.delete(element); unmount(); } };
}
for (const element of document.querySelectorAll('[data-suara]')) if (!mounted.has(element)) mount(element);
`,
);

const inside = readFileSync(join(root, 'embed', 'inside-frame.js'));
const hash = createHash('sha256').update(inside).digest('hex').slice(0, 16);
const insideName = `suara-frame-${hash}.js`;
writeFileSync(join(dist, insideName), inside);
// First in the head: deferred scripts run in document order, so its
// listeners are there before the widget's loader can mount and tell.
if (!page.includes('<head>')) fail('index.html has no <head>');
writeFileSync(join(dist, 'embed.html'), page.replace('<head>', `<head>\n    <script src="./${insideName}" defer></script>`));
writeFileSync(join(dist, 'frame.js'), readFileSync(join(root, 'embed', 'frame.js')));
console.log(`widget.js -> ${glue}; embed.html + ${insideName}; frame.js`);
