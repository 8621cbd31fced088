/* The IP centre's monthly chart: design cases submitted and granted (bars), average days to grant (lines). */
(function () {
  'use strict';
  function draw(el) {
    if (!window.echarts) {
      return;
    }
    var d = JSON.parse(el.getAttribute('data-chart-data'));
    var chart = window.echarts.init(el);
    chart.setOption({
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 40, right: 40, top: 60, bottom: 30},
      xAxis: {type: 'category', data: d.months},
      yAxis: [{type: 'value', name: '件', minInterval: 1}, {type: 'value', name: '天'}],
      series: [
        {name: d.labels.submitted, type: 'bar', data: d.submitted},
        {name: d.labels.granted, type: 'bar', data: d.granted},
        {name: d.labels.closed, type: 'bar', data: d.closed},
        {name: d.labels.days, type: 'line', yAxisIndex: 1, connectNulls: true, data: d.days},
        {name: d.labels.workingDays, type: 'line', yAxisIndex: 1, connectNulls: true, data: d.workingDays}
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  window.addEventListener('load', function () {
    document.querySelectorAll('[data-ipcentre-chart]').forEach(draw);
  });
}());
