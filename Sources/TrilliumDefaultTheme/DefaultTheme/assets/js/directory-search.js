/* Trillium: search and filters for the services directory's first page.
 * Progressive enhancement: without this script the form stays hidden and the lists the page
 * links to (every service, each region, type of help and audience, in pages) hold every
 * service. The state lives in the URL query so a result can be shared or reloaded; nothing is
 * stored.
 *
 * The script downloads only what it shows, whatever the size of the directory:
 * - filters alone read the list that holds them (api/v1/lists/<lang>/region/<id>/category/<id>/
 *   and so on, 50 small records a page) and check the other filters on its records;
 * - words read the site search index (search-core.js: its meta, the shards of the words, the
 *   fragments of the results shown) and, when filters are set too, the facets blocks
 *   (api/v1/lists/facets/<n>.json, the terms and flags of 1,000 services each) of the results
 *   they check.
 * Results come 25 at a time from the lists, 10 at a time for words (each result's text is a
 * fragment of its own); "Show more" reads further only when asked. */
(function () {
  "use strict";

  var PARAMS = ["q", "category", "region", "audience", "language", "open247", "indigenous"];
  var FLAGS = ["open247", "indigenous"];
  var SHOWN_PER_STEP = 25;
  var SHOWN_PER_SEARCH_STEP = 10;

  /** Reads a query string ("?q=…&region=…") into a full state object. */
  function readState(search) {
    var params = new URLSearchParams(search || "");
    var state = {};
    PARAMS.forEach(function (name) {
      var value = params.get(name) || "";
      state[name] = FLAGS.indexOf(name) >= 0 ? (value === "1" ? "1" : "") : value;
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

  /** An id as a path segment: the ids are URL-safe; anything else is refused. */
  function segment(id) {
    return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) ? id : null;
  }

  /**
   * The published list that holds the state's filters best, and the filters left to check on
   * its records: a region and a category are lists of their own, together too, and so is an
   * audience; anything else is checked record by record.
   * Returns {path: "region/toronto/category/crisis-line/", rest: {audience, language, open247, indigenous}}.
   */
  function listFor(state) {
    var region = state.region && segment(state.region);
    var category = state.category && segment(state.category);
    var audience = state.audience && segment(state.audience);
    var rest = { audience: state.audience || "", language: state.language || "", open247: state.open247 || "", indigenous: state.indigenous || "" };
    var path = "";
    if (region) path += "region/" + region + "/";
    if (category) path += "category/" + category + "/";
    if (!path && audience) {
      path = "audience/" + audience + "/";
      rest.audience = "";
    }
    return { path: path || "all/", rest: rest };
  }

  function hasRest(rest) {
    return Boolean(rest.audience || rest.language || rest.open247 || rest.indigenous);
  }

  function includes(list, id) {
    return Array.isArray(list) && list.indexOf(id) >= 0;
  }

  /** Whether a list record (api/v1/lists) satisfies the filters its list does not hold. */
  function recordMatches(record, rest) {
    if (!record || typeof record !== "object") return false;
    if (rest.audience && !includes(record.audiences, rest.audience)) return false;
    if (rest.language && !includes(record.languages, rest.language)) return false;
    if (rest.open247 === "1" && record.open_24_7 !== true) return false;
    if (rest.indigenous === "1" && record.indigenous_led !== true) return false;
    return true;
  }

  /** Whether bit `index` is set in a hexadecimal bit set ("1a0"). */
  function hasBit(hex, index) {
    if (index < 0) return false;
    var digit = parseInt(String(hex).charAt(String(hex).length - 1 - (index >> 2)), 16);
    return Boolean(digit >= 0 && (digit >> (index & 3)) & 1);
  }

  /** Whether a facets entry ("<regions>.<categories>.<audiences>.<languages>.<flags>") of a
   * facets block satisfies every filter of the state. */
  function facetsMatch(entry, block, state) {
    var parts = String(entry || "").split(".");
    var terms = (block && block.terms) || {};
    var flags = (block && block.flags) || [];
    var checks = [["region", "regions", 0], ["category", "categories", 1], ["audience", "audiences", 2], ["language", "languages", 3]];
    for (var i = 0; i < checks.length; i++) {
      var wanted = state[checks[i][0]];
      if (wanted && !hasBit(parts[checks[i][2]] || "0", (terms[checks[i][1]] || []).indexOf(wanted))) return false;
    }
    if (state.open247 === "1" && !hasBit(parts[4] || "0", flags.indexOf("open_24_7"))) return false;
    if (state.indigenous === "1" && !hasBit(parts[4] || "0", flags.indexOf("indigenous_led"))) return false;
    return true;
  }

  function hasFilters(state) {
    return Boolean(state.category || state.region || state.audience || state.language || state.open247 || state.indigenous);
  }

  /** Chooses the none/one/many template and fills in {n}. */
  function countMessage(n, templates) {
    var template = n === 0 ? templates.none : n === 1 ? templates.one : templates.many;
    return (template || "{n}").split("{n}").join(String(n));
  }

  /** What a phone link says: its label, with the number unless the label already says it. */
  function phoneText(phone) {
    var label = String(phone.label || "").trim();
    var number = String(phone.number || phone.tel || "");
    var digits = number.replace(/\D/g, "");
    var said = label.replace(/\D/g, "");
    if (label && digits && said.length >= 3 && digits.slice(-said.length) === said) return label;
    return label ? label + " " + number : number;
  }

  /** The last path segment of a service page's address: its id. */
  function idFromURL(url) {
    var parts = String(url || "").replace(/[?#].*$/, "").split("/").filter(Boolean);
    return parts.length ? parts[parts.length - 1] : "";
  }

  /** Only http(s) and same-site links survive; anything else (javascript:, data:) gives "". */
  function safeURL(value, base, schemes) {
    try {
      var url = new URL(String(value), base);
      return (schemes || ["https:", "http:"]).indexOf(url.protocol) >= 0 ? url.href : "";
    } catch (e) {
      return "";
    }
  }

  /** The first sentences of a text, at most about `limit` characters, cut between words. */
  function shorten(text, limit) {
    text = String(text || "");
    if (text.length <= limit) return text;
    var cut = text.lastIndexOf(" ", limit);
    return text.slice(0, cut > 0 ? cut : limit) + "…";
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

  function fetchJSON(win, url) {
    return win.fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  /**
   * Services for a state, read lazily: next(n) resolves to the next n matches (fewer at the end),
   * total() to the count when it is known without reading further (null otherwise), and done()
   * says whether every match has been handed out.
   * - list mode: pages of one published list, the other filters checked on each record;
   * - search mode: the site search's results, best first, checked against the facets when
   *   filters are set.
   * Each match is {id, name, url, summary, phones: [{text, href}], tags: [keys]}.
   */
  function listSource(win, base, state) {
    var choice = listFor(state);
    var page = 0, pages = null, total = null, buffer = [], exhausted = false;
    function loadNext() {
      page += 1;
      return fetchJSON(win, base + choice.path + page + ".json").then(function (data) {
        if (!data || !Array.isArray(data.services)) throw new Error("Unexpected list");
        pages = data.total_pages;
        if (!hasRest(choice.rest)) total = data.total_items;
        data.services.forEach(function (record) {
          if (recordMatches(record, choice.rest)) buffer.push(fromRecord(record, win));
        });
        if (page >= pages) exhausted = true;
      });
    }
    function next(n) {
      if (buffer.length >= n || exhausted) {
        var out = buffer.splice(0, n);
        return Promise.resolve(out);
      }
      return loadNext().then(function () { return next(n); });
    }
    return {
      next: next,
      total: function () { return total; },
      done: function () { return exhausted && buffer.length === 0; }
    };
  }

  function fromRecord(record, win) {
    var tags = [];
    if (record.open_24_7 === true) tags.push("open247");
    if (record.cost === "free") tags.push("free");
    if (record.confidential === true) tags.push("confidential");
    if (record.indigenous_led === true) tags.push("indigenous");
    return {
      id: String(record.id || ""),
      name: String(record.name || ""),
      url: safeURL(record.url, win.location.href),
      summary: String(record.summary || ""),
      phones: (Array.isArray(record.phones) ? record.phones : []).map(function (phone) {
        return { text: phoneText(phone), href: safeURL("tel:" + String(phone.tel || "").replace(/[^\d+]/g, ""), win.location.href, ["tel:"]) };
      }).filter(function (phone) { return phone.href; }),
      tags: tags,
      open247: record.open_24_7 === true
    };
  }

  function searchSource(win, engine, facetsBase, state) {
    var filtered = hasFilters(state);
    var candidates = null, first = 0, checked = 0, blocks = {}, total = null;
    function block(number) {
      if (!blocks[number]) {
        blocks[number] = fetchJSON(win, facetsBase + number + ".json");
        blocks[number].catch(function () { delete blocks[number]; });
      }
      return blocks[number];
    }
    function start() {
      if (candidates) return Promise.resolve();
      return Promise.all([engine.search(state.q, { kind: "service", prefix: true }), engine.meta()]).then(function (answers) {
        candidates = answers[0].results.map(function (result) { return result.doc; });
        first = answers[1].pages;
        if (!filtered) total = candidates.length;
      });
    }
    /** The next documents that pass the filters, up to n. */
    function pick(n, out) {
      if (out.length >= n || checked >= candidates.length) return Promise.resolve(out);
      var doc = candidates[checked];
      if (!filtered) {
        checked += 1;
        out.push(doc);
        return pick(n, out);
      }
      var position = doc - first;
      return block(1).then(function (one) {
        var size = one.block_size || 1000;
        var number = Math.floor(position / size) + 1;
        return block(number).then(function (data) {
          checked += 1;
          var entry = data.services[position - data.offset];
          if (facetsMatch(entry, data, state)) out.push(doc);
          return pick(n, out);
        });
      });
    }
    function next(n) {
      return start().then(function () { return pick(n, []); }).then(function (docs) {
        return Promise.all(docs.map(function (doc) { return engine.fragment(doc); })).then(function (fragments) {
          return fragments.map(function (fragment) { return fromFragment(fragment, win); });
        });
      });
    }
    return {
      next: next,
      total: function () { return total; },
      done: function () { return candidates !== null && checked >= candidates.length; }
    };
  }

  function fromFragment(fragment, win) {
    fragment = fragment || {};
    var url = safeURL(fragment.url, win.location.href);
    return {
      id: idFromURL(url),
      name: String(fragment.title || ""),
      url: url,
      summary: shorten(fragment.text, 220),
      phones: (Array.isArray(fragment.phones) ? fragment.phones : []).map(function (pair) {
        var href = safeURL(pair && pair[1], win.location.href, ["tel:", "sms:"]);
        return { text: String((pair && pair[0]) || ""), href: href };
      }).filter(function (phone) { return phone.href; }),
      tags: [],
      open247: null
    };
  }

  function enhance(doc, win) {
    var box = doc.querySelector(".directory-search");
    var list = doc.getElementById("service-list");
    var more = doc.getElementById("directory-more");
    if (!box || !list || !win.fetch) return;
    var form = box.querySelector("form");
    if (!form) return;
    var status = doc.getElementById("directory-count");
    var core = win.TrilliumSearchCore;
    var lang = box.getAttribute("data-lang") || doc.documentElement.lang || "en";
    var listsBase = new URL(box.getAttribute("data-lists") || "", win.location.href).href;
    var facetsBase = new URL(box.getAttribute("data-facets") || "", win.location.href).href;
    var words = {
      none: box.getAttribute("data-i18n-count-none"),
      one: box.getAttribute("data-i18n-count-one"),
      many: box.getAttribute("data-i18n-count-many"),
      more: box.getAttribute("data-i18n-count-more"),
      error: box.getAttribute("data-i18n-error"),
      tags: {
        open247: box.getAttribute("data-i18n-open247"),
        free: box.getAttribute("data-i18n-free"),
        confidential: box.getAttribute("data-i18n-confidential"),
        indigenous: box.getAttribute("data-i18n-indigenous")
      }
    };
    var engine = null;
    var current = null; // {source, shown}: the search on screen
    var lastQuery = win.location.search;

    function searchEngine() {
      if (engine) return engine;
      var load = core && core.httpLoader ? core.httpLoader(box.getAttribute("data-index"), win) : null;
      if (!load || !core.openIndex) return null;
      engine = core.openIndex(load, lang);
      return engine;
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

    function rememberInURL(state) {
      var query = writeQuery(state);
      if (query === lastQuery) return;
      lastQuery = query;
      try {
        win.history.replaceState(win.history.state, "", win.location.pathname + query + win.location.hash);
      } catch (e) {
        // Some sandboxed frames refuse history changes; searching still works.
      }
    }

    function el(tag, className, text) {
      var node = doc.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    }

    function card(service) {
      var li = el("li", "service-card");
      li.setAttribute("data-service-id", service.id);
      if (service.open247 !== null) li.setAttribute("data-open247", service.open247 ? "true" : "false");
      var heading = el("h2", "service-card__name");
      if (service.url) {
        var a = el("a", "", service.name);
        a.href = service.url;
        heading.appendChild(a);
      } else {
        heading.textContent = service.name;
      }
      li.appendChild(heading);
      if (service.summary) li.appendChild(el("p", "service-card__summary", service.summary));
      if (service.phones.length) {
        var contacts = el("ul", "service-card__contacts");
        service.phones.forEach(function (phone) {
          var item = el("li");
          var link = el("a", "", phone.text);
          link.href = phone.href;
          item.appendChild(link);
          contacts.appendChild(item);
        });
        li.appendChild(contacts);
      }
      if (service.tags.length) {
        var meta = el("p", "service-card__meta");
        service.tags.forEach(function (key) {
          if (words.tags[key]) {
            meta.appendChild(el("span", "tag", words.tags[key]));
            meta.appendChild(doc.createTextNode(" "));
          }
        });
        li.appendChild(meta);
      }
      return li;
    }

    function announce(text) {
      if (status && status.textContent !== text) status.textContent = text;
    }

    function showCount() {
      var total = current.source.total();
      if (current.source.done()) announce(countMessage(current.shown, words));
      else if (total !== null) announce(countMessage(total, words));
      else announce(countMessage(current.shown, { none: words.more, one: words.more, many: words.more }));
      if (more) more.hidden = current.source.done();
    }

    /** Shows the next step of results of the current search. */
    function step() {
      var mine = current;
      list.setAttribute("aria-busy", "true");
      if (more) more.disabled = true;
      return mine.source.next(mine.perStep).then(function (services) {
        if (mine !== current) return;
        services.forEach(function (service) { list.appendChild(card(service)); });
        mine.shown += services.length;
        showCount();
      }, function () {
        if (mine !== current) return;
        announce(words.error || "");
        if (more) more.hidden = true;
      }).then(function () {
        if (mine !== current) return;
        list.removeAttribute("aria-busy");
        if (more) more.disabled = false;
      });
    }

    function apply() {
      var state = readControls();
      rememberInURL(state);
      while (list.firstChild) list.removeChild(list.firstChild);
      var query = state.q.trim();
      // Words that are all stop words ("the", "la de") narrow nothing.
      if (query && core && core.tokens && core.tokens(query, lang).length === 0) query = "";
      if (!query && !hasFilters(state)) {
        current = null;
        announce("");
        list.removeAttribute("aria-busy");
        if (more) more.hidden = true;
        return;
      }
      var index = query ? searchEngine() : null;
      if (query && !index) {
        current = null;
        announce(words.error || "");
        return;
      }
      var source = query ? searchSource(win, index, facetsBase, { q: query, category: state.category, region: state.region,
        audience: state.audience, language: state.language, open247: state.open247, indigenous: state.indigenous })
        : listSource(win, listsBase, state);
      current = { source: source, shown: 0, perStep: query ? SHOWN_PER_SEARCH_STEP : SHOWN_PER_STEP };
      step();
    }

    var applySoon = debounce(apply, 200);

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
    if (more) {
      more.addEventListener("click", function () {
        if (current) step();
      });
    }

    box.hidden = false;
    writeControls(readState(win.location.search));
    if (!isEmptyState(readControls())) applyNow();
  }

  var api = {
    readState: readState,
    writeQuery: writeQuery,
    listFor: listFor,
    recordMatches: recordMatches,
    hasBit: hasBit,
    facetsMatch: facetsMatch,
    countMessage: countMessage,
    phoneText: phoneText,
    idFromURL: idFromURL,
    shorten: shorten,
    listSource: listSource,
    searchSource: searchSource,
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
