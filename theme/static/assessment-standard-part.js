// doracak self-assessment, a standard's page above the split size (written only there): the
// page holds its heading, its bar and an empty form; this draws the form's criteria from the
// standard's catalogue file (vleresim/catalog/S1.js, loaded before this by a <script> tag,
// which works from file://) as the page's template writes them below the split size: for
// each criterion its number, its text, the link to the standard's page and the place of its
// rating; its guidance, its note, and each evidence item with the place of its fields
// (assessment.js copies the rating and the fields in from their templates). A text the
// catalogue cannot show as printed (marks, lists, abbreviations) is in the page, in
// <template data-drawn-html>, keyed by place (c2, c2e1, c2g1), read once. The page draws
// only from a file whose mark (assessment::catalog_part_mark, over every text's kind, id,
// number and text) is the page's data-drawn-mark; a missing, cut, older or edited file, or
// a catalogue that did not fill it, draws nothing and shows the page's data-drawn-failed
// line, which links the standard's page. Runs while the page is parsed, before
// assessment.js: a link to a criterion (S1.html#S1.3) finds it.
(function () {
  "use strict";
  var form = document.querySelector("form[data-drawn-criteria]");
  if (!form) { return; }
  function failed() {
    var say = document.querySelector("[data-drawn-failed]");
    if (say) { say.hidden = false; }
  }
  // FNV-1a over the UTF-16 units of each field and a NUL after it, as catalog_part_mark.
  function mark(s) {
    var h = 2166136261;
    function put(field) {
      var t = String(field);
      for (var i = 0; i <= t.length; i++) { h ^= i < t.length ? t.charCodeAt(i) : 0; h = Math.imul(h, 16777619) >>> 0; }
    }
    s.criteria.forEach(function (c) {
      ["c", c.id, c.number, c.text].forEach(put);
      c.evidence.forEach(function (e) { ["e", e.id, e.number, e.text].forEach(put); });
      (c.guidance || []).forEach(function (g) { ["g", g.id, g.number == null ? "" : g.number, g.text].forEach(put); });
    });
    return h.toString(16);
  }
  try {
    if (!draw()) { failed(); }
  } catch (e) {
    failed();
  }

  function draw() {
    var CAT = window.DORACAK_CATALOG, SAY = window.DORACAK_SAY, PAIR = window.DORACAK_PAIR, UI = window.DORACAK_UI || {};
    if (!CAT || !Array.isArray(CAT.standards) || !SAY || !PAIR) { return false; }
    var id = form.getAttribute("data-assess-standard"), page = form.getAttribute("data-standard-page");
    var s = CAT.standards.filter(function (x) { return x.id === id; })[0];
    if (!s || !Array.isArray(s.criteria) || !s.criteria.length || mark(s) !== form.getAttribute("data-drawn-mark")) { return false; }
    var kept = {};
    Array.prototype.forEach.call(form.querySelectorAll("template[data-drawn-html]"), function (t) {
      kept[t.getAttribute("data-drawn-html")] = t;
    });

    function el(tag, cls, text) {
      var e = document.createElement(tag);
      if (cls) { e.className = cls; }
      if (text !== undefined) { e.textContent = text; }
      return e;
    }
    function add(parent) {
      for (var i = 1; i < arguments.length; i++) {
        var c = arguments[i];
        parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
      }
      return parent;
    }
    // The text as the page prints it: its paragraph, or its HTML kept in the page at `place`.
    function text(into, x, place) {
      var html = Object.prototype.hasOwnProperty.call(kept, place) ? kept[place] : null;
      if (html) { into.appendChild(html.content.cloneNode(true)); }
      else { into.appendChild(el("p", null, x.text)); }
      return into;
    }
    function details(cls, label, items, each) {
      var d = el("details", cls);
      d.appendChild(el("summary", null, SAY("heading_count", { label: label, count: items.length })));
      items.forEach(function (x, k) { d.appendChild(each(x, k + 1)); });
      return d;
    }

    var all = document.createDocumentFragment();
    s.criteria.forEach(function (c, j) {
      var at = "c" + (j + 1), num = s.number + "." + c.number;
      var sec = el("section", "assess-criterion");
      sec.id = c.id;
      sec.setAttribute("data-criterion", c.id);
      var fs = el("fieldset", "rating"), legend = el("legend");
      legend.appendChild(el("span", "c-label", SAY("criterion_number", { number: num })));
      var link = el("a", null, UI.assess_criterion_in_standard || "");
      link.href = page + "#" + c.id;
      var rating = el("div", "rating-options");
      rating.setAttribute("role", "radiogroup");
      rating.setAttribute("aria-label", SAY("assess_rating_of_number", { number: num }));
      rating.setAttribute("data-rating-for", c.id);
      add(fs, legend, text(el("div", "prose"), c, at), add(el("p", "c-source"), link), rating);
      sec.appendChild(fs);
      var guidance = c.guidance || [];
      if (guidance.length) {
        sec.appendChild(details("guidance-details", UI.assess_guidance_of || "", guidance, function (g, k) {
          var box = el("div", "guidance");
          if (g.number) { add(box, el("span", "num", SAY("sub_number", { standard: s.number, number: g.number })), " "); }
          return add(box, text(el("div", "prose"), g, at + "g" + k));
        }));
      }
      var note = el("textarea");
      note.rows = 2;
      note.setAttribute("data-field", "note");
      sec.appendChild(add(el("label", "note-label"), (UI.assess_note || "") + " ", note));
      if (c.evidence.length) {
        sec.appendChild(details("ev-details", UI.assess_evidence_of || "", c.evidence, function (e, k) {
          var item = el("div", "ev-item"), fields = el("div", "ev-fields");
          item.id = e.id;
          fields.setAttribute("data-evidence", e.id);
          fields.setAttribute("data-ev-legend", PAIR(SAY("evidence_number", { number: s.number + "." + e.number }), UI.ev_status || ""));
          return add(item, text(add(el("div", "prose"), el("strong", null, SAY("sub_number", { standard: s.number, number: e.number })), " "), e, at + "e" + k), fields);
        }));
      }
      all.appendChild(sec);
    });
    form.appendChild(all);
    return true;
  }
})();
