// doracak self-assessment, drawing: from the state (assessment-state.js) into the
// server-rendered markup of the overview, the rating pages, the evidence tracker, the
// improvement plan and the printout. Adds render and the parts others redraw to
// Doracak.assessment.page.
(function () {
  "use strict";
  var A = window.Doracak && window.Doracak.assessment;
  var P = A && A.page;
  if (!P) { return; }
  var UI = window.DORACAK_UI || {};
  var CAT = window.DORACAK_CATALOG;
  var F = A.fields;
  var state = P.state, $ = P.$, $all = P.$all, show = P.show, el = P.el, fmtPct = P.fmtPct;
  var status = P.status, renderBanner = P.renderBanner;

  // ---- drawing: from the state into the page ---------------------------------------------

  function renderSelect() {
    var list = state.store.list();
    $all("[data-assess-select]").forEach(function (sel) {
      sel.textContent = "";
      if (!list.length) {
        var o = el("option", null, UI.assess_none_yet || "");
        o.value = "";
        sel.appendChild(o);
        sel.disabled = true;
        return;
      }
      sel.disabled = false;
      list.forEach(function (a) {
        var o = el("option", null, a.attention ? A.say("assess_attention_option", { name: a.name }, a.name + " (needs attention)") : a.name);
        o.value = a.id;
        if (a.id === state.id) { o.selected = true; }
        sel.appendChild(o);
      });
    });
  }

  function renderFields() {
    var rec = state.rec;
    $all("form.assess-form input, form.assess-form textarea, form.ev-tracker input").forEach(function (i) { i.disabled = !rec; });
    var rerate = rec && rec.carried ? rec.carried.rerate.map(function (p) { return p[1]; }) : [];
    $all("[data-rerate-flag]").forEach(function (f) { f.remove(); });
    $all("section[data-criterion]").forEach(function (box) {
      var id = box.getAttribute("data-criterion");
      if (rerate.indexOf(id) < 0) { return; }
      var E = window.Doracak.editions;
      var flag = el("p", "notice rerate-flag", UI.carry_rerate || "");
      flag.setAttribute("data-rerate-flag", id);
      var link = E && E.mapping ? E.changeLink(E.mapping, id) : null;
      if (link) { flag.appendChild(document.createTextNode(" ")); var a = el("a", null, UI.carry_see || ""); a.href = link; flag.appendChild(a); }
      var legend = $("legend", box);
      if (legend) { legend.parentNode.insertBefore(flag, legend.nextSibling); }
    });
    $all("[data-criterion]").forEach(function (box) {
      var r = (rec && rec.data.ratings[box.getAttribute("data-criterion")]) || {};
      $all("input[data-field=rating]", box).forEach(function (inp) { inp.checked = inp.value === r.rating; });
      $all("textarea[data-field=note]", box).forEach(function (t) { t.value = r.note || ""; });
    });
    $all("[data-evidence]").forEach(function (box) {
      var ev = (rec && rec.data.evidence[box.getAttribute("data-evidence")]) || {};
      $all("[data-field]", box).forEach(function (inp) {
        var f = inp.getAttribute("data-field");
        if (inp.type === "radio") { inp.checked = inp.value === ev[f]; } else { inp.value = ev[f] || ""; }
      });
    });
  }

  function renderOverview() {
    var rec = state.rec;
    var meta = $("[data-assess-meta]");
    if (meta) { meta.hidden = !rec; }
    $all("[data-meta]").forEach(function (inp) {
      inp.value = rec ? rec.data.assessment[inp.getAttribute("data-meta")] || "" : "";
      inp.disabled = !rec;
    });
    ["delete", "export-json", "export-csv"].forEach(function (a) {
      $all("button[data-action=" + a + "]").forEach(function (b) { if (!b.closest(".notice")) { b.disabled = !rec && !(a === "delete" && state.attention); } });
    });
  }

  function renderScores() {
    var rec = state.rec;
    var fig = $("[data-score-chart]");
    if (fig) { fig.textContent = ""; fig.hidden = !rec; }
    if (!rec) { $all("[data-score]").forEach(function (e) { e.textContent = ""; }); return; }
    var sc = A.scores(rec.data, CAT);
    if (fig && window.Doracak.charts) {
      var top = 0;
      CAT.scale.forEach(function (r) { if (r.points > top) { top = r.points; } });
      fig.appendChild(window.Doracak.charts.scoreBars("chart-scores", sc.standards, top, UI, fmtPct));
    }
    $all("[data-score]").forEach(function (e) {
      var id = e.getAttribute("data-score");
      sc.standards.forEach(function (s) {
        if (s.id === id) { e.textContent = window.DORACAK_SAY("assess_score_line", { points: s.points, max: s.max, percent: fmtPct(s.percent), unrated: s.unrated }); }
      });
    });
    $all("[data-score-row]").forEach(function (row) {
      var id = row.getAttribute("data-score-row");
      var s = id === "total" ? sc.total : sc.standards.filter(function (x) { return x.id === id; })[0];
      if (!s) { return; }
      $("[data-col=points]", row).textContent = window.DORACAK_SAY("score_of", { score: s.points, total: s.max });
      $("[data-col=percent]", row).textContent = fmtPct(s.percent);
      $("[data-col=unrated]", row).textContent = s.unrated;
      $("[data-col=na]", row).textContent = s.na;
    });
  }

  function filterEvidence() {
    var box = $("[data-ev-filters]");
    if (!box) { return; }
    var rec = state.rec;
    var allowed = $all("input:not([data-overdue])", box).filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
    var overdueOnly = $("[data-overdue]", box).checked;
    var gapsBox = $("[data-gaps-only]", box), gapsOnly = !!(gapsBox && gapsBox.checked);
    allowed = allowed.filter(function (v) { return v !== "gaps"; });
    // The gaps as the report counts them (A.evidenceGaps: partial evidence is a gap).
    var found = rec ? A.evidenceGaps(rec.data, CAT) : { gaps: [], unmarked: 0 }, isGap = {};
    found.gaps.forEach(function (g) { isGap[g.evidence] = true; });
    var summary = $("[data-ev-gaps]");
    if (summary) {
      summary.textContent = rec ? window.DORACAK_SAY("ev_gaps_line", { gaps: found.gaps.length, unmarked: found.unmarked }) : "";
      summary.setAttribute("data-gaps", found.gaps.length);
      summary.setAttribute("data-unmarked", found.unmarked);
    }
    var shown = 0, total = 0;
    $all("[data-ev-row]").forEach(function (row) {
      var e = (rec && rec.data.evidence[row.getAttribute("data-ev-row")]) || {};
      var ok = allowed.indexOf(e.status || "none") >= 0 && (!overdueOnly || A.isOverdue(e)) && (!gapsOnly || !!isGap[row.getAttribute("data-ev-row")]);
      row.hidden = !ok;
      total++;
      if (ok) { shown++; }
    });
    $all("[data-ev-standard]").forEach(function (sec) { sec.hidden = !$all("[data-ev-row]", sec).some(function (r) { return !r.hidden; }); });
    var c = $("[data-ev-count]");
    if (c) { c.textContent = window.DORACAK_COUNT("ev_shown", total, { shown: shown }); }
  }

  var PLAN_FIELDS = [["action", "textarea", "plan_action"], ["owner", "text", "plan_responsible"], ["due", "date", "plan_due"], ["indicator", "textarea", "plan_indicators"], ["cost", "text", "plan_cost"]];

  // The plan's rows follow the ratings, so they are drawn here; their inputs are read by
  // the document's input handler.
  function renderPlan() {
    var table = $("table[data-plan]");
    if (!table) { return; }
    var body = table.tBodies[0];
    body.textContent = "";
    var rows = state.rec ? A.planRows(state.rec.data, CAT) : [];
    show("[data-plan-empty]", rows.length === 0);
    rows.forEach(function (p) {
      var num = window.DORACAK_SAY("sub_number", { standard: p.standard.number, number: p.criterion.number });
      var tr = el("tr");
      tr.setAttribute("data-plan-row", p.criterion.id);
      var th = el("th");
      th.scope = "row";
      var a = el("a", null, num);
      a.href = (document.body.getAttribute("data-root") || "") + (window.DORACAK_ADDR || {}).assessment_standard.replace("{id}", p.standard.id) + "#" + p.criterion.id;
      th.appendChild(window.DORACAK_SAY_NODES("criterion_rated", { criterion: a, rating: A.label(CAT, p.rating) }));
      th.appendChild(document.createTextNode(" "));
      th.appendChild(el("span", "muted plan-crit-text", p.criterion.text.length > 160 ? p.criterion.text.slice(0, 160) + "…" : p.criterion.text));
      tr.appendChild(th);
      PLAN_FIELDS.forEach(function (f) {
        var td = el("td");
        var inp = el(f[1] === "textarea" ? "textarea" : "input");
        if (f[1] === "textarea") { inp.rows = 2; } else { inp.type = f[1]; }
        inp.value = p.entry[f[0]] || "";
        inp.setAttribute("aria-label", window.DORACAK_SAY("plan_field_of", { field: UI[f[2]] || f[0], criterion: num }));
        inp.setAttribute("data-plan-field", f[0]);
        td.appendChild(inp);
        // What the printed plan shows: the whole text, never a scrolled box.
        td.appendChild(el("span", "print-value", inp.value));
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  // The printout: the grid is in the page already (the template renders it like the audit
  // sheets); this fills its cells.
  function renderPrint() {
    var box = $("[data-filled-print]");
    if (!box) { return; }
    var rec = state.rec;
    box.hidden = !rec;
    show("[data-needs-assessment]", !rec);
    if (!rec) { return; }
    var d = rec.data;
    function fill(sel, text) { $all(sel, box).forEach(function (e) { e.textContent = text; }); }
    fill("[data-fill=name]", d.assessment.name);
    fill("[data-fill=centre]", d.assessment.centre || UI.no_value || "");
    fill("[data-fill=updated]", window.DORACAK_DATE ? window.DORACAK_DATE(d.assessment.updated) : d.assessment.updated.slice(0, 10));
    $all("[data-fill-rating]", box).forEach(function (td) {
      var r = d.ratings[td.getAttribute("data-fill-rating")] || {};
      td.textContent = r.rating ? A.label(CAT, r.rating) : (UI.assess_not_rated || "");
    });
    $all("[data-fill-note]", box).forEach(function (td) {
      td.textContent = (d.ratings[td.getAttribute("data-fill-note")] || {}).note || "";
    });
    $all("[data-fill-status]", box).forEach(function (td) {
      var x = d.evidence[td.getAttribute("data-fill-status")] || {};
      td.textContent = x.status ? UI["status_" + x.status] || x.status : UI.status_none || "";
    });
    $all("[data-fill-evidence]", box).forEach(function (td) {
      var x = d.evidence[td.getAttribute("data-fill-evidence")] || {};
      var bits = [];
      if (x.location) { bits.push(window.DORACAK_PAIR(UI.ev_location || "", x.location)); }
      if (x.owner) { bits.push(window.DORACAK_PAIR(UI.ev_owner || "", x.owner)); }
      if (x.reviewed) { bits.push(window.DORACAK_PAIR(UI.ev_reviewed || "", x.reviewed)); }
      if (x.next_review) { bits.push(window.DORACAK_PAIR(UI.ev_next_review || "", x.next_review)); }
      td.textContent = bits.join(UI.inline_separator || " · ");
    });
    printScope();
    var plan = $("[data-fill-plan]", box);
    if (plan) {
      plan.textContent = "";
      var rows = A.planRows(d, CAT);
      rows.forEach(function (p) {
        var tr = el("tr");
        [window.DORACAK_SAY("criterion_rated", { criterion: window.DORACAK_SAY("sub_number", { standard: p.standard.number, number: p.criterion.number }), rating: A.label(CAT, p.rating) }), p.entry.action, p.entry.owner, p.entry.due, p.entry.indicator, p.entry.cost].forEach(function (v) { tr.appendChild(el("td", null, v || "")); });
        plan.appendChild(tr);
      });
      show("[data-fill-plan-empty]", rows.length === 0);
    }
  }

  // Which standards the printout holds: all, those with a rated criterion, or a choice.
  function printScope() {
    var form = $("[data-print-scope]");
    if (!form || !state.rec) { return; }
    var mode = ($("input[name=scope]:checked", form) || {}).value || "all";
    var chosen = $all("input[data-scope-standard]", form).filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
    show("[data-scope-choice]", mode === "chosen");
    var ratings = state.rec.data.ratings;
    CAT.standards.forEach(function (s) {
      var rated = s.criteria.some(function (c) { return ratings[c.id] && ratings[c.id].rating; });
      var on = mode === "all" || (mode === "rated" && rated) || (mode === "chosen" && chosen.indexOf(s.id) >= 0);
      $all("[data-filled-standard='" + s.id + "']").forEach(function (e) { e.hidden = !on; });
    });
  }

  // The head of every printed page (print.css puts it in the page's top margin): the
  // centre, the assessment's name and its date, so separated pages stay together.
  function renderPrintHead() {
    var root = document.documentElement;
    var rec = state.rec;
    if (!rec) { root.style.removeProperty("--print-head"); return; }
    var a = rec.data.assessment;
    var date = window.DORACAK_DATE ? window.DORACAK_DATE(a.updated || "") : (a.updated || "").slice(0, 10);
    var head = window.DORACAK_SAY(a.centre ? "assess_print_head" : "assess_print_head_no_centre", { centre: a.centre, name: a.name, date: date });
    root.style.setProperty("--print-head", JSON.stringify(head.replace(/[\u0000-\u001f]/g, " ")));
  }

  function render() {
    renderPrintHead();
    renderSelect();
    renderFields();
    renderOverview();
    renderScores();
    filterEvidence();
    renderPlan();
    renderPrint();
    if (window.Doracak.aside) { window.Doracak.aside.render(state.rec); }
    renderBanner();
    F.renderAttention(state);
    status(state.rec || state.attention ? "" : UI.assess_create_first || "");
  }

  P.render = render;
  P.renderScores = renderScores;
  P.renderSelect = renderSelect;
  P.filterEvidence = filterEvidence;
  P.printScope = printScope;
})();
