// The deadlines register's filters: show only the rows of one role and/or one collection.
// Rows carry data-roles (role ids, space-separated) and data-collection. Classic script:
// works from file://; its words come from static/ui.js.
(function () {
  "use strict";
  var UI = window.DORACAK_UI || {};
  var form = document.getElementById("deadline-filters");
  if (!form) { return; }
  var role = document.getElementById("dl-filter-role");
  var collection = document.getElementById("dl-filter-collection");
  var status = document.getElementById("dl-filter-status");
  var empty = document.getElementById("dl-filter-empty");
  var groups = Array.prototype.slice.call(document.querySelectorAll(".deadline-group"));

  function apply() {
    var r = role.value, c = collection.value, shown = 0, total = 0;
    groups.forEach(function (g) {
      var n = 0;
      Array.prototype.forEach.call(g.querySelectorAll("tbody tr"), function (row) {
        var roles = (row.getAttribute("data-roles") || "").split(" ");
        var ok = (!r || roles.indexOf(r) >= 0) &&
          (!c || row.getAttribute("data-collection") === c);
        row.hidden = !ok;
        total += 1;
        if (ok) { n += 1; }
      });
      g.hidden = n === 0;
      var count = g.querySelector(".dl-count");
      if (count) { count.textContent = String(n); }
      shown += n;
    });
    status.textContent = window.DORACAK_COUNT("deadlines_filter_shown", total, { shown: shown, total: total });
    empty.hidden = shown !== 0;
  }

  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  role.addEventListener("change", apply);
  collection.addEventListener("change", apply);
  apply();
})();
