// doracak self-assessment: what a file holds set aside. An assessment carried over from the
// previous edition and saved keeps, in file.set_aside, the ratings, notes and plan rows of
// criteria this edition does not have; they are never scored and never dropped unsaid. The
// overview and the printout list them as `doracak report` lists them (src/commands/diff.rs,
// aside_view): one row per criterion, in the order of the ids, with its number and text
// where the site's table of editions shows them, else its id. Doracak.aside.
(function () {
  "use strict";
  var D = window.Doracak = window.Doracak || {};
  var UI = window.DORACAK_UI || {};

  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) { e.className = cls; } if (text !== undefined) { e.textContent = text; } return e; }
  function byCode(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  // The criteria ids the entries set aside are for (a rating, a note or a plan row), each once.
  function ids(aside) {
    var seen = {}, out = [];
    Object.keys(aside.ratings || {}).concat((aside.plan || []).map(function (p) { return String(p.criterion); })).forEach(function (id) {
      if (!Object.prototype.hasOwnProperty.call(seen, id)) { seen[id] = true; out.push(id); }
    });
    return out.sort(byCode);
  }

  // What the table shows of a criterion of the previous edition, where the table is this
  // edition's (as the command line reads it).
  function shown(id) {
    var m = window.DORACAK_EDITIONS, cat = window.DORACAK_CATALOG;
    if (!m || !cat || m.current !== cat.catalog || !m.criteria) { return null; }
    var c = Object.prototype.hasOwnProperty.call(m.criteria, id) ? m.criteria[id] : null;
    return c && c.shown ? c.shown : null;
  }

  // A code the scale does not have is said as it is, never dropped.
  function ratingLabel(code) {
    var scale = (window.DORACAK_CATALOG && window.DORACAK_CATALOG.scale) || [];
    for (var i = 0; i < scale.length; i++) { if (scale[i].code === code) { return scale[i].label; } }
    return String(code);
  }

  // One row, as the report's: number, text, " — rating: note", the plan rows.
  function row(aside, id) {
    var x = shown(id), r = (aside.ratings || {})[id] || {};
    var li = el("li");
    li.setAttribute("data-criterion", id);
    li.appendChild(el("strong", null, x ? x.number : id));
    li.appendChild(document.createTextNode(" " + (x ? x.text : "")));
    var rating = r.rating != null ? ratingLabel(r.rating) : "";
    if (rating || r.note) { li.appendChild(document.createTextNode(window.DORACAK_SAY("aside_what", { what: r.note && rating ? window.DORACAK_PAIR(rating, r.note) : r.note || rating }))); }
    var rows = (aside.plan || []).filter(function (p) { return p.criterion === id; });
    if (rows.length) {
      var pl = el("ul", "carry-plan");
      rows.forEach(function (p) { pl.appendChild(el("li", null, window.DORACAK_PAIR(UI.carry_plan_row || "", p.action))); });
      li.appendChild(pl);
    }
    return li;
  }

  // Draw what `rec` (the current assessment, or none) holds set aside into every
  // [data-set-aside] box; a box with nothing to list is hidden.
  function render(rec) {
    var aside = rec && rec.data && rec.data.set_aside;
    var list = aside ? ids(aside) : [];
    Array.prototype.forEach.call(document.querySelectorAll("[data-set-aside]"), function (box) {
      box.textContent = "";
      box.hidden = !list.length;
      if (!list.length) { return; }
      var old = aside.edition || UI.diff_unnamed || "";
      box.appendChild(el("h2", null, window.DORACAK_SAY("aside_title", { old: old })));
      box.appendChild(el("p", null, UI.aside_intro || ""));
      box.appendChild(el("h3", null, window.DORACAK_SAY("heading_count", { label: UI.carry_aside || "", count: list.length })));
      var ul = el("ul", "carry-list");
      ul.setAttribute("data-carry", "aside");
      list.forEach(function (id) { ul.appendChild(row(aside, id)); });
      box.appendChild(ul);
    });
  }

  D.aside = { render: render, ids: ids, row: row };
})();
