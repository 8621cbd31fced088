// The register's map: segments drawn from their GeoJSON lines, coloured by condition grade. Without a configured
// tile URL, ECharts draws them on a plain background (works offline); with one, Leaflet draws them over the XYZ
// tiles. Data comes from data-* attributes (no inline script); names are shown as text, never as HTML.
(function () {
  'use strict';
  var colours = { EXCELLENT: '#1a7f37', GOOD: '#4f8fbf', FAIR: '#d9a441', POOR: '#e06c2f', BAD: '#c8253d', NONE: '#8a8a8a' };

  function lines(el) {
    try { return JSON.parse(el.getAttribute('data-lines') || '[]'); } catch (e) { return []; }
  }

  function label(el, l) {
    return l.name + ' · ' + (el.getAttribute('data-grade-' + l.grade) || l.grade);
  }

  function drawTiles(el, tileUrl) {
    var map = L.map(el, { scrollWheelZoom: false });
    map.attributionControl.setPrefix('Leaflet');
    L.tileLayer(tileUrl, { maxZoom: 18, attribution: el.getAttribute('data-tile-attribution') || '' }).addTo(map);
    var bounds = [];
    lines(el).forEach(function (l) {
      var latLngs = l.coords.map(function (c) { return [c[1], c[0]]; });
      var tip = document.createElement('span');
      tip.textContent = label(el, l);
      L.polyline(latLngs, { color: colours[l.grade] || colours.NONE, weight: 5, opacity: 0.9 }).bindTooltip(tip).addTo(map);
      bounds = bounds.concat(latLngs);
    });
    if (bounds.length) {
      map.fitBounds(bounds, { padding: [16, 16] });
    } else {
      map.setView([22.376, 112.698], 10);
    }
    el.setAttribute('data-drawn', 'leaflet');
  }

  function drawPlain(el) {
    var all = lines(el);
    var data = all.map(function (l) {
      return { name: label(el, l), coords: l.coords, lineStyle: { color: colours[l.grade] || colours.NONE, width: 4, opacity: 1 } };
    });
    var xs = [], ys = [];
    all.forEach(function (l) { l.coords.forEach(function (c) { xs.push(c[0]); ys.push(c[1]); }); });
    var pad = 0.01;
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'item', formatter: function (p) { return echarts.format.encodeHTML(p.name); } },
      grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: false },
      xAxis: { type: 'value', scale: true, show: false, min: xs.length ? Math.min.apply(null, xs) - pad : 112,
        max: xs.length ? Math.max.apply(null, xs) + pad : 113 },
      yAxis: { type: 'value', scale: true, show: false, min: ys.length ? Math.min.apply(null, ys) - pad : 22,
        max: ys.length ? Math.max.apply(null, ys) + pad : 23 },
      dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }, { type: 'inside', yAxisIndex: 0, filterMode: 'none' }],
      series: [{ type: 'lines', coordinateSystem: 'cartesian2d', polyline: true, data: data }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.setAttribute('data-drawn', 'echarts');
  }

  function draw(el) {
    var tileUrl = el.getAttribute('data-tile-url') || '';
    if (tileUrl && typeof L !== 'undefined') {
      drawTiles(el, tileUrl);
    } else if (typeof echarts !== 'undefined') {
      drawPlain(el);
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.roads-map').forEach(draw);
  });
})();
