/* Tabs (WAI-ARIA tabs pattern, automatic activation): each div[data-tabs] gets a tab list made from its panels'
   headings; Left/Right/Home/End move between tabs, Tab moves into the panel. Without this script the jump links
   and every panel stay on the page in order. A link to a panel, or to something inside one, opens its tab. */
(function () {
  'use strict';
  var count = 0;
  function setUp(container) {
    var panels = Array.prototype.filter.call(container.children, function (el) { return el.classList.contains('tab-panel'); });
    if (panels.length < 2) return;
    var list = document.createElement('div');
    list.setAttribute('role', 'tablist');
    list.setAttribute('aria-label', container.getAttribute('data-label') || '');
    list.className = 'tab-list';
    var tabs = panels.map(function (panel) {
      var title = panel.querySelector('.tab-title');
      var tab = document.createElement('button');
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.id = 'tab-' + panel.id + '-' + (++count);
      tab.setAttribute('aria-controls', panel.id);
      tab.innerHTML = title ? title.innerHTML : panel.id;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      panel.tabIndex = 0;
      list.appendChild(tab);
      return tab;
    });
    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var on = i === index;
        tab.setAttribute('aria-selected', on ? 'true' : 'false');
        tab.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
      });
      if (focus) tabs[index].focus();
    }
    tabs.forEach(function (tab, i) {
      tab.addEventListener('click', function () { select(i, false); });
      tab.addEventListener('keydown', function (event) {
        var next = null;
        if (event.key === 'ArrowRight') next = (i + 1) % tabs.length;
        else if (event.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
        else if (event.key === 'Home') next = 0;
        else if (event.key === 'End') next = tabs.length - 1;
        if (next === null) return;
        event.preventDefault();
        select(next, true);
      });
    });
    var links = container.querySelector('.tab-links');
    if (links) links.hidden = true;
    container.insertBefore(list, panels[0]);
    container.classList.add('tabs-active');
    function openHash() {
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      var at = target ? panels.findIndex(function (panel) { return panel.contains(target); }) : -1;
      if (at >= 0) { select(at, false); if (target !== panels[at]) target.scrollIntoView(); }
      return at >= 0;
    }
    if (!openHash()) select(0, false);
    window.addEventListener('hashchange', openHash);
  }
  document.querySelectorAll('div[data-tabs]').forEach(setUp);
})();
