// Phone widths (issue 13): list tables become cards and filter forms fold away, so that nothing scrolls
// sideways. Each table cell gets its column's header as a label (data-label), shown before it on a phone;
// on wider screens the table is unchanged. Runs on load and on every htmx swap.
(function () {
  'use strict';
  var PHONE = window.matchMedia('(max-width: 576px)');
  var FILTERS = 'main form.filters, main form.board-filter, main form[method="get"][action$="/supervision/notices"]';

  function cards(root) {
    root.querySelectorAll('main table').forEach(function (table) {
      if (table.closest('.report-paper, .no-cards') || table.classList.contains('gj-cards')) {
        return;
      }
      var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
        return th.textContent.trim();
      });
      if (heads.length < 3) {
        return;
      }
      table.classList.add('gj-cards');
      table.querySelectorAll('tbody tr').forEach(function (tr) {
        Array.prototype.forEach.call(tr.children, function (cell, i) {
          if (!cell.hasAttribute('data-label') && heads[i]) {
            cell.setAttribute('data-label', heads[i]);
          }
        });
      });
    });
  }

  function fold(root) {
    if (!PHONE.matches) {
      return;
    }
    root.querySelectorAll(FILTERS).forEach(function (form) {
      if (form.closest('details.gj-fold')) {
        return;
      }
      var details = document.createElement('details');
      details.className = 'gj-fold';
      var summary = document.createElement('summary');
      summary.textContent = (document.documentElement.lang || 'zh').indexOf('zh') === 0 ? '筛选条件' : 'Filters';
      details.appendChild(summary);
      form.parentNode.insertBefore(details, form);
      details.appendChild(form);
    });
  }

  function run(root) {
    cards(root);
    fold(root);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { run(document); });
  } else {
    run(document);
  }
  document.addEventListener('htmx:afterSettle', function () { cards(document); });
})();
