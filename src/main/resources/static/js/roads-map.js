// The register's map: segments drawn from their GeoJSON lines with ECharts on a plain background (no online
// tiles), coloured by condition grade. Data comes from data-* attributes (no inline script).
(function () {
  'use strict';
  var colours = { EXCELLENT: '#1a7f37', GOOD: '#4f8fbf', FAIR: '#d9a441', POOR: '#e06c2f', BAD: '#c8253d', NONE: '#8a8a8a' };

  function draw(el) {
    if (typeof echarts === 'undefined') { return; }
    var lines;
    try { lines = JSON.parse(el.getAttribute('data-lines') || '[]'); } catch (e) { lines = []; }
    var data = lines.map(function (l) {
      return { name: l.name + ' · ' + (el.getAttribute('data-grade-' + l.grade) || l.grade), coords: l.coords,
        lineStyle: { color: colours[l.grade] || colours.NONE, width: 4 } };
    });
    var xs = [], ys = [];
    lines.forEach(function (l) { l.coords.forEach(function (c) { xs.push(c[0]); ys.push(c[1]); }); });
    var pad = 0.01;
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'item', formatter: function (p) { return p.name; } },
      grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: false },
      xAxis: { type: 'value', scale: true, show: false, min: xs.length ? Math.min.apply(null, xs) - pad : 112,
        max: xs.length ? Math.max.apply(null, xs) + pad : 113 },
      yAxis: { type: 'value', scale: true, show: false, min: ys.length ? Math.min.apply(null, ys) - pad : 22,
        max: ys.length ? Math.max.apply(null, ys) + pad : 23 },
      dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }, { type: 'inside', yAxisIndex: 0, filterMode: 'none' }],
      series: [{ type: 'lines', coordinateSystem: 'cartesian2d', polyline: true, data: data }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.roads-map').forEach(draw);
  });
})();
