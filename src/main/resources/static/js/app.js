/*
 * Gongjian page behaviour, loaded on every page (no inline script: the Content-Security-Policy forbids it).
 * - htmx requests carry the CSRF token from the page's meta tags;
 * - the phone menu opens and closes;
 * - an htmx request that fails tells the user why, in the page's language.
 */
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });

  function flash(text) {
    var box = document.getElementById('flash');
    if (!box) {
      return;
    }
    box.textContent = text;
    box.hidden = false;
    window.clearTimeout(flash.timer);
    flash.timer = window.setTimeout(function () { box.hidden = true; }, 8000);
  }

  function messageOf(xhr) {
    var body = document.body.dataset;
    if (xhr.status === 403) {
      return body.msgForbidden;
    }
    if (xhr.status === 401) {
      return body.msgExpired;
    }
    try {
      var doc = new DOMParser().parseFromString(xhr.responseText || '', 'text/html');
      var found = doc.querySelector('[data-error-message]');
      if (found && found.textContent.trim()) {
        return found.textContent.trim();
      }
    } catch (ignored) { /* fall back to the generic message */ }
    return body.msgError;
  }

  document.addEventListener('htmx:responseError', function (event) {
    flash(messageOf(event.detail.xhr));
  });
  document.addEventListener('htmx:sendError', function () {
    flash(document.body.dataset.msgOffline);
  });

  function closeMenus(except, refocus) {
    document.querySelectorAll('details.switcher[open], details.user-menu[open]').forEach(function (d) {
      if (d !== except) {
        d.removeAttribute('open');
        if (refocus) {
          d.querySelector('summary').focus();
        }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.querySelector('.nav-toggle');
    var sidebar = document.getElementById('sidebar');
    if (toggle && sidebar) {
      toggle.addEventListener('click', function () {
        var open = sidebar.classList.toggle('open');
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      });
    }
    document.addEventListener('click', function (e) {
      closeMenus(e.target.closest ? e.target.closest('details') : null, false);
      if (e.target.closest && e.target.closest('[data-print]')) {
        window.print();
      }
    });
    document.addEventListener('keydown', function (e) {
      if (e.key !== 'Escape') {
        return;
      }
      closeMenus(null, true);
      if (sidebar && sidebar.classList.contains('open')) {
        sidebar.classList.remove('open');
        toggle.setAttribute('aria-expanded', 'false');
        toggle.focus();
      }
    });
  });

  // an element that asks for it is focused after an htmx swap (e.g. the confirmation of a report)
  document.addEventListener('htmx:afterSettle', function (event) {
    var root = event.detail.elt;
    var target = root && root.querySelector ? root.querySelector('[data-focus-after-swap]') : null;
    if (target) {
      target.focus();
    }
  });
})();
