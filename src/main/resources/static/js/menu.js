// The header's menu (layout.html) is a <details>: on a wide screen minga.css shows its groups even while
// it is closed; marking it open there too keeps what assistive technology and automation see the same
// as what a person sees. On a phone it opens with "Menú" and closes with it or with Escape.
(function () {
  var menu = document.getElementById('menu');
  if (!menu) {
    return;
  }
  var wide = window.matchMedia('(min-width: 60.0625rem)');
  function fit() {
    menu.open = wide.matches;
  }
  fit();
  wide.addEventListener('change', fit);
  menu.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && menu.open && !wide.matches) {
      menu.open = false;
      menu.querySelector('summary').focus();
    }
  });
})();
