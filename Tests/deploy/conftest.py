"""Session fixtures for the deployment tests (independent of Tests/browser).

Two copies of the site are built and each is served by its own nginx on
127.0.0.1, using the server block `trillium nginx-config` prints:
`subpath_site` at /humantrafficking/ and `root_site` at the domain root.
`crawls` runs LinkChecker over both at once (it throttles each host on its
own, so two crawls take the time of one).

Environment: TRILLIUM_BIN (default .build/debug/trillium), TRILLIUM_SITE (the
repository root). TRILLIUM_KEEP_OUTPUT=1 keeps the work folders; they are
always kept when a test here fails. nginx and linkchecker are required: a
missing one fails the tests, it does not skip them.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from deploysite.build import SiteSetupFailed, TrilliumInputs
from deploysite.crawl import CrawlReport, LinkCrawl, find_linkchecker
from deploysite.nginx import NginxFailed, find_nginx
from deploysite.site import DeployedSite, deploy

REPO_ROOT = Path(__file__).resolve().parents[2]
SUBPATH = "/humantrafficking/"

_failed = False
_kept: list[Path] = []
_crawl_lines: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    # Called through the test item's own hooks, so only for tests in this folder.
    global _failed
    if report.failed:
        _failed = True


@pytest.fixture(scope="session")
def nginx_bin() -> str:
    found = find_nginx()
    if not found:
        pytest.fail("nginx is required for the deployment tests (Debian package nginx-light); it was not found", pytrace=False)
    return found


@pytest.fixture(scope="session")
def linkchecker_bin() -> str:
    found = find_linkchecker()
    if not found:
        pytest.fail("linkchecker is required for the deployment tests (Debian package linkchecker); it was not found", pytrace=False)
    return found


@pytest.fixture(scope="session")
def trillium_inputs() -> TrilliumInputs:
    return TrilliumInputs.from_environment(REPO_ROOT)


def _deployed(name: str, inputs: TrilliumInputs, nginx: str, base_path: str):
    try:
        site = deploy(name, inputs, nginx, base_path)
    except (SiteSetupFailed, NginxFailed) as error:
        site, problem = None, f"Could not serve the site at {base_path} with nginx: {error}"
    if site is None:
        pytest.fail(problem, pytrace=False)  # outside `except`, so the report shows only the message
    yield site
    keep = _failed or os.environ.get("TRILLIUM_KEEP_OUTPUT") == "1"
    site.stop(keep)
    if keep:
        _kept.append(site.workdir)


@pytest.fixture(scope="session")
def subpath_site(trillium_inputs: TrilliumInputs, nginx_bin: str):
    yield from _deployed("subpath", trillium_inputs, nginx_bin, SUBPATH)


@pytest.fixture(scope="session")
def root_site(trillium_inputs: TrilliumInputs, nginx_bin: str):
    yield from _deployed("root", trillium_inputs, nginx_bin, "/")


def crawl_start_urls(site: DeployedSite) -> list[str]:
    """The home page and the sitemap, plus pages no other page links to: 404 pages and embed pages."""
    urls = [site.url(""), site.url("sitemap.xml")]
    for page in site.html_pages():
        path = site.site_path_of(page)
        if page.name == "404.html" or "/embed/" in "/" + path:
            urls.append(site.url(path))
    return urls


@pytest.fixture(scope="session")
def crawls(linkchecker_bin: str, subpath_site: DeployedSite, root_site: DeployedSite) -> dict[str, CrawlReport]:
    running = {
        site.name: LinkCrawl(linkchecker_bin, site.workdir / "linkchecker", crawl_start_urls(site)).start()
        for site in (subpath_site, root_site)
    }
    try:
        reports = {name: crawl.finish() for name, crawl in running.items()}
    finally:
        for crawl in running.values():
            crawl.stop()
    for site in (subpath_site, root_site):
        report = reports[site.name]
        per_language = ", ".join(
            f"{lang}: {len(report.fetched_under(site.url(lang + '/')))} URLs" for lang in ("en", "fr")
        )
        _crawl_lines.append(
            f"{site.base_url}: {report.links} links in {report.urls} URLs checked, "
            f"{len(report.broken)} broken; fetched {per_language}; exit status {report.returncode}"
        )
    return reports


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if _crawl_lines:
        terminalreporter.section("Trillium deployment crawl (nginx + LinkChecker)")
        for line in _crawl_lines:
            terminalreporter.write_line(line)
    if _kept:
        terminalreporter.section("Trillium deployment test output kept")
        for path in _kept:
            terminalreporter.write_line(str(path))
