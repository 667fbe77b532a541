// doracak self-assessment, the pages: the overview, the rating pages, the evidence tracker,
// the improvement plan and the printout. The user's actions; the events are bound once, on
// the document. The state and its keeping are in assessment-state.js, the drawing in
// assessment-draw.js, export and import in assessment-files.js; the rules and the storage
// in assessment-core.js and assessment-store.js. Nothing leaves the device.
(function () {
  "use strict";
  var A = window.Doracak && window.Doracak.assessment;
  var P = A && A.page;
  if (!P) { return; }
  var UI = window.DORACAK_UI || {};
  var CAT = window.DORACAK_CATALOG;
  var F = A.fields;
  var state = P.state, $ = P.$, $all = P.$all, el = P.el;
  var setError = P.setError, status = P.status, touch = P.touch, flush = P.flush, loadCurrent = P.loadCurrent, storageMessage = P.storageMessage;
  var render = P.render, renderSelect = P.renderSelect, filterEvidence = P.filterEvidence, printScope = P.printScope;
  var download = P.download, exportJson = P.exportJson, exportCsv = P.exportCsv, showImport = P.showImport;
  var answerImport = P.answerImport, importText = P.importText, importBytes = P.importBytes;

  // ---- the user's actions ---------------------------------------------------------------

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