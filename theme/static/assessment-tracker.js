// doracak self-assessment, the evidence tracker above the split size (written only there):
// its address holds a contents page, each standard's evidence fields are on the standard's
// own self-assessment page. This draws every evidence item of the catalogue as a row to
// read (its number linking its fields there, its text, status, where it is kept and its
// next review) before assessment.js loads, which filters the rows with the tracker's own
// filters (filterEvidence: the same rows, count and gaps as the one-page tracker). Then,
// for each standard, its evidence gaps by the report's rule and how many of its items the
// filters show. It reads the assessment kept in this browser and writes nothing. The rows'
// text comes from each standard's file, loaded as its rows come near sight; the print
// button loads every shown standard's first, and a printout made without it (Ctrl+P) says
// at its top which standards' text it lacks and how to print them.
(function () {
  "use strict";
  var A = window.Doracak && window.Doracak.assessment;
  var UI = window.DORACAK_UI || {};
  var CAT = window.DORACAK_CATALOG;
  var list = document.querySelector("[data-ev-list]");
  var head = document.querySelector("template[data-ev-list-head]");
  if (!A || !CAT || !list || !head || CAT.partial) { return; }
  var SAY = window.DORACAK_SAY, ADDR = window.DORACAK_ADDR || {};
  var root = document.body.getAttribute("data-root") || "";

  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) { e.className = cls; } if (text !== undefined) { e.textContent = text; } return e; }
  function $all(sel, box) { return Array.prototype.slice.call((box || document).querySelectorAll(sel)); }
  function page(s) { return root + ADDR.assessment_standard.replace("{id}", s.id); }

  // The rows, once, grouped by standard as the one-page tracker groups them.
  var all = el("div"), sections = [];
  CAT.standards.forEach(function (s, i) {
    var sec = el("section", "ev-standard");
    sec.setAttribute("data-ev-standard", s.id);
    sec.id = "ev-" + s.id;
    var h = el("h2"), link = el("a", null, window.DORACAK_PAIR(SAY("standard_number", { number: s.number }), s.title));
    link.href = page(s);
    h.appendChild(link);
    sec.appendChild(h);
    var wrap = el("div", "table-wrap"), table = el("table", "audit-table"), body = el("tbody");
    table.appendChild(head.content.cloneNode(true));
    s.criteria.forEach(function (c) {
      c.evidence.forEach(function (e) {
        var tr = el("tr", "audit-ev-row");
        tr.setAttribute("data-ev-row", e.id);
        var num = el("td", "num"), a = el("a", null, SAY("sub_number", { standard: s.number, number: e.number }));
        a.href = page(s) + "#" + e.id;
        num.appendChild(a);
        tr.appendChild(num);
        tr.appendChild(el("td", null, e.text));
        ["status", "kept", "review"].forEach(function (col) { var td = el("td"); td.setAttribute("data-col", col); tr.appendChild(td); });
        body.appendChild(tr);
      });
    });
    table.appendChild(body);
    wrap.appendChild(table);
    sec.appendChild(wrap);
    // A large handbook has thousands of rows: those out of sight are laid out when they
    // come into sight (or are printed or searched), not all when the page opens.
    sec.style.contentVisibility = "auto";
    sec.style.containIntrinsicSize = "auto " + (4 + 5 * body.rows.length) + "rem";
    all.appendChild(sec);
    sections.push([sec, i]);
  });
  while (all.firstChild) { list.appendChild(all.firstChild); }

  // The evidence's text is in each standard's file (assessment-parts.js): loaded when its
  // rows come near sight, then written into them; a standard the filters hide loads nothing.
  var P = window.Doracak.catalogParts;
  function text(sec, i) {
    var byId = Object.create(null), any = false;
    CAT.standards[i].criteria.forEach(function (c) { c.evidence.forEach(function (e) { byId[e.id] = e.text; any = any || !!e.text; }); });
    $all("[data-ev-row]", sec).forEach(function (tr) { tr.cells[1].textContent = byId[tr.getAttribute("data-ev-row")] || ""; });
    if (any) { sec.setAttribute("data-ev-text", ""); }
  }
  if (P && window.IntersectionObserver) {
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (en) {
        if (!en.isIntersecting) { return; }
        seen.unobserve(en.target);
        var i = +en.target.getAttribute("data-ev-place");
        P.load([i], function () { text(en.target, i); });
      });
    }, { rootMargin: "100% 0px" });
    sections.forEach(function (x) { x[0].setAttribute("data-ev-place", x[1]); seen.observe(x[0]); });
  }

  // ---- printing: never silently without some standards' text ----------------------------
  // The standards the filters show whose rows have no text yet: (section, place).
  function untexted() {
    return sections.filter(function (x) { return !x[0].hidden && !x[0].hasAttribute("data-ev-text") && x[0].querySelector("[data-ev-row]:not([hidden])"); });
  }
  // Their numbers, runs joined: "3–5, 9".
  function numbers(list) {
    var runs = [];
    list.forEach(function (x) {
      var n = CAT.standards[x[1]].number, last = runs[runs.length - 1];
      if (last && n === last[1] + 1) { last[1] = n; } else { runs.push([n, n]); }
    });
    return runs.map(function (r) { return r[0] === r[1] ? String(r[0]) : SAY("number_range", { from: r[0], to: r[1] }); }).join(UI.list_separator || ", ");
  }
  // The print button loads the text of every standard the filters show, then prints; the
  // load button only loads it (to find in it with Ctrl+F).
  var said = document.querySelector("[data-ev-print-status]");
  [["[data-ev-print-all]", true], ["[data-ev-load-all]", false]].forEach(function (b) {
    var button = document.querySelector(b[0]);
    if (!button || !P) { return; }
    button.addEventListener("click", function () {
      var need = untexted();
      if (!need.length) { if (b[1]) { window.print(); } return; }
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      if (said) { said.textContent = UI.ev_print_loading || ""; }
      P.load(need.map(function (x) { return x[1]; }), function () {
        need.forEach(function (x) { text(x[0], x[1]); });
        button.disabled = false;
        button.removeAttribute("aria-busy");
        if (said) { said.textContent = ""; }
        if (b[1]) { window.print(); }
      });
    });
  });
  // Printed another way (Ctrl+P, the browser's menu) with rows still without their text:
  // the top of the printout says which standards, and how to print them. Every row laid
  // out for the printout, not only those that came into sight.
  var missing = document.querySelector("[data-ev-print-missing]");
  window.addEventListener("beforeprint", function () {
    sections.forEach(function (x) { x[0].style.contentVisibility = "visible"; });
    var need = untexted();
    if (missing) {
      missing.textContent = need.length ? SAY("ev_print_incomplete", { standards: numbers(need), button: UI.ev_print_all || "" }) : "";
      missing.hidden = !need.length;
    }
  });
  window.addEventListener("afterprint", function () {
    sections.forEach(function (x) { x[0].style.contentVisibility = "auto"; });
    if (missing) { missing.hidden = true; }
  });

  var where = A.index(CAT).evidence;
  function current() { var p = window.Doracak.assessmentPage; return p && p.state.rec; }

  // What the current assessment says of each item, as the report's table of gaps says it.
  function fill() {
    var rec = current(), evidence = rec ? rec.data.evidence : {};
    $all("[data-ev-row]", list).forEach(function (tr) {
      var x = evidence[tr.getAttribute("data-ev-row")] || {};
      var cells = tr.cells;
      cells[2].textContent = x.status ? UI["status_" + x.status] || x.status : UI.status_none || "";
      cells[3].textContent = x.owner ? SAY("gap_location_owner", { location: x.location || "", owner: x.owner }) : x.location || "";
      cells[4].textContent = x.next_review || "";
      if (A.isOverdue(x)) {
        cells[4].appendChild(document.createTextNode(" "));
        cells[4].appendChild(el("strong", null, UI.report_overdue_mark || ""));
      }
    });
  }

  // For each standard: its gaps (A.evidenceGaps, as the report and the tracker's summary
  // count them) and the items the filters show (the rows assessment.js left visible).
  function tally() {
    var rec = current(), gaps = {};
    if (rec) {
      A.evidenceGaps(rec.data, CAT).gaps.forEach(function (g) {
        var s = where[g.evidence].standard.id;
        gaps[s] = (gaps[s] || 0) + 1;
      });
    }
    $all("[data-ev-tally]").forEach(function (row) {
      var id = row.getAttribute("data-ev-tally");
      var sec = list.querySelector("[data-ev-standard='" + id + "']");
      var rows = sec ? $all("[data-ev-row]", sec) : [];
      var shown = rows.filter(function (r) { return !r.hidden; }).length;
      var g = row.querySelector("[data-col=gaps]");
      g.textContent = rec ? String(gaps[id] || 0) : UI.no_value || "";
      g.setAttribute("data-gaps", rec ? gaps[id] || 0 : "");
      // The count links the standard's rows below, where the filters show any.
      var s = row.querySelector("[data-col=shown]"), words = window.DORACAK_COUNT("ev_shown", rows.length, { shown: shown });
      s.textContent = "";
      if (shown) { var a = el("a", null, words); a.href = "#ev-" + id; s.appendChild(a); } else { s.textContent = words; }
      s.setAttribute("data-shown", shown);
    });
  }

  // After assessment.js: its first drawing, and each change it has handled (the document
  // hears a change before the window does): another assessment chosen, a filter changed.
  function redraw(e) {
    if (!e || e.target.matches && e.target.matches("[data-assess-select]")) { fill(); }
    tally();
  }
  document.addEventListener("DOMContentLoaded", function () { redraw(null); });
  window.addEventListener("change", redraw);
})();
