// Unit tests for Themes/default/assets/js/exit-this-page.js.
// Run with: node --test Tests/js/
// The script runs inside a vm context with a tiny fake DOM and fake timers,
// so the tests need no browser and no packages.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const SCRIPT_PATH = path.join(__dirname, '..', '..', 'Themes', 'default', 'assets', 'js', 'exit-this-page.js');
const SCRIPT = fs.readFileSync(SCRIPT_PATH, 'utf8');
const NEUTRAL_URL = 'http://127.0.0.1:8000/neutral.html';

// ---- a fake DOM, just large enough for the script ----

class FakeEventTarget {
  constructor() { this.listeners = []; }
  addEventListener(type, fn, capture) { this.listeners.push({ type, fn, capture: Boolean(capture) }); }
  fire(event) {
    for (const l of this.listeners.slice()) {
      if (l.type === event.type) { l.fn(event); }
    }
    return event;
  }
}

class FakeClassList {
  constructor(el) { this.el = el; }
  get items() { return (this.el.getAttribute('class') || '').split(/\s+/).filter(Boolean); }
  contains(name) { return this.items.includes(name); }
  add(name) { if (!this.contains(name)) { this.el.setAttribute('class', this.items.concat(name).join(' ')); } }
  remove(name) { this.el.setAttribute('class', this.items.filter((c) => c !== name).join(' ')); }
  toggle(name, force) {
    const on = force === undefined ? !this.contains(name) : Boolean(force);
    if (on) { this.add(name); } else { this.remove(name); }
    return on;
  }
}

class FakeElement extends FakeEventTarget {
  constructor(tag, attrs) {
    super();
    this.tagName = tag.toUpperCase();
    this.attributes = new Map(Object.entries(attrs || {}));
    this.children = [];
    this.parent = null;
    this.ownText = '';
    this.classList = new FakeClassList(this);
  }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  get className() { return this.getAttribute('class') || ''; }
  set className(value) { this.setAttribute('class', value); }
  get href() { return this.getAttribute('href') || ''; }
  get textContent() { return this.ownText + this.children.map((c) => c.textContent).join(''); }
  set textContent(value) { this.children = []; this.ownText = String(value); }
  appendChild(child) { child.parent = this; this.children.push(child); return child; }
  remove() {
    if (this.parent) { this.parent.children = this.parent.children.filter((c) => c !== this); this.parent = null; }
  }
  matches(selector) {
    const attr = /^\[([\w-]+)="([^"]*)"\]$/.exec(selector);
    if (attr) { return this.getAttribute(attr[1]) === attr[2]; }
    if (selector.startsWith('.')) { return this.classList.contains(selector.slice(1)); }
    return this.tagName === selector.toUpperCase();
  }
  querySelectorAll(selector) {
    const found = [];
    const walk = (el) => {
      for (const c of el.children) {
        if (c.matches(selector)) { found.push(c); }
        walk(c);
      }
    };
    walk(this);
    return found;
  }
  querySelector(selector) { return this.querySelectorAll(selector)[0] || null; }
}

class FakeEvent {
  constructor(type, init) {
    Object.assign(this, { key: undefined, shiftKey: false, repeat: false, persisted: false }, init, { type });
    this.defaultPrevented = false;
  }
  preventDefault() { this.defaultPrevented = true; }
}

function makePage() {
  const body = new FakeElement('body');
  const skipLink = body.appendChild(new FakeElement('a', {
    class: 'skip-link exit-this-page__skiplink', href: NEUTRAL_URL, rel: 'nofollow noreferrer'
  }));
  const root = body.appendChild(new FakeElement('div', {
    class: 'exit-this-page',
    'data-module': 'exit-this-page',
    'data-i18n-activated': 'Loading.',
    'data-i18n-timed-out': 'Exit this page expired.',
    'data-i18n-press-two-more-times': 'Shift, press 2 more times to exit.',
    'data-i18n-press-one-more-time': 'Shift, press 1 more time to exit.'
  }));
  const button = root.appendChild(new FakeElement('a', {
    class: 'exit-this-page__button', href: NEUTRAL_URL, role: 'button'
  }));
  button.textContent = 'Exit this page';
  const main = body.appendChild(new FakeElement('main'));

  const document = new FakeElement('#document');
  document.appendChild(body);
  document.body = body;
  document.readyState = 'interactive';
  document.createElement = (tag) => new FakeElement(tag);

  // Fake clock: timers run only when the test advances time.
  let now = 0;
  let nextId = 1;
  const timers = new Map();
  const location = { assigned: [] };
  Object.defineProperty(location, 'href', {
    get() { return this.assigned.length ? this.assigned[this.assigned.length - 1] : 'http://127.0.0.1:8000/en/'; },
    set(value) {
      this.assigned.push(value);
      this.pageWhenLeaving = {
        overlay: body.querySelector('.exit-this-page-overlay'),
        hidden: body.classList.contains('exit-this-page--hide-content')
      };
    }
  });
  location.replace = () => { throw new Error('location.replace must not be used'); };

  const window = new FakeEventTarget();
  Object.assign(window, {
    location,
    setTimeout(fn, ms) { const id = nextId++; timers.set(id, { fn, at: now + ms }); return id; },
    clearTimeout(id) { timers.delete(id); }
  });

  function advance(ms) {
    const until = now + ms;
    for (;;) {
      let due = null;
      for (const [id, t] of timers) {
        if (t.at <= until && (!due || t.at < due[1].at)) { due = [id, t]; }
      }
      if (!due) { break; }
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = until;
  }

  vm.runInNewContext(SCRIPT, { window, document });

  const status = () => root.querySelector('.exit-this-page__indicator');
  const overlay = () => body.querySelector('.exit-this-page-overlay');
  const key = (type, init) => document.fire(new FakeEvent(type, init));
  const shiftAlone = () => {
    key('keydown', { key: 'Shift', shiftKey: true });
    key('keyup', { key: 'Shift', shiftKey: false });
  };
  return { window, document, body, root, button, skipLink, main, status, overlay, key, shiftAlone, advance, location };
}

// ---- tests ----

test('adds an empty polite status region inside the component', () => {
  const page = makePage();
  const status = page.status();
  assert.ok(status, 'status region exists');
  assert.equal(status.parent, page.root);
  assert.equal(status.getAttribute('role'), 'status');
  assert.equal(status.getAttribute('aria-live'), 'polite');
  assert.ok(status.classList.contains('visually-hidden'));
  assert.equal(status.textContent, '');
});

test('the press indicator inside the button is hidden from assistive technology', () => {
  const page = makePage();
  const lights = page.button.querySelector('.exit-this-page__lights');
  assert.equal(lights.getAttribute('aria-hidden'), 'true');
  assert.equal(lights.querySelectorAll('.exit-this-page__light').length, 3);
  assert.equal(page.button.textContent, 'Exit this page');
});

test('clicking the button hides the page and goes to the neutral site with location.href', () => {
  const page = makePage();
  const event = page.button.fire(new FakeEvent('click'));
  assert.ok(event.defaultPrevented);
  assert.ok(page.overlay(), 'overlay added');
  assert.ok(page.body.classList.contains('exit-this-page--hide-content'));
  assert.equal(page.status().textContent, 'Loading.');
  assert.deepEqual(page.location.assigned, [NEUTRAL_URL]);
});

test('the overlay is added before navigation starts', () => {
  const page = makePage();
  page.button.fire(new FakeEvent('click'));
  const seen = page.location.pageWhenLeaving;
  assert.ok(seen.overlay, 'overlay present when location.href was set');
  assert.ok(seen.hidden, 'content hidden when location.href was set');
  assert.equal(seen.overlay.textContent, 'Loading.');
  assert.equal(seen.overlay.getAttribute('role'), 'alert');
});

test('the exit skip link leaves the same way', () => {
  const page = makePage();
  const event = page.skipLink.fire(new FakeEvent('click'));
  assert.ok(event.defaultPrevented);
  assert.ok(page.overlay());
  assert.deepEqual(page.location.assigned, [NEUTRAL_URL]);
});

test('Space on the button leaves, as on a real button', () => {
  const page = makePage();
  const event = page.button.fire(new FakeEvent('keydown', { key: ' ' }));
  assert.ok(event.defaultPrevented);
  assert.deepEqual(page.location.assigned, [NEUTRAL_URL]);
});

test('three Shift presses leave, announcing the presses left on the way', () => {
  const page = makePage();
  page.shiftAlone();
  assert.equal(page.status().textContent, 'Shift, press 2 more times to exit.');
  page.advance(1000);
  page.shiftAlone();
  assert.equal(page.status().textContent, 'Shift, press 1 more time to exit.');
  assert.equal(page.location.assigned.length, 0);
  page.advance(1000);
  page.shiftAlone();
  assert.deepEqual(page.location.assigned, [NEUTRAL_URL]);
  assert.ok(page.overlay());
  assert.equal(page.status().textContent, 'Loading.');
});

test('the dots light up with each press', () => {
  const page = makePage();
  const lights = page.button.querySelector('.exit-this-page__lights');
  assert.ok(!lights.classList.contains('exit-this-page__lights--visible'));
  page.shiftAlone();
  page.shiftAlone();
  assert.ok(lights.classList.contains('exit-this-page__lights--visible'));
  const on = lights.querySelectorAll('.exit-this-page__light--on');
  assert.equal(on.length, 2);
});

test('the count expires after a pause, and the expiry message then clears', () => {
  const page = makePage();
  page.shiftAlone();
  page.shiftAlone();
  page.advance(5000);
  assert.equal(page.status().textContent, 'Exit this page expired.');
  page.shiftAlone();
  assert.equal(page.status().textContent, 'Shift, press 2 more times to exit.');
  assert.equal(page.location.assigned.length, 0);
  page.advance(5000);
  assert.equal(page.status().textContent, 'Exit this page expired.');
  page.advance(5000);
  assert.equal(page.status().textContent, '');
});

test('each press restarts the timer, so slow but steady presses still count', () => {
  const page = makePage();
  page.shiftAlone();
  page.advance(4000);
  page.shiftAlone();
  page.advance(4000);
  page.shiftAlone();
  assert.deepEqual(page.location.assigned, [NEUTRAL_URL]);
});

test('another key resets the count', () => {
  const page = makePage();
  page.shiftAlone();
  page.shiftAlone();
  page.key('keydown', { key: 'a' });
  page.key('keyup', { key: 'a' });
  assert.equal(page.status().textContent, 'Exit this page expired.');
  page.shiftAlone();
  assert.equal(page.location.assigned.length, 0);
  assert.equal(page.status().textContent, 'Shift, press 2 more times to exit.');
});

test('Shift used as a modifier does not count', () => {
  const page = makePage();
  for (let i = 0; i < 3; i += 1) {
    page.key('keydown', { key: 'Shift', shiftKey: true });
    page.key('keydown', { key: 'A', shiftKey: true });
    page.key('keyup', { key: 'A', shiftKey: true });
    page.key('keyup', { key: 'Shift' });
  }
  assert.equal(page.location.assigned.length, 0);
  assert.equal(page.overlay(), null);
});

test('two lone presses followed by Shift+Tab do not leave', () => {
  const page = makePage();
  page.shiftAlone();
  page.shiftAlone();
  page.key('keydown', { key: 'Shift', shiftKey: true });
  page.key('keydown', { key: 'Tab', shiftKey: true });
  page.key('keyup', { key: 'Tab', shiftKey: true });
  page.key('keyup', { key: 'Shift' });
  assert.equal(page.location.assigned.length, 0);
});

test('Shift+click does not count', () => {
  const page = makePage();
  page.shiftAlone();
  page.shiftAlone();
  page.key('keydown', { key: 'Shift', shiftKey: true });
  page.document.fire(new FakeEvent('mousedown', { shiftKey: true }));
  page.key('keyup', { key: 'Shift' });
  assert.equal(page.location.assigned.length, 0);
});

test('holding Shift down (key repeat) counts as one press', () => {
  const page = makePage();
  page.key('keydown', { key: 'Shift', shiftKey: true });
  for (let i = 0; i < 10; i += 1) {
    page.key('keydown', { key: 'Shift', shiftKey: true, repeat: true });
  }
  page.key('keyup', { key: 'Shift' });
  assert.equal(page.status().textContent, 'Shift, press 2 more times to exit.');
  assert.equal(page.location.assigned.length, 0);
});

test('a repeated Shift keydown does not forget that Shift was used as a modifier', () => {
  const page = makePage();
  page.shiftAlone();
  page.shiftAlone();
  page.key('keydown', { key: 'Shift', shiftKey: true });
  page.key('keydown', { key: 'A', shiftKey: true });
  page.key('keyup', { key: 'A', shiftKey: true });
  page.key('keydown', { key: 'Shift', shiftKey: true, repeat: true });
  page.key('keyup', { key: 'Shift' });
  assert.equal(page.location.assigned.length, 0);
  assert.equal(page.status().textContent, 'Exit this page expired.', 'the release did not count as a press');
});

test('coming back from the back-forward cache removes the overlay and resets', () => {
  const page = makePage();
  page.shiftAlone();
  page.button.fire(new FakeEvent('click'));
  assert.ok(page.overlay());
  page.window.fire(new FakeEvent('pageshow', { persisted: true }));
  assert.equal(page.overlay(), null);
  assert.ok(!page.body.classList.contains('exit-this-page--hide-content'));
  assert.equal(page.status().textContent, '');
  // The count starts again from zero.
  page.shiftAlone();
  assert.equal(page.status().textContent, 'Shift, press 2 more times to exit.');
});

test('a normal first pageshow leaves a fresh page alone', () => {
  const page = makePage();
  page.shiftAlone();
  page.window.fire(new FakeEvent('pageshow', { persisted: false }));
  assert.equal(page.status().textContent, 'Shift, press 2 more times to exit.');
});

test('clicking twice adds only one overlay', () => {
  const page = makePage();
  page.button.fire(new FakeEvent('click'));
  page.button.fire(new FakeEvent('click'));
  assert.equal(page.body.querySelectorAll('.exit-this-page-overlay').length, 1);
  assert.equal(page.location.assigned.length, 2);
});

test('a page without the component is left untouched', () => {
  const document = new FakeElement('#document');
  document.body = document.appendChild(new FakeElement('body'));
  document.readyState = 'complete';
  document.createElement = (tag) => new FakeElement(tag);
  const window = new FakeEventTarget();
  vm.runInNewContext(SCRIPT, { window, document });
  assert.equal(document.listeners.length, 0);
  assert.equal(window.listeners.length, 0);
});
