// Sort a table by a column when its header is clicked or activated by keyboard.
// Headers carry data-sort="num" (cells give data-value) or data-sort="text".
(function () {
  "use strict";
  function sortBy(table, th, index) {
    var kind = th.getAttribute("data-sort");
    var asc = th.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index], y = b.cells[index];
      var r = kind === "num"
        ? Number(x.getAttribute("data-value")) - Number(y.getAttribute("data-value"))
        : x.textContent.trim().localeCompare(y.textContent.trim(), "sq");
      return asc ? r : -r;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      if (!th.hasAttribute("data-sort")) { return; }
      var label = th.textContent;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = label;
      button.addEventListener("click", function () { sortBy(table, th, i); });
      th.textContent = "";
      th.appendChild(button);
    });
  });
})();
