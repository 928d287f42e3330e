"""Fixtures for the editor's browser tests: a copy of the site in a fresh git repository (with a
bare repository as its remote), `trillium serve` on it at a free port, and headless Chromium.

Environment: TRILLIUM_BIN (default .build/debug/trillium), TRILLIUM_SITE (the repository root).
The real repository is never touched: everything happens in a temporary folder.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "browser"))

from sitetest import chromium  # noqa: E402
from trillium_site_copy import TrilliumInputs, copy_site  # noqa: E402

REPO_ROOT = HERE.parents[1]


def git(folder: Path, *arguments: str) -> str:
    result = subprocess.run(["git", *arguments], cwd=folder, capture_output=True, text=True, check=True)
    return result.stdout


class EditorSite:
    """The served copy: its folder, the editor's address, and helpers to read and write its files."""

    def __init__(self, root: Path, remote: Path, port: int, process: subprocess.Popen, log: Path):
        self.root = root
        self.remote = remote
        self.port = port
        self.process = process
        self.log = log
        self.origin = f"http://127.0.0.1:{port}"

    def url(self, path: str) -> str:
        return self.origin + path

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        (self.root / relative).write_text(text, encoding="utf-8")

    def token(self) -> str:
        with urllib.request.urlopen(self.url("/_edit/en/")) as response:
            html = response.read().decode("utf-8")
        match = re.search(r'name="trillium-editor-token" content="([0-9a-f]+)"', html)
        assert match, "the editor's list has no token"
        return match.group(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def editor_site():
    inputs = TrilliumInputs.from_environment(REPO_ROOT)
    work = Path(tempfile.mkdtemp(prefix="trillium-editor-"))
    root = copy_site(inputs, work / "site", "http://127.0.0.1:9/")
    remote = work / "remote.git"
    git(work, "init", "-q", "--bare", str(remote))
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Editor Test")
    git(root, "config", "user.email", "editor@example.org")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "The site as copied")
    git(root, "remote", "add", "origin", str(remote))
    git(root, "push", "-q", "origin", "main")
    port = free_port()
    log = work / "serve.log"
    env = dict(os.environ, TRILLIUM_TODAY="2026-12-01")
    process = subprocess.Popen([str(inputs.trillium_bin), "serve", "--site", str(root), "--port", str(port)],
                               stdout=log.open("w"), stderr=subprocess.STDOUT, env=env)
    site = EditorSite(root, remote, port, process, log)
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(site.url("/_edit/en/"), timeout=30) as response:
                if response.status == 200:
                    break
        except Exception:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"trillium serve did not start:\n{log.read_text()}", pytrace=False)
        time.sleep(0.3)
    yield site
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    if os.environ.get("TRILLIUM_KEEP_OUTPUT") == "1":
        print(f"\nEditor test folder kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def browser(editor_site):
    try:
        driver = chromium.start_chromium(javascript=True)
    except chromium.BrowserUnavailable as error:
        pytest.fail(f"Headless Chromium is required for this test: {error}", pytrace=False)
    driver.set_window_size(1400, 1000)
    yield driver
    driver.quit()
