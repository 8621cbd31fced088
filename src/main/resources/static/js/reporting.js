// Print buttons on report pages (no inline script: the page works under a strict CSP).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
