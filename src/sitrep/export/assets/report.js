/* The offline report: reads the embedded JSON, draws the views, filters, the events table and
   the detail panel (claims, sources, disputes, links). Text goes in with textContent only. */
(function () {
  'use strict';
  function own(r) {   /* the sources that are reports of their own (copies left out) */
    return (r.sources || []).filter(function (c) { return !c.copy_of; });
  }
  var V = window.SitrepViews;
  var DATA = JSON.parse(document.getElementById('sitrep-data').textContent);
  var byId = {};
  DATA.events.forEach(function (r) { byId[r.id] = r; });
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, txt, parent) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (txt != null) n.textContent = String(txt);
    if (parent) parent.appendChild(n);
    return n;
  }
  function range(f) {
    if (!f || (f.low == null && f.best == null && f.high == null)) return '\u2013';
    var lo = f.low, hi = f.high, best = f.best;
    if (lo != null && hi != null && lo !== hi) return best + ' (' + lo + '\u2013' + hi + ')';
    return String(best != null ? best : (lo != null ? lo : hi));
  }
  function place(parts) {
    return parts.filter(function (p, i) { return p && parts.indexOf(p) === i; }).join(', ');
  }
  function actor(a) { return a ? a.name + (a.country ? ' (' + a.country + ')' : '') : '\u2013'; }

  function pick(id) {
    var r = byId[id];
    if (!r) return;
    document.querySelectorAll('.selected').forEach(function (n) { n.classList.remove('selected'); });
    document.querySelectorAll('[data-id]').forEach(function (n) {
      if (n.getAttribute('data-id') === id) n.classList.add('selected');
    });
    var d = $('detail');
    while (d.firstChild) d.removeChild(d.firstChild);
    var head = el('div', 'detail-head', null, d);
    var sw = el('span', 'swatch' + (r.event_type ? '' : ' diamond'), null, head);
    sw.style.backgroundColor = V.color(r.category);
    el('span', 'detail-type', r.event_type ? r.event_type + ' \u00b7 ' + (r.sub_event_type || '') : r.category, head);
    el('h2', null, V.label(r), d);
    if (r.summary) el('p', 'summary', r.summary, d);
    var dl = el('dl', 'facts', null, d);
    [['Date', r.date], ['Where', place([r.location, r.admin1, r.country])],
     ['Actor 1', actor(r.actor1)], ['Actor 2', actor(r.actor2)],
     ['CAMEO', r.cameo + (r.goldstein != null ? '  (Goldstein ' + r.goldstein + ')' : '')],
     ['Fatalities', range(r.fatalities)], ['Injuries', range(r.injuries)], ['Event id', r.id]
    ].forEach(function (kv) { el('dt', null, kv[0], dl); el('dd', null, kv[1] || '\u2013', dl); });
    el('h3', null, 'Claims (' + own(r).length + ')', d);
    var ul = el('ul', 'claims', null, d);
    (r.sources || []).forEach(function (c) {
      if (c.copy_of) {   /* the same report seen again: where, not a claim of its own */
        el('div', 'claim-src', 'also at: ' + [c.outlet, c.published, c.document + ' #' + c.article]
          .filter(Boolean).join(' \u00b7 '), el('li', 'claim copy', null, ul));
        return;
      }
      var li = el('li', 'claim', null, ul);
      el('blockquote', 'sentence', c.text, li);
      var who = [c.outlet, c.published, c.attributed_to ? 'according to ' + c.attributed_to : null,
        c.fatalities ? 'killed: ' + range(c.fatalities) : null].filter(Boolean).join(' \u00b7 ');
      el('div', 'claim-meta', who, li);
      el('div', 'claim-src', 'source: ' + c.document + ' #' + c.article, li);
    });
    if ((r.disputes || []).length) {
      el('h3', null, 'Disputes', d);
      var du = el('ul', 'disputes', null, d);
      r.disputes.forEach(function (x) {
        var sides = (x.sides || []).map(function (s) {
          var who = (s.sources || []).map(function (c) { return c && typeof c === 'object' ? (c.outlet || c.document) : c; });
          if (!who.length) who = [].concat(s.attributed_to || []);
          return String(s.value) + (who.length ? ' (' + who.join(', ') + ')' : ''); }).join(' vs ');
        el('li', null, x.field + ': ' + sides + (x.note ? ' \u2014 ' + x.note : ''), du);
      });
    }
    if ((r.links || []).length) {
      el('h3', null, 'Links', d);
      var lu = el('ul', 'links', null, d);
      r.links.forEach(function (ln) {
        var li = el('li', null, ln.type.replace(/_/g, ' ') + ': ', lu);
        var target = byId[ln.event];
        var b = el('button', 'linkbtn', target ? (target.date + ' ' + V.label(target)) : ln.event, li);
        b.type = 'button';
        b.addEventListener('click', function () { pick(ln.event); });
      });
    }
    d.classList.add('open');
  }

  function row(r, tbody) {
    var tr = el('tr', 'event-row', null, tbody);
    tr.setAttribute('data-id', r.id);
    tr.tabIndex = 0;
    el('td', 'nowrap', r.date, tr);
    var td = el('td', null, null, tr);
    var sw = el('span', 'swatch' + (r.event_type ? '' : ' diamond'), null, td);
    sw.style.backgroundColor = V.color(r.category);
    el('span', null, r.sub_event_type || r.category, td);
    el('td', null, r.actor1 ? r.actor1.name : '', tr);
    el('td', null, r.actor2 ? r.actor2.name : '', tr);
    el('td', null, place([r.location, r.country]), tr);
    el('td', 'num', r.event_type ? range(r.fatalities) : '', tr);
    el('td', 'num', own(r).length, tr);
    tr.addEventListener('click', function () { pick(r.id); });
    tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') pick(r.id); });
  }

  function matches(r, f) {
    if (f.category && r.category !== f.category) return false;
    if (f.country && r.country !== f.country) return false;
    if (f.q) {
      var hay = [r.summary, r.location, r.country, r.admin1, r.actor1 && r.actor1.name,
        r.actor2 && r.actor2.name].concat((r.sources || []).map(function (c) { return [c.text, c.outlet, c.attributed_to].join(' '); }))
        .join(' ').toLowerCase();
      if (hay.indexOf(f.q.toLowerCase()) < 0) return false;
    }
    return true;
  }

  function draw() {
    var f = { q: $('f-q').value.trim(), category: $('f-cat').value, country: $('f-country').value };
    var recs = DATA.events.filter(function (r) { return matches(r, f); });
    V.timeline($('timeline'), recs, pick);
    V.map($('map'), recs, DATA.basemap, pick, DATA.basemap_note);
    V.network($('network'), recs);
    V.escalation($('escalation'), recs, pick);
    var tbody = $('events-body');
    while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
    recs.forEach(function (r) { row(r, tbody); });
    if (!recs.length) {
      var td = el('td', 'empty', DATA.events.length ? 'No event matches these filters.' : 'No events in this database.', el('tr', null, null, tbody));
      td.colSpan = 7;
    }
    $('shown').textContent = recs.length + ' of ' + DATA.events.length + ' events';
  }

  function options(select, values) {
    values.forEach(function (v) { var o = el('option', null, v, select); o.value = v; });
  }
  options($('f-cat'), Object.keys(V.COLORS).filter(function (c) {
    return DATA.events.some(function (r) { return r.category === c; }); }));
  options($('f-country'), Array.from(new Set(DATA.events.map(function (r) { return r.country; }).filter(Boolean))).sort());
  ['f-q', 'f-cat', 'f-country'].forEach(function (id) { $(id).addEventListener('input', draw); });
  $('f-reset').addEventListener('click', function () { $('f-q').value = ''; $('f-cat').value = ''; $('f-country').value = ''; draw(); });
  V.legend($('legend'));
  draw();
})();
