// A procedure's diagram presented on its own: full window, one band at a time, the arrow
// keys (or Page Up/Down, Space) for the next and previous band, Escape to close. Classic
// script: works from file://; its words come from static/ui.js.
(function () {
  "use strict";
  var UI = window.DORACAK_UI || {};
  Array.prototype.forEach.call(document.querySelectorAll("[data-diagram-present]"), function (button) {
    var box = document.getElementById(button.getAttribute("aria-controls"));
    if (!box) { return; }
    var bands = Array.prototype.slice.call(box.querySelectorAll(".diagram-band"));
    if (!bands.length) { return; }
    var current = 0;
    var bar = document.createElement("div");
    bar.className = "diagram-present-bar";
    bar.hidden = true;
    function make(label, onClick) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "button secondary";
      b.textContent = label;
      b.addEventListener("click", onClick);
      bar.appendChild(b);
      return b;
    }
    var prev = make(UI.diagram_present_prev || "‹", function () { show(current - 1); });
    var next = make(UI.diagram_present_next || "›", function () { show(current + 1); });
    var close = make(UI.diagram_present_close || "×", function () { stop(); });
    var status = document.createElement("p");
    status.className = "diagram-present-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    bar.appendChild(status);
    box.insertBefore(bar, box.firstChild);

    function show(i) {
      current = Math.max(0, Math.min(bands.length - 1, i));
      bands.forEach(function (b, k) { b.classList.toggle("is-current", k === current); });
      prev.disabled = current === 0;
      next.disabled = current === bands.length - 1;
      status.textContent = (UI.diagram_present_status || "{n} / {total}")
        .replace("{n}", String(current + 1)).replace("{total}", String(bands.length));
    }
    function onKey(e) {
      if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === " ") {
        e.preventDefault(); show(current + 1);
      } else if (e.key === "ArrowLeft" || e.key === "PageUp") {
        e.preventDefault(); show(current - 1);
      } else if (e.key === "Escape") {
        e.preventDefault(); stop();
      }
    }
    function start() {
      box.classList.add("presenting");
      document.documentElement.classList.add("diagram-presenting");
      bar.hidden = false;
      show(0);
      document.addEventListener("keydown", onKey);
      box.focus();
    }
    function stop() {
      box.classList.remove("presenting");
      document.documentElement.classList.remove("diagram-presenting");
      bar.hidden = true;
      bands.forEach(function (b) { b.classList.remove("is-current"); });
      document.removeEventListener("keydown", onKey);
      button.focus();
    }
    button.hidden = false;
    button.addEventListener("click", start);
  });
})();
