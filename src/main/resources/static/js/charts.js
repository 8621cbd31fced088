/*
 * ECharts for Gongjian: the one script that draws charts. A chart is an element with data-chart="<kind>"
 * and its data as JSON in data-chart-data, or at the same-origin address in data-chart-url (fetched when
 * drawn); nothing is inline. ECharts itself is loaded only on pages that have a chart.
 * Kinds:
 *   target             a target's planned path (dashed grey; steps when plannedSteps), its measurements
 *                      (solid, with reporter and source on hover) and its deadline; further series in
 *                      data.series as {name, points:[{date, value, label}], dashed, color, band}, where a
 *                      band {name, lower, upper} is shaded between two lines (a forecast's interval)
 *   category-progress  bars of average progress beside average time progress, per category
 *   status-by-category initiatives per computed status, stacked per category, each in its status colour
 */
(function () {
  'use strict';

  var loading = null;
  var drawn = new WeakMap(); // each drawn chart's data, to lay it out again at another width

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

  function tipTitle(text) {
    return '<div class="gj-tip-row"><strong>' + esc(text) + '</strong></div>';
  }

  function tooltipRows(rows) {
    return rows.filter(function (r) { return r[1] != null && r[1] !== ''; }).map(function (r) {
      return '<div class="gj-tip-row"><span class="gj-tip-key">' + esc(r[0]) + '</span>' + esc(r[1]) + '</div>';
    }).join('');
  }

  /** Room above the plot for a legend that wraps: its rows, estimated from the words and the chart's width. */
  function legendTop(el, names, below) {
    var width = names.reduce(function (w, item) {
      var n = item.name || item;
      return w + 34 + String(n).split('').reduce(function (c, ch) { return c + (ch.charCodeAt(0) > 255 ? 13 : 7); }, 0);
    }, 0);
    var rows = Math.max(1, Math.ceil(width / Math.max(200, el.clientWidth - 20)));
    return rows * 22 + (below || 8);
  }

  function narrow(el) {
    return el.clientWidth < 480;
  }

  function points(list, key) {
    return (list || []).map(function (p) { var d = { value: [p.date, Number(p.value)] }; d[key] = p; return d; });
  }

  function targetOption(d, el) {
    var labels = d.labels;
    var series = [{
      name: labels.planned, type: 'line', data: points(d.planned, 'p'), step: d.plannedSteps ? 'end' : false,
      lineStyle: { type: 'dashed', color: '#9aa0a6', width: 2 }, itemStyle: { color: '#9aa0a6' },
      symbol: 'circle', symbolSize: 5, z: 1,
      markLine: {
        silent: true, symbol: 'none', lineStyle: { color: '#c62828', type: 'solid', width: 1.5 },
        label: { formatter: labels.deadline + ' ' + d.deadline, position: 'insideEndTop', color: '#c62828' },
        data: [{ xAxis: d.deadline }]
      }
    }, {
      name: labels.actual, type: 'line', data: points(d.actual, 'm'),
      lineStyle: { color: '#3b6ea8', width: 2.5 }, itemStyle: { color: '#3b6ea8' }, symbol: 'circle', symbolSize: 8, z: 3
    }];
    var legend = [labels.planned, labels.actual];
    (d.series || []).forEach(function (extra, i) {
      var colour = extra.color || '#8a63b8';
      if (extra.band) {
        // the band: an invisible lower line, and the distance to the upper line stacked on it and shaded
        var lower = points(extra.band.lower, 'p');
        var upper = (extra.band.upper || []).map(function (p, k) {
          return { value: [p.date, Number(p.value) - lower[k].value[1]], p: p };
        });
        var stack = 'band' + i;
        series.push({ name: extra.band.name, type: 'line', data: lower, stack: stack, symbol: 'none', silent: true,
          lineStyle: { opacity: 0 }, itemStyle: { color: colour }, tooltip: { show: false }, z: 0 });
        series.push({ name: extra.band.name, type: 'line', data: upper, stack: stack, symbol: 'none', silent: true,
          lineStyle: { opacity: 0 }, itemStyle: { color: colour }, areaStyle: { color: colour, opacity: 0.16 },
          tooltip: { show: false }, z: 0 });
      }
      series.push({
        name: extra.name, type: 'line', data: points(extra.points, 'p'),
        lineStyle: { type: extra.dashed ? 'dashed' : 'solid', color: colour, width: 2 },
        itemStyle: { color: colour }, symbol: 'circle', symbolSize: 6, z: 2
      });
      legend.push(extra.name);
      if (extra.band) {
        legend.push({ name: extra.band.name, icon: 'roundRect' });
      }
    });
    return {
      animation: false,
      grid: { left: 8, right: 24, top: legendTop(el, legend, 28), bottom: 8, containLabel: true },
      legend: { top: 0, data: legend },
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
      yAxis: { type: 'value', name: d.unit, scale: true, splitLine: { lineStyle: { color: '#eceff3' } },
        axisLabel: { formatter: function (v) { return window.echarts.format.addCommas(+(v / (d.axisDivisor || 1)).toFixed(2)); } } },
      series: series
    };
  }

  function categoryOption(d, el) {
    var bar = { type: 'bar', barMaxWidth: 14, barGap: '15%' };
    return {
      animation: false,
      grid: { left: 8, right: 56, top: legendTop(el, [d.labels.progress, d.labels.time]), bottom: 8, containLabel: true },
      legend: { top: 0, data: [d.labels.progress, d.labels.time] },
      tooltip: {
        trigger: 'item', confine: true, className: 'gj-tip',
        formatter: function (p) {
          var c = d.categories[p.dataIndex];
          return tipTitle(c.name) + tooltipRows([[d.labels.progress, c.label], [d.labels.time, c.timeLabel], ['', c.gap],
            [d.labels.measured, c.measured + ' / ' + c.targets]]);
        }
      },
      // on a phone the bars carry their own figures: no axis numbers, and long category names wrap
      xAxis: { type: 'value', max: 100, axisLabel: { show: !narrow(el), formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: d.categories.map(function (c) { return c.name; }),
        axisLabel: { width: Math.round(el.clientWidth * (narrow(el) ? 0.3 : 0.35)), overflow: 'break' } },
      series: [
        Object.assign({ name: d.labels.progress, itemStyle: { color: '#3b6ea8' },
          data: d.categories.map(function (c) { return c.percent; }),
          label: { show: true, position: 'right', formatter: function (p) { return d.categories[p.dataIndex].label; } } }, bar),
        Object.assign({ name: d.labels.time, itemStyle: { color: '#b7bcc5' },
          data: d.categories.map(function (c) { return c.time; }),
          label: { show: true, position: 'right', color: '#5c6370',
            formatter: function (p) { return d.categories[p.dataIndex].timeLabel || ''; } } }, bar)
      ]
    };
  }

  function statusOption(d, el) {
    return {
      animation: false,
      grid: { left: 8, right: 24, top: legendTop(el, d.statuses.map(function (s) { return s.name; })), bottom: 8,
        containLabel: true },
      legend: { top: 0, data: d.statuses.map(function (s) { return s.name; }) },
      tooltip: { trigger: 'item', confine: true, className: 'gj-tip',
        formatter: function (p) { return tipTitle(p.name) + tooltipRows([[p.seriesName, p.value]]); } },
      xAxis: { type: 'value', minInterval: 1 },
      // one bar per category: on a phone a long name is cut short (the tooltip names it in full)
      yAxis: { type: 'category', inverse: true, data: d.categories,
        axisLabel: { width: Math.round(el.clientWidth * (narrow(el) ? 0.3 : 0.35)), overflow: narrow(el) ? 'truncate' : 'break' } },
      series: d.statuses.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'status', barMaxWidth: 18, itemStyle: { color: s.color },
          label: { show: true, formatter: function (p) { return p.value ? p.value : ''; } },
          data: s.counts };
      })
    };
  }

  var KINDS = { 'target': targetOption, 'category-progress': categoryOption, 'status-by-category': statusOption };

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
        data(el).then(function (d) {
          var existing = echarts.getInstanceByDom(el);
          if (existing) {
            existing.dispose();
          }
          echarts.init(el, null, { renderer: 'canvas' }).setOption(kind(d, el));
          drawn.set(el, d);
          el.dataset.chartReady = 'true';
        }).catch(function () {
          el.textContent = document.body.dataset.msgError || 'Error';
          el.dataset.chartReady = 'failed';
        });
      });
    });
  }

  /** A chart's data: from its attribute, or fetched from its address with the page's session. */
  function data(el) {
    if (el.dataset.chartData) {
      return Promise.resolve(JSON.parse(el.dataset.chartData));
    }
    return fetch(el.dataset.chartUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) {
          throw new Error('HTTP ' + r.status);
        }
        return r.json();
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
        // legends and labels are laid out for the chart's width
        if (drawn.has(el)) {
          chart.setOption(KINDS[el.dataset.chart](drawn.get(el), el), true);
        }
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
