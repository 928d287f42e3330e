"""Build the site once for the whole test session, into a temporary folder.

The site's sources are copied first so the copy's `Content/site.yaml` can
point "Exit this page" at the local neutral page: a test must never make the
browser leave 127.0.0.1.
"""
from __future__ import annotations

import sys
from pathlib import Path

# The site copy and the CLI runner are shared with the deployment suite (Tests/trillium_site_copy.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from trillium_site_copy import SiteSetupFailed, TrilliumInputs, copy_site  # noqa: E402
from trillium_site_copy import build_site as build_copy  # noqa: E402

BuildFailed = SiteSetupFailed
BuildInputs = TrilliumInputs


def build_site(inputs: BuildInputs, workdir: Path, base_url: str, neutral_url: str) -> Path:
    """Copy the sources into `workdir/site`, build into `workdir/public`, return the output folder."""
    copy = copy_site(inputs, workdir / "site", neutral_url)
    public = workdir / "public"
    build_copy(inputs, copy, public, base_url)
    return public


def discover_pages(public: Path) -> list[str]:
    """URL paths of every page under test: root, every index.html in en/ and fr/, and the 404 pages."""
    paths: set[str] = set()
    if (public / "index.html").is_file():
        paths.add("/")
    for lang in ("en", "fr"):
        folder = public / lang
        if not folder.is_dir():
            continue
        for index in folder.rglob("index.html"):
            rel = index.parent.relative_to(public).as_posix()
            paths.add(f"/{rel}/")
    for page in public.rglob("404.html"):
        paths.add("/" + page.relative_to(public).as_posix())
    return sorted(paths, key=_page_order)


def _page_order(path: str) -> tuple:
    # Root first, then English, then French; shallow pages before deep ones.
    lang_rank = {"": 0, "en": 1, "fr": 2}.get(path.strip("/").split("/")[0] if path != "/" else "", 3)
    return (lang_rank, path.count("/"), path)
