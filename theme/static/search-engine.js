// doracak search engine (Doracak.search): the query side of the analyzer in
// src/pipeline/search/analyzer.rs, and
// scoring over the precomputed index (search-index.js). Plain functions, no DOM: the
// page script (search.js) and the tests use them alike.
(function (root) {
  "use strict";

  var WORD = /[\p{Alphabetic}\p{N}]/u;
  var ALPHA_ONLY = /^\p{Alphabetic}+$/u;
  var MARKS = /\p{M}/gu;
  var SPECIAL = { "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i" };

  // Step 2 of the analyzer: compatibility decomposition, marks dropped, a few letters
  // mapped, lowercase.
  function fold(s) {
    var d = s.normalize("NFKD").replace(MARKS, "");
    var out = "";
    for (var ch of d) { out += Object.prototype.hasOwnProperty.call(SPECIAL, ch) ? SPECIAL[ch] : ch; }
    return out.toLowerCase();
  }

  // Step 1: words with their offsets; a "/" between two words joins them, and the
  // compound comes first, then its parts.
  function split(text) {
    var chars = Array.from(text);
    var offsets = [];
    var off = 0;
    for (var k = 0; k < chars.length; k++) { offsets.push(off); off += chars[k].length; }
    offsets.push(off);
    var out = [];
    var i = 0;
    while (i < chars.length) {
      if (!WORD.test(chars[i])) { i++; continue; }
      var start = i;
      var parts = [];
      var runStart = i;
      for (;;) {
        while (i < chars.length && WORD.test(chars[i])) { i++; }
        parts.push([runStart, i]);
        if (i + 1 < chars.length && chars[i] === "/" && WORD.test(chars[i + 1])) { i++; runStart = i; continue; }
        break;
      }
      if (parts.length > 1) { out.push({ text: text.slice(offsets[start], offsets[i]), from: offsets[start], to: offsets[i] }); }
      for (var p = 0; p < parts.length; p++) {
        out.push({ text: text.slice(offsets[parts[p][0]], offsets[parts[p][1]]), from: offsets[parts[p][0]], to: offsets[parts[p][1]] });
      }
    }
    return out;
  }

  // Step 4 for Albanian: suffix stripping, with the suffixes the index was built with.
  // At most maxStrips endings come off one word.
  // A derivational ending (raportim, raportuar) is the last to come off.
  function stem(word, suffixes, minStem, maxStrips, derivational) {
    if (!ALPHA_ONLY.test(word)) { return word; }
    var w = word;
    outer: for (var n = 0; n < maxStrips; n++) {
      for (var i = 0; i < suffixes.length; i++) {
        var s = suffixes[i];
        if (w.length > s.length && w.slice(-s.length) === s) {
          var rest = w.slice(0, -s.length);
          if (Array.from(rest).length >= minStem) {
            w = rest;
            if (derivational && derivational.indexOf(s) >= 0) { break outer; }
            continue outer;
          }
        }
      }
      break;
    }
    return w;
  }

  // The stop words of the index's language, as a set (made once per index).
  function stopSet(a) {
    if (!a.stopSet) {
      a.stopSet = Object.create(null);
      a.stop.forEach(function (w) { a.stopSet[w] = true; });
    }
    return a.stopSet;
  }

  // A Snowball language: the build analysed every word form of the handbook (forms: form →
  // term, "" for a stop word); a form it did not see takes the term of its longest prefix
  // that is a known form (at least 3 letters), else stays as it is.
  function knownForm(forms, w) {
    if (Object.prototype.hasOwnProperty.call(forms, w)) { return forms[w] === "" ? null : forms[w]; }
    var chars = Array.from(w);
    for (var k = chars.length - 1; k >= 3; k--) {
      var p = chars.slice(0, k).join("");
      if (Object.prototype.hasOwnProperty.call(forms, p) && forms[p] !== "") { return forms[p]; }
    }
    return w;
  }

  // Steps 2–4 on one word, by the language the index was built for (idx.analysis):
  // folding, then stop words (null), then Albanian suffixes, the Snowball English
  // stemmer (snowball-english.js), or nothing.
  function analyzeToken(t, idx) {
    var a = idx.analysis;
    var w = fold(t);
    if (stopSet(a)[w]) { return null; }
    if (a.language === "sq") { return stem(w, a.suffixes, a.minStem, a.maxStrips, a.derivational); }
    if (a.language === "en") { return root.Doracak.stemEnglish(w); }
    if (a.forms) { return knownForm(a.forms, w.replace(/\u0640/g, "")); }
    return w;
  }

  // The analyzed terms of a text, as the Rust analyzer gives them.
  function analyze(text, idx) {
    var out = [];
    split(text).forEach(function (t) { var term = analyzeToken(t.text, idx); if (term !== null) { out.push(term); } });
    return out;
  }

  function lowerBound(arr, x) {
    var lo = 0, hi = arr.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (arr[mid] < x) { lo = mid + 1; } else { hi = mid; } }
    return lo;
  }

  // Indices of the terms that start with `prefix` (at most `cap`).
  function prefixTerms(idx, prefix, cap) {
    var out = [];
    for (var i = lowerBound(idx.terms, prefix); i < idx.terms.length && out.length < cap; i++) {
      if (idx.terms[i].lastIndexOf(prefix, 0) !== 0) { break; }
      out.push(i);
    }
    return out;
  }

  // How much a synonym counts against the word typed (the Rust twin: index::SYNONYM_WEIGHT).
  var SYNONYM_WEIGHT = 0.9;

  function addPostings(idx, t, weight, into) {
    var p = idx.post[t];
    var doc = 0;
    for (var i = 0; i < p.length; i += 2) {
      doc += p[i];
      var s = p[i + 1] * weight;
      if (!(doc in into) || into[doc] < s) { into[doc] = s; }
    }
  }

  // Parse a query into words: each word's term, and whether it is still being typed
  // (the last word, when the query ends in it). Stop words are dropped; a stop word typed
  // last leaves no word being typed. The Rust twin is index::parse.
  function parse(query, idx) {
    var tokens = split(query);
    var typing = query.length > 0 && WORD.test(Array.from(query).pop());
    var words = [];
    tokens.forEach(function (t, i) {
      var term = analyzeToken(t.text, idx);
      if (term !== null) { words.push({ text: t.text, term: term, last: typing && i === tokens.length - 1 }); }
    });
    return words;
  }

  // Rank documents for `query`. options: { kinds: [kind index…] or null, limit }.
  // Returns [{ doc, score, kind, url, title, text }], best first.
  function search(idx, query, options) {
    options = options || {};
    var words = parse(query, idx);
    var totals = {};
    var matched = {};
    words.forEach(function (w) {
      var per = {};
      var exact = lowerBound(idx.terms, w.term);
      if (idx.terms[exact] === w.term) { addPostings(idx, exact, 1, per); }
      // The word's synonyms (content/synonyms.yaml) count as the word, a little less.
      ((idx.syn && Object.prototype.hasOwnProperty.call(idx.syn, w.term)) ? idx.syn[w.term] : []).forEach(function (s) {
        var i = lowerBound(idx.terms, s);
        if (idx.terms[i] === s) { addPostings(idx, i, SYNONYM_WEIGHT, per); }
      });
      if (w.last && ALPHA_ONLY.test(w.term)) {
        prefixTerms(idx, w.term, 64).forEach(function (t) { if (t !== exact || idx.terms[t] !== w.term) { addPostings(idx, t, 0.5, per); } });
      }
      Object.keys(per).forEach(function (d) {
        totals[d] = (totals[d] || 0) + per[d];
        matched[d] = (matched[d] || 0) + 1;
      });
    });
    var kinds = options.kinds;
    var out = [];
    var n = words.length;
    Object.keys(totals).forEach(function (d) {
      var row = idx.docs[d];
      if (kinds && kinds.indexOf(row[0]) < 0) { return; }
      // Coordination: a document that has more of the query's words ranks higher.
      var coord = Math.pow(matched[d] / n, 3);
      out.push({ doc: Number(d), score: totals[d] * coord, matched: matched[d], kind: row[0], url: row[1], title: row[2], text: row[3] });
    });
    out.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return options.limit ? out.slice(0, options.limit) : out;
  }

  // Does an analyzed token match the query's words?
  function matcher(idx, query) {
    var words = parse(query, idx);
    return function (term) {
      return words.some(function (w) { return term === w.term || (w.last && term.lastIndexOf(w.term, 0) === 0); });
    };
  }

  // A passage of `text` around the most matches, as segments [{ text, mark }].
  function snippet(idx, query, text, width) {
    width = width || 180;
    var hit = matcher(idx, query);
    var marks = split(text).filter(function (t) { var term = analyzeToken(t.text, idx); return term !== null && hit(term); });
    // Compounds and their parts overlap: keep the outermost.
    marks = marks.filter(function (m, i) { return !marks.some(function (o, j) { return j !== i && o.from <= m.from && o.to >= m.to && (o.to - o.from) > (m.to - m.from); }); });
    var start = 0;
    if (marks.length) {
      var best = -1;
      marks.forEach(function (m) {
        var n = marks.filter(function (o) { return o.from >= m.from && o.to <= m.from + width; }).length;
        if (n > best) { best = n; start = m.from; }
      });
      start = Math.max(0, start - 40);
      while (start > 0 && /\S/.test(text.charAt(start - 1))) { start--; }
    }
    var end = Math.min(text.length, start + width);
    while (end < text.length && /\S/.test(text.charAt(end))) { end++; }
    var segs = [];
    if (start > 0) { segs.push({ text: "… ", mark: false }); }
    var at = start;
    marks.forEach(function (m) {
      if (m.from < at || m.to > end) { return; }
      if (m.from > at) { segs.push({ text: text.slice(at, m.from), mark: false }); }
      segs.push({ text: text.slice(m.from, m.to), mark: true });
      at = m.to;
    });
    if (end > at) { segs.push({ text: text.slice(at, end), mark: false }); }
    if (end < text.length) { segs.push({ text: " …", mark: false }); }
    return segs;
  }

  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var prev = [];
    for (var j = 0; j <= b.length; j++) { prev.push(j); }
    for (var i = 1; i <= a.length; i++) {
      var cur = [i];
      var rowMin = i;
      for (var k = 1; k <= b.length; k++) {
        var v = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1));
        cur.push(v);
        if (v < rowMin) { rowMin = v; }
      }
      if (rowMin > max) { return max + 1; }
      prev = cur;
    }
    return prev[b.length];
  }

  // Words of the index close to the query's words, for an empty result.
  function suggest(idx, query, count) {
    var words = parse(query, idx);
    var seen = {};
    var cands = [];
    words.forEach(function (w) {
      // Compare what was typed (folded, not stemmed) with each term and with the word it
      // was written as, so "penalitetti" finds "penaliteti".
      var typed = fold(w.text);
      var max = typed.length <= 4 ? 1 : 2;
      for (var i = 0; i < idx.terms.length; i++) {
        var t = idx.terms[i];
        if (t === w.term) { continue; }
        var forms = idx.words[i] ? idx.words[i].split(" ") : [t];
        var d = distance(w.term, t, max);
        var word = forms[0];
        forms.forEach(function (f) { var fd = distance(typed, fold(f), max); if (fd < d) { d = fd; word = f; } });
        if (d <= max) {
          if (!seen[word]) { seen[word] = 1; cands.push({ word: word, d: d, df: idx.post[i].length }); }
        }
      }
    });
    cands.sort(function (a, b) { return a.d - b.d || b.df - a.df || (a.word < b.word ? -1 : 1); });
    return cands.slice(0, count || 5).map(function (c) { return c.word; });
  }

  var D = root.Doracak = root.Doracak || {};
  D.search = { fold: fold, split: split, stem: stem, analyze: analyze, search: search, snippet: snippet, suggest: suggest, parse: parse };
})(typeof window !== "undefined" ? window : globalThis);
