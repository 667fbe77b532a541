// Printed forms: fill in, print, and keep nothing. Nothing typed here is written to any
// storage (no localStorage, sessionStorage, IndexedDB or cookies); the page clears its
// fields when it is shown again (reload, back/forward), so nothing survives a reload.
(function () {
  "use strict";
  var form = document.getElementById("printed-form");
  if (!form) { return; }

  function fields() { return form.querySelectorAll("input, textarea"); }

  function clearAll() {
    Array.prototype.forEach.call(fields(), function (el) {
      if (el.type === "checkbox" || el.type === "radio") { el.checked = false; } else { el.value = ""; }
      if (el.tagName === "TEXTAREA") { grow(el); }
    });
    Array.prototype.forEach.call(form.querySelectorAll("[data-mirrored]"), function (m) {
      m.textContent = m.getAttribute("data-empty") || "";
    });
  }

  // Long text grows with what is typed, so the printout shows all of it.
  function grow(t) {
    t.style.height = "auto";
    t.style.height = (t.scrollHeight + 2) + "px";
    if (!t.value) { t.style.height = ""; }
  }

  // The header's serial number and placeholders repeat on every printed page.
  function mirror(el) {
    var key = el.getAttribute("data-mirror");
    Array.prototype.forEach.call(form.querySelectorAll('[data-mirrored="' + key + '"]'), function (m) {
      m.textContent = el.value || m.getAttribute("data-empty") || "";
    });
  }

  form.addEventListener("input", function (e) {
    var t = e.target;
    if (t.tagName === "TEXTAREA") { grow(t); }
    if (t.hasAttribute("data-mirror")) { mirror(t); }
  });
  // Enter in a one-line field must never submit anything anywhere.
  form.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.tagName === "INPUT") { e.preventDefault(); }
  });
  // A page restored from the browser's history cache or a reload starts empty.
  window.addEventListener("pageshow", clearAll);
  clearAll();

  var clear = document.querySelector("[data-form-clear]");
  if (clear) { clear.addEventListener("click", clearAll); }
})();
