// doracak self-assessment, the store: named assessments kept in this browser's
// localStorage (or any object with the same methods), each normalised by the core's rules
// when it is read back. Doracak.assessment.Store.
(function () {
  "use strict";
  var A = window.Doracak.assessment;
  var SCHEMA = A.SCHEMA, STORE = A.STORE, migrate = A.migrate, check = A.check, isObject = A.isObject;

  // localStorage, or its stand-in where site data is blocked: site-storage.js.
  var browserStorage = window.Doracak.storage.browser, hash = window.Doracak.storage.hash;
  function Store(cat, storage) {
    this.cat = cat;
    this.storage = storage || browserStorage();
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
  // Every kept assessment, in order: { id, name, updated }, with attention: true (and the
  // problems) for one that fails the rules (kept by an older version, or edited by hand):
  // listed, never dropped; it can be exported as it is.
  // A record kept without its entry in the index (a full storage refused the index after
  // the record, in an older version) is listed too.
  Store.prototype.ids = function () {
    var ids = this.meta().ids.slice(), pre = this.key("a:"), st = this.storage;
    if (typeof st.key === "function" && typeof st.length === "number") {
      for (var i = 0; i < st.length; i++) {
        var k = st.key(i);
        if (k && k.indexOf(pre) === 0 && ids.indexOf(k.slice(pre.length)) < 0) { ids.push(k.slice(pre.length)); }
      }
    }
    return ids;
  };
  Store.prototype.list = function () {
    var self = this;
    return this.ids().map(function (id) {
      var got = self.inspect(id);
      if (got.rec) { return { id: id, name: got.rec.data.assessment.name, updated: got.rec.data.assessment.updated }; }
      if (got.raw === null) { return null; }
      var a = got.data && isObject(got.data.assessment) ? got.data.assessment : {};
      return { id: id, name: typeof a.name === "string" && A.trim(a.name) ? a.name : id, updated: typeof a.updated === "string" ? a.updated : "", attention: true, problems: got.problems };
    }).filter(Boolean);
  };
  // What is kept under an id: { rec, problems, raw, data }: rec (normalised) when it passes
  // the same rules as an import; else the problems, the kept text and its data as they are.
  Store.prototype.inspect = function (id) {
    var raw = this.storage.getItem(this.key("a:" + id));
    if (!raw) { return { rec: null, problems: [], raw: null, data: null }; }
    var rec = null;
    try { rec = JSON.parse(raw); } catch (e) { rec = null; }
    var data = rec && rec.data !== undefined ? rec.data : null;
    if (!isObject(rec) || !isObject(rec.data) || rec.data.schema !== SCHEMA) {
      return { rec: null, problems: [A.say("rule_schema", {}, "not an assessment")], raw: raw, data: data };
    }
    var m = migrate(rec.data);
    var out = { problems: [], notes: [] };
    var checked = check(m.file, this.cat, out);
    if (out.problems.length) { return { rec: null, problems: out.problems.map(function (p) { return p.message; }), raw: raw, data: data }; }
    rec.data = checked;
    return { rec: rec, problems: [], raw: raw, data: data };
  };
  Store.prototype.load = function (id) { return this.inspect(id).rec; };
  // Throws the storage's error (e.g. QuotaExceededError) so the page can say so, or a
  // refusal (with .reason) for a record the rules refuse: nothing the pages cannot load is
  // ever written.
  Store.prototype.save = function (id, rec) {
    var out = { problems: [], notes: [] };
    check(rec.data, this.cat, out);
    if (out.problems.length) { var e = new Error(out.problems[0].message); e.reason = out.problems[0].message; throw e; }
    var key = this.key("a:" + id), before = this.storage.getItem(key);
    this.storage.setItem(key, JSON.stringify({ store: STORE, data: rec.data, exported: rec.exported || null, carried: rec.carried || null }));
    var m = this.meta();
    if (m.ids.indexOf(id) < 0) {
      m.ids.push(id);
      // A storage too full for the index takes the record back: all or nothing.
      try { this.saveMeta(m); } catch (e) {
        try { if (before === null) { this.storage.removeItem(key); } else { this.storage.setItem(key, before); } } catch (e2) { /* the record stays; list() finds it */ }
        throw e;
      }
    }
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
