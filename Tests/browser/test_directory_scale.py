"""The directory at a larger size: what a visitor or a partner downloads does not grow with it.

A synthetic directory of 3,000 services in the real taxonomy's proportions
(Benchmarks/corpus.py --services) is built once; then every page of the directory and of the
embeddable page must fit the first round trip (HTML + screen CSS ≤ 14 KiB after gzip -9, the
budget of test_weight.py, and so under 50 KB), and the first page of every list of the widget's
data must stay small. On the real site, every service must be reachable without JavaScript by
following links from the directory's first page.

PYTEST_DONT_REWRITE: every assert carries its own message.
"""
from __future__ import annotations

import gzip
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from sitetest.build import BuildInputs

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVICES = 3000
PAGE_BUDGET = 14 * 1024  # test_weight.py
WIDGET_FIRST_RENDER_BUDGET = 30 * 1000


def gzip9(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


@pytest.fixture(scope="module")
def large_directory():
    """`Public/` of a 3,000-service directory built with the trillium under test."""
    inputs = BuildInputs.from_environment(REPO_ROOT)
    inputs.check()
    work = Path(tempfile.mkdtemp(prefix="trillium-directory-scale-"))
    try:
        subprocess.run([sys.executable, str(REPO_ROOT / "Benchmarks" / "corpus.py"), "--pages", "20", "--services", str(SERVICES),
                        "--out", str(work / "corpus"), "--theme", str(REPO_ROOT / "Themes" / "default")],
                       check=True, capture_output=True, timeout=600)
        site = work / "corpus" / "trillium"
        public = work / "Public"
        result = subprocess.run([str(inputs.trillium_bin), "build", "--site", str(site), "--output", str(public), "--quiet"],
                                capture_output=True, text=True, timeout=900, env={**os.environ, "TRILLIUM_TODAY": "2026-12-01"})
        assert result.returncode == 0, f"the 3,000-service directory did not build:\n{result.stderr[-3000:]}"
        yield public
    finally:
        shutil.rmtree(work, ignore_errors=True)


def stylesheet_bytes(public: Path, page: bytes) -> int:
    total = 0
    for tag in re.findall(rb"<link[^>]+>", page):
        if b'rel="stylesheet"' not in tag or b'media="print"' in tag:
            continue
        href = re.search(rb'href="([^"]+)"', tag).group(1).decode()
        total += gzip9((public / href.lstrip("/")).read_bytes())
    return total


def directory_pages(public: Path) -> list[Path]:
    pages = []
    for language in ("en", "fr"):
        for folder in (public / language / "services", public / language / "embed"):
            for index in folder.rglob("index.html"):
                # A service's own page is one service; the lists are what grows with the directory.
                relative = index.relative_to(public / language / "services").parts if folder.name == "services" else ("embed",)
                if folder.name == "services" and len(relative) == 2 and relative[0] not in ("all", "tous"):
                    continue
                pages.append(index)
    return pages


def test_every_directory_page_fits_the_first_round_trip_at_3000_services(large_directory):
    pages = directory_pages(large_directory)
    assert len(pages) > 1000, f"only {len(pages)} list pages: the directory was not split"
    css = None
    over = []
    heaviest = (0, None)
    for page in pages:
        data = page.read_bytes()
        if css is None:
            css = stylesheet_bytes(large_directory, data)
        total = gzip9(data) + css
        heaviest = max(heaviest, (total, page.relative_to(large_directory).as_posix()))
        if total > PAGE_BUDGET:
            over.append(f"{page.relative_to(large_directory)}: {total} bytes")
    assert not over, f"{len(over)} directory pages over {PAGE_BUDGET} bytes (HTML + CSS, gzip -9):\n" + "\n".join(over[:20])
    assert heaviest[0] <= 50_000, f"the heaviest page, {heaviest[1]}, weighs {heaviest[0]} bytes"


def test_the_first_page_of_every_list_of_the_widgets_data_is_small(large_directory):
    lists = large_directory / "api" / "v1" / "lists"
    firsts = list(lists.rglob("1.json"))
    assert len(firsts) > 100, f"only {len(firsts)} lists in {lists}"
    over = [f"{f.relative_to(large_directory)}: {gzip9(f.read_bytes())} bytes" for f in firsts
            if "facets" not in f.parts and gzip9(f.read_bytes()) > WIDGET_FIRST_RENDER_BUDGET // 3]
    assert not over, "first pages of lists over a third of the widget's first-render budget:\n" + "\n".join(over[:20])
    everything = json.loads((lists / "en" / "all" / "1.json").read_text(encoding="utf-8"))
    assert everything["total_items"] == SERVICES, f"the list of every service holds {everything['total_items']}"


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_on_the_real_site_every_service_is_reached_without_javascript_from_the_directory(site, language):
    services = json.loads(site.file_for("/api/v1/services.json").read_text(encoding="utf-8"))["services"]
    ids = {service["id"] for service in services}
    start = f"/{language}/services/"
    queue, seen, reached = [start], {start}, set()
    while queue:
        path = queue.pop()
        file = site.file_for(path)
        assert file is not None, f"{path}, linked from the directory, does not exist"
        parser = _Links()
        parser.feed(file.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            href = href.replace(site.origin, "").split("#")[0]
            if not href.startswith(start) or href in seen:
                continue
            seen.add(href)
            rest = href[len(start):].strip("/")
            if rest in ids:
                reached.add(rest)
            else:
                queue.append(href)
    assert reached == ids, f"not reached from {start} by links: {sorted(ids - reached)[:10]}"
