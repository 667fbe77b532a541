// doracak training records, the rules and the store: the training file (the same rules as
// src/commands/training.rs, field for field; docs/training-format.md) and the records kept
// in this browser's localStorage under a versioned key. Doracak.training.
(function () {
  "use strict";
  var UI = window.DORACAK_UI || {};
  var FORMAT = "doracak-training";
  var VERSION = 1;        // the training file format this page writes
  var STORE = 1;          // the shape of what is kept in localStorage
  // The same limits as src/commands/training.rs: the file in UTF-8 bytes, texts in Unicode
  // scalar values.
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
  // The file rules' shared pieces (dates, timestamps, lengths, blanks, whole numbers, strict
  // JSON) are the assessment's: one copy.
  var A = window.Doracak.assessment;
  var isObject = A.isObject, isDate = A.isDate, isTimestamp = A.isTimestamp, nowIso = A.nowIso;
  var length = A.length, trim = A.trim, isCount = A.isWhole;
  function isString(x) { return typeof x === "string"; }
  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
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
      if (!isString(obj.handbook.title) || length(obj.handbook.title) > MAX_TEXT) { bad(fileWhat, "handbook.title"); }
      if (!isString(obj.handbook.edition) || length(obj.handbook.edition) > MAX_NAME) { bad(fileWhat, "handbook.edition"); }
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
      if (!isString(r.name) || !trim(r.name) || length(r.name) > MAX_NAME) { bad(what, "name"); }
      if (!isString(r.date) || !isDate(r.date)) { bad(what, "date"); }
      if (KINDS.indexOf(r.kind) < 0) { bad(what, "kind"); }
      if (!isString(r.subject) || !ID.test(r.subject) || r.subject.length > MAX_ID) { bad(what, "subject"); }
      if (!isString(r.title) || length(r.title) > MAX_TEXT) { bad(what, "title"); }
      if (!isCount(r.total) || r.total < 1) { bad(what, "total"); }
      if (!isCount(r.score) || (isCount(r.total) && r.score > r.total)) { bad(what, "score"); }
      if (typeof r.understood !== "boolean") { bad(what, "understood"); }
      if (!isString(r.edition) || length(r.edition) > MAX_NAME) { bad(what, "edition"); }
      if (!isString(r.saved) || !isTimestamp(r.saved)) { bad(what, "saved"); }
      if (r.content !== undefined && (!isString(r.content) || r.content.length > MAX_ID)) { bad(what, "content"); }
    });
    return problems;
  }

  // Read a file's text: { file, problems }; file is null when any problem was found.
  function read(text) {
    text = A.stripBom(text);
    var size = A.utf8Length(text);
    if (size > MAX_FILE) { return { file: null, problems: [say("training_too_large", { max: MAX_FILE, found: size }, "The file has " + size + " bytes; at most " + MAX_FILE + ".")] }; }
    var p = A.parseStrict(text);
    if (p.code === "too-deep") { return { file: null, problems: [say("training_too_deep", { max: 16 }, "Nested too deep.")] }; }
    if (p.code) { return { file: null, problems: [say("training_bad_json", {}, "Not JSON.")] }; }
    var problems = check(p.value);
    return { file: problems.length ? null : p.value, problems: problems };
  }
  // Read a file's bytes (an ArrayBuffer) as Rust does: UTF-8 or refused, one mark stripped.
  function readBytes(buf) {
    // UTF-8, or UTF-16 after its byte-order mark: the assessment import's decoder.
    var d = A.decodeBytes(buf);
    if (d.text === null) { return { file: null, problems: [d.utf16 ? say("training_not_utf16", {}, "Not UTF-16.") : say("training_not_utf8", {}, "Not UTF-8.")] }; }
    return read(d.text);
  }

  function emptyFile(handbook, edition) {
    return { format: FORMAT, version: VERSION, handbook: { title: handbook, edition: edition || "" }, records: [] };
  }

  // The records of this handbook in this browser: one localStorage entry
  // { store: STORE, data: <a training file> }, read back through the same rules as an import.
  // localStorage, or its stand-in where site data is blocked: site-storage.js.
  var browserStorage = window.Doracak.storage.browser, hash = window.Doracak.storage.hash;
  function Store(handbook, edition, storage) {
    this.handbook = handbook;
    this.edition = edition || "";
    this.storage = storage || browserStorage();
    this.key = "doracak:" + hash(handbook) + ":training";
  }
  // What is kept: { file, problems, raw }. file is the kept file (or an empty one when
  // nothing is kept); when what is kept fails the rules, file is null and raw is its text, to
  // be exported as it is; it is never replaced without the person's word.
  Store.prototype.kept = function () {
    var raw = this.storage.getItem(this.key);
    if (!raw) { return { file: emptyFile(this.handbook, this.edition), problems: [], raw: null }; }
    var kept = null;
    try { kept = JSON.parse(raw); } catch (e) { kept = null; }
    var problems = !isObject(kept) || kept.store !== STORE ? [say("training_bad_json", {}, "Not JSON.")] : check(kept.data);
    return problems.length ? { file: null, problems: problems, raw: raw, count: isObject(kept) && isObject(kept.data) && Array.isArray(kept.data.records) ? kept.data.records.length : Infinity } : { file: kept.data, problems: [], raw: raw };
  };
  Store.prototype.file = function () {
    var k = this.kept();
    return k.file || emptyFile(this.handbook, this.edition);
  };
  function refusal(reason) { var e = new Error(reason); e.reason = reason; return e; }
  // Write a file, refused (nothing written) when it would pass a limit the rules set, or
  // hold fewer records than are kept without `confirmed`, or replace kept records that need
  // attention. Throws the refusal, or the storage's error (e.g. QuotaExceededError).
  Store.prototype.put = function (file, confirmed) {
    var k = this.kept();
    if (!k.file && !confirmed) { throw refusal(say("training_kept_invalid", {}, "The kept records need attention.")); }
    var before = k.file ? k.file.records.length : k.count;
    if (file.records.length < before && !confirmed) { throw refusal(say("training_smaller", { n: file.records.length, kept: before }, "Fewer records than kept.")); }
    if (file.records.length > MAX_RECORDS) { throw refusal(say("training_too_many", { n: file.records.length, max: MAX_RECORDS }, "Too many records.")); }
    var problems = check(file);
    if (problems.length) { throw refusal(problems[0]); }
    var size = A.utf8Length(JSON.stringify(this.exportOf(file), null, 2));
    if (size > MAX_FILE) { throw refusal(say("training_too_big", { found: size, max: MAX_FILE }, "Too large.")); }
    this.storage.setItem(this.key, JSON.stringify({ store: STORE, data: file }));
  };
  Store.prototype.records = function () { return this.file().records; };
  Store.prototype.add = function (rec) {
    var k = this.kept();
    if (!k.file) { throw refusal(say("training_kept_invalid", {}, "The kept records need attention.")); }
    k.file.records.push(rec);
    this.put(k.file);
  };
  // Merge an imported file's records (by id: an imported record replaces the kept one).
  // Checked whole before anything is written: refused when the result would pass a limit.
  Store.prototype.merge = function (imported) {
    var k = this.kept();
    if (!k.file) { throw refusal(say("training_kept_invalid", {}, "The kept records need attention.")); }
    var f = k.file, at = Object.create(null);
    f.records.forEach(function (x, i) { at[x.id] = i; });
    imported.records.forEach(function (r) {
      if (at[r.id] !== undefined) { f.records[at[r.id]] = r; } else { at[r.id] = f.records.length; f.records.push(r); }
    });
    this.put(f);
    return f.records.length;
  };
  Store.prototype.clear = function () { this.storage.removeItem(this.key); };
  // The file to export: the kept records under this handbook's title and edition.
  Store.prototype.exportFile = function () { return this.exportOf(this.file()); };
  Store.prototype.exportOf = function (f) {
    return { format: FORMAT, version: VERSION, handbook: { title: this.handbook, edition: this.edition }, records: f.records };
  };
  Store.prototype.newId = function () { return "t" + Date.now().toString(36) + Math.random().toString(36).slice(2, 7); };

  window.Doracak = window.Doracak || {};
  window.Doracak.training = {
    FORMAT: FORMAT, VERSION: VERSION, STORE: STORE,
    MAX_FILE: MAX_FILE, MAX_RECORDS: MAX_RECORDS,
    check: check, read: read, readBytes: readBytes, trim: trim, isDate: isDate, nowIso: nowIso, today: today, say: say, Store: Store
  };
})();
