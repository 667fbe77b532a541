// doracak self-assessment, the pages: the overview, the rating pages, the evidence tracker,
// the improvement plan and the printout. One state object; rendering draws it into the
// server-rendered markup; the events are bound once, on the document. The rules and the
// storage are in assessment-core.js and assessment-store.js. Nothing leaves the device.
(function () {
  "use strict";
  var A = window.Doracak && window.Doracak.assessment;
  var UI = window.DORACAK_UI || {};
  var CAT = window.DORACAK_CATALOG;
  if (!A || !CAT || typeof document === "undefined") { return; }

  // Everything the page knows: the store, the current assessment ({ data, exported }) and
  // its id, and the pending autosave.
  var state = { store: new A.Store(CAT), rec: null, id: null, saveTimer: null, pendingImport: null, attention: null };
  var F = A.fields;

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function show(sel, on) { $all(sel).forEach(function (e) { e.hidden = !on; }); }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) { e.className = cls; } if (text !== undefined) { e.textContent = text; } return e; }
  // Number and time formats of the handbook's language, from its pack, by hand: a browser
  // without that language's locale data would otherwise fall back to its own.
  function fmtPct(p) {
    if (p === null) { return UI.no_value || ""; }
    // One decimal always, as the report and the charts write it (75,0 %).
    var n = (Math.round(p * 10) / 10).toFixed(1).replace(".", UI.number_decimal || ".");
    return (UI.percent || "{n} %").replace("{n}", n);
  }
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function fmtTime(d) { return two(d.getHours()) + ":" + two(d.getMinutes()) + ":" + two(d.getSeconds()); }

  // ---- keeping ----------------------------------------------------------------------------

  // Why a change could not be kept: the storage is full, or the browser keeps nothing for
  // this page (site data blocked).
  function storageMessage(e) {
    var off = e && e.name === "SecurityError";
    return (off ? UI.assess_storage_off : UI.assess_storage_full) || String(e);
  }
  function setError(msg) {
    $all("[data-assess-error]").forEach(function (e) {
      e.textContent = "";
      if (!msg) { e.hidden = true; return; }
      e.appendChild(document.createTextNode(msg + " "));
      var b = el("button", "button", UI.assess_export_json || "");
      b.type = "button";
      b.setAttribute("data-action", "export-json");
      e.appendChild(b);
      e.hidden = false;
    });
  }

  function status(msg) { $all("[data-assess-status]").forEach(function (e) { e.textContent = msg; }); }

  function renderBanner() {
    var rec = state.rec;
    show("[data-assess-unsaved]", !!(rec && (!rec.exported || rec.exported < rec.data.assessment.updated)));
  }

  function persist() {
    if (!state.rec || !state.id) { return; }
    try {
      state.store.save(state.id, state.rec);
      setError(null);
      status(window.DORACAK_SAY("assess_saved_at", { time: fmtTime(new Date()) }));
    } catch (e) {
      setError(e.reason || storageMessage(e));
    }
    renderBanner();
  }

  // The assessment changed: autosave shortly, and redraw what depends on it.
  function touch() {
    state.rec.data.assessment.updated = A.nowIso();
    clearTimeout(state.saveTimer);
    state.saveTimer = setTimeout(function () { state.saveTimer = null; persist(); }, 250);
    renderScores();
  }

  function flush() { if (state.saveTimer) { clearTimeout(state.saveTimer); state.saveTimer = null; persist(); } }

  // The current assessment; one that needs attention (fails the rules) is chosen but not
  // opened: state.attention holds it, to be shown and exported as it is.
  function loadCurrent() {
    var store = state.store, list = store.list();
    state.id = store.current();
    var chosen = list.filter(function (a) { return a.id === state.id; })[0] || list.filter(function (a) { return !a.attention; })[0] || list[0];
    state.id = chosen ? chosen.id : null;
    state.attention = chosen && chosen.attention ? chosen : null;
    state.rec = chosen && !chosen.attention ? store.load(chosen.id) : null;
    if (chosen && chosen.id !== store.current()) { store.setCurrent(chosen.id); }
  }

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

  // ---- the user's actions ---------------------------------------------------------------

  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = el("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }

  function fileName(ext) {
    var fallback = UI.export_file_name || "assessment";
    var base = (state.rec.data.assessment.name || fallback).normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
    return (base || fallback) + "." + ext;
  }

  function exportJson() {
    var rec = state.rec;
    if (!rec) { return; }
    flush();
    download(fileName("json"), JSON.stringify(rec.data, null, 2), "application/json");
    rec.exported = A.nowIso();
    if (rec.exported < rec.data.assessment.updated) { rec.exported = rec.data.assessment.updated; }
    persist();
  }

  function exportCsv() {
    if (!state.rec) { return; }
    flush();
    download(fileName("csv"), A.toCSV(state.rec.data, CAT), "text/csv;charset=utf-8");
  }

  function showImport(ok, lines) {
    var box = $("[data-import-result]");
    if (!box) { return; }
    box.textContent = "";
    box.className = "import-result notice" + (ok ? "" : " error");
    box.appendChild(el("p", null, ok ? (UI.assess_import_ok || "") : (UI.assess_import_refused || "")));
    if (lines.length) {
      var ul = el("ul");
      lines.forEach(function (l) { ul.appendChild(el("li", null, l)); });
      box.appendChild(ul);
    }
  }

  function messages(list) { return list.map(function (x) { return x.message; }); }

  // Take a read file in: drawn once on this page before anything is stored, so a file the
  // page cannot show is refused and changes nothing.
  function importChecked(r, how) {
    if (!r.file) { showImport(false, messages(r.problems)); return false; }
    var same = state.store.list().filter(function (a) { return a.name === r.file.assessment.name; })[0];
    if (same && !how) { askImport(r); return null; }
    if (same && how === "keep-both") { r.file.assessment.name = freeName(r.file.assessment.name); }
    flush();
    var prev = { rec: state.rec, id: state.id };
    // A file of the previous edition is mapped to this one (assessment-editions.js).
    var E = window.Doracak.editions;
    var applies = E && E.mapping && E.applies(E.mapping, r.file);
    // A table whose targets are not ids of this edition, or given twice, is refused: the
    // file is not imported, nothing is put on the wrong criterion.
    var bad = applies ? E.check(E.mapping, CAT) : [];
    if (bad.length) { showImport(false, bad); return false; }
    var carried = applies ? E.carry(E.mapping, r.file) : null;
    var candidate = { data: r.file, exported: r.file.assessment.updated, carried: carried };
    function back(msg) {
      state.rec = prev.rec; state.id = prev.id;
      try { render(); } catch (again) { /* the page shows what it can */ }
      showImport(false, [msg]);
      return false;
    }
    try {
      state.rec = candidate; state.id = null;
      render();
    } catch (e) { return back(String(e)); }
    var id = same && how === "replace" ? same.id : state.store.newId();
    try {
      state.store.save(id, candidate);
      state.store.setCurrent(id);
    } catch (e) { return back(storageMessage(e)); }
    loadCurrent();
    render();
    showImport(true, messages(r.notes));
    if (carried) { showCarried(carried, r.file); }
    return true;
  }

  // What became of the ratings of a file of the previous edition: four lists, as the
  // report shows them.
  function showCarried(c, file) {
    var box = $("[data-import-result]");
    if (!box) { return; }
    var E = window.Doracak.editions;
    var sec = el("section", "carried");
    sec.appendChild(el("h3", null, (UI.carry_title || "").replace("{old}", E.mapping.previous_edition || UI.diff_unnamed || "")));
    sec.appendChild(el("p", null, UI.carry_intro || ""));
    var aside = (file && file.set_aside) || { ratings: {}, plan: [] };
    [["rerate", c.rerate.map(function (p) { return p[1]; })], ["removed", c.removed], ["unknown", c.unknown || []], ["new", c["new"]], ["kept", c.kept]].forEach(function (k) {
      sec.appendChild(el("h4", null, window.DORACAK_SAY("heading_count", { label: UI["carry_" + k[0]] || "", count: k[1].length })));
      // As the report: an empty list is said in words.
      if (!k[1].length) { sec.appendChild(el("p", null, UI.report_none || "")); return; }
      var ul = el("ul", "carry-list");
      ul.setAttribute("data-carry", k[0]);
      k[1].forEach(function (id) {
        // What is set aside for a removed or unknown id: its rating, note and plan rows, in
        // the report's words (Doracak.aside).
        if (k[0] === "removed" || k[0] === "unknown") { ul.appendChild(window.Doracak.aside.row(aside, id)); return; }
        var li = el("li", null, label(id));
        li.setAttribute("data-criterion", id);
        var link = k[0] === "rerate" ? E.changeLink(E.mapping, id) : null;
        if (link) { li.appendChild(document.createTextNode(" ")); var a = el("a", null, UI.carry_see || ""); a.href = link; li.appendChild(a); }
        ul.appendChild(li);
      });
      sec.appendChild(ul);
    });
    box.appendChild(sec);
  }

  // "1.2" of a criterion of this edition; the id of one it no longer has.
  function label(id) {
    for (var i = 0; i < CAT.standards.length; i++) {
      var s = CAT.standards[i];
      for (var j = 0; j < s.criteria.length; j++) {
        if (s.criteria[j].id === id) { return window.DORACAK_SAY("numbered_text", { number: window.DORACAK_SAY("sub_number", { standard: s.number, number: s.criteria[j].number }), text: s.criteria[j].text }); }
      }
    }
    return id;
  }

  // "Hill House — 2026 (2)", or the next number free.
  function freeName(name) {
    var names = state.store.list().map(function (a) { return a.name; });
    for (var n = 2; ; n++) {
      var candidate = window.DORACAK_SAY("assess_name_copy", { name: name, n: n });
      if (names.indexOf(candidate) < 0) { return candidate; }
    }
  }

  // An assessment of the same name is already kept: the person chooses.
  function askImport(r) {
    var box = $("[data-import-result]");
    if (!box) { return; }
    state.pendingImport = r;
    box.textContent = "";
    box.className = "import-result notice";
    box.setAttribute("role", "alertdialog");
    box.appendChild(el("p", null, window.DORACAK_SAY("assess_import_exists_named", { name: r.file.assessment.name })));
    [["import-replace", UI.assess_import_replace, "button"], ["import-keep-both", UI.assess_import_keep_both, "button secondary"]].forEach(function (b) {
      var btn = el("button", b[2], b[1] || "");
      btn.type = "button";
      btn.setAttribute("data-action", b[0]);
      box.appendChild(btn);
      box.appendChild(document.createTextNode(" "));
    });
    $("button", box).focus();
  }

  function answerImport(how) {
    var r = state.pendingImport;
    state.pendingImport = null;
    var box = $("[data-import-result]");
    if (box) { box.removeAttribute("role"); }
    if (r) { importChecked(r, how); }
  }
  function importText(text) { return importChecked(A.read(text, CAT)); }
  function importBytes(buf) { return importChecked(A.readBytes(buf, CAT)); }

  function createAssessment(form) {
    var okName = F.accept(form.elements.name, "name"), okCentre = F.accept(form.elements.centre, "centre");
    if (!okName || !okCentre) { return; }
    var name = A.trim(form.elements.name.value);
    flush();
    var id = state.store.newId();
    var rec = { data: A.emptyAssessment(CAT, name, A.trim(form.elements.centre.value)), exported: null };
    try { state.store.save(id, rec); state.store.setCurrent(id); } catch (err) { setError(storageMessage(err)); return; }
    form.reset();
    loadCurrent();
    render();
    status(window.DORACAK_SAY("assess_created_named", { name: name }));
  }

  function askDelete(button) {
    if (!state.rec && !state.attention) { return; }
    var box = el("div", "notice confirm");
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-label", UI.assess_delete || "");
    box.appendChild(el("p", null, window.DORACAK_SAY("assess_delete_confirm_named", { name: state.rec ? state.rec.data.assessment.name : state.attention.name })));
    var yes = el("button", "button", UI.assess_delete_yes || "");
    yes.type = "button";
    yes.setAttribute("data-action", "delete-yes");
    var no = el("button", "button secondary", UI.cancel || "");
    no.type = "button";
    no.setAttribute("data-action", "delete-no");
    box.appendChild(yes);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(no);
    button.parentNode.appendChild(box);
    button.disabled = true;
    no.focus();
  }

  function closeDelete(box) {
    box.remove();
    var del = $("[data-action=delete]");
    if (del) { del.disabled = !state.rec && !state.attention; del.focus(); }
  }

  function deleteCurrent(box) {
    var name = state.rec ? state.rec.data.assessment.name : state.attention.name;
    clearTimeout(state.saveTimer);
    state.saveTimer = null;
    state.store.remove(state.id);
    box.remove();
    loadCurrent();
    render();
    status(window.DORACAK_SAY("assess_deleted_named", { name: name }));
  }

  var metaTimer = null;

  function onInput(e) {
    var t = e.target, rec = state.rec;
    if (!rec || !t.closest) { return; }
    var crit = t.closest("[data-criterion]");
    if (crit && t.matches("textarea[data-field=note]")) {
      if (!F.accept(t, "note")) { return; }
      var id = crit.getAttribute("data-criterion");
      (rec.data.ratings[id] || (rec.data.ratings[id] = { rating: null, note: "" })).note = t.value;
      return touch();
    }
    var ev = t.closest("[data-evidence]");
    if (ev && t.matches("[data-field]") && t.type !== "radio") { return setEvidence(ev, t); }
    if (t.matches("[data-meta]")) {
      var f = t.getAttribute("data-meta");
      if (!F.accept(t, f)) { return; }
      rec.data.assessment[f] = t.value;
      touch();
      clearTimeout(metaTimer);
      metaTimer = setTimeout(renderSelect, 300);
      return;
    }
    var row = t.closest("[data-plan-row]");
    if (row && t.matches("[data-plan-field]")) {
      if (!F.accept(t, t.getAttribute("data-plan-field"))) { return; }
      var cid = row.getAttribute("data-plan-row");
      var entry = rec.data.plan.filter(function (x) { return x.criterion === cid; })[0];
      if (!entry) { entry = { criterion: cid, action: "", owner: "", due: "", indicator: "", cost: "" }; rec.data.plan.push(entry); }
      entry[t.getAttribute("data-plan-field")] = t.value;
      var mirror = t.parentNode.querySelector(".print-value");
      if (mirror) { mirror.textContent = t.value; }
      touch();
    }
  }

  function setEvidence(box, inp) {
    if (inp.type !== "radio" && !F.accept(inp, inp.getAttribute("data-field"))) { return; }
    var id = box.getAttribute("data-evidence");
    var e = state.rec.data.evidence[id] || (state.rec.data.evidence[id] = { status: null, location: "", owner: "", reviewed: "", next_review: "" });
    e[inp.getAttribute("data-field")] = inp.value;
    touch();
    filterEvidence();
  }

  function onChange(e) {
    var t = e.target;
    if (!t.closest) { return; }
    if (t.matches("[data-assess-select]")) {
      flush();
      state.store.setCurrent(t.value);
      loadCurrent();
      return render();
    }
    if (t.matches("[data-action=import]")) {
      var f = t.files && t.files[0];
      if (!f) { return; }
      var reader = new FileReader();
      reader.onload = function () { importBytes(reader.result); t.value = ""; };
      reader.onerror = function () { showImport(false, [String(reader.error)]); };
      reader.readAsArrayBuffer(f);
      return;
    }
    if (t.closest("[data-ev-filters]")) { return filterEvidence(); }
    if (t.closest("[data-print-scope]")) { return printScope(); }
    if (!state.rec) { return; }
    var crit = t.closest("[data-criterion]");
    if (crit && t.matches("input[data-field=rating]")) {
      var id = crit.getAttribute("data-criterion");
      (state.rec.data.ratings[id] || (state.rec.data.ratings[id] = { rating: null, note: "" })).rating = t.value;
      return touch();
    }
    var ev = t.closest("[data-evidence]");
    if (ev && t.matches("input[type=radio][data-field]")) { setEvidence(ev, t); }
  }

  function onClick(e) {
    var b = e.target.closest && e.target.closest("[data-action]");
    if (!b || b.tagName !== "BUTTON") { return; }
    var action = b.getAttribute("data-action");
    if (action === "export-json") { exportJson(); }
    else if (action === "export-as-is") { F.exportAsIs(state, download); }
    else if (action === "export-csv") { exportCsv(); }
    else if (action === "delete") { askDelete(b); }
    else if (action === "delete-no") { closeDelete(b.closest(".confirm")); }
    else if (action === "delete-yes") { deleteCurrent(b.closest(".confirm")); }
    else if (action === "import-replace") { answerImport("replace"); }
    else if (action === "import-keep-both") { answerImport("keep-both"); }
  }

  function onSubmit(e) {
    if (e.target.matches && e.target.matches("[data-assess-new]")) {
      e.preventDefault();
      createAssessment(e.target);
    }
  }

  document.addEventListener("input", onInput);
  document.addEventListener("change", onChange);
  document.addEventListener("click", onClick);
  document.addEventListener("submit", onSubmit);
  window.addEventListener("pagehide", flush);
  window.addEventListener("beforeunload", flush);

  // A handbook with a split catalogue writes the standards' numbers in the assessment's
  // navigation from the catalogue, once, instead of into every page: the same links.
  $all("[data-assess-nav-nums]").forEach(function (box) {
    (CAT.every || CAT.standards).forEach(function (s) {
      var a = el("a", "assess-nav-num", String(s.number));
      a.href = (document.body.getAttribute("data-root") || "") + (window.DORACAK_ADDR || {}).assessment_standard.replace("{id}", s.id);
      a.title = (UI.label_value || "{label}: {value}").replace("{label}", (UI.standard_number || "{number}").replace("{number}", s.number)).replace("{value}", s.title);
      box.parentNode.insertBefore(a, box);
    });
    box.parentNode.removeChild(box);
  });

  // ... and each evidence item's fields from the page's one template.
  var evTemplate = $("template[data-ev-fields-template]");
  if (evTemplate) {
    $all(".ev-fields[data-ev-legend]").forEach(function (box) {
      var copy = evTemplate.content.querySelector(".ev-fields").cloneNode(true);
      copy.querySelector("legend").textContent = box.getAttribute("data-ev-legend");
      $all("input[type=radio]", copy).forEach(function (r) { r.name = "ev-" + box.getAttribute("data-evidence"); });
      while (copy.firstChild) { box.appendChild(copy.firstChild); }
      box.removeAttribute("data-ev-legend");
    });
  }

  // ... and each criterion's rating choices from the page's one template.
  var ratingTemplate = $("template[data-rating-template]");
  if (ratingTemplate) {
    $all("[data-rating-for]").forEach(function (box) {
      var copy = ratingTemplate.content.cloneNode(true);
      $all("input[type=radio]", copy).forEach(function (r) { r.name = "r-" + box.getAttribute("data-rating-for"); });
      box.appendChild(copy);
      box.removeAttribute("data-rating-for");
    });
  }

  window.Doracak.assessmentPage = { importText: importText, importBytes: importBytes, state: state };
  loadCurrent();
  render();
})();
