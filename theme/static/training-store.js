// doracak training records, the rules and the store: the training file (the same rules as
// src/commands/training.rs, field for field; docs/training-format.md) and the records kept
// in this browser's localStorage under a versioned key. Doracak.training.
(function () {
  "use strict";
  var UI = window.DORACAK_UI || {};
  var FORMAT = "doracak-training";
  var VERSION = 1;        // the training file format this page writes
  var STORE = 1;          // the shape of what is kept in localStorage
  var MAX_FILE = 5000000, MAX_RECORDS = 10000, MAX_NAME = 200, MAX_TEXT = 500, MAX_ID = 100;
  var ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
  var KINDS = ["procedure", "role"];
  var TOP = ["format", "version", "handbook", "records"];
  var HANDBOOK = ["title", "edition"];
  var RECORD = ["id", "name", "date", "kind", "subject", "title", "score", "total", "understood", "edition", "saved", "content"];

  function say(key, params, english) {
    var t = UI[key];
    if (!t) { return english; }
    return t.replace(/\{(\w+)\}/g, function (m, k) { return params[k] !== undefined && params[k] !== null ? String(params[k]) : m; });
  }
  // The file rules' shared pieces (dates, timestamps) are the assessment's: one copy.
  var A = window.Doracak.assessment;
  var isObject = A.isObject, isDate = A.isDate, isTimestamp = A.isTimestamp, nowIso = A.nowIso;
  function isString(x) { return typeof x === "string"; }
  function isCount(x) { return typeof x === "number" && isFinite(x) && Math.floor(x) === x && x >= 0; }
  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  // The first key found twice in one object (JSON.parse keeps the last one silently).
  function duplicateKey(text) {
    var stack = [], i = 0, n = text.length;
    while (i < n) {
      var ch = text[i];
      if (ch === "{" || ch === "[") { stack.push(ch === "{" ? { keys: Object.create(null), key: true } : null); i++; }
      else if (ch === "}" || ch === "]") { stack.pop(); i++; }
      else if (ch === ",") { var top = stack[stack.length - 1]; if (top) { top.key = true; } i++; }
      else if (ch === "\"") {
        var j = i + 1;
        while (j < n && text[j] !== "\"") { j += text[j] === "\\" ? 2 : 1; }
        var o = stack[stack.length - 1];
        if (o && o.key) {
          var k = JSON.parse(text.slice(i, j + 1));
          if (Object.prototype.hasOwnProperty.call(o.keys, k)) { return k; }
          o.keys[k] = true;
          o.key = false;
        }
        i = j + 1;
      } else { i++; }
    }
    return null;
  }

  // Check a parsed training file: the list of problems (messages), empty when it passes.
  function check(obj) {
    var problems = [];
    var fileWhat = say("training_what_file", {}, "The file");
    function bad(what, key) { problems.push(say("training_bad_field", { what: what, key: key }, what + ": the field \"" + key + "\" is missing or not valid.")); }
    function unknown(what, obj, allowed) {
      Object.keys(obj).forEach(function (k) {
        if (allowed.indexOf(k) < 0) { problems.push(say("training_unknown_field", { what: what, key: k }, what + ": the field \"" + k + "\" is not part of the format.")); }
      });
    }
    if (!isObject(obj) || obj.format !== FORMAT) {
      problems.push(say("training_bad_format", {}, "The file is not a training records file."));
      return problems;
    }
    if (obj.version !== VERSION) {
      problems.push(say("training_bad_version", { found: JSON.stringify(obj.version), max: VERSION }, "Unknown version " + JSON.stringify(obj.version) + "."));
      return problems;
    }
    unknown(fileWhat, obj, TOP);
    if (!isObject(obj.handbook)) { bad(fileWhat, "handbook"); }
    else {
      unknown(fileWhat, obj.handbook, HANDBOOK);
      if (!isString(obj.handbook.title) || obj.handbook.title.length > MAX_TEXT) { bad(fileWhat, "handbook.title"); }
      if (!isString(obj.handbook.edition) || obj.handbook.edition.length > MAX_NAME) { bad(fileWhat, "handbook.edition"); }
    }
    if (!Array.isArray(obj.records) || obj.records.length > MAX_RECORDS) { bad(fileWhat, "records"); return problems; }
    var ids = Object.create(null);
    obj.records.forEach(function (r, i) {
      var what = say("training_what_record", { n: i + 1 }, "Record " + (i + 1));
      if (!isObject(r)) { bad(what, "id"); return; }
      unknown(what, r, RECORD);
      if (!isString(r.id) || !ID.test(r.id) || r.id.length > MAX_ID) { bad(what, "id"); }
      else if (ids[r.id]) { problems.push(say("training_duplicate", { what: what, id: r.id }, what + ": the id " + r.id + " comes twice.")); }
      else { ids[r.id] = true; }
      if (!isString(r.name) || !r.name.trim() || r.name.length > MAX_NAME) { bad(what, "name"); }
      if (!isString(r.date) || !isDate(r.date)) { bad(what, "date"); }
      if (KINDS.indexOf(r.kind) < 0) { bad(what, "kind"); }
      if (!isString(r.subject) || !ID.test(r.subject) || r.subject.length > MAX_ID) { bad(what, "subject"); }
      if (!isString(r.title) || r.title.length > MAX_TEXT) { bad(what, "title"); }
      if (!isCount(r.total) || r.total < 1) { bad(what, "total"); }
      if (!isCount(r.score) || (isCount(r.total) && r.score > r.total)) { bad(what, "score"); }
      if (typeof r.understood !== "boolean") { bad(what, "understood"); }
      if (!isString(r.edition) || r.edition.length > MAX_NAME) { bad(what, "edition"); }
      if (!isString(r.saved) || !isTimestamp(r.saved)) { bad(what, "saved"); }
      if (r.content !== undefined && (!isString(r.content) || r.content.length > MAX_ID)) { bad(what, "content"); }
    });
    return problems;
  }

  // Read a file's text: { file, problems }; file is null when any problem was found.
  function read(text) {
    if (text.charCodeAt(0) === 0xfeff) { text = text.slice(1); }
    if (text.length > MAX_FILE) { return { file: null, problems: [say("training_bad_json", {}, "Not JSON.")] }; }
    var obj;
    try { obj = JSON.parse(text); } catch (e) { return { file: null, problems: [say("training_bad_json", {}, "Not JSON.")] }; }
    if (duplicateKey(text) !== null) { return { file: null, problems: [say("training_bad_json", {}, "Not JSON.")] }; }
    var problems = check(obj);
    return { file: problems.length ? null : obj, problems: problems };
  }

  function emptyFile(handbook, edition) {
    return { format: FORMAT, version: VERSION, handbook: { title: handbook, edition: edition || "" }, records: [] };
  }

  // The records of this handbook in this browser: one localStorage entry
  // { store: STORE, data: <a training file> }, read back through the same rules as an import.
  function hash(s) {
    var h = 2166136261;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    return h.toString(16);
  }
  function Store(handbook, edition, storage) {
    this.handbook = handbook;
    this.edition = edition || "";
    this.storage = storage || window.localStorage;
    this.key = "doracak:" + hash(handbook) + ":training";
  }
  Store.prototype.file = function () {
    var raw = this.storage.getItem(this.key);
    if (raw) {
      try {
        var kept = JSON.parse(raw);
        if (isObject(kept) && kept.store === STORE && !check(kept.data).length) { return kept.data; }
      } catch (e) { /* unreadable: treated as empty */ }
    }
    return emptyFile(this.handbook, this.edition);
  };
  // Throws the storage's error (e.g. QuotaExceededError) so the page can say so.
  Store.prototype.put = function (file) {
    this.storage.setItem(this.key, JSON.stringify({ store: STORE, data: file }));
  };
  Store.prototype.records = function () { return this.file().records; };
  Store.prototype.add = function (rec) {
    var f = this.file();
    f.records.push(rec);
    this.put(f);
  };
  // Merge an imported file's records (by id: an imported record replaces the kept one).
  Store.prototype.merge = function (imported) {
    var f = this.file();
    imported.records.forEach(function (r) {
      var at = -1;
      f.records.forEach(function (x, i) { if (x.id === r.id) { at = i; } });
      if (at >= 0) { f.records[at] = r; } else { f.records.push(r); }
    });
    this.put(f);
    return f.records.length;
  };
  Store.prototype.clear = function () { this.storage.removeItem(this.key); };
  // The file to export: the kept records under this handbook's title and edition.
  Store.prototype.exportFile = function () {
    var f = this.file();
    return { format: FORMAT, version: VERSION, handbook: { title: this.handbook, edition: this.edition }, records: f.records };
  };
  Store.prototype.newId = function () { return "t" + Date.now().toString(36) + Math.random().toString(36).slice(2, 7); };

  window.Doracak = window.Doracak || {};
  window.Doracak.training = {
    FORMAT: FORMAT, VERSION: VERSION, STORE: STORE,
    check: check, read: read, isDate: isDate, nowIso: nowIso, today: today, say: say, Store: Store
  };
})();
