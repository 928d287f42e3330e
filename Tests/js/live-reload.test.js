// The preview's live-reload script, driven through a small stand-in for the browser.
// Run: node --test Tests/js/live-reload.test.js
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { install } = require(path.join(__dirname, "../../Sources/TrilliumPreview/Resources/live-reload.js"));

/** Just enough of the DOM for the script: elements, attributes, children, text, focus, events. */
class FakeElement {
  constructor(document, tag) {
    this.ownerDocument = document;
    this.tagName = tag.toUpperCase();
    this.children = [];
    this.parentNode = null;
    this.attributes = {};
    this.listeners = {};
    this._text = "";
    this.id = "";
    this.className = "";
  }
  get textContent() { return this._text + this.children.map((c) => c.textContent).join(""); }
  set textContent(value) { this._text = String(value); this.children = []; }
  set innerHTML(value) { throw new Error("the script must not use innerHTML"); }
  appendChild(child) { child.parentNode = this; this.children.push(child); return child; }
  removeChild(child) { this.children = this.children.filter((c) => c !== child); child.parentNode = null; return child; }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; }
  hasAttribute(name) { return name in this.attributes; }
  removeAttribute(name) { delete this.attributes[name]; }
  addEventListener(type, fn) { (this.listeners[type] = this.listeners[type] || []).push(fn); }
  focus() { this.ownerDocument.activeElement = this; }
  contains(node) { for (let n = node; n; n = n.parentNode) if (n === this) return true; return false; }
  all() { return [this].concat(...this.children.map((c) => c.all())); }
  querySelector(selector) { return this.all().slice(1).find((n) => n.tagName === selector.toUpperCase()) || null; }
}

class FakeDocument {
  constructor(lang) {
    this.documentElement = new FakeElement(this, "html");
    this.documentElement.setAttribute("lang", lang);
    this.head = this.documentElement.appendChild(new FakeElement(this, "head"));
    this.body = this.documentElement.appendChild(new FakeElement(this, "body"));
    this.listeners = {};
    this.activeElement = this.body;
  }
  createElement(tag) { return new FakeElement(this, tag); }
  getElementById(id) { return this.documentElement.all().find((n) => n.id === id) || null; }
  addEventListener(type, fn) { (this.listeners[type] = this.listeners[type] || []).push(fn); }
  removeEventListener(type, fn) { this.listeners[type] = (this.listeners[type] || []).filter((f) => f !== fn); }
  key(key) {
    const event = { key, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    (this.listeners.keydown || []).forEach((fn) => fn(event));
    return event;
  }
}

function browser(lang) {
  const document = new FakeDocument(lang);
  const main = document.body.appendChild(document.createElement("main"));
  const sources = [];
  const window = {
    document,
    reloaded: 0,
    location: { reload() { window.reloaded += 1; } },
    listeners: {},
    addEventListener(type, fn) { (this.listeners[type] = this.listeners[type] || []).push(fn); },
    EventSource: class {
      constructor(url) { this.url = url; this.listeners = {}; this.closed = false; sources.push(this); }
      addEventListener(type, fn) { (this.listeners[type] = this.listeners[type] || []).push(fn); }
      close() { this.closed = true; }
      emit(type, data) { (this.listeners[type] || []).forEach((fn) => fn({ data })); }
    }
  };
  install(window);
  return { window, document, main, sources };
}

const problems = {
  diagnostics: [
    { severity: "error", location: "Content/fr/aide.md:12:3", message: "link to <img src=x onerror=alert(1)>", hint: "Fix the link." },
    { severity: "warning", location: "Content/en/help.md:4:1", message: "reading level is grade 10" }
  ]
};

test("it listens to the preview's event stream", () => {
  const { sources } = browser("en");
  assert.equal(sources.length, 1);
  assert.equal(sources[0].url, "/__trillium/events");
});

test("a good rebuild reloads the page", () => {
  const { window, sources } = browser("en");
  sources[0].emit("reload", "");
  assert.equal(window.reloaded, 1);
  assert.equal(sources[0].closed, true);
});

test("a failed build opens an accessible dialog that lists every problem as text", () => {
  const { document, sources, main } = browser("en");
  sources[0].emit("failure", JSON.stringify(problems));
  const dialog = document.getElementById("trillium-preview-problems");
  assert.ok(dialog, "the dialog is open");
  assert.equal(dialog.getAttribute("role"), "alertdialog");
  assert.equal(dialog.getAttribute("aria-modal"), "true");
  assert.equal(document.activeElement, dialog, "focus moves to the dialog");
  assert.equal(main.getAttribute("inert"), "", "the page behind is inert");
  const text = dialog.textContent;
  assert.match(text, /1 problem stops the build\./);
  assert.match(text, /Content\/fr\/aide\.md:12:3 — error/);
  assert.match(text, /link to <img src=x onerror=alert\(1\)>/, "markup in a message stays text");
  assert.match(text, /How to fix: Fix the link\./);
  assert.match(text, /Content\/en\/help\.md:4:1 — warning/);
  assert.ok(document.getElementById("trillium-preview-problems-style"), "its stylesheet is linked");
});

test("French pages get the dialog in French", () => {
  const { document, sources } = browser("fr-CA");
  sources[0].emit("failure", JSON.stringify(problems));
  const text = document.getElementById("trillium-preview-problems").textContent;
  assert.match(text, /Le site n’a pas pu être reconstruit/);
  assert.match(text, /— erreur/);
});

test("Escape closes the dialog, gives focus back and lifts inert", () => {
  const { document, sources, main } = browser("en");
  main.focus();
  sources[0].emit("failure", JSON.stringify(problems));
  const event = document.key("Escape");
  assert.equal(event.defaultPrevented, true);
  assert.equal(document.getElementById("trillium-preview-problems"), null);
  assert.equal(document.activeElement, main);
  assert.equal(main.hasAttribute("inert"), false);
});

test("Tab stays inside the dialog", () => {
  const { document, sources } = browser("en");
  sources[0].emit("failure", JSON.stringify(problems));
  const dialog = document.getElementById("trillium-preview-problems");
  const button = dialog.querySelector("button");
  document.key("Tab");
  assert.equal(document.activeElement, button);
  document.key("Tab");
  assert.equal(document.activeElement, dialog);
});

test("a fixed build closes the dialog; malformed events are ignored", () => {
  const { document, sources } = browser("en");
  sources[0].emit("failure", "not json");
  assert.equal(document.getElementById("trillium-preview-problems"), null);
  sources[0].emit("failure", JSON.stringify(problems));
  sources[0].emit("ready", "");
  assert.equal(document.getElementById("trillium-preview-problems"), null);
});

test("a page without EventSource is left alone", () => {
  const document = new FakeDocument("en");
  install({ document, addEventListener() { throw new Error("no listeners without EventSource"); } });
  assert.equal(document.body.children.length, 0);
});
