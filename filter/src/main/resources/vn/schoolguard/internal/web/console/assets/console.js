// SchoolGuard console: optional conveniences; every page works without this file.
(function () {
  'use strict';
  document.addEventListener('change', function (event) {
    var box = event.target;
    if (!box.matches || !box.matches('input[data-select-all]')) {
      return;
    }
    var form = box.form || document;
    var name = box.getAttribute('data-select-all');
    form.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (item) {
      item.checked = box.checked;
    });
  });
  // "Copy as route settings": the text area before the button goes to the clipboard (or is selected to copy by hand).
  document.addEventListener('click', function (event) {
    var button = event.target;
    if (!button.matches || !button.matches('button[data-copy-previous]')) {
      return;
    }
    var area = button.parentNode.querySelector('textarea.settings');
    if (!area) {
      return;
    }
    area.select();
    if (navigator.clipboard) {
      navigator.clipboard.writeText(area.value);
    }
  });
})();
