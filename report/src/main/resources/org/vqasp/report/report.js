// vqasp report: the only script. It records when the page finished loading (data-load-ms on <html>, read by the
// tests) and filters the failure tables as you type.
window.addEventListener('load', function () {
  document.documentElement.dataset.loadMs = performance.now().toFixed(0);
});
document.querySelectorAll('input.filter').forEach(function (input) {
  input.addEventListener('input', function () {
    var q = input.value.toLowerCase();
    var table = input.closest('details').querySelector('table');
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      tr.style.display = tr.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
    });
  });
});
