// doracak self-assessment, the store: named assessments kept in this browser's
// localStorage (or any object with the same methods), each normalised by the core's rules
// when it is read back. Doracak.assessment.Store.
(function () {
  "use strict";
  var A = window.Doracak.assessment;
  var SCHEMA = A.SCHEMA, STORE = A.STORE, migrate = A.migrate, check = A.check, isObject = A.isObject;

  function hash(s) {
    var h = 2166136261;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    return h.toString(16);
  }

  function Store(cat, storage) {
    this.cat = cat;
    this.storage = storage || window.localStorage;
    this.prefix = "doracak:" + hash(cat.title) + ":";
  }
  Store.prototype.key = function (k) { return this.prefix + k; };
  Store.prototype.meta = function () {
    var m = null;
    try { m = JSON.parse(this.storage.getItem(this.key("index")) || "null"); } catch (e) { m = null; }
    if (!m || !Array.isArray(m.ids)) { m = { store: STORE, current: null, ids: [] }; }
    return m;
  };
  Store.prototype.saveMeta = function (m) { this.storage.setItem(this.key("index"), JSON.stringify(m)); };
  Store.prototype.list = function () {
    var self = this;
    return this.meta().ids.map(function (id) {
      var rec = self.load(id);
      return rec ? { id: id, name: rec.data.assessment.name, updated: rec.data.assessment.updated } : null;
    }).filter(Boolean);
  };
  Store.prototype.load = function (id) {
    var raw = this.storage.getItem(this.key("a:" + id));
    if (!raw) { return null; }
    try {
      var rec = JSON.parse(raw);
      if (rec && isObject(rec.data) && rec.data.schema === SCHEMA) {
        // What was kept passes the same rules as an import, and comes back normalised.
        var m = migrate(rec.data);
        var out = { problems: [], notes: [] };
        var data = check(m.file, this.cat, out);
        if (!out.problems.length) { rec.data = data; return rec; }
      }
    } catch (e) { /* unreadable: treated as missing */ }
    return null;
  };
  // Throws the storage's error (e.g. QuotaExceededError) so the page can say so.
  Store.prototype.save = function (id, rec) {
    this.storage.setItem(this.key("a:" + id), JSON.stringify({ store: STORE, data: rec.data, exported: rec.exported || null, carried: rec.carried || null }));
    var m = this.meta();
    if (m.ids.indexOf(id) < 0) { m.ids.push(id); this.saveMeta(m); }
  };
  Store.prototype.remove = function (id) {
    this.storage.removeItem(this.key("a:" + id));
    var m = this.meta();
    m.ids = m.ids.filter(function (x) { return x !== id; });
    if (m.current === id) { m.current = m.ids[0] || null; }
    this.saveMeta(m);
  };
  Store.prototype.current = function () { return this.meta().current; };
  Store.prototype.setCurrent = function (id) { var m = this.meta(); m.current = id; this.saveMeta(m); };
  Store.prototype.newId = function () { return Date.now().toString(36) + Math.random().toString(36).slice(2, 7); };

  A.Store = Store;
})();
