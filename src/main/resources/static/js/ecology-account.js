// Charts and confirmations of a GEP account page. Data comes from data-* attributes (no inline script).
(function () {
  'use strict';
  var palette = ['#2f6f4f', '#4f8fbf', '#d9a441', '#8c6bb1', '#c8553d', '#5b9a8b', '#a0a0a0'];

  function series(el) {
    try { return JSON.parse(el.getAttribute('data-series') || '[]'); } catch (e) { return []; }
  }

  function option(kind, data, unit) {
    var tooltip = { trigger: kind === 'pie' ? 'item' : 'axis', valueFormatter: function (v) { return v + ' ' + unit; } };
    if (kind === 'pie') {
      return { color: palette, tooltip: tooltip, legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: data, label: { formatter: '{b}\n{d}%' } }] };
    }
    var names = data.map(function (d) { return d.name; });
    var values = data.map(function (d) { return d.value; });
    if (kind === 'bar') {
      return { color: palette, tooltip: tooltip, grid: { left: 8, right: 24, top: 8, bottom: 28, containLabel: true },
        xAxis: { type: 'value', name: unit, nameLocation: 'middle', nameGap: 24, axisLabel: { hideOverlap: true } }, yAxis: { type: 'category', data: names.slice().reverse() },
        series: [{ type: 'bar', data: values.slice().reverse() }] };
    }
    return { color: palette, tooltip: tooltip, grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: names }, yAxis: { type: 'value', name: unit },
      series: [{ type: 'bar', data: values, barMaxWidth: 48 }] };
  }

  function charts() {
    if (typeof echarts === 'undefined') { return; }
    var all = [];
    document.querySelectorAll('.ecology-account [data-chart]').forEach(function (el) {
      var chart = echarts.init(el);
      chart.setOption(option(el.getAttribute('data-chart'), series(el), el.getAttribute('data-unit') || ''));
      all.push(chart);
    });
    window.addEventListener('resize', function () { all.forEach(function (c) { c.resize(); }); });
  }

  function confirmations() {
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (e) {
        if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () { charts(); confirmations(); });
})();
