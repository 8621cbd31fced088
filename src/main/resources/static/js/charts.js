/*
 * ECharts for Gongjian. A chart is an element with data-chart="<kind>" and its data as JSON in
 * data-chart-data; nothing is inline. ECharts itself is loaded only on pages that have a chart.
 * Kinds:
 *   target            a target's planned path (dashed grey), its measurements (solid, with reporter and
 *                     source on hover) and its deadline; extra series (e.g. a forecast) come in data.series
 *                     as {name, points:[{date, value, label}], dashed, color}
 *   category-progress bars of average target progress per category
 *   status-count      initiatives per status, each bar in its status colour
 */
(function () {
  'use strict';

  var loading = null;

  function loadECharts() {
    if (window.echarts) {
      return Promise.resolve(window.echarts);
    }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = document.querySelector('meta[name="gj-echarts"]').getAttribute('content');
        s.onload = function () { resolve(window.echarts); };
        s.onerror = reject;
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  function esc(text) {
    return window.echarts.format.encodeHTML(text == null ? '' : String(text));
  }

  function tooltipRows(rows) {
    return rows.filter(function (r) { return r[1] != null && r[1] !== ''; }).map(function (r) {
      return '<div class="gj-tip-row"><span class="gj-tip-key">' + esc(r[0]) + '</span>' + esc(r[1]) + '</div>';
    }).join('');
  }

  function targetOption(d) {
    var labels = d.labels;
    var series = [{
      name: labels.planned, type: 'line', data: d.planned.map(function (p) { return { value: [p.date, p.value], p: p }; }),
      lineStyle: { type: 'dashed', color: '#9aa0a6', width: 2 }, itemStyle: { color: '#9aa0a6' },
      symbol: 'circle', symbolSize: 5, z: 1,
      markLine: {
        silent: true, symbol: 'none', lineStyle: { color: '#c62828', type: 'solid', width: 1.5 },
        label: { formatter: labels.deadline + ' ' + d.deadline, position: 'insideEndTop', color: '#c62828' },
        data: [{ xAxis: d.deadline }]
      }
    }, {
      name: labels.actual, type: 'line', data: d.actual.map(function (m) { return { value: [m.date, m.value], m: m }; }),
      lineStyle: { color: '#3b6ea8', width: 2.5 }, itemStyle: { color: '#3b6ea8' }, symbol: 'circle', symbolSize: 8, z: 3
    }];
    (d.series || []).forEach(function (extra) {
      series.push({
        name: extra.name, type: 'line', data: extra.points.map(function (p) { return { value: [p.date, p.value], p: p }; }),
        lineStyle: { type: extra.dashed ? 'dashed' : 'solid', color: extra.color || '#8a63b8' },
        itemStyle: { color: extra.color || '#8a63b8' }, symbol: 'none', z: 2
      });
    });
    return {
      animation: false,
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, data: series.map(function (s) { return s.name; }) },
      tooltip: {
        trigger: 'item', confine: true, className: 'gj-tip',
        formatter: function (p) {
          var m = p.data && p.data.m;
          if (m) {
            return tooltipRows([[labels.actual, m.label], [labels.date, m.date], [labels.reporter, m.reporter],
              [labels.source, m.source], [labels.note, m.note]]);
          }
          var point = (p.data && p.data.p) || {};
          return tooltipRows([[p.seriesName, point.label], [labels.date, point.date]]);
        }
      },
      xAxis: { type: 'time', min: d.from, max: d.to, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', name: d.unit, splitLine: { lineStyle: { color: '#eceff3' } } },
      series: series
    };
  }

  function categoryOption(d) {
    return {
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item', confine: true, className: 'gj-tip',
        formatter: function (p) {
          var c = d.categories[p.dataIndex];
          return tooltipRows([[c.name, c.label], [d.labels.measured, c.measured + ' / ' + c.targets]]);
        }
      },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: d.categories.map(function (c) { return c.name; }) },
      series: [{ type: 'bar', barMaxWidth: 18, itemStyle: { color: '#3b6ea8' },
        data: d.categories.map(function (c) { return c.percent; }),
        label: { show: true, position: 'right', formatter: function (p) { return d.categories[p.dataIndex].label; } } }]
    };
  }

  function statusOption(d) {
    return {
      animation: false,
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', confine: true, className: 'gj-tip',
        formatter: function (p) { return tooltipRows([[p.name, p.value]]); } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: d.statuses.map(function (s) { return s.name; }) },
      series: [{ type: 'bar', barMaxWidth: 18, label: { show: true, position: 'right' },
        data: d.statuses.map(function (s) { return { value: s.count, itemStyle: { color: s.color } }; }) }]
    };
  }

  var KINDS = { 'target': targetOption, 'category-progress': categoryOption, 'status-count': statusOption };

  function draw(root) {
    var elements = [];
    if (root.matches && root.matches('[data-chart]')) {
      elements.push(root);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll('[data-chart]').forEach(function (el) { elements.push(el); });
    }
    if (!elements.length) {
      return;
    }
    loadECharts().then(function (echarts) {
      elements.forEach(function (el) {
        var kind = KINDS[el.dataset.chart];
        if (!kind || !el.isConnected) {
          return;
        }
        var existing = echarts.getInstanceByDom(el);
        if (existing) {
          existing.dispose();
        }
        echarts.init(el, null, { renderer: 'canvas' }).setOption(kind(JSON.parse(el.dataset.chartData)));
        el.dataset.chartReady = 'true';
      });
    });
  }

  function resizeAll() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('[data-chart-ready]').forEach(function (el) {
      var chart = window.echarts.getInstanceByDom(el);
      if (chart) {
        chart.resize();
      }
    });
  }

  // htmx:load fires for the document's body on start and for every swapped-in element afterwards
  document.addEventListener('htmx:load', function (event) { draw(event.detail.elt); });
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.htmx) {
      draw(document);
    }
  });
  window.addEventListener('resize', resizeAll);
  window.addEventListener('beforeprint', resizeAll);
  window.addEventListener('afterprint', resizeAll);
})();
