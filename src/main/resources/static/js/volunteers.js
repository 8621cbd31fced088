/*
 * Volunteers pages: the campaign dashboard's two bar charts (ECharts, loaded on demand like charts.js) and,
 * on the scan page of a geofenced activity without a QR code, the phone's position put into the form.
 */
(function () {
  'use strict';

  function loadECharts() {
    if (window.echarts) {
      return Promise.resolve(window.echarts);
    }
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = document.querySelector('meta[name="gj-echarts"]').getAttribute('content');
      s.onload = function () { resolve(window.echarts); };
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  function draw(el) {
    var data = JSON.parse(el.getAttribute('data-chart-data'));
    var kind = el.getAttribute('data-volunteers-chart');
    var labels = (el.getAttribute('data-labels') || '').split(',');
    el.classList.add('volunteers-chart-drawn');
    loadECharts().then(function (echarts) {
      var chart = echarts.init(el, null, { renderer: 'svg' });
      var option;
      if (kind === 'towns') {
        option = {
          tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 12, top: 36, bottom: 48 },
          xAxis: { type: 'category', data: data.towns, axisLabel: { interval: 0, rotate: 30 } },
          yAxis: [{ type: 'value', name: labels[0] + '/' + labels[1] }, { type: 'value', name: labels[2] }],
          series: [
            { name: labels[0], type: 'bar', data: data.teams },
            { name: labels[1], type: 'bar', data: data.captains },
            { name: labels[2], type: 'bar', yAxisIndex: 1, data: data.registered }
          ]
        };
      } else {
        option = {
          tooltip: { trigger: 'axis' }, grid: { left: 56, right: 12, top: 24, bottom: 48 },
          xAxis: { type: 'category', data: data.months, axisLabel: { rotate: 30 } },
          yAxis: { type: 'value', name: labels[0] },
          series: [{ name: labels[0], type: 'bar', data: data.hours }]
        };
      }
      chart.setOption(option);
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  function gps(form) {
    if (!navigator.geolocation) {
      return;
    }
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (p) {
      form.querySelector('input[name="lat"]').value = p.coords.latitude.toFixed(6);
      form.querySelector('input[name="lng"]').value = p.coords.longitude.toFixed(6);
      button.disabled = false;
    }, function () {
      button.disabled = false;
    }, { enableHighAccuracy: true, timeout: 15000 });
  }

  function init() {
    document.querySelectorAll('[data-volunteers-chart]').forEach(draw);
    document.querySelectorAll('form.volunteers-scan[data-geofence="true"]').forEach(gps);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
