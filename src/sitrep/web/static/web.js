/* The web app's pages: draw the views from /events.json (same filters as the page) and colour
   the swatches. Data reaches the page through textContent/setAttribute only (see views.js). */
(function () {
  'use strict';
  var V = window.SitrepViews;
  document.querySelectorAll('[data-category]').forEach(function (n) {
    n.style.backgroundColor = V.color(n.getAttribute('data-category'));
  });
  var legend = document.getElementById('legend');
  if (legend) V.legend(legend);
  function open(id) { window.location.href = '/events/' + encodeURIComponent(id); }
  function get(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; });
  }
  var one = document.getElementById('event-map');
  if (one) {
    Promise.all([get(one.getAttribute('data-event')), get(one.getAttribute('data-basemap'))])
      .then(function (res) {
        V.map(one, res[0] ? [res[0]] : [], res[1], null);
        document.body.setAttribute('data-views', 'ready');
      });
  }
  var root = document.getElementById('views');
  if (!root) return;
  Promise.all([get(root.getAttribute('data-events')), get(root.getAttribute('data-basemap'))])
    .then(function (res) {
      var recs = (res[0] && res[0].events) || [], base = res[1];
      V.map(document.getElementById('map'), recs, base, open);
      V.timeline(document.getElementById('timeline'), recs, open);
      V.escalation(document.getElementById('escalation'), recs, open);
      V.network(document.getElementById('network'), recs);
      document.body.setAttribute('data-views', 'ready');
    })
    .catch(function (err) {
      var m = document.getElementById('map');
      m.textContent = 'Could not load the views: ' + err;
    });
})();
