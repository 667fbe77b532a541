// doracak self-assessment, what keeps a person's work loadable: every field checked by the
// file's rules as it is typed (the reason beside the field, the last valid value kept), and
// an assessment kept in this browser that fails the rules (from an older version, or edited
// by hand) shown as "needs attention" and exported as it is, never dropped.
// Doracak.assessment.fields, used by assessment.js.
(function () {
  "use strict";
  var A = window.Doracak && window.Doracak.assessment;
  if (!A || typeof document === "undefined") { return; }
  var UI = window.DORACAK_UI || {};
  var seq = 0;

  // Check what `inp` holds as `field`: true when it passes. When it does not, the reason is
  // shown right after the field (after its label), tied to it by aria-describedby, and the
  // caller keeps the last valid value.
  function accept(inp, field) {
    var msg = A.fieldProblem(field, inp.value);
    var id = inp.getAttribute("data-problem");
    var box = id && document.getElementById(id);
    if (!msg) {
      if (box) { box.textContent = ""; box.hidden = true; }
      inp.removeAttribute("aria-invalid");
      return true;
    }
    if (!box) {
      id = "field-problem-" + (++seq);
      box = document.createElement("span");
      box.id = id;
      box.className = "field-problem";
      box.setAttribute("aria-live", "polite");
      var label = inp.closest("label");
      (label || inp).insertAdjacentElement("afterend", box);
      inp.setAttribute("data-problem", id);
      var by = inp.getAttribute("aria-describedby");
      inp.setAttribute("aria-describedby", by ? by + " " + id : id);
    }
    box.textContent = msg;
    box.hidden = false;
    inp.setAttribute("aria-invalid", "true");
    return false;
  }

  // The notice for a chosen assessment that needs attention: why, and a button to export it
  // as it is kept.
  function renderAttention(state) {
    var a = state.attention;
    Array.prototype.slice.call(document.querySelectorAll("[data-assess-attention]")).forEach(function (e) { e.remove(); });
    if (!a) { return; }
    Array.prototype.slice.call(document.querySelectorAll("[data-assess-error]")).forEach(function (anchor) {
      var box = document.createElement("div");
      box.className = "notice error";
      box.setAttribute("data-assess-attention", a.id);
      box.setAttribute("role", "alert");
      var p = document.createElement("p");
      p.textContent = A.say("assess_attention", { name: a.name }, "\u201c" + a.name + "\u201d needs attention.");
      box.appendChild(p);
      var ul = document.createElement("ul");
      (a.problems || []).forEach(function (m) { var li = document.createElement("li"); li.textContent = m; ul.appendChild(li); });
      box.appendChild(ul);
      var b = document.createElement("button");
      b.type = "button";
      b.className = "button";
      b.setAttribute("data-action", "export-as-is");
      b.textContent = UI.assess_export_as_is || "Export as it is";
      box.appendChild(b);
      anchor.insertAdjacentElement("afterend", box);
    });
  }

  // The kept assessment exactly as it is kept (its data, pretty-printed when it is JSON).
  function exportAsIs(state, download) {
    var a = state.attention;
    if (!a) { return; }
    var got = state.store.inspect(a.id);
    if (got.raw === null) { return; }
    var text = got.data !== null ? JSON.stringify(got.data, null, 2) : got.raw;
    var base = String(a.name).normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase().slice(0, 80);
    download((base || UI.export_file_name || "assessment") + ".json", text, "application/json");
  }

  A.fields = { accept: accept, renderAttention: renderAttention, exportAsIs: exportAsIs };
})();
