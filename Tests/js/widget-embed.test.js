// Pure parts of the partner widget and the iframe height reporter.
// Run: node Tests/js/widget-embed.test.js
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");
const os = require("node:os");
const js = path.join(__dirname, "../../Themes/default/assets/js");
const frame = require(path.join(js, "embed-frame.js"));

// The build writes the site's settings into embed.js in place of a marker; these tests do the
// same with settings of their own (as the build would give them: French typography applied).
const SETTINGS = {
  hotline: { number: "1-800-555-0100", tel: "+18005550100" },
  everywhere: "province",
  text: {
    en: { heading: "Help services", loading: "Loading help services…", error: "Couldn’t load services. For help call",
      empty: "No services match. For help call", seeAll: "See all services", open247: "Open 24/7",
      kinds: { voice: "Call", text: "Text", tty: "TTY:", fallback: "Call" } },
    fr: { heading: "Services d’aide", loading: "Chargement des services d’aide…",
      error: "Impossible de charger les services. Pour obtenir de l’aide, appelez le",
      empty: "Aucun service ne correspond. Pour obtenir de l’aide, appelez le", seeAll: "Voir tous les services",
      open247: "Ouvert 24\u00a0h sur 24, 7\u00a0jours sur 7",
      kinds: { voice: "Appeler le", text: "Texto au", tty: "ATS\u00a0:", fallback: "Appeler le" } }
  }
};
const MARKER = "/*trillium:widget-config*/ null";
const source = fs.readFileSync(path.join(js, "embed.js"), "utf8");
assert.ok(source.includes(MARKER), "embed.js carries the marker the build replaces");
const filled = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "trillium-embed-")), "embed.js");
fs.writeFileSync(filled, source.replace(MARKER, JSON.stringify(SETTINGS)));
const embed = require(filled);

const services = [
  { id: "hotline", categories: ["crisis-line", "trafficking-support"], regions: ["province"], audiences: ["everyone"] },
  { id: "talk4healing", categories: ["crisis-line"], regions: ["province"], audiences: ["indigenous-women"] },
  { id: "shelter-north", categories: ["shelter"], regions: ["thunder-bay"], audiences: ["women"] },
  { id: "broken" } // no lists at all
];
const ids = (list) => list.map((s) => s.id);

test("the site base is the script URL without its file name or query", () => {
  assert.equal(embed.baseFromScriptURL("https://example.org/embed.js"), "https://example.org/");
  assert.equal(embed.baseFromScriptURL("https://example.org/trillium/embed.js?v=2#x"), "https://example.org/trillium/");
  assert.equal(embed.baseFromScriptURL(""), "");
});

test("a src override gives the site base back from the services.json URL", () => {
  assert.equal(embed.baseFromServicesURL("https://example.org/site/api/v1/services.json"), "https://example.org/site/");
  assert.equal(embed.baseFromServicesURL("https://example.org/data/list.json"), "https://example.org/data/");
});

test("the language is French only for fr and its regional forms", () => {
  assert.equal(embed.pickLang("fr"), "fr");
  assert.equal(embed.pickLang("fr-CA"), "fr");
  assert.equal(embed.pickLang("FR"), "fr");
  assert.equal(embed.pickLang("fry"), "en");
  assert.equal(embed.pickLang(""), "en");
  assert.equal(embed.pickLang(null), "en");
});

test("with no filter every service is listed", () => {
  assert.deepEqual(ids(embed.filterServices(services, { limit: 0 })), ["hotline", "talk4healing", "shelter-north", "broken"]);
});

test("a category filter keeps services that list the category", () => {
  assert.deepEqual(ids(embed.filterServices(services, { categories: ["crisis-line"], limit: 0 })), ["hotline", "talk4healing"]);
});

test("filters combine, and a list in one attribute means any of them", () => {
  const filter = { categories: embed.idList("crisis-line, shelter"), regions: embed.idList("province"), limit: 0 };
  assert.deepEqual(ids(embed.filterServices(services, filter)), ["hotline", "talk4healing"]);
  assert.deepEqual(ids(embed.filterServices(services, { audiences: ["women"], limit: 0 })), ["shelter-north"]);
});

test("the limit cuts the list after filtering", () => {
  assert.deepEqual(ids(embed.filterServices(services, { categories: ["crisis-line"], limit: 1 })), ["hotline"]);
  assert.equal(embed.parseLimit("5"), 5);
  assert.equal(embed.parseLimit("-3"), 0);
  assert.equal(embed.parseLimit("lots"), 0);
});

test("a missing or malformed services list gives an empty result", () => {
  assert.deepEqual(embed.filterServices(undefined, { limit: 0 }), []);
  assert.deepEqual(embed.filterServices([null, 3, "x"], { limit: 0 }), []);
});

test("the heading level stays between 1 and 6 and defaults to 2", () => {
  assert.equal(embed.parseHeadingLevel("3"), 3);
  assert.equal(embed.parseHeadingLevel(null), 2);
  assert.equal(embed.parseHeadingLevel("9"), 2);
  assert.equal(embed.parseHeadingLevel("0"), 2);
});

test("bilingual values fall back to the other language when one is missing", () => {
  assert.equal(embed.localized({ en: "Call", fr: "Appeler" }, "fr"), "Appeler");
  assert.equal(embed.localized({ en: "Call" }, "fr"), "Call");
  assert.equal(embed.localized(undefined, "en"), "");
});

test("only http and https links are kept", () => {
  assert.equal(embed.safeWebURL("https://example.org/fr/services/x/"), "https://example.org/fr/services/x/");
  assert.equal(embed.safeWebURL("/en/services/x/", "https://example.org/"), "https://example.org/en/services/x/");
  assert.equal(embed.safeWebURL("javascript:alert(1)"), "");
  assert.equal(embed.safeWebURL("data:text/html,hi"), "");
});

test("tel links keep only digits and a leading plus", () => {
  assert.equal(embed.telHref({ tel: "+18339001010" }), "tel:+18339001010");
  assert.equal(embed.telHref({ number: "1-833-900-1010" }), "tel:18339001010");
  assert.equal(embed.telHref({ tel: "javascript:1" }), "tel:1");
  assert.equal(embed.telHref({}), "");
});

test("phone wording reads naturally in both languages", () => {
  const call = { number: "1-833-900-1010", kind: "voice", label: { en: "Call", fr: "Appeler" } };
  assert.equal(embed.phoneVerb(call, "en"), "Call");
  assert.equal(embed.phoneVerb(call, "fr"), "Appeler le");
  assert.equal(embed.phoneVerb({ kind: "text" }, "en"), "Text");
  assert.equal(embed.phoneVerb({ kind: "text" }, "fr"), "Texto au");
  assert.equal(embed.phoneVerb({ kind: "text", label: { fr: "Texter PARLER au" } }, "fr"), "Texter PARLER au");
  assert.equal(embed.phoneVerb({ kind: "tty" }, "fr"), "ATS\u00a0:");
  assert.equal(embed.phoneVerb({ kind: "fax" }, "en"), "Call");
});

test("French widget text uses typographic apostrophes and no-break spaces", () => {
  const fr = embed.TEXT.fr;
  for (const value of [fr.heading, fr.loading, fr.error, fr.empty, fr.seeAll, fr.open247]) {
    assert.doesNotMatch(value, /'/);
    assert.doesNotMatch(value, / [:;!?»]/);
  }
});

test("the directory link carries single filters along", () => {
  assert.equal(embed.directoryURL("https://example.org/", "fr", { categories: ["crisis-line"], regions: [], audiences: ["a", "b"] }),
    "https://example.org/fr/services/?category=crisis-line");
  assert.equal(embed.directoryURL("https://example.org/", "en", { categories: [], regions: [], audiences: [] }),
    "https://example.org/en/services/");
});

test("the height reporter sends only positive values that changed", () => {
  const shouldSend = frame.changeFilter();
  assert.equal(shouldSend(0), false);
  assert.equal(shouldSend(480), true);
  assert.equal(shouldSend(480), false);
  assert.equal(shouldSend(512), true);
  assert.equal(shouldSend(480), true);
  assert.deepEqual(frame.heightMessage(480), { type: "trillium:height", height: 480 });
});

test("without settings written in, the widget knows no site", () => {
  const bare = path.join(path.dirname(filled), "bare.js");
  fs.writeFileSync(bare, source);
  const unbuilt = require(bare);
  assert.equal(unbuilt.SETTINGS.hotline.number, "");
  assert.equal(unbuilt.SETTINGS.everywhere, "");
});

test("a service of the everywhere region is listed for any region, as on the site", () => {
  const services = [
    { id: "hotline", categories: ["crisis-line"], regions: ["province"], audiences: ["everyone"] },
    { id: "shelter-north", categories: ["shelter"], regions: ["north"], audiences: ["women"] },
    { id: "shelter-east", categories: ["shelter"], regions: ["east"], audiences: ["women"] },
  ];
  const ids = embed.filterServices(services, { categories: [], regions: ["north"], audiences: [], limit: 0 }).map((s) => s.id);
  assert.deepEqual(ids, ["hotline", "shelter-north"]);
});

test("the widget reads the one published list that holds its filter", () => {
  assert.deepEqual(embed.listPaths({ categories: ["crisis-line"], regions: ["north"], audiences: [] }),
    { paths: ["region/north/category/crisis-line/"], audiences: [] });
  assert.deepEqual(embed.listPaths({ categories: ["legal"], regions: [], audiences: [] }), { paths: ["category/legal/"], audiences: [] });
  assert.deepEqual(embed.listPaths({ categories: [], regions: [], audiences: [] }), { paths: ["all/"], audiences: [] });
});

test("an audience is its own list, or is checked on the records of a region's or category's list", () => {
  assert.deepEqual(embed.listPaths({ categories: [], regions: [], audiences: ["youth"] }), { paths: ["audience/youth/"], audiences: [] });
  assert.deepEqual(embed.listPaths({ categories: ["legal"], regions: [], audiences: ["youth", "women"] }),
    { paths: ["category/legal/"], audiences: ["youth", "women"] });
});

test("several ids in one attribute read one list each, and ids that are not URL-safe read nothing", () => {
  assert.deepEqual(embed.listPaths({ categories: ["a", "b"], regions: ["r"], audiences: [] }).paths,
    ["region/r/category/a/", "region/r/category/b/"]);
  assert.equal(embed.listPaths({ categories: ["../x"], regions: [], audiences: [] }), null);
});

test("lists are merged in id order, each service once, cut to the limit", () => {
  const a = [{ id: "b" }, { id: "d" }], b = [{ id: "a" }, { id: "b" }, { id: "e" }];
  assert.deepEqual(ids(embed.mergeLists([a, b], 3)), ["a", "b", "d"]);
  assert.deepEqual(ids(embed.mergeLists([a, b], 0)), ["a", "b", "d", "e"]);
  assert.deepEqual(ids(embed.mergeLists([[null, { id: 3 }, { id: "z" }]], 0)), ["z"]);
});
