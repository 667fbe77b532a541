// Printed forms: fill in, print, keep a draft in a file of one's own. Nothing typed here is
// written to any storage (no localStorage, sessionStorage, IndexedDB or cookies).
//
// Fixed pages, honest overflow: every field holds on paper what fits its printed box (the
// box's size in print is fixed, so each page keeps the original's content and page break).
// While typing, a field whose text will not fit its printed box says so beside it; in print
// the box shows what fits, marked "continued on page N", and a continuation sheet, with the
// form's header, serial and page numbers counted with it, carries the rest of the text
// under the field's label. Nothing is cut without a sign.
(function () {
  "use strict";
  var form = document.getElementById("printed-form");
  if (!form) { return; }
  var UI = window.DORACAK_UI || {};
  var MM = 96 / 25.4;                 // CSS px per mm
  var PRINT_WIDTH = 186 * MM;         // A4 less the form's 12 mm side margins
  var PRINT_FONT = 8.5 * 96 / 72;     // 8.5 pt in px
  var LINE = 5.5 * MM;                // a ruled line of a printed text box
  var CELL_LINE = 1.2 * PRINT_FONT;   // a line of text in a table cell
  var SAFETY = 0.96;                  // measure a little narrower than the box

  // A message of the pack (the shared formatter of static/ui.js).
  function say(key, values, fallback) { return window.DORACAK_SAY(key, values, fallback || key); }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function fields() { return form.querySelectorAll("input, textarea"); }
  function textFields() {
    return Array.prototype.filter.call(fields(), function (el) {
      return el.tagName === "TEXTAREA" || (el.type === "text");
    });
  }
  function typed() {
    return Array.prototype.some.call(fields(), function (el) {
      return (el.type === "checkbox" || el.type === "radio") ? el.checked : el.value !== "";
    });
  }

  // --- measuring a text in its printed box ----------------------------------------------
  var meter = document.createElement("div");
  meter.setAttribute("aria-hidden", "true");
  meter.className = "no-print";
  meter.style.cssText = "position:absolute;left:-99999px;top:0;visibility:hidden;white-space:pre-wrap;overflow-wrap:anywhere;font-family:inherit;padding:0;border:0;";
  document.body.appendChild(meter);

  // The field's width on paper: its share of the screen page, of the printed page.
  function printWidth(el) {
    var page = el.closest(".form-page") || form;
    var cs = getComputedStyle(page);
    var inner = page.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    var w = el.getBoundingClientRect().width;
    if (!inner || !w) { return 0; }
    return Math.min(PRINT_WIDTH, w / inner * PRINT_WIDTH) * SAFETY - 4;
  }

  // The printed box of a field: how wide, how many lines, how tall a line.
  function box(el) {
    if (el.tagName === "TEXTAREA") {
      var cell = el.classList.contains("cell");
      return { width: printWidth(el), lines: cell ? 1 : Number(el.getAttribute("rows") || 1), line: cell ? CELL_LINE : LINE, wrap: true };
    }
    return { width: printWidth(el), lines: 1, line: CELL_LINE, wrap: false };
  }

  function fits(text, b) {
    meter.style.width = b.wrap ? b.width + "px" : "auto";
    meter.style.whiteSpace = b.wrap ? "pre-wrap" : "pre";
    meter.style.fontSize = PRINT_FONT + "px";
    meter.style.lineHeight = b.line + "px";
    meter.textContent = text || "\u00a0";
    if (!b.wrap) { return meter.getBoundingClientRect().width <= b.width; }
    return meter.getBoundingClientRect().height <= b.lines * b.line + 0.5;
  }

  // The longest beginning of `text`, cut between words, that fits the box with the mark.
  function split(text, b, mark) {
    if (!b.width || fits(text, b)) { return null; }
    var words = text.split(/(\s+)/);
    var lo = 0, hi = words.length;
    while (lo < hi) {
      var mid = Math.ceil((lo + hi) / 2);
      if (fits(words.slice(0, mid).join("").replace(/\s+$/, "") + " " + mark, b)) { lo = mid; } else { hi = mid - 1; }
    }
    var head = words.slice(0, lo).join("").replace(/\s+$/, "");
    return { head: head, rest: text.slice(head.length).replace(/^\s+/, "") };
  }

  function labelOf(el) {
    if (el.labels && el.labels.length) { return el.labels[0].textContent.trim(); }
    if (el.getAttribute("aria-label")) { return el.getAttribute("aria-label"); }
    var by = el.getAttribute("aria-labelledby");
    if (by) {
      return by.split(" ").map(function (id) { var n = document.getElementById(id); return n ? n.textContent.trim() : ""; }).join(" ");
    }
    return el.id;
  }
  function sectionOf(el) {
    var s = el.closest("section.fs");
    while (s && s.classList.contains("fs-cont")) {
      var prev = document.getElementById(s.id.replace(/-c\d+$/, ""));
      if (!prev || prev === s) { break; }
      s = prev;
    }
    var t = s && s.querySelector(".fs-title");
    return t ? t.textContent.replace(/\s+/g, " ").trim() : "";
  }

  // --- the marks on screen, the print copies and the continuation sheet ------------------
  var pages = Array.prototype.slice.call(form.querySelectorAll(".form-page"));
  var total = pages.length;
  var cont = null;

  function pageOf(text, page, of) {
    var m = /(\d+)(\D+)(\d+)(\D*)$/.exec(text);
    if (m) { return text.slice(0, m.index) + page + m[2] + of + m[4]; }
    return say("form_head_page", { head: text, page: page, total: of }, text + " " + page + "/" + of);
  }

  function setTotals(of) {
    pages.forEach(function (p, i) {
      each(p.querySelectorAll(".fh-rev"), function (r) {
        if (!r.hasAttribute("data-original")) { r.setAttribute("data-original", r.textContent); }
        r.textContent = of === total ? r.getAttribute("data-original") : pageOf(r.getAttribute("data-original"), i + 1, of);
      });
    });
  }

  function mark(el, over) {
    var id = el.id + "-over";
    var note = document.getElementById(id);
    var copy = document.getElementById(el.id + "-print");
    el.classList.toggle("is-over", !!over);
    if (!over) {
      if (note) { note.remove(); }
      if (copy) { copy.remove(); }
      var d = (el.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id; });
      if (d.length) { el.setAttribute("aria-describedby", d.join(" ")); } else { el.removeAttribute("aria-describedby"); }
      return;
    }
    if (!note) {
      note = document.createElement("span");
      note.id = id;
      note.className = "ff-over no-print";
      note.textContent = say("form_overflow_mark", {}, "Does not fit the printed box.");
      el.insertAdjacentElement("afterend", note);
      var ds = (el.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      ds.push(id);
      el.setAttribute("aria-describedby", ds.join(" "));
    }
    if (!copy) {
      copy = document.createElement(el.tagName === "TEXTAREA" ? "div" : "span");
      copy.id = el.id + "-print";
      copy.setAttribute("aria-hidden", "true");
      el.insertAdjacentElement("afterend", copy);
    }
    copy.className = "ff-print " + (el.tagName === "TEXTAREA" ? (el.classList.contains("cell") ? "ff-print-cell" : "ff-print-lines lines-" + el.getAttribute("rows")) : "ff-print-line");
    copy.textContent = over.head + " ";
    var ref = document.createElement("span");
    ref.className = "ff-cont-ref";
    ref.textContent = over.markText;
    copy.appendChild(ref);
  }

  function headCopy() {
    var head = pages[0].querySelector(".form-head").cloneNode(true);
    each(head.querySelectorAll("input"), function (i) {
      var s = document.createElement("span");
      s.className = i.className;
      s.textContent = i.value || i.placeholder || "";
      i.replaceWith(s);
    });
    each(head.querySelectorAll("[id]"), function (n) { n.removeAttribute("id"); });
    each(head.querySelectorAll("label"), function (l) {
      var s = document.createElement("span");
      s.textContent = l.textContent;
      l.replaceWith(s);
    });
    var rev = head.querySelector(".fh-rev");
    if (rev) { rev.removeAttribute("data-original"); }
    return head;
  }

  // The continuation sheets: as many as the overflowing text needs, each with the form's
  // header (serial, "page X of Y" counted with them), the continuation's title, and each
  // text under its field's label; a text longer than a sheet goes on under its label
  // repeated at the top of the next sheet, never split from it.
  var CONT_LINES = Math.floor((277 - 62) / 5.5); // A4 less margins, header and title, in ruled lines
  function lines(text) {
    meter.style.width = PRINT_WIDTH * SAFETY + "px";
    meter.style.whiteSpace = "pre-wrap";
    meter.style.fontSize = PRINT_FONT + "px";
    meter.style.lineHeight = LINE + "px";
    meter.textContent = text || "\u00a0";
    return Math.max(1, Math.round(meter.getBoundingClientRect().height / LINE));
  }
  // The longest beginning of a text without spaces that fills `n` lines.
  function byChars(text, n) {
    var lo = 1, hi = text.length;
    while (lo < hi) {
      var mid = Math.ceil((lo + hi) / 2);
      if (lines(text.slice(0, mid)) <= n) { lo = mid; } else { hi = mid - 1; }
    }
    return text.slice(0, lo);
  }
  function paginate(overflow) {
    var sheets = [[]];
    var room = CONT_LINES;
    overflow.forEach(function (o) {
      var sec = sectionOf(o.el);
      var lab = labelOf(o.el);
      var label = sec && lab.indexOf(sec) < 0 ? say("field_in_section", { section: sec, field: lab }) : lab;
      var cost = lines(label) + 1;
      var text = "\u2026 " + o.rest;
      while (text) {
        if (room < cost + 1 && sheets[sheets.length - 1].length) { sheets.push([]); room = CONT_LINES; }
        room -= cost;
        if (lines(text) <= room) {
          sheets[sheets.length - 1].push({ o: o, label: label, text: text });
          room -= lines(text);
          text = "";
        } else {
          var cut = split(text, { width: PRINT_WIDTH * SAFETY, lines: room, line: LINE, wrap: true }, "");
          var head = cut && cut.head ? cut.head : byChars(text, room);
          sheets[sheets.length - 1].push({ o: o, label: label, text: head });
          text = "\u2026 " + text.slice(head.length).replace(/^\s+/, "");
          sheets.push([]);
          room = CONT_LINES;
        }
      }
    });
    return sheets;
  }

  // Measure every text field; mark those that overflow and build the continuation sheets.
  function refresh() {
    var page = total + 1;
    var markText = say("form_continued", { page: page }, "\u2192 " + page);
    var overflow = [];
    textFields().forEach(function (el) {
      var o = el.value ? split(el.value, box(el), markText) : null;
      if (o) { o.markText = markText; overflow.push({ el: el, rest: o.rest, over: o }); }
      mark(el, o);
    });
    each(form.querySelectorAll(".form-cont"), function (c) { c.remove(); });
    cont = null;
    if (!overflow.length) { setTotals(total); return overflow; }
    var sheets = paginate(overflow);
    var of = total + sheets.length;
    setTotals(of);
    var original = pages[0].querySelector(".fh-rev");
    sheets.forEach(function (items, i) {
      var sheet = document.createElement("div");
      sheet.className = "form-page form-cont print-only";
      sheet.setAttribute("aria-hidden", "true");
      var head = headCopy();
      var rev = head.querySelector(".fh-rev");
      if (rev) { rev.textContent = pageOf(original.getAttribute("data-original") || rev.textContent, total + i + 1, of); }
      sheet.appendChild(head);
      var h = document.createElement("p");
      h.className = "fs-title cont-title";
      h.textContent = say("form_continuation", {}, "Continuation");
      sheet.appendChild(h);
      items.forEach(function (it) {
        // A field whose rest starts on a later sheet says so in its box.
        if (it.o.sheet === undefined) {
          it.o.sheet = i;
          if (i > 0) { it.o.over.markText = say("form_continued", { page: total + i + 1 }, "\u2192 " + (total + i + 1)); mark(it.o.el, it.o.over); }
        }
        var item = document.createElement("div");
        item.className = "cont-item";
        var l = document.createElement("p");
        l.className = "cont-label";
        l.textContent = it.label;
        var t = document.createElement("p");
        t.className = "cont-text";
        t.textContent = it.text;
        item.appendChild(l);
        item.appendChild(t);
        sheet.appendChild(item);
      });
      form.appendChild(sheet);
      cont = cont || sheet;
    });
    return overflow;
  }

  var timer = null;
  function later() { clearTimeout(timer); timer = setTimeout(refresh, 120); }

  // --- filling, clearing, leaving --------------------------------------------------------
  // Long text grows on screen with what is typed, so all of it can be read and corrected.
  function grow(t) {
    t.style.height = "auto";
    t.style.height = (t.scrollHeight + 2) + "px";
    if (!t.value) { t.style.height = ""; }
  }

  // The header's serial number and placeholders repeat on every printed page.
  function mirror(el) {
    var key = el.getAttribute("data-mirror");
    each(form.querySelectorAll('[data-mirrored="' + key + '"]'), function (m) {
      m.textContent = el.value || m.getAttribute("data-empty") || "";
    });
  }

  function clearAll() {
    each(fields(), function (el) {
      if (el.type === "checkbox" || el.type === "radio") { el.checked = false; } else { el.value = ""; }
      if (el.tagName === "TEXTAREA") { grow(el); }
    });
    each(form.querySelectorAll("[data-mirrored]"), function (m) { m.textContent = m.getAttribute("data-empty") || ""; });
    refresh();
  }

  // The typed values by field id: text as typed, a ticked box as true.
  function values() {
    var out = {};
    each(fields(), function (el) {
      if (!el.id) { return; }
      if (el.type === "checkbox" || el.type === "radio") { if (el.checked) { out[el.id] = true; } }
      else if (el.value !== "") { out[el.id] = el.value; }
    });
    return out;
  }

  // Fill the form with `vals` (checked first by the caller): everything else is emptied.
  function fill(vals) {
    each(fields(), function (el) {
      var v = Object.prototype.hasOwnProperty.call(vals, el.id) ? vals[el.id] : undefined;
      if (el.type === "checkbox" || el.type === "radio") { el.checked = v === true; }
      else { el.value = typeof v === "string" ? v : ""; }
      if (el.tagName === "TEXTAREA") { grow(el); }
      if (el.hasAttribute("data-mirror")) { mirror(el); }
    });
    refresh();
  }

  form.addEventListener("input", function (e) {
    var t = e.target;
    if (t.tagName === "TEXTAREA") { grow(t); }
    if (t.hasAttribute("data-mirror")) { mirror(t); }
    later();
  });
  form.addEventListener("change", later);
  // Enter in a one-line field must never submit anything anywhere.
  form.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.tagName === "INPUT") { e.preventDefault(); }
  });
  // Leaving or reloading a page with typed text asks first (the browser's own question).
  window.addEventListener("beforeunload", function (e) {
    if (!typed()) { return; }
    e.preventDefault();
    e.returnValue = "";
  });
  window.addEventListener("beforeprint", refresh);
  window.addEventListener("resize", later);
  // A page restored from the browser's history cache or a reload starts empty.
  window.addEventListener("pageshow", function (e) { if (e.persisted) { clearAll(); } });
  clearAll();

  var clear = document.querySelector("[data-form-clear]");
  if (clear) {
    clear.addEventListener("click", function () {
      if (!typed()) { return; }
      if (window.confirm(say("form_clear_confirm", {}, "Clear everything typed in this form?"))) { clearAll(); }
    });
  }

  window.Doracak = window.Doracak || {};
  window.Doracak.formFill = { values: values, fill: fill, typed: typed, refresh: refresh, clear: clearAll, say: say };
})();
