/*
 * Gantt chart of an initiative's milestones (issue 13): an ECharts custom series, one bar per milestone from
 * its start (or the initiative's start) to its due date — or its completion when done — coloured by state
 * (done blue, overdue red, open green), the word beside the colour in the tooltip, and today marked.
 * Data: the milestone list that follows the chart (data-title, data-due, data-started, data-completed).
 */
(function () {
  'use strict';
  function day(text) { return text ? new Date(text + 'T00:00:00').getTime() : null; }

  function draw(el, echarts) {
    var list = el.parentNode.querySelectorAll('ol.timeline li[data-due]');
    var start = day(el.dataset.start), today = day(el.dataset.today);
    var rows = Array.prototype.map.call(list, function (li, i) {
      var due = day(li.dataset.due), done = day(li.dataset.completed), from = day(li.dataset.started) || start;
      var state = done ? 'done' : (today > due ? 'late' : 'open');
      var to = done || due;
      if (from > to) { from = to - 86400000 * 7; }
      return { value: [i, from, to, due], name: li.dataset.title, state: state };
    });
    var colours = { done: '#1565C0', late: '#C62828', open: '#2E7D32' };
    var words = { done: el.dataset.labelDone, late: el.dataset.labelLate, open: el.dataset.labelOpen };
    el.style.height = Math.max(160, 40 + rows.length * 34) + 'px';
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      grid: { left: 8, right: 16, top: 24, bottom: 24, containLabel: true },
      tooltip: { formatter: function (p) {
        var r = rows[p.dataIndex], f = echarts.format.formatTime;
        return echarts.format.encodeHTML(r.name) + '<br>' + words[r.state] + '：' + f('yyyy-MM-dd', r.value[1]) + ' → ' + f('yyyy-MM-dd', r.value[2]);
      } },
      xAxis: { type: 'time', min: Math.min(start, today), max: Math.max(day(el.dataset.end), today) },
      yAxis: { type: 'category', inverse: true, data: rows.map(function (r) { return r.name.length > 14 ? r.name.slice(0, 14) + '…' : r.name; }) },
      series: [{
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        data: rows.map(function (r) { return { value: r.value, itemStyle: { color: colours[r.state] } }; }),
        renderItem: function (params, api) {
          var a = api.coord([api.value(1), api.value(0)]), b = api.coord([api.value(2), api.value(0)]);
          var h = api.size([0, 1])[1] * 0.55;
          return { type: 'rect', shape: { x: a[0], y: a[1] - h / 2, width: Math.max(2, b[0] - a[0]), height: h },
                   style: api.style() };
        },
        markLine: { symbol: 'none', label: { formatter: el.dataset.labelToday }, lineStyle: { color: '#555', type: 'dashed' },
                    data: [{ xAxis: today }] }
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.dataset.ganttReady = 'true';
  }

  function run() {
    var charts = document.querySelectorAll('[data-gantt]');
    if (!charts.length) { return; }
    var go = function () { charts.forEach(function (el) { draw(el, window.echarts); }); };
    if (window.echarts) { go(); return; }
    var s = document.createElement('script');
    s.src = document.querySelector('meta[name="gj-echarts"]').getAttribute('content');
    s.onload = go;
    document.head.appendChild(s);
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', run); } else { run(); }
})();
