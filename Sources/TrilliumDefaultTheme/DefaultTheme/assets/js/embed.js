/* Trillium partner widget: <trillium-services lang="fr" category="crisis-line" limit="5">.
 * Partners load this file from the site's stable URL (<site>/embed.js). It reads only the
 * list it shows from <site>/api/v1/lists/<lang>/… (the directory split by region, category,
 * both, and audience, in pages of small records: 5 crisis lines of one region are one file
 * of a few kilobytes, whatever the size of the directory), and shows a short, accessible list
 * of help services inside a shadow root. The JSON is treated as data: every value goes
 * through textContent or a checked URL, never through innerHTML. Nothing is stored.
 *
 * Attributes: lang, category, region, audience (space- or comma-separated ids; a
 * service matches if it has any of them), limit, heading, heading-level (default 2),
 * src (another services.json URL, read whole). Partners may restyle through CSS custom properties
 * on the element: --trillium-text, --trillium-accent (links), --trillium-focus,
 * --trillium-background, --trillium-border, --trillium-divider, --trillium-radius,
 * --trillium-font. By default everything follows the host page's text colour. */
(function () {
  "use strict";

  // The site's settings: its help line, the region that stands for everywhere, and the widget's
  // words in both languages (the theme's widget* UI strings). The build writes them here from
  // site.yaml, the taxonomy and the theme; nothing about any one site is in this file.
  var CONFIG = /*trillium:widget-config*/ null;
  var SETTINGS = CONFIG || { hotline: { number: "", tel: "" }, everywhere: "", text: { en: {}, fr: {} } };
  var HOTLINE = SETTINGS.hotline;
  var TEXT = SETTINGS.text;

  var CSS = [
    ":host{display:block;color:var(--trillium-text,inherit);font-family:var(--trillium-font,system-ui,-apple-system,\"Segoe UI\",Roboto,Helvetica,Arial,sans-serif);line-height:1.5}",
    ":host([hidden]){display:none}",
    ".tw{background:var(--trillium-background,transparent);border:var(--trillium-border,1px solid currentColor);border-radius:var(--trillium-radius,4px);padding:1em}",
    ".tw-heading{margin:0 0 .5em;font-size:1.25em;line-height:1.3}",
    ".tw-list{list-style:none;margin:0;padding:0}",
    ".tw-service{margin:0;padding:.75em 0;border-top:1px solid var(--trillium-divider,currentColor)}",
    ".tw-service:first-child{border-top:0;padding-top:0}",
    ".tw-name{margin:0;font-size:1.05em;line-height:1.3}",
    ".tw-summary{margin:.25em 0}",
    ".tw-contacts{list-style:none;margin:.25em 0;padding:0}",
    "a{color:var(--trillium-accent,currentColor);text-decoration:underline;text-underline-offset:.15em}",
    "a:hover{text-decoration-thickness:.15em}",
    "a:focus{outline:3px solid var(--trillium-focus,currentColor);outline-offset:2px}",
    ".tw-contacts a,.tw-all{display:inline-block;min-height:24px;padding:.2em 0}",
    ".tw-number{white-space:nowrap;font-weight:bold}",
    ".tw-meta{margin:.25em 0 0}",
    ".tw-badge{display:inline-block;margin:0;padding:0 .4em;border:1px solid currentColor;border-radius:3px;font-size:.9em}",
    ".tw-status{margin:.5em 0}",
    ".tw-status:empty{display:none}",
    ".tw-all{margin-top:.5em;font-weight:bold}",
    "@media (forced-colors:active){.tw,.tw-badge{border-color:CanvasText}}"
  ].join("\n");

  /** "fr", "fr-CA", "FR" -> "fr"; anything else -> "en". */
  function pickLang(value) {
    return /^fr(?:-|$)/i.test(String(value || "").trim()) ? "fr" : "en";
  }

  /** The site base ("https://site/") from the URL this script was loaded from. */
  function baseFromScriptURL(src) {
    if (!src) return "";
    return String(src).replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  }

  /** The site base from a services.json URL given in a src attribute. */
  function baseFromServicesURL(url) {
    var clean = String(url || "").replace(/[?#].*$/, "");
    var cut = clean.lastIndexOf("api/v1/");
    return cut >= 0 ? clean.slice(0, cut) : clean.replace(/[^/]*$/, "");
  }

  /** Space- or comma-separated attribute value -> list of ids. */
  function idList(value) {
    return String(value || "").split(/[\s,]+/).filter(Boolean);
  }

  /** Positive whole number or 0 (meaning no limit). */
  function parseLimit(value) {
    var n = parseInt(value, 10);
    return n > 0 ? n : 0;
  }

  function parseHeadingLevel(value) {
    var n = parseInt(value, 10);
    return n >= 1 && n <= 6 ? n : 2;
  }

  function overlaps(have, wanted) {
    if (!wanted.length) return true;
    if (!Array.isArray(have)) return false;
    for (var i = 0; i < wanted.length; i++) if (have.indexOf(wanted[i]) >= 0) return true;
    return false;
  }

  /** Services that match every given list (any id within a list), cut to the limit. */
  function filterServices(services, filter) {
    var out = (Array.isArray(services) ? services : []).filter(function (s) {
      return s && typeof s === "object" &&
        overlaps(s.categories, filter.categories || []) &&
        // A service of the everywhere region serves every region, as on the site's own region lists.
        overlaps(SETTINGS.everywhere && (s.regions || []).indexOf(SETTINGS.everywhere) >= 0 ? (filter.regions || []) : s.regions,
          filter.regions || []) &&
        overlaps(s.audiences, filter.audiences || []);
    });
    return filter.limit > 0 ? out.slice(0, filter.limit) : out;
  }

  /** A {en, fr} value in the wanted language, falling back to the other one. */
  function localized(value, lang) {
    if (typeof value === "string") return value;
    if (!value || typeof value !== "object") return "";
    return String(value[lang] || value[lang === "fr" ? "en" : "fr"] || "");
  }

  /** Only http(s) links survive; anything else (javascript:, data:) gives "". */
  function safeWebURL(value, base) {
    try {
      var url = new URL(String(value), base || undefined);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : "";
    } catch (e) {
      return "";
    }
  }

  /** "tel:+18005550199" from the phone's tel field, or from the digits of its number. */
  function telHref(phone) {
    var raw = String(phone.tel || phone.number || "").replace(/[^\d+]/g, "");
    return raw ? "tel:" + raw : "";
  }

  /** The words before the number: "Call", "Appeler le", "Texto au"… */
  function phoneVerb(phone, lang) {
    var kinds = TEXT[lang].kinds;
    var label = localized(phone.label, lang).trim();
    if (!label) return kinds[phone.kind] || kinds.fallback;
    // French needs "le" before a number after a bare verb ("Appeler le 1-800…").
    if (lang === "fr" && phone.kind !== "tty" && !/(?:\s(?:le|au|aux|la)|:)$/i.test(label)) {
      return label + (phone.kind === "text" ? " au" : " le");
    }
    return label;
  }

  /** An id as a path segment of the lists: the directory's ids are URL-safe; anything else is refused. */
  function segment(id) {
    return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) ? id : null;
  }

  /**
   * The published lists whose union is what the filter asks for, and what is left to check on
   * their records. A region, a category and both together are lists; so is an audience when
   * neither is given. Several ids in one attribute mean any of them: one list each.
   * Returns {paths: ["region/toronto/category/crisis-line/", …], audiences: [ids to check]}.
   */
  function listPaths(filter) {
    var regions = (filter.regions || []).map(segment);
    var categories = (filter.categories || []).map(segment);
    var audiences = (filter.audiences || []).map(segment);
    if (regions.concat(categories, audiences).indexOf(null) >= 0) return null;
    var paths = [];
    (regions.length ? regions : [""]).forEach(function (region) {
      (categories.length ? categories : [""]).forEach(function (category) {
        var path = (region ? "region/" + region + "/" : "") + (category ? "category/" + category + "/" : "");
        if (path) paths.push(path);
      });
    });
    if (paths.length) return { paths: paths, audiences: audiences };
    if (audiences.length) return { paths: audiences.map(function (a) { return "audience/" + a + "/"; }), audiences: [] };
    return { paths: ["all/"], audiences: [] };
  }

  /** The first `limit` services (all when 0) of the union of sorted lists, by id, each once. */
  function mergeLists(lists, limit) {
    var seen = {}, out = [];
    lists.forEach(function (list) {
      list.forEach(function (service) {
        if (service && typeof service.id === "string" && !Object.prototype.hasOwnProperty.call(seen, service.id)) {
          seen[service.id] = true;
          out.push(service);
        }
      });
    });
    out.sort(function (a, b) { return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; });
    return limit > 0 ? out.slice(0, limit) : out;
  }

  /** Directory link for the widget's language, carrying a single-valued filter along. */
  function directoryURL(base, lang, filter) {
    var params = [];
    [["category", filter.categories], ["region", filter.regions], ["audience", filter.audiences]].forEach(function (pair) {
      if (pair[1] && pair[1].length === 1) params.push(pair[0] + "=" + encodeURIComponent(pair[1][0]));
    });
    return base + lang + "/services/" + (params.length ? "?" + params.join("&") : "");
  }

  var api = {
    pickLang: pickLang,
    baseFromScriptURL: baseFromScriptURL,
    baseFromServicesURL: baseFromServicesURL,
    idList: idList,
    parseLimit: parseLimit,
    parseHeadingLevel: parseHeadingLevel,
    filterServices: filterServices,
    localized: localized,
    safeWebURL: safeWebURL,
    telHref: telHref,
    phoneVerb: phoneVerb,
    directoryURL: directoryURL,
    listPaths: listPaths,
    mergeLists: mergeLists,
    SETTINGS: SETTINGS,
    TEXT: TEXT
  };
  if (typeof module === "object" && module.exports) module.exports = api;

  if (typeof window === "undefined" || !window.customElements || typeof HTMLElement === "undefined") return;
  if (window.customElements.get("trillium-services")) return;

  var script = document.currentScript;
  var SITE_BASE = baseFromScriptURL(script && script.src);
  var requests = {}; // URL -> promise, shared by every widget on the page
  var sharedSheet = null;

  /** A JSON file with a `services` array, fetched once per page. */
  function loadJSON(url) {
    if (!requests[url]) {
      requests[url] = window.fetch(url, { credentials: "omit", mode: "cors", referrerPolicy: "no-referrer" })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (data) {
          if (!data || !Array.isArray(data.services)) throw new Error("Unexpected data");
          return data;
        });
      // A failed request may be retried by a widget added later.
      requests[url].catch(function () { delete requests[url]; });
    }
    return requests[url];
  }

  /** Up to `limit` services of one list (all when 0) whose audiences include one of `audiences`,
   * reading its pages in order only as far as needed. Resolves to {services, html}. */
  function readList(base, lang, path, audiences, limit) {
    var found = [];
    function page(number) {
      return loadJSON(base + "api/v1/lists/" + lang + "/" + path + number + ".json").then(function (data) {
        data.services.forEach(function (service) {
          if (!audiences.length || overlaps(service && service.audiences, audiences)) found.push(service);
        });
        var more = data.last_page === false && number < (data.total_pages || 0);
        if (more && (limit === 0 || found.length < limit)) return page(number + 1).then(function (result) { return { services: result.services, html: data.links && data.links.html }; });
        return { services: found, html: data.links && data.links.html };
      });
    }
    return page(1);
  }

  /** What the widget shows for `filter`: from the lists, or from a whole services.json given in src. */
  function loadFor(filter, lang, src) {
    if (src) {
      return loadJSON(src).then(function (data) { return { services: filterServices(data.services, filter), html: "" }; });
    }
    var plan = listPaths(filter);
    if (!plan || !SITE_BASE) return Promise.reject(new Error("No list for this filter"));
    return Promise.all(plan.paths.map(function (path) { return readList(SITE_BASE, lang, path, plan.audiences, filter.limit); }))
      .then(function (lists) {
        return {
          services: mergeLists(lists.map(function (list) { return list.services; }), filter.limit),
          html: lists.length === 1 ? lists[0].html || "" : ""
        };
      });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function link(href, className, text) {
    var a = el("a", className, text);
    a.href = href;
    a.rel = "noreferrer";
    return a;
  }

  function hotlineLink() {
    var a = link("tel:" + HOTLINE.tel, "tw-hotline", "");
    a.appendChild(el("span", "tw-number", HOTLINE.number));
    return a;
  }

  function styleShadow(shadow) {
    var canAdopt = window.ShadowRoot && "adoptedStyleSheets" in ShadowRoot.prototype && typeof CSSStyleSheet === "function";
    if (canAdopt) {
      try {
        if (!sharedSheet) {
          sharedSheet = new CSSStyleSheet();
          sharedSheet.replaceSync(CSS);
        }
        shadow.adoptedStyleSheets = [sharedSheet];
        return;
      } catch (e) {
        // Older engines: fall through to a <style> element.
      }
    }
    shadow.appendChild(el("style", "", CSS));
  }

  class TrilliumServices extends HTMLElement {
    static get observedAttributes() {
      return ["lang", "category", "region", "audience", "limit", "heading", "heading-level", "src"];
    }

    connectedCallback() {
      if (!this.shadowRoot) {
        styleShadow(this.attachShadow({ mode: "open" }));
      }
      this._render();
    }

    attributeChangedCallback() {
      if (!this.isConnected || !this.shadowRoot || this._pending) return;
      // Several attributes often change together; draw once.
      this._pending = true;
      var self = this;
      Promise.resolve().then(function () {
        self._pending = false;
        self._render();
      });
    }

    _lang() {
      var own = this.getAttribute("lang");
      if (own) return pickLang(own);
      var parent = this.parentElement && this.parentElement.closest("[lang]");
      return pickLang(parent ? parent.getAttribute("lang") : document.documentElement.lang);
    }

    _render() {
      var lang = this._lang();
      var words = TEXT[lang];
      var src = this.getAttribute("src");
      var jsonURL = src ? safeWebURL(src, document.baseURI) : "";
      var base = SITE_BASE || baseFromServicesURL(jsonURL);
      var filter = {
        categories: idList(this.getAttribute("category")),
        regions: idList(this.getAttribute("region")),
        audiences: idList(this.getAttribute("audience")),
        limit: parseLimit(this.getAttribute("limit"))
      };
      var level = parseHeadingLevel(this.getAttribute("heading-level"));

      var root = el("div", "tw");
      root.lang = lang === "fr" ? "fr-CA" : "en";
      var heading = el("h" + level, "tw-heading", this.getAttribute("heading") || words.heading);
      var status = el("p", "tw-status", words.loading);
      status.setAttribute("role", "status");
      root.appendChild(heading);
      root.appendChild(status);
      this._replace(root);

      var token = {};
      this._token = token;
      var self = this;
      var request = window.fetch && (jsonURL || !src) ? loadFor(filter, lang, jsonURL) : Promise.reject(new Error("No services URL"));
      request.then(function (data) {
        if (self._token !== token) return;
        var services = data.services;
        if (!services.length) {
          status.textContent = words.empty + " ";
          status.appendChild(hotlineLink());
        } else {
          status.textContent = "";
          root.insertBefore(self._list(services, lang, Math.min(level + 1, 6), base), status);
        }
        var all = safeWebURL(data.html, base) || (base ? directoryURL(base, lang, filter) : "");
        if (all) root.appendChild(link(all, "tw-all", words.seeAll));
      }, function () {
        if (self._token !== token) return;
        status.textContent = words.error + " ";
        status.appendChild(hotlineLink());
        // The site itself may still be reachable even when the data is not.
        if (base) root.appendChild(link(directoryURL(base, lang, filter), "tw-all", words.seeAll));
      });
    }

    _replace(root) {
      var shadow = this.shadowRoot;
      var old = shadow.querySelector(".tw");
      if (old) shadow.replaceChild(root, old);
      else shadow.appendChild(root);
    }

    _list(services, lang, nameLevel, base) {
      var words = TEXT[lang];
      var ul = el("ul", "tw-list");
      services.forEach(function (service) {
        var li = el("li", "tw-service");
        var name = localized(service.name, lang);
        var href = safeWebURL(service.url || (service.urls && localized(service.urls, lang)), base);
        var title = el("h" + nameLevel, "tw-name");
        if (href) title.appendChild(link(href, "", name));
        else title.textContent = name;
        li.appendChild(title);

        var summary = localized(service.summary, lang);
        if (summary) li.appendChild(el("p", "tw-summary", summary));

        var phones = (Array.isArray(service.phones) ? service.phones : []).filter(function (p) {
          return p && telHref(p);
        });
        if (phones.length) {
          var contacts = el("ul", "tw-contacts");
          phones.forEach(function (phone) {
            var a = link(telHref(phone), "", phoneVerb(phone, lang) + " ");
            a.appendChild(el("span", "tw-number", String(phone.number || phone.tel)));
            var item = el("li");
            item.appendChild(a);
            contacts.appendChild(item);
          });
          li.appendChild(contacts);
        }

        if (service.hours && service.hours.open_24_7 === true) {
          var meta = el("p", "tw-meta");
          meta.appendChild(el("span", "tw-badge", words.open247));
          li.appendChild(meta);
        }
        ul.appendChild(li);
      });
      return ul;
    }
  }

  window.customElements.define("trillium-services", TrilliumServices);
})();
