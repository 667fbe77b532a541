// doracak self-assessment, the contents pages of a split catalogue (written only above the
// theme's split size): the overview, the plan, the comparison and the evidence tracker load
// the catalogue's shape (catalog-shape.js: each standard's criteria and evidence, ids and
// numbers, no text) instead of every standard's file, and a standard's file (catalog/S1.js,
// the criteria's and evidence's text) only where the page shows its text: a row of the
// plan, of the comparison or of an edition's carried ratings, a standard of the evidence
// tracker coming into sight, every standard for the CSV export. The scores, the gaps and the
// rules of the file need the ids only: the same as with every file loaded. Loaded after
// vleresim/catalog.js and the shape, before assessment-core.js; the files are added as
// <script> elements, which a page opened from file:// may load (fetch may not).
// Doracak.catalogParts.
(function () {
  "use strict";
  var CAT = window.DORACAK_CATALOG, SHAPE = window.DORACAK_CATALOG_SHAPE;
  var me = document.currentScript, base = me ? me.getAttribute("data-parts") || "" : "";
  if (!CAT || !Array.isArray(CAT.standards) || !Array.isArray(SHAPE)) { return; }

  // The shape as the catalogue's criteria, their text empty until the standard's file
  // replaces them (it assigns standards[i].criteria, the same ids and numbers with text).
  // A number: the criterion at place n is <standard>.n numbered n, its k evidence items
  // <criterion>.1 … numbered n.1 …; else [id, number, [[evidence id, number], …]].
  var stateOf = [], where = Object.create(null);
  CAT.standards.forEach(function (s, i) {
    if (s.criteria) { stateOf[i] = "done"; }
    else {
      s.criteria = (SHAPE[i] || []).map(function (c, j) {
        if (typeof c === "number") {
          var n = j + 1, id = s.id + "." + n, ev = [];
          for (var k = 1; k <= c; k++) { ev.push({ id: id + "." + k, number: n + "." + k, text: "" }); }
          return { evidence: ev, id: id, number: n, text: "" };
        }
        return { evidence: c[2].map(function (e) { return { id: e[0], number: e[1], text: "" }; }), id: c[0], number: c[1], text: "" };
      });
    }
    s.criteria.forEach(function (c) { where[c.id] = i; });
  });

  // ---- loading a standard's text --------------------------------------------------------

  var waiting = [];
  function missing(list) { return list.filter(function (i, at) { return stateOf[i] !== "done" && list.indexOf(i) === at; }); }
  function settle() {
    waiting = waiting.filter(function (w) {
      if (!w.list.every(function (i) { return stateOf[i] === "done"; })) { return true; }
      w.done();
      return false;
    });
  }
  // Load the files of the standards `list` (their places in the catalogue) not loaded yet;
  // `done` once all of them are (a file that fails to load leaves its text empty).
  function load(list, done) {
    var todo = missing(list);
    waiting.push({ list: todo, done: done });
    todo.forEach(function (i) {
      if (stateOf[i]) { return; }
      stateOf[i] = "loading";
      var s = document.createElement("script");
      s.src = base + CAT.standards[i].id + ".js";
      s.setAttribute("data-catalog-part", CAT.standards[i].id);
      s.onload = s.onerror = function () { stateOf[i] = "done"; settle(); };
      document.head.appendChild(s);
    });
    settle();
  }
  // A criterion with its text (its standard's file loaded), found by id; the standards'
  // criteria indexed once each, as they are first asked for.
  var known = Object.create(null), indexed = [];
  function criterion(id) {
    var i = where[id];
    if (i === undefined || stateOf[i] !== "done") { return null; }
    if (!indexed[i]) {
      indexed[i] = true;
      CAT.standards[i].criteria.forEach(function (c) { known[c.id] = { standard: CAT.standards[i], criterion: c }; });
    }
    return known[id] || null;
  }

  // ---- the text of the rows a page shows ------------------------------------------------

  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function put(node, text) { if (node && node.textContent !== text) { node.textContent = text; } }
  // Each kind of row that shows a criterion's text: where it is, its criterion, and how its
  // text is written there (as assessment.js and assessment-compare.js write it).
  var ROWS = [
    // The plan (assessment.js, renderPlan).
    ["tr[data-plan-row]", "data-plan-row", function (row, x) {
      var t = x.criterion.text;
      put(row.querySelector(".plan-crit-text"), t.length > 160 ? t.slice(0, 160) + "…" : t);
    }],
    // The comparison's lists of criteria (assessment-compare.js); its "due" list has no text.
    ["table[data-compare]:not([data-compare=due]) tr[data-criterion]", "data-criterion", function (row, x) {
      put(row.cells[1], x.criterion.text);
    }],
    // An edition's carried ratings (assessment.js, showCarried: label).
    ["ul[data-carry] > li[data-criterion]", "data-criterion", function (li, x) {
      var first = li.firstChild;
      if (!first || first.nodeType !== 3) { return; }
      var say = window.DORACAK_SAY;
      var text = say("numbered_text", { number: say("sub_number", { standard: x.standard.number, number: x.criterion.number }), text: x.criterion.text });
      if (first.nodeValue !== text) { first.nodeValue = text; }
    }]
  ];
  function scan() {
    var need = [];
    ROWS.forEach(function (kind) {
      $all(kind[0]).forEach(function (row) {
        var id = row.getAttribute(kind[1]), x = criterion(id);
        if (x) { kind[2](row, x); } else if (where[id] !== undefined) { need.push(where[id]); }
      });
    });
    if (missing(need).length) { load(need, scan); }
  }
  var queued = false;
  function soon() { if (!queued) { queued = true; setTimeout(function () { queued = false; scan(); }, 0); } }

  // The CSV export holds every criterion's and evidence item's text: every file first.
  var exporting = false;
  window.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("button[data-action=export-csv]");
    if (!b || b.disabled) { return; }
    var all = CAT.standards.map(function (s, i) { return i; });
    if (!missing(all).length) { return; }
    e.stopPropagation();
    e.preventDefault();
    if (exporting) { return; }
    exporting = true;
    b.setAttribute("aria-busy", "true");
    load(all, function () { exporting = false; b.removeAttribute("aria-busy"); b.click(); });
  }, true);

  // After the pages' first drawing (their scripts run before this event), and each time
  // they draw their rows again.
  document.addEventListener("DOMContentLoaded", function () {
    var watch = new MutationObserver(soon);
    $all("table[data-plan], [data-compare-result], [data-import-result]").forEach(function (box) {
      watch.observe(box, { childList: true, subtree: true });
    });
    scan();
  });

  var D = window.Doracak = window.Doracak || {};
  D.catalogParts = { load: load, loaded: function (i) { return stateOf[i] === "done"; } };
})();
