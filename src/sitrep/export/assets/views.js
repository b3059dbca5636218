/* sitrep views: timeline, map, actor network and escalation chart, drawn as SVG.
   Shared by the offline report and the web app. Every piece of data reaches the page through
   textContent or setAttribute on non-executable attributes: never innerHTML, never a URL built
   from article text, so hostile article text stays inert. */
(function () {
  'use strict';
  var SVGNS = 'http://www.w3.org/2000/svg';
  var COLORS = {
    'Battles': '#c0392b', 'Explosions/Remote violence': '#e67e22',
    'Violence against civilians': '#8e44ad', 'Riots': '#8d6e63', 'Protests': '#27ae60',
    'Strategic developments': '#7f8c8d', 'Diplomatic: conflict': '#2c6fbb',
    'Diplomatic: cooperation': '#16a2b8'
  };
  var ACTOR_COLORS = {
    state_forces: '#34495e', government: '#2c6fbb', rebel_group: '#e67e22',
    political_militia: '#d35400', identity_militia: '#a04000', rioters: '#8d6e63',
    protesters: '#27ae60', civilians: '#16a085', external: '#7f8c8d'
  };
  var DYAD_COLORS = ['#c0392b', '#2c6fbb', '#27ae60', '#8e44ad', '#e67e22', '#16a2b8', '#7f8c8d', '#b7950b'];

  function color(cat) { return COLORS[cat] || '#95a5a6'; }
  function isViolent(r) { return !!r.event_type; }
  function svg(tag, attrs, parent) {
    var n = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(n);
    return n;
  }
  function text(parent, x, y, str, attrs) {
    var t = svg('text', Object.assign({ x: x, y: y }, attrs || {}), parent);
    t.textContent = str;
    return t;
  }
  function title(node, str) { svg('title', {}, node).textContent = str; }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function day(d) {  // 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' -> ms (month/year mid-point)
    if (!d) return null;
    var p = String(d).split('-');
    var y = +p[0], m = p[1] ? +p[1] - 1 : 6, dd = p[2] ? +p[2] : (p[1] ? 15 : 1);
    return Date.UTC(y, m, dd);
  }
  function fmtDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function label(r) {
    var a1 = r.actor1 ? r.actor1.name : '?', a2 = r.actor2 ? r.actor2.name : '';
    return a1 + (a2 ? ' \u2192 ' + a2 : '');
  }
  function size(n) { return Math.min(4.5 + 2.4 * Math.sqrt(n), 30); }
  function fatal(r) { var f = r.fatalities || {}; return f.best != null ? f.best : (f.low != null ? f.low : 0); }
  function frame(node, w, h) {
    clear(node);
    return svg('svg', { viewBox: '0 0 ' + w + ' ' + h, width: '100%', role: 'img',
      preserveAspectRatio: 'xMidYMid meet', 'class': 'chart' }, node);
  }
  function mark(parent, r, x, y, size, onPick) {
    var node;
    if (isViolent(r)) {
      node = svg('circle', { cx: x, cy: y, r: size }, parent);
    } else {
      var s = size * 1.25;
      node = svg('path', { d: 'M' + x + ',' + (y - s) + 'L' + (x + s) + ',' + y + 'L' + x + ',' + (y + s) +
        'L' + (x - s) + ',' + y + 'Z' }, parent);
    }
    node.setAttribute('fill', color(r.category));
    node.setAttribute('class', 'mark');
    node.setAttribute('data-id', r.id);
    title(node, (r.date || '') + ' \u00b7 ' + r.category + '\n' + label(r) +
      (r.location ? '\n' + r.location : '') + (isViolent(r) ? '\nfatalities: ' + fatal(r) : ''));
    if (onPick) node.addEventListener('click', function () { onPick(r.id); });
    return node;
  }

  /* ---------------------------------------------------------------- timeline */
  function timeline(node, recs, onPick) {
    var cats = Object.keys(COLORS).filter(function (c) { return recs.some(function (r) { return r.category === c; }); });
    var dated = recs.filter(function (r) { return day(r.date) != null; });
    var W = 1000, lane = 34, top = 16, left = 190, H = top + lane * Math.max(cats.length, 1) + 40;
    var s = frame(node, W, H);
    if (!dated.length) { text(s, W / 2, H / 2, 'No dated events', { 'text-anchor': 'middle', 'class': 'muted' }); return; }
    var t0 = Math.min.apply(null, dated.map(function (r) { return day(r.date); })) - 864e5;
    var t1 = Math.max.apply(null, dated.map(function (r) { return day(r.date); })) + 864e5;
    var x = function (t) { return left + (W - left - 20) * (t - t0) / (t1 - t0); };
    var days = (t1 - t0) / 864e5, step = days <= 21 ? 1 : days <= 120 ? 7 : 30;
    for (var t = t0; t <= t1; t += 864e5 * step) {
      svg('line', { x1: x(t), x2: x(t), y1: top - 6, y2: H - 34, 'class': 'grid' }, s);
      var tx = text(s, x(t), H - 18, fmtDay(t).slice(5), { 'text-anchor': 'middle', 'class': 'tick' });
      if (step === 1 && days > 12 && ((t - t0) / 864e5) % 2) tx.setAttribute('visibility', 'hidden');
    }
    var y0 = fmtDay(t0 + 864e5).slice(0, 4), y1 = fmtDay(t1 - 864e5).slice(0, 4);
    text(s, W - 20, H - 2, y0 === y1 ? y0 : y0 + '\u2013' + y1, { 'text-anchor': 'end', 'class': 'tick' });
    cats.forEach(function (c, i) {
      var y = top + lane * i + lane / 2;
      svg('line', { x1: left, x2: W - 20, y1: y, y2: y, 'class': 'lane' }, s);
      svg('rect', { x: 8, y: y - 6, width: 12, height: 12, rx: 3, fill: color(c) }, s);
      text(s, 26, y + 4, c, { 'class': 'lane-label' });
      var stack = {};
      dated.filter(function (r) { return r.category === c; }).forEach(function (r) {
        var k = r.date; stack[k] = (stack[k] || 0) + 1;
        var off = (stack[k] - 1) * 9;
        mark(s, r, x(day(r.date)) + off, y, 6 + Math.min(Math.sqrt(fatal(r)), 6), onPick);
      });
    });
  }

  /* ---------------------------------------------------------------- map */
  function project(lon, lat) {  // Web Mercator in degrees-ish units
    var phi = Math.max(Math.min(lat, 85), -85) * Math.PI / 180;
    return [lon, -Math.log(Math.tan(Math.PI / 4 + phi / 2)) * 180 / Math.PI];
  }
  function map(node, recs, basemap, onPick, note) {
    var placed = recs.filter(function (r) { return r.latitude != null && r.longitude != null; });
    var bbox = basemap && basemap.bbox;
    if (!bbox) {
      var lons = placed.map(function (r) { return r.longitude; }), lats = placed.map(function (r) { return r.latitude; });
      bbox = lons.length ? [Math.min.apply(null, lons) - 8, Math.min.apply(null, lats) - 5,
        Math.max.apply(null, lons) + 8, Math.max.apply(null, lats) + 5] : [25, 5, 90, 50];
    }
    var a = project(bbox[0], bbox[3]), b = project(bbox[2], bbox[1]);
    var W = 1000, k = W / (b[0] - a[0]), H = Math.round(Math.min(Math.max((b[1] - a[1]) * k, 380), 640));
    var oy = (H - (b[1] - a[1]) * k) / 2;
    var P = function (lon, lat) { var p = project(lon, lat); return [(p[0] - a[0]) * k, (p[1] - a[1]) * k + oy]; };
    var s = frame(node, W, H);
    svg('rect', { x: 0, y: 0, width: W, height: H, 'class': 'sea' }, s);
    var land = svg('g', { 'class': 'land' }, s), labels = svg('g', { 'class': 'country-labels' }, s);
    var placedLabels = [];
    if (basemap) {
      basemap.features.forEach(function (f) {
        var d = '', best = null, bestArea = 0;
        f.geometry.coordinates.forEach(function (poly) {
          poly.forEach(function (ring, ri) {
            var xs = [], ys = [];
            d += ring.map(function (pt, i) { var q = P(pt[0], pt[1]); xs.push(q[0]); ys.push(q[1]);
              return (i ? 'L' : 'M') + q[0].toFixed(1) + ',' + q[1].toFixed(1); }).join('') + 'Z';
            var area = (Math.max.apply(null, xs) - Math.min.apply(null, xs)) * (Math.max.apply(null, ys) - Math.min.apply(null, ys));
            if (ri === 0 && area > bestArea) { bestArea = area; best = [(Math.max.apply(null, xs) + Math.min.apply(null, xs)) / 2, (Math.max.apply(null, ys) + Math.min.apply(null, ys)) / 2]; }
          });
        });
        var path = svg('path', { d: d, 'class': 'country' }, land);
        title(path, f.properties.name || '');
        var name = f.properties.name || '', half = name.length * 3.4;
        var free = best && !placedLabels.some(function (b) {
          return Math.abs(b[0] - best[0]) < b[2] + half && Math.abs(b[1] - best[1]) < 14; });
        if (free && bestArea > 2500 && best[0] > 30 && best[0] < W - 30 && best[1] > 15 && best[1] < H - 15) {
          placedLabels.push([best[0], best[1], half]);
          text(labels, best[0], best[1], name, { 'text-anchor': 'middle', 'class': 'country-label' });
        }
      });
    }
    var marks = svg('g', { 'class': 'markers' }, s);
    placed.slice().sort(function (p, q) { return fatal(q) - fatal(p); }).forEach(function (r) {
      var q = P(r.longitude, r.latitude);
      mark(marks, r, q[0], q[1], isViolent(r) ? size(fatal(r)) : 7, onPick);
    });
    // fatality size key
    var key = svg('g', { 'class': 'size-key' }, s);
    svg('rect', { x: 10, y: H - 86, width: 150, height: 76, rx: 6, 'class': 'key-bg' }, key);
    text(key, 20, H - 68, 'Fatalities', { 'class': 'key-title' });
    [[1, 28], [10, 66], [50, 118]].forEach(function (p) {
      var rr = size(p[0]);
      svg('circle', { cx: p[1], cy: H - 44 + (26 - rr) / 2, r: rr, 'class': 'key-mark' }, key);
      text(key, p[1], H - 14, String(p[0]), { 'text-anchor': 'middle', 'class': 'tick' });
    });
    if (!basemap) {
      text(s, W / 2, 28, note || 'Country borders unavailable (basemap asset not installed)',
        { 'text-anchor': 'middle', 'class': 'map-note' });
    }
    text(s, W - 8, H - 6, 'Borders: Natural Earth', { 'text-anchor': 'end', 'class': 'credit' });
  }

  /* ---------------------------------------------------------------- network */
  function network(node, recs) {
    var nodes = {}, edges = {};
    recs.forEach(function (r) {
      [r.actor1, r.actor2].forEach(function (a) { if (a && a.name) { nodes[a.name] = nodes[a.name] || { a: a, n: 0 }; nodes[a.name].n++; } });
      if (r.actor1 && r.actor2) {
        var key = r.actor1.name + '\u0000' + r.actor2.name;
        edges[key] = edges[key] || { from: r.actor1.name, to: r.actor2.name, n: 0, cats: {} };
        edges[key].n++; edges[key].cats[r.category] = 1;
        edges[key].cat = r.category;
      }
    });
    var names = Object.keys(nodes).sort(function (p, q) {
      return (nodes[p].a.country || '').localeCompare(nodes[q].a.country || '') || p.localeCompare(q); });
    var W = 660, H = 470, cx = W / 2, cy = H / 2, R = H / 2 - 85;
    var s = frame(node, W, H);
    var defs = svg('defs', {}, s);
    Object.keys(COLORS).forEach(function (c, i) {
      var m = svg('marker', { id: 'arrow' + i, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 11, markerHeight: 11, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' }, defs);
      svg('path', { d: 'M0,0L10,5L0,10z', fill: COLORS[c] }, m);
    });
    var pos = {};
    names.forEach(function (n, i) {
      var ang = -Math.PI / 2 + 2 * Math.PI * i / names.length;
      pos[n] = [cx + R * Math.cos(ang), cy + R * Math.sin(ang), ang];
    });
    Object.keys(edges).forEach(function (k) {
      var e = edges[k], p = pos[e.from], q = pos[e.to];
      var nr = 6 + 3 * Math.sqrt(nodes[e.to].n);
      var dx = q[0] - p[0], dy = q[1] - p[1], len = Math.sqrt(dx * dx + dy * dy) || 1;
      var mx = (p[0] + q[0]) / 2 + (cx - (p[0] + q[0]) / 2) * 0.25, my = (p[1] + q[1]) / 2 + (cy - (p[1] + q[1]) / 2) * 0.25;
      var ex = q[0] - (q[0] - mx) / Math.hypot(q[0] - mx, q[1] - my) * (nr + 2), ey = q[1] - (q[1] - my) / Math.hypot(q[0] - mx, q[1] - my) * (nr + 2);
      var path = svg('path', { d: 'M' + p[0] + ',' + p[1] + 'Q' + mx + ',' + my + ' ' + ex + ',' + ey,
        fill: 'none', stroke: color(e.cat), 'stroke-width': 1.2 + 1.4 * e.n, 'stroke-opacity': 0.8,
        'marker-end': 'url(#arrow' + Object.keys(COLORS).indexOf(e.cat) + ')', 'class': 'edge' }, s);
      title(path, e.from + ' \u2192 ' + e.to + ': ' + e.n + ' event(s) (' + Object.keys(e.cats).join(', ') + ')');
      void len;
    });
    names.forEach(function (n) {
      var p = pos[n], a = nodes[n].a, r = 6 + 3 * Math.sqrt(nodes[n].n);
      var c = svg('circle', { cx: p[0], cy: p[1], r: r, fill: ACTOR_COLORS[a.type] || '#95a5a6', 'class': 'node' }, s);
      title(c, n + (a.country ? ' (' + a.country + ')' : '') + (a.type ? ', ' + a.type.replace('_', ' ') : ''));
      var right = Math.cos(p[2]) >= -0.01;
      var lx = p[0] + Math.cos(p[2]) * (r + 6), ly = p[1] + Math.sin(p[2]) * (r + 6) + 4;
      var shown = n.length > 22 ? n.slice(0, 21) + '\u2026' : n;
      text(s, lx, ly, shown, { 'text-anchor': Math.abs(Math.cos(p[2])) < 0.2 ? 'middle' : (right ? 'start' : 'end'), 'class': 'node-label' });
    });
    if (!names.length) text(s, cx, cy, 'No actors', { 'text-anchor': 'middle', 'class': 'muted' });
  }

  /* ---------------------------------------------------------------- escalation */
  function dyadOf(r) {
    if (!r.actor1 || !r.actor2) return null;
    var p = r.actor1.country || r.actor1.name, q = r.actor2.country || r.actor2.name;
    return [p, q].sort().join(' \u2013 ');
  }
  function escalation(node, recs, onPick) {
    var series = {};
    recs.forEach(function (r) {
      var d = dyadOf(r), t = day(r.date);
      if (!d || t == null || r.goldstein == null) return;
      series[d] = series[d] || {};
      (series[d][t] = series[d][t] || []).push(r);
    });
    var dyads = Object.keys(series).sort(function (p, q) {
      return Object.keys(series[q]).length - Object.keys(series[p]).length || p.localeCompare(q); }).slice(0, 8);
    var W = 580, H = 470, L = 50, T = 20, B = 40, legendH = 22 * Math.ceil(dyads.length / 2);
    var s = frame(node, W, H), plotB = H - B - legendH;
    var all = [];
    dyads.forEach(function (d) { Object.keys(series[d]).forEach(function (t) { all.push(+t); }); });
    if (!all.length) { text(s, W / 2, H / 2, 'No dyads with Goldstein scores', { 'text-anchor': 'middle', 'class': 'muted' }); return; }
    var t0 = Math.min.apply(null, all) - 864e5, t1 = Math.max.apply(null, all) + 864e5;
    var x = function (t) { return L + (W - L - 16) * (t - t0) / (t1 - t0); };
    var y = function (g) { return T + (plotB - T) * (10 - g) / 20; };
    svg('rect', { x: L, y: T, width: W - L - 16, height: y(0) - T, 'class': 'coop-band' }, s);
    svg('rect', { x: L, y: y(0), width: W - L - 16, height: plotB - y(0), 'class': 'conflict-band' }, s);
    [-10, -5, 0, 5, 10].forEach(function (g) {
      svg('line', { x1: L, x2: W - 16, y1: y(g), y2: y(g), 'class': g === 0 ? 'zero' : 'grid' }, s);
      text(s, L - 6, y(g) + 4, String(g), { 'text-anchor': 'end', 'class': 'tick' });
    });
    text(s, 12, (T + plotB) / 2, 'Goldstein score (daily mean)', { transform: 'rotate(-90 12 ' + (T + plotB) / 2 + ')', 'text-anchor': 'middle', 'class': 'tick' });
    var days = (t1 - t0) / 864e5, step = days <= 14 ? 1 : days <= 60 ? 7 : 30;
    for (var t = t0; t <= t1; t += 864e5 * step) {
      text(s, x(t), plotB + 16, fmtDay(t).slice(5), { 'text-anchor': 'middle', 'class': 'tick' });
    }
    dyads.forEach(function (d, i) {
      var c = DYAD_COLORS[i % DYAD_COLORS.length];
      var ts = Object.keys(series[d]).map(Number).sort(function (p, q) { return p - q; });
      var pts = ts.map(function (t) {
        var rs = series[d][t], g = rs.reduce(function (acc, r) { return acc + r.goldstein; }, 0) / rs.length;
        return [x(t), y(g), rs, g];
      });
      svg('path', { d: pts.map(function (p, j) { return (j ? 'L' : 'M') + p[0] + ',' + p[1]; }).join(''),
        fill: 'none', stroke: c, 'stroke-width': 2.5, 'class': 'dyad-line' }, s);
      pts.forEach(function (p) {
        var dot = svg('circle', { cx: p[0], cy: p[1], r: 4 + 1.5 * p[2].length, fill: c, 'class': 'mark', 'data-id': p[2][0].id }, s);
        title(dot, d + ' \u00b7 ' + fmtDay(ts[pts.indexOf(p)]) + '\nmean Goldstein ' + p[3].toFixed(1) + ' over ' + p[2].length + ' event(s)\n' +
          p[2].map(function (r) { return 'CAMEO ' + r.cameo + ': ' + label(r); }).join('\n'));
        if (onPick) dot.addEventListener('click', function () { onPick(p[2][0].id); });
      });
      var lx = L + (i % 2) * (W - L) / 2, ly = H - legendH - 8 + 22 * Math.floor(i / 2);
      svg('line', { x1: lx, x2: lx + 22, y1: ly, y2: ly, stroke: c, 'stroke-width': 3 }, s);
      text(s, lx + 28, ly + 4, d, { 'class': 'legend-label' });
    });
  }

  function legend(node) {
    clear(node);
    Object.keys(COLORS).forEach(function (c) {
      var item = document.createElement('span');
      item.className = 'legend-item';
      var sw = document.createElement('span');
      sw.className = 'swatch' + (c.indexOf('Diplomatic') === 0 ? ' diamond' : '');
      sw.style.backgroundColor = COLORS[c];
      item.appendChild(sw);
      item.appendChild(document.createTextNode(c));
      node.appendChild(item);
    });
  }

  window.SitrepViews = { timeline: timeline, map: map, network: network, escalation: escalation,
    legend: legend, color: color, label: label, fatal: fatal, COLORS: COLORS };
})();
