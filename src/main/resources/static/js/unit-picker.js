// The unit picker (templates/territory/picker.html): htmx fetches the suggestions into the listbox;
// this script opens and closes it, moves through it with the arrow keys, and on a choice puts the
// unit's code in the hidden field (the typed text then no longer posts). Listeners sit on the
// document, so pickers swapped in by htmx work without setting up again.
(function () {
  'use strict';

  function parts(input) {
    var picker = input.closest('.unit-picker');
    return {
      input: input,
      list: picker.querySelector('[role=listbox]'),
      hidden: picker.querySelector('[data-unit-code]')
    };
  }

  function options(p) {
    return Array.prototype.slice.call(p.list.querySelectorAll('[role=option]'));
  }

  function close(p) {
    p.list.hidden = true;
    p.input.setAttribute('aria-expanded', 'false');
    p.input.removeAttribute('aria-activedescendant');
  }

  function activate(p, index) {
    var all = options(p);
    all.forEach(function (o, i) { o.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
    if (all[index]) {
      p.input.setAttribute('aria-activedescendant', all[index].id);
      all[index].scrollIntoView({ block: 'nearest' });
    }
  }

  function choose(p, option) {
    p.input.value = option.getAttribute('data-label');
    p.hidden.value = option.getAttribute('data-code');
    p.hidden.disabled = false;
    p.input.removeAttribute('name');
    close(p);
  }

  document.addEventListener('input', function (e) {
    var input = e.target;
    if (!input.matches || !input.matches('.unit-picker [role=combobox]')) {
      return;
    }
    // Typing again undoes a choice: the text is what posts until another suggestion is chosen.
    var p = parts(input);
    p.hidden.disabled = true;
    p.hidden.value = '';
    input.setAttribute('name', input.getAttribute('data-name'));
  });

  document.addEventListener('keydown', function (e) {
    var input = e.target;
    if (!input.matches || !input.matches('.unit-picker [role=combobox]')) {
      return;
    }
    var p = parts(input);
    var all = options(p);
    var current = all.findIndex(function (o) { return o.getAttribute('aria-selected') === 'true'; });
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && all.length > 0) {
      e.preventDefault();
      p.list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      var next = e.key === 'ArrowDown' ? current + 1 : current - 1;
      activate(p, (next + all.length) % all.length);
    } else if (e.key === 'Enter' && !p.list.hidden && current >= 0) {
      e.preventDefault();
      choose(p, all[current]);
    } else if (e.key === 'Escape' && !p.list.hidden) {
      e.preventDefault();
      close(p);
    }
  });

  // mousedown, not click: the input keeps its focus, so the list is not closed before the choice.
  document.addEventListener('mousedown', function (e) {
    var option = e.target.closest && e.target.closest('.unit-picker [role=option]');
    if (option) {
      e.preventDefault();
      choose(parts(option.closest('.unit-picker').querySelector('[role=combobox]')), option);
    }
  });

  document.addEventListener('focusout', function (e) {
    if (e.target.matches && e.target.matches('.unit-picker [role=combobox]')) {
      close(parts(e.target));
    }
  });

  document.addEventListener('htmx:afterSwap', function (e) {
    var list = e.detail.target;
    if (!list.matches || !list.matches('.unit-picker [role=listbox]')) {
      return;
    }
    var p = parts(list.closest('.unit-picker').querySelector('[role=combobox]'));
    var open = options(p).length > 0 && document.activeElement === p.input;
    p.list.hidden = !open;
    p.input.setAttribute('aria-expanded', open ? 'true' : 'false');
    p.input.removeAttribute('aria-activedescendant');
  });
})();
