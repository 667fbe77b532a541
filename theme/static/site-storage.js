// doracak: this browser's storage for the site, shared by assessment-store.js and
// training-store.js (loaded before them). Doracak.storage.
(function () {
  "use strict";
  // localStorage, or where the browser refuses it (site data blocked: reading
  // window.localStorage throws) a stand-in that keeps nothing and refuses every write with
  // the browser's SecurityError, so the page says the change was not kept instead of dying.
  function browser() {
    try { if (window.localStorage) { return window.localStorage; } } catch (e) { /* blocked */ }
    return {
      length: 0,
      key: function () { return null; },
      getItem: function () { return null; },
      removeItem: function () {},
      setItem: function () { throw new DOMException("site data is blocked", "SecurityError"); }
    };
  }
  // A short name for a handbook's title in a storage key (FNV-1a, hex).
  function hash(s) {
    var h = 2166136261;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    return h.toString(16);
  }
  window.Doracak = window.Doracak || {};
  window.Doracak.storage = { browser: browser, hash: hash };
})();
