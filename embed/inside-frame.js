// Inside the widget's embed.html: tells the parent page the content's
// height whenever it changes, and each of the widget's events, with
// postMessage, and only to the origin the parent_origin setting names
// (data-parent_origin on the mount element, or ?parent_origin= in the
// frame's address). Without a valid parent_origin it says nothing.
(function () {
  'use strict';
  if (window.parent === window) return;
  var host = document.getElementById('suara');
  if (!host) return;
  var named = host.getAttribute('data-parent_origin');
  if (named === null) named = new URLSearchParams(location.search).get('parent_origin');
  var origin = null;
  try {
    origin = new URL(named).origin;
  } catch (e) {}
  if (!origin || origin === 'null' || origin !== String(named).replace(/\/$/, '')) {
    console.warn('Suara: embed.html talks to its page only with parent_origin set to that page\'s origin, e.g. parent_origin=https://host.example');
    return;
  }
  var say = function (message) {
    window.parent.postMessage(message, origin);
  };
  var last = -1;
  var measure = function (again) {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last || again === true) {
      last = height;
      say({ type: 'suara:height', height: height });
    }
  };
  new ResizeObserver(measure).observe(document.documentElement);
  // The page's frame.js asks again once it runs: its first answers may have
  // gone before it listened.
  addEventListener('message', function (event) {
    if (event.source === window.parent && event.origin === origin && event.data && event.data.type === 'suara:hello') measure(true);
  });
  ['suara:ready', 'suara:page', 'suara:submitted', 'suara:sent', 'suara:error'].forEach(function (name) {
    host.addEventListener(name, function (event) {
      say({ type: name, detail: event.detail });
    });
  });
})();
