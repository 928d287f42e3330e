"""Session fixtures for the browser and output tests.

The site is built once per session (see sitetest/build.py), served from
127.0.0.1 by a threaded server, and visited by one headless Chromium.
Tests that run once per page take the `page` parameter: a site path such as
`/fr/strategie/`, so a failure names the page.

Environment: TRILLIUM_BIN (the built `trillium` executable; defaults to
.build/debug/trillium), TRILLIUM_SITE (the repository root; defaults to the
folder two levels up). TRILLIUM_KEEP_OUTPUT=1 keeps the built site after a
passing run (it is always kept after a failing one).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Optional

import pytest

from sitetest import chromium
from sitetest.build import BuildFailed, BuildInputs, build_site, discover_pages
from sitetest.server import NEUTRAL_PATH, SiteServer
from sitetest.site import BuiltSite
from sitetest.visits import PageVisits

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILD_FAILED_ID = "site-build-failed"


class _Session:
    """Lazily builds and serves the site; remembers a failure instead of raising during collection."""

    def __init__(self) -> None:
        self.site: Optional[BuiltSite] = None
        self.error: Optional[str] = None
        self.workdir: Optional[Path] = None
        self.server: Optional[SiteServer] = None
        self._started = False

    def ensure(self) -> None:
        if self._started:
            return
        self._started = True
        try:
            inputs = BuildInputs.from_environment(REPO_ROOT)
            self.workdir = Path(tempfile.mkdtemp(prefix="trillium-browser-"))
            public = self.workdir / "public"
            # Bind the port first: the base URL and the quick-exit URL contain it.
            self.server = SiteServer(public)
            origin = self.server.origin
            build_site(inputs, self.workdir, base_url=origin + "/", neutral_url=origin + NEUTRAL_PATH)
            self.server.start()
            pages = discover_pages(public)
            if not pages:
                raise BuildFailed(f"the build wrote no pages into {public}")
            self.site = BuiltSite(self.workdir, public, self.server, pages)
        except BuildFailed as error:
            self.error = f"Could not build the site: {error}"
        except Exception as error:  # anything else in setup is reported the same way
            self.error = f"Could not set up the site under test: {type(error).__name__}: {error}"

    def close(self, keep: bool) -> Optional[Path]:
        if self.server is not None:
            self.server.stop()
        if self.workdir is not None and self.workdir.exists():
            if keep:
                return self.workdir
            shutil.rmtree(self.workdir, ignore_errors=True)
        return None


_SESSION = _Session()


# Parameters that stand for pages of the built site, and how to pick them.
PAGE_PARAMETERS = {
    "page": lambda site: site.pages,
    "keyboard_page": lambda site: site.keyboard_pages,
    "exit_page": lambda site: site.exit_pages,
    # Pages with the full site chrome (header, exit button); embed pages are made for iframes.
    "chrome_page": lambda site: [p for p in site.pages if site.kind_of(p) != "embed"],
}
NO_MATCHING_PAGE = "no-matching-page"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    for name, pick in PAGE_PARAMETERS.items():
        if name in metafunc.fixturenames:
            _SESSION.ensure()
            values = pick(_SESSION.site) if _SESSION.site is not None else [BUILD_FAILED_ID]
            values = values or [NO_MATCHING_PAGE]
            metafunc.parametrize(name, values, ids=values)


@pytest.fixture(scope="session")
def site() -> BuiltSite:
    _SESSION.ensure()
    if _SESSION.site is None:
        pytest.fail(_SESSION.error or "the site was not built", pytrace=False)
    return _SESSION.site


@pytest.fixture(autouse=True)
def _page_parameter_is_real(request: pytest.FixtureRequest) -> None:
    """Turn the placeholders used when there is nothing to test into clear failures."""
    for name in PAGE_PARAMETERS:
        if name in request.fixturenames:
            value = request.getfixturevalue(name)
            if value == BUILD_FAILED_ID:
                pytest.fail(_SESSION.error or "the site was not built", pytrace=False)
            if value == NO_MATCHING_PAGE:
                pytest.fail(f"the built site has no page suitable for `{name}`", pytrace=False)


@pytest.fixture(scope="session")
def driver(site: BuiltSite):
    try:
        browser = chromium.start_chromium(javascript=True)
    except chromium.BrowserUnavailable as error:
        pytest.fail(f"Headless Chromium is required for this test: {error}", pytrace=False)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def nojs_driver(site: BuiltSite):
    """A second Chromium with JavaScript disabled."""
    try:
        browser = chromium.start_chromium(javascript=False)
    except chromium.BrowserUnavailable as error:
        pytest.fail(f"Headless Chromium is required for this test: {error}", pytrace=False)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def visits(driver, site: BuiltSite) -> PageVisits:
    return PageVisits(driver, site)


@pytest.fixture
def js_driver(driver):
    """The shared Chromium, reset to the default window and no emulation after the test."""
    driver.set_window_size(1280, 900)
    yield driver
    try:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    except Exception:
        pass


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    site = _SESSION.site
    if site is not None and site.weight_table:
        terminalreporter.section("Trillium page weights (gzip -9: HTML + screen stylesheets)")
        for line in site.weight_table:
            terminalreporter.write_line(line)
    if _SESSION.error:
        terminalreporter.section("Trillium site build")
        terminalreporter.write_line(_SESSION.error)


def pytest_unconfigure(config: pytest.Config) -> None:
    failed = bool(getattr(config, "_trillium_failed", False))
    keep = failed or os.environ.get("TRILLIUM_KEEP_OUTPUT") == "1"
    kept = _SESSION.close(keep)
    if kept is not None:
        print(f"\nTrillium test output kept in {kept}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config._trillium_failed = exitstatus != 0  # type: ignore[attr-defined]
