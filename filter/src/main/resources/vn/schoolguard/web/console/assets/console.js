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
})();
