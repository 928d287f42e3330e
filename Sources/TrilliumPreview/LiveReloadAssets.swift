import TrilliumModel
import TrilliumRender
import TrilliumPipeline

/// The script and stylesheet the preview adds to pages. They are served from `/__trillium/` only
/// by `trillium serve` and never written into a built site.
///
/// The script builds its dialog with DOM calls and `textContent` only (file paths and messages are
/// author-controlled text), and styles it with a same-origin stylesheet, so the site's strict
/// content security policy (`script-src 'self'`, `style-src 'self'`) needs no exception.
enum LiveReloadAssets {
    static let scriptPath = "/__trillium/live.js"
    static let stylesheetPath = "/__trillium/live.css"
    static let eventsPath = "/__trillium/events"

    static let script = #"""
    // Trillium preview: reloads the page after each good rebuild and shows build problems in a dialog.
    (function () {
      "use strict";
      if (!("EventSource" in window) || !document.body) { return; }

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
    }());
    """#

    static let stylesheet = #"""
    /* Trillium preview: the build-problems dialog. */
    .trillium-preview {
      position: fixed;
      top: 0;
      right: 0;
      bottom: 0;
      left: 0;
      z-index: 2147483647;
      display: flex;
      align-items: flex-start;
      justify-content: center;
      box-sizing: border-box;
      padding: 1rem;
      overflow: auto;
      background: rgba(0, 0, 0, 0.65);
    }
    .trillium-preview__panel {
      box-sizing: border-box;
      width: 100%;
      max-width: 50rem;
      margin: auto 0;
      padding: 1.5rem;
      border: 0.25rem solid #a4001d;
      border-radius: 0.25rem;
      background: #ffffff;
      color: #1a1a1a;
      font: 1.125rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      text-align: start;
    }
    .trillium-preview__title {
      margin: 0 0 0.75rem;
      color: #a4001d;
      font-size: 1.5rem;
      line-height: 1.25;
    }
    .trillium-preview__summary {
      margin: 0 0 1rem;
    }
    .trillium-preview__list {
      margin: 0 0 1.5rem;
      padding-left: 1.5rem;
    }
    .trillium-preview__item {
      margin: 0 0 1rem;
    }
    .trillium-preview__item p {
      margin: 0;
    }
    .trillium-preview__location {
      font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
      font-weight: 700;
      overflow-wrap: anywhere;
    }
    .trillium-preview__message,
    .trillium-preview__hint {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .trillium-preview__hint {
      color: #3d3d3d;
    }
    .trillium-preview__close {
      min-height: 2.75rem;
      padding: 0.5rem 1.25rem;
      border: 0.125rem solid #1a1a1a;
      border-radius: 0.25rem;
      background: #ffffff;
      color: #1a1a1a;
      font: inherit;
      cursor: pointer;
    }
    .trillium-preview__close:hover {
      background: #eeeeee;
    }
    .trillium-preview:focus-visible,
    .trillium-preview__close:focus-visible {
      outline: 0.1875rem solid #0b57d0;
      outline-offset: 0.125rem;
    }
    @media (forced-colors: active) {
      .trillium-preview__panel,
      .trillium-preview__close {
        border-color: CanvasText;
      }
    }
    """#
}
