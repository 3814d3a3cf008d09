/* Expand/collapse for element trees (table.element-tree). Without this script every row stays visible. */
(function () {
  "use strict";
  function descendants(row) {
    var depth = Number(row.dataset.depth), rows = [], next = row.nextElementSibling;
    while (next && Number(next.dataset.depth) > depth) { rows.push(next); next = next.nextElementSibling; }
    return rows;
  }
  function setCollapsed(row, collapsed) {
    var button = row.querySelector("button.toggle");
    if (!button) return;
    button.setAttribute("aria-expanded", String(!collapsed));
    button.textContent = collapsed ? "▸" : "▾";
    var hiddenBelow = -1;
    descendants(row).forEach(function (child) {
      var depth = Number(child.dataset.depth);
      if (collapsed) { child.hidden = true; return; }
      // Expanding shows children, but keeps the rows under a still-collapsed child hidden.
      if (hiddenBelow >= 0 && depth > hiddenBelow) { child.hidden = true; return; }
      hiddenBelow = -1;
      child.hidden = false;
      var childButton = child.querySelector("button.toggle");
      if (childButton && childButton.getAttribute("aria-expanded") === "false") hiddenBelow = depth;
    });
  }
  document.querySelectorAll("table.element-tree").forEach(function (table) {
    var rows = table.querySelectorAll("tbody tr[data-has-children]");
    rows.forEach(function (row) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "toggle";
      button.setAttribute("aria-expanded", "true");
      button.setAttribute("aria-label", "展開/折りたたみ " + row.dataset.element);
      button.textContent = "▾";
      button.addEventListener("click", function () {
        setCollapsed(row, button.getAttribute("aria-expanded") === "true");
      });
      var cell = row.querySelector("td.element-name");
      cell.insertBefore(button, cell.firstChild);
    });
    // Leaves get a spacer as wide as a toggle, so names at one depth line up.
    table.querySelectorAll("tbody tr:not([data-has-children]) td.element-name").forEach(function (cell) {
      var spacer = document.createElement("span");
      spacer.className = "toggle-spacer";
      cell.insertBefore(spacer, cell.firstChild);
    });
    if (!rows.length) return;
    var controls = document.createElement("p");
    controls.className = "tree-controls";
    [["すべて展開", false], ["すべて折りたたむ", true]].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = spec[0];
      button.addEventListener("click", function () {
        Array.prototype.slice.call(rows).reverse().forEach(function (row) { setCollapsed(row, spec[1]); });
        if (spec[1]) { var top = rows[0]; setCollapsed(top, false); rows.forEach(function (row) { if (row !== top && Number(row.dataset.depth) <= Number(top.dataset.depth)) setCollapsed(row, false); }); }
      });
      controls.appendChild(button);
    });
    table.parentNode.insertBefore(controls, table);
  });
})();
