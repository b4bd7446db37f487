// Kiosk mode's device glue (kiosk.html only), as a plain script so that
// none of it is in any page's WebAssembly:
// - the PIN's hash: PBKDF2-SHA-256 from the browser's Web Crypto, with a
//   random 16-byte salt and 600,000 iterations (OWASP's figure for
//   PBKDF2-SHA-256); the wasm holds no hashing code;
// - full screen and the screen wake lock, asked for from the person's tap
//   and asked again when lost (the page hidden and shown again, full
//   screen left);
// - the guards of a shared tablet: no context menu, no text selection
//   outside inputs, no pinch zoom, no link that navigates, and "back" does
//   not leave the page.
// The widget calls these through `globalThis.suaraKiosk`.
(function () {
  'use strict';
  var enc = new TextEncoder();
  var ITERATIONS = 600000;
  function b64(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s);
  }
  function unb64(s) {
    return Uint8Array.from(atob(s), function (c) { return c.charCodeAt(0); });
  }
  function derive(pin, salt, iterations) {
    return crypto.subtle
      .importKey('raw', enc.encode(pin), 'PBKDF2', false, ['deriveBits'])
      .then(function (key) {
        return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations }, key, 256);
      })
      .then(function (bits) { return new Uint8Array(bits); });
  }

  // Whether the kiosk wants full screen and the wake lock (between the
  // first person's tap and leaving kiosk mode).
  var wanted = false;
  var lock = null;
  function wakeLock() {
    if (!wanted || lock || !navigator.wakeLock || document.visibilityState !== 'visible') return;
    navigator.wakeLock.request('screen').then(function (l) {
      lock = l;
      l.addEventListener('release', function () { lock = null; });
    }, function () {});
  }
  function fullScreen() {
    var el = document.documentElement;
    if (!wanted || document.fullscreenElement || !el.requestFullscreen) return;
    el.requestFullscreen().catch(function () {});
  }
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') {
      wakeLock();
      fullScreen();
    }
  });
  // Full screen needs a person's gesture: lost, it is asked again at the next touch.
  document.addEventListener('pointerdown', fullScreen, true);

  var editable = function (el) {
    return !!(el && el.closest && el.closest('input, textarea, select, [contenteditable]'));
  };
  document.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  document.addEventListener('selectstart', function (e) { if (!editable(e.target)) e.preventDefault(); });
  // Safari's pinch, and two fingers anywhere.
  document.addEventListener('gesturestart', function (e) { e.preventDefault(); });
  document.addEventListener('touchmove', function (e) { if (e.touches.length > 1) e.preventDefault(); }, { passive: false });
  // A link in a survey's text opens nothing (the widget's own in-page
  // links, such as the error summary's, handle their clicks themselves).
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest && e.target.closest('a[href]');
    // A download the panel starts (a file, not a page) is let through.
    if (a && !a.hasAttribute('download') && !a.getAttribute('href').startsWith('#')) e.preventDefault();
  }, true);
  document.addEventListener('auxclick', function (e) { e.preventDefault(); }, true);
  // "Back" (a button, a gesture) stays on the page.
  history.pushState({ suaraKiosk: true }, '');
  addEventListener('popstate', function () { history.pushState({ suaraKiosk: true }, ''); });

  globalThis.suaraKiosk = {
    /** The PIN's record to keep: salt, iterations and hash, as JSON text. */
    hash: function (pin) {
      var salt = crypto.getRandomValues(new Uint8Array(16));
      return derive(pin, salt, ITERATIONS).then(function (hash) {
        return JSON.stringify({ v: 1, kdf: 'PBKDF2-SHA-256', iterations: ITERATIONS, salt: b64(salt), hash: b64(hash) });
      });
    },
    /** Whether `pin` matches the kept record (compared in constant time). */
    verify: function (pin, record) {
      var r;
      try { r = JSON.parse(record); } catch (e) { return Promise.resolve(false); }
      return derive(pin, unb64(r.salt), r.iterations).then(function (got) {
        var want = unb64(r.hash);
        var diff = got.length ^ want.length;
        for (var i = 0; i < got.length && i < want.length; i++) diff |= got[i] ^ want[i];
        return diff === 0;
      });
    },
    /** Full screen and the wake lock, from a person's tap; kept from now on. */
    keepAwake: function () {
      wanted = true;
      fullScreen();
      wakeLock();
    },
    /** Leaving kiosk mode: full screen and the wake lock let go. */
    letGo: function () {
      wanted = false;
      if (lock) lock.release().catch(function () {});
      if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
    },
  };
})();
