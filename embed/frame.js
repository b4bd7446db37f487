// Suara's iframe embed, the host page's side. Include it once on a page with
// one or more frames of the widget's embed.html:
//
//   <script src="https://surveys.example/frame.js"></script>
//   <iframe data-suara-frame title="Survey" src="https://surveys.example/embed.html?survey=...&parent_origin=https://host.example"></iframe>
//
// A plain script (not deferred), before the frames: its listener must be
// there before a frame starts talking. A frame that loaded first is asked
// for its height again (suara:hello) when this script starts and when the
// frame fires load.
// Each frame tells its page its content height ({"type": "suara:height"})
// and the widget's events ({"type": "suara:submitted", "detail": ...}) with
// postMessage, only to the origin its parent_origin names. This script
// takes a message only from a frame it knows (its window and the origin of
// its src), sets that frame's height, and dispatches the events on the
// <iframe> element as bubbling CustomEvents of the same names.
(function () {
  'use strict';
  var EVENTS = ['suara:ready', 'suara:page', 'suara:submitted', 'suara:sent', 'suara:error'];
  var hello = function (frame) {
    try {
      frame.contentWindow.postMessage({ type: 'suara:hello' }, new URL(frame.src, location.href).origin);
    } catch (e) {}
  };
  var greet = function () {
    var frames = document.querySelectorAll('iframe[data-suara-frame]');
    for (var i = 0; i < frames.length; i++) hello(frames[i]);
  };
  // Frames that loaded before this script, or load later.
  addEventListener('load', greet);
  addEventListener('load', function (event) {
    if (event.target && event.target.matches && event.target.matches('iframe[data-suara-frame]')) hello(event.target);
  }, true);
  addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data.type !== 'string') return;
    var frames = document.querySelectorAll('iframe[data-suara-frame]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.src, location.href).origin;
      } catch (e) {
        return;
      }
      if (origin !== event.origin) return;
      if (data.type === 'suara:height') {
        var height = Number(data.height);
        // Through the CSSOM, so a strict style-src allows it.
        if (height > 0 && height < 100000) frame.style.height = Math.ceil(height) + 'px';
      } else if (EVENTS.indexOf(data.type) >= 0) {
        frame.dispatchEvent(new CustomEvent(data.type, { detail: data.detail, bubbles: true }));
      }
      return;
    }
  });
})();
