/*! Snowball English stemmer, ported to JavaScript from the Rust code generated
 * from english.sbl by Snowball 3.1.1 as shipped in the crate frostem 1.20260821.8
 * (src/algorithms/english_stemmer.rs, src/snowball_env.rs, src/among.rs; upstream
 * snowballstem/snowball commit 81dd074aaf2e16c104285df3a488b76ab69f6ce6), the
 * stemmer used by tantivy 0.27 with its "stemmer" feature.
 *
 * Copyright (c) 2001, Dr Martin Porter
 * Copyright (c) 2004,2005, Richard Boulton
 * Copyright (c) 2013, Yoshiki Shibukawa
 * Copyright (c) 2006-2025, Olly Betts
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions
 * are met:
 *
 *   1. Redistributions of source code must retain the above copyright notice,
 *      this list of conditions and the following disclaimer.
 *   2. Redistributions in binary form must reproduce the above copyright notice,
 *      this list of conditions and the following disclaimer in the documentation
 *      and/or other materials provided with the distribution.
 *   3. Neither the name of the Snowball project nor the names of its contributors
 *      may be used to endorse or promote products derived from this software
 *      without specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR
 * ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
 * (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
 * LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON
 * ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
 * (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
 * SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
(function (root) {
  "use strict";

  /* ---------------------------------------------------------------------
   * Snowball runtime: port of frostem's src/snowball_env.rs + src/among.rs.
   * Rust works on UTF-8 byte offsets of a &str; here offsets are UTF-16 code
   * units of a JS string.  All strings the English program compares against
   * are ASCII, so both give the same results; "characters" (next_char, hop,
   * groupings) are Unicode scalar values in Rust, so a surrogate pair is
   * stepped over as one character here (is_char_boundary).
   * An Among is [string, substring_i, result] (no routines in English).
   * ------------------------------------------------------------------- */
  function isHigh(u) { return u >= 0xD800 && u <= 0xDBFF; }
  function isLow(u) { return u >= 0xDC00 && u <= 0xDFFF; }

  function SnowballEnv(value) {
    this.current = value;
    this.cursor = 0;
    this.limit = value.length;
    this.limit_backward = 0;
    this.bra = 0;
    this.ket = 0;
  }
  var E = SnowballEnv.prototype;

  E.is_char_boundary = function (p) {
    var s = this.current;
    return p <= 0 || p >= s.length || !(isLow(s.charCodeAt(p)) && isHigh(s.charCodeAt(p - 1)));
  };

  E.unit = function (p) { return this.current.charCodeAt(p); };  // as_bytes()[p]

  E.replace_s = function (bra, ket, s) {
    var adjustment = s.length - (ket - bra);
    this.current = this.current.slice(0, bra) + s + this.current.slice(ket);
    this.limit += adjustment;
    if (this.cursor >= ket) this.cursor += adjustment;
    else if (this.cursor > bra) this.cursor = bra;
    return adjustment;
  };

  E.eq_s = function (s) {
    if (this.cursor >= this.limit) return false;
    if (this.current.startsWith(s, this.cursor)) {
      this.cursor += s.length;
      while (!this.is_char_boundary(this.cursor)) this.cursor++;
      return true;
    }
    return false;
  };

  E.eq_s_b = function (s) {
    var p = this.cursor - s.length;
    if (this.cursor - this.limit_backward < s.length) return false;
    if (!this.is_char_boundary(p) || !this.current.startsWith(s, p)) return false;
    this.cursor = p;
    return true;
  };

  E.slice_from = function (s) {
    var bra = this.bra;
    this.replace_s(bra, this.ket, s);
    this.ket = bra + s.length;
  };

  E.slice_del = function () { this.slice_from(""); };

  E.next_char = function () {
    this.cursor++;
    while (!this.is_char_boundary(this.cursor)) this.cursor++;
  };

  E.previous_char = function () {
    this.cursor--;
    while (!this.is_char_boundary(this.cursor)) this.cursor--;
  };

  E.hop = function (delta) {
    var res = this.cursor;
    while (delta > 0) {
      delta--;
      if (res >= this.limit) return false;
      res++;
      while (res < this.limit && !this.is_char_boundary(res)) res++;
    }
    this.cursor = res;
    return true;
  };

  E.hop_back = function (delta) {
    var res = this.cursor;
    while (delta > 0) {
      delta--;
      if (res <= this.limit_backward) return false;
      res--;
      while (res > this.limit_backward && !this.is_char_boundary(res)) res--;
    }
    this.cursor = res;
    return true;
  };

  // Grouping = bitfield over code points min..max (first bit least significant).
  function inG(chars, min, max, ch) {
    if (ch > max || ch < min) return false;
    ch -= min;
    return (chars[ch >> 3] & (1 << (ch & 7))) !== 0;
  }

  E.in_grouping = function (chars, min, max) {
    if (this.cursor >= this.limit) return false;
    if (!inG(chars, min, max, this.current.codePointAt(this.cursor))) return false;
    this.next_char();
    return true;
  };

  E.go_in_grouping = function (chars, min, max) {
    while (this.cursor < this.limit) {
      if (!inG(chars, min, max, this.current.codePointAt(this.cursor))) return true;
      this.next_char();
    }
    return false;
  };

  E.in_grouping_b = function (chars, min, max) {
    if (this.cursor <= this.limit_backward) return false;
    var c = this.cursor;
    this.previous_char();
    if (!inG(chars, min, max, this.current.codePointAt(this.cursor))) { this.cursor = c; return false; }
    return true;
  };

  E.go_in_grouping_b = function (chars, min, max) {
    while (this.cursor > this.limit_backward) {
      var c = this.cursor;
      this.previous_char();
      if (!inG(chars, min, max, this.current.codePointAt(this.cursor))) { this.cursor = c; return true; }
    }
    return false;
  };

  E.out_grouping = function (chars, min, max) {
    if (this.cursor >= this.limit) return false;
    if (inG(chars, min, max, this.current.codePointAt(this.cursor))) return false;
    this.next_char();
    return true;
  };

  E.go_out_grouping = function (chars, min, max) {
    while (this.cursor < this.limit) {
      if (inG(chars, min, max, this.current.codePointAt(this.cursor))) return true;
      this.next_char();
    }
    return false;
  };

  E.out_grouping_b = function (chars, min, max) {
    if (this.cursor <= this.limit_backward) return false;
    var c = this.cursor;
    this.previous_char();
    if (!inG(chars, min, max, this.current.codePointAt(this.cursor))) return true;
    this.cursor = c;
    return false;
  };

  E.go_out_grouping_b = function (chars, min, max) {
    while (this.cursor > this.limit_backward) {
      var c = this.cursor;
      this.previous_char();
      if (inG(chars, min, max, this.current.codePointAt(this.cursor))) { this.cursor = c; return true; }
    }
    return false;
  };

  E.find_among = function (amongs) {
    var i = 0, j = amongs.length, c = this.cursor, l = this.limit;
    var common_i = 0, common_j = 0, first_key_inspected = false, w;
    for (;;) {
      var k = i + ((j - i) >> 1), diff = 0;
      var common = common_i < common_j ? common_i : common_j;
      w = amongs[k];
      for (var lvar = common; lvar < w[0].length; lvar++) {
        if (c + common === l) { diff = -1; break; }
        diff = this.current.charCodeAt(c + common) - w[0].charCodeAt(lvar);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    for (;;) {
      w = amongs[i];
      if (common_i >= w[0].length) {
        this.cursor = c + w[0].length;
        return w[2];
      }
      i = w[1];
      if (i < 0) return 0;
    }
  };

  E.find_among_b = function (amongs) {
    var i = 0, j = amongs.length, c = this.cursor, lb = this.limit_backward;
    var common_i = 0, common_j = 0, first_key_inspected = false, w;
    for (;;) {
      var k = i + ((j - i) >> 1), diff = 0;
      var common = common_i < common_j ? common_i : common_j;
      w = amongs[k];
      for (var lvar = w[0].length - common - 1; lvar >= 0; lvar--) {
        if (c - common === lb) { diff = -1; break; }
        diff = this.current.charCodeAt(c - common - 1) - w[0].charCodeAt(lvar);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    for (;;) {
      w = amongs[i];
      if (common_i >= w[0].length) {
        this.cursor = c - w[0].length;
        return w[2];
      }
      i = w[1];
      if (i < 0) return 0;
    }
  };

  /* ---------------------------------------------------------------------
   * English program: port of frostem's src/algorithms/english_stemmer.rs
   * ("Generated from english.sbl by Snowball 3.1.1"), labels kept.
   * ------------------------------------------------------------------- */
  var A_0 = [
    ["arsen", -1, -1], ["commun", -1, -1], ["emerg", -1, -1], ["gener", -1, -1],
    ["inter", -1, -1], ["later", -1, -1], ["organ", -1, -1], ["past", -1, -1],
    ["univers", -1, -1]
  ];
  var A_1 = [["'", -1, 1], ["'s'", 0, 1], ["'s", -1, 1]];
  var A_2 = [
    ["ied", -1, 2], ["s", -1, 3], ["ies", 1, 2], ["sses", 1, 1], ["ss", 1, -1], ["us", 1, -1]
  ];
  var A_3 = [["succ", -1, 1], ["proc", -1, 1], ["exc", -1, 1]];
  var A_4 = [
    ["even", -1, 2], ["cann", -1, 2], ["inn", -1, 2], ["earr", -1, 2], ["herr", -1, 2],
    ["out", -1, 2], ["y", -1, 1]
  ];
  var A_5 = [
    ["", -1, -1], ["ed", 0, 2], ["eed", 1, 1], ["ing", 0, 3], ["edly", 0, 2],
    ["eedly", 4, 1], ["ingly", 0, 2]
  ];
  var A_6 = [
    ["", -1, 3], ["bb", 0, 2], ["dd", 0, 2], ["ff", 0, 2], ["gg", 0, 2], ["bl", 0, 1],
    ["mm", 0, 2], ["nn", 0, 2], ["pp", 0, 2], ["rr", 0, 2], ["at", 0, 1], ["tt", 0, 2],
    ["iz", 0, 1]
  ];
  var A_7 = [
    ["anci", -1, 3], ["enci", -1, 2], ["ogi", -1, 14], ["li", -1, 16], ["bli", 3, 12],
    ["abli", 4, 4], ["alli", 3, 8], ["fulli", 3, 9], ["lessli", 3, 15], ["ousli", 3, 10],
    ["entli", 3, 5], ["aliti", -1, 8], ["biliti", -1, 12], ["iviti", -1, 11],
    ["tional", -1, 1], ["ational", 14, 7], ["alism", -1, 8], ["ation", -1, 7],
    ["ization", 17, 6], ["izer", -1, 6], ["ator", -1, 7], ["iveness", -1, 11],
    ["fulness", -1, 9], ["ousness", -1, 10], ["ogist", -1, 13]
  ];
  var A_8 = [
    ["icate", -1, 4], ["ative", -1, 6], ["alize", -1, 3], ["iciti", -1, 4], ["ical", -1, 4],
    ["tional", -1, 1], ["ational", 5, 2], ["ful", -1, 5], ["ness", -1, 5]
  ];
  var A_9 = [
    ["ic", -1, 1], ["ance", -1, 1], ["ence", -1, 1], ["able", -1, 1], ["ible", -1, 1],
    ["ate", -1, 1], ["ive", -1, 1], ["ize", -1, 1], ["iti", -1, 1], ["al", -1, 1],
    ["ism", -1, 1], ["ion", -1, 2], ["er", -1, 1], ["ous", -1, 1], ["ant", -1, 1],
    ["ent", -1, 1], ["ment", 15, 1], ["ement", 16, 1]
  ];
  var A_10 = [["e", -1, 1], ["l", -1, 2]];
  var A_11 = [
    ["andes", -1, -1], ["atlas", -1, -1], ["bias", -1, -1], ["cosmos", -1, -1],
    ["early", -1, 6], ["gently", -1, 4], ["howe", -1, -1], ["idly", -1, 3],
    ["news", -1, -1], ["only", -1, 7], ["singly", -1, 8], ["skies", -1, 2],
    ["skis", -1, 1], ["sky", -1, -1], ["ugly", -1, 5]
  ];

  var G_aeo = [17, 64];
  var G_v = [17, 65, 16, 1];
  var G_v_WXY = [1, 17, 65, 208, 1];
  var G_valid_LI = [55, 141, 2];

  function r_shortv(env) {
    lab0: {
      var v_1 = env.limit - env.cursor;
      lab1: {
        if (!env.out_grouping_b(G_v_WXY, 89, 121)) break lab1;
        if (!env.in_grouping_b(G_v, 97, 121)) break lab1;
        if (!env.out_grouping_b(G_v, 97, 121)) break lab1;
        break lab0;
      }
      env.cursor = env.limit - v_1;
      lab2: {
        if (!env.out_grouping_b(G_v, 97, 121)) break lab2;
        if (!env.in_grouping_b(G_v, 97, 121)) break lab2;
        if (env.cursor > env.limit_backward) break lab2;
        break lab0;
      }
      env.cursor = env.limit - v_1;
      if (!env.eq_s_b("past")) return false;
    }
    return true;
  }

  // Filters copied from the generated code: true when the code unit at p
  // is in 0x60..0x7f and its bit (low 5 bits) is set in mask.
  function fl(env, p, mask) {
    var u = env.unit(p);
    return (u >> 5) === 3 && ((mask >> (u & 0x1f)) & 1) !== 0;
  }

  function stem(env) {
    var among_var, b_Y_found = false, i_p2, i_p1;
    var v_1, v_2, v_3, v_4, v_5, v_6, v_7, v_8, v_9, v_10, v_11, v_12, v_13, v_14, v_15,
        v_16, v_17, v_18, v_19, v_20, v_21, v_22, v_23, v_24, v_25, v_26, v_27, v_28, v_29;
    lab0: {
      v_1 = env.cursor;
      lab1: {
        env.bra = env.cursor;
        if (env.cursor + 2 >= env.limit || !fl(env, env.cursor + 2, 42750482)) break lab1;
        among_var = env.find_among(A_11);
        if (among_var === 0) break lab1;
        env.ket = env.cursor;
        if (env.cursor < env.limit) break lab1;
        switch (among_var) {
          case 1: env.slice_from("ski"); break;
          case 2: env.slice_from("sky"); break;
          case 3: env.slice_from("idl"); break;
          case 4: env.slice_from("gentl"); break;
          case 5: env.slice_from("ugli"); break;
          case 6: env.slice_from("earli"); break;
          case 7: env.slice_from("onli"); break;
          case 8: env.slice_from("singl"); break;
        }
        break lab0;
      }
      env.cursor = v_1;
      lab2: {
        lab3: {
          if (!env.hop(3)) break lab3;
          break lab2;
        }
        break lab0;
      }
      env.cursor = v_1;
      // prelude
      lab4: {
        b_Y_found = false;
        v_2 = env.cursor;
        lab5: {
          env.bra = env.cursor;
          if (!env.eq_s("'")) break lab5;
          env.ket = env.cursor;
          env.slice_del();
        }
        env.cursor = v_2;
        v_3 = env.cursor;
        lab6: {
          env.bra = env.cursor;
          if (!env.eq_s("y")) break lab6;
          env.ket = env.cursor;
          env.slice_from("Y");
          b_Y_found = true;
        }
        env.cursor = v_3;
        v_4 = env.cursor;
        lab7: {
          replab8: while (true) {
            v_5 = env.cursor;
            lab9: {
              golab10: while (true) {
                v_6 = env.cursor;
                lab11: {
                  if (!env.in_grouping(G_v, 97, 121)) break lab11;
                  env.bra = env.cursor;
                  if (!env.eq_s("y")) break lab11;
                  env.ket = env.cursor;
                  env.cursor = v_6;
                  break golab10;
                }
                env.cursor = v_6;
                if (env.cursor >= env.limit) break lab9;
                env.next_char();
              }
              env.slice_from("Y");
              b_Y_found = true;
              continue replab8;
            }
            env.cursor = v_5;
            break replab8;
          }
        }
        env.cursor = v_4;
      }
      // mark_regions
      lab12: {
        i_p1 = env.limit;
        i_p2 = env.limit;
        v_7 = env.cursor;
        lab13: {
          lab14: {
            v_8 = env.cursor;
            lab15: {
              if (env.cursor + 3 >= env.limit || !fl(env, env.cursor + 3, 5513250)) break lab15;
              if (env.find_among(A_0) === 0) break lab15;
              break lab14;
            }
            env.cursor = v_8;
            if (!env.go_out_grouping(G_v, 97, 121)) break lab13;
            env.next_char();
            if (!env.go_in_grouping(G_v, 97, 121)) break lab13;
            env.next_char();
          }
          i_p1 = env.cursor;
          if (!env.go_out_grouping(G_v, 97, 121)) break lab13;
          env.next_char();
          if (!env.go_in_grouping(G_v, 97, 121)) break lab13;
          env.next_char();
          i_p2 = env.cursor;
        }
        env.cursor = v_7;
      }
      env.limit_backward = env.cursor;
      env.cursor = env.limit;
      // Step_1a
      v_9 = env.limit - env.cursor;
      lab16: {
        v_10 = env.limit - env.cursor;
        lab17: {
          env.ket = env.cursor;
          if (env.cursor <= env.limit_backward ||
              (env.unit(env.cursor - 1) !== 39 && env.unit(env.cursor - 1) !== 115)) {
            env.cursor = env.limit - v_10;
            break lab17;
          }
          if (env.find_among_b(A_1) === 0) {
            env.cursor = env.limit - v_10;
            break lab17;
          }
          env.bra = env.cursor;
          env.slice_del();
        }
        env.ket = env.cursor;
        if (env.cursor <= env.limit_backward ||
            (env.unit(env.cursor - 1) !== 100 && env.unit(env.cursor - 1) !== 115)) break lab16;
        among_var = env.find_among_b(A_2);
        if (among_var === 0) break lab16;
        env.bra = env.cursor;
        switch (among_var) {
          case 1:
            env.slice_from("ss");
            break;
          case 2:
            lab18: {
              v_11 = env.limit - env.cursor;
              lab19: {
                if (!env.hop_back(2)) break lab19;
                env.slice_from("i");
                break lab18;
              }
              env.cursor = env.limit - v_11;
              env.slice_from("ie");
            }
            break;
          case 3:
            if (env.cursor <= env.limit_backward) break lab16;
            env.previous_char();
            if (!env.go_out_grouping_b(G_v, 97, 121)) break lab16;
            env.previous_char();
            env.slice_del();
            break;
        }
      }
      env.cursor = env.limit - v_9;
      // Step_1b
      v_12 = env.limit - env.cursor;
      lab20: {
        env.ket = env.cursor;
        if (env.cursor - 1 <= env.limit_backward || !fl(env, env.cursor - 1, 33554576)) among_var = -1;
        else among_var = env.find_among_b(A_5);
        env.bra = env.cursor;
        lab21: {
          v_13 = env.limit - env.cursor;
          lab22: {
            switch (among_var) {
              case 1:
                v_14 = env.limit - env.cursor;
                lab23: {
                  if (i_p1 > env.cursor) break lab23;
                  lab24: {
                    v_15 = env.limit - env.cursor;
                    lab25: {
                      if (env.cursor - 2 <= env.limit_backward || env.unit(env.cursor - 1) !== 99) break lab25;
                      if (env.find_among_b(A_3) === 0) break lab25;
                      if (env.cursor > env.limit_backward) break lab25;
                      break lab24;
                    }
                    env.cursor = env.limit - v_15;
                    env.slice_from("ee");
                  }
                }
                env.cursor = env.limit - v_14;
                break;
              case 2:
                break lab22;
              case 3:
                if (env.cursor <= env.limit_backward || !fl(env, env.cursor - 1, 34881536)) break lab22;
                among_var = env.find_among_b(A_4);
                if (among_var === 0) break lab22;
                switch (among_var) {
                  case 1:
                    v_16 = env.limit - env.cursor;
                    if (!env.out_grouping_b(G_v, 97, 121)) break lab22;
                    if (env.cursor > env.limit_backward) break lab22;
                    env.cursor = env.limit - v_16;
                    env.bra = env.cursor;
                    env.slice_from("ie");
                    break;
                  case 2:
                    if (env.cursor > env.limit_backward) break lab22;
                    break;
                }
                break;
            }
            break lab21;
          }
          env.cursor = env.limit - v_13;
          v_17 = env.limit - env.cursor;
          if (!env.go_out_grouping_b(G_v, 97, 121)) break lab20;
          env.previous_char();
          env.cursor = env.limit - v_17;
          env.slice_del();
          env.ket = env.cursor;
          env.bra = env.cursor;
          v_18 = env.limit - env.cursor;
          if (env.cursor - 1 <= env.limit_backward || !fl(env, env.cursor - 1, 68514004)) among_var = 3;
          else among_var = env.find_among_b(A_6);
          switch (among_var) {
            case 1:
              env.slice_from("e");
              break lab20;
            case 2:
              v_19 = env.limit - env.cursor;
              lab26: {
                if (!env.in_grouping_b(G_aeo, 97, 111)) break lab26;
                if (env.cursor > env.limit_backward) break lab26;
                break lab20;
              }
              env.cursor = env.limit - v_19;
              break;
            case 3:
              if (env.cursor !== i_p1) break lab20;
              v_20 = env.limit - env.cursor;
              if (!r_shortv(env)) break lab20;
              env.cursor = env.limit - v_20;
              env.slice_from("e");
              break lab20;
          }
          env.cursor = env.limit - v_18;
          env.ket = env.cursor;
          if (env.cursor <= env.limit_backward) break lab20;
          env.previous_char();
          env.bra = env.cursor;
          env.slice_del();
        }
      }
      env.cursor = env.limit - v_12;
      // Step_1c
      v_21 = env.limit - env.cursor;
      lab27: {
        env.ket = env.cursor;
        lab28: {
          lab29: {
            if (!env.eq_s_b("y")) break lab29;
            break lab28;
          }
          if (!env.eq_s_b("Y")) break lab27;
        }
        env.bra = env.cursor;
        if (!env.out_grouping_b(G_v, 97, 121)) break lab27;
        if (env.cursor <= env.limit_backward) break lab27;
        env.slice_from("i");
      }
      env.cursor = env.limit - v_21;
      // Step_2
      v_22 = env.limit - env.cursor;
      lab30: {
        env.ket = env.cursor;
        if (env.cursor - 1 <= env.limit_backward || !fl(env, env.cursor - 1, 1864192)) break lab30;
        among_var = env.find_among_b(A_7);
        if (among_var === 0) break lab30;
        env.bra = env.cursor;
        if (i_p1 > env.cursor) break lab30;
        switch (among_var) {
          case 1: env.slice_from("tion"); break;
          case 2: env.slice_from("ence"); break;
          case 3: env.slice_from("ance"); break;
          case 4: env.slice_from("able"); break;
          case 5: env.slice_from("ent"); break;
          case 6: env.slice_from("ize"); break;
          case 7: env.slice_from("ate"); break;
          case 8: env.slice_from("al"); break;
          case 9: env.slice_from("ful"); break;
          case 10: env.slice_from("ous"); break;
          case 11: env.slice_from("ive"); break;
          case 12: env.slice_from("ble"); break;
          case 13: env.slice_from("og"); break;
          case 14:
            if (!env.eq_s_b("l")) break lab30;
            env.slice_from("og");
            break;
          case 15: env.slice_from("less"); break;
          case 16:
            if (!env.in_grouping_b(G_valid_LI, 99, 116)) break lab30;
            env.slice_del();
            break;
        }
      }
      env.cursor = env.limit - v_22;
      // Step_3
      v_23 = env.limit - env.cursor;
      lab31: {
        env.ket = env.cursor;
        if (env.cursor - 2 <= env.limit_backward || !fl(env, env.cursor - 1, 528928)) break lab31;
        among_var = env.find_among_b(A_8);
        if (among_var === 0) break lab31;
        env.bra = env.cursor;
        if (i_p1 > env.cursor) break lab31;
        switch (among_var) {
          case 1: env.slice_from("tion"); break;
          case 2: env.slice_from("ate"); break;
          case 3: env.slice_from("al"); break;
          case 4: env.slice_from("ic"); break;
          case 5: env.slice_del(); break;
          case 6:
            if (i_p2 > env.cursor) break lab31;
            env.slice_del();
            break;
        }
      }
      env.cursor = env.limit - v_23;
      // Step_4
      v_24 = env.limit - env.cursor;
      lab32: {
        env.ket = env.cursor;
        if (env.cursor - 1 <= env.limit_backward || !fl(env, env.cursor - 1, 1864232)) break lab32;
        among_var = env.find_among_b(A_9);
        if (among_var === 0) break lab32;
        env.bra = env.cursor;
        if (i_p2 > env.cursor) break lab32;
        switch (among_var) {
          case 1:
            env.slice_del();
            break;
          case 2:
            lab33: {
              lab34: {
                if (!env.eq_s_b("s")) break lab34;
                break lab33;
              }
              if (!env.eq_s_b("t")) break lab32;
            }
            env.slice_del();
            break;
        }
      }
      env.cursor = env.limit - v_24;
      // Step_5
      v_25 = env.limit - env.cursor;
      lab35: {
        env.ket = env.cursor;
        if (env.cursor <= env.limit_backward ||
            (env.unit(env.cursor - 1) !== 101 && env.unit(env.cursor - 1) !== 108)) break lab35;
        among_var = env.find_among_b(A_10);
        if (among_var === 0) break lab35;
        env.bra = env.cursor;
        switch (among_var) {
          case 1:
            lab36: {
              lab37: {
                if (i_p2 > env.cursor) break lab37;
                break lab36;
              }
              if (i_p1 > env.cursor) break lab35;
              v_26 = env.limit - env.cursor;
              lab38: {
                if (!r_shortv(env)) break lab38;
                break lab35;
              }
              env.cursor = env.limit - v_26;
            }
            env.slice_del();
            break;
          case 2:
            if (i_p2 > env.cursor) break lab35;
            if (!env.eq_s_b("l")) break lab35;
            env.slice_del();
            break;
        }
      }
      env.cursor = env.limit - v_25;
      env.cursor = env.limit_backward;
      // postlude
      v_27 = env.cursor;
      lab39: {
        if (!b_Y_found) break lab39;
        replab40: while (true) {
          v_28 = env.cursor;
          lab41: {
            golab42: while (true) {
              v_29 = env.cursor;
              lab43: {
                env.bra = env.cursor;
                if (!env.eq_s("Y")) break lab43;
                env.ket = env.cursor;
                env.cursor = v_29;
                break golab42;
              }
              env.cursor = v_29;
              if (env.cursor >= env.limit) break lab41;
              env.next_char();
            }
            env.slice_from("y");
            continue replab40;
          }
          env.cursor = v_28;
          break replab40;
        }
      }
      env.cursor = v_27;
    }
    return true;
  }

  var D = root.Doracak = root.Doracak || {};
  /** Stem one (already lowercased) word with the Snowball English stemmer. */
  D.stemEnglish = function (word) {
    var env = new SnowballEnv(String(word));
    stem(env);
    return env.current;
  };
})(typeof window !== "undefined" ? window : globalThis);
