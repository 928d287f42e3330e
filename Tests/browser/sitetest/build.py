"""Build the site once for the whole test session, into a temporary folder.

The site's sources are copied first so the copy's `Content/site.yaml` can
point "Exit this page" at the local neutral page: a test must never make the
browser leave 127.0.0.1.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

BUILD_TIMEOUT_SECONDS = 600


class BuildFailed(Exception):
    """The generator could not be run, or exited with an error."""


@dataclass(frozen=True)
class BuildInputs:
    trillium_bin: Path
    site_root: Path

    @staticmethod
    def from_environment(default_site_root: Path) -> "BuildInputs":
        site = Path(os.environ.get("TRILLIUM_SITE") or default_site_root).resolve()
        binary = os.environ.get("TRILLIUM_BIN")
        trillium = Path(binary).resolve() if binary else site / ".build" / "debug" / "trillium"
        return BuildInputs(trillium, site)


def point_quick_exit_at(site_yaml: str, url: str) -> str:
    """Replace the value of the top-level `quickExitURL:` key."""
    pattern = re.compile(r"^quickExitURL:[^\n]*$", re.MULTILINE)
    if not pattern.search(site_yaml):
        raise BuildFailed("Content/site.yaml has no top-level `quickExitURL:` key to point at the local neutral page")
    return pattern.sub(lambda _: f'quickExitURL: "{url}"', site_yaml, count=1)


def build_site(inputs: BuildInputs, workdir: Path, base_url: str, neutral_url: str) -> Path:
    """Copy the sources into `workdir/site`, build into `workdir/public`, return the output folder."""
    if not inputs.trillium_bin.is_file() or not os.access(inputs.trillium_bin, os.X_OK):
        raise BuildFailed(
            f"the trillium executable was not found at {inputs.trillium_bin}; "
            "build it first and set TRILLIUM_BIN to its path"
        )
    content = inputs.site_root / "Content"
    if not content.is_dir():
        raise BuildFailed(f"no Content folder in TRILLIUM_SITE={inputs.site_root}")
    copy = workdir / "site"
    shutil.copytree(content, copy / "Content")
    themes = inputs.site_root / "Themes"
    if themes.is_dir():
        shutil.copytree(themes, copy / "Themes")
    site_yaml = copy / "Content" / "site.yaml"
    if not site_yaml.is_file():
        raise BuildFailed("Content/site.yaml is missing")
    site_yaml.write_text(point_quick_exit_at(site_yaml.read_text(encoding="utf-8"), neutral_url), encoding="utf-8")

    public = workdir / "public"
    command = [
        str(inputs.trillium_bin), "build",
        "--site", str(copy),
        "--output", str(public),
        "--base-url", base_url,
    ]
    try:
        result = subprocess.run(
            command, cwd=copy, capture_output=True, text=True, timeout=BUILD_TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired as error:
        raise BuildFailed(f"`trillium build` did not finish in {BUILD_TIMEOUT_SECONDS} s:\n{error.stderr or ''}") from error
    except OSError as error:
        raise BuildFailed(f"could not run {inputs.trillium_bin}: {error}") from error
    if result.returncode != 0:
        raise BuildFailed(
            f"`trillium build` exited with status {result.returncode}.\n"
            f"--- stderr ---\n{result.stderr}\n--- stdout ---\n{result.stdout}"
        )
    if not (public / "index.html").is_file():
        raise BuildFailed(f"`trillium build` succeeded but wrote no index.html into {public}.\n{result.stderr}")
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
