/*
 * Trillium search core: the query-time half of the site search.
 *
 * The build (Sources/Trillium/Search, Swift) turns page text into terms with the very
 * same pipeline as this file; Tests/Fixtures/search-vectors.json holds the shared
 * expected outputs that both implementations are tested against. Change both or neither.
 *
 * Pipeline, per language:
 *   1. fold: each code point becomes lowercase ASCII letters/digits, an apostrophe, a
 *      space (separator) or nothing (combining marks, invisible format characters).
 *   2. chunks: runs of [a-z0-9'] with apostrophes trimmed at both ends; in French a
 *      leading elision (l' d' qu' jusqu' ...) is dropped, in English a trailing 's.
 *   3. words: chunks split on apostrophes.
 *   4. stop words (folded forms) are dropped.
 *   5. stem: Snowball "english" (Porter2) or Snowball "french", applied to the FOLDED
 *      word, so that two spellings that differ only in accents always give the same
 *      term ("securite" = "sécurité", "traite" = "traité"). Snowball's French rules
 *      read accents, so French words first get back the accent of four endings whose
 *      folded spelling is unambiguous (-ee(s) -ée(s), -iere(s) -ière(s), -ierement
 *      -ièrement, -ite(s) -ité(s)); the stem is then folded again.
 *
 * Classic script, no dependencies, no DOM access: sets globalThis.TrilliumSearchCore.
 */
(function (root) {
  "use strict";

  // ---- 1. Folding ---------------------------------------------------------------

  // One slot per code point U+00C0..U+017F. Capitals stand for two letters (see WIDE),
  // a space for a separator (the multiplication and division signs).
  var LATIN =
    "aaaaaaAceeeeiiiidnooooo ouuuuyTSaaaaaaAceeeeiiiidnooooo ouuuuyTy" +
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiIIjjkkkllllllllll" +
    "nnnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  var WIDE = { A: "ae", O: "oe", S: "ss", T: "th", I: "ij" };
  var SPECIAL = {
    0xaa: "a", 0xba: "o", 0xb2: "2", 0xb3: "3", 0xb9: "1",
    0xb4: "'", 0x2bc: "'", 0x2018: "'", 0x2019: "'", 0x201b: "'", 0x2032: "'",
    0xad: "", 0x200b: "", 0x200c: "", 0x200d: "", 0x2060: "", 0xfeff: "",
    0xfb00: "ff", 0xfb01: "fi", 0xfb02: "fl", 0xfb03: "ffi", 0xfb04: "ffl", 0xfb05: "st", 0xfb06: "st"
  };

  function foldPoint(c) {
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return String.fromCharCode(c);
      return c === 0x27 || c === 0x60 ? "'" : " ";
    }
    if (c >= 0xc0 && c <= 0x17f) {
      var s = LATIN.charAt(c - 0xc0);
      return WIDE[s] || s;
    }
    if (SPECIAL.hasOwnProperty(c)) return SPECIAL[c];
    if ((c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) ||
        (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f)) return ""; // combining marks
    if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xff10 + 0x30); // fullwidth digits
    if (c >= 0xff21 && c <= 0xff3a) return String.fromCharCode(c - 0xff21 + 0x61);
    if (c >= 0xff41 && c <= 0xff5a) return String.fromCharCode(c - 0xff41 + 0x61);
    return " ";
  }

  /** Folds text to lowercase ASCII: the result holds only a-z, 0-9, apostrophes and spaces. */
  function fold(text) {
    var out = "";
    for (var ch of String(text)) out += foldPoint(ch.codePointAt(0));
    return out;
  }

  // ---- Shared helpers for the stemmers --------------------------------------------

  function table(pairs) {
    var map = new Map();
    map.max = 0;
    pairs.split(" ").forEach(function (pair) {
      var kv = pair.split(":");
      map.set(kv[0], kv.length > 1 ? kv[1] : "");
      map.max = Math.max(map.max, kv[0].length);
    });
    return map;
  }

  /** Longest key of `map` that ends `w` and starts at or after `limit`; "" if none. */
  function suffix(w, map, limit) {
    for (var n = Math.min(map.max, w.length - (limit || 0)); n > 0; n--) {
      var s = w.slice(w.length - n);
      if (map.has(s)) return s;
    }
    return "";
  }

  /** Index just past the first non-vowel that follows the first vowel at or after `from`. */
  function region(w, from, isV) {
    var i = from;
    while (i < w.length && !isV(w.charAt(i))) i++;
    while (i < w.length && isV(w.charAt(i))) i++;
    return i < w.length ? i + 1 : w.length;
  }

  // ---- 5a. English: Snowball "english" (Porter2), as published by snowballstem.org --

  var EN_V = "aeiouy";
  function enV(c) { return c !== "" && EN_V.indexOf(c) >= 0; }
  var EN_EXCEPTIONS = table(
    "skis:ski skies:sky idly:idl gently:gentl ugly:ugli early:earli only:onli singly:singl " +
    "sky:sky news:news howe:howe atlas:atlas cosmos:cosmos bias:bias andes:andes");
  var EN_PREFIXES = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];
  var EN_APOSTROPHE = table("' 's 's'");
  var EN_1B = table("eedly:1 ingly:2 edly:2 eed:1 ing:3 ed:2"); // 1: -eed, 2: -ed, 3: -ing
  var EN_ING = table("inn out cann herr earr even");
  var EN_2 = table(
    "tional:tion enci:ence anci:ance abli:able entli:ent izer:ize ization:ize ational:ate " +
    "ation:ate ator:ate alism:al aliti:al alli:al fulness:ful ousli:ous ousness:ous " +
    "iveness:ive iviti:ive biliti:ble bli:ble ogist:og ogi:og fulli:ful lessli:less li");
  var EN_3 = table("tional:tion ational:ate alize:al icate:ic iciti:ic ical:ic ful ness ative");
  var EN_4 = table("al ance ence er ic able ible ant ement ment ent ism ate iti ous ive ize ion");

  /** Ends in a short syllable at `end` (Porter2's "shortv"). */
  function enShort(w, end) {
    var a = w.charAt(end - 3), b = w.charAt(end - 2), c = w.charAt(end - 1);
    if (end >= 3 && !enV(c) && "wxY".indexOf(c) < 0 && enV(b) && !enV(a)) return true;
    if (end === 2 && !enV(c) && enV(b)) return true;
    return w.slice(0, end).slice(-4) === "past";
  }

  function stemEnglish(word) {
    if (EN_EXCEPTIONS.has(word)) return EN_EXCEPTIONS.get(word);
    if (word.length < 3) return word;
    var w = word.charAt(0) === "'" ? word.slice(1) : word;
    var yFound = false, i, s, n;
    var chars = w.split("");
    for (i = 0; i < chars.length; i++) {
      if (chars[i] === "y" && (i === 0 || enV(chars[i - 1]))) { chars[i] = "Y"; yFound = true; }
    }
    w = chars.join("");
    var pre = EN_PREFIXES.filter(function (p) { return w.slice(0, p.length) === p; })[0];
    var p1 = pre ? pre.length : region(w, 0, enV);
    var p2 = region(w, p1, enV);
    function hasV(end) { for (var j = 0; j < end; j++) if (enV(w.charAt(j))) return true; return false; }

    // Step 1a
    s = suffix(w, EN_APOSTROPHE);
    if (s) w = w.slice(0, -s.length);
    if (/sses$/.test(w)) w = w.slice(0, -2);
    else if (/ie[ds]$/.test(w)) w = w.slice(0, -3) + (w.length > 4 ? "i" : "ie");
    else if (/(us|ss)$/.test(w)) { /* keep */ }
    else if (/s$/.test(w) && w.length >= 2 && hasV(w.length - 2)) w = w.slice(0, -1);

    // Step 1b
    s = suffix(w, EN_1B);
    n = w.length - s.length;
    var general = s && EN_1B.get(s) !== "1";
    if (EN_1B.get(s) === "1") {
      var st = w.slice(0, n);
      if (st !== "proc" && st !== "exc" && st !== "succ" && n >= p1) w = st + "ee";
    } else if (s === "ing") {
      if (w.charAt(n - 1) === "y" && n === 2 && !enV(w.charAt(0))) { w = w.charAt(0) + "ie"; general = false; }
      else if (EN_ING.has(w.slice(0, n))) general = false;
    }
    if (general && hasV(n)) {
      w = w.slice(0, n);
      if (/(at|bl|iz)$/.test(w)) w += "e";
      else if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) {
        if (!(w.length === 3 && "aeo".indexOf(w.charAt(0)) >= 0)) w = w.slice(0, -1);
      } else if (w.length === p1 && enShort(w, w.length)) w += "e";
    }

    // Step 1c
    n = w.length;
    if (n > 2 && (w.charAt(n - 1) === "y" || w.charAt(n - 1) === "Y") && !enV(w.charAt(n - 2))) {
      w = w.slice(0, -1) + "i";
    }

    // Step 2
    s = suffix(w, EN_2);
    n = w.length - s.length;
    if (s && n >= p1) {
      if (s === "li") { if (n > 0 && "cdeghkmnrt".indexOf(w.charAt(n - 1)) >= 0) w = w.slice(0, n); }
      else if (s === "ogi") { if (w.charAt(n - 1) === "l") w = w.slice(0, n) + "og"; }
      else w = w.slice(0, n) + EN_2.get(s);
    }

    // Step 3
    s = suffix(w, EN_3);
    n = w.length - s.length;
    if (s && n >= p1 && (s !== "ative" || n >= p2)) w = w.slice(0, n) + EN_3.get(s);

    // Step 4
    s = suffix(w, EN_4);
    n = w.length - s.length;
    if (s && n >= p2 && (s !== "ion" || /[st]/.test(w.charAt(n - 1)))) w = w.slice(0, n);

    // Step 5
    n = w.length - 1;
    if (w.charAt(n) === "e" && (n >= p2 || (n >= p1 && !enShort(w, n)))) w = w.slice(0, n);
    else if (w.charAt(n) === "l" && n >= p2 && w.charAt(n - 1) === "l") w = w.slice(0, n);

    return yFound ? w.replace(/Y/g, "y") : w;
  }

  // ---- 5b. French: Snowball "french", as published by snowballstem.org -------------
  // The pipeline only ever passes folded (unaccented) words, but the stemmer itself
  // follows the published algorithm for accented words too, so it can be checked
  // against Snowball's own vocabulary.

  var FR_V = "aeiouy\u00e2\u00e0\u00eb\u00e9\u00ea\u00e8\u00ef\u00ee\u00f4\u00fb\u00f9";
  function frV(c) { return c !== "" && c !== undefined && FR_V.indexOf(c) >= 0; }
  var FR_STD = table(
    "ance:1 iqUe:1 isme:1 able:1 iste:1 eux:1 ances:1 iqUes:1 ismes:1 ables:1 istes:1 " +
    "atrice:2 ateur:2 ation:2 atrices:2 ateurs:2 ations:2 logie:3 logies:3 " +
    "usion:4 ution:4 usions:4 utions:4 ence:5 ences:5 ement:6 ements:6 " +
    "it\u00e9:7 it\u00e9s:7 if:8 ive:8 ifs:8 ives:8 eaux:9 aux:10 oux:11 euse:12 euses:12 " +
    "issement:13 issements:13 amment:14 emment:15 ment:16 ments:16");
  var FR_EMENT = table("iv:1 eus:2 abl:3 iqU:3 i\u00e8r:4 I\u00e8r:4");
  var FR_ITE = table("abil:1 ic:2 iv:3");
  var FR_IVERB = table(
    "\u00eemes \u00eet \u00eetes i ie ies ir ira irai iraIent irais irait iras irent irez iriez " +
    "irions irons iront is issaIent issais issait issant issante issantes issants isse " +
    "issent isses issez issiez issions issons it");
  var FR_VERB = table(
    "ions:1 \u00e9:2 \u00e9e:2 \u00e9es:2 \u00e9s:2 \u00e8rent:2 er:2 era:2 erai:2 eraIent:2 erais:2 " +
    "erait:2 eras:2 erez:2 eriez:2 erions:2 erons:2 eront:2 ez:2 iez:2 eais:2 " +
    "\u00e2mes:3 \u00e2t:3 \u00e2tes:3 a:3 ai:3 aIent:3 ait:3 ant:3 ante:3 antes:3 ants:3 as:3 " +
    "asse:3 assent:3 asses:3 assiez:3 assions:3 ais:4 aise:4 aises:4");
  var FR_RESIDUAL = table("ion:1 ier:2 i\u00e8re:2 Ier:2 I\u00e8re:2 e:3");

  function stemFrench(word) {
    var w = word, i;
    var el = /^(?:qu|[cdjlmnst])'/.exec(w);
    if (el && w.length > el[0].length) w = w.slice(el[0].length);

    // Prelude: mark vowels that act as consonants (Snowball's "repeat goto").
    var a = w.split("");
    for (i = 0; i < a.length;) {
      var c = a[i], d = a[i + 1];
      if (frV(c) && d === "u" && frV(a[i + 2])) a[i + 1] = "U";
      else if (frV(c) && d === "i" && frV(a[i + 2])) a[i + 1] = "I";
      else if (frV(c) && d === "y") a[i + 1] = "Y";
      else if (c === "\u00eb") a.splice(i, 1, "H", "e");
      else if (c === "\u00ef") a.splice(i, 1, "H", "i");
      else if (c === "y" && frV(d)) a[i] = "Y";
      else if (c === "q" && d === "u") a[i + 1] = "U";
      else i++;
    }
    w = a.join("");

    var len = w.length, pV = len;
    if (len >= 3 && frV(w.charAt(0)) && frV(w.charAt(1))) pV = 3;
    else if (/^(par|col|tap)/.test(w) || (w.slice(0, 2) === "ni" && frV(w.charAt(2)))) pV = 3;
    else for (i = 1; i < len; i++) if (frV(w.charAt(i))) { pV = i + 1; break; }
    var p1 = region(w, 0, frV), p2 = region(w, p1, frV);

    function cut(n, add) { w = w.slice(0, n) + (add || ""); }
    function endsAt(t, lim) { var s = suffix(w, table(t), lim); return s ? w.length - s.length : -1; }

    function standard() {
      var s = suffix(w, FR_STD), n = w.length - s.length, k;
      switch (FR_STD.get(s)) {
        case "1": if (n < p2) return false; cut(n); break;
        case "2":
          if (n < p2) return false; cut(n);
          if ((k = endsAt("ic")) >= 0) cut(k, k >= p2 ? "" : "iqU");
          break;
        case "3": if (n < p2) return false; cut(n, "log"); break;
        case "4": if (n < p2) return false; cut(n, "u"); break;
        case "5": if (n < p2) return false; cut(n, "ent"); break;
        case "6":
          if (n < pV) return false; cut(n);
          s = suffix(w, FR_EMENT); k = w.length - s.length;
          switch (FR_EMENT.get(s)) {
            case "1": if (k >= p2) { cut(k); if ((k = endsAt("at")) >= p2) cut(k); } break;
            case "2": if (k >= p2) cut(k); else if (k >= p1) cut(k, "eux"); break;
            case "3": if (k >= p2) cut(k); break;
            case "4": if (k >= pV) cut(k, "i"); break;
          }
          break;
        case "7":
          if (n < p2) return false; cut(n);
          s = suffix(w, FR_ITE); k = w.length - s.length;
          switch (FR_ITE.get(s)) {
            case "1": cut(k, k >= p2 ? "" : "abl"); break;
            case "2": cut(k, k >= p2 ? "" : "iqU"); break;
            case "3": if (k >= p2) cut(k); break;
          }
          break;
        case "8":
          if (n < p2) return false; cut(n);
          if ((k = endsAt("at")) >= p2) {
            cut(k);
            if ((k = endsAt("ic")) >= 0) cut(k, k >= p2 ? "" : "iqU");
          }
          break;
        case "9": cut(n, "eau"); break;
        case "10": if (n < p1) return false; cut(n, "al"); break;
        case "11": if ("bhjlnp".indexOf(w.charAt(n - 1)) < 0 || n < 1) return false; cut(n, "ou"); break;
        case "12":
          if (n >= p2) cut(n); else if (n >= p1) cut(n, "eux"); else return false;
          break;
        case "13": if (n < p1 || n < 1 || frV(w.charAt(n - 1))) return false; cut(n); break;
        case "14": if (n >= pV) cut(n, "ant"); return false;
        case "15": if (n >= pV) cut(n, "ent"); return false;
        case "16": if (n - 1 >= pV && frV(w.charAt(n - 1))) cut(n); return false;
        default: return false;
      }
      return true;
    }

    function iVerb() {
      if (w.length < pV) return false;
      var s = suffix(w, FR_IVERB, pV), n = w.length - s.length, c = w.charAt(n - 1);
      if (!s || n - 1 < pV || c === "H" || frV(c)) return false;
      cut(n);
      return true;
    }

    function verb() {
      if (w.length < pV) return false;
      var s = suffix(w, FR_VERB, pV), n = w.length - s.length;
      switch (FR_VERB.get(s)) {
        case "1": if (n < p2) return false; break;
        case "3": if (w.charAt(n - 1) === "e" && n - 1 >= pV) n--; break;
        case "4":
          var before = w.slice(0, n);
          if ((/al$/.test(before) && n === 3) || /(auv|\u00e9pl)$/.test(before)) return false;
          break;
        case "2": break;
        default: return false;
      }
      cut(n);
      return true;
    }

    function residual() {
      var n = w.length - 1;
      if (w.charAt(n) === "s" && n >= 1 &&
          (w.slice(n - 2, n) === "Hi" || "aiou\u00e8s".indexOf(w.charAt(n - 1)) < 0)) cut(n);
      if (w.length < pV) return;
      var s = suffix(w, FR_RESIDUAL, pV);
      n = w.length - s.length;
      switch (FR_RESIDUAL.get(s)) {
        case "1": if (n >= p2 && n - 1 >= pV && /[st]/.test(w.charAt(n - 1))) cut(n); break;
        case "2": cut(n, "i"); break;
        case "3": cut(n); break;
      }
    }

    if (standard() || iVerb() || verb()) {
      if (/Y$/.test(w)) cut(w.length - 1, "i");
      else if (/\u00e7$/.test(w)) cut(w.length - 1, "c");
    } else {
      residual();
    }
    if (/(enn|onn|ett|ell|eill)$/.test(w)) cut(w.length - 1);
    for (i = w.length; i > 0 && !frV(w.charAt(i - 1));) i--;
    if (i < w.length && /[\u00e9\u00e8]/.test(w.charAt(i - 1))) w = w.slice(0, i - 1) + "e" + w.slice(i);
    return w.replace(/H[ei]?|[IUY]/g, function (m) {
      return { He: "\u00eb", Hi: "\u00ef", H: "", I: "i", U: "u", Y: "y" }[m];
    });
  }

  // ---- 2-4. Chunks, elisions, stop words ---------------------------------------------

  var STOP_WORDS = {
    en: ("a about all am an and are as at be been but by can do does for from had has have he " +
      "her his how i if in into is it its me my of on or our she so than that the their them " +
      "then there these they this those to us was we were what when where which who will with " +
      "you your").split(" "),
    fr: ("a au aux avec c ce ces d dans de des du elle elles en est et etre il ils j je l la le " +
      "les leur leurs lui m ma mais me mes n ne nous on ou par pas pour qu que qui s sa se ses " +
      "si son sont sur t ta te tes toi ton tu un une vos votre vous y").split(" ")
  };
  var STOP = { en: new Set(STOP_WORDS.en), fr: new Set(STOP_WORDS.fr) };
  var ELISION = /^(?:jusqu|lorsqu|puisqu|qu|[cdjlmnst])'/;

  function language(lang) { return lang === "fr" ? "fr" : "en"; }

  /** Stems one lowercase word with the language's Snowball stemmer, exactly as published. */
  function stem(word, lang) {
    return language(lang) === "fr" ? stemFrench(word) : stemEnglish(word);
  }

  /** The index term of one folded word (step 5 above). */
  function term(word, lang) {
    if (lang === "en") return stemEnglish(word);
    var w = word.replace(/ierement$/, "i\u00e8rement").replace(/iere(s?)$/, "i\u00e8re$1")
      .replace(/ee(s?)$/, "\u00e9e$1").replace(/ite(s?)$/, "it\u00e9$1");
    return fold(stemFrench(w));
  }

  /** [folded word, term] pairs for the text, in order. */
  function analyze(text, lang) {
    lang = language(lang);
    var out = [];
    fold(text).split(" ").forEach(function (chunk) {
      chunk = chunk.replace(/^'+|'+$/g, "");
      chunk = lang === "fr" ? chunk.replace(ELISION, "") : chunk.replace(/'s$/, "");
      chunk.split("'").forEach(function (word) {
        if (!word || STOP[lang].has(word)) return;
        var t = term(word, lang);
        if (t) out.push([word, t]);
      });
    });
    return out;
  }

  /** The index terms of a text: folded, split, stop words dropped, stemmed. */
  function tokens(text, lang) {
    return analyze(text, lang).map(function (pair) { return pair[1]; });
  }

  // ---- Query ---------------------------------------------------------------------

  var own = Object.prototype.hasOwnProperty;

  /**
   * Searches an index built by the site build (JSON version 1) and returns
   * [{id, url, title, score}], best score first, then in index order.
   * Every query word must match (AND). With options.prefix (the default) the last word
   * also matches every term it begins, by its term or by its folded spelling, for
   * search as you type. A document's score is the sum of the scores of all the terms
   * the query matched in it. No words left after stop words, or an index of another
   * version, give [].
   */
  function query(index, text, lang, options) {
    var prefix = !options || options.prefix !== false;
    if (!index || index.v !== 1 || !index.terms || !index.docs) return [];
    var words = analyze(text, lang);
    if (!words.length) return [];
    var terms = index.terms;
    var last = words[words.length - 1];
    var wanted = [];
    words.forEach(function (pair, i) {
      if (i < words.length - 1 && pair[1] === last[1]) return; // the last word covers it
      if (wanted.indexOf(pair[1]) < 0 || i === words.length - 1) wanted.push(pair[1]);
    });
    var scores = null;
    wanted.forEach(function (term, i) {
      var matched = own.call(terms, term) ? [term] : [];
      if (prefix && i === wanted.length - 1) {
        for (var t in terms) {
          if (own.call(terms, t) && t !== term &&
              (t.indexOf(term) === 0 || t.indexOf(last[0]) === 0)) matched.push(t);
        }
      }
      var here = {};
      matched.forEach(function (t) {
        var list = terms[t];
        for (var j = 0; j + 1 < list.length; j += 2) here[list[j]] = (here[list[j]] || 0) + list[j + 1];
      });
      if (scores === null) scores = here;
      else {
        var both = {};
        for (var d in scores) if (own.call(here, d)) both[d] = scores[d] + here[d];
        scores = both;
      }
    });
    var results = [];
    for (var d in scores) {
      var doc = index.docs[d];
      if (doc) results.push({ i: +d, id: doc[0], url: doc[1], title: doc[2], score: scores[d] });
    }
    results.sort(function (x, y) { return y.score - x.score || x.i - y.i; });
    return results.map(function (r) { return { id: r.id, url: r.url, title: r.title, score: r.score }; });
  }

  var api = { fold: fold, tokens: tokens, stem: stem, query: query, STOP_WORDS: STOP_WORDS };
  root.TrilliumSearchCore = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
