// A form's draft as a file the person keeps (docs/form-drafts.md): "save draft" downloads
// the typed values as JSON named by form and date; "open draft" fills the form from such a
// file after checking all of it. A draft of another form, of a newer version, or with
// fields this form does not have is refused with a message, and the form is left as it
// was. Nothing is kept in the browser.
(function () {
  "use strict";
  var F = window.Doracak && window.Doracak.formFill;
  var form = document.getElementById("printed-form");
  if (!F || !form) { return; }
  var SCHEMA = "doracak-form-draft";
  var VERSION = 1;
  var say = F.say;
  var formId = form.getAttribute("data-form") || "";
  var formLabel = form.getAttribute("data-form-label") || formId;
  var status = document.querySelector("[data-draft-status]");
  var picker = document.querySelector("[data-draft-file]");

  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }
  function tell(msg) { if (status) { status.textContent = msg; } }

  function fileName() {
    return formId.replace(/[^A-Za-z0-9._-]+/g, "-") + "-" + say("form_draft_file", {}, "draft") + "-" + today() + ".json";
  }

  function serialize() {
    return JSON.stringify({
      schema: SCHEMA,
      version: VERSION,
      form: formId,
      label: formLabel,
      saved: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      fields: F.values()
    }, null, 2) + "\n";
  }

  // Check a draft's text against this form: { values } or { error } (a sentence to show).
  function check(text) {
    var d;
    try { d = JSON.parse(text); } catch (e) { return { error: say("form_draft_bad_json", {}, "Not JSON.") }; }
    if (!d || typeof d !== "object" || Array.isArray(d) || d.schema !== SCHEMA) {
      return { error: say("form_draft_not_draft", {}, "Not a form draft.") };
    }
    if (typeof d.version !== "number" || Math.floor(d.version) !== d.version || d.version < 1) {
      return { error: say("form_draft_not_draft", {}, "Not a form draft.") };
    }
    if (d.version > VERSION) {
      return { error: say("form_draft_newer", { version: d.version, max: VERSION }, "Newer version.") };
    }
    if (d.form !== formId) {
      return { error: say("form_draft_other_form", { other: String(d.label || d.form), form: formLabel }, "Another form's draft.") };
    }
    if (!d.fields || typeof d.fields !== "object" || Array.isArray(d.fields)) {
      return { error: say("form_draft_not_draft", {}, "Not a form draft.") };
    }
    var unknown = [], wrong = [];
    Object.keys(d.fields).forEach(function (id) {
      var el = document.getElementById(id);
      var v = d.fields[id];
      if (!el || !form.contains(el) || !/^(INPUT|TEXTAREA)$/.test(el.tagName)) { unknown.push(id); return; }
      var tick = el.type === "checkbox" || el.type === "radio";
      if (tick ? v !== true : typeof v !== "string") { wrong.push(id); }
    });
    if (unknown.length) { return { error: say("form_draft_unknown", { ids: unknown.slice(0, 8).join((window.DORACAK_UI || {}).list_separator || ", ") }, "Unknown fields.") }; }
    if (wrong.length) { return { error: say("form_draft_wrong", { ids: wrong.slice(0, 8).join((window.DORACAK_UI || {}).list_separator || ", ") }, "Wrong values.") }; }
    return { values: d.fields, saved: String(d.saved || "") };
  }

  // Open a draft's text: checked first; the form changes only when all of it passes.
  function open(text) {
    var r = check(text);
    if (r.error) { tell(r.error); return false; }
    if (F.typed() && !window.confirm(say("form_draft_replace", {}, "Replace what is typed?"))) { return false; }
    F.fill(r.values);
    var n = Object.keys(r.values).length;
    tell(window.DORACAK_COUNT ? window.DORACAK_COUNT("form_draft_opened", n, { saved: r.saved }) : say("form_draft_opened", { count: n, saved: r.saved }, "Opened."));
    return true;
  }

  function save() {
    var name = fileName();
    var blob = new Blob([serialize()], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    tell(say("form_draft_saved", { file: name }, "Saved as " + name));
  }

  var saveButton = document.querySelector("[data-draft-save]");
  var openButton = document.querySelector("[data-draft-open]");
  if (saveButton) { saveButton.addEventListener("click", save); }
  if (openButton && picker) {
    openButton.addEventListener("click", function () { picker.value = ""; picker.click(); });
    picker.addEventListener("change", function () {
      var file = picker.files && picker.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      reader.onload = function () { open(String(reader.result)); };
      reader.onerror = function () { tell(say("form_draft_bad_json", {}, "Unreadable.")); };
      reader.readAsText(file);
    });
  }

  window.Doracak.formDraft = { serialize: serialize, check: check, open: open, fileName: fileName };
})();
