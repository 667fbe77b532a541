// doracak self-assessment, a part of the filled printout above the split size (written only
// there): the part holds its standard's heading and table head, and draws the rows from the
// standard's catalogue file (vleresim/catalog/S1.js, loaded before this by a <script> tag,
// which works from file://) as the whole printout's template writes them: for each
// criterion its number, its text and the cells assessment-draw.js fills (rating and note),
// then each evidence item's (status and where it is kept). A text the catalogue cannot show
// as printed (marks, lists, abbreviations) is in the page, in <template data-filled-html>.
// Runs before assessment.js fills the cells.
(function () {
  "use strict";
  var CAT = window.DORACAK_CATALOG, SAY = window.DORACAK_SAY;
  if (!CAT || !Array.isArray(CAT.standards) || !SAY) { return; }

  function el(tag, cls) { var e = document.createElement(tag); if (cls) { e.className = cls; } return e; }
  // The text as the template prints it: <div class="prose"><p>text</p></div>.
  function prose(table, x) {
    var td = el("td"), div = el("div", "prose"), html = table.querySelector("template[data-filled-html='" + x.id + "']");
    if (html) { div.appendChild(html.content.cloneNode(true)); }
    else { var p = el("p"); p.textContent = x.text; div.appendChild(p); }
    td.appendChild(div);
    return td;
  }
  function cell(attr, id, cls) { var td = el("td", cls); td.setAttribute(attr, id); return td; }

  CAT.standards.forEach(function (s) {
    var table = s.criteria && document.querySelector("table[data-filled-rows='" + s.id + "']");
    if (!table) { return; }
    var rows = document.createDocumentFragment();
    s.criteria.forEach(function (c) {
      var body = el("tbody", "audit-criterion"), tr = el("tr", "audit-crit-row"), th = el("th");
      th.setAttribute("scope", "row");
      th.textContent = SAY("sub_number", { standard: s.number, number: c.number });
      tr.appendChild(th);
      tr.appendChild(prose(table, c));
      tr.appendChild(cell("data-fill-rating", c.id, "rating-cell"));
      tr.appendChild(cell("data-fill-note", c.id));
      body.appendChild(tr);
      c.evidence.forEach(function (e) {
        var row = el("tr", "audit-ev-row"), num = el("td", "num");
        num.textContent = SAY("sub_number", { standard: s.number, number: e.number });
        row.appendChild(num);
        row.appendChild(prose(table, e));
        row.appendChild(cell("data-fill-status", e.id));
        row.appendChild(cell("data-fill-evidence", e.id));
        body.appendChild(row);
      });
      rows.appendChild(body);
    });
    table.appendChild(rows);
  });
})();
