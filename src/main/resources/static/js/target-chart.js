// Draws every .target-chart: planned path (dashed grey), measurements (solid with points), the forecast
// to the deadline (dashed) with its prediction interval shaded, and the deadline marked. The data comes
// from the element's data-chart-url (a TargetChart as JSON); labels from its data-label-* attributes.
(function () {
  'use strict';
  var COLOURS = { green: '#2e7d32', yellow: '#b26a00', red: '#c62828', blue: '#1565c0', grey: '#757575' };
  var STATUS_COLOUR = { ON_TRACK: 'green', AT_RISK: 'yellow', OFF_TRACK: 'red', OVERDUE: 'red', ACHIEVED: 'blue', NO_DATA: 'grey' };

  function points(list) {
    return (list || []).map(function (p) { return [p.date, Number(p.value)]; });
  }

  function draw(el) {
    fetch(el.dataset.chartUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (chart) {
        var status = chart.status;
        var colour = COLOURS[STATUS_COLOUR[status.status]] || COLOURS.grey;
        var lower = points(chart.lower);
        var band = points(chart.upper).map(function (p, i) { return [p[0], p[1] - lower[i][1]]; });
        var series = [
          { name: el.dataset.labelPlanned, type: 'line', data: points(chart.planned), step: chart.plannedSteps ? 'end' : false,
            symbol: 'none', lineStyle: { type: 'dashed', color: '#9e9e9e' }, itemStyle: { color: '#9e9e9e' } },
          { name: el.dataset.labelActual, type: 'line', data: points(chart.actual), symbolSize: 7,
            lineStyle: { width: 2, color: '#37474f' }, itemStyle: { color: '#37474f' },
            markLine: { symbol: 'none', silent: true, lineStyle: { color: '#c62828', type: 'solid' },
              label: { formatter: el.dataset.labelDeadline }, data: [{ xAxis: status.deadline }] } }
        ];
        if (chart.forecast && chart.forecast.length) {
          series.push({ name: el.dataset.labelInterval, type: 'line', data: lower, stack: 'band', symbol: 'none',
            lineStyle: { opacity: 0 }, itemStyle: { color: colour }, tooltip: { show: false } });
          series.push({ name: el.dataset.labelInterval, type: 'line', data: band, stack: 'band', symbol: 'none',
            lineStyle: { opacity: 0 }, itemStyle: { color: colour }, areaStyle: { color: colour, opacity: 0.18 },
            tooltip: { show: false } });
          series.push({ name: el.dataset.labelForecast, type: 'line', data: points(chart.forecast), symbol: 'circle',
            symbolSize: 5, lineStyle: { type: 'dashed', width: 2, color: colour }, itemStyle: { color: colour } });
        }
        var instance = echarts.init(el, null, { renderer: 'svg' });
        instance.setOption({
          animation: false,
          grid: { left: 64, right: 24, top: 36, bottom: 36 },
          legend: { top: 0, data: [el.dataset.labelPlanned, el.dataset.labelActual, el.dataset.labelForecast, el.dataset.labelInterval] },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'time' },
          yAxis: { type: 'value', scale: true },
          series: series
        });
        window.addEventListener('resize', function () { instance.resize(); });
      })
      .catch(function (e) { el.textContent = e.message; });
  }

  function init() {
    document.querySelectorAll('.target-chart[data-chart-url]').forEach(draw);
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
