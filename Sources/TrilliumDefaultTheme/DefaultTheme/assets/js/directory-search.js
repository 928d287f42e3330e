/* Trillium: search-as-you-type and filters for the services directory.
 * Progressive enhancement: without this script the form stays hidden and the
 * full list plus the browse links work on their own. The state lives in the
 * URL query so a result can be shared or reloaded; nothing is stored. */
(function () {
  "use strict";

  var PARAMS = ["q", "category", "region", "audience", "language", "open247", "indigenous"];
  // Select name -> card data attribute holding a space-separated id list.
  var LIST_FILTERS = { category: "categories", region: "regions", audience: "audiences", language: "languages" };
  // Checkbox name -> card data attribute holding "true" or "false".
  var FLAG_FILTERS = { open247: "open247", indigenous: "indigenous" };

  /** Reads a query string ("?q=…&region=…") into a full state object. */
  function readState(search) {
    var params = new URLSearchParams(search || "");
    var state = {};
    PARAMS.forEach(function (name) {
      var value = params.get(name) || "";
      state[name] = FLAG_FILTERS[name] ? (value === "1" ? "1" : "") : value;
    });
    return state;
  }

  /** Writes a state as "?a=b&…", leaving out empty values; "" when nothing is set. */
  function writeQuery(state) {
    var params = new URLSearchParams();
    PARAMS.forEach(function (name) {
      var value = state[name] || "";
      if (name === "q" ? value.trim() : value) params.set(name, value);
    });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function isEmptyState(state) {
    return writeQuery(state) === "";
  }

  /** Turns a card's dataset into lists and booleans once, so filtering is cheap. */
  function cardFacets(dataset) {
    var facets = {};
    Object.keys(LIST_FILTERS).forEach(function (name) {
      facets[LIST_FILTERS[name]] = (dataset[LIST_FILTERS[name]] || "").split(/\s+/).filter(Boolean);
    });
    Object.keys(FLAG_FILTERS).forEach(function (name) {
      facets[FLAG_FILTERS[name]] = dataset[FLAG_FILTERS[name]] === "true";
    });
    return facets;
  }

  /** True when the card satisfies every active select and checkbox filter. */
  function matchesFilters(facets, state) {
    var names = Object.keys(LIST_FILTERS);
    for (var i = 0; i < names.length; i++) {
      var wanted = state[names[i]];
      if (wanted && facets[LIST_FILTERS[names[i]]].indexOf(wanted) < 0) return false;
    }
    var flags = Object.keys(FLAG_FILTERS);
    for (var j = 0; j < flags.length; j++) {
      if (state[flags[j]] === "1" && !facets[FLAG_FILTERS[flags[j]]]) return false;
    }
    return true;
  }

  /** Chooses the none/one/many template and fills in {n}. */
  function countMessage(n, templates) {
    var template = n === 0 ? templates.none : n === 1 ? templates.one : templates.many;
    return (template || "{n}").split("{n}").join(String(n));
  }

  /** Fallback when the index cannot be loaded: every query word must appear in the text. */
  function substringMatch(foldedText, foldedQuery) {
    var words = foldedQuery.split(/\s+/).filter(Boolean);
    for (var i = 0; i < words.length; i++) {
      if (foldedText.indexOf(words[i]) < 0) return false;
    }
    return words.length > 0;
  }

  /** Used only if search-core.js failed to load: lower case without accents. */
  function basicFold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function debounce(fn, ms) {
    var timer = 0;
    function run() {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    }
    run.cancel = function () { clearTimeout(timer); };
    return run;
  }

  function enhance(doc, win) {
    var box = doc.querySelector(".directory-search");
    var list = doc.getElementById("service-list");
    if (!box || !list) return;
    var form = box.querySelector("form");
    if (!form) return;
    var status = doc.getElementById("directory-count");
    var core = win.TrilliumSearchCore;
    var fold = core && core.fold ? core.fold : basicFold;
    var lang = box.getAttribute("data-lang") || doc.documentElement.lang || "en";
    // Folded, with punctuation as spaces, so "fem’aide" and "fem'aide" compare equal.
    // (ASCII, Latin-1 and general punctuation; no \p{…} so older engines still parse the file.)
    function plain(text) {
      return fold(text).replace(/[\s!-\/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f]+/g, " ");
    }
    var templates = {
      none: box.getAttribute("data-i18n-count-none"),
      one: box.getAttribute("data-i18n-count-one"),
      many: box.getAttribute("data-i18n-count-many")
    };

    // Cards are in directory order, which is also the order of the services in the site
    // search index (document pages + i): a result's document number gives its card.
    var cards = Array.prototype.slice.call(list.querySelectorAll(".service-card")).map(function (el) {
      return {
        el: el,
        facets: cardFacets(el.dataset),
        text: null // folded text, computed only if the fallback needs it
      };
    });

    var engine = null; // the site search index, opened on the first query
    var firstService = 0;
    var indexState = core && core.openIndex && core.httpLoader ? "idle" : "failed"; // idle | loading | ready | failed
    var answered = { q: null, cards: null }; // the last query the index answered
    var asking = null; // the query the index is working on
    var lastQuery = win.location.search;

    function loadIndex() {
      var load = core.httpLoader(box.getAttribute("data-index"), win);
      if (!load) {
        indexState = "failed";
        return;
      }
      indexState = "loading";
      engine = core.openIndex(load, lang);
      engine.meta()
        .then(function (meta) {
          firstService = meta.pages;
          indexState = "ready";
        }, function () {
          indexState = "failed";
        })
        .then(apply);
    }

    /** Asks the index for `q`; when it answers, applies the state again. */
    function ask(q) {
      if (asking === q) return;
      asking = q;
      engine.search(q, { kind: "service", prefix: true }).then(function (found) {
        var seen = [];
        found.results.forEach(function (result) {
          var card = cards[result.doc - firstService];
          if (card && seen.indexOf(card) < 0) seen.push(card);
        });
        answered = { q: q, cards: seen };
      }, function () {
        indexState = "failed"; // an index this code cannot read; use the plain match from now on
      }).then(function () {
        if (asking === q) asking = null;
        apply();
      });
    }

    function control(name) {
      return form.elements.namedItem(name);
    }

    function readControls() {
      var state = {};
      PARAMS.forEach(function (name) {
        var el = control(name);
        if (!el) state[name] = "";
        else if (el.type === "checkbox") state[name] = el.checked ? "1" : "";
        else state[name] = el.value || "";
      });
      return state;
    }

    function writeControls(state) {
      PARAMS.forEach(function (name) {
        var el = control(name);
        if (!el) return;
        if (el.type === "checkbox") el.checked = state[name] === "1";
        else el.value = state[name] || "";
        // An id that is not offered leaves a select with no option chosen; fall back to "All".
        if (el.tagName === "SELECT" && el.selectedIndex < 0) el.value = "";
      });
    }

    /** Cards for the current words, best first; null while the index is still working. */
    function rankedCards(q) {
      // Words that are all stop words ("the", "la de") narrow nothing: show every card.
      if (core && core.tokens && core.tokens(q, lang).length === 0) return cards.slice();
      if (indexState === "idle") loadIndex();
      if (indexState === "loading") return null;
      if (indexState === "ready") {
        if (answered.q === q) return answered.cards;
        ask(q);
        return null;
      }
      var foldedQuery = plain(q);
      return cards.filter(function (card) {
        if (card.text === null) card.text = plain(card.el.textContent || "");
        return substringMatch(card.text, foldedQuery);
      });
    }

    /** Shows the given cards and puts them in the given order (the original one when not
     * ranked), touching the DOM only where the order differs. */
    function arrange(shown, ranked) {
      var order = ranked ? shown.concat(cards.filter(function (card) { return shown.indexOf(card) < 0; })) : cards;
      var current = list.firstElementChild;
      order.forEach(function (card) {
        if (current === card.el) current = current.nextElementSibling;
        else list.insertBefore(card.el, current);
      });
      cards.forEach(function (card) {
        var hide = shown.indexOf(card) < 0;
        if (card.el.hidden !== hide) card.el.hidden = hide;
      });
    }

    function announce(n) {
      if (!status) return;
      var text = countMessage(n, templates);
      if (status.textContent !== text) status.textContent = text;
    }

    function rememberInURL(state) {
      var query = writeQuery(state);
      if (query === lastQuery) return;
      lastQuery = query;
      try {
        win.history.replaceState(win.history.state, "", win.location.pathname + query + win.location.hash);
      } catch (e) {
        // Some sandboxed frames refuse history changes; filtering still works.
      }
    }

    function apply() {
      var state = readControls();
      rememberInURL(state);
      var q = state.q.trim();
      var candidates = q ? rankedCards(q) : cards;
      // Keep the last results until the index answers; say the list is about to change.
      if (candidates === null) {
        list.setAttribute("aria-busy", "true");
        return;
      }
      list.removeAttribute("aria-busy");
      var shown = candidates.filter(function (card) { return matchesFilters(card.facets, state); });
      arrange(shown, Boolean(q));
      announce(shown.length);
    }

    var applySoon = debounce(apply, 150);

    function applyNow() {
      applySoon.cancel();
      apply();
    }

    form.addEventListener("input", applySoon);
    form.addEventListener("change", applySoon);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      applyNow();
    });
    form.addEventListener("reset", function (event) {
      // Clear rather than restore defaults, so a state read from the URL is really gone.
      event.preventDefault();
      writeControls(readState(""));
      applyNow();
    });

    box.hidden = false;
    var initial = readState(win.location.search);
    writeControls(initial);
    // With nothing chosen the server-rendered list and count are already right; leave them be.
    if (!isEmptyState(readControls())) applyNow();
  }

  var api = {
    readState: readState,
    writeQuery: writeQuery,
    cardFacets: cardFacets,
    matchesFilters: matchesFilters,
    countMessage: countMessage,
    substringMatch: substringMatch,
    enhance: enhance
  };

  if (typeof module === "object" && module.exports) module.exports = api;

  if (typeof document !== "undefined" && typeof window !== "undefined") {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { enhance(document, window); });
    } else {
      enhance(document, window);
    }
  }
})();
