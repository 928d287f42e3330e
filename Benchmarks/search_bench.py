#!/usr/bin/env python3
"""Site search against Pagefind 1.5 on the same built site: index time and bytes per query.

For each size, Trillium builds the benchmark corpus (Benchmarks/corpus.py); Pagefind
(`pagefind[extended]` from PyPI, installed into .bench/pagefind-venv) then indexes that same
output. Headless Chromium runs the same queries against each index through a local server
that compresses text files with gzip -9, as a host would, and serves Pagefind's own
pre-compressed files as they are; the server counts the bytes it sends for each query:

* first query: everything fetched from opening the index to showing the results (scripts,
  index parts, the fragments of the results shown: 10 for Trillium's page, 5 for Pagefind,
  its UI's first page);
* each later query: what it fetches on top, in the same page (files fetched before are kept).

Pagefind is measured through its JavaScript API; the row "Pagefind + UI" adds what its default
UI loads besides (pagefind-ui.js and pagefind-ui.css, gzip -9). Trillium's index time is the
CPU time the build spends on search (documents, analysis, index files: `trillium build
--verbose`), which bounds what search adds to the build's wall time; Pagefind's is its own
run (wall and CPU).

    python3 Benchmarks/search_bench.py --sizes 1000,10000
    python3 Benchmarks/search_bench.py --services 60000      # the directory at 211 Ontario's scale

Standard library only; needs Chromium (`chromium`) and, for the comparison, network access to
PyPI once.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
import corpus as corpus_module  # noqa: E402

PAGEFIND_VERSION = "1.5.2"
PAGEFIND_VENV = os.path.join(bench.BENCH_DIR, "pagefind-venv")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TEXT_TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
              ".xml": "application/xml", ".txt": "text/plain", ".svg": "image/svg+xml"}
# Results whose fragments are fetched at once: Trillium's search page shows 10, Pagefind's UI 5.
TRILLIUM_SHOWN = 10
PAGEFIND_SHOWN = 5
# Queries on the corpus' own words: the first as a visitor would type it, then others.
QUERIES = {
    "en": ["safety planning", "housing help", "court support", "young workers help", "legal options for survivors"],
    "fr": ["plan de sécurité", "aide au logement", "soutien au tribunal", "soutien aux familles",
           "options juridiques pour les survivantes"],
}
DIRECTORY_QUERIES = {
    "en": ["crisis line thunder bay", "legal clinic", "sexual assault centre windsor", "text line"],
    "fr": ["ligne de crise sudbury", "clinique juridique", "centre francophone", "ligne texto"],
}
TARGET_FIRST_RATIO = 0.5
TARGET_LATER_BYTES = 30 * 1024
TARGET_INDEX_RATIO = 0.1
TARGET_DIRECTORY_FIRST_BYTES = 100 * 1024


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---- Pagefind ----------------------------------------------------------------------------


def pagefind_python() -> str:
    """The Python of a venv holding pagefind[extended] (created on first use)."""
    python = os.path.join(PAGEFIND_VENV, "bin", "python")
    check = subprocess.run([python, "-m", "pagefind", "--version"], capture_output=True, text=True) if os.path.exists(python) else None
    if check is None or PAGEFIND_VERSION not in check.stdout:
        log(f"Installing pagefind[extended]=={PAGEFIND_VERSION} into {os.path.relpath(PAGEFIND_VENV, bench.REPO)} …")
        subprocess.run([sys.executable, "-m", "venv", PAGEFIND_VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", f"pagefind[extended]=={PAGEFIND_VERSION}"], check=True)
    return python


def run_pagefind(site: str, logs: str) -> dict:
    shutil.rmtree(os.path.join(site, "pagefind"), ignore_errors=True)
    sample = bench.timed([pagefind_python(), "-m", "pagefind", "--site", site, "--output-subdir", "pagefind"],
                         log_path=os.path.join(logs, "pagefind.log"))
    return {"wall_s": sample["wall"], "cpu_s": sample["cpu"], "peak_mib": sample["peak_kib"] / 1024}


# ---- The byte-counting server and the browser ---------------------------------------------


class CountingServer:
    """Serves `root` on 127.0.0.1 and counts the bytes of each response, by phase."""

    def __init__(self, root: str):
        self.root = os.path.realpath(root)
        self.harness: dict[str, bytes] = {}
        self.phase = "start"
        self.sent: dict[str, int] = {}
        self.files: dict[str, list[tuple[str, int]]] = {}
        self.done = threading.Event()
        self.report = ""
        self.lock = threading.Lock()
        self.gzipped: dict[str, bytes] = {}
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                if url.path.startswith("/__bench/"):
                    server.control(self, url)
                    return
                body, headers = server.body(url.path, "gzip" in (self.headers.get("Accept-Encoding") or ""))
                if body is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                with server.lock:
                    server.sent[server.phase] = server.sent.get(server.phase, 0) + len(body)
                    server.files.setdefault(server.phase, []).append((url.path, len(body)))

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def control(self, handler, url) -> None:
        query = urllib.parse.parse_qs(url.query)
        body = b"ok"
        if url.path == "/__bench/mark":
            with self.lock:
                self.phase = query.get("phase", ["?"])[0]
        elif url.path == "/__bench/done":
            self.report = query.get("report", [""])[0]
            self.done.set()
        else:
            body = self.harness.get(url.path, b"")
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.send_header("Cache-Control", "no-store")
        handler.end_headers()
        handler.wfile.write(body)

    def body(self, path: str, gzip_ok: bool):
        local = os.path.realpath(os.path.join(self.root, urllib.parse.unquote(path).lstrip("/")))
        if os.path.isdir(local):
            local = os.path.join(local, "index.html")
        if not local.startswith(self.root + os.sep) or not os.path.isfile(local):
            return None, []
        extension = os.path.splitext(local)[1]
        kind = TEXT_TYPES.get(extension)
        if kind is None:  # Pagefind's files are compressed already; hosts send them as they are
            with open(local, "rb") as handle:
                return handle.read(), [("Content-Type", "application/wasm" if extension == ".wasm" else "application/octet-stream")]
        with self.lock:
            cached = self.gzipped.get(local)
        if cached is None:
            with open(local, "rb") as handle:
                cached = gzip.compress(handle.read(), compresslevel=9, mtime=0)
            with self.lock:
                self.gzipped[local] = cached
        headers = [("Content-Type", kind), ("Content-Encoding", "gzip")]
        return cached, headers

    def measure(self, harness: str, html: str, timeout: float = 300) -> dict:
        """Opens the harness page in a fresh headless Chromium; returns bytes by phase."""
        path = f"/__bench/{harness}.html"
        self.harness[path] = html.encode("utf-8")
        self.sent, self.files, self.phase, self.report = {}, {}, "start", ""
        self.done.clear()
        profile = tempfile.mkdtemp(prefix="trillium-search-bench-")
        browser = subprocess.Popen([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                    "--disable-background-networking", "--disable-component-update",
                                    f"--user-data-dir={profile}", self.origin + path],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            if not self.done.wait(timeout):
                raise bench.BenchError(f"{harness}: the browser did not finish within {timeout} s (phase {self.phase})")
        finally:
            browser.terminate()
            try:
                browser.wait(10)
            except subprocess.TimeoutExpired:
                browser.kill()
            shutil.rmtree(profile, ignore_errors=True)
        if self.report.startswith("error"):
            raise bench.BenchError(f"{harness}: {self.report}")
        return {"sent": dict(self.sent), "files": {k: list(v) for k, v in self.files.items()}, "report": self.report}

    def close(self) -> None:
        self.httpd.shutdown()


HARNESS_END = """
  } catch (error) {
    report = "error " + (error && error.stack || error);
  }
  await fetch("/__bench/done?report=" + encodeURIComponent(report));
"""


def trillium_harness(site: str, lang: str, queries: list[str]) -> str:
    search_page = os.path.join(site, lang, "search" if lang == "en" else "recherche", "index.html")
    with open(search_page, encoding="utf-8") as handle:
        scripts = re.findall(r'<script src="([^"]*(?:search-core|site-search)[^"]*)"', handle.read())
    tags = "".join(f'<script src="{s}"></script>' for s in scripts)
    return f"""<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>Trillium</title>{tags}
<script>
(async () => {{
  let report = "";
  try {{
    const core = window.TrilliumSearchCore;
    const index = core.openIndex(core.httpLoader("/search/{lang}/meta.json", window), "{lang}");
    const counts = [];
    for (const [i, q] of {json.dumps(queries)}.entries()) {{
      if (i > 0) await fetch("/__bench/mark?phase=" + i);
      const found = await index.search(q, {{ prefix: true }});
      await Promise.all(found.results.slice(0, {TRILLIUM_SHOWN}).map((r) => index.fragment(r.doc)));
      counts.push(found.results.length);
    }}
    report = counts.join(",");
  {HARNESS_END}
}})();
</script></html>"""


def pagefind_harness(lang: str, queries: list[str]) -> str:
    html_lang = "en" if lang == "en" else "fr-CA"
    return f"""<!doctype html><html lang="{html_lang}"><meta charset="utf-8"><title>Pagefind</title>
<script type="module">
let report = "";
try {{
  const pagefind = await import("/pagefind/pagefind.js");
  const counts = [];
  for (const [i, q] of {json.dumps(queries)}.entries()) {{
    if (i > 0) await fetch("/__bench/mark?phase=" + i);
    const found = await pagefind.search(q);
    await Promise.all(found.results.slice(0, {PAGEFIND_SHOWN}).map((r) => r.data()));
    counts.push(found.results.length);
  }}
  report = counts.join(",");
{HARNESS_END}
</script></html>"""


def gzip9_size(path: str) -> int:
    with open(path, "rb") as handle:
        return len(gzip.compress(handle.read(), compresslevel=9, mtime=0))


def query_bytes(measured: dict) -> dict:
    """First query (the start phase, scripts included, plus query 0) and each later query."""
    sent = measured["sent"]
    first = sent.get("start", 0)
    later = [sent.get(str(i), 0) for i in range(1, 1 + max((int(k) for k in sent if k.isdigit()), default=0))]
    return {"first": first, "later": later, "results": measured["report"]}


# ---- One size ----------------------------------------------------------------------------


def measure_site(site: str, queries: dict, with_pagefind: bool, logs: str) -> dict:
    result: dict = {"languages": {}}
    if with_pagefind:
        log("  Pagefind indexes the same output …")
        result["pagefind_index"] = run_pagefind(site, logs)
        log(f"  pagefind {result['pagefind_index']['wall_s']:.2f} s wall, {result['pagefind_index']['cpu_s']:.2f} s CPU")
        ui = os.path.join(site, "pagefind")
        result["pagefind_ui_bytes"] = gzip9_size(os.path.join(ui, "pagefind-ui.js")) + gzip9_size(os.path.join(ui, "pagefind-ui.css"))
    server = CountingServer(site)
    try:
        for lang in ("en", "fr"):
            entry = {"trillium": query_bytes(server.measure(f"trillium-{lang}", trillium_harness(site, lang, queries[lang])))}
            if with_pagefind:
                entry["pagefind"] = query_bytes(server.measure(f"pagefind-{lang}", pagefind_harness(lang, queries[lang])))
            result["languages"][lang] = entry
            t = entry["trillium"]
            line = f"  {lang}: Trillium first {t['first'] / 1024:.1f} KB, later ≤ {max(t['later'] or [0]) / 1024:.1f} KB (results {t['results']})"
            if with_pagefind:
                p = entry["pagefind"]
                line += f"; Pagefind first {p['first'] / 1024:.1f} KB, later ≤ {max(p['later'] or [0]) / 1024:.1f} KB (results {p['results']})"
            log(line)
    finally:
        server.close()
    return result


def build_site(trillium: str, folder: str, output: str, logs: str) -> dict:
    env = dict(os.environ, TRILLIUM_TODAY=corpus_module.TODAY)
    stdout = os.path.join(logs, "trillium-verbose.txt")
    shutil.rmtree(output, ignore_errors=True)
    sample = bench.timed([trillium, "build", "--site", os.path.join(folder, "trillium"), "--output", output, "--verbose"],
                         env=env, stdout_path=stdout, log_path=os.path.join(logs, "trillium.log"))
    with open(stdout, encoding="utf-8") as handle:
        match = re.search(r"Search index: ([0-9.]+) s of CPU", handle.read())
    files = sum(len(names) for _root, _dirs, names in os.walk(os.path.join(output, "search")))
    return {"wall_s": sample["wall"], "cpu_s": sample["cpu"], "peak_mib": sample["peak_kib"] / 1024,
            "search_cpu_s": float(match.group(1)) if match else float("nan"), "search_files": files}


def directory_corpus(pages: int, services: int, seed: int) -> str:
    with open(corpus_module.__file__, "rb") as handle:
        import hashlib
        generator = hashlib.sha256(handle.read()).hexdigest()[:8]
    folder = os.path.join(bench.BENCH_DIR, f"directory-{pages}-{services}-s{seed}-{generator}")
    if not os.path.exists(os.path.join(folder, "complete")):
        log(f"Generating {services:,} services (and {pages:,} pages per language) in {os.path.relpath(folder, bench.REPO)} …")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        corpus_module.generate(pages, folder, seed, None, None, services)
        with open(os.path.join(folder, "complete"), "w", encoding="utf-8") as handle:
            handle.write("ok\n")
    theme_copy = os.path.join(folder, "trillium", "Themes", "default")
    shutil.rmtree(theme_copy, ignore_errors=True)
    shutil.copytree(os.path.join(bench.REPO, "Themes", "default"), theme_copy)
    return folder


def build_and_measure(trillium: str, folder: str, name: str, queries: dict, with_pagefind: bool, output_root: str) -> dict:
    """Builds one corpus with Trillium, then measures its search (and Pagefind's on the same output)."""
    logs = os.path.join(bench.BENCH_DIR, "logs", name)
    os.makedirs(logs, exist_ok=True)
    output = os.path.join(output_root, name)
    built = build_site(trillium, folder, output, logs)
    log(f"  trillium {built['wall_s']:.2f} s wall, {built['peak_mib']:.0f} MiB; search {built['search_cpu_s']:.2f} s of CPU, "
        f"{built['search_files']:,} index files")
    entry = {"trillium_build": built}
    try:
        entry.update(measure_site(output, queries, with_pagefind, logs))
    finally:
        shutil.rmtree(output, ignore_errors=True)
    return entry


def run(sizes: list[int], services: int | None, trillium: str, seed: int, output_root: str, with_pagefind: bool = True) -> list[dict]:
    results = []
    for size in sizes:
        folder, _plan = bench.corpus_for(size, seed)
        log(f"Search at N = {size:,} pages per language: building with Trillium …")
        entry = {"pages_per_language": size}
        entry.update(build_and_measure(trillium, folder, f"search-{size}", QUERIES, with_pagefind, output_root))
        results.append(entry)
    if services:
        pages = 100
        folder = directory_corpus(pages, services, seed)
        log(f"Search in a directory of {services:,} services: building with Trillium …")
        entry = {"services": services, "pages_per_language": pages}
        entry.update(build_and_measure(trillium, folder, f"directory-{services}", DIRECTORY_QUERIES, False, output_root))
        results.append(entry)
    return results


def kb(value: float) -> str:
    return f"{value / 1024:.1f} KB"


def table(results: list[dict]) -> str:
    lines = ["| corpus | lang | index time: Pagefind (wall / CPU) | Trillium search (CPU) | T/P | first query: Pagefind | Pagefind + UI "
             "| Trillium | T/P | later query, largest: Pagefind | Trillium |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        label = f"{r['services']:,} services" if "services" in r else f"{r['pages_per_language']:,} pages/lang"
        built = r["trillium_build"]
        for lang, entry in r["languages"].items():
            t = entry["trillium"]
            p = entry.get("pagefind")
            if p:
                index = r["pagefind_index"]
                lines.append(f"| {label} | {lang} | {index['wall_s']:.1f} s / {index['cpu_s']:.1f} s | {built['search_cpu_s']:.2f} s "
                             f"| {built['search_cpu_s'] / index['wall_s']:.3f}× | {kb(p['first'])} | {kb(p['first'] + r['pagefind_ui_bytes'])} "
                             f"| {kb(t['first'])} | {t['first'] / p['first']:.2f}× | {kb(max(p['later']))} | {kb(max(t['later']))} |")
            else:
                lines.append(f"| {label} | {lang} | – | {built['search_cpu_s']:.2f} s | – | – | – | {kb(t['first'])} | – | – "
                             f"| {kb(max(t['later']))} |")
    return "\n".join(lines)


def verdicts(results: list[dict]) -> list[str]:
    out = []
    for r in results:
        for lang, entry in r["languages"].items():
            t = entry["trillium"]
            if "services" in r:
                ok = t["first"] <= TARGET_DIRECTORY_FIRST_BYTES
                out.append(f"{r['services']:,} services, {lang}: first query {kb(t['first'])} ≤ 100 KB: {'met' if ok else 'NOT met'}")
                continue
            p = entry.get("pagefind")
            if not p or r["pages_per_language"] < 10_000:
                continue
            checks = [("first query ≤ ½ Pagefind's", t["first"] <= TARGET_FIRST_RATIO * p["first"]),
                      ("each later query ≤ 30 KB", max(t["later"]) <= TARGET_LATER_BYTES),
                      ("index ≤ ⅒ Pagefind's time", r["trillium_build"]["search_cpu_s"] <= TARGET_INDEX_RATIO * r["pagefind_index"]["wall_s"])]
            out += [f"{r['pages_per_language']:,} pages/lang, {lang}: {name}: {'met' if ok else 'NOT met'}" for name, ok in checks]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="pages per language (default 1000,10000; empty for none)")
    parser.add_argument("--services", type=int, help="also a directory of this many services (e.g. 60000), Trillium only")
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--trillium", help="use this trillium executable instead of a release build")
    parser.add_argument("--no-pagefind", action="store_true", help="measure Trillium only")
    args = parser.parse_args()
    sizes = [int(s.replace(",", "").replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    try:
        if not os.path.exists(CHROMIUM):
            raise bench.BenchError("chromium is not installed (Debian package `chromium`)")
        trillium = os.path.abspath(args.trillium) if args.trillium else bench.build_trillium()
        results = run(sizes, args.services, trillium, args.seed, bench.default_output_root(), not args.no_pagefind)
    except (bench.BenchError, subprocess.CalledProcessError) as error:
        log(f"search benchmark failed: {error}")
        return 1
    os.makedirs(bench.BENCH_DIR, exist_ok=True)
    with open(os.path.join(bench.BENCH_DIR, "search-results.json"), "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2, sort_keys=True)
        handle.write("\n")
    print(table(results))
    print()
    for line in verdicts(results):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
