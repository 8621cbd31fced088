/* The key-project form: the land in 公顷 under the 亩 typed (1 公顷 = 15 亩), and the funding mix's sum against the
   total investment while it is typed. The server checks both again; this only shows them early. */
(function () {
  'use strict';

  function number(input) {
    var v = input.value.trim();
    return v === '' || isNaN(Number(v)) ? null : Number(v);
  }

  function plain(v) {
    return String(Math.round(v * 10000) / 10000);
  }

  function fill(template, a, b) {
    return template.replace('{0}', a).replace('{1}', b);
  }

  function init(form) {
    var land = form.querySelector('[data-land-mu]');
    var hectares = form.querySelector('[data-hectares]');
    if (land && hectares) {
      land.addEventListener('input', function () {
        var mu = number(land);
        if (mu !== null) {
          hectares.textContent = fill(hectares.getAttribute('data-template'), plain(mu / 15), '');
        }
      });
    }
    var total = form.querySelector('[data-total]');
    var parts = form.querySelectorAll('[data-funding]');
    var sum = form.querySelector('[data-funding-sum]');
    function check() {
      var s = 0;
      var any = false;
      parts.forEach(function (p) {
        var v = number(p);
        if (v !== null) {
          s += v;
          any = true;
        }
      });
      var t = total ? number(total) : null;
      if (any && sum) {
        sum.textContent = fill(sum.getAttribute('data-template'), plain(s), t === null ? '—' : plain(t - s));
        sum.classList.toggle('text-danger', t !== null && Math.abs(t - s) > 1e-6);
      }
    }
    parts.forEach(function (p) { p.addEventListener('input', check); });
    if (total) {
      total.addEventListener('input', check);
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-project-form]').forEach(init);
  });
}());
