// Trillium preview: reloads the page after each good rebuild and shows build problems in a dialog.
// Served by `trillium serve` only, never written into a built site. Problems are shown with DOM
// calls and textContent only: file paths and messages are author-controlled text.
(function () {
  "use strict";

  /** Starts listening for build events in `window` (a browser window, or a test's stand-in). */
  function install(window) {
    var document = window.document;
    var EventSource = window.EventSource;
    if (!EventSource || !document.body) { return; }

    var dialogId = "trillium-preview-problems";
    var texts = {
      en: {
        title: "The site could not be rebuilt",
        count: function (n) { return n === 1 ? "1 problem stops the build." : n + " problems stop the build."; },
        advice: "This page still shows the last version that built. Fix the file and save it: the page reloads by itself.",
        severity: { error: "error", warning: "warning" },
        hint: "How to fix: ",
        close: "Hide this message"
      },
      fr: {
        title: "Le site n\u2019a pas pu \u00eatre reconstruit",
        count: function (n) { return n === 1 ? "1 probl\u00e8me emp\u00eache la construction." : n + " probl\u00e8mes emp\u00eachent la construction."; },
        advice: "Cette page montre encore la derni\u00e8re version valide. Corrigez le fichier et enregistrez-le\u00a0: la page se rechargera d\u2019elle-m\u00eame.",
        severity: { error: "erreur", warning: "avertissement" },
        hint: "Pour corriger\u00a0: ",
        close: "Masquer ce message"
      }
    };
    var open = null;
    var returnFocus = null;
    var madeInert = [];
    var source = null;

    function words() {
      var lang = (document.documentElement.getAttribute("lang") || "en").slice(0, 2).toLowerCase();
      return texts[lang] || texts.en;
    }

    function element(tag, className, text) {
      var node = document.createElement(tag);
      node.className = className;
      if (text !== undefined) { node.textContent = text; }
      return node;
    }

    function addStylesheet() {
      if (document.getElementById(dialogId + "-style")) { return; }
      var link = document.createElement("link");
      link.id = dialogId + "-style";
      link.rel = "stylesheet";
      link.href = "/__trillium/live.css";
      document.head.appendChild(link);
    }

    // Everything behind the dialog is inert while it is open, so focus and screen readers stay in it.
    function setBackgroundInert(inert) {
      if (inert) {
        Array.prototype.forEach.call(document.body.children, function (child) {
          if (child !== open && !child.hasAttribute("inert")) {
            child.setAttribute("inert", "");
            madeInert.push(child);
          }
        });
      } else {
        madeInert.forEach(function (child) { child.removeAttribute("inert"); });
        madeInert = [];
      }
    }

    function remove() {
      if (!open) { return; }
      setBackgroundInert(false);
      document.removeEventListener("keydown", onKeydown, true);
      if (open.parentNode) { open.parentNode.removeChild(open); }
      open = null;
    }

    function hide() {
      var target = returnFocus;
      remove();
      returnFocus = null;
      if (target && target.focus && document.documentElement.contains(target)) { target.focus(); }
    }

    function onKeydown(event) {
      if (!open) { return; }
      if (event.key === "Escape") {
        event.preventDefault();
        hide();
      } else if (event.key === "Tab") {
        // The dialog has one control; Tab moves between it and the dialog so focus never leaves.
        event.preventDefault();
        var button = open.querySelector("button");
        (document.activeElement === button ? open : button).focus();
      }
    }

    function show(diagnostics) {
      var t = words();
      if (!open) { returnFocus = document.activeElement; }
      remove();
      addStylesheet();
      var errors = diagnostics.filter(function (d) { return d.severity === "error"; }).length;

      var dialog = element("div", "trillium-preview");
      dialog.id = dialogId;
      dialog.setAttribute("role", "alertdialog");
      dialog.setAttribute("aria-modal", "true");
      dialog.setAttribute("aria-labelledby", dialogId + "-title");
      dialog.setAttribute("aria-describedby", dialogId + "-summary");
      dialog.tabIndex = -1;

      var panel = element("div", "trillium-preview__panel");
      var title = element("h2", "trillium-preview__title", t.title);
      title.id = dialogId + "-title";
      var summary = element("p", "trillium-preview__summary", t.count(errors || diagnostics.length) + " " + t.advice);
      summary.id = dialogId + "-summary";
      var list = element("ol", "trillium-preview__list");
      diagnostics.forEach(function (d) {
        var kind = d.severity === "warning" ? "warning" : "error";
        var item = element("li", "trillium-preview__item trillium-preview__item--" + kind);
        item.appendChild(element("p", "trillium-preview__location", String(d.location) + " \u2014 " + t.severity[kind]));
        item.appendChild(element("p", "trillium-preview__message", String(d.message)));
        if (d.hint) { item.appendChild(element("p", "trillium-preview__hint", t.hint + String(d.hint))); }
        list.appendChild(item);
      });
      var button = element("button", "trillium-preview__close", t.close);
      button.type = "button";
      button.addEventListener("click", hide);

      panel.appendChild(title);
      panel.appendChild(summary);
      panel.appendChild(list);
      panel.appendChild(button);
      dialog.appendChild(panel);
      document.body.appendChild(dialog);
      open = dialog;
      setBackgroundInert(true);
      document.addEventListener("keydown", onKeydown, true);
      dialog.focus();
    }

    function connect() {
      source = new EventSource("/__trillium/events");
      source.addEventListener("reload", function () {
        source.close();
        window.location.reload();
      });
      source.addEventListener("ready", function () { hide(); });
      source.addEventListener("failure", function (event) {
        var payload;
        try { payload = JSON.parse(event.data); } catch (error) { return; }
        if (payload && payload.diagnostics && payload.diagnostics.length) { show(payload.diagnostics); }
      });
    }

    // Browsers allow few open connections per server: let go of this one when the page goes away.
    window.addEventListener("pagehide", function () { if (source) { source.close(); } });
    window.addEventListener("pageshow", function (event) { if (event.persisted) { connect(); } });
    connect();
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { install: install };
  } else if (typeof window !== "undefined") {
    install(window);
  }
}());
