// Patrol and public report pages: the browser's position (Geolocation API) fills the forms' hidden fields;
// during a patrol, positions are queued and sent in batches in the background, and sent again after a failure.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var h = {};
    if (token && header) { h[header.getAttribute('content')] = token.getAttribute('content'); }
    h['Content-Type'] = 'application/json';
    return h;
  }

  function start(box) {
    var badge = box.querySelector('.roads-gps');
    var distance = box.querySelector('.roads-distance');
    var url = box.getAttribute('data-points-url');
    var once = box.getAttribute('data-once') === 'true';
    var queue = [];
    var sending = null;   // the batch on its way, as a promise

    function say(text, kind) {
      if (!badge) { return; }
      badge.textContent = text;
      badge.className = 'badge roads-gps text-bg-' + kind;
    }

    function fill(lat, lng) {
      document.querySelectorAll('.roads-lat').forEach(function (el) { el.value = lat.toFixed(6); });
      document.querySelectorAll('.roads-lng').forEach(function (el) { el.value = lng.toFixed(6); });
    }

    /** Sends what is queued (one batch at a time); the promise settles when it is sent or put back. */
    function flush() {
      if (sending) { return sending; }
      if (!url || queue.length === 0) { return Promise.resolve(); }
      var batch = queue.splice(0, 200);
      sending = fetch(url, { method: 'POST', headers: csrf(), credentials: 'same-origin', body: JSON.stringify(batch) })
        .then(function (r) {
          if (!r.ok) { throw new Error(String(r.status)); }
          return r.json();
        })
        .then(function (p) {
          if (distance && p) {
            distance.textContent = (box.getAttribute('data-msg-km') || '{0} km · {1}')
              .replace('{0}', (p.distanceM / 1000).toFixed(2)).replace('{1}', p.points);
          }
        })
        .catch(function () { queue = batch.concat(queue); })
        .then(function () { sending = null; });
      return sending;
    }

    if (!('geolocation' in navigator)) {
      say(box.getAttribute('data-msg-off') || 'GPS off', 'danger');
      return;
    }
    var options = { enableHighAccuracy: true, maximumAge: 10000, timeout: 30000 };
    var last = 0;
    function seen(pos) {
      var c = pos.coords;
      fill(c.latitude, c.longitude);
      say(box.getAttribute('data-msg-on') || 'GPS on', 'success');
      var now = Date.now();
      if (url && now - last >= 5000) {
        last = now;
        queue.push({ at: new Date(pos.timestamp || now).toISOString(), lat: c.latitude, lng: c.longitude,
          accuracyM: c.accuracy == null ? null : Math.round(c.accuracy * 10) / 10 });
      }
    }
    function failed(err) {
      say(box.getAttribute(err && err.code === 1 ? 'data-msg-denied' : 'data-msg-off') || 'GPS', 'danger');
    }
    if (once) {
      navigator.geolocation.getCurrentPosition(seen, failed, options);
      return;
    }
    navigator.geolocation.watchPosition(seen, failed, options);
    setInterval(flush, 15000);
    document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') { flush(); } });
    document.querySelectorAll('form').forEach(function (f) {
      f.addEventListener('submit', function (e) {
        // ending the patrol: the last positions go first, or they would arrive after it closed
        if (f.querySelector('.roads-end') && !f.dataset.flushed && (sending || queue.length)) {
          e.preventDefault();
          var done = function () { f.dataset.flushed = 'true'; HTMLFormElement.prototype.submit.call(f); };
          flush().then(function () { return sending || flush(); }).then(done, done);
          return;
        }
        flush();
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.roads-track').forEach(start);
  });
})();
