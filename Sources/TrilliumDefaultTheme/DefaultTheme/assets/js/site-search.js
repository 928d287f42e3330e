/* Trillium: the search page. Progressive enhancement: without this script the form stays
 * hidden and the page offers its A to Z list; the field in every page's header is a plain
 * form that leads here with ?q=. Results come from the sharded index (search-core.js):
 * only the parts a query needs are fetched, and only for the results shown. Results are
 * built with textContent; nothing is stored; the query lives in the URL. */
(function () {
  "use strict";

  /** Results shown at first, and added by "Show more results". */
  var PAGE = 10;

  /** Fills {n} and {q} into the none/one/many wording. */
  function countMessage(n, q, templates) {
    var template = n === 0 ? templates.none : n === 1 ? templates.one : templates.many;
    return String(template || "{n}").split("{n}").join(String(n)).split("{q}").join(q);
  }

  /** A site path of this origin for a result's link, or "" for anything else. */
  function safeHref(url, win) {
    try {
      var target = new URL(url, win.location.href);
      return target.origin === win.location.origin ? target.pathname + target.search + target.hash : "";
    } catch (e) {
      return "";
    }
  }

  /** One result: title link, section, snippet with <mark>s, and a service's phone numbers. */
  function resultItem(doc, fragment, terms, lang, core, win) {
    var li = doc.createElement("li");
    li.className = "search-result";
    var heading = doc.createElement("h2");
    heading.className = "search-result__title";
    var link = doc.createElement("a");
    link.href = safeHref(fragment.url, win);
    link.textContent = fragment.title || "";
    heading.appendChild(link);
    li.appendChild(heading);
    if (fragment.section) {
      var section = doc.createElement("p");
      section.className = "search-result__section";
      section.textContent = fragment.section;
      li.appendChild(section);
    }
    var pieces = core.snippet(fragment.text || "", terms, lang, 30);
    if (pieces.length) {
      var text = doc.createElement("p");
      text.className = "search-result__snippet";
      pieces.forEach(function (piece) {
        if (piece[1]) {
          var mark = doc.createElement("mark");
          mark.textContent = piece[0];
          text.appendChild(mark);
        } else {
          text.appendChild(doc.createTextNode(piece[0]));
        }
      });
      li.appendChild(text);
    }
    var phones = (fragment.phones || []).filter(function (p) { return /^(tel|sms):\+?[0-9]+$/.test(p[1] || ""); });
    if (phones.length) {
      var list = doc.createElement("p");
      list.className = "search-result__phones";
      phones.forEach(function (phone, i) {
        if (i > 0) list.appendChild(doc.createTextNode(" · "));
        var call = doc.createElement("a");
        call.href = phone[1];
        call.textContent = phone[0];
        list.appendChild(call);
      });
      li.appendChild(list);
    }
    return li;
  }

  function enhance(doc, win) {
    var box = doc.querySelector(".site-search-page");
    var core = win.TrilliumSearchCore;
    if (!box || !core || !core.openIndex) return;
    var form = box.querySelector("form");
    var input = doc.getElementById("search-q");
    var status = doc.getElementById("search-status");
    var list = doc.getElementById("search-results");
    var more = doc.getElementById("search-more");
    var noscript = doc.getElementById("search-nojs");
    var load = core.httpLoader(box.getAttribute("data-index"), win);
    if (!form || !input || !status || !list || !more || !load) return;
    var lang = box.getAttribute("data-lang") || doc.documentElement.lang || "en";
    var templates = {
      none: box.getAttribute("data-i18n-none"),
      one: box.getAttribute("data-i18n-one"),
      many: box.getAttribute("data-i18n-many")
    };
    var index = core.openIndex(load, lang);
    var current = { token: 0, results: [], terms: [], shown: 0, q: "" };
    var lastURL = win.location.search;

    function remember(q) {
      var query = q ? "?q=" + encodeURIComponent(q).replace(/%20/g, "+") : "";
      if (query === lastURL) return;
      lastURL = query;
      try {
        win.history.replaceState(win.history.state, "", win.location.pathname + query + win.location.hash);
      } catch (e) {
        // A sandboxed frame may refuse; the search still works.
      }
    }

    function fail(token) {
      if (token !== current.token) return;
      status.textContent = box.getAttribute("data-i18n-error") || "";
    }

    /** Fetches the fragments of the next results and appends them. */
    function showMore(token) {
      var next = current.results.slice(current.shown, current.shown + PAGE);
      current.shown += next.length;
      more.hidden = true;
      return Promise.all(next.map(function (r) { return index.fragment(r.doc); })).then(function (fragments) {
        if (token !== current.token) return;
        fragments.forEach(function (fragment) {
          if (fragment) list.appendChild(resultItem(doc, fragment, current.terms, lang, core, win));
        });
        more.hidden = current.shown >= current.results.length;
      }, function () { fail(token); });
    }

    function run(q) {
      q = q.trim();
      remember(q);
      var token = ++current.token;
      if (!q) {
        current = { token: token, results: [], terms: [], shown: 0, q: "" };
        while (list.firstChild) list.removeChild(list.firstChild);
        status.textContent = "";
        more.hidden = true;
        return Promise.resolve();
      }
      return index.search(q, { prefix: true }).then(function (found) {
        if (token !== current.token) return;
        current = { token: token, results: found.results, terms: found.terms, shown: 0, q: q };
        while (list.firstChild) list.removeChild(list.firstChild);
        status.textContent = countMessage(found.results.length, q, templates);
        return showMore(token);
      }, function () { fail(token); });
    }

    var timer = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 150);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run(input.value);
    });
    more.addEventListener("click", function () { showMore(current.token); });

    box.hidden = false;
    if (noscript) noscript.hidden = true;
    var initial = new URLSearchParams(win.location.search).get("q") || "";
    input.value = initial;
    if (initial.trim()) run(initial);
  }

  var api = { countMessage: countMessage, safeHref: safeHref, resultItem: resultItem, enhance: enhance };
  if (typeof module === "object" && module.exports) module.exports = api;

  if (typeof document !== "undefined" && typeof window !== "undefined") {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { enhance(document, window); });
    } else {
      enhance(document, window);
    }
  }
})();
