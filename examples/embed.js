// The host page's script (a file, for a strict CSP): mounts one widget with
// the JavaScript API and writes down every event the widgets send.
import { mount } from '/widget.js';

const log = document.getElementById('events');
const heard = (where, event) => {
  const line = document.createElement('li');
  line.textContent = `${where}: ${event.type} ${JSON.stringify(event.detail)}`;
  log.append(line);
};
for (const name of ['suara:ready', 'suara:page', 'suara:submitted', 'suara:sent', 'suara:error']) {
  // The widgets' events bubble to the document; the frame's come on the <iframe>.
  document.addEventListener(name, (event) => heard(event.target.id || event.target.tagName, event));
}

const widget = mount(document.getElementById('from-api'), {
  survey: 'three-languages.json',
  lang: 'en',
});
document.getElementById('remove-api-widget').addEventListener('click', () => widget.unmount());
