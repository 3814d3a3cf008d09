/* Filters of a findings page (form[data-filters]): rows of the page's tables with data-severity and data-file
   are shown only when they match the chosen severity and file. Without this script the form stays hidden and
   every row is listed. */
(function () {
  'use strict';
  var form = document.querySelector('form[data-filters]');
  if (!form) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-severity]'));
  var count = form.querySelector('.filter-count');
  function apply() {
    var severity = form.elements.severity.value, file = form.elements.file.value, shown = 0;
    rows.forEach(function (row) {
      var match = (!severity || row.getAttribute('data-severity') === severity) && (!file || row.getAttribute('data-file') === file);
      row.hidden = !match;
      if (match) shown++;
    });
    if (count) count.textContent = shown + ' / ' + rows.length + ' 件';
  }
  form.hidden = false;
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  apply();
})();
