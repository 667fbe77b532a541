// doracak self-assessment: ratings, notes, evidence tracker and improvement plan, kept in
// this browser's localStorage under named assessments, exported and imported as JSON
// (docs/assessment-format.md) and CSV. Nothing leaves the device.
//
// The logic (validation, migration, scoring, plan, CSV) is in plain functions on
// window.DoracakAssessment; the rest of the file wires them to the pages.
(function () {
  "use strict";
  var UI = window.DORACAK_UI || {};
  var CAT = window.DORACAK_CATALOG;

  var SCHEMA = "doracak-assessment";
  var VERSION = 1;        // the assessment file format this page writes
  var STORE = 1;          // the shape of what is kept in localStorage
  var STATUS = ["present", "partial", "missing"];
  var DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

  function nowIso() { return new Date().toISOString().replace(/\.\d+Z$/, "Z"); }
  function today() { return new Date().toISOString().slice(0, 10); }

  // ---- plain functions -------------------------------------------------------------------

  function index(cat) {
    var crit = Object.create(null), ev = Object.create(null), std = Object.create(null);
    cat.standards.forEach(function (s) {
      std[s.id] = s;
      s.criteria.forEach(function (c) {
        crit[c.id] = { standard: s, criterion: c };
        c.evidence.forEach(function (e) { ev[e.id] = { standard: s, criterion: c, evidence: e }; });
      });
    });
    return { criteria: crit, evidence: ev, standards: std };
  }

  function emptyAssessment(cat, name, centre, now) {
    now = now || nowIso();
    return {
      schema: SCHEMA, version: VERSION,
      handbook: { title: cat.title, catalog: cat.catalog },
      assessment: { name: name, centre: centre || "", created: now, updated: now },
      ratings: {}, evidence: {}, plan: []
    };
  }

  // Older files are brought up to the current version here, one step at a time.
  // Version 1 is the first; there is nothing older to migrate yet.
  var MIGRATIONS = {};

  function migrate(obj) {
    var notes = [];
    var v = obj.version;
    while (typeof v === "number" && v < VERSION && MIGRATIONS[v]) {
      obj = MIGRATIONS[v](obj);
      notes.push((UI.assess_migrated || "") + " " + v + " → " + obj.version);
      v = obj.version;
    }
    return { file: obj, notes: notes };
  }

  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function isString(x) { return typeof x === "string"; }

  // ---- the rules of the file (the same as src/assessment/rules.rs, code for code) --------

  var MAX_FILE = 5000000, MAX_DEPTH = 16, MAX_NAME = 200, MAX_ID = 100, MAX_TEXT = 10000;
  var ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
  var DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

  function isDate(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) { return false; }
    var y = +m[1], mo = +m[2], d = +m[3];
    if (mo < 1 || mo > 12) { return false; }
    var max = mo === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : DAYS[mo - 1];
    return d >= 1 && d <= max;
  }
  function isTimestamp(s) {
    if (s.length < 10 || !isDate(s.slice(0, 10))) { return false; }
    var rest = s.slice(10);
    if (!rest) { return true; }
    var m = /^T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$/.exec(rest);
    return !!m;
  }
  function isId(id) { return id.length >= 1 && id.length <= MAX_ID && ID.test(id); }
  function kind(v) {
    if (v === null) { return "null"; }
    if (Array.isArray(v)) { return "a list"; }
    return { boolean: "true or false", number: "a number", string: "text", object: "an object" }[typeof v] || typeof v;
  }
  function wellFormed(s) { return !/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/.test(s); }

  // After JSON.parse succeeded: the first key found twice in one object, and how deep
  // lists and objects nest. (JSON.parse itself keeps the last of two keys silently.)
  function scan(text) {
    var stack = [], deepest = 0, i = 0, n = text.length;
    while (i < n) {
      var ch = text[i];
      if (ch === "{" || ch === "[") {
        stack.push(ch === "{" ? { keys: Object.create(null), key: true } : null);
        if (stack.length > deepest) { deepest = stack.length; }
        i++;
      } else if (ch === "}" || ch === "]") { stack.pop(); i++; }
      else if (ch === ",") { var top = stack[stack.length - 1]; if (top) { top.key = true; } i++; }
      else if (ch === "\"") {
        var j = i + 1;
        while (text[j] !== "\"") { j += text[j] === "\\" ? 2 : 1; }
        var o = stack[stack.length - 1];
        if (o && o.key) {
          var k = JSON.parse(text.slice(i, j + 1));
          if (Object.prototype.hasOwnProperty.call(o.keys, k)) { return { duplicate: k, depth: deepest }; }
          o.keys[k] = true;
          o.key = false;
        }
        i = j + 1;
      } else { i++; }
    }
    return { duplicate: null, depth: deepest };
  }

  // Read a file's text: parse, check, normalise. { file, problems, notes }, where each
  // problem and note is { code, message }; file is null when any problem was found.
  function read(text, cat) {
    var out = { file: null, problems: [], notes: [] };
    function problem(code, message) { out.problems.push({ code: code, message: message }); }
    if (text.charCodeAt(0) === 0xfeff) { text = text.slice(1); }
    if (text.length > MAX_FILE) { problem("too-large", "expected a file of at most " + MAX_FILE + " characters, found " + text.length); return out; }
    var top, bad = false;
    try { top = JSON.parse(text); } catch (e) { problem("not-json", "expected a JSON file, found text that is not JSON (" + e.message + ")"); return out; }
    (function walk(v) {
      if (typeof v === "number" && !isFinite(v)) { bad = true; }
      else if (typeof v === "string" && !wellFormed(v)) { bad = true; }
      else if (v && typeof v === "object") { Object.keys(v).forEach(function (k) { if (!wellFormed(k)) { bad = true; } walk(v[k]); }); }
    })(top);
    if (bad) { problem("not-json", "expected a JSON file, found text that is not JSON (a number out of range or broken text)"); return out; }
    var sc = scan(text);
    if (sc.duplicate !== null) { problem("duplicate-key", "expected each key once in an object, found " + JSON.stringify(sc.duplicate)); return out; }
    if (sc.depth > MAX_DEPTH) { problem("too-deep", "expected lists and objects nested at most " + MAX_DEPTH + " deep, found deeper"); return out; }
    if (!isObject(top)) { problem("not-object", "expected a JSON object, found " + kind(top)); return out; }
    if (top.schema !== SCHEMA) { problem("schema", "expected \"schema\": \"" + SCHEMA + "\", found " + (top.schema === undefined ? "no schema" : JSON.stringify(top.schema))); return out; }
    var v = top.version;
    var whole = typeof v === "number" && isFinite(v) && v % 1 === 0;
    if (whole && v > VERSION) { problem("version-newer", "expected version " + VERSION + " or older, found version " + v + ": the file was made by a newer doracak"); return out; }
    if (!whole || v < 1) { problem("version", "expected a whole \"version\" number from 1 to " + VERSION + ", found " + (v === undefined ? "none" : JSON.stringify(v))); return out; }
    var m = migrate(top);
    var file = check(m.file, cat, out);
    out.notes = m.notes.map(function (n) { return { code: "migrated", message: n }; }).concat(out.notes);
    if (!out.problems.length) { out.file = file; }
    return out;
  }

  // Check every part of the file and build its normalised copy (every field present).
  function check(top, cat, out) {
    function problem(code, message) { out.problems.push({ code: code, message: message }); }
    function note(code, message) { out.notes.push({ code: code, message: message }); }
    function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
    function absent(o, k) { return !has(o, k) || o[k] === null; }
    function object(v, what, present) {
      if (!present || v === null) { return null; }
      if (isObject(v)) { return v; }
      problem("type", what + ": expected an object, found " + kind(v));
      return null;
    }
    function text(o, k, max, what) {
      if (absent(o, k)) { return ""; }
      var s = o[k];
      if (!isString(s)) { problem("type", what + ": expected " + k + " as text, found " + kind(s)); return ""; }
      if (s.length > max) { problem("too-long", what + ": expected " + k + " of at most " + max + " characters, found " + s.length); }
      return s;
    }
    function date(o, k, time, what) {
      var s = text(o, k, 40, what);
      if (s && !(time ? isTimestamp(s) : isDate(s))) { problem("date", what + ": expected " + k + " as " + (time ? "a date YYYY-MM-DD or a date and time YYYY-MM-DDThh:mm:ssZ" : "a date YYYY-MM-DD") + ", found \"" + s + "\""); }
      return s;
    }
    function code(o, k, allowed, pcode, what) {
      if (absent(o, k)) { return null; }
      var s = o[k];
      if (!isString(s)) { problem("type", what + ": expected " + k + " as text, found " + kind(s)); return null; }
      if (allowed.indexOf(s) < 0) { problem(pcode, what + ": expected " + k + " of " + allowed.join(", ") + ", found \"" + s + "\""); return null; }
      return s;
    }
    function known(o, fields, what) {
      Object.keys(o).forEach(function (k) { if (fields.indexOf(k) < 0) { note("unknown-field", what + ": the field \"" + k + "\" is not part of the format and is left out"); } });
    }
    function id(x, what) {
      if (!isId(x)) { problem("id", what + ": expected an id of 1 to " + MAX_ID + " letters, digits, dots, dashes or underscores, found \"" + x + "\""); }
    }
    known(top, ["schema", "version", "handbook", "assessment", "ratings", "evidence", "plan"], "the file");
    var file = { schema: SCHEMA, version: VERSION, handbook: { title: "", catalog: "" }, assessment: { name: "", centre: "", created: "", updated: "" }, ratings: {}, evidence: {}, plan: [] };
    var h = object(top.handbook, "handbook", has(top, "handbook"));
    if (h) { known(h, ["title", "catalog"], "handbook"); file.handbook = { title: text(h, "title", MAX_TEXT, "handbook"), catalog: text(h, "catalog", MAX_TEXT, "handbook") }; }
    var a = object(top.assessment, "assessment", has(top, "assessment"));
    if (a) {
      known(a, ["name", "centre", "created", "updated"], "assessment");
      var name = text(a, "name", MAX_NAME, "assessment");
      if (!name.trim() && (absent(a, "name") || isString(a.name))) { problem("name", "expected the assessment's name, found none"); }
      file.assessment = { name: name, centre: text(a, "centre", MAX_NAME, "assessment"), created: date(a, "created", true, "assessment"), updated: date(a, "updated", true, "assessment") };
    } else if (absent(top, "assessment")) { problem("name", "expected the assessment's name, found none"); }

    var ix = index(cat);
    var codes = cat.scale.map(function (r) { return r.code; });
    var ratings = object(top.ratings, "ratings", has(top, "ratings"));
    if (ratings) {
      Object.keys(ratings).forEach(function (k) {
        var what = "criterion " + k;
        id(k, what);
        var r = ratings[k];
        if (r === null) { problem("type", what + ": expected an object, found null"); return; }
        r = object(r, what, true);
        if (!r) { return; }
        known(r, ["rating", "note"], what);
        var entry = { rating: code(r, "rating", codes, "rating", what), note: text(r, "note", MAX_TEXT, what) };
        if (!ix.criteria[k]) { note("unknown-id", "the handbook has no criterion " + k + "; its rating is kept but not scored"); }
        if (isId(k)) { file.ratings[k] = entry; }
      });
    }
    var ev = object(top.evidence, "evidence", has(top, "evidence"));
    if (ev) {
      Object.keys(ev).forEach(function (k) {
        var what = "evidence " + k;
        id(k, what);
        var e = ev[k];
        if (e === null) { problem("type", what + ": expected an object, found null"); return; }
        e = object(e, what, true);
        if (!e) { return; }
        known(e, ["status", "location", "owner", "reviewed", "next_review"], what);
        var entry = { status: code(e, "status", STATUS, "status", what), location: text(e, "location", MAX_TEXT, what), owner: text(e, "owner", MAX_TEXT, what), reviewed: date(e, "reviewed", false, what), next_review: date(e, "next_review", false, what) };
        if (!ix.evidence[k]) { note("unknown-id", "the handbook has no evidence item " + k + "; its entry is kept"); }
        if (isId(k)) { file.evidence[k] = entry; }
      });
    }
    if (!absent(top, "plan")) {
      if (!Array.isArray(top.plan)) { problem("type", "plan: expected a list, found " + kind(top.plan)); }
      else {
        var seen = Object.create(null);
        top.plan.forEach(function (p, i) {
          var what = "plan row " + (i + 1);
          if (!isObject(p)) { problem("type", what + ": expected an object, found " + kind(p)); return; }
          known(p, ["criterion", "action", "owner", "due", "indicator", "cost"], what);
          var crit = "";
          if (isString(p.criterion)) { id(p.criterion, what); crit = p.criterion; }
          else { problem("type", what + ": expected the criterion's id as text, found " + (has(p, "criterion") ? kind(p.criterion) : "none")); }
          if (crit && Object.prototype.hasOwnProperty.call(seen, crit)) { problem("duplicate-plan", what + ": expected one plan row per criterion, found " + crit + " again"); }
          if (crit) { seen[crit] = true; }
          if (crit && !ix.criteria[crit]) { note("unknown-id", what + ": the handbook has no criterion " + crit); }
          file.plan.push({ criterion: crit, action: text(p, "action", MAX_TEXT, what), owner: text(p, "owner", MAX_TEXT, what), due: date(p, "due", false, what), indicator: text(p, "indicator", MAX_TEXT, what), cost: text(p, "cost", MAX_TEXT, what) });
        });
      }
    }
    return file;
  }

  // Read a file's bytes (an ArrayBuffer): UTF-8 or refused, then as `read`.
  function readBytes(buf, cat) {
    var text;
    try { text = new TextDecoder("utf-8", { fatal: true }).decode(buf); }
    catch (e) { return { file: null, problems: [{ code: "not-utf8", message: "expected a text file in UTF-8, found bytes that are not" }], notes: [] }; }
    return read(text, cat);
  }

  // Scores per standard: unrated criteria count with no points; "not applicable" is left out.
  function scores(obj, cat) {
    var pts = {}, top = 0;
    cat.scale.forEach(function (r) { pts[r.code] = r.points; if (r.points !== null && r.points !== undefined && r.points > top) { top = r.points; } });
    var rows = cat.standards.map(function (s) {
      var p = 0, max = 0, unrated = 0, na = 0;
      s.criteria.forEach(function (c) {
        var r = obj.ratings[c.id] && obj.ratings[c.id].rating;
        if (!r) { unrated++; max += top; }
        else if (pts[r] === null || pts[r] === undefined) { na++; }
        else { p += pts[r]; max += top; }
      });
      return { id: s.id, number: s.number, title: s.title, points: p, max: max, unrated: unrated, na: na, percent: max ? p * 100 / max : null };
    });
    var tp = 0, tm = 0, tu = 0, tn = 0;
    rows.forEach(function (r) { tp += r.points; tm += r.max; tu += r.unrated; tn += r.na; });
    return { standards: rows, total: { points: tp, max: tm, unrated: tu, na: tn, percent: tm ? tp * 100 / tm : null } };
  }

  function notFullyMet(cat, code) {
    var top = 0, p = null;
    cat.scale.forEach(function (r) { if (r.points > top) { top = r.points; } if (r.code === code) { p = r.points; } });
    return p !== null && p !== undefined && p < top;
  }

  // The improvement plan: one row for every criterion rated below the top of the scale,
  // with what was written for it.
  function planRows(obj, cat) {
    var byCrit = {};
    (obj.plan || []).forEach(function (p) { byCrit[p.criterion] = p; });
    var rows = [];
    cat.standards.forEach(function (s) {
      s.criteria.forEach(function (c) {
        var r = obj.ratings[c.id] && obj.ratings[c.id].rating;
        if (r && notFullyMet(cat, r)) {
          rows.push({ standard: s, criterion: c, rating: r, entry: byCrit[c.id] || { criterion: c.id, action: "", owner: "", due: "", indicator: "", cost: "" } });
        }
      });
    });
    return rows;
  }

  function label(cat, code) {
    for (var i = 0; i < cat.scale.length; i++) { if (cat.scale[i].code === code) { return cat.scale[i].label; } }
    return code || "";
  }

  function csvField(v) {
    v = v === undefined || v === null ? "" : String(v);
    return /[",\r\n;]/.test(v) ? "\"" + v.replace(/"/g, "\"\"") + "\"" : v;
  }

  // The assessment as CSV (RFC 4180, UTF-8 with a byte-order mark for spreadsheets):
  // one row per criterion, evidence item and plan row.
  function toCSV(obj, cat) {
    var head = ["lloji", "id", "standardi", "numri", "teksti", "vleresimi", "piket", "shenime", "statusi", "vendndodhja", "pergjegjesi", "rishikuar", "rishikimi_i_radhes", "veprimi", "afati", "treguesi", "kosto"];
    var lines = [head.join(",")];
    var pts = {};
    cat.scale.forEach(function (r) { pts[r.code] = r.points; });
    function row(cells) { lines.push(cells.map(csvField).join(",")); }
    cat.standards.forEach(function (s) {
      s.criteria.forEach(function (c) {
        var r = obj.ratings[c.id] || {};
        row(["kriter", c.id, s.number, s.number + "." + c.number, c.text, r.rating ? label(cat, r.rating) : "", r.rating && pts[r.rating] !== null && pts[r.rating] !== undefined ? pts[r.rating] : "", r.note || "", "", "", "", "", "", "", "", "", ""]);
        c.evidence.forEach(function (e) {
          var x = obj.evidence[e.id] || {};
          row(["prove", e.id, s.number, e.number, e.text, "", "", "", x.status ? (UI["status_" + x.status] || x.status) : "", x.location || "", x.owner || "", x.reviewed || "", x.next_review || "", "", "", "", ""]);
        });
      });
    });
    planRows(obj, cat).forEach(function (p) {
      var e = p.entry;
      row(["plan", p.criterion.id, p.standard.number, p.standard.number + "." + p.criterion.number, p.criterion.text, label(cat, p.rating), "", "", "", "", e.owner || "", "", "", e.action || "", e.due || "", e.indicator || "", e.cost || ""]);
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  function isOverdue(entry, day) { return !!(entry && entry.next_review && entry.next_review < (day || today())); }

  // ---- storage ---------------------------------------------------------------------------

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
    this.storage.setItem(this.key("a:" + id), JSON.stringify({ store: STORE, data: rec.data, exported: rec.exported || null }));
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

  window.DoracakAssessment = {
    SCHEMA: SCHEMA, VERSION: VERSION, STORE: STORE, MIGRATIONS: MIGRATIONS,
    emptyAssessment: emptyAssessment, migrate: migrate, check: check, read: read, readBytes: readBytes,
    isDate: isDate, isTimestamp: isTimestamp, LIMITS: { file: MAX_FILE, depth: MAX_DEPTH, name: MAX_NAME, id: MAX_ID, text: MAX_TEXT },
    scores: scores, planRows: planRows, toCSV: toCSV, isOverdue: isOverdue, notFullyMet: notFullyMet, Store: Store
  };

  // ---- the pages -------------------------------------------------------------------------

  if (!CAT || typeof document === "undefined") { return; }
  var store = new Store(CAT);
  var rec = null;        // { data, exported } of the current assessment
  var recId = null;
  var saveTimer = null;

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function show(sel, on) { $all(sel).forEach(function (e) { e.hidden = !on; }); }
  // Albanian number and time formats, by hand: a browser without Albanian locale data
  // would otherwise fall back to "62.5" and "1:18 PM".
  function fmtPct(p) { return p === null ? "—" : String(Math.round(p * 10) / 10).replace(".", ",") + " %"; }
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function fmtTime(d) { return two(d.getHours()) + ":" + two(d.getMinutes()) + ":" + two(d.getSeconds()); }

  function setError(msg) {
    $all("[data-assess-error]").forEach(function (e) {
      e.textContent = "";
      if (!msg) { e.hidden = true; return; }
      e.appendChild(document.createTextNode(msg + " "));
      var b = document.createElement("button");
      b.type = "button";
      b.className = "button";
      b.textContent = UI.assess_export_json || "";
      b.addEventListener("click", exportJson);
      e.appendChild(b);
      e.hidden = false;
    });
  }

  function status(msg) { $all("[data-assess-status]").forEach(function (e) { e.textContent = msg; }); }

  function unexportedBanner() {
    var changed = rec && (!rec.exported || rec.exported < rec.data.assessment.updated);
    show("[data-assess-unsaved]", !!changed);
  }

  function persist() {
    if (!rec) { return; }
    try {
      store.save(recId, rec);
      setError(null);
      status((UI.assess_saved || "") + " " + fmtTime(new Date()));
    } catch (e) {
      setError(UI.assess_storage_full || String(e));
    }
    unexportedBanner();
  }

  function touch() {
    rec.data.assessment.updated = nowIso();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(persist, 250);
    refreshScores();
  }

  function flush() { if (saveTimer) { clearTimeout(saveTimer); saveTimer = null; persist(); } }
  window.addEventListener("pagehide", flush);
  window.addEventListener("beforeunload", flush);

  function fillSelect() {
    var list = store.list();
    $all("[data-assess-select]").forEach(function (sel) {
      sel.textContent = "";
      if (!list.length) {
        var o = document.createElement("option");
        o.textContent = UI.assess_none_yet || "";
        o.value = "";
        sel.appendChild(o);
        sel.disabled = true;
        return;
      }
      sel.disabled = false;
      list.forEach(function (a) {
        var o = document.createElement("option");
        o.value = a.id;
        o.textContent = a.name;
        if (a.id === recId) { o.selected = true; }
        sel.appendChild(o);
      });
    });
  }

  function loadCurrent() {
    recId = store.current();
    rec = recId ? store.load(recId) : null;
    if (!rec) {
      var first = store.list()[0];
      if (first) { recId = first.id; rec = store.load(recId); store.setCurrent(recId); }
      else { recId = null; }
    }
    fillSelect();
    $all("[data-assess-select]").forEach(function (sel) {
      sel.onchange = function () { flush(); store.setCurrent(sel.value); loadCurrent(); bindAll(); };
    });
    var enabled = !!rec;
    $all("form.assess-form input, form.assess-form textarea, form.ev-tracker input, table[data-plan] input").forEach(function (i) { i.disabled = !enabled; });
    if (!rec) { status(UI.assess_create_first || ""); }
    else { status(""); }
    unexportedBanner();
  }

  // Bind every field marked data-field inside a criterion or evidence container.
  function bindFields() {
    $all("[data-criterion]").forEach(function (box) {
      var id = box.getAttribute("data-criterion");
      var r = (rec && rec.data.ratings[id]) || {};
      $all("input[data-field=rating]", box).forEach(function (inp) {
        inp.checked = inp.value === r.rating;
        inp.onchange = function () { if (!rec) { return; } var e = rec.data.ratings[id] || (rec.data.ratings[id] = { rating: null, note: "" }); e.rating = inp.value; touch(); };
      });
      $all("textarea[data-field=note]", box).forEach(function (t) {
        t.value = r.note || "";
        t.oninput = function () { if (!rec) { return; } var e = rec.data.ratings[id] || (rec.data.ratings[id] = { rating: null, note: "" }); e.note = t.value; touch(); };
      });
    });
    $all("[data-evidence]").forEach(function (box) {
      var id = box.getAttribute("data-evidence");
      var ev = (rec && rec.data.evidence[id]) || {};
      $all("[data-field]", box).forEach(function (inp) {
        var f = inp.getAttribute("data-field");
        if (inp.type === "radio") { inp.checked = inp.value === ev[f]; } else { inp.value = ev[f] || ""; }
        var handler = function () {
          if (!rec) { return; }
          var e = rec.data.evidence[id] || (rec.data.evidence[id] = { status: null, location: "", owner: "", reviewed: "", next_review: "" });
          e[f] = inp.value;
          touch();
          filterEvidence();
        };
        if (inp.type === "radio") { inp.onchange = handler; } else { inp.oninput = handler; }
      });
    });
  }

  function refreshScores() {
    if (!rec) { $all("[data-score]").forEach(function (e) { e.textContent = ""; }); return; }
    var sc = scores(rec.data, CAT);
    $all("[data-score]").forEach(function (e) {
      var id = e.getAttribute("data-score");
      sc.standards.forEach(function (s) {
        if (s.id === id) { e.textContent = (UI.assess_score || "") + ": " + s.points + " / " + s.max + " (" + fmtPct(s.percent) + ") · " + (UI.assess_unrated || "") + ": " + s.unrated; }
      });
    });
    $all("[data-score-row]").forEach(function (row) {
      var id = row.getAttribute("data-score-row");
      var s = id === "total" ? sc.total : sc.standards.filter(function (x) { return x.id === id; })[0];
      if (!s) { return; }
      $("[data-col=points]", row).textContent = s.points + " / " + s.max;
      $("[data-col=percent]", row).textContent = fmtPct(s.percent);
      $("[data-col=unrated]", row).textContent = s.unrated;
      $("[data-col=na]", row).textContent = s.na;
    });
  }

  function filterEvidence() {
    var box = $("[data-ev-filters]");
    if (!box) { return; }
    var allowed = $all("input:not([data-overdue])", box).filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
    var overdueOnly = $("[data-overdue]", box).checked;
    var shown = 0, total = 0;
    $all("[data-ev-row]").forEach(function (row) {
      var e = (rec && rec.data.evidence[row.getAttribute("data-ev-row")]) || {};
      var st = e.status || "none";
      var ok = allowed.indexOf(st) >= 0 && (!overdueOnly || isOverdue(e));
      row.hidden = !ok;
      total++;
      if (ok) { shown++; }
    });
    $all("[data-ev-standard]").forEach(function (sec) { sec.hidden = !$all("[data-ev-row]", sec).some(function (r) { return !r.hidden; }); });
    var c = $("[data-ev-count]");
    if (c) { c.textContent = shown + " / " + total + " " + (UI.ev_shown || ""); }
  }

  function renderPlan() {
    var table = $("table[data-plan]");
    if (!table) { return; }
    var body = table.tBodies[0];
    body.textContent = "";
    var rows = rec ? planRows(rec.data, CAT) : [];
    show("[data-plan-empty]", rows.length === 0);
    rows.forEach(function (p) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-plan-row", p.criterion.id);
      var th = document.createElement("th");
      th.scope = "row";
      var a = document.createElement("a");
      a.href = "../vleresim/" + p.standard.id + ".html#" + p.criterion.id;
      a.textContent = p.standard.number + "." + p.criterion.number;
      th.appendChild(a);
      th.appendChild(document.createTextNode(" (" + label(CAT, p.rating) + ") "));
      var small = document.createElement("span");
      small.className = "muted plan-crit-text";
      small.textContent = p.criterion.text.length > 160 ? p.criterion.text.slice(0, 160) + "…" : p.criterion.text;
      th.appendChild(small);
      tr.appendChild(th);
      [["action", "text"], ["owner", "text"], ["due", "date"], ["indicator", "text"], ["cost", "text"]].forEach(function (f) {
        var td = document.createElement("td");
        var inp = document.createElement(f[0] === "action" || f[0] === "indicator" ? "textarea" : "input");
        if (inp.tagName === "INPUT") { inp.type = f[1]; } else { inp.rows = 2; }
        inp.value = p.entry[f[0]] || "";
        inp.setAttribute("aria-label", (UI["plan_" + (f[0] === "owner" ? "responsible" : f[0] === "indicator" ? "indicators" : f[0])] || f[0]) + " " + p.standard.number + "." + p.criterion.number);
        inp.setAttribute("data-plan-field", f[0]);
        inp.oninput = function () {
          var list = rec.data.plan;
          var e = list.filter(function (x) { return x.criterion === p.criterion.id; })[0];
          if (!e) { e = { criterion: p.criterion.id, action: "", owner: "", due: "", indicator: "", cost: "" }; list.push(e); }
          e[f[0]] = inp.value;
          touch();
        };
        td.appendChild(inp);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function download(name, text, type) {
    var blob = new Blob([text], { type: type });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }

  function fileName(ext) {
    var base = (rec.data.assessment.name || "vleresim").normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
    return (base || "vleresim") + "." + ext;
  }

  function exportJson() {
    if (!rec) { return; }
    flush();
    download(fileName("json"), JSON.stringify(rec.data, null, 2), "application/json");
    rec.exported = nowIso();
    if (rec.exported < rec.data.assessment.updated) { rec.exported = rec.data.assessment.updated; }
    persist();
  }

  function exportCsv() {
    if (!rec) { return; }
    flush();
    download(fileName("csv"), toCSV(rec.data, CAT), "text/csv;charset=utf-8");
  }

  function showImport(ok, lines) {
    var box = $("[data-import-result]");
    if (!box) { return; }
    box.textContent = "";
    box.className = "import-result notice" + (ok ? "" : " error");
    var p = document.createElement("p");
    p.textContent = ok ? (UI.assess_import_ok || "") : (UI.assess_import_refused || "");
    box.appendChild(p);
    if (lines.length) {
      var ul = document.createElement("ul");
      lines.forEach(function (l) { var li = document.createElement("li"); li.textContent = l; ul.appendChild(li); });
      box.appendChild(ul);
    }
  }

  function messages(list) { return list.map(function (x) { return x.message; }); }

  // Take a read file in: shown once on this page before anything is stored, so a file the
  // page cannot show is refused and changes nothing.
  function importChecked(r) {
    if (!r.file) { showImport(false, messages(r.problems)); return false; }
    flush();
    var prev = rec, prevId = recId;
    var candidate = { data: r.file, exported: r.file.assessment.updated };
    try {
      rec = candidate; recId = null;
      bindAll();
    } catch (e) {
      rec = prev; recId = prevId;
      try { bindAll(); } catch (again) { /* the page shows what it can */ }
      showImport(false, [String(e)]);
      return false;
    }
    var id = store.newId();
    try {
      store.save(id, candidate);
      store.setCurrent(id);
    } catch (e) {
      rec = prev; recId = prevId;
      bindAll();
      showImport(false, [UI.assess_storage_full || String(e)]);
      return false;
    }
    loadCurrent();
    bindAll();
    showImport(true, messages(r.notes));
    return true;
  }
  function importText(text) { return importChecked(read(text, CAT)); }
  function importBytes(buf) { return importChecked(readBytes(buf, CAT)); }
  window.DoracakAssessment.importText = importText;
  window.DoracakAssessment.importBytes = importBytes;

  function bindOverview() {
    var form = $("[data-assess-new]");
    if (form) {
      form.onsubmit = function (e) {
        e.preventDefault();
        var name = form.elements.name.value.trim();
        if (!name) { return; }
        flush();
        var id = store.newId();
        var r = { data: emptyAssessment(CAT, name, form.elements.centre.value.trim()), exported: null };
        try { store.save(id, r); store.setCurrent(id); } catch (err) { setError(UI.assess_storage_full || String(err)); return; }
        form.reset();
        loadCurrent();
        bindAll();
        status((UI.assess_created || "") + " " + name);
      };
    }
    var meta = $("[data-assess-meta]");
    if (meta) { meta.hidden = !rec; }
    $all("[data-meta]").forEach(function (inp) {
      var f = inp.getAttribute("data-meta");
      inp.value = rec ? rec.data.assessment[f] || "" : "";
      inp.disabled = !rec;
      inp.oninput = function () {
        if (!rec) { return; }
        if (f === "name" && !inp.value.trim()) { return; }
        rec.data.assessment[f] = inp.value;
        touch();
        clearTimeout(inp._t);
        inp._t = setTimeout(fillSelect, 300);
      };
    });
    var del = $("[data-action=delete]");
    if (del) {
      del.disabled = !rec;
      del.onclick = function () {
        if (!rec) { return; }
        var box = document.createElement("div");
        box.className = "notice confirm";
        box.setAttribute("role", "alertdialog");
        box.setAttribute("aria-label", UI.assess_delete || "");
        var p = document.createElement("p");
        p.textContent = (UI.assess_delete_confirm || "") + " \u201c" + rec.data.assessment.name + "\u201d";
        box.appendChild(p);
        var yes = document.createElement("button");
        yes.type = "button"; yes.className = "button"; yes.textContent = UI.assess_delete_yes || ""; yes.setAttribute("data-action", "delete-yes");
        var no = document.createElement("button");
        no.type = "button"; no.className = "button secondary"; no.textContent = UI.cancel || ""; no.setAttribute("data-action", "delete-no");
        box.appendChild(yes); box.appendChild(document.createTextNode(" ")); box.appendChild(no);
        del.parentNode.appendChild(box);
        del.disabled = true;
        no.focus();
        no.onclick = function () { box.remove(); del.disabled = false; del.focus(); };
        yes.onclick = function () {
          var name = rec.data.assessment.name;
          clearTimeout(saveTimer); saveTimer = null;
          store.remove(recId);
          box.remove();
          loadCurrent();
          bindAll();
          status((UI.assess_deleted || "") + " " + name);
        };
      };
    }
    var ej = $("[data-action=export-json]");
    if (ej) { ej.disabled = !rec; ej.onclick = exportJson; }
    var ec = $("[data-action=export-csv]");
    if (ec) { ec.disabled = !rec; ec.onclick = exportCsv; }
    var imp = $("[data-action=import]");
    if (imp) {
      imp.onchange = function () {
        var f = imp.files && imp.files[0];
        if (!f) { return; }
        var reader = new FileReader();
        reader.onload = function () { importBytes(reader.result); imp.value = ""; };
        reader.onerror = function () { showImport(false, [String(reader.error)]); };
        reader.readAsArrayBuffer(f);
      };
    }
  }

  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) { e.className = cls; } if (text !== undefined) { e.textContent = text; } return e; }

  // The filled assessment as the same A4 grid as the audit sheets.
  function renderFilledPrint() {
    var box = $("[data-filled-print]");
    if (!box) { return; }
    box.textContent = "";
    if (!rec) { box.appendChild(el("p", "notice", UI.assess_create_first || "")); return; }
    var d = rec.data;
    box.appendChild(el("p", "lead filled-title", (UI.assess_title || "") + ": " + d.assessment.name));
    box.appendChild(el("p", null, (UI.assess_centre || "") + ": " + (d.assessment.centre || "—") + " · " + (UI.assess_updated || "") + ": " + d.assessment.updated.slice(0, 10)));
    var sc = scores(d, CAT);
    var t = el("table", "scores");
    var th = el("tr");
    [UI.standard, UI.assess_points, UI.assess_score, UI.assess_unrated, UI.assess_na].forEach(function (h) { th.appendChild(el("th", null, h || "")); });
    var thead = el("thead"); thead.appendChild(th); t.appendChild(thead);
    var tb = el("tbody");
    sc.standards.concat([{ number: "", title: UI.assess_total, points: sc.total.points, max: sc.total.max, percent: sc.total.percent, unrated: sc.total.unrated, na: sc.total.na }]).forEach(function (s) {
      var tr = el("tr");
      [(s.number ? s.number + ". " : "") + s.title, s.points + " / " + s.max, fmtPct(s.percent), s.unrated, s.na].forEach(function (v) { tr.appendChild(el("td", null, String(v))); });
      tb.appendChild(tr);
    });
    t.appendChild(tb);
    box.appendChild(t);
    CAT.standards.forEach(function (s) {
      var sec = el("section", "audit-sheet filled");
      sec.appendChild(el("h2", null, (UI.standard || "") + " " + s.number + ": " + s.title));
      var table = el("table", "audit-table");
      var head = el("tr");
      [UI.audit_no, UI.audit_criterion_evidence, UI.audit_rating, UI.audit_notes].forEach(function (h) { head.appendChild(el("th", null, h || "")); });
      var thd = el("thead"); thd.appendChild(head); table.appendChild(thd);
      s.criteria.forEach(function (c) {
        var body = el("tbody", "audit-criterion");
        var r = d.ratings[c.id] || {};
        var tr = el("tr", "audit-crit-row");
        tr.appendChild(el("th", null, s.number + "." + c.number));
        tr.appendChild(el("td", null, c.text));
        tr.appendChild(el("td", "rating-cell", r.rating ? label(CAT, r.rating) : (UI.assess_not_rated || "")));
        tr.appendChild(el("td", null, r.note || ""));
        body.appendChild(tr);
        c.evidence.forEach(function (e) {
          var x = d.evidence[e.id] || {};
          var er = el("tr", "audit-ev-row");
          er.appendChild(el("td", "num", e.number));
          er.appendChild(el("td", null, e.text));
          er.appendChild(el("td", null, x.status ? UI["status_" + x.status] || x.status : UI.status_none || ""));
          var bits = [];
          if (x.location) { bits.push((UI.ev_location || "") + ": " + x.location); }
          if (x.owner) { bits.push((UI.ev_owner || "") + ": " + x.owner); }
          if (x.reviewed) { bits.push((UI.ev_reviewed || "") + ": " + x.reviewed); }
          if (x.next_review) { bits.push((UI.ev_next_review || "") + ": " + x.next_review); }
          er.appendChild(el("td", null, bits.join(" · ")));
          body.appendChild(er);
        });
        table.appendChild(body);
      });
      sec.appendChild(table);
      box.appendChild(sec);
    });
    var rows = planRows(d, CAT);
    var ps = el("section", "audit-sheet filled");
    ps.appendChild(el("h2", null, UI.assess_plan || ""));
    var pt = el("table", "plan-table");
    var ph = el("tr");
    [UI.criterion, UI.plan_action, UI.plan_responsible, UI.plan_due, UI.plan_indicators, UI.plan_cost].forEach(function (h) { ph.appendChild(el("th", null, h || "")); });
    var pth = el("thead"); pth.appendChild(ph); pt.appendChild(pth);
    var pb = el("tbody");
    rows.forEach(function (p) {
      var tr = el("tr");
      [p.standard.number + "." + p.criterion.number + " (" + label(CAT, p.rating) + ")", p.entry.action, p.entry.owner, p.entry.due, p.entry.indicator, p.entry.cost].forEach(function (v) { tr.appendChild(el("td", null, v || "")); });
      pb.appendChild(tr);
    });
    pt.appendChild(pb);
    ps.appendChild(pt);
    if (!rows.length) { ps.appendChild(el("p", "muted", UI.plan_empty || "")); }
    var sig = el("footer", "audit-signature");
    [UI.audit_director_sign, UI.audit_date].forEach(function (s) { var dv = el("div"); dv.appendChild(el("span", null, s || "")); sig.appendChild(dv); });
    ps.appendChild(sig);
    box.appendChild(ps);
  }

  function bindAll() {
    bindFields();
    bindOverview();
    refreshScores();
    filterEvidence();
    renderPlan();
    renderFilledPrint();
  }

  var filters = $("[data-ev-filters]");
  if (filters) { $all("input", filters).forEach(function (c) { c.addEventListener("change", filterEvidence); }); }
  loadCurrent();
  bindAll();
})();
