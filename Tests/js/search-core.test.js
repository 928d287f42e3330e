// The query-time search core: shared text vectors, and queries against an index written
// by the Swift builder (Tests/Fixtures/search-index-sample.json, checked byte for byte by
// SearchIndexTests.theBuilderStillWritesTheCommittedSampleIndex; when the Swift pipeline
// changes on purpose, rebuild that file from SearchSampleDocuments.french).
// Run: node Tests/js/search-core.test.js
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const corePath = path.join(__dirname, "../../Themes/default/assets/js/search-core.js");
const core = require(corePath);
const fixtures = path.join(__dirname, "../Fixtures");
const shared = JSON.parse(fs.readFileSync(path.join(fixtures, "search-vectors.json"), "utf8"));
const sample = JSON.parse(fs.readFileSync(path.join(fixtures, "search-index-sample.json"), "utf8"));

function ids(results) {
  return results.map((r) => r.id);
}

function fr(text, options) {
  return core.query(sample, text, "fr", options || { prefix: true });
}

// ---- Shared vectors ----------------------------------------------------------------

test("the shared fixture holds at least 150 vectors in both languages", () => {
  assert.ok(shared.vectors.length >= 150);
  assert.ok(shared.vectors.some((v) => v.lang === "en"));
  assert.ok(shared.vectors.some((v) => v.lang === "fr"));
});

for (const lang of ["en", "fr"]) {
  test(`every shared ${lang} vector gives its expected tokens`, () => {
    const wrong = shared.vectors
      .filter((v) => v.lang === lang)
      .map((v) => ({ input: v.input, expected: v.tokens, actual: core.tokens(v.input, v.lang) }))
      .filter((r) => JSON.stringify(r.expected) !== JSON.stringify(r.actual));
    assert.deepEqual(wrong, []);
  });
}

test("every shared vector with a folded form folds to it", () => {
  const withFold = shared.vectors.filter((v) => v.folded !== undefined);
  assert.ok(withFold.length > 0);
  const wrong = withFold.filter((v) => core.fold(v.input) !== v.folded).map((v) => v.input);
  assert.deepEqual(wrong, []);
});

test("the stop words are exactly the shared lists", () => {
  assert.deepEqual(core.STOP_WORDS, shared.stopWords);
});

test("folding twice changes nothing and leaves only a-z, 0-9, apostrophes and spaces", () => {
  let everything = "";
  for (let c = 0x20; c <= 0x24f; c++) everything += String.fromCodePoint(c);
  for (const text of shared.vectors.map((v) => v.input).concat([everything, "Ελληνικά 中文 😀 \u202f«\u00a0»"])) {
    const folded = core.fold(text);
    assert.match(folded, /^[a-z0-9' ]*$/);
    assert.equal(core.fold(folded), folded);
  }
});

for (const lang of ["en", "fr"]) {
  test(`the ${lang} stemmer gives Snowball's stems for the shared sample vocabulary`, () => {
    const pairs = shared.stems[lang];
    assert.ok(pairs.length > 300);
    const wrong = pairs.filter(([word, stem]) => core.stem(word, lang) !== stem);
    assert.deepEqual(wrong, []);
  });
}

test("stem is Snowball's own stemmer, accents and all", () => {
  assert.equal(core.stem("sécurité", "fr"), "sécur");
  assert.equal(core.stem("l'écoute", "fr"), "écout");
  assert.equal(core.stem("continuellement", "fr"), "continuel");
  assert.equal(core.stem("generously", "en"), "generous");
  assert.equal(core.stem("dying", "en"), "die");
});

// ---- The script itself ---------------------------------------------------------------

test("it is a classic script that sets TrilliumSearchCore without module or DOM", () => {
  const source = fs.readFileSync(corePath, "utf8");
  assert.doesNotMatch(source, /^\s*(import|export)\s/m);
  const sandbox = {};
  vm.runInNewContext(source, sandbox, { filename: "search-core.js" });
  const api = sandbox.TrilliumSearchCore;
  assert.equal(typeof api, "object");
  assert.deepEqual(Object.keys(api).sort(), ["STOP_WORDS", "fold", "query", "stem", "tokens"]);
  // Arrays from the sandbox have its own Array prototype; copy before comparing.
  assert.deepEqual(Array.from(api.tokens("L’écoute des survivantes", "fr")), ["ecout", "surviv"]);
});

// ---- Queries against the Swift-built sample index --------------------------------------

test("the sample index is the version the core reads", () => {
  assert.equal(sample.v, 1);
  assert.equal(sample.lang, "fr");
  assert.ok(sample.docs.length >= 5);
});

test("every query word must match (AND)", () => {
  assert.deepEqual(ids(fr("traite")), ["ligne-urgence-canadienne", "signes"]);
  assert.deepEqual(ids(fr("signes traite")), ["signes"]);
  assert.deepEqual(ids(fr("femmes autochtones")), ["talk4healing"]);
  assert.deepEqual(fr("traite violence"), []);
});

test("only the last word matches as a prefix", () => {
  assert.deepEqual(ids(fr("tele")), ["signes", "talk4healing"]);
  assert.deepEqual(ids(fr("signes tele")), ["signes"]);
  assert.deepEqual(fr("tele signes"), []);
  assert.deepEqual(fr("tele", { prefix: false }), []);
  assert.deepEqual(ids(fr("auto")), ["talk4healing"]);
});

test("results are sorted by score, then by index order", () => {
  const results = fr("langues");
  assert.deepEqual(ids(results), ["ligne-urgence-canadienne", "talk4healing", "211-ontario"]);
  assert.deepEqual(results.map((r) => r.score), [4, 1, 1]);
});

test("a match in a name outranks one in a summary", () => {
  assert.deepEqual(ids(fr("aide")), ["femaide", "ligne-urgence-canadienne", "talk4healing"]);
  assert.deepEqual(ids(fr("sécurité")), ["securite-en-ligne"]);
});

test("a result carries the id, URL, title and score", () => {
  assert.deepEqual(fr("Fem’aide")[0], {
    id: "femaide",
    url: "/fr/services/femaide/",
    title: "Fem’aide",
    score: sample.terms.fem[1] + sample.terms.aid[3]
  });
});

test("accents, case, elisions and typographic apostrophes do not change a query", () => {
  assert.deepEqual(fr("securite"), fr("sécurité"));
  assert.deepEqual(fr("ECOUTE"), fr("écoute"));
  assert.deepEqual(fr("l’aide"), fr("aide"));
  assert.deepEqual(fr("l'aide"), fr("aide"));
  assert.deepEqual(fr("téléphones"), fr("telephone"));
  assert.deepEqual(fr("aide aide"), fr("aide"));
});

test("phone numbers match by their groups of digits", () => {
  assert.deepEqual(ids(fr("1-833-900-1010")), ["ligne-urgence-canadienne"]);
  assert.deepEqual(ids(fr("833")), ["ligne-urgence-canadienne"]);
  assert.deepEqual(ids(fr("211")), ["211-ontario"]);
});

test("empty, stop-word-only and unknown queries find nothing", () => {
  for (const q of ["", "   ", "la de des", "« — »", "xyzzy"]) assert.deepEqual(fr(q), [], q);
});

test("words that are names of object properties find nothing", () => {
  for (const q of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
    assert.deepEqual(core.query(sample, q, "fr", { prefix: false }), [], q);
    assert.deepEqual(core.query(sample, q, "en", { prefix: true }), [], q);
  }
});

test("an index of another version, or none, finds nothing", () => {
  assert.deepEqual(core.query(Object.assign({}, sample, { v: 2 }), "aide", "fr"), []);
  assert.deepEqual(core.query(null, "aide", "fr"), []);
  assert.deepEqual(core.query({}, "aide", "fr"), []);
});

// ---- English queries on a small hand-written index --------------------------------------

const english = {
  v: 1,
  lang: "en",
  docs: [
    ["scams", "/en/scams/", "Cryptocurrency scams"],
    ["shelter", "/en/shelter/", "Youth shelter"],
    ["guide", "/en/guide/", "Shelter guide"]
  ],
  terms: {
    cryptocurr: [0, 10],
    scam: [0, 10],
    shelter: [1, 10, 2, 10],
    youth: [1, 10],
    guid: [2, 10],
    victim: [0, 1, 1, 1]
  }
};

test("the last word also matches by its folded spelling when its stem would not", () => {
  assert.equal(core.tokens("cry", "en")[0], "cri"); // not a prefix of "cryptocurr"
  assert.deepEqual(ids(core.query(english, "cry", "en", { prefix: true })), ["scams"]);
  assert.deepEqual(core.query(english, "cry", "en", { prefix: false }), []);
});

test("English plurals and possessives find their singular", () => {
  assert.deepEqual(ids(core.query(english, "shelters", "en", { prefix: false })), ["shelter", "guide"]);
  assert.deepEqual(ids(core.query(english, "victims’ shelters", "en")), ["shelter"]);
  assert.deepEqual(ids(core.query(english, "the youth's shelter", "en")), ["shelter"]);
});
