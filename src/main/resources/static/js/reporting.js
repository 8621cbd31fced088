// Print buttons on report pages (no inline script: the page works under a strict CSP).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});

// Upload forms: a file over the limit is refused before it is sent, with the same words the server would use.
document.querySelectorAll('form[data-upload]').forEach(function (form) {
  var input = form.querySelector('input[type=file]');
  var message = form.querySelector('[data-upload-message]');
  var max = Number(form.dataset.maxBytes);
  function check() {
    var file = input.files && input.files[0];
    var tooBig = file && file.size > max;
    input.classList.toggle('is-invalid', !!tooBig);
    message.textContent = tooBig ? form.dataset.tooBig
      .replace('{0}', file.name)
      .replace('{1}', (file.size / 1048576).toFixed(1))
      .replace('{2}', String(Math.floor(max / 1048576))) : '';
    return !tooBig;
  }
  input.addEventListener('change', check);
  form.addEventListener('submit', function (event) {
    if (!check()) { event.preventDefault(); }
  });
});
