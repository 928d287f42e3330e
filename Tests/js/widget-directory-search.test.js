// The directory search: URL state, which published list holds a state's filters, the filters
// checked on records and on facets, count wording, and that it reads only the files it needs.
// Run: node Tests/js/widget-directory-search.test.js
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const search = require(path.join(__dirname, "../../Themes/default/assets/js/directory-search.js"));

test("a query string round-trips through the state and leaves out empty values", () => {
  const state = search.readState("?q=ligne+d%27aide&region=ontario&open247=1&category=");
  assert.equal(state.q, "ligne d'aide");
  assert.equal(state.region, "ontario");
  assert.equal(state.open247, "1");
  assert.equal(state.category, "");
  assert.equal(search.writeQuery(state), "?q=ligne+d%27aide&region=ontario&open247=1");
  assert.deepEqual(search.readState(search.writeQuery(state)), state);
});

test("an empty state writes no query at all", () => {
  assert.equal(search.writeQuery(search.readState("")), "");
  assert.equal(search.writeQuery(search.readState("?q=%20%20&indigenous=0")), "");
});

test("checkbox params count only when they are exactly 1", () => {
  assert.equal(search.readState("?open247=true").open247, "");
  assert.equal(search.readState("?indigenous=1").indigenous, "1");
});

test("params are written in a stable order whatever order they were read in", () => {
  const state = search.readState("?indigenous=1&audience=youth&q=help");
  assert.equal(search.writeQuery(state), "?q=help&audience=youth&indigenous=1");
});

test("a region and a category are read from their own published list, the rest checked on records", () => {
  const both = search.listFor(search.readState("?region=toronto&category=crisis-line&audience=youth&open247=1"));
  assert.equal(both.path, "region/toronto/category/crisis-line/");
  assert.deepEqual(both.rest, { audience: "youth", language: "", open247: "1", indigenous: "" });
  assert.equal(search.listFor(search.readState("?region=north")).path, "region/north/");
  assert.equal(search.listFor(search.readState("?category=legal&language=fr")).path, "category/legal/");
});

test("an audience alone has its own list; nothing chosen reads every service", () => {
  const audience = search.listFor(search.readState("?audience=youth&indigenous=1"));
  assert.equal(audience.path, "audience/youth/");
  assert.equal(audience.rest.audience, "", "the audience is the list itself");
  assert.equal(audience.rest.indigenous, "1");
  assert.equal(search.listFor(search.readState("?language=fr")).path, "all/");
});

test("an id that is not URL-safe never becomes part of a path", () => {
  assert.equal(search.listFor(search.readState("?region=..%2F..%2Fetc")).path, "all/");
  assert.equal(search.listFor(search.readState("?category=a%2Fb&region=x")).path, "region/x/");
});

const record = {
  id: "hotline", name: "Hotline", summary: "Call any time.", url: "https://example.org/en/services/hotline/",
  phones: [{ number: "1-833-900-1010", tel: "+18339001010", kind: "voice", label: "Call" }],
  open_24_7: true, audiences: ["everyone", "youth"], languages: ["en", "fr"], indigenous_led: false,
  confidential: true, cost: "free"
};

test("a record passes the filters its list does not hold only when each one matches", () => {
  const none = { audience: "", language: "", open247: "", indigenous: "" };
  assert.equal(search.recordMatches(record, none), true);
  assert.equal(search.recordMatches(record, { ...none, audience: "youth", language: "fr", open247: "1" }), true);
  assert.equal(search.recordMatches(record, { ...none, audience: "men" }), false);
  assert.equal(search.recordMatches(record, { ...none, language: "oj" }), false);
  assert.equal(search.recordMatches(record, { ...none, indigenous: "1" }), false);
  assert.equal(search.recordMatches(null, none), false);
});

test("hexadecimal bit sets are read bit by bit, beyond what a number holds", () => {
  assert.equal(search.hasBit("5", 0), true);
  assert.equal(search.hasBit("5", 1), false);
  assert.equal(search.hasBit("5", 2), true);
  assert.equal(search.hasBit("100", 8), true);
  assert.equal(search.hasBit("100", 4), false);
  assert.equal(search.hasBit("8" + "0".repeat(20), 83), true);
  assert.equal(search.hasBit("1", 40), false);
  assert.equal(search.hasBit("1", -1), false, "a term the block does not know matches nothing");
});

// A facets block as the build writes it (api/v1/lists/facets/<n>.json).
const block = {
  block: 1, block_size: 1000, offset: 0, size: 2, total_items: 2, flags: ["open_24_7", "indigenous_led"],
  terms: { regions: ["ontario", "toronto", "north"], categories: ["crisis-line", "legal"], audiences: ["everyone", "youth"], languages: ["en", "fr"] },
  services: ["7.1.3.3.1", "4.2.2.1.2"]
};

test("facets entries answer every filter, the everywhere region already spread over every region", () => {
  const hotline = block.services[0], north = block.services[1];
  assert.equal(search.facetsMatch(hotline, block, search.readState("?region=north&category=crisis-line")), true);
  assert.equal(search.facetsMatch(hotline, block, search.readState("?open247=1&language=fr&audience=youth")), true);
  assert.equal(search.facetsMatch(hotline, block, search.readState("?indigenous=1")), false);
  assert.equal(search.facetsMatch(north, block, search.readState("?region=toronto")), false);
  assert.equal(search.facetsMatch(north, block, search.readState("?category=legal&indigenous=1&audience=youth")), true);
  assert.equal(search.facetsMatch(north, block, search.readState("?region=nowhere")), false);
});

test("the count uses the none, one and many templates", () => {
  const templates = { none: "Aucun service", one: "1 service trouvé", many: "{n} services trouvés" };
  assert.equal(search.countMessage(0, templates), "Aucun service");
  assert.equal(search.countMessage(1, templates), "1 service trouvé");
  assert.equal(search.countMessage(37, templates), "37 services trouvés");
});

test("a phone link says the number unless its label already does", () => {
  assert.equal(search.phoneText({ label: "Call", number: "1-833-900-1010" }), "Call 1-833-900-1010");
  assert.equal(search.phoneText({ label: "Dial 2-1-1", number: "211" }), "Dial 2-1-1");
  assert.equal(search.phoneText({ label: "", number: "211" }), "211");
});

test("an excerpt is cut between words", () => {
  assert.equal(search.shorten("short text", 50), "short text");
  assert.equal(search.shorten("one two three four", 9), "one two…");
  assert.equal(search.idFromURL("https://example.org/fr/services/talk4healing/"), "talk4healing");
});

/** A window whose fetch answers from `files` (paths below https://site/) and records each request. */
function fakeWindow(files) {
  const requested = [];
  return {
    requested,
    location: { href: "https://site/en/services/" },
    fetch(url) {
      requested.push(url);
      const file = files[url.replace("https://site/", "")];
      return Promise.resolve({ ok: Boolean(file), status: file ? 200 : 404, json: () => Promise.resolve(file) });
    }
  };
}

function listPage(number, pages, services, total) {
  return { page_number: number, total_pages: pages, total_items: total, last_page: number === pages, services };
}

const many = (from, count, extra) => Array.from({ length: count }, (_, i) => ({ ...record, id: "s" + String(from + i).padStart(3, "0"), ...extra }));

test("filters alone read only the first page of their list when it fills the screen", async () => {
  const win = fakeWindow({
    "api/v1/lists/en/region/toronto/category/crisis-line/1.json": listPage(1, 3, many(0, 50), 120),
    "api/v1/lists/en/region/toronto/category/crisis-line/2.json": listPage(2, 3, many(50, 50), 120)
  });
  const source = search.listSource(win, "https://site/api/v1/lists/en/", search.readState("?region=toronto&category=crisis-line"));
  const first = await source.next(25);
  assert.equal(first.length, 25);
  assert.equal(first[0].id, "s000");
  assert.equal(source.total(), 120, "the list says how many it holds");
  assert.deepEqual(win.requested, ["https://site/api/v1/lists/en/region/toronto/category/crisis-line/1.json"]);
  await source.next(25);
  assert.equal(win.requested.length, 1, "the second 25 are on the page already read");
  await source.next(25);
  assert.equal(win.requested.length, 2, "only then is page 2 read");
});

test("filters checked on records read further pages until enough match, and then know the count", async () => {
  const win = fakeWindow({
    "api/v1/lists/en/region/north/1.json": listPage(1, 2, many(0, 50, { open_24_7: false }), 60),
    "api/v1/lists/en/region/north/2.json": listPage(2, 2, many(50, 10), 60)
  });
  const source = search.listSource(win, "https://site/api/v1/lists/en/", search.readState("?region=north&open247=1"));
  const shown = await source.next(25);
  assert.equal(shown.length, 10);
  assert.ok(shown.every((s) => s.open247 === true));
  assert.equal(source.total(), null, "a count over records is known only by reading them all");
  assert.equal(source.done(), true);
  assert.equal(win.requested.length, 2);
});

test("words read the search index and, with filters, only the facets blocks of the results checked", async () => {
  const engine = {
    meta: () => Promise.resolve({ pages: 10 }),
    search: (q, options) => {
      assert.equal(options.kind, "service");
      return Promise.resolve({ results: [{ doc: 11 }, { doc: 10 }] });
    },
    fragment: (doc) => Promise.resolve({ title: "Doc " + doc, url: "/en/services/d" + doc + "/", text: "About it.", phones: [["Call 211", "tel:211"]] })
  };
  const win = fakeWindow({ "api/v1/lists/facets/1.json": block });
  const filtered = search.searchSource(win, engine, "https://site/api/v1/lists/facets/", { q: "help", region: "toronto", category: "", audience: "", language: "", open247: "", indigenous: "" });
  const shown = await filtered.next(25);
  assert.deepEqual(shown.map((s) => s.id), ["d10"], "only the first service (of the everywhere region) is listed in Toronto");
  assert.equal(shown[0].phones[0].href, "tel:211");
  assert.equal(filtered.done(), true);
  assert.deepEqual(win.requested, ["https://site/api/v1/lists/facets/1.json"]);

  const plain = search.searchSource(fakeWindow({}), engine, "https://site/api/v1/lists/facets/", { q: "help", region: "", category: "", audience: "", language: "", open247: "", indigenous: "" });
  const all = await plain.next(25);
  assert.deepEqual(all.map((s) => s.id), ["d11", "d10"], "best first");
  assert.equal(plain.total(), 2);
});
