// Offline start (sw.js): once the worker runs, ask it to keep this page and
// its survey. Without service workers (plain http, file:) nothing changes:
// the widget works online. A file, not an inline script, so the page runs
// under a strict Content-Security-Policy (script-src 'self').
if ('serviceWorker' in navigator) addEventListener('load', function () {
  var sw = navigator.serviceWorker;
  sw.register('sw.js').then(function () { return sw.ready; }).then(function (reg) {
    // The survey setting as the widget reads it: the mount element's
    // data-survey first, then ?survey=.
    var host = document.getElementById('suara') || document.querySelector('[data-suara]') || document.body;
    var survey = host.getAttribute('data-survey');
    if (survey === null) survey = new URLSearchParams(location.search).get('survey') || '';
    survey = survey.trim();
    reg.active.postMessage({ page: location.href, survey: survey && new URL(survey, location.href).href });
    // The question bank's files the widget fetched (a survey with an
    // inclusion block), before the worker ran or after: kept like the survey.
    if (window.PerformanceObserver) new PerformanceObserver(function (list) {
      var bank = list.getEntries().map(function (e) { return e.name; }).filter(function (u) {
        return /\/bank\/[\w.-]+\/[A-Z]{2}\.[\w-]+\.json$/.test(u);
      });
      if (bank.length) reg.active.postMessage({ bank: bank });
    }).observe({ type: 'resource', buffered: true });
  }).catch(function () {});
});
