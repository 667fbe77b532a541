// doracak self-assessment, a standard's page above the split size (written only there): the
// page holds its heading, its bar and an empty form; this draws the form's criteria from the
// standard's catalogue file (vleresim/catalog/S1.js, loaded before this by a <script> tag,
// which works from file://) as the page's template writes them below the split size: for
// each criterion its number, its text, the link to the standard's page and the place of its
// rating; its guidance, its note, and each evidence item with the place of its fields
// (assessment.js copies the rating and the fields in from their templates). A text the
// catalogue cannot show as printed (marks, lists, abbreviations) is in the page, in
// <template data-drawn-html>. Runs while the page is parsed, before assessment.js: a link to
// a criterion (S1.html#S1.3) finds it.
(function () {
  "use strict";
  var CAT = window.DORACAK_CATALOG, SAY = window.DORACAK_SAY, PAIR = window.DORACAK_PAIR, UI = window.DORACAK_UI || {};
  var form = document.querySelector("form[data-drawn-criteria]");
  if (!form || !CAT || !Array.isArray(CAT.standards) || !SAY || !PAIR) { return; }
  var id = form.getAttribute("data-assess-standard"), page = form.getAttribute("data-standard-page");
  var s = CAT.standards.filter(function (x) { return x.id === id; })[0];
  if (!s || !Array.isArray(s.criteria)) { return; }

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
  // The text as the page prints it: its paragraph, or its HTML kept in the page.
  function text(into, x) {
    var html = form.querySelector("template[data-drawn-html='" + x.id + "']");
    if (html) { into.appendChild(html.content.cloneNode(true)); }
    else { into.appendChild(el("p", null, x.text)); }
    return into;
  }
  function details(cls, label, items, each) {
    var d = el("details", cls);
    d.appendChild(el("summary", null, SAY("heading_count", { label: label, count: items.length })));
    items.forEach(function (x) { d.appendChild(each(x)); });
    return d;
  }

  var all = document.createDocumentFragment();
  s.criteria.forEach(function (c) {
    var num = s.number + "." + c.number;
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
    add(fs, legend, text(el("div", "prose"), c), add(el("p", "c-source"), link), rating);
    sec.appendChild(fs);
    var guidance = c.guidance || [];
    if (guidance.length) {
      sec.appendChild(details("guidance-details", UI.assess_guidance_of || "", guidance, function (g) {
        var box = el("div", "guidance");
        if (g.number) { add(box, el("span", "num", SAY("sub_number", { standard: s.number, number: g.number })), " "); }
        return add(box, text(el("div", "prose"), g));
      }));
    }
    var note = el("textarea");
    note.rows = 2;
    note.setAttribute("data-field", "note");
    sec.appendChild(add(el("label", "note-label"), (UI.assess_note || "") + " ", note));
    if (c.evidence.length) {
      sec.appendChild(details("ev-details", UI.assess_evidence_of || "", c.evidence, function (e) {
        var item = el("div", "ev-item"), fields = el("div", "ev-fields");
        item.id = e.id;
        fields.setAttribute("data-evidence", e.id);
        fields.setAttribute("data-ev-legend", PAIR(SAY("evidence_number", { number: s.number + "." + e.number }), UI.ev_status || ""));
        return add(item, text(add(el("div", "prose"), el("strong", null, SAY("sub_number", { standard: s.number, number: e.number })), " "), e), fields);
      }));
    }
    all.appendChild(sec);
  });
  form.appendChild(all);
})();
