"""Each page fits the first round trip: HTML + screen CSS ≤ 14 KiB after gzip -9.

PYTEST_DONT_REWRITE: every assert carries its own message; pytest's rewritten
form would repeat whole page records in the output.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass

import pytest

BUDGET_BYTES = 14 * 1024


@dataclass(frozen=True)
class PageWeight:
    page: str
    html: int
    css: int
    stylesheets: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def total(self) -> int:
        return self.html + self.css


def gzip9(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def screen_stylesheets(site, page: str) -> list[str]:
    sheets = []
    for link in site.document(page).links("stylesheet"):
        if (link.get("media") or "").strip().lower() == "print":
            continue
        sheets.append(link.get("href") or "")
    return sheets


@pytest.fixture(scope="session")
def page_weights(site) -> dict[str, PageWeight]:
    weights: dict[str, PageWeight] = {}
    for page in site.pages:
        html = gzip9(site.file_for(page).read_bytes())
        css, hrefs, missing = 0, [], []
        for href in screen_stylesheets(site, page):
            target = site.site_path(page, href)
            file = site.file_for(target) if target else None
            if file is None:
                missing.append(href)
                continue
            hrefs.append(href)
            css += gzip9(file.read_bytes())
        weights[page] = PageWeight(page, html, css, tuple(hrefs), tuple(missing))

    width = max(len(p) for p in weights)
    lines = [f"{'page'.ljust(width)}  {'html':>6}  {'css':>6}  {'total':>6}  budget {BUDGET_BYTES}"]
    for w in sorted(weights.values(), key=lambda w: -w.total):
        flag = "  OVER" if w.total > BUDGET_BYTES else ""
        lines.append(f"{w.page.ljust(width)}  {w.html:>6}  {w.css:>6}  {w.total:>6}{flag}")
    (site.workdir / "weights.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    site.weight_table[:] = lines
    return weights


def test_every_page_with_its_screen_css_is_at_most_14_kib_gzipped(page, page_weights):
    w = page_weights[page]
    assert not w.missing, f"{page} links stylesheets that do not exist: {list(w.missing)}"
    assert w.total <= BUDGET_BYTES, (
        f"{page} weighs {w.total} bytes gzipped (HTML {w.html} + CSS {w.css} from {list(w.stylesheets)}), "
        f"over the {BUDGET_BYTES}-byte budget"
    )
