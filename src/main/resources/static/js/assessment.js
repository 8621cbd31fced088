/* Assessment pages: the league bar chart and the rank-history lines (ECharts), and pickers that submit
   on change. Data comes from data-* attributes; no inline script. */
(function () {
  'use strict';

  var PALETTE = ['#8b1a1a', '#1565c0', '#2e7d32', '#b26a00', '#6a1b9a', '#00838f', '#5d4037', '#c2185b',
    '#455a64', '#9e9d24', '#283593', '#ef6c00'];

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  function autosubmit() {
    document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
      select.addEventListener('change', function () { if (select.form) { select.form.submit(); } });
    });
  }

  function draw(el, option) {
    var chart = window.echarts.init(el);
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function bar() {
    var el = document.getElementById('league-chart');
    if (!el || !el.dataset.chart) { return; }
    var d = JSON.parse(el.dataset.chart);
    el.style.height = Math.max(220, d.names.length * 24 + 50) + 'px';
    var labelWidth = Math.max(60, Math.min(220, el.clientWidth * 0.38));
    draw(el, {
      color: PALETTE,
      grid: { left: 4, right: 48, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0 },
      yAxis: { type: 'category', data: d.names, inverse: true,
        axisLabel: { fontSize: 12, width: labelWidth, overflow: 'truncate' } },
      series: [{
        type: 'bar', name: d.label, data: d.totals, barMaxWidth: 18,
        label: { show: true, position: 'right', fontSize: 11 }
      }]
    });
  }

  function history() {
    var el = document.getElementById('history-chart');
    if (!el || !el.dataset.history) { return; }
    var d = JSON.parse(el.dataset.history);
    var max = 1;
    d.series.forEach(function (s) { s.ranks.forEach(function (r) { if (r !== null && r > max) { max = r; } }); });
    draw(el, {
      color: PALETTE,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 16, right: 28, top: 40, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: d.periods, boundaryGap: false, axisLabel: { hideOverlap: true } },
      yAxis: ranks(max, d.rankLabel),
      series: d.series.map(function (s) {
        return { type: 'line', name: s.name, data: s.ranks, symbolSize: 7, connectNulls: false };
      })
    });
  }

  /** A rank axis, rank 1 at the top: every rank when there are few, else steps of five (no rank 0 shown). */
  function ranks(max, label) {
    var few = max <= 10;
    return {
      type: 'value', inverse: true, name: label, nameLocation: 'start', min: few ? 1 : 0, max: max,
      interval: few ? 1 : 5,
      axisLabel: { showMaxLabel: few || max % 5 === 0, formatter: function (v) { return v === 0 ? '' : v; } }
    };
  }

  ready(function () {
    autosubmit();
    if (window.echarts) { bar(); history(); }
  });
}());
