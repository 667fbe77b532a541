// doracak self-assessment, the core: the rules of the assessment file (the same as
// src/assessment/rules.rs, code for code), migration, scores, the improvement plan and CSV.
// Plain functions on plain data, no page and no storage: Doracak.assessment.
// (docs/assessment-format.md)
(function () {
  "use strict";
  var UI = window.DORACAK_UI || {};

  var SCHEMA = "doracak-assessment";
  var VERSION = 1;        // the assessment file format this page writes
  var STORE = 1;          // the shape of what is kept in localStorage
  var STATUS = ["present", "partial", "missing"];
  var DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

  function nowIso() { return new Date().toISOString().replace(/\.\d+Z$/, "Z"); }
  function today() { return new Date().toISOString().slice(0, 10); }

  // A handbook too large for one catalogue file: the catalogue names every standard, and
  // the page loaded the criteria of those it shows (catalog/S1.js … beside it). The page
  // knows those standards only; ratings of the others stay in the assessment as they are.
  var CATALOG = window.DORACAK_CATALOG;
  if (CATALOG && CATALOG.standards && CATALOG.standards.some(function (s) { return !s.criteria; })) {
    CATALOG.partial = true;
    CATALOG.every = CATALOG.standards;
    CATALOG.standards = CATALOG.standards.filter(function (s) { return !!s.criteria; });
  }

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
      handbook: cat.edition ? { title: cat.title, catalog: cat.catalog, edition: cat.edition } : { title: cat.title, catalog: cat.catalog },
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
      notes.push(say("assess_migrated", { from: v, to: obj.version }, "Brought up to date: version " + v + " → " + obj.version));
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
  // What a value is, in words: for the messages of the rules.
  function kind(v) {
    var k = v === null ? "null" : v === undefined ? "none" : Array.isArray(v) ? "list" : { boolean: "bool", number: "number", string: "text", object: "object" }[typeof v] || "other";
    var english = { "null": "null", none: "none", list: "a list", bool: "true or false", number: "a number", text: "text", object: "an object", other: typeof v }[k];
    return UI["rule_kind_" + k] || english;
  }

  // A message of the rules in the handbook's language: the pack's text for `key` with its
  // {placeholders} filled, or the English words where the pack has none (the shared
  // formatter of static/ui.js).
  function say(key, params, english) { return window.DORACAK_SAY(key, params, english); }

  function wellFormed(s) { return !/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/.test(s); }

  // ---- the plain checks every rule set shares (the same as src/assessment/rules/json.rs):
  // one byte-order mark stripped, sizes in UTF-8 bytes, lengths in Unicode scalar values,
  // one set of blank characters, nesting measured on the text before anything is walked,
  // whole numbers up to 2^53 - 1.
  function stripBom(text) { return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; }
  function isPair(s, i) {
    var c = s.charCodeAt(i), d = s.charCodeAt(i + 1);
    return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
  }
  // Characters as a person counts them (Unicode scalar values), not UTF-16 units.
  function length(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) { if (isPair(s, i)) { i++; } n++; }
    return n;
  }
  // The size of the text written as UTF-8, in bytes.
  function utf8Length(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0x80) { n += 1; } else if (c < 0x800) { n += 2; } else if (isPair(s, i)) { n += 4; i++; } else { n += 3; }
    }
    return n;
  }
  var BLANK = "[\\u0009-\\u000d \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";
  var TRIM = new RegExp("^" + BLANK + "+|" + BLANK + "+$", "g");
  // Unicode White_Space and U+FEFF, at both ends (String.prototype.trim differs from Rust's).
  function trim(s) { return s.replace(TRIM, ""); }
  var MAX_WHOLE = 9007199254740991;
  function isWhole(x) { return typeof x === "number" && isFinite(x) && Math.floor(x) === x && x >= 0 && x <= MAX_WHOLE; }
  // How deeply lists and objects nest, read from the text without recursion.
  function nesting(text) {
    var depth = 0, deepest = 0, inString = false;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (inString) {
        if (c === 92) { i++; } else if (c === 34) { inString = false; }
      } else if (c === 34) { inString = true; }
      else if (c === 123 || c === 91) { depth++; if (depth > deepest) { deepest = depth; } }
      else if ((c === 125 || c === 93) && depth > 0) { depth--; }
    }
    return deepest;
  }

  // After JSON.parse succeeded: the first key found twice in one object. (JSON.parse
  // itself keeps the last of two keys silently.)
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

  // JSON read strictly, as parse_strict in Rust: { value } or { code, detail } where code is
  // too-deep (measured first, on the text), not-json (also a number out of range or a lone
  // surrogate) or duplicate-key. Nothing here recurses.
  function parseStrict(text) {
    if (nesting(text) > MAX_DEPTH) { return { code: "too-deep" }; }
    var top;
    try { top = JSON.parse(text); } catch (e) { return { code: "not-json", detail: e.message }; }
    var todo = [top];
    while (todo.length) {
      var v = todo.pop();
      if (typeof v === "number" && !isFinite(v)) { return { code: "not-json", detail: "" }; }
      if (typeof v === "string" && !wellFormed(v)) { return { code: "not-json", detail: "" }; }
      if (v && typeof v === "object") {
        var keys = Object.keys(v);
        for (var i = 0; i < keys.length; i++) {
          if (!wellFormed(keys[i])) { return { code: "not-json", detail: "" }; }
          todo.push(v[keys[i]]);
        }
      }
    }
    var dup = duplicateKey(text);
    if (dup !== null) { return { code: "duplicate-key", key: dup }; }
    return { value: top };
  }

  // Read a file's text: parse, check, normalise. { file, problems, notes }, where each
  // problem and note is { code, message }; file is null when any problem was found.
  function read(text, cat) {
    var out = { file: null, problems: [], notes: [] };
    function problem(code, message) { out.problems.push({ code: code, message: message }); }
    text = stripBom(text);
    var size = utf8Length(text);
    if (size > MAX_FILE) { problem("too-large", say("rule_too_large", { max: MAX_FILE, found: size }, "expected a file of at most " + MAX_FILE + " bytes, found " + size)); return out; }
    var p = parseStrict(text);
    if (p.code === "too-deep") { problem("too-deep", say("rule_too_deep", { max: MAX_DEPTH }, "expected lists and objects nested at most " + MAX_DEPTH + " deep, found deeper")); return out; }
    if (p.code === "not-json") { problem("not-json", say("rule_not_json", { detail: p.detail }, "expected a JSON file, found text that is not JSON (" + (p.detail || "a number out of range or broken text") + ")")); return out; }
    if (p.code === "duplicate-key") { problem("duplicate-key", say("rule_duplicate_key", { key: p.key }, "expected each key once in an object, found " + JSON.stringify(p.key))); return out; }
    var top = p.value;
    if (!isObject(top)) { problem("not-object", say("rule_not_object", { found: kind(top) }, "expected a JSON object, found " + kind(top))); return out; }
    if (top.schema !== SCHEMA) { problem("schema", say("rule_schema", {}, "expected \"schema\": \"" + SCHEMA + "\", found " + (top.schema === undefined ? "no schema" : JSON.stringify(top.schema)))); return out; }
    var v = top.version;
    var whole = typeof v === "number" && isFinite(v) && v % 1 === 0;
    if (whole && v > VERSION) { problem("version-newer", say("rule_version_newer", { found: v }, "expected version " + VERSION + " or older, found version " + v + ": the file was made by a newer doracak")); return out; }
    if (!whole || v < 1) { problem("version", say("rule_version", { max: VERSION }, "expected a whole \"version\" number from 1 to " + VERSION + ", found " + (v === undefined ? "none" : JSON.stringify(v)))); return out; }
    var m = migrate(top);
    var file = check(m.file, cat, out);
    out.notes = m.notes.map(function (n) { return { code: "migrated", message: n }; }).concat(out.notes);
    if (!out.problems.length) { out.file = file; }
    return out;
  }

  // Check every part of the file and build its normalised copy (every field present).
  // The shape of set_aside, the same rule as the command line's (src/assessment/rules/
  // check.rs, set_aside_shape): an object of edition (text), ratings and evidence (objects
  // of objects) and plan (a list of objects naming a criterion), each entry's fields text
  // (a rating or status: text or null), nothing else at its top. null: it holds; else where
  // in the file it fails (a path of the file's own keys, the same in every language) and what
  // was found there, in the handbook's language (kind).
  function setAsideShape(sa) {
    function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
    function at(path, v) { return { at: "set_aside" + path, found: kind(v) }; }
    function key(k) { return "[" + JSON.stringify(k) + "]"; }
    function text(o, k, nullable, path) {
      if (!has(o, k) || isString(o[k]) || (nullable && o[k] === null)) { return null; }
      return at(path + "." + k, o[k]);
    }
    function entries(x, name, fields) {
      if (x === undefined) { return null; }
      if (!isObject(x)) { return at("." + name, x); }
      var ids = Object.keys(x);
      for (var i = 0; i < ids.length; i++) {
        var e = x[ids[i]];
        if (!isObject(e)) { return at("." + name + key(ids[i]), e); }
        for (var j = 0; j < fields.length; j++) { var b = text(e, fields[j][0], fields[j][1], "." + name + key(ids[i])); if (b) { return b; } }
      }
      return null;
    }
    if (!isObject(sa)) { return at("", sa); }
    var keys = Object.keys(sa);
    for (var k = 0; k < keys.length; k++) { if (["edition", "ratings", "evidence", "plan"].indexOf(keys[k]) < 0) { return at("." + keys[k], sa[keys[k]]); } }
    var bad = text(sa, "edition", false, "") ||
      entries(has(sa, "ratings") ? sa.ratings : undefined, "ratings", [["rating", true], ["note", false]]) ||
      entries(has(sa, "evidence") ? sa.evidence : undefined, "evidence", [["status", true], ["location", false], ["owner", false], ["reviewed", false], ["next_review", false]]);
    if (bad) { return bad; }
    if (!has(sa, "plan")) { return null; }
    if (!Array.isArray(sa.plan)) { return at(".plan", sa.plan); }
    for (var r = 0; r < sa.plan.length; r++) {
      var row = sa.plan[r], path = ".plan[" + r + "]";
      if (!isObject(row)) { return at(path, row); }
      if (!isString(row.criterion) || !has(row, "criterion")) { return at(path + ".criterion", row.criterion); }
      var fs = ["action", "owner", "due", "indicator", "cost"];
      for (var f = 0; f < fs.length; f++) { var b2 = text(row, fs[f], false, path); if (b2) { return b2; } }
    }
    return null;
  }

  function check(top, cat, out) {
    function problem(code, message) { out.problems.push({ code: code, message: message }); }
    function note(code, message) { out.notes.push({ code: code, message: message }); }
    function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
    function absent(o, k) { return !has(o, k) || o[k] === null; }
    function object(v, what, present) {
      if (!present || v === null) { return null; }
      if (isObject(v)) { return v; }
      problem("type", say("rule_type_object", { what: what, found: kind(v) }, what + ": expected an object, found " + kind(v)));
      return null;
    }
    function text(o, k, max, what) {
      if (absent(o, k)) { return ""; }
      var s = o[k];
      if (!isString(s)) { problem("type", say("rule_type_text", { what: what, key: k, found: kind(s) }, what + ": expected " + k + " as text, found " + kind(s))); return ""; }
      var n = length(s);
      if (n > max) { problem("too-long", say("rule_too_long", { what: what, key: k, max: max, found: n }, what + ": expected " + k + " of at most " + max + " characters, found " + n)); }
      return s;
    }
    function date(o, k, time, what) {
      var s = text(o, k, 40, what);
      if (s && !(time ? isTimestamp(s) : isDate(s))) { problem("date", say(time ? "rule_timestamp" : "rule_date", { what: what, key: k, found: s }, what + ": expected " + k + " as " + (time ? "a date YYYY-MM-DD or a date and time YYYY-MM-DDThh:mm:ssZ" : "a date YYYY-MM-DD") + ", found \"" + s + "\"")); }
      return s;
    }
    function code(o, k, allowed, pcode, what) {
      if (absent(o, k)) { return null; }
      var s = o[k];
      if (!isString(s)) { problem("type", say("rule_type_text", { what: what, key: k, found: kind(s) }, what + ": expected " + k + " as text, found " + kind(s))); return null; }
      if (allowed.indexOf(s) < 0) { problem(pcode, say("rule_code", { what: what, key: k, allowed: allowed.join((window.DORACAK_UI || {}).list_separator || ", "), found: s }, what + ": expected " + k + " of " + allowed.join(", ") + ", found \"" + s + "\"")); return null; }
      return s;
    }
    function known(o, fields, what) {
      Object.keys(o).forEach(function (k) { if (fields.indexOf(k) < 0) { note("unknown-field", say("rule_unknown_field", { what: what, key: k }, what + ": the field \"" + k + "\" is not part of the format and is left out")); } });
    }
    function id(x, what) {
      if (!isId(x)) { problem("id", say("rule_id", { what: what, max: MAX_ID, found: x }, what + ": expected an id of 1 to " + MAX_ID + " letters, digits, dots, dashes or underscores, found \"" + x + "\"")); }
    }
    known(top, ["schema", "version", "handbook", "assessment", "ratings", "evidence", "plan", "set_aside"], say("rule_what_file", {}, "the file"));
    var file = { schema: SCHEMA, version: VERSION, handbook: { title: "", catalog: "" }, assessment: { name: "", centre: "", created: "", updated: "" }, ratings: {}, evidence: {}, plan: [] };
    var h = object(top.handbook, "handbook", has(top, "handbook"));
    if (h) {
      known(h, ["title", "catalog", "edition"], "handbook");
      file.handbook = { title: text(h, "title", MAX_TEXT, "handbook"), catalog: text(h, "catalog", MAX_TEXT, "handbook") };
      var edition = text(h, "edition", MAX_TEXT, "handbook");
      if (edition) { file.handbook.edition = edition; }
    }
    var a = object(top.assessment, "assessment", has(top, "assessment"));
    if (a) {
      known(a, ["name", "centre", "created", "updated"], "assessment");
      var name = text(a, "name", MAX_NAME, "assessment");
      if (!trim(name) && (absent(a, "name") || isString(a.name))) { problem("name", say("rule_name", {}, "expected the assessment's name, found none")); }
      file.assessment = { name: name, centre: text(a, "centre", MAX_NAME, "assessment"), created: date(a, "created", true, "assessment"), updated: date(a, "updated", true, "assessment") };
    } else if (absent(top, "assessment")) { problem("name", say("rule_name", {}, "expected the assessment's name, found none")); }

    var ix = index(cat);
    var codes = cat.scale.map(function (r) { return r.code; });
    var ratings = object(top.ratings, "ratings", has(top, "ratings"));
    if (ratings) {
      Object.keys(ratings).forEach(function (k) {
        var what = say("rule_what_criterion", { id: k }, "criterion " + k);
        id(k, what);
        var r = ratings[k];
        if (r === null) { problem("type", say("rule_type_object", { what: what, found: kind(null) }, what + ": expected an object, found null")); return; }
        r = object(r, what, true);
        if (!r) { return; }
        known(r, ["rating", "note"], what);
        var entry = { rating: code(r, "rating", codes, "rating", what), note: text(r, "note", MAX_TEXT, what) };
        if (!ix.criteria[k]) { note("unknown-id", say("rule_unknown_criterion", { id: k }, "the handbook has no criterion " + k + "; its rating is kept but not scored")); }
        if (isId(k)) { file.ratings[k] = entry; }
      });
    }
    var ev = object(top.evidence, "evidence", has(top, "evidence"));
    if (ev) {
      Object.keys(ev).forEach(function (k) {
        var what = say("rule_what_evidence", { id: k }, "evidence " + k);
        id(k, what);
        var e = ev[k];
        if (e === null) { problem("type", say("rule_type_object", { what: what, found: kind(null) }, what + ": expected an object, found null")); return; }
        e = object(e, what, true);
        if (!e) { return; }
        known(e, ["status", "location", "owner", "reviewed", "next_review"], what);
        var entry = { status: code(e, "status", STATUS, "status", what), location: text(e, "location", MAX_TEXT, what), owner: text(e, "owner", MAX_TEXT, what), reviewed: date(e, "reviewed", false, what), next_review: date(e, "next_review", false, what) };
        if (!ix.evidence[k]) { note("unknown-id", say("rule_unknown_evidence", { id: k }, "the handbook has no evidence item " + k + "; its entry is kept")); }
        if (isId(k)) { file.evidence[k] = entry; }
      });
    }
    if (!absent(top, "plan")) {
      if (!Array.isArray(top.plan)) { problem("type", say("rule_type_list", { what: say("rule_what_plan", {}, "plan"), found: kind(top.plan) }, "plan: expected a list, found " + kind(top.plan))); }
      else {
        var seen = Object.create(null);
        top.plan.forEach(function (p, i) {
          var what = say("rule_what_plan_row", { n: i + 1 }, "plan row " + (i + 1));
          if (!isObject(p)) { problem("type", what + ": expected an object, found " + kind(p)); return; }
          known(p, ["criterion", "action", "owner", "due", "indicator", "cost"], what);
          var crit = "";
          if (isString(p.criterion)) { id(p.criterion, what); crit = p.criterion; }
          else { problem("type", say("rule_type_criterion", { what: what, found: has(p, "criterion") ? kind(p.criterion) : kind(undefined) }, what + ": expected the criterion's id as text, found " + (has(p, "criterion") ? kind(p.criterion) : "none"))); }
          if (crit && Object.prototype.hasOwnProperty.call(seen, crit)) { problem("duplicate-plan", say("rule_duplicate_plan", { what: what, id: crit }, what + ": expected one plan row per criterion, found " + crit + " again")); }
          if (crit) { seen[crit] = true; }
          if (crit && !ix.criteria[crit]) { note("unknown-id", say("rule_unknown_plan_criterion", { what: what, id: crit }, what + ": the handbook has no criterion " + crit)); }
          file.plan.push({ criterion: crit, action: text(p, "action", MAX_TEXT, what), owner: text(p, "owner", MAX_TEXT, what), due: date(p, "due", false, what), indicator: text(p, "indicator", MAX_TEXT, what), cost: text(p, "cost", MAX_TEXT, what) });
        });
      }
    }
    // Entries of a previous edition that map to nothing in this one (written by carrying a
    // file over, assessment-editions.js): kept as they are, never scored.
    if (!absent(top, "set_aside") && top.set_aside !== null) {
      var sa = top.set_aside;
      var bad = setAsideShape(sa);
      if (bad === null) {
        file.set_aside = { ratings: sa.ratings || {}, evidence: sa.evidence || {}, plan: sa.plan || [] };
        if (isString(sa.edition) && sa.edition) { file.set_aside.edition = sa.edition; }
      } else { problem("type", say("rule_set_aside", bad, "set_aside: expected the entries of a previous edition (ratings, evidence, plan), found " + bad.found + " at " + bad.at)); }
    }
    return file;
  }

  // A value typed into a field of the pages, checked by the file's rules as it is typed: null
  // when it passes, else the reason, shown beside the field (the last valid value is kept).
  var FIELD_MAX = { name: MAX_NAME, centre: MAX_NAME };
  var FIELD_DATE = { reviewed: true, next_review: true, due: true };
  function fieldProblem(field, value) {
    if (FIELD_DATE[field]) {
      return value && !isDate(value) ? say("field_date", { found: value }, "\"" + value + "\" is not a date that exists (YYYY-MM-DD); the last valid date is kept.") : null;
    }
    if (field === "name" && !trim(value)) { return say("field_name", {}, "The assessment needs a name; the last name is kept."); }
    var max = FIELD_MAX[field] || MAX_TEXT, n = length(value);
    return n > max ? say("field_too_long", { max: max, found: n }, "At most " + max + " characters; this has " + n + ". The last valid text is kept.") : null;
  }

  // The text of an imported file's bytes, as src/text.rs `decode_text`: UTF-8, or UTF-16
  // (little- or big-endian) after a UTF-16 byte-order mark, what Windows PowerShell 5's `>`
  // writes. ignoreBOM: the decoder keeps the mark, and `read` strips one, as Rust does.
  // { text } or, when the bytes are not text, { text: null, utf16 }.
  function decodeBytes(buf) {
    var b = new Uint8Array(buf), enc = "utf-8";
    if (b.length >= 2 && b[0] === 0xFF && b[1] === 0xFE) { enc = "utf-16le"; }
    else if (b.length >= 2 && b[0] === 0xFE && b[1] === 0xFF) { enc = "utf-16be"; }
    try { return { text: new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(b) }; }
    catch (e) { return { text: null, utf16: enc !== "utf-8" }; }
  }

  // Read a file's bytes (an ArrayBuffer): text (`decodeBytes`) or refused, then as `read`.
  function readBytes(buf, cat) {
    var d = decodeBytes(buf);
    if (d.text === null && d.utf16) { return { file: null, problems: [{ code: "not-utf16", message: say("rule_not_utf16", {}, "expected UTF-16 text after the UTF-16 byte-order mark, found bytes that are not") }], notes: [] }; }
    if (d.text === null) { return { file: null, problems: [{ code: "not-utf8", message: "expected a text file in UTF-8, found bytes that are not" }], notes: [] }; }
    return read(d.text, cat);
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

  // A CSV cell, as the Rust CSV writer makes it: a cell a spreadsheet would take for a
  // formula (starting with = + - @, a tab or a carriage return) gets a ' first (OWASP), and a
  // cell with a comma, semicolon, quote or line break is quoted — in a file whose fields
  // part with ";" (`sep`), a comma is the decimal mark and needs no quotes.
  function csvField(v, sep) {
    v = v === undefined || v === null ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(v)) { v = "'" + v; }
    var quote = sep === ";" ? /[";\r\n]/ : /[",\r\n;]/;
    return quote.test(v) ? "\"" + v.replace(/"/g, "\"\"") + "\"" : v;
  }

  // The CSV's field separator: ";" where the pack writes a decimal comma, as a spreadsheet
  // set to that language expects (the Rust twin: report::csv_format).
  function csvSeparator() { return UI.number_decimal === "," ? ";" : ","; }

  // The assessment as CSV (RFC 4180, UTF-8 with a byte-order mark for spreadsheets):
  // one row per criterion, evidence item and plan row.
  function toCSV(obj, cat) {
    // Column names and row kinds from the locale pack (docs/assessment-format.md).
    var head = ["kind", "id", "standard", "number", "text", "rating", "points", "notes", "status", "location", "owner", "reviewed", "next_review", "action", "due", "indicator", "cost"].map(function (k) { return UI["csv_" + k] || k; });
    var KIND = { criterion: UI.csv_row_criterion || "criterion", evidence: UI.csv_row_evidence || "evidence", plan: UI.csv_row_plan || "plan" };
    var sep = csvSeparator();
    var field = function (v) { return csvField(v, sep); };
    var lines = [head.map(field).join(sep)];
    var pts = {};
    cat.scale.forEach(function (r) { pts[r.code] = r.points; });
    function row(cells) { lines.push(cells.map(field).join(sep)); }
    cat.standards.forEach(function (s) {
      s.criteria.forEach(function (c) {
        var r = obj.ratings[c.id] || {};
        row([KIND.criterion, c.id, s.number, say("sub_number", { standard: s.number, number: c.number }, s.number + "." + c.number), c.text, r.rating ? label(cat, r.rating) : "", r.rating && pts[r.rating] !== null && pts[r.rating] !== undefined ? pts[r.rating] : "", r.note || "", "", "", "", "", "", "", "", "", ""]);
        c.evidence.forEach(function (e) {
          var x = obj.evidence[e.id] || {};
          row([KIND.evidence, e.id, s.number, e.number, e.text, "", "", "", x.status ? (UI["status_" + x.status] || x.status) : "", x.location || "", x.owner || "", x.reviewed || "", x.next_review || "", "", "", "", ""]);
        });
      });
    });
    planRows(obj, cat).forEach(function (p) {
      var e = p.entry;
      row([KIND.plan, p.criterion.id, p.standard.number, say("sub_number", { standard: p.standard.number, number: p.criterion.number }, p.standard.number + "." + p.criterion.number), p.criterion.text, label(cat, p.rating), "", "", "", "", e.owner || "", "", "", e.action || "", e.due || "", e.indicator || "", e.cost || ""]);
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  // Evidence gaps, the rule of src/assessment/gaps.rs (report, aggregate, tracker): under a
  // criterion rated and applicable, an item missing, partial or past its review date is a
  // gap; one left unmarked there is counted apart; other criteria's evidence is no gap.
  function evidenceGaps(obj, cat, day) {
    var pts = {}, out = { gaps: [], unmarked: 0 };
    cat.scale.forEach(function (r) { pts[r.code] = r.points; });
    cat.standards.forEach(function (s) {
      s.criteria.forEach(function (c) {
        var r = obj.ratings[c.id] && obj.ratings[c.id].rating;
        if (!r || pts[r] === null || pts[r] === undefined) { return; }
        c.evidence.forEach(function (e) {
          var x = obj.evidence[e.id] || {}, status = x.status || null, overdue = isOverdue(x, day);
          if (!status && !overdue) { out.unmarked++; }
          else if (status !== "present" || overdue) { out.gaps.push({ evidence: e.id, status: status, overdue: overdue }); }
        });
      });
    });
    return out;
  }

  // ---- a centre's identity: the rule of src/centres.rs, step for step ---------------------
  // Declared centres (DORACAK_CATALOG.centres, from [[centres]] in doracak.toml) are found by
  // their id or by their name normalised (trimmed, runs of white space as one space, case and
  // diacritics folded); an undeclared centre is known by its normalised name and shown with
  // the first spelling met; an assessment without a centre stands alone under its own name.
  var WS = "[\\u0009-\\u000d \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
  var WS_ENDS = new RegExp("^" + WS + "+|" + WS + "+$", "g"), WS_RUN = new RegExp(WS + "+", "g");
  var FOLD = { "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i" };
  function normaliseCentre(name) {
    var d = String(name).normalize("NFKD").replace(/\p{M}/gu, ""), out = "";
    for (var ch of d) { out += Object.prototype.hasOwnProperty.call(FOLD, ch) ? FOLD[ch] : ch; }
    return out.toLowerCase().replace(WS_ENDS, "").replace(WS_RUN, " ");
  }
  // `seen` (an object, shared over one list of assessments, in the order they are met)
  // remembers the first spelling of each undeclared centre.
  function centreOf(cat, a, seen) {
    var typed = String(a.centre || "").replace(WS_ENDS, "");
    if (!typed) { return { key: "=" + a.name, name: a.name, id: null }; }
    var folded = normaliseCentre(typed), declared = cat.centres || [], c = null, i;
    for (i = 0; i < declared.length && !c; i++) { if (declared[i].id === typed) { c = declared[i]; } }
    for (i = 0; i < declared.length && !c; i++) { if (normaliseCentre(declared[i].name) === folded) { c = declared[i]; } }
    if (c) { return { key: c.id, name: c.name, id: c.id }; }
    var key = "~" + folded;
    seen = seen || {};
    if (!Object.prototype.hasOwnProperty.call(seen, key)) { seen[key] = typed; }
    return { key: key, name: seen[key], id: null };
  }
  // Whether two assessments are of different centres (both named), as `report --since` says.
  function otherCentre(cat, a, b) {
    if (!String(a.centre || "").replace(WS_ENDS, "") || !String(b.centre || "").replace(WS_ENDS, "")) { return false; }
    var seen = {};
    return centreOf(cat, a, seen).key !== centreOf(cat, b, seen).key;
  }

  function isOverdue(entry, day) { return !!(entry && entry.next_review && entry.next_review < (day || today())); }

  var D = window.Doracak = window.Doracak || {};
  D.assessment = {
    SCHEMA: SCHEMA, VERSION: VERSION, STORE: STORE, STATUS: STATUS, MIGRATIONS: MIGRATIONS,
    LIMITS: { file: MAX_FILE, depth: MAX_DEPTH, name: MAX_NAME, id: MAX_ID, text: MAX_TEXT },
    nowIso: nowIso, today: today, isObject: isObject, index: index, label: label,
    emptyAssessment: emptyAssessment, migrate: migrate, check: check, read: read, readBytes: readBytes, decodeBytes: decodeBytes,
    isDate: isDate, isTimestamp: isTimestamp, stripBom: stripBom, length: length, utf8Length: utf8Length,
    trim: trim, isWhole: isWhole, nesting: nesting, parseStrict: parseStrict, say: say, scores: scores, planRows: planRows, toCSV: toCSV,
    isOverdue: isOverdue, notFullyMet: notFullyMet, normaliseCentre: normaliseCentre, evidenceGaps: evidenceGaps, centreOf: centreOf, otherCentre: otherCentre, csvField: csvField, fieldProblem: fieldProblem
  };
})();
