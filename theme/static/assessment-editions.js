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

  // Map `file` in place; returns { kept, rerate: [[old, new]], removed, new }.
  function carry(m, file) {
    var out = { kept: [], rerate: [], removed: [], "new": m["new"].slice() };
    var ratings = {};
    Object.keys(file.ratings).forEach(function (id) {
      var entry = file.ratings[id];
      var rated = entry.rating != null || !!entry.note;
      var c = m.criteria[id];
      if (c && c.state !== "removed") {
        var to = c.to || id;
        if (rated) { if (c.state === "rerate") { out.rerate.push([id, to]); } else { out.kept.push(to); } }
        ratings[to] = entry;
      } else {
        if (c && rated) { out.removed.push(id); }
        ratings[id] = entry;
      }
    });
    file.ratings = ratings;
    var evidence = {};
    Object.keys(file.evidence).forEach(function (id) {
      var to = m.evidence[id];
      evidence[to ? to : id] = file.evidence[id];
    });
    file.evidence = evidence;
    file.plan.forEach(function (row) {
      var c = m.criteria[row.criterion];
      if (c && c.to) { row.criterion = c.to; }
    });
    function byCode(a, b) { var x = String(a), y = String(b); return x < y ? -1 : x > y ? 1 : 0; }
    out.kept.sort(byCode); out.rerate.sort(byCode); out.removed.sort(byCode);
    file.handbook.catalog = m.current;
    if (m.current_edition) { file.handbook.edition = m.current_edition; } else { delete file.handbook.edition; }
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

  D.editions = { applies: applies, carry: carry, changeLink: changeLink, mapping: window.DORACAK_EDITIONS || null };
})();
