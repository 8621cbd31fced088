/*
 * 报表中心: an import file over the limit is refused before it is sent, in the words the server would use
 * (the form carries the limit and the message in data-max-bytes and data-too-big).
 */
(function () {
  'use strict';

  // A report shown in the page: its tables' column widths, which the page's policy forbids as inline styles.
  document.querySelectorAll('col[data-width]').forEach(function (col) {
    col.style.width = col.dataset.width + '%';
  });

  document.querySelectorAll('form[data-upload]').forEach(function (form) {
    var input = form.querySelector('input[type=file]');
    var message = form.querySelector('[data-upload-message]');
    var max = Number(form.dataset.maxBytes);

    function check() {
      var file = input.files && input.files[0];
      var tooBig = !!file && file.size > max;
      input.classList.toggle('is-invalid', tooBig);
      message.textContent = tooBig ? form.dataset.tooBig
        .replace('{0}', file.name)
        .replace('{1}', (file.size / 1048576).toFixed(1))
        .replace('{2}', String(Math.floor(max / 1048576))) : '';
      return !tooBig;
    }

    input.addEventListener('change', check);
    form.addEventListener('submit', function (event) {
      if (!check()) {
        event.preventDefault();
      }
    });
  });
}());
