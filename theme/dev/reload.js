// doracak serve: reload the page after a rebuild, show build errors as an overlay.
// Injected by the dev server only; never part of a built site.
(function () {
  "use strict";
  var known = null;
  var overlay = null;

  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.className = "doracak-overlay";
      overlay.setAttribute("role", "alert");
      document.body.appendChild(overlay);
    }
    overlay.textContent = text;
  }

  function poll() {
    fetch("/__doracak/status", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (st) {
        if (known === null) {
          known = st.version;
        } else if (st.version !== known) {
          known = st.version;
          if (!st.error) { location.reload(); return; }
        }
        if (st.error) { show(st.error); } else if (overlay) { overlay.remove(); overlay = null; }
      })
      .catch(function () { /* server restarting: try again */ })
      .then(function () { setTimeout(poll, 300); });
  }
  poll();
})();
