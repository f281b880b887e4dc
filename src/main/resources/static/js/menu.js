// The header's menu (layout.html) is a <details>: on a wide screen minga.css shows its groups even while
// it is closed; marking it open there too keeps what assistive technology and automation see the same
// as what a person sees. On a phone it opens with "Menú" and closes with it or with Escape. "Mis esquemas"
// drops down on a wide screen and, like any drop-down, closes with Escape or a click elsewhere.
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
  var schemes = document.getElementById('my-schemes');
  menu.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
      return;
    }
    if (schemes && schemes.open && wide.matches) {
      schemes.open = false;
      schemes.querySelector('summary').focus();
    } else if (menu.open && !wide.matches) {
      menu.open = false;
      menu.querySelector('summary').focus();
    }
  });
  document.addEventListener('click', function (event) {
    if (schemes && schemes.open && wide.matches && !schemes.contains(event.target)) {
      schemes.open = false;
    }
  });
})();
