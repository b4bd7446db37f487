// Starts fetching each widget's survey file while the WebAssembly loads,
// instead of after it has started: the widget takes the reply from
// `globalThis.__suaraSurveys` (src/io/http.rs, `get_text`), once, and
// fetches the file itself when it finds none there. scripts/loaders.mjs
// puts this first in each page's start script, scripts/embed.mjs in
// widget.js, each followed by a call of `suaraPrefetch` with the elements
// that page mounts a widget on.
//
// The address is read as the widget reads its `survey` setting
// (src/config.rs): the element's data-survey (an empty one means the
// built-in survey), else ?survey=, trimmed, made whole against the page;
// only http and https. The request is the widget's own: a plain fetch().
function suaraPrefetch(elements) {
  var kept = (globalThis.__suaraSurveys = globalThis.__suaraSurveys || {});
  var link = new URLSearchParams(location.search).get('survey');
  for (var i = 0; i < elements.length; i++) {
    var element = elements[i];
    if (!element) continue;
    var given = element.getAttribute('data-survey');
    var survey = (given === null ? link || '' : given).trim();
    if (!survey) continue;
    try {
      var url = new URL(survey, location.href);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !kept[url.href]) {
        var reply = fetch(url.href);
        // A failure is the widget's to report; unhandled here, it would
        // also be logged as an error of the page.
        reply.catch(function () {});
        kept[url.href] = reply;
      }
    } catch (e) {
      // Not an address: the widget says so.
    }
  }
}
