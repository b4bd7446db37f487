// The host page's script (a file, for a strict CSP): mounts one widget with
// the JavaScript API, and removes it on request.
import { mount } from '/widget.js';

const widget = mount(document.getElementById('from-api'), {
  survey: 'three-languages.json',
  lang: 'en',
});
document.getElementById('remove-api-widget').addEventListener('click', () => widget.unmount());
