// doracak training records page: the records kept in this browser, exported and imported
// as a training file (docs/training-format.md). An import is checked first; a file that
// does not pass changes nothing.
(function () {
  "use strict";
  var T = window.Doracak && window.Doracak.training;
  var page = document.querySelector("[data-training-rows]") && document.getElementById("training");
  if (!T || !page) { return; }
  var UI = window.DORACAK_UI || {};
  var say = T.say;
  var store = new T.Store(page.getAttribute("data-handbook") || "", page.getAttribute("data-edition") || "");
  function $(sel) { return page.querySelector(sel); }
  function cell(tr, text) { var td = document.createElement("td"); td.textContent = text; tr.appendChild(td); }

  function render() {
    var kept = store.kept();
    // What is kept fails the rules (an older version, or edited by hand): said, never dropped;
    // exported as it is.
    attention(kept.file ? null : kept.problems);
    var recs = store.records().slice().sort(function (a, b) {
      return a.date < b.date ? 1 : a.date > b.date ? -1 : a.name.localeCompare(b.name);
    });
    var body = $("[data-training-rows]");
    body.textContent = "";
    recs.forEach(function (r) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-record", r.id);
      cell(tr, r.name);
      cell(tr, window.DORACAK_DATE ? window.DORACAK_DATE(r.date) : r.date);
      cell(tr, UI["training_kind_" + r.kind] || r.kind);
      cell(tr, r.title || r.subject);
      cell(tr, window.DORACAK_SAY("score_of", { score: r.score, total: r.total }));
      cell(tr, r.understood ? (UI.training_yes || "✓") : (UI.training_no || UI.no_value || ""));
      cell(tr, r.edition);
      body.appendChild(tr);
    });
    $("[data-training-table]").hidden = !recs.length;
    $("[data-training-none]").hidden = !!recs.length;
  }

  // The kept records fail the rules: why, and a button to export them as they are.
  function attention(problems) {
    var box = $("[data-training-attention]");
    if (!problems) { if (box) { box.remove(); } return; }
    if (!box) {
      box = document.createElement("div");
      box.className = "notice error";
      box.setAttribute("role", "alert");
      box.setAttribute("data-training-attention", "");
      $("[data-training-error]").insertAdjacentElement("beforebegin", box);
    }
    box.textContent = "";
    box.appendChild(document.createTextNode(say("training_kept_invalid", {}, "The kept records need attention.")));
    var ul = document.createElement("ul");
    problems.slice(0, 20).forEach(function (l) { var li = document.createElement("li"); li.textContent = l; ul.appendChild(li); });
    box.appendChild(ul);
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button";
    b.setAttribute("data-action", "training-export-raw");
    b.textContent = say("training_export_as_is", {}, "Export them as they are");
    box.appendChild(b);
  }

  function error(lines) {
    var e = $("[data-training-error]");
    e.textContent = "";
    if (!lines) { e.hidden = true; return; }
    e.appendChild(document.createTextNode(say("training_refused", {}, "Refused:")));
    var ul = document.createElement("ul");
    lines.slice(0, 20).forEach(function (l) { var li = document.createElement("li"); li.textContent = l; ul.appendChild(li); });
    e.appendChild(ul);
    e.hidden = false;
  }
  function status(msg) { $("[data-training-status]").textContent = msg; }

  page.addEventListener("click", function (ev) {
    var b = ev.target.closest("[data-action]");
    if (!b) { return; }
    var action = b.getAttribute("data-action");
    if (action === "training-export" || action === "training-export-raw") {
      var raw = action === "training-export-raw" && store.kept().raw;
      var text = raw ? rawData(raw) : JSON.stringify(store.exportFile(), null, 2);
      var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
      var a = document.createElement("a");
      a.href = url;
      a.download = (UI.training_file_name || "training-records") + "-" + T.today() + ".json";
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
    } else if (action === "training-clear") {
      if (window.confirm(say("training_clear_confirm", {}, "Delete?"))) { store.clear(); error(null); status(""); render(); }
    }
  });

  // What is kept, as it is: the training file inside the store's wrapper when there is one.
  function rawData(raw) {
    try { var k = JSON.parse(raw); if (k && typeof k === "object" && k.data !== undefined) { return JSON.stringify(k.data, null, 2); } } catch (e) { /* not JSON: as it is */ }
    return raw;
  }

  // Exposed for the file input and for tests: import a file's text (or bytes); true when it
  // passed. A merge that would pass a limit is refused whole before anything is written.
  function importText(text) { return importChecked(T.read(text)); }
  function importBytes(buf) { return importChecked(T.readBytes(buf)); }
  function importChecked(got) {
    if (!got.file) { error(got.problems); status(""); return false; }
    var total;
    try { total = store.merge(got.file); } catch (e) { error([e.reason || say(e.name === "SecurityError" ? "training_storage_off" : "training_storage_full", {}, String(e))]); status(""); return false; }
    error(null);
    status(window.DORACAK_COUNT("training_imported", got.file.records.length, { n: got.file.records.length, total: total }));
    render();
    return true;
  }
  T.importText = importText;
  T.importBytes = importBytes;

  $("[data-training-import]").addEventListener("change", function (ev) {
    var f = ev.target.files && ev.target.files[0];
    if (!f) { return; }
    var reader = new FileReader();
    reader.onload = function () { importBytes(reader.result); ev.target.value = ""; };
    reader.readAsArrayBuffer(f);
  });

  $("[data-training-actions]").hidden = false;
  render();
})();
