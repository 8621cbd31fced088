/* The industry plan page: each target's yearly path against the ledger's figures, the layout as a graph and,
   when elements carry geometry, on longitude/latitude axes. */
(function () {
  'use strict';
  var GREY = '#8c8c8c';
  var KIND_COLOURS = {BELT: '#5470c6', CORE: '#ee6666', PLATFORM: '#fac858', PARK: '#91cc75', AREA: '#73c0de', NODE: '#9a60b4'};

  function path(el) {
    var d = JSON.parse(el.getAttribute('data-chart-data'));
    var chart = window.echarts.init(el);
    chart.setOption({
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 60, right: 20, top: 40, bottom: 30},
      xAxis: {type: 'category', data: d.years},
      yAxis: {type: 'value', name: el.getAttribute('data-axis'), scale: true},
      series: [
        {name: el.getAttribute('data-label-planned'), type: 'line', data: d.planned, symbol: 'none',
          lineStyle: {type: 'dashed', color: GREY}, itemStyle: {color: GREY}},
        {name: el.getAttribute('data-label-actual'), type: 'line', data: d.actual, connectNulls: false, symbolSize: 7}
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function graph(el) {
    var d = JSON.parse(el.getAttribute('data-layout'));
    var chart = window.echarts.init(el);
    chart.setOption({
      tooltip: {},
      legend: {top: 0, data: [el.getAttribute('data-label-plan'), el.getAttribute('data-label-element'),
        el.getAttribute('data-label-firm')]},
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true, top: 60,
        force: {repulsion: 220, edgeLength: [60, 120]},
        categories: [{name: el.getAttribute('data-label-plan')}, {name: el.getAttribute('data-label-element')},
          {name: el.getAttribute('data-label-firm')}],
        label: {show: true, position: 'right', fontSize: 11},
        data: d.nodes.map(function (n) {
          return {id: n.id, name: n.name, category: n.category, symbolSize: n.category === 0 ? 36 : n.category === 1 ? 22 : 12,
            itemStyle: n.kind ? {color: KIND_COLOURS[n.kind], opacity: n.built ? 1 : 0.55} : undefined};
        }),
        links: d.links
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  /** An axis end a little beyond the data, so that shapes at the edge stay whole. */
  function pad(side) {
    return function (v) {
      var margin = Math.max((v.max - v.min) * 0.1, 0.005);
      return Math.round((side < 0 ? v.min - margin : v.max + margin) * 1000) / 1000;
    };
  }

  function map(el) {
    var d = JSON.parse(el.getAttribute('data-layout'));
    if (!d.shapes.length) {
      el.remove();
      return;
    }
    var series = [];
    d.shapes.forEach(function (s) {
      var g = s.geometry.type === 'Feature' ? s.geometry.geometry : s.geometry;
      var colour = KIND_COLOURS[s.kind];
      if (g.type === 'Point') {
        series.push({name: s.name, type: 'scatter', data: [g.coordinates], symbolSize: 14, itemStyle: {color: colour},
          label: {show: true, formatter: s.name, position: 'right'}});
      } else if (g.type === 'LineString') {
        series.push({name: s.name, type: 'line', data: g.coordinates, showSymbol: false, lineStyle: {width: 5, color: colour},
          endLabel: {show: true, formatter: s.name}});
      } else if (g.type === 'Polygon') {
        // the ring's points are the series' data, so that the axes take in the polygon; it is drawn once
        series.push({name: s.name, type: 'custom', data: g.coordinates[0], encode: {x: 0, y: 1},
          itemStyle: {color: colour, opacity: 0.5},
          renderItem: function (params, api) {
            if (params.dataIndex !== 0) {
              return null;
            }
            return {type: 'polygon', shape: {points: g.coordinates[0].map(function (p) { return api.coord(p); })},
              style: api.style()};
          }});
      }
    });
    var chart = window.echarts.init(el);
    chart.setOption({
      tooltip: {trigger: 'item', formatter: function (p) { return p.seriesName; }},
      grid: {left: 60, right: 60, top: 20, bottom: 40},
      xAxis: {type: 'value', scale: true, name: '°E', min: pad(-1), max: pad(1)},
      yAxis: {type: 'value', scale: true, name: '°N', min: pad(-1), max: pad(1)},
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  window.addEventListener('load', function () {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('[data-industry-path]').forEach(path);
    document.querySelectorAll('[data-industry-layout]').forEach(graph);
    document.querySelectorAll('[data-industry-map]').forEach(map);
  });
}());
