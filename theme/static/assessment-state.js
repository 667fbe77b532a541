// doracak self-assessment, the pages' state and its keeping: one state object (the store,
// the current assessment ({ data, exported }) and its id, the pending autosave), the small
// helpers every part of the page uses, and the autosave. Doracak.assessment.page, shared by
// assessment-draw.js (drawing the state into the page), assessment-files.js (export and
// import) and assessment.js (the user's actions, and the start). Nothing leaves the device.
(function () {
  "use strict";
  var A = window.Doracak && window.Doracak.assessment;
  var UI = window.DORACAK_UI || {};
  var CAT = window.DORACAK_CATALOG;
  if (!A || !CAT || typeof document === "undefined") { return; }

  // Everything the page knows: the store, the current assessment ({ data, exported }) and
  // its id, and the pending autosave.
  var state = { store: new A.Store(CAT), rec: null, id: null, saveTimer: null, pendingImport: null, attention: null };

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
    A.page.renderScores();
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

  A.page = {
    state: state, $: $, $all: $all, show: show, el: el, fmtPct: fmtPct,
    storageMessage: storageMessage, setError: setError, status: status, renderBanner: renderBanner,
    persist: persist, touch: touch, flush: flush, loadCurrent: loadCurrent
  };
})();
