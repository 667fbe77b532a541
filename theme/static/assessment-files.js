// doracak self-assessment, files: the current assessment exported (JSON, CSV) and a file
// imported (checked by the rules in assessment-core.js, drawn once before anything is
// stored, mapped from the previous edition by assessment-editions.js). Adds the exports and
// imports to Doracak.assessment.page.
(function () {
  "use strict";
  var A = window.Doracak && window.Doracak.assessment;
  var P = A && A.page;
  if (!P) { return; }
  var UI = window.DORACAK_UI || {};
  var CAT = window.DORACAK_CATALOG;
  var state = P.state, $ = P.$, el = P.el;
  var flush = P.flush, persist = P.persist, loadCurrent = P.loadCurrent, storageMessage = P.storageMessage, render = P.render;

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

  P.download = download;
  P.exportJson = exportJson;
  P.exportCsv = exportCsv;
  P.showImport = showImport;
  P.answerImport = answerImport;
  P.importText = importText;
  P.importBytes = importBytes;
})();
