// Trillium editor: live preview and checks as you type, "go to line", and list filtering.
// Everything works without this script (forms post to the server); it only makes it quicker.
// Page text is never put into innerHTML: messages are built with createElement and textContent.
"use strict";
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else factory().install(root.document, root);
})(typeof self !== "undefined" ? self : this, function () {
  var DELAY = 120;

  function token(document) {
    var meta = document.querySelector('meta[name="trillium-editor-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  /** Form fields as an application/x-www-form-urlencoded body. */
  function encode(form) {
    var parts = [];
    var elements = form.elements;
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      if (!el.name || el.disabled) continue;
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) continue;
      if (el.type === "submit" || el.type === "button") continue;
      parts.push(encodeURIComponent(el.name) + "=" + encodeURIComponent(el.value));
    }
    return parts.join("&");
  }

  /** Replaces the messages shown for one field, and marks the field invalid when one is an error. */
  function showMessages(document, field, messages) {
    var box = document.getElementById(field + "-messages");
    if (!box) return;
    while (box.firstChild) box.removeChild(box.firstChild);
    var invalid = false;
    messages.forEach(function (m) {
      var p = document.createElement("p");
      p.className = "message message-" + m.severity;
      var strong = document.createElement("strong");
      strong.textContent = m.label;
      p.appendChild(strong);
      p.appendChild(document.createTextNode(" " + m.message));
      if (m.hint) {
        var hint = document.createElement("span");
        hint.className = "hint";
        hint.textContent = m.hint;
        p.appendChild(hint);
      }
      if (m.line) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "link-button";
        button.setAttribute("data-goto-line", String(m.line));
        button.setAttribute("data-target", field);
        button.textContent = m.goTo;
        p.appendChild(document.createTextNode(" "));
        p.appendChild(button);
      }
      box.appendChild(p);
      if (m.severity === "error") invalid = true;
    });
    var input = document.getElementById(field);
    if (input && input.setAttribute) {
      if (invalid) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
  }

  /** Puts the caret at the start of `line` (from 1) in a text area and selects that line. */
  function goToLine(textarea, line) {
    var lines = textarea.value.split("\n");
    var start = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    var end = start + (lines[line - 1] || "").length;
    textarea.focus();
    textarea.setSelectionRange(start, end);
  }

  /** Applies the server's answer: previews, messages per field, reading level, status. */
  function applyPreview(document, form, answer) {
    var languages = answer.languages || {};
    Object.keys(languages).forEach(function (lang) {
      var result = languages[lang];
      var frame = document.getElementById(lang + "-preview");
      if (frame && result.rendered && frame.getAttribute("src") !== result.preview) frame.setAttribute("src", result.preview);
      var link = document.getElementById(lang + "-preview-link");
      if (link && result.rendered) link.setAttribute("href", result.preview);
      var byField = {};
      form.querySelectorAll('[id$="-messages"]').forEach(function (box) {
        var field = box.id.slice(0, -"-messages".length);
        if (field.indexOf(lang + "-") === 0) byField[field] = [];
      });
      (result.messages || []).forEach(function (m) {
        (byField[m.field] = byField[m.field] || []).push(m);
      });
      Object.keys(byField).forEach(function (field) { showMessages(document, field, byField[field]); });
      var readability = document.getElementById(lang + "-readability");
      if (readability) readability.textContent = result.readability;
    });
    var status = document.getElementById("preview-status");
    if (status && answer.status) status.textContent = answer.status;
  }

  /** Applies a service check: every field's messages, then the status line. */
  function applyCheck(document, form, answer) {
    var byField = {};
    form.querySelectorAll('[id$="-messages"]').forEach(function (box) { byField[box.id.slice(0, -"-messages".length)] = []; });
    (answer.fields || []).forEach(function (m) { (byField[m.field] = byField[m.field] || []).push(m); });
    Object.keys(byField).forEach(function (field) { showMessages(document, field, byField[field]); });
    var status = document.getElementById("preview-status");
    if (status && answer.status) status.textContent = answer.status;
  }

  /** Sends the form to `url` a moment after each change and applies the latest answer. */
  function installLiveForm(document, window, form, url, apply) {
    var timer = null;
    var sequence = 0;
    var ui = document.documentElement.getAttribute("lang").slice(0, 2);
    function send() {
      if (!url) return;
      var mine = ++sequence;
      window.fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Trillium-Token": token(document) },
        body: encode(form) + "&ui=" + encodeURIComponent(ui),
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (answer) {
        if (answer && mine === sequence) apply(document, form, answer);
      }).catch(function () {});
    }
    function schedule() {
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(send, DELAY);
    }
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    // Saving or discarding posts the form itself: no preview may land after it and keep a stale draft.
    form.addEventListener("submit", function () {
      if (timer) window.clearTimeout(timer);
      sequence++;
      url = null;
    });
  }

  /** Shows only the rows whose text and states match the search box and the state menu. */
  function installFilter(document, form) {
    var search = form.querySelector("#q");
    var state = form.querySelector("#state");
    function apply() {
      var words = fold(search.value).split(/\s+/).filter(Boolean);
      var wanted = state.value;
      var shown = 0;
      document.querySelectorAll("tr[data-row]").forEach(function (row) {
        var text = row.getAttribute("data-search") || "";
        var states = (row.getAttribute("data-states") || "").split(" ");
        var visible = words.every(function (w) { return text.indexOf(w) >= 0; }) && (wanted === "all" || states.indexOf(wanted) >= 0);
        if (visible) row.removeAttribute("hidden"); else row.setAttribute("hidden", "");
        if (visible && row.closest("table") && row.closest("table").getAttribute("aria-labelledby") === "pages-heading") shown++;
      });
      var count = document.getElementById("pages-count");
      if (count && count.getAttribute("data-template")) {
        count.textContent = count.getAttribute("data-template").replace("{shown}", String(shown));
      }
    }
    search.addEventListener("input", apply);
    state.addEventListener("change", apply);
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function install(document, window) {
    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-goto-line]") : null;
      if (!button) return;
      var target = document.getElementById(button.getAttribute("data-target"));
      if (target) goToLine(target, Number(button.getAttribute("data-goto-line")));
    });
    document.querySelectorAll("form[data-preview]").forEach(function (form) {
      installLiveForm(document, window, form, form.getAttribute("data-preview"), applyPreview);
    });
    document.querySelectorAll("form[data-check]").forEach(function (form) {
      installLiveForm(document, window, form, form.getAttribute("data-check"), applyCheck);
    });
    document.querySelectorAll("form[data-filter]").forEach(function (form) { installFilter(document, form); });
  }

  return { install: install, encode: encode, showMessages: showMessages, goToLine: goToLine, applyPreview: applyPreview, applyCheck: applyCheck, fold: fold };
});
