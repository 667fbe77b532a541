// doracak search engine (Doracak.search): the query side of the analyzer in
// src/pipeline/search/analyzer.rs, and scoring over the precomputed index, which comes in
// shards (src/pipeline/search/shards.rs): the manifest (search-index.js) and, loaded on
// demand by injecting a script (which works from file://), the term shards of the query's
// words and the document shards of the results shown. Each shard calls
// Doracak.search.loaded(name, data). The page script (search.js) and the tests use these
// functions alike; src/pipeline/search/reader.rs is their Rust twin.
// A term's postings come as a string of base-64 varints (src/pipeline/search/postings.rs),
// read into numbers when first used; the manifest's layout version (v) must be VERSION.
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

  // English and the Snowball languages: the build analysed every word form of the
  // handbook (forms: form → term, "" for a stop word). A form it did not see, made only of
  // letters, takes its longest prefix of at least 3 letters that is a known form (its
  // term) or an indexed term; failing that, its longest prefix of at least 4 letters that
  // begins an indexed term, read as a prefix (as a word being typed); else it stays as it
  // is. { term, prefix }, or null for a stop word. The Rust twin: index::known_form.
  function knownForm(forms, w, idx) {
    if (Object.prototype.hasOwnProperty.call(forms, w)) { return forms[w] === "" ? null : { term: forms[w], prefix: false }; }
    if (!ALPHA_ONLY.test(w)) { return { term: w, prefix: false }; }
    var chars = Array.from(w), k, p;
    for (k = chars.length - 1; k >= 3; k--) {
      p = chars.slice(0, k).join("");
      if (Object.prototype.hasOwnProperty.call(forms, p) && forms[p] !== "") { return { term: forms[p], prefix: false }; }
      if (idx && indexed(idx, p)) { return { term: p, prefix: false }; }
    }
    for (k = chars.length; k >= 4; k--) {
      p = chars.slice(0, k).join("");
      if (idx && begins(idx, p)) { return { term: p, prefix: true }; }
    }
    return { term: w, prefix: false };
  }

  // Whether `term` is indexed, from the term shard of its range (read by `ready`).
  function indexed(idx, term) {
    var sh = idx.shards && idx.shards.length ? arrived["t" + shardOf(idx, term)] : null;
    return !!sh && sh.terms[lowerBound(sh.terms, term)] === term;
  }

  // Whether an indexed term begins with `p`: in the shard of its range, or the next
  // shard's first term.
  function begins(idx, p) {
    if (!idx.shards || !idx.shards.length) { return false; }
    var k = shardOf(idx, p), sh = arrived["t" + k];
    if (!sh) { return false; }
    var i = lowerBound(sh.terms, p);
    if (i < sh.terms.length) { return sh.terms[i].lastIndexOf(p, 0) === 0; }
    return k + 1 < idx.shards.length && idx.shards[k + 1].lastIndexOf(p, 0) === 0;
  }

  // A word form as the index keys the forms (index::forms): Arabic unified as the build's
  // analyzer reads it (text::normalize_arabic): tatweel gone, alef, alef maqsura and ta
  // marbuta forms made one, the و and ال prefixes taken off.
  function formKey(w) {
    if (!/[\u0600-\u06FF]/.test(w)) { return w; }
    w = w.replace(/\u0640/g, "").replace(/[أإآٱ]/g, "ا").replace(/ى/g, "ي").replace(/ة/g, "ه");
    function letters(s) { return Array.from(s).length; }
    if (w.charAt(0) === "و" && letters(w) > 4) { w = w.slice(1); }
    var pre = ["وال", "بال", "كال", "فال", "لل", "ال"];
    for (var i = 0; i < pre.length; i++) {
      if (w.lastIndexOf(pre[i], 0) === 0 && letters(w.slice(pre[i].length)) >= 3) { w = w.slice(pre[i].length); break; }
    }
    return w;
  }

  // Steps 2–4 on one word, by the language the index was built for (idx.analysis):
  // folding, then stop words (null), then Albanian suffixes, or the handbook's word forms
  // (English and the Snowball languages: no stemmer here, the build ran it), or nothing.
  function analyzeToken(t, idx) {
    var r = readToken(t, idx);
    return r === null ? null : r.term;
  }

  // The same with whether the word is read as a prefix (an unseen form, knownForm).
  function readToken(t, idx) {
    var a = idx.analysis;
    var w = fold(t);
    if (stopSet(a)[w]) { return null; }
    if (a.language === "sq") { return { term: stem(w, a.suffixes, a.minStem, a.maxStrips, a.derivational), prefix: false }; }
    if (a.forms) { return knownForm(a.forms, formKey(w), idx); }
    return { term: w, prefix: false };
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

  // How much a synonym counts against the word typed (the Rust twin: index::SYNONYM_WEIGHT).
  var SYNONYM_WEIGHT = 0.9;

  // Parse a query into words: each word's term, and whether it is still being typed
  // (the last word, when the query ends in it). Stop words are dropped; a stop word typed
  // last leaves no word being typed. The Rust twin is index::parse.
  function parse(query, idx) {
    var tokens = split(query);
    var typing = query.length > 0 && WORD.test(Array.from(query).pop());
    var words = [];
    tokens.forEach(function (t, i) {
      var r = readToken(t.text, idx);
      if (r !== null) { words.push({ text: t.text, term: r.term, last: r.prefix || (typing && i === tokens.length - 1) }); }
    });
    return words;
  }

  // --- the shards -------------------------------------------------------------------
  // The layout this engine reads (src/pipeline/search/shards.rs VERSION); an index of
  // another, from an older or newer build, is refused, never misread.
  var VERSION = 4;
  var DIGIT = new Int8Array(128).fill(-1);
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("").forEach(function (c, i) { DIGIT[c.charCodeAt(0)] = i; });

  // A string of varints as its numbers: 5-bit groups, least significant first, 32 added
  // to a group while more follow (the Rust twin: postings::decode).
  function decodePost(s) {
    if (typeof s !== "string") { throw new Error("search index: postings not of layout " + VERSION); }
    var out = [], v = 0, m = 1;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i), d = c < 128 ? DIGIT[c] : -1;
      if (d < 0 || m > 1073741824) { throw new Error("search index: bad postings at " + i); }
      v += (d & 31) * m;
      if (d < 32) { if (v > 4294967295) { throw new Error("search index: bad postings at " + i); } out.push(v); v = 0; m = 1; } else { m *= 32; }
    }
    if (m !== 1) { throw new Error("search index: postings cut short"); }
    return out;
  }

  // The postings of term `i` of a term shard, read once.
  function postOf(sh, i) {
    if (!sh.dec) { sh.dec = []; }
    if (!sh.dec[i]) {
      var nums = decodePost(sh.post[i]);
      // (document step, score and kind) pairs: an odd count would read every pair shifted.
      if (nums.length % 2) { throw new Error("search index: postings that are not pairs"); }
      sh.dec[i] = nums;
    }
    return sh.dec[i];
  }

  var waiting = Object.create(null);
  var arrived = Object.create(null);

  // A shard's script hands over its data.
  function loaded(name, data) {
    arrived[name] = data;
    if (waiting[name]) { waiting[name].resolve(data); }
  }

  // The index of a manifest (window.DORACAK_SEARCH), its shards read from `base` (the
  // site's root, relative to the page). One per manifest.
  function open(manifest, base) {
    if (!manifest._open) {
      manifest._open = { base: base || "", terms: Object.create(null), docs: Object.create(null), loaded: [] };
    }
    return manifest;
  }

  function loadShard(idx, name) {
    var st = open(idx)._open;
    if (arrived[name]) { return Promise.resolve(arrived[name]); }
    if (!waiting[name]) {
      var w = waiting[name] = {};
      w.promise = new Promise(function (resolve, reject) { w.resolve = resolve; w.reject = reject; });
      var s = document.createElement("script");
      s.src = st.base + idx.dir + name + ".js";
      s.setAttribute("data-search-shard", name);
      s.onerror = function () { delete waiting[name]; s.remove(); w.reject(new Error("search shard " + name)); };
      // A shard that loads but never hands its data over (cut short, or not a shard) is a
      // failure too, not a wait for ever: a script runs before its load event.
      s.onload = function () { if (!arrived[name] && waiting[name] === w) { s.onerror(); } };
      st.loaded.push(name);
      document.head.appendChild(s);
    }
    return waiting[name].promise;
  }

  // The term shard whose range holds `term`.
  function shardOf(idx, term) {
    var lo = 0, hi = idx.shards.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (idx.shards[mid] <= term) { lo = mid + 1; } else { hi = mid; } }
    return Math.max(0, lo - 1);
  }

  // The postings of a query word: [[list, weight]…]: its term's (1) and, for the word
  // being typed, those of up to 64 terms it begins (½), across shards if need be.
  function postingsFor(idx, w) {
    if (!idx.shards.length) { return Promise.resolve([]); }
    var k = shardOf(idx, w.term);
    return loadShard(idx, "t" + k).then(function (sh) {
      var out = [];
      var at = lowerBound(sh.terms, w.term);
      var found = sh.terms[at] === w.term;
      if (found) { out.push([postOf(sh, at), 1]); }
      if (!(w.last && ALPHA_ONLY.test(w.term))) { return out; }
      var count = 0;
      function walk(sh, k, i) {
        for (; i < sh.terms.length; i++) {
          if (count >= 64 || sh.terms[i].lastIndexOf(w.term, 0) !== 0) { return out; }
          if (!(found && count === 0)) { out.push([postOf(sh, i), 0.5]); }
          count++;
        }
        return out;
      }
      walk(sh, k, at);
      // The shards after this one that the 64 terms reach, read side by side: every term
      // of a shard between two that begin with the word begins with it too.
      var need = [];
      var left = 64 - count;
      for (var j = k + 1; left > 0 && count < 64 && at + count >= sh.terms.length && j < idx.shards.length && idx.shards[j].lastIndexOf(w.term, 0) === 0; j++) {
        need.push(j);
        if (!(j + 1 < idx.shards.length && idx.shards[j + 1].lastIndexOf(w.term, 0) === 0)) { break; }
        left -= idx.counts[j];
      }
      return Promise.all(need.map(function (j) { return loadShard(idx, "t" + j); })).then(function (next) {
        next.forEach(function (nx, i) { walk(nx, need[i], 0); });
        return out;
      });
    });
  }

  // For each of the query's terms, in order, the alternatives its synonyms give (each the
  // terms of another entry of a set, content/synonyms.yaml, in the manifest): wherever an
  // entry (a word, or a phrase's words in a row) stands in the query, every word it covers
  // may be matched by the set's other entries. The Rust twin: index::alternatives.
  function alternatives(terms, sets) {
    var out = terms.map(function () { return []; });
    function same(a, b) { return a.length === b.length && a.every(function (x, i) { return x === b[i]; }); }
    (sets || []).forEach(function (set) {
      set.forEach(function (entry, e) {
        if (!entry.length || entry.length > terms.length) { return; }
        for (var i = 0; i + entry.length <= terms.length; i++) {
          if (!same(terms.slice(i, i + entry.length), entry)) { continue; }
          set.forEach(function (other, f) {
            for (var j = i; j < i + entry.length; j++) {
              if (f !== e && !out[j].some(function (a) { return same(a, other); })) { out[j].push(other); }
            }
          });
        }
      });
    });
    return out;
  }

  // The exact postings of `term` as [[doc, score, kind]…], in document order.
  function exactRows(idx, term) {
    if (!idx.shards.length) { return Promise.resolve([]); }
    return loadShard(idx, "t" + shardOf(idx, term)).then(function (sh) {
      var at = lowerBound(sh.terms, term), rows = [];
      if (sh.terms[at] !== term) { return rows; }
      var p = postOf(sh, at), doc = 0;
      for (var i = 0; i < p.length; i += 2) { doc += p[i]; rows.push([doc, Math.floor(p[i + 1] / 16), p[i + 1] % 16]); }
      return rows;
    });
  }

  // The postings of a query word with its synonyms' alternatives: each alternative counts
  // as the word, a little less (SYNONYM_WEIGHT), in a document that holds all of its words,
  // by their mean score (index::all_of).
  function postingsWithSynonyms(idx, w, alts) {
    var parts = [postingsFor(idx, w)].concat(alts.map(function (alt) {
      return Promise.all(alt.map(function (t) { return exactRows(idx, t); })).then(function (lists) {
        var first = lists[0] || [], rest = lists.slice(1), rows = [];
        var docsOf = rest.map(function (l) { return l.map(function (x) { return x[0]; }); });
        first.forEach(function (r) {
          var sum = r[1];
          for (var k = 0; k < rest.length; k++) {
            var l = rest[k], at = lowerBound(docsOf[k], r[0]);
            if (!l[at] || l[at][0] !== r[0]) { return; }
            sum += l[at][1];
          }
          rows.push([r[0], sum / lists.length, r[2]]);
        });
        return [[null, SYNONYM_WEIGHT, rows]];
      });
    }));
    return Promise.all(parts).then(function (lists) { return [].concat.apply([], lists); });
  }

  // A Snowball language's word forms come with the term shards, by the same ranges: the
  // shards that hold each word of `text` and its prefixes (of 3 letters or more, for a form
  // the handbook does not have) are read and their forms added to the analysis, so that
  // analyzeToken answers as with the whole table.
  function ready(idx, text) {
    if (idx.v !== VERSION) { return Promise.reject(new Error("search index: layout version " + idx.v + ", this page reads " + VERSION + ": build the site again")); }
    var a = idx.analysis;
    if (!a.forms || !idx.shards.length) { return Promise.resolve(); }
    var need = [];
    split(text).forEach(function (t) {
      var chars = Array.from(formKey(fold(t.text)));
      for (var k = chars.length; k >= Math.min(3, chars.length); k--) {
        var n = shardOf(idx, chars.slice(0, k).join(""));
        if (need.indexOf(n) < 0) { need.push(n); }
      }
    });
    return Promise.all(need.map(function (k) { return loadShard(idx, "t" + k); })).then(function (shards) {
      shards.forEach(function (sh) {
        if (sh.forms && !sh.formsAdded) { sh.formsAdded = true; Object.assign(a.forms, sh.forms); }
      });
    });
  }

  // Document `d`: [id, kind, url, title, text].
  function docRows(idx, ds) {
    var names = [];
    ds.forEach(function (d) { var n = "d" + Math.floor(d / idx.docsPerShard); if (names.indexOf(n) < 0) { names.push(n); } });
    return Promise.all(names.map(function (n) { return loadShard(idx, n); })).then(function () {
      return ds.map(function (d) { return arrived["d" + Math.floor(d / idx.docsPerShard)].docs[d % idx.docsPerShard]; });
    });
  }

  // A word of one or two letters being typed, alone, of every kind: its best documents
  // come precomputed in one small shard (pK.js, src/pipeline/search/prefixes.rs), ranked as
  // below. A promise of the results, or of null where the shard cannot answer (then the
  // term shards do, as for any query; also when the shard fails to load).
  function quick(idx, words, options) {
    var ks = options.kinds, w = words[0], k = idx.prefixes ? idx.prefixes.indexOf(w && w.term) : -1;
    if (words.length !== 1 || !w.last || !options.limit || k < 0 || (ks && ks.length < idx.kinds.length)) { return Promise.resolve(null); }
    return loadShard(idx, "p" + k).then(function (sh) {
      if (!sh || !sh.top || (!sh.complete && options.limit * 3 > sh.top.length)) { return null; }
      var out = [];
      for (var i = 0; i + 2 < sh.top.length && out.length < options.limit; i += 3) {
        out.push({ doc: sh.top[i], score: sh.top[i + 1] / 2, matched: 1, kind: sh.top[i + 2] });
      }
      return out;
    }, function () { return null; });
  }

  // Rank documents for `query`. options: { kinds: [kind index…] or null, limit }.
  // A promise of [{ doc, score, matched, kind, url, title, text }], best first.
  function search(idx, query, options) {
    options = options || {};
    var words;
    function withRows(out) {
      return docRows(idx, out.map(function (r) { return r.doc; })).then(function (rows) {
        out.forEach(function (r, i) { var row = rows[i]; r.id = row[0]; r.url = row[2]; r.title = row[3]; r.text = row[4]; });
        return out;
      });
    }
    return ready(idx, query).then(function () {
      words = parse(query, idx);
      return quick(idx, words, options);
    }).then(function (fast) {
      if (fast) { return withRows(fast); }
      var alts = alternatives(words.map(function (w) { return w.term; }), idx.syn);
      return Promise.all(words.map(function (w, i) { return postingsWithSynonyms(idx, w, alts[i]); })).then(function (lists) { return withRows(rank(lists)); });
    });
    function rank(lists) {
      var n = idx.docs;
      var totals = new Float64Array(n);
      var matched = new Uint16Array(n);
      var kindOf = new Uint8Array(n);
      var per = new Float64Array(n);
      var mark = new Int32Array(n);
      var touched = [];
      lists.forEach(function (parts, wi) {
        var seen = [];
        parts.forEach(function (part) {
          var p = part[0], weight = part[1], doc = 0;
          if (p === null) {
            part[2].forEach(function (r) {
              var s = r[1] * weight;
              if (mark[r[0]] !== wi + 1) { mark[r[0]] = wi + 1; per[r[0]] = s; kindOf[r[0]] = r[2]; seen.push(r[0]); }
              else if (per[r[0]] < s) { per[r[0]] = s; }
            });
            return;
          }
          for (var i = 0; i < p.length; i += 2) {
            doc += p[i];
            var v = p[i + 1];
            var s = Math.floor(v / 16) * weight;
            if (mark[doc] !== wi + 1) { mark[doc] = wi + 1; per[doc] = s; kindOf[doc] = v % 16; seen.push(doc); }
            else if (per[doc] < s) { per[doc] = s; }
          }
        });
        seen.forEach(function (d) {
          if (!matched[d]) { touched.push(d); }
          totals[d] = totals[d] + per[d];
          matched[d] += 1;
        });
      });
      var kinds = options.kinds;
      var wn = words.length;
      var limit = options.limit;
      // The best `limit`, best first, ties in document order: kept sorted as they come, so
      // a word in thousands of documents costs no sort of them all.
      var top = [];
      touched.forEach(function (d) {
        if (kinds && kinds.indexOf(kindOf[d]) < 0) { return; }
        // Coordination: a document that has more of the query's words ranks higher.
        var score = totals[d] * Math.pow(matched[d] / wn, 3);
        if (limit && top.length >= limit) {
          var last = top[top.length - 1];
          if (!(score > last.score || (score === last.score && d < last.doc))) { return; }
        }
        var r = { doc: d, score: score, matched: matched[d], kind: kindOf[d] };
        if (!limit) { top.push(r); return; }
        var i = top.length;
        while (i > 0 && (score > top[i - 1].score || (score === top[i - 1].score && d < top[i - 1].doc))) { i--; }
        top.splice(i, 0, r);
        if (top.length > limit) { top.pop(); }
      });
      if (!limit) { top.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; }); }
      return top;
    }
  }

  // Does an analyzed token match the query's words?
  // The terms the synonyms bring in (a result may hold them in the typed words' stead)
  // match too, so the words a synonym found are marked like the typed ones.
  function matcher(idx, query) {
    var words = parse(query, idx);
    var also = Object.create(null);
    alternatives(words.map(function (w) { return w.term; }), idx.syn).forEach(function (alts) {
      alts.forEach(function (alt) { alt.forEach(function (t) { also[t] = true; }); });
    });
    return function (term) {
      return also[term] === true || words.some(function (w) { return term === w.term || (w.last && term.lastIndexOf(w.term, 0) === 0); });
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

  // Words of the index close to the query's words, for an empty result: a promise. Only
  // the terms that begin with the typed word's first letter are read (their shards).
  function suggest(idx, query, count) {
    return ready(idx, query).then(function () { return suggestFrom(idx, query, count); });
  }

  function suggestFrom(idx, query, count) {
    var words = parse(query, idx);
    var wanted = [];
    words.forEach(function (w) {
      [Array.from(fold(w.text))[0], Array.from(w.term)[0]].forEach(function (c) {
        if (!c || !idx.shards.length) { return; }
        var from = shardOf(idx, c);
        for (var k = from; k < idx.shards.length && (k === from || idx.shards[k].lastIndexOf(c, 0) === 0); k++) {
          if (wanted.indexOf(k) < 0) { wanted.push(k); }
        }
      });
    });
    wanted.sort(function (a, b) { return a - b; });
    return Promise.all(wanted.map(function (k) { return loadShard(idx, "t" + k); })).then(function (shards) {
      var seen = {};
      var cands = [];
      words.forEach(function (w) {
        // Compare what was typed (folded, not stemmed) with each term and with the word it
        // was written as, so "penalitetti" finds "penaliteti".
        var typed = fold(w.text);
        var max = typed.length <= 4 ? 1 : 2;
        shards.forEach(function (sh) {
          for (var i = 0; i < sh.terms.length; i++) {
            var t = sh.terms[i];
            if (t === w.term) { continue; }
            var forms = sh.words[i] ? sh.words[i].split(" ") : [t];
            var d = distance(w.term, t, max);
            var word = forms[0];
            forms.forEach(function (f) { var fd = distance(typed, fold(f), max); if (fd < d) { d = fd; word = f; } });
            if (d <= max) {
              if (!seen[word]) { seen[word] = 1; cands.push({ word: word, d: d, df: postOf(sh, i).length }); }
            }
          }
        });
      });
      cands.sort(function (a, b) { return a.d - b.d || b.df - a.df || (a.word < b.word ? -1 : 1); });
      return cands.slice(0, count || 5).map(function (c) { return c.word; });
    });
  }

  var D = root.Doracak = root.Doracak || {};
  D.search = { decodePost: decodePost, alternatives: alternatives, fold: fold, split: split, stem: stem, analyze: analyze, search: search, snippet: snippet, suggest: suggest, parse: parse, open: open, loaded: loaded, ready: ready };
})(typeof window !== "undefined" ? window : globalThis);
