// doracak self-assessment, editions: an assessment made on the previous edition of the
// handbook (its catalogue hash says so) is mapped to this one with the mapping table the
// build wrote (editions.js in the assessment folder, window.DORACAK_EDITIONS), exactly as `doracak report`
// maps it (src/edition/carry.rs): ratings of unchanged criteria kept; criteria that changed
// keep their rating, flagged "re-rate"; ratings of removed criteria stay in the file under
// their old id, not scored, listed apart; new criteria unrated. Doracak.editions.
(function () {
  "use strict";
  var D = window.Doracak = window.Doracak || {};
  var script = document.currentScript;
  var changesPage = script ? script.getAttribute("data-changes") : null;

  function applies(m, file) {
    return !!(m && file && file.handbook && file.handbook.catalog &&
      file.handbook.catalog === m.previous && m.previous !== m.current);
  }

  // Map `file` in place; returns { kept, rerate: [[old, new]], removed, unknown, new }.
  // Entries of removed criteria and of ids the previous edition never had are moved to
  // file.set_aside, never onto a criterion of this edition bearing the same id.
  function carry(m, file) {
    var out = { kept: [], rerate: [], removed: [], unknown: [], "new": m["new"].slice() };
    var aside = file.set_aside || { ratings: {}, evidence: {}, plan: [] };
    aside.ratings = aside.ratings || {}; aside.evidence = aside.evidence || {}; aside.plan = aside.plan || [];
    if (!aside.edition && (file.handbook.edition || m.previous_edition)) { aside.edition = file.handbook.edition || m.previous_edition; }
    function list(c, id) { var l = c ? out.removed : out.unknown; if (l.indexOf(id) < 0) { l.push(id); } }
    var ratings = {};
    Object.keys(file.ratings).forEach(function (id) {
      var entry = file.ratings[id];
      var rated = entry.rating != null || !!entry.note;
      var c = Object.prototype.hasOwnProperty.call(m.criteria, id) ? m.criteria[id] : null;
      if (c && c.state !== "removed" && c.to) {
        if (rated) { if (c.state === "rerate") { out.rerate.push([id, c.to]); } else { out.kept.push(c.to); } }
        ratings[c.to] = entry;
      } else {
        list(c, id);
        aside.ratings[id] = entry;
      }
    });
    file.ratings = ratings;
    var evidence = {};
    Object.keys(file.evidence).forEach(function (id) {
      var to = Object.prototype.hasOwnProperty.call(m.evidence, id) ? m.evidence[id] : null;
      if (to) { evidence[to] = file.evidence[id]; } else { aside.evidence[id] = file.evidence[id]; }
    });
    file.evidence = evidence;
    var plan = [];
    file.plan.forEach(function (row) {
      var c = Object.prototype.hasOwnProperty.call(m.criteria, row.criterion) ? m.criteria[row.criterion] : null;
      if (c && c.state !== "removed" && c.to) { row.criterion = c.to; plan.push(row); } else { list(c, row.criterion); aside.plan.push(row); }
    });
    file.plan = plan;
    if (Object.keys(aside.ratings).length || Object.keys(aside.evidence).length || aside.plan.length) { file.set_aside = aside; }
    function byCode(a, b) { var x = String(a), y = String(b); return x < y ? -1 : x > y ? 1 : 0; }
    out.kept.sort(byCode); out.rerate.sort(byCode); out.removed.sort(byCode); out.unknown.sort(byCode);
    file.handbook.catalog = m.current;
    if (m.current_edition) { file.handbook.edition = m.current_edition; } else { delete file.handbook.edition; }
    return out;
  }

  // The table's entries checked against this edition's catalogue, as the command line checks
  // them (src/edition/table.rs): every target an id this edition has, none given twice.
  // Returns the sentences that say what is wrong (none: the table can serve).
  function check(m, cat) {
    var say = window.DORACAK_SAY;
    var crit = {}, ev = {}, whole = !!(cat && cat.standards && cat.standards.every(function (s) { return Array.isArray(s.criteria); }));
    if (whole) {
      cat.standards.forEach(function (s) { s.criteria.forEach(function (c) { crit[c.id] = true; (c.evidence || []).forEach(function (e) { ev[e.id] = true; }); }); });
    }
    var out = [];
    function targets(map, known, to) {
      var taken = {};
      Object.keys(map).sort().forEach(function (id) {
        var c = map[id], t = to(c);
        if (t === undefined) { return; }
        if (t === null || typeof t !== "string") { out.push(say("carry_table_missing", { id: id, to: String(t) })); return; }
        if (whole && !known[t]) { out.push(say("carry_table_missing", { id: id, to: t })); return; }
        if (Object.prototype.hasOwnProperty.call(taken, t)) { out.push(say("carry_table_twice", { id: id, to: t, other: taken[t] })); return; }
        taken[t] = id;
      });
    }
    targets(m.criteria || {}, crit, function (c) {
      if (!c || (c.state === "removed" && c.to == null)) { return undefined; }
      return c.state === "kept" || c.state === "rerate" ? (c.to == null ? null : c.to) : null;
    });
    targets(m.evidence || {}, ev, function (t) { return t == null ? undefined : t; });
    return out;
  }

  // Where the difference of a criterion of this edition is shown, if anywhere.
  function changeLink(m, newId) {
    if (!changesPage) { return null; }
    var keys = Object.keys(m.criteria);
    for (var i = 0; i < keys.length; i++) {
      var c = m.criteria[keys[i]];
      if (c.to === newId && c.change) { return changesPage + "#" + c.change; }
    }
    return null;
  }

  D.editions = { applies: applies, carry: carry, check: check, changeLink: changeLink, mapping: window.DORACAK_EDITIONS || null };
})();
