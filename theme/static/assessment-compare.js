// doracak self-assessment, progress over time: two assessments of one centre compared,
// the twin of src/assessment/compare.rs (tests/fixtures/compare/ holds both to the same
// answer), and the comparison page, which picks two assessments kept in this browser.
(function () {
  "use strict";
  var A = window.Doracak && window.Doracak.assessment;
  if (!A) { return; }

  function day(ts) { return String(ts || "").slice(0, 10); }

  // Compare `old` with `neu` (the later one), both normalised assessment files.
  function compare(old, neu, cat) {
    var pts = {}, top = 0;
    cat.scale.forEach(function (r) { pts[r.code] = r.points; if (r.points !== null && r.points !== undefined && r.points > top) { top = r.points; } });
    var sb = A.scores(old, cat).standards, sa = A.scores(neu, cat).standards;
    var standards = sa.map(function (a, i) {
      var b = sb[i];
      return { id: a.id, number: a.number, title: a.title, before: b.percent, after: a.percent, change: (b.percent === null || a.percent === null) ? null : a.percent - b.percent, unrated_before: b.unrated, unrated_after: a.unrated };
    });
    function rating(f, id) { return (f.ratings[id] && f.ratings[id].rating) || null; }
    function points(code) { var p = pts[code]; return p === null || p === undefined ? null : p; }
    var out = { standards: standards, improved: [], worse: [], still_unmet: [], due: [], from: day(old.assessment.updated), to: day(neu.assessment.updated) };
    var labels = {};
    cat.standards.forEach(function (s) {
      s.criteria.forEach(function (c) {
        var label = window.DORACAK_SAY("sub_number", { standard: s.number, number: c.number });
        labels[c.id] = label;
        var b = rating(old, c.id), a = rating(neu, c.id);
        if (!b || !a) { return; }
        var pb = points(b), pa = points(a);
        if (pb === null || pa === null) { return; }
        var row = { id: c.id, label: label, text: c.text, before: b, after: a };
        if (pa > pb) { out.improved.push(row); }
        else if (pa < pb) { out.worse.push(row); }
        else if (pa < top) { out.still_unmet.push(row); }
      });
    });
    (old.plan || []).forEach(function (e) {
      var due = e.due || "";
      if (due.length === 10 && due > out.from && due <= out.to) {
        out.due.push({ criterion: e.criterion, label: labels[e.criterion] || "", action: e.action || "", owner: e.owner || "", due: due, rating_now: rating(neu, e.criterion) || "" });
      }
    });
    out.due.sort(function (x, y) { return x.due < y.due ? -1 : x.due > y.due ? 1 : x.label < y.label ? -1 : x.label > y.label ? 1 : 0; });
    return out;
  }
  A.compare = compare;

  // ---- the page ----------------------------------------------------------------------------
  var UI = window.DORACAK_UI || {};
  var CAT = window.DORACAK_CATALOG;
  if (!CAT || typeof document === "undefined") { return; }
  var page = document.querySelector("[data-compare-page]");
  if (!page) { return; }
  var store = new A.Store(CAT);

  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) { e.className = cls; } if (text !== undefined) { e.textContent = text; } return e; }
  function label(code) { return code ? A.label(CAT, code) : (UI.assess_not_rated || ""); }
  function table(cls, heads, rows, colClasses) {
    var t = el("table", cls), cg = el("colgroup"), thead = el("thead"), tr = el("tr"), tb = el("tbody");
    colClasses.forEach(function (c) { var col = el("col"); if (c) { col.className = c; } cg.appendChild(col); });
    heads.forEach(function (h) { var th = el("th", null, h); th.scope = "col"; tr.appendChild(th); });
    thead.appendChild(tr);
    t.appendChild(cg); t.appendChild(thead); t.appendChild(tb);
    rows.forEach(function (r) {
      var row = el("tr");
      if (r.attr) { row.setAttribute(r.attr[0], r.attr[1]); }
      r.cells.forEach(function (c, i) {
        var cell = el(r.th === i ? "th" : "td", r.num === i ? "num" : null, c);
        if (r.th === i) { cell.scope = "row"; }
        row.appendChild(cell);
      });
      tb.appendChild(row);
    });
    return t;
  }

  function render() {
    var out = page.querySelector("[data-compare-result]");
    var oldSel = page.querySelector("[data-compare-old]"), newSel = page.querySelector("[data-compare-new]");
    out.textContent = "";
    var a = oldSel.value && store.load(oldSel.value), b = newSel.value && store.load(newSel.value);
    if (!a || !b) { return; }
    if (oldSel.value === newSel.value) { out.appendChild(el("p", "notice", UI.compare_same || "")); return; }
    var c = compare(a.data, b.data, CAT);
    var h = el("h2", null, UI.compare_title || "");
    h.id = "h-compare";
    out.appendChild(h);
    var p = el("p");
    p.setAttribute("data-compare-since", "");
    p.appendChild(window.DORACAK_SAY_NODES("compare_since", { name: el("strong", null, a.data.assessment.name), from: window.DORACAK_DATE(c.from), to: window.DORACAK_DATE(c.to) }));
    out.appendChild(p);
    // The same warnings as `doracak report --since`.
    if (A.otherCentre(CAT, a.data.assessment, b.data.assessment)) { var n = el("p", "notice", UI.compare_other_centre || ""); n.setAttribute("data-compare-other-centre", ""); out.appendChild(n); }
    if (c.from > c.to) { var r = el("p", "notice", UI.compare_reversed || ""); r.setAttribute("data-compare-reversed", ""); out.appendChild(r); }
    var fig = el("figure", "chart-figure");
    // Its own sideways scroll on a phone: reachable by keyboard, named for a screen reader.
    fig.tabIndex = 0;
    fig.setAttribute("role", "group");
    fig.setAttribute("aria-label", UI.compare_title || "");
    fig.appendChild(window.Doracak.charts.changeBars("chart-change", c, UI));
    out.appendChild(fig);
    out.appendChild(el("h3", null, UI.compare_standards || ""));
    var P = window.Doracak.charts;
    out.appendChild(table("scores compare-standards", [UI.standard, UI.compare_before, UI.compare_after, UI.compare_change],
      c.standards.map(function (s) { return { attr: ["data-standard", s.id], th: 0, cells: [window.DORACAK_SAY("standard_numbered", { number: s.number, title: s.title }), P.pct(UI, s.before), P.pct(UI, s.after), P.change(UI, s.change)] }; }),
      [null, "col-count", "col-count", "col-change"]));
    ["improved", "worse", "still_unmet"].forEach(function (key) {
      var rows = c[key];
      out.appendChild(el("h3", null, window.DORACAK_SAY("heading_count", { label: UI["compare_" + key] || "", count: rows.length })));
      if (!rows.length) { out.appendChild(el("p", null, UI.report_none || "")); return; }
      var t = table("audit-table compare-list", [UI.audit_no, UI.criterion, UI.compare_before, UI.compare_after],
        rows.map(function (r) { return { attr: ["data-criterion", r.id], num: 0, cells: [r.label, r.text, label(r.before), label(r.after)] }; }),
        ["col-num", null, "col-rating", "col-rating"]);
      t.setAttribute("data-compare", key);
      out.appendChild(t);
    });
    out.appendChild(el("h3", null, window.DORACAK_SAY("heading_count", { label: UI.compare_due || "", count: c.due.length })));
    if (c.due.length) {
      var t = table("audit-table compare-list", [UI.audit_no, UI.plan_action, UI.plan_responsible, UI.plan_due, UI.compare_rating_now],
        c.due.map(function (d) { return { attr: ["data-criterion", d.criterion], num: 0, cells: [d.label, d.action, d.owner, d.due, label(d.rating_now)] }; }),
        ["col-num", null, "col-rating", "col-date", "col-rating"]);
      t.setAttribute("data-compare", "due");
      out.appendChild(t);
    } else { out.appendChild(el("p", null, UI.report_none || "")); }
    out.appendChild(el("p", "muted", UI.compare_rule || ""));
  }

  // The assessments kept here, oldest first, each with its centre known by the CLI's rule
  // (A.centreOf, the twin of src/centres.rs): the same files make the same centres as in
  // `doracak aggregate`.
  function kept() {
    var list = store.list().filter(function (x) { return !x.attention; }).map(function (x) { var r = store.load(x.id); return { id: x.id, name: x.name, updated: x.updated || "", a: r ? r.data.assessment : { name: x.name, centre: "" } }; });
    list.sort(function (x, y) { return x.updated < y.updated ? -1 : x.updated > y.updated ? 1 : 0; });
    var seen = {};
    list.forEach(function (x) { x.who = A.centreOf(CAT, x.a, seen); });
    return list;
  }

  // The later of the two: the current assessment; the earlier: the latest one before it of
  // the same centre, else the latest other one. Each list groups the assessments by centre
  // (in the order the centres are first met), oldest first.
  function fill() {
    var list = kept();
    var need = page.querySelector("[data-compare-need]"), pick = page.querySelector("[data-compare-pick]");
    need.hidden = list.length >= 2;
    pick.hidden = list.length < 2;
    if (list.length < 2) { return; }
    var cur = store.current(), now = list.filter(function (x) { return x.id === cur; })[0] || list[list.length - 1];
    var before = list.filter(function (x) { return x.id !== now.id && x.updated <= now.updated; });
    var same = before.filter(function (x) { return x.who.key === now.who.key; });
    var then = same[same.length - 1] || before[before.length - 1] || list.filter(function (x) { return x.id !== now.id; })[0];
    var groups = [];
    list.forEach(function (x) {
      var g = groups.filter(function (g) { return g.key === x.who.key; })[0];
      if (!g) { g = { key: x.who.key, name: x.who.name, items: [] }; groups.push(g); }
      g.items.push(x);
    });
    [["[data-compare-old]", then], ["[data-compare-new]", now]].forEach(function (pair) {
      var sel = page.querySelector(pair[0]);
      sel.textContent = "";
      groups.forEach(function (g) {
        var og = el("optgroup");
        og.label = g.name;
        og.setAttribute("data-centre", g.key);
        g.items.forEach(function (x) { var o = el("option", null, window.DORACAK_SAY("compare_option", { name: x.name, date: window.DORACAK_DATE(x.updated) })); o.value = x.id; og.appendChild(o); });
        sel.appendChild(og);
      });
      sel.value = pair[1].id;
    });
    render();
  }

  page.addEventListener("change", function (e) { if (e.target.matches("[data-compare-old], [data-compare-new]")) { render(); } });
  window.Doracak.comparePage = { fill: fill, render: render };
  fill();
})();
