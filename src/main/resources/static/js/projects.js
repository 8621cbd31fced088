// The project page's curve: planned against actual cumulative investment (亿元), from data-* attributes (no inline script).
(function () {
  'use strict';
  function numbers(text) {
    return (text || '').split(',').map(function (v) { return v === '' ? null : Number(v); });
  }
  function draw() {
    var el = document.querySelector('.projects-curve[data-planned]');
    if (!el || typeof echarts === 'undefined') { return; }
    var months = (el.getAttribute('data-months') || '').split(',');
    var unit = el.getAttribute('data-unit') || '';
    var chart = echarts.init(el);
    chart.setOption({
      color: ['#8a8a8a', '#2f6f4f'],
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + ' ' + unit; } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: unit },
      series: [
        { name: el.getAttribute('data-planned-name'), type: 'line', data: numbers(el.getAttribute('data-planned')),
          lineStyle: { type: 'dashed' }, symbol: 'none' },
        { name: el.getAttribute('data-actual-name'), type: 'line', data: numbers(el.getAttribute('data-actual')),
          symbolSize: 7, connectNulls: false }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
}());
