"""Shared by the browser and deployment suites: find `trillium`, copy the site, run the CLI.

The sources are copied first so the copy's `Content/site.yaml` can point "Exit this page" at a
127.0.0.1 address: no test may make a browser or a crawler leave the machine.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

TRILLIUM_TIMEOUT_SECONDS = 600


class SiteSetupFailed(Exception):
    """The generator was missing, or exited with an error."""


@dataclass(frozen=True)
class TrilliumInputs:
    """The `trillium` executable and the site folder (holding Content/ and Themes/)."""

    trillium_bin: Path
    site_root: Path

    @staticmethod
    def from_environment(default_site_root: Path) -> "TrilliumInputs":
        site = Path(os.environ.get("TRILLIUM_SITE") or default_site_root).resolve()
        binary = os.environ.get("TRILLIUM_BIN")
        trillium = Path(binary).resolve() if binary else site / ".build" / "debug" / "trillium"
        return TrilliumInputs(trillium, site)

    def check(self) -> None:
        if not self.trillium_bin.is_file() or not os.access(self.trillium_bin, os.X_OK):
            raise SiteSetupFailed(
                f"the trillium executable was not found at {self.trillium_bin}; "
                "build it first and set TRILLIUM_BIN to its path"
            )
        if not (self.site_root / "Content" / "site.yaml").is_file():
            raise SiteSetupFailed(f"no Content/site.yaml in TRILLIUM_SITE={self.site_root}")


def with_quick_exit_url(site_yaml: str, url: str) -> str:
    """`site.yaml` text with the top-level `quickExitURL:` set to `url`."""
    pattern = re.compile(r"^quickExitURL:[^\n]*$", re.MULTILINE)
    if not pattern.search(site_yaml):
        raise SiteSetupFailed("Content/site.yaml has no top-level `quickExitURL:` key")
    return pattern.sub(lambda _: f'quickExitURL: "{url}"', site_yaml, count=1)


def copy_site(inputs: TrilliumInputs, destination: Path, quick_exit_url: str) -> Path:
    """Copy Content/ (and Themes/ if present) into `destination`, with a local quick-exit URL."""
    inputs.check()
    shutil.copytree(inputs.site_root / "Content", destination / "Content")
    themes = inputs.site_root / "Themes"
    if themes.is_dir():
        shutil.copytree(themes, destination / "Themes")
    site_yaml = destination / "Content" / "site.yaml"
    site_yaml.write_text(with_quick_exit_url(site_yaml.read_text(encoding="utf-8"), quick_exit_url), encoding="utf-8")
    return destination


def run_trillium(inputs: TrilliumInputs, arguments: list[str], cwd: Path) -> str:
    """Run `trillium` with `arguments`; return its standard output or raise with its messages."""
    command = [str(inputs.trillium_bin), *arguments]
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=TRILLIUM_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as error:
        raise SiteSetupFailed(f"`trillium {arguments[0]}` did not finish in {TRILLIUM_TIMEOUT_SECONDS} s") from error
    except OSError as error:
        raise SiteSetupFailed(f"could not run {inputs.trillium_bin}: {error}") from error
    if result.returncode != 0:
        raise SiteSetupFailed(
            f"`trillium {' '.join(arguments)}` exited with status {result.returncode}.\n"
            f"--- stderr ---\n{result.stderr}\n--- stdout ---\n{result.stdout}"
        )
    return result.stdout


def build_site(inputs: TrilliumInputs, site_copy: Path, public: Path, base_url: str) -> None:
    """Build the copy into `public` under `base_url`."""
    run_trillium(inputs, ["build", "--site", str(site_copy), "--output", str(public), "--base-url", base_url], cwd=site_copy)
    if not (public / "index.html").is_file():
        raise SiteSetupFailed(f"`trillium build` succeeded but wrote no index.html into {public}")
