// The query-time search core: shared text vectors, and queries against a sharded index written
// by the Swift builder (Tests/Fixtures/search-index-sample/, checked file for file by
// SearchIndexTests.theBuilderStillWritesTheCommittedSampleIndex; when the Swift side changes
// on purpose, rewrite it with TRILLIUM_UPDATE_GOLDEN=1 swift test --filter SearchIndexTests).
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
const sampleFolder = path.join(fixtures, "search-index-sample");

/** A loader over the sample folder that records what was fetched. */
function sampleLoader(overrides) {
  const fetched = [];
  const load = (file, fresh) => {
    fetched.push(file + (fresh ? " (fresh)" : ""));
    if (overrides && overrides[file]) return Promise.resolve(overrides[file](fresh));
    return fs.promises.readFile(path.join(sampleFolder, file), "utf8").then(JSON.parse);
  };
  return { load, fetched };
}

const sample = core.openIndex(sampleLoader().load, "fr");
const meta = JSON.parse(fs.readFileSync(path.join(sampleFolder, "meta.json"), "utf8"));

async function urls(text, options) {
  const found = await sample.search(text, options);
  return Promise.all(found.results.map(async (r) => (await sample.fragment(r.doc)).url));
}

async function top(text, options) {
  return (await urls(text, options))[0];
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

test("every shared name gives its joined terms and its query join", () => {
  assert.ok(shared.names.length >= 15);
  const wrong = shared.names
    .map((n) => ({ input: n.input, joined: core.joinedTerms(n.input, n.lang), fullJoin: core.fullJoin(n.input, n.lang), n }))
    .filter((r) => JSON.stringify(r.joined) !== JSON.stringify(r.n.joined) || r.fullJoin !== r.n.fullJoin)
    .map((r) => [r.input, r.joined, r.fullJoin]);
  assert.deepEqual(wrong, []);
});

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
  assert.doesNotMatch(source, /innerHTML|document\.|localStorage|sessionStorage|Worker|WebAssembly/);
  const sandbox = {};
  vm.runInNewContext(source, sandbox, { filename: "search-core.js" });
  const api = sandbox.TrilliumSearchCore;
  assert.equal(typeof api, "object");
  assert.deepEqual(Object.keys(api).sort(), ["STOP_WORDS", "decodeNumbers", "fold", "fullJoin", "httpLoader", "joinedTerms",
    "openIndex", "planQuery", "snippet", "stem", "tokens", "withinOneEdit"]);
  // Arrays from the sandbox have its own Array prototype; copy before comparing.
  assert.deepEqual(Array.from(api.tokens("L’écoute des survivantes", "fr")), ["ecout", "surviv"]);
});

test("numbers decode as the Swift coder writes them", () => {
  assert.deepEqual(core.decodeNumbers("0V_1"), [0, 31, 31 + 1 * 32]);
  assert.deepEqual(core.decodeNumbers("__1"), [31 + 31 * 32 + 1 * 1024]);
  assert.deepEqual(core.decodeNumbers("K"), [20]);
});

test("one edit is an insertion, a deletion, a substitution or a swap of neighbours", () => {
  for (const [a, b] of [["traffic", "traffick"], ["trafficing", "traficing"], ["signs", "sings"], ["abuse", "abuze"], ["help", "help"]]) {
    assert.equal(core.withinOneEdit(a, b), true, `${a} ${b}`);
    assert.equal(core.withinOneEdit(b, a), true, `${b} ${a}`);
  }
  for (const [a, b] of [["traffic", "trafficker"], ["signs", "snigs"], ["abuse", "amuze"], ["", "ab"]]) {
    assert.equal(core.withinOneEdit(a, b), false, `${a} ${b}`);
  }
});

// ---- Queries against the Swift-built sample index --------------------------------------

test("the sample index is the version the core reads", () => {
  assert.equal(meta.v, 2);
  assert.equal(meta.lang, "fr");
  assert.equal(meta.docs, meta.pages + meta.services);
  assert.ok(meta.shards.length > 5, "the sample is built with small shards");
});

test("every query word must match (AND)", async () => {
  assert.deepEqual(await urls("traite"), ["/fr/signes/", "/fr/services/ligne-urgence-canadienne/", "/fr/droits/"]);
  assert.deepEqual(await urls("signes traite"), ["/fr/signes/"]);
  assert.deepEqual(await urls("femmes autochtones"), ["/fr/services/talk4healing/"]);
  assert.deepEqual(await urls("traite violence"), []);
});

test("only the last word matches as a prefix", async () => {
  assert.deepEqual(await urls("tele"), ["/fr/signes/", "/fr/services/talk4healing/", "/fr/services/jeunesse-j-ecoute/"]);
  assert.deepEqual(await urls("signes tele"), ["/fr/signes/"]);
  assert.deepEqual(await urls("tele signes"), []);
  assert.deepEqual(await urls("tele", { prefix: false }), []);
  assert.deepEqual(await urls("auto"), ["/fr/services/talk4healing/"]);
});

test("a match in a title outranks matches in a summary or a body", async () => {
  assert.deepEqual(await urls("aide"), ["/fr/services/femaide/", "/fr/services/ligne-urgence-canadienne/", "/fr/services/talk4healing/"]);
  assert.equal(await top("sécurité"), "/fr/securite/");
  const found = await sample.search("traite");
  assert.ok(found.results[0].score > found.results[2].score);
});

test("accents, case, elisions and typographic apostrophes do not change a query", async () => {
  for (const [a, b] of [["securite", "sécurité"], ["ECOUTE", "écoute"], ["l’aide", "aide"], ["l'aide", "aide"], ["téléphones", "telephone"], ["aide aide", "aide"]]) {
    assert.deepEqual(await urls(a), await urls(b), `${a} / ${b}`);
  }
});

test("phone numbers match by their groups of digits", async () => {
  assert.deepEqual(await urls("1-833-900-1010"), ["/fr/services/ligne-urgence-canadienne/"]);
  assert.deepEqual(await urls("833"), ["/fr/services/ligne-urgence-canadienne/"]);
  assert.equal(await top("211"), "/fr/services/211-ontario/");
});

test("names are found without their apostrophe, hyphen or space", async () => {
  assert.equal(await top("jeunessejecoute"), "/fr/services/jeunesse-j-ecoute/");
  assert.equal(await top("jeunesse j'ecoute"), "/fr/services/jeunesse-j-ecoute/");
  assert.equal(await top("Jeunesse, J’écoute"), "/fr/services/jeunesse-j-ecoute/");
  assert.equal(await top("femaide"), "/fr/services/femaide/");
  assert.equal(await top("fem aide"), "/fr/services/femaide/");
  assert.equal(await top("talk 4 healing"), "/fr/services/talk4healing/");
  assert.equal(await top("talk4healing"), "/fr/services/talk4healing/");
  assert.equal(await top("211ontario"), "/fr/services/211-ontario/");
  assert.equal(await top("21 1 ontario"), "/fr/services/211-ontario/", "words that find nothing apart are looked up joined");
});

test("a word of five letters or more is found with one typo, ranked below an exact match", async () => {
  assert.equal(await top("signse"), "/fr/signes/");
  assert.equal(await top("survivnte"), "/fr/droits/");
  assert.equal(await top("confidentiele"), "/fr/services/ligne-urgence-canadienne/");
  assert.deepEqual(await urls("aidr"), [], "a four-letter word needs its exact spelling");
  const exact = await sample.search("traite", { prefix: false });
  const typo = await sample.search("traitr", { prefix: false });
  assert.ok(typo.results.length > 0 && typo.results[0].score < exact.results[0].score);
});

test("results can be limited to pages or to services", async () => {
  assert.deepEqual(await urls("traite", { kind: "service" }), ["/fr/services/ligne-urgence-canadienne/"]);
  assert.deepEqual(await urls("traite", { kind: "page" }), ["/fr/signes/", "/fr/droits/"]);
});

test("empty, stop-word-only, unknown and object-property queries find nothing", async () => {
  for (const q of ["", "   ", "la de des", "« — »", "xyzzy", "constructor", "toString", "__proto__", "hasOwnProperty"]) {
    assert.deepEqual((await sample.search(q, { prefix: false })).results, [], q);
  }
});

test("a query fetches the meta file and only the shards its words fall in", async () => {
  const { load, fetched } = sampleLoader();
  const index = core.openIndex(load, "fr");
  await index.search("signes", { prefix: false });
  const plan = core.planQuery("signes", "fr", meta.shards, false);
  assert.deepEqual(fetched, ["meta.json"].concat(plan[0].shards.map((n) => `t/${n}.json`)));
  assert.equal(plan[0].shards.length, 1);
  await index.search("signes", { prefix: false });
  assert.equal(fetched.length, 2, "files are fetched once");
  assert.ok(fetched.length < meta.shards.length);
});

test("a shard from another build makes it read meta.json anew, once", async () => {
  let stale = true;
  const { load, fetched } = sampleLoader({
    "meta.json": (fresh) => (stale && !fresh ? Object.assign({}, meta, { id: "old" }) : meta)
  });
  const index = core.openIndex(load, "fr");
  assert.equal((await index.search("signes")).results.length, 1);
  assert.ok(fetched.includes("meta.json (fresh)"));
  stale = false;
});

test("an index of another version finds nothing and fails", async () => {
  const { load } = sampleLoader({ "meta.json": () => Object.assign({}, meta, { v: 1 }) });
  await assert.rejects(core.openIndex(load, "fr").search("aide"));
});

test("a fragment carries the URL, title, section, text and phones a result shows", async () => {
  const found = await sample.search("ligne urgence");
  const fragment = await sample.fragment(found.results[0].doc);
  assert.equal(fragment.title, "Ligne d’urgence canadienne contre la traite des personnes");
  assert.equal(fragment.kind, "service");
  assert.equal(fragment.section, "Trouver des services");
  assert.deepEqual(fragment.phones, [["Appeler le 1-833-900-1010", "tel:+18339001010"]]);
});

// ---- Snippets ------------------------------------------------------------------------

test("a snippet marks the words whose terms matched, in their own spelling", () => {
  const pieces = core.snippet("L’écoute des survivantes et des Survivants, jour et nuit.", ["surviv"], "fr", 30);
  assert.deepEqual(pieces.filter((p) => p[1]).map((p) => p[0]), ["survivantes", "Survivants"]);
  assert.equal(pieces.map((p) => p[0]).join(""), "L’écoute des survivantes et des Survivants, jour et nuit");
});

test("a snippet shows the passage with the most different matched words", () => {
  const text = "Traite au début. " + "mot ".repeat(60) + "Les droits des survivantes et la traite. " + "fin ".repeat(60);
  const pieces = core.snippet(text, ["droit", "surviv", "trait"], "fr", 20);
  const shown = pieces.map((p) => p[0]).join("");
  assert.match(shown, /^… /);
  assert.match(shown, / …$/);
  assert.deepEqual(pieces.filter((p) => p[1]).map((p) => p[0]), ["droits", "survivantes", "traite"]);
});

test("a snippet without a match shows the beginning, and empty text gives nothing", () => {
  const pieces = core.snippet("One two three four five six", ["zzz"], "en", 3);
  assert.deepEqual(pieces, [["One two three", false], [" …", false]]);
  assert.deepEqual(core.snippet("", ["a"], "en"), []);
});
