#!/usr/bin/env python3
"""The directory at scale: build time and memory against Hugo, and what a visitor downloads.

For each directory size (services; 100 content pages per language beside them) it generates a
corpus with Benchmarks/corpus.py (cached in .bench/directory-…), builds it with a release build of
Trillium and with Hugo (the corpus' Hugo layout has the same service pages and paginated lists:
all services, each region, category, audience and region×category), and measures on Trillium's
output the bytes a browser downloads, each file compressed with gzip -9 as a host serves it:

In both languages:

* first page: /<lang>/services/ with every stylesheet and script its HTML links to;
* filtered lists: the first page of the largest region's list, and of that region's crisis lines
  (region×category), each with its stylesheets and scripts;
* first search: what the directory's search reads for a query typed on that page: the index's
  meta, the shards of the words and the fragments of the first 10 results (the directory shows
  10 at a time for a search by words). Headless Chromium runs search-core.js against a server that counts the bytes it
  sends (Benchmarks/search_bench.py's); shown with and without the two scripts that do it, which
  the first page already loaded;
* widget: embed.js and the list pages the widget reads for <trillium-services region="…"
  category="crisis-line" limit="5">, following embed.js: page 1 of the region×category list, then
  further pages only while fewer than 5 services were found.

File sizes are read from the built output (HTML parsed for <link rel="stylesheet"> and
<script src>), not through a browser, so they do not depend on caching.

    python3 Benchmarks/directory_bench.py                      # 2,000 and 60,000 services
    python3 Benchmarks/directory_bench.py --sizes 2000 --runs 5
    python3 Benchmarks/directory_bench.py --quick              # 300 services, one run: a smoke test

Standard library only; needs what Benchmarks/bench.py needs, and Chromium for the search bytes
(skipped with a note when it is missing).
"""

from __future__ import annotations

import argparse
import gzip
import html.parser
import json
import os
import posixpath
import shutil
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
import corpus as corpus_module  # noqa: E402
import search_bench  # noqa: E402
from search_bench import kb  # noqa: E402

DEFAULT_SIZES = [2000, 60_000]
QUICK_SIZE = 300
CONTENT_PAGES = 100
# At this many services and more, one timed run without a warm-up unless --large-runs says otherwise.
LARGE = 20_000
CATEGORY = "crisis-line"
WIDGET_LIMIT = 5
# Results whose fragments the directory fetches for a search by words (SHOWN_PER_SEARCH_STEP in
# directory-search.js; a list without words shows 25).
SEARCH_SHOWN = 10
TARGET_TIME_RATIO = 0.25
TARGET_PEAK_MIB = 1024
TARGET_FIRST_PAGE = 50 * 1024
TARGET_WIDGET = 30 * 1024
TARGET_SEARCH = 100 * 1024


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---- Bytes of the built output --------------------------------------------------------------


class Assets(html.parser.HTMLParser):
    """The stylesheets and scripts an HTML page makes a browser download."""

    def __init__(self):
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link" and "stylesheet" in (values.get("rel") or "").split() and values.get("href"):
            self.css.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.js.append(values["src"])


class Output:
    """A built site, read as a host serves it."""

    def __init__(self, root: str):
        self.root = root
        self.sizes: dict[str, int] = {}

    def file(self, url: str) -> str:
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
        local = os.path.join(self.root, path.lstrip("/"))
        if path.endswith("/"):
            local = os.path.join(local, "index.html")
        if not os.path.isfile(local):
            raise bench.BenchError(f"the output has no file for {url}")
        return local

    def gz(self, url: str) -> int:
        local = self.file(url)
        if local not in self.sizes:
            with open(local, "rb") as handle:
                self.sizes[local] = len(gzip.compress(handle.read(), compresslevel=9, mtime=0))
        return self.sizes[local]

    def json(self, url: str) -> dict:
        with open(self.file(url), encoding="utf-8") as handle:
            return json.load(handle)

    def page(self, url: str) -> dict:
        """HTML, CSS and JS bytes (gzip -9) of a page and what it links to."""
        with open(self.file(url), encoding="utf-8") as handle:
            parser = Assets()
            parser.feed(handle.read())
        resolve = lambda href: urllib.parse.urljoin(url, href)  # noqa: E731
        css = sum(self.gz(resolve(href)) for href in dict.fromkeys(parser.css))
        js = sum(self.gz(resolve(href)) for href in dict.fromkeys(parser.js))
        html_bytes = self.gz(url)
        return {"url": url, "html": html_bytes, "css": css, "js": js, "total": html_bytes + css + js,
                "scripts": [resolve(href) for href in dict.fromkeys(parser.js)]}


def largest_region(output: Output, lang: str) -> str:
    """The region whose list holds the most services (the heaviest filtered list)."""
    folder = os.path.join(output.root, "api", "v1", "lists", lang, "region")
    best = None
    for region in sorted(os.listdir(folder)):
        first = os.path.join(folder, region, "1.json")
        if not os.path.isfile(first):
            continue
        total = output.json(f"/api/v1/lists/{lang}/region/{region}/1.json").get("total_items", 0)
        if best is None or total > best[0]:
            best = (total, region)
    if best is None:
        raise bench.BenchError("the output has no region lists")
    return best[1]


def widget_first_render(output: Output, lang: str, region: str, category: str, limit: int) -> dict:
    """embed.js and the list pages embed.js reads for one region and category, `limit` services."""
    files = ["/embed.js"]
    found = 0
    number = 1
    while True:
        url = f"/api/v1/lists/{lang}/region/{region}/category/{category}/{number}.json"
        data = output.json(url)
        files.append(url)
        found += len(data.get("services", []))
        if found >= limit or data.get("last_page") is not False or number >= data.get("total_pages", 0):
            break
        number += 1
    return {"files": files, "services": min(found, limit), "total": sum(output.gz(url) for url in files)}


def search_harness(scripts: list[str], index: str, lang: str, query: str) -> str:
    tags = "".join(f'<script src="{s}"></script>' for s in scripts)
    return f"""<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>Directory search</title>{tags}
<script>
(async () => {{
  let report = "";
  try {{
    await fetch("/__bench/mark?phase=query");
    const core = window.TrilliumSearchCore;
    const index = core.openIndex(core.httpLoader({json.dumps(index)}, window), "{lang}");
    const found = await index.search({json.dumps(query)}, {{ kind: "service", prefix: true }});
    await Promise.all(found.results.slice(0, {SEARCH_SHOWN}).map((r) => index.fragment(r.doc)));
    report = String(found.results.length);
  {search_bench.HARNESS_END}
}})();
</script></html>"""


def first_search(output: Output, lang: str, query: str) -> dict | None:
    """Bytes of the directory search's first query, counted by a server as Chromium fetches them."""
    if not os.path.exists(search_bench.CHROMIUM):
        log("  Chromium is missing: the first search is not measured")
        return None
    page = f"/{lang}/services/"
    with open(output.file(page), encoding="utf-8") as handle:
        text = handle.read()
    marker = 'class="directory-search"'
    start = text.find(marker)
    index = text[start:].split('data-index="', 1)[1].split('"', 1)[0] if start >= 0 else ""
    if not index:
        raise bench.BenchError(f"{page} has no search index URL")
    index = urllib.parse.urljoin(page, index)
    scripts = [url for url in output.page(page)["scripts"] if "search" in posixpath.basename(url)]
    server = search_bench.CountingServer(output.root)
    try:
        measured = server.measure(f"directory-search-{lang}", search_harness(scripts, index, lang, query))
    finally:
        server.close()
    parts: dict[str, int] = {}
    for path, size in measured["files"].get("query", []):
        part = "meta" if path.endswith("/meta.json") else "shards" if "/t/" in path else "fragments" if "/d/" in path else "other"
        parts[part] = parts.get(part, 0) + size
    return {"query": query, "results": int(measured["report"] or 0), "scripts": measured["sent"].get("start", 0),
            "index": measured["sent"].get("query", 0), "files": len(measured["files"].get("query", [])), "parts": parts}


def downloads(root: str, lang: str) -> dict:
    output = Output(root)
    region = largest_region(output, lang)
    directory = f"/{lang}/services/"
    category = "category" if lang == "en" else "categorie"
    result = {
        "first_page": output.page(directory),
        "region": region,
        "region_page": output.page(f"{directory}region/{region}/"),
        "region_category_page": output.page(f"{directory}region/{region}/{category}/{CATEGORY}/"),
        "widget": widget_first_render(output, lang, region, CATEGORY, WIDGET_LIMIT),
        # The search benchmark's first directory query, typed on the directory's page.
        "search": first_search(output, lang, search_bench.DIRECTORY_QUERIES[lang][0]),
    }
    for key in ("first_page", "region_page", "region_category_page"):
        result[key].pop("scripts")
    return result


def a_z_pages(root: str, lang: str = "en") -> dict:
    """Count and largest gzip size of the search page's A–Z pages."""
    folder = os.path.join(root, lang, "search" if lang == "en" else "recherche")
    sizes = []
    for path, _dirs, names in os.walk(folder):
        if "index.html" in names and path != folder:
            with open(os.path.join(path, "index.html"), "rb") as handle:
                sizes.append(len(gzip.compress(handle.read(), compresslevel=9, mtime=0)))
    return {"pages": len(sizes), "largest": max(sizes, default=0)}


# ---- One size ---------------------------------------------------------------------------


def bench_size(services: int, seed: int, trillium: str, runs: int, warmup: bool, output_root: str) -> dict:
    folder = search_bench.directory_corpus(CONTENT_PAGES, services, seed)
    plan = corpus_module.plan_corpus(CONTENT_PAGES, seed, services)
    expected = corpus_module.expected_urls(plan)
    outputs = os.path.join(output_root, f"directory-{services}")
    logs = os.path.join(bench.BENCH_DIR, "logs", f"directory-{services}")
    os.makedirs(logs, exist_ok=True)
    env = dict(os.environ, TRILLIUM_TODAY=corpus_module.TODAY, HUGO_CACHEDIR=os.path.join(bench.BENCH_DIR, "hugo-cache"))
    log(f"Directory of {services:,} services ({CONTENT_PAGES} content pages per language beside them), "
        f"{runs} run{'s' if runs > 1 else ''}{' after a warm-up' if warmup else ''}:")
    trillium_out = os.path.join(outputs, "trillium")
    hugo_out = os.path.join(outputs, "hugo")
    result = {"services": services, "runs": runs, "warmup": warmup}
    try:
        result["hugo"] = bench.run_generator("hugo", ["hugo", "--source", os.path.join(folder, "hugo"), "--destination", hugo_out,
                                                      "--quiet"], hugo_out, expected, runs, warmup, env, logs)
        bench.remove_output(hugo_out)
        result["trillium"] = bench.run_generator("trillium", [trillium, "build", "--site", os.path.join(folder, "trillium"),
                                                              "--output", trillium_out, "--quiet"],
                                                 trillium_out, expected, runs, warmup, env, logs)
        result["downloads"] = {lang: downloads(trillium_out, lang) for lang in ("en", "fr")}
        result["a_z"] = {lang: a_z_pages(trillium_out, lang) for lang in ("en", "fr")}
    finally:
        shutil.rmtree(outputs, ignore_errors=True)
    result["time_ratio"] = result["trillium"]["wall_s"] / result["hugo"]["wall_s"]
    d = result["downloads"]["en"]
    log(f"  en: first page {kb(d['first_page']['total'])}, region {kb(d['region_page']['total'])}, region×category "
        f"{kb(d['region_category_page']['total'])}, widget {kb(d['widget']['total'])}"
        + (f", search {kb(d['search']['index'] + d['search']['scripts'])}" if d["search"] else ""))
    return result


# ---- Report -----------------------------------------------------------------------------


def timing_table(results: list[dict]) -> str:
    lines = ["| services | runs | index.html T / H | Trillium wall | Trillium CPU | Trillium peak | Hugo wall | Hugo CPU | Hugo peak "
             "| wall T/H | memory T/H |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        t, h = r["trillium"], r["hugo"]
        lines.append(f"| {r['services']:,} | {r['runs']}{' + warm-up' if r['warmup'] else ''} | {t['index_html']:,} / {h['index_html']:,} "
                     f"| {t['wall_s']:.2f} s | {t['cpu_s']:.2f} s | {t['peak_mib']:.0f} MiB | {h['wall_s']:.2f} s | {h['cpu_s']:.2f} s "
                     f"| {h['peak_mib']:.0f} MiB | {r['time_ratio']:.2f}× | {t['peak_mib'] / h['peak_mib']:.2f}× |")
    return "\n".join(lines)


def page_cell(page: dict) -> str:
    return f"{kb(page['total'])} ({kb(page['html'])} + {kb(page['css'])} + {kb(page['js'])})"


def bytes_table(results: list[dict]) -> str:
    lines = ["| services | lang | first page /<lang>/services/ (HTML + CSS + JS) | largest region's first page | its crisis lines (region×category) "
             "| first search: index (+ its 2 scripts) | widget: 5 crisis lines in one region | largest A–Z page (pages) |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r, lang in ((r, lang) for r in results for lang in r["downloads"]):
        d = r["downloads"][lang]
        s = d["search"]
        search = f"{kb(s['index'])} (+ {kb(s['scripts'])} = {kb(s['index'] + s['scripts'])}), {s['results']:,} results" if s else "not measured"
        w = d["widget"]
        lines.append(f"| {r['services']:,} | {lang} | {page_cell(d['first_page'])} | {page_cell(d['region_page'])} "
                     f"| {page_cell(d['region_category_page'])} | {search} "
                     f"| {kb(w['total'])} ({len(w['files']) - 1} list file{'s' if len(w['files']) > 2 else ''}) "
                     f"| {kb(r['a_z'][lang]['largest'])} ({r['a_z'][lang]['pages']:,}) |")
    return "\n".join(lines)


def verdicts(results: list[dict]) -> list[str]:
    out = []
    for r in results:
        out += [f"{r['services']:,} services: {name}: {'met' if ok else 'NOT met'}" for name, ok in [
            (f"build ≤ {TARGET_TIME_RATIO}× Hugo's time ({r['time_ratio']:.2f}×)", r["time_ratio"] <= TARGET_TIME_RATIO),
            (f"peak memory ≤ 1 GiB ({r['trillium']['peak_mib']:.0f} MiB)", r["trillium"]["peak_mib"] <= TARGET_PEAK_MIB)]]
    for r, lang in ((r, lang) for r in results for lang in r["downloads"]):
        d = r["downloads"][lang]
        checks = [(f"first page ≤ 50 KB ({kb(d['first_page']['total'])})", d["first_page"]["total"] <= TARGET_FIRST_PAGE),
                  (f"filtered lists ≤ 50 KB ({kb(d['region_page']['total'])}, {kb(d['region_category_page']['total'])})",
                   max(d["region_page"]["total"], d["region_category_page"]["total"]) <= TARGET_FIRST_PAGE),
                  (f"widget first render ≤ 30 KB ({kb(d['widget']['total'])})", d["widget"]["total"] <= TARGET_WIDGET)]
        if d["search"]:
            total = d["search"]["index"] + d["search"]["scripts"]
            checks.append((f"first search ≤ 100 KB ({kb(total)} with its scripts)", total <= TARGET_SEARCH))
        out += [f"{r['services']:,} services, {lang}: {name}: {'met' if ok else 'NOT met'}" for name, ok in checks]
    return out


def run(sizes: list[int], trillium: str, seed: int, output_root: str, runs: int, warmup: bool, large_runs: int,
        large_output_root: str = bench.BENCH_DIR) -> list[dict]:
    """Large sizes write to `large_output_root`, on disk by default: at 60,000 services Hugo takes
    about 12 GiB and the outputs several GB each, more than a RAM folder can share with it."""
    results = []
    for services in sizes:
        large = services >= LARGE
        results.append(bench_size(services, seed, trillium, large_runs if large else runs, warmup and not large,
                                  large_output_root if large else output_root))
    return results


def report(results: list[dict]) -> str:
    return "\n".join([
        "The directory at scale (median wall and CPU time; peak = largest max RSS; T/H = Trillium ÷ Hugo):\n",
        timing_table(results),
        "\nWhat a browser downloads, gzip -9 per file (first page etc.: HTML + CSS + JS):\n",
        bytes_table(results),
        "",
    ] + verdicts(results))


def parse_sizes(text: str) -> list[int]:
    return [int(s.replace(",", "").replace("_", "")) for s in text.split(",") if s.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SIZE} services, one run, no warm-up (smoke test)")
    parser.add_argument("--sizes", help="comma-separated numbers of services (default 2000,60000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per generator (default 3)")
    parser.add_argument("--large-runs", type=int, default=1, help=f"timed runs at {LARGE:,} services and more, no warm-up (default 1)")
    parser.add_argument("--no-warmup", action="store_true", help="skip the untimed first run")
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--trillium", help="use this trillium executable instead of a release build")
    parser.add_argument("--output-root", help=f"where the generators write (default as Benchmarks/bench.py, but .bench/ "
                                              f"from {LARGE:,} services)")
    args = parser.parse_args()
    sizes = [QUICK_SIZE] if args.quick else parse_sizes(args.sizes) if args.sizes else DEFAULT_SIZES
    runs = 1 if args.quick else max(1, args.runs)
    try:
        bench.check_tools(need_swift=args.trillium is None)
        trillium = os.path.abspath(args.trillium) if args.trillium else bench.build_trillium()
        output_root = os.path.abspath(args.output_root) if args.output_root else bench.default_output_root()
        results = run(sizes, trillium, args.seed, output_root, runs, not (args.quick or args.no_warmup), max(1, args.large_runs),
                      output_root if args.output_root else bench.BENCH_DIR)
    except (bench.BenchError, subprocess.CalledProcessError) as error:
        log(f"directory benchmark failed: {error}")
        return 1
    os.makedirs(bench.BENCH_DIR, exist_ok=True)
    with open(os.path.join(bench.BENCH_DIR, "directory-results.json"), "w", encoding="utf-8") as handle:
        json.dump({"machine": bench.machine_facts(), "results": results}, handle, indent=2, sort_keys=True)
        handle.write("\n")
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
