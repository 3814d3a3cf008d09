/* Sidebar: on a narrow screen (a phone) it starts collapsed behind its menu button; wider screens always show it.
   Without JavaScript it simply stays open. */
(function () {
  'use strict';
  var nav = document.getElementById('sidebar');
  if (!nav) return;
  var button = nav.querySelector('.sidebar-toggle');
  if (!button) return;
  var narrow = window.matchMedia('(max-width: 48em)');
  function show(open) {
    nav.classList.toggle('collapsed', !open);
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
  button.hidden = false;
  show(!narrow.matches);
  button.addEventListener('click', function () { show(nav.classList.contains('collapsed')); });
})();
