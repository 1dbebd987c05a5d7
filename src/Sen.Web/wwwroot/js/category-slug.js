// Shows, as the slug field's placeholder, the slug the server makes from the name when the field is left
// empty (the same folding as Text/Slug.cs: marks stripped, đ to d, other characters to single dashes).
(function () {
  'use strict';
  function slugOf(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 120).replace(/-+$/, '');
  }

  document.querySelectorAll('input[data-slug-source]').forEach(function (name) {
    var slug = document.getElementById(name.getAttribute('data-slug-source'));
    if (!slug) {
      return;
    }

    var update = function () { slug.placeholder = slugOf(name.value); };
    name.addEventListener('input', update);
    update();
  });
})();
