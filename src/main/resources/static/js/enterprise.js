/* An enterprise's yearly figures: output and revenue (亿元) and exports (亿美元) as bars, employees as a line. */
(function () {
  'use strict';
  function draw(el) {
    if (!window.echarts) {
      return;
    }
    var d = JSON.parse(el.getAttribute('data-chart-data'));
    var label = function (name) { return el.getAttribute('data-label-' + name); };
    var chart = window.echarts.init(el);
    chart.setOption({
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 50, right: 50, top: 50, bottom: 30},
      xAxis: {type: 'category', data: d.years},
      yAxis: [{type: 'value', name: el.getAttribute('data-axis-money')},
              {type: 'value', name: el.getAttribute('data-axis-people'), minInterval: 1}],
      series: [
        {name: label('output'), type: 'bar', data: d.output},
        {name: label('revenue'), type: 'bar', data: d.revenue},
        {name: label('exports'), type: 'bar', data: d.exports},
        {name: label('employees'), type: 'line', yAxisIndex: 1, connectNulls: true, data: d.employees}
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  window.addEventListener('load', function () {
    document.querySelectorAll('[data-enterprise-chart]').forEach(draw);
  });
}());
