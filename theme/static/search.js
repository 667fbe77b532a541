// doracak search box (every page) and search page. The index's manifest is loaded on
// first use as a script, which works from file:// where fetching JSON would not; the
// engine then loads only the shards a query needs, the same way.
(function () {
  "use strict";
  var UI = window.DORACAK_UI || {};
  var engine = window.Doracak && window.Doracak.search;
  var rootPath = document.body.getAttribute("data-root") || "";
  var ADDR = window.DORACAK_ADDR || {};
  var loading = null;

  function loadIndex() {
    if (window.DORACAK_SEARCH) { return Promise.resolve(engine.open(window.DORACAK_SEARCH, rootPath)); }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = rootPath + ADDR.search_index;
        s.onload = function () { resolve(engine.open(window.DORACAK_SEARCH, rootPath)); };
        s.onerror = function () { loading = null; reject(new Error("index")); };
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function kindLabel(idx, k) { return UI["kind_" + idx.kinds[k]] || idx.kinds[k]; }

  // One result as a link: kind, title, snippet with the matched words marked.
  function resultItem(idx, query, r, id) {
    var a = el("a", "result");
    a.href = rootPath + r.url;
    if (id) { a.id = id; a.setAttribute("role", "option"); }
    var head = el("span", "result-head");
    head.appendChild(el("span", "badge kind-" + idx.kinds[r.kind], kindLabel(idx, r.kind)));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("span", "result-title", r.title));
    a.appendChild(head);
    var snip = el("span", "result-snippet");
    engine.snippet(idx, query, r.text, 170).forEach(function (seg) {
      snip.appendChild(seg.mark ? el("mark", null, seg.text) : document.createTextNode(seg.text));
    });
    a.appendChild(snip);
    return a;
  }

  // The no-results message with the closest words (a promise: their shards may load).
  function suggestions(idx, query, onPick) {
    return engine.suggest(idx, query, 5).then(function (words) { return suggestionsFor(words, onPick); });
  }

  function suggestionsFor(words, onPick) {
    var p = el("p", "search-empty");
    if (!words.length) { p.textContent = UI.search_none || ""; return p; }
    // One sentence of the pack ("No results. Did you mean: {words}"), the words buttons.
    var list = document.createDocumentFragment();
    words.forEach(function (w, i) {
      var b = el("button", "linklike", w);
      b.type = "button";
      b.addEventListener("click", function () { onPick(w); });
      list.appendChild(b);
      if (i < words.length - 1) { list.appendChild(document.createTextNode(UI.list_separator || ", ")); }
    });
    p.appendChild(window.DORACAK_SAY_NODES("search_none_suggest", { words: list }));
    return p;
  }

  // --- the box in the header -----------------------------------------------------------
  // The ARIA Authoring Practices' combobox with a listbox popup: focus stays in the input,
  // the arrow keys move the active option (aria-activedescendant), the listbox holds only
  // options; the "all results" link and the no-results message sit beside it in the panel.
  var input = document.getElementById("search-input");
  var panel = document.getElementById("search-panel");
  var list = document.getElementById("search-list");
  var more = panel && panel.querySelector("[data-search-more]");
  var active = -1;
  var timer = null;
  var lastRun = 0;

  // A phone or tablet has no "/" key to press: its placeholder says only "Search…".
  if (input && input.getAttribute("data-placeholder-touch") && window.matchMedia &&
      window.matchMedia("(hover: none) and (pointer: coarse)").matches) {
    input.placeholder = input.getAttribute("data-placeholder-touch");
    input.removeAttribute("aria-keyshortcuts");
  }

  // A placeholder in the fallback language written the other way (the build isolates it
  // with U+2066/U+2067 … U+2069) is drawn in its own direction while the box is empty, its
  // brackets where they belong; what is typed then takes the direction of its own letters.
  // (Chromium honours no isolate inside a placeholder, nor the placeholder under dir=auto.)
  function placeholderDirection(el) {
    if (el && /^[\u2066\u2067]/.test(el.placeholder)) { el.dir = "auto"; }
  }
  placeholderDirection(input);
  placeholderDirection(document.getElementById("search-page-input"));

  function closePanel() {
    if (!panel) { return; }
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function items() { return list ? list.querySelectorAll("[role=option]") : []; }

  function setActive(i) {
    var opts = items();
    if (!opts.length) { return; }
    active = (i + opts.length) % opts.length;
    Array.prototype.forEach.call(opts, function (a, k) { a.setAttribute("aria-selected", k === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", opts[active].id);
    opts[active].scrollIntoView({ block: "nearest" });
  }

  function runBox() {
    var q = input.value;
    if (!q.trim()) { closePanel(); return; }
    var failed = function () {
      list.textContent = "";
      list.hidden = true;
      more.textContent = UI.search_unavailable || "";
      panel.hidden = false;
    };
    loadIndex().then(function (idx) {
      if (input.value !== q) { return null; }
      return engine.search(idx, q, { limit: 8 }).then(function (results) {
        if (!results.length) {
          return suggestions(idx, q, function (w) { input.value = w; runBox(); input.focus(); }).then(function (p) { show(idx, results, p); });
        }
        show(idx, results, null);
      });
    }).catch(failed);

    function show(idx, results, empty) {
      if (input.value !== q) { return; }
      list.textContent = "";
      more.textContent = "";
      input.removeAttribute("aria-activedescendant");
      active = -1;
      if (!results.length) {
        list.hidden = true;
        more.appendChild(empty);
      } else {
        list.hidden = false;
        results.forEach(function (r, i) {
          var opt = resultItem(idx, q, r, "search-opt-" + i);
          opt.setAttribute("aria-selected", "false");
          opt.tabIndex = -1;
          list.appendChild(opt);
        });
        var all = el("a", "search-all", UI.search_all_results || "");
        all.href = rootPath + ADDR.search + "?q=" + encodeURIComponent(q);
        more.appendChild(all);
      }
      panel.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
  }

  if (input && panel && list && more) {
    input.addEventListener("input", function () {
      input.removeAttribute("aria-activedescendant");
      active = -1;
      // The first word typed searches at once; while typing goes on, at most every 60 ms
      // (and once more when it pauses).
      clearTimeout(timer);
      var wait = lastRun + 60 - Date.now();
      if (wait <= 0) { lastRun = Date.now(); runBox(); }
      else { timer = setTimeout(function () { lastRun = Date.now(); runBox(); }, wait); }
    });
    input.addEventListener("focus", function () { loadIndex().catch(function () {}); if (input.value.trim()) { runBox(); } });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); if (panel.hidden) { runBox(); } else { setActive(active + 1); } }
      else if (e.key === "ArrowUp") { e.preventDefault(); if (!panel.hidden) { setActive(active - 1); } }
      else if (e.key === "Escape") {
        if (!panel.hidden) { closePanel(); } else { input.value = ""; }
      }
      else if (e.key === "Enter") {
        e.preventDefault();
        var opts = items();
        if (active >= 0 && opts[active]) { window.location.href = opts[active].href; }
        else if (input.value.trim()) { window.location.href = rootPath + ADDR.search + "?q=" + encodeURIComponent(input.value); }
      }
    });
    document.addEventListener("click", function (e) { if (!panel.contains(e.target) && e.target !== input) { closePanel(); } });
    document.addEventListener("keydown", function (e) {
      var t = e.target;
      var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
      if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); input.focus(); input.select(); }
    });
  }

  // --- the search page -------------------------------------------------------------------
  var page = document.getElementById("search-page");
  if (page) {
    var q = document.getElementById("search-page-input");
    var filters = document.getElementById("search-filters");
    var out = document.getElementById("search-page-results");
    var count = document.getElementById("search-page-count");
    var params = new URLSearchParams(window.location.search);
    q.value = params.get("q") || "";

    loadIndex().then(function (idx) {
      idx.kinds.forEach(function (k, i) {
        var label = el("label", "filter");
        var cb = el("input");
        cb.type = "checkbox";
        cb.checked = true;
        cb.value = String(i);
        cb.addEventListener("change", runPage);
        label.appendChild(cb);
        label.appendChild(document.createTextNode(" " + kindLabel(idx, i)));
        filters.appendChild(label);
      });
      var run = 0;
      function runPage() {
        var kinds = Array.prototype.filter.call(filters.querySelectorAll("input"), function (c) { return c.checked; }).map(function (c) { return Number(c.value); });
        var text = q.value;
        var mine = ++run;
        if (!text.trim()) { out.textContent = ""; count.textContent = ""; return; }
        engine.search(idx, text, { kinds: kinds, limit: 200 }).then(function (results) {
          if (mine !== run) { return; }
          if (!results.length) {
            return suggestions(idx, text, function (w) { q.value = w; runPage(); }).then(function (p) {
              if (mine !== run) { return; }
              out.textContent = "";
              count.textContent = window.DORACAK_COUNT("search_results_count", results.length);
              out.appendChild(p);
            });
          }
          out.textContent = "";
          count.textContent = window.DORACAK_COUNT("search_results_count", results.length);
          results.forEach(function (r) {
            var li = el("li");
            li.appendChild(resultItem(idx, text, r));
            out.appendChild(li);
          });
        }).catch(function () { out.textContent = UI.search_unavailable || ""; });
      }
      var t2 = null;
      q.addEventListener("input", function () { clearTimeout(t2); t2 = setTimeout(function () {
        var url = new URL(window.location.href);
        url.searchParams.set("q", q.value);
        try { history.replaceState(null, "", url.toString()); } catch (e) { /* file:// may refuse */ }
        runPage();
      }, 60); });
      runPage();
    }, function () { out.textContent = UI.search_unavailable || ""; });
  }
})();
