// Pure parts of the directory search: URL state, card filters, count wording.
// Run: node Tests/js/widget-directory-search.test.js
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const search = require(path.join(__dirname, "../../Themes/default/assets/js/directory-search.js"));

const hotline = search.cardFacets({
  categories: "crisis-line trafficking-support",
  regions: "ontario",
  audiences: "everyone",
  languages: "en fr interpretation",
  open247: "true",
  indigenous: "false"
});

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

test("a card with no active filter always matches", () => {
  assert.equal(search.matchesFilters(hotline, search.readState("")), true);
});

test("a card matches a select filter when the id is one of its listed ids", () => {
  assert.equal(search.matchesFilters(hotline, search.readState("?category=trafficking-support")), true);
  assert.equal(search.matchesFilters(hotline, search.readState("?category=shelter")), false);
  assert.equal(search.matchesFilters(hotline, search.readState("?language=fr&region=ontario")), true);
});

test("an id only matches whole ids, not part of one", () => {
  assert.equal(search.matchesFilters(hotline, search.readState("?category=crisis")), false);
});

test("every active filter must match", () => {
  assert.equal(search.matchesFilters(hotline, search.readState("?open247=1&indigenous=1")), false);
  assert.equal(search.matchesFilters(hotline, search.readState("?open247=1&audience=everyone")), true);
});

test("a card without data attributes matches only when nothing is filtered", () => {
  const bare = search.cardFacets({});
  assert.equal(search.matchesFilters(bare, search.readState("")), true);
  assert.equal(search.matchesFilters(bare, search.readState("?region=ontario")), false);
  assert.equal(search.matchesFilters(bare, search.readState("?open247=1")), false);
});

test("the count uses the none, one and many templates", () => {
  const templates = { none: "Aucun service", one: "1 service trouvé", many: "{n} services trouvés" };
  assert.equal(search.countMessage(0, templates), "Aucun service");
  assert.equal(search.countMessage(1, templates), "1 service trouvé");
  assert.equal(search.countMessage(37, templates), "37 services trouvés");
});

test("the fallback match needs every word somewhere in the text", () => {
  const text = "ligne d'urgence canadienne contre la traite des personnes";
  assert.equal(search.substringMatch(text, "traite ligne"), true);
  assert.equal(search.substringMatch(text, "trait"), true);
  assert.equal(search.substringMatch(text, "traite refuge"), false);
  assert.equal(search.substringMatch(text, "   "), false);
});
