// doracak self-assessment, the charts drawn in the browser: the score bars of the overview
// and the change bars of the comparison, the same SVG as src/commands/charts.rs makes for
// `doracak report` (same sizes, colours and text). Doracak.charts.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var EARNED = "#0b4f8a", LOST = "#d5dbe1", UNRATED = "#6b7280", BEFORE = "#9db7d1";

  // A message of the pack (the shared formatter of static/ui.js; the key where it has none).
  function say(UI, key, values) { return window.DORACAK_SAY(key, values, key); }
  function pct(UI, p) {
    if (p === null || p === undefined) { return UI.no_value || ""; }
    return (UI.percent || "{n} %").replace("{n}", p.toFixed(1).replace(".", UI.number_decimal || "."));
  }
  function change(UI, d) {
    if (d === null || d === undefined) { return UI.no_value || ""; }
    var sign = d > 0.05 ? "+" : d < -0.05 ? "\u2212" : "\u00b1";
    return say(UI, "chart_points_change", { n: sign + Math.abs(d).toFixed(1).replace(".", UI.number_decimal || ".") });
  }
  function cut(s, n) { var a = Array.from(s); return a.length <= n ? s : a.slice(0, n - 1).join("") + "\u2026"; }
  function node(tag, attrs, text) {
    var e = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function open(id, w, h, title, desc, cls) {
    var svg = node("svg", { "class": "chart " + cls, viewBox: "0 0 " + w + " " + h, width: w, height: h, role: "img", "aria-labelledby": id + "-t " + id + "-d", "font-family": "system-ui, sans-serif", "font-size": "12" });
    svg.appendChild(node("title", { id: id + "-t" }, title));
    svg.appendChild(node("desc", { id: id + "-d" }, desc));
    return svg;
  }
  function hatch(svg, id) {
    var defs = node("defs"), p = node("pattern", { id: id + "-h", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
    p.appendChild(node("rect", { width: 6, height: 6, fill: "#fff" }));
    p.appendChild(node("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: UNRATED, "stroke-width": 2.5 }));
    defs.appendChild(p);
    svg.appendChild(defs);
  }
  function r1(x) { return (Math.round(x * 10) / 10).toFixed(1); }

  // sc: Doracak.assessment.scores(...).standards; top: the scale's most points; fmt: how
  // the page beside writes a share (the report's one-decimal form when not given).
  function scoreBars(id, sc, top, UI, fmt) {
    var share = fmt || function (p) { return pct(UI, p); };
    var labelW = 250, barW = 300, row = 22, w = labelW + barW + 80, h = sc.length * row + 34;
    var desc = sc.map(function (s) {
      return window.DORACAK_COUNT("chart_score_line", s.unrated, { standard: say(UI, "standard_numbered", { number: s.number, title: s.title }), percent: share(s.percent), points: say(UI, "score_of", { score: s.points, total: s.max }), unrated: String(s.unrated) });
    });
    var svg = open(id, w, h, say(UI, "chart_scores_title"), desc.join(UI.choices_separator || "; "), "chart-bars");
    hatch(svg, id);
    sc.forEach(function (s, i) {
      var y = i * row + 4, g = node("g", { "data-standard": s.id });
      g.appendChild(node("text", { x: 0, y: y + 13 }, cut(say(UI, "standard_numbered", { number: s.number, title: s.title }), 34)));
      var max = Math.max(s.max, 1), earned = s.points / max * barW, unrated = s.unrated * top / max * barW;
      var lost = s.max === 0 ? 0 : barW - earned - unrated;
      g.appendChild(node("rect", { x: labelW, y: y, width: barW, height: 16, fill: "none", stroke: "#888", "stroke-width": 0.5 }));
      g.appendChild(node("rect", { x: labelW, y: y, width: r1(earned), height: 16, fill: EARNED }));
      g.appendChild(node("rect", { x: r1(labelW + earned), y: y, width: r1(lost), height: 16, fill: LOST }));
      g.appendChild(node("rect", { x: r1(labelW + earned + lost), y: y, width: r1(unrated), height: 16, fill: "url(#" + id + "-h)" }));
      g.appendChild(node("text", { x: labelW + barW + 6, y: y + 13, "font-weight": "bold", "data-value": "percent" }, share(s.percent)));
      svg.appendChild(g);
    });
    var x = 0, ly = sc.length * row + 14;
    [[EARNED, "chart_earned"], [LOST, "chart_lost"], ["url(#" + id + "-h)", "chart_unrated"]].forEach(function (it) {
      var word = say(UI, it[1]);
      svg.appendChild(node("rect", { x: x, y: ly, width: 14, height: 12, fill: it[0], stroke: "#555", "stroke-width": 0.5 }));
      svg.appendChild(node("text", { x: x + 19, y: ly + 10 }, word));
      x += 19 + 7 * Array.from(word).length + 20;
    });
    return svg;
  }

  // c: Doracak.assessment.compare(...).
  function changeBars(id, c, UI) {
    var labelW = 250, barW = 260, row = 30, w = labelW + barW + 180, h = c.standards.length * row + 30;
    var desc = c.standards.map(function (s) {
      return say(UI, "chart_change_line", { standard: say(UI, "standard_numbered", { number: s.number, title: s.title }), before: pct(UI, s.before), after: pct(UI, s.after), change: change(UI, s.change) });
    });
    var svg = open(id, w, h, say(UI, "chart_change_title", { from: c.from, to: c.to }), desc.join(UI.choices_separator || "; "), "chart-change");
    function bw(p) { return (p === null ? 0 : p) / 100 * barW; }
    c.standards.forEach(function (s, i) {
      var y = i * row + 4, g = node("g", { "data-standard": s.id });
      g.appendChild(node("text", { x: 0, y: y + 16 }, cut(say(UI, "standard_numbered", { number: s.number, title: s.title }), 34)));
      g.appendChild(node("rect", { x: labelW, y: y, width: barW, height: 24, fill: "none", stroke: "#888", "stroke-width": 0.5 }));
      g.appendChild(node("rect", { x: labelW, y: y, width: r1(bw(s.before)), height: 10, fill: BEFORE }));
      g.appendChild(node("rect", { x: labelW, y: y + 11, width: r1(bw(s.after)), height: 12, fill: EARNED }));
      g.appendChild(node("text", { x: labelW + barW + 6, y: y + 9, "font-size": 10 }, say(UI, "chart_before_after", { before: pct(UI, s.before), after: pct(UI, s.after) })));
      g.appendChild(node("text", { x: labelW + barW + 6, y: y + 22, "font-weight": "bold", "data-value": "change" }, change(UI, s.change)));
      svg.appendChild(g);
    });
    var ly = c.standards.length * row + 12;
    svg.appendChild(node("rect", { x: labelW, y: ly, width: 14, height: 10, fill: BEFORE }));
    svg.appendChild(node("text", { x: labelW + 19, y: ly + 9 }, c.from));
    svg.appendChild(node("rect", { x: labelW + 110, y: ly, width: 14, height: 10, fill: EARNED }));
    svg.appendChild(node("text", { x: labelW + 129, y: ly + 9 }, c.to));
    return svg;
  }

  window.Doracak = window.Doracak || {};
  window.Doracak.charts = { scoreBars: scoreBars, changeBars: changeBars, pct: pct, change: change };
})();
