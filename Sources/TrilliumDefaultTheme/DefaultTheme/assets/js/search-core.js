/*
 * Trillium search core: the query-time half of the site search.
 *
 * The build (Sources/TrilliumSearch, Swift) turns page text into terms with the very
 * same pipeline as this file; Tests/Fixtures/search-vectors.json holds the shared
 * expected outputs that both implementations are tested against. Change both or neither.
 *
 * Pipeline, per language:
 *   1. fold: each code point becomes lowercase ASCII letters/digits, an apostrophe, a
 *      space (separator) or nothing (combining marks, invisible format characters).
 *   2. chunks: runs of [a-z0-9'] with apostrophes trimmed at both ends; in French a
 *      leading elision (l' d' qu' jusqu' ...) is dropped, in English a trailing 's.
 *   3. words: chunks split on apostrophes and where letters meet digits ("talk4healing"
 *      is talk, 4, healing).
 *   4. stop words (folded forms) are dropped.
 *   5. stem: Snowball "english" (Porter2) or Snowball "french", applied to the FOLDED
 *      word, so that two spellings that differ only in accents always give the same
 *      term ("securite" = "sécurité", "traite" = "traité"). Snowball's French rules
 *      read accents, so French words first get back the accent of four endings whose
 *      folded spelling is unambiguous (-ee(s) -ée(s), -iere(s) -ière(s), -ierement
 *      -ièrement, -ite(s) -ité(s)); the stem is then folded again.
 *
 * Names are also indexed with their words joined ("Kids Help Phone" as kidshelpphone, see
 * joinedTerms), and a query of several words also looks for them joined (fullJoin).
 *
 * The second half reads the sharded index the build writes under search/<lang>/ (format
 * version 2, Sources/TrilliumSearch/SearchIndex+Files.swift): meta.json, then only the term
 * shards a query's words fall in, then the fragments of the results shown (openIndex,
 * snippet).
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

  /** The words of one folded chunk (steps 2-4): apostrophes trimmed, elision or 's dropped,
   * split on apostrophes and at letter/digit boundaries, stop words left out. */
  function chunkWords(chunk, lang) {
    var out = [];
    chunk = chunk.replace(/^'+|'+$/g, "");
    chunk = lang === "fr" ? chunk.replace(ELISION, "") : chunk.replace(/'s$/, "");
    chunk.split("'").forEach(function (part) {
      (part.match(/[a-z]+|[0-9]+/g) || []).forEach(function (word) {
        if (!STOP[lang].has(word)) out.push(word);
      });
    });
    return out;
  }

  /** [folded word, term] pairs for the text, in order. */
  function analyze(text, lang) {
    lang = language(lang);
    var out = [];
    fold(text).split(" ").forEach(function (chunk) {
      chunkWords(chunk, lang).forEach(function (word) {
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

  // ---- Names typed without their spaces ----------------------------------------------

  var LONGEST_JOINED_WORD = 40;

  /** A name's folded chunks with their apostrophes removed, stop words kept. */
  function nameChunks(text) {
    return fold(text).split(" ").map(function (c) { return c.replace(/'/g, ""); }).filter(Boolean);
  }

  /** The extra terms a name is indexed with: each chunk that held an apostrophe, without it;
   * each run of two or three adjacent chunks joined; then all of them joined (when more than
   * three); repeats dropped. SearchText.joinedTerms. */
  function joinedTerms(text, lang) {
    lang = language(lang);
    var raw = fold(text).split(" ").filter(function (c) { return /[^']/.test(c); });
    var chunks = raw.map(function (c) { return c.replace(/'/g, ""); });
    var joined = [], seen = new Set(), out = [];
    for (var i = 0; i < chunks.length; i++) {
      if (raw[i].indexOf("'") >= 0) joined.push(chunks[i]);
      for (var n = 2; n <= 3 && i + n <= chunks.length; n++) joined.push(chunks.slice(i, i + n).join(""));
    }
    if (chunks.length > 3) joined.push(chunks.join(""));
    joined.forEach(function (word) {
      if (word.length > LONGEST_JOINED_WORD) return;
      var t = term(word, lang);
      if (t && !seen.has(t)) { seen.add(t); out.push(t); }
    });
    return out;
  }

  /** The term of a whole query typed as one word, or "" under two chunks. SearchText.fullJoin. */
  function fullJoin(text, lang) {
    var chunks = nameChunks(text), word = chunks.join("");
    if (chunks.length < 2 || word.length > LONGEST_JOINED_WORD) return "";
    return term(word, language(lang));
  }

  // ---- Reading the sharded index ------------------------------------------------------

  var FORMAT = 2;
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = {};
  for (var a = 0; a < ALPHABET.length; a++) DIGIT[ALPHABET.charCodeAt(a)] = a;
  /** Most shards the last word's prefix may pull in; a shorter prefix matches exactly only. */
  var PREFIX_SHARDS = 2;
  /** A query's words are also looked up typed as one word when they find fewer results. */
  var JOIN_WHEN_FEWER = 5;
  /** Weight of a match one edit away, against 1 for an exact or prefix match. */
  var TYPO_WEIGHT = 0.5;

  /** Numbers written by SearchPostingCoding: five bits per character, lowest first. */
  function decodeNumbers(text) {
    var out = [], value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var d = DIGIT[text.charCodeAt(i)];
      if (d === undefined) continue;
      value += (d & 31) * Math.pow(2, shift);
      if (d >= 32) shift += 5;
      else { out.push(value); value = 0; shift = 0; }
    }
    return out;
  }

  /** "gaps.scores" as [document, score, document, score, ...]. */
  function postings(encoded) {
    var dot = encoded.indexOf(".");
    var gaps = decodeNumbers(encoded.slice(0, dot)), scores = decodeNumbers(encoded.slice(dot + 1));
    var out = [], doc = -1;
    for (var i = 0; i < gaps.length; i++) {
      doc += gaps[i] + 1;
      out.push(doc, scores[i] || 0);
    }
    return out;
  }

  /** The shard a term falls in: the last whose key is not greater than it. */
  function shardOf(keys, t) {
    var lo = 0, hi = keys.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (keys[mid] <= t) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** The shards holding terms that begin with `prefix`, or null when there are too many. */
  function prefixShards(keys, prefix) {
    var first = shardOf(keys, prefix), last = shardOf(keys, prefix + "{"); // "{" sorts after "z"
    if (last - first + 1 > PREFIX_SHARDS) return null;
    var out = [];
    for (var i = first; i <= last; i++) out.push(i);
    return out;
  }

  /** True when a and b differ by at most one insertion, deletion, substitution or swap of
   * neighbours (Damerau-Levenshtein distance <= 1). */
  function withinOneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a.charAt(i) === b.charAt(i)) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
      return a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /** True when the word `w` is the term `t` (five letters or more) plus an ending of at most
   * five letters: a typo in a word's ending changes how it is stemmed ("exploitaton" is not
   * stemmed to "exploit"), so the word is also compared with the terms it begins with. */
  function endsAfterTerm(w, t) {
    return t.length >= 5 && w.length - t.length <= 5 && w.indexOf(t) === 0;
  }

  /** True when some beginning of `t` is within one edit of `w` (typos while typing). */
  function prefixWithinOneEdit(t, w) {
    for (var n = w.length - 1; n <= w.length + 1; n++) {
      if (n > 0 && n <= t.length && withinOneEdit(t.slice(0, n), w)) return true;
    }
    return false;
  }

  /** What a query looks for: one group per distinct word (each must match), and the whole
   * query joined as one word as an alternative (looked up when the words find few results).
   * Pure; exported for the tests. */
  function planQuery(text, lang, keys, prefix) {
    lang = language(lang);
    var words = analyze(text, lang);
    if (!words.length) return null;
    var groups = [];
    words.forEach(function (pair, i) {
      var last = i === words.length - 1;
      var same = groups.filter(function (g) { return g.term === pair[1]; })[0];
      if (same) { same.last = same.last || last; same.word = last ? pair[0] : same.word; return; }
      groups.push({ word: pair[0], term: pair[1], last: last });
    });
    var join = fullJoin(text, lang);
    if (join) groups.push({ word: "", term: join, last: true, join: true });
    groups.forEach(function (g) {
      g.prefix = prefix && g.last;
      g.fuzzy = !g.join && g.word.length >= 5;
      var shards = [shardOf(keys, g.term)];
      if (g.prefix) {
        [g.term, g.word].forEach(function (p) {
          var more = p && prefixShards(keys, p);
          if (more) shards = shards.concat(more);
        });
      }
      g.shards = shards.filter(function (s, i) { return shards.indexOf(s) === i; });
    });
    return groups;
  }

  /** For one group: {document: best weighted score} over every term it matches in the
   * loaded shards, and the terms it matched. */
  function matchGroup(group, shards) {
    var best = {}, matched = [];
    group.shards.forEach(function (n) {
      var terms = shards[n] && shards[n].terms;
      if (!terms) return;
      Object.keys(terms).forEach(function (t) {
        var weight = 0;
        if (t === group.term) weight = 1;
        else if (group.prefix && (t.indexOf(group.term) === 0 || (group.word && t.indexOf(group.word) === 0))) weight = 1;
        else if (group.fuzzy && (withinOneEdit(t, group.term) || withinOneEdit(t, group.word) ||
                 endsAfterTerm(group.word, t) || (group.prefix && prefixWithinOneEdit(t, group.word)))) weight = TYPO_WEIGHT;
        if (!weight) return;
        matched.push(t);
        var list = postings(terms[t]);
        for (var j = 0; j + 1 < list.length; j += 2) {
          var score = list[j + 1] * weight;
          if (!(best[list[j]] >= score)) best[list[j]] = score;
        }
      });
    });
    return { best: best, terms: matched };
  }

  /** Ranks documents for a plan whose shards are loaded: every word group must match (AND),
   * a document scores the sum of each group's best match; a match of the joined query counts
   * as a match of every word. Best score first, then document order. */
  function rank(groups, shards, meta, kind) {
    var words = groups.filter(function (g) { return !g.join; });
    var join = groups.filter(function (g) { return g.join; })[0];
    var scores = null, terms = [];
    words.forEach(function (g) {
      var m = matchGroup(g, shards);
      terms = terms.concat(m.terms);
      if (scores === null) { scores = m.best; return; }
      var both = {};
      for (var d in scores) if (own.call(m.best, d)) both[d] = scores[d] + m.best[d];
      scores = both;
    });
    scores = scores || {};
    if (join) {
      var j = matchGroup(join, shards);
      terms = terms.concat(j.terms);
      for (var d2 in j.best) {
        var s = j.best[d2] * words.length;
        if (!(scores[d2] >= s)) scores[d2] = s;
      }
    }
    var from = 0, to = meta.docs;
    if (kind === "page") to = meta.pages;
    if (kind === "service") from = meta.pages;
    var results = [];
    for (var doc in scores) {
      var n = +doc;
      if (n >= from && n < to) results.push({ doc: n, score: scores[doc] });
    }
    results.sort(function (x, y) { return y.score - x.score || x.doc - y.doc; });
    return { results: results, terms: terms.filter(function (t, i) { return terms.indexOf(t) === i; }) };
  }

  var own = Object.prototype.hasOwnProperty;

  /**
   * Opens the index of one language. `load(path)` returns a promise of the parsed JSON file at
   * `path` relative to the index folder ("meta.json", "t/3.json", "d/12.json"); the page gives
   * a fetch, the tests read files. Files are fetched once and kept.
   *
   * search(text, {kind: "page"|"service", prefix: true}) resolves to
   * {results: [{doc, score}], terms: [matched index terms]}: all matches, best first.
   * fragment(doc) resolves to what a result shows: {kind, phones: [[text, href]], section,
   * text, title, url}.
   */
  function openIndex(load, lang) {
    var meta = null, shards = {}, fragments = {};
    function loadMeta(fresh) {
      if (!meta || fresh) {
        meta = Promise.resolve(load("meta.json", fresh)).then(function (m) {
          if (!m || m.v !== FORMAT || !m.shards || !m.shards.length) throw new Error("unsupported search index");
          return m;
        });
        meta.catch(function () { meta = null; });
        if (fresh) shards = {};
      }
      return meta;
    }
    function loadShard(n, m) {
      if (!shards[n]) {
        shards[n] = Promise.resolve(load("t/" + n + ".json")).then(function (shard) {
          if (!shard || shard.v !== FORMAT || shard.id !== m.id) throw new Error("stale shard");
          return shard;
        });
        shards[n].catch(function () { delete shards[n]; });
      }
      return shards[n];
    }
    function loadAll(groups, m) {
      var wanted = [];
      groups.forEach(function (g) { g.shards.forEach(function (n) { if (wanted.indexOf(n) < 0) wanted.push(n); }); });
      return Promise.all(wanted.map(function (n) { return loadShard(n, m); })).then(function (loaded) {
        var byNumber = {};
        wanted.forEach(function (n, i) { byNumber[n] = loaded[i]; });
        return byNumber;
      });
    }
    function run(text, options, retried) {
      var kind = options && options.kind, prefix = !options || options.prefix !== false;
      return loadMeta(retried).then(function (m) {
        var groups = planQuery(text, lang, m.shards, prefix);
        if (!groups) return { results: [], terms: [] };
        var words = groups.filter(function (g) { return !g.join; });
        return loadAll(words, m).then(function (shardsOfWords) {
          var ranked = rank(words, shardsOfWords, m, kind);
          // The words typed as one ("cyber tip" as cybertip) are looked up only when the words
          // alone find little, which spares most queries a shard.
          if (words.length === groups.length || ranked.results.length >= JOIN_WHEN_FEWER) return ranked;
          return loadAll(groups, m).then(function (shards) { return rank(groups, shards, m, kind); });
        });
      }).catch(function (error) {
        // The site may have been published again since meta.json was read: read it anew once.
        if (!retried) return run(text, options, true);
        throw error;
      });
    }
    return {
      search: function (text, options) { return run(text, options, false); },
      fragment: function (doc) {
        if (!fragments[doc]) {
          fragments[doc] = Promise.resolve(load("d/" + doc + ".json"));
          fragments[doc].catch(function () { delete fragments[doc]; });
        }
        return fragments[doc];
      },
      meta: function () { return loadMeta(false); }
    };
  }

  /**
   * A `load` for openIndex that fetches files next to `indexURL` (the meta.json address) with
   * `win.fetch`, or null when that address is not on the page's own origin.
   */
  function httpLoader(indexURL, win) {
    var meta;
    try {
      meta = new URL(indexURL, win.location.href);
    } catch (e) {
      return null;
    }
    if (!indexURL || meta.origin !== win.location.origin || !win.fetch) return null;
    return function (path, fresh) {
      return win.fetch(new URL(path, meta).href, { credentials: "same-origin", cache: fresh ? "no-cache" : "default" })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        });
    };
  }

  // ---- Snippets -------------------------------------------------------------------------

  /** The chunks of `text` with where they are ([start, end) in UTF-16 units) and their terms. */
  function wordSpans(text, lang) {
    lang = language(lang);
    text = String(text);
    var spans = [], chunk = "", start = -1, i = 0;
    function close(end) {
      if (chunk) {
        var terms = chunkWords(chunk, lang).map(function (w) { return term(w, lang); }).filter(Boolean);
        spans.push({ start: start, end: end, terms: terms });
      }
      chunk = "";
      start = -1;
    }
    for (var ch of text) {
      var folded = foldPoint(ch.codePointAt(0));
      if (folded === " ") close(i);
      else if (folded) {
        if (start < 0) start = i;
        chunk += folded;
      }
      i += ch.length;
    }
    close(i);
    return spans;
  }

  /** A passage of `text` of about `size` words around the most distinct matched terms, as
   * [[text, marked], ...]: marked pieces are words whose term is in `terms`. */
  function snippet(text, terms, lang, size) {
    text = String(text || "");
    size = size || 30;
    var wanted = new Set(terms || []);
    var spans = wordSpans(text, lang);
    if (!spans.length) return [];
    var hits = spans.map(function (s) { return s.terms.filter(function (t) { return wanted.has(t); }); });
    var bestStart = 0, bestScore = -1;
    for (var from = 0; from < spans.length; from++) {
      if (from > 0 && !hits[from].length) continue; // a window starts at a match (or at the start)
      var seen = new Set(), count = 0;
      for (var k = from; k < Math.min(spans.length, from + size); k++) {
        hits[k].forEach(function (t) { seen.add(t); });
        if (hits[k].length) count++;
      }
      var score = seen.size * 1000 + count;
      if (score > bestScore) { bestScore = score; bestStart = from; }
    }
    // Start a few words before the first match, so it reads in context.
    if (bestStart > 0) bestStart = Math.max(0, bestStart - 4);
    var endSpan = Math.min(spans.length, bestStart + size) - 1;
    var pieces = [], at = spans[bestStart].start;
    if (bestStart > 0) pieces.push(["\u2026 ", false]);
    for (var n = bestStart; n <= endSpan; n++) {
      if (!hits[n].length) continue;
      if (spans[n].start > at) pieces.push([text.slice(at, spans[n].start), false]);
      pieces.push([text.slice(spans[n].start, spans[n].end), true]);
      at = spans[n].end;
    }
    if (spans[endSpan].end > at) pieces.push([text.slice(at, spans[endSpan].end), false]);
    if (endSpan < spans.length - 1) pieces.push([" \u2026", false]);
    return pieces;
  }

  var api = {
    fold: fold, tokens: tokens, stem: stem, STOP_WORDS: STOP_WORDS,
    joinedTerms: joinedTerms, fullJoin: fullJoin,
    decodeNumbers: decodeNumbers, withinOneEdit: withinOneEdit, planQuery: planQuery,
    openIndex: openIndex, httpLoader: httpLoader, snippet: snippet
  };
  root.TrilliumSearchCore = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
