"""Checks shared by the subpath and domain-root tests; each returns a list of problems (empty when fine)."""
from __future__ import annotations

import json
import re
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

from .crawl import CrawlReport
from .http import Response, fetch
from .site import DeployedSite

ONE_YEAR = 31536000
HASHED_NAME = re.compile(r"\.[0-9a-f]{8,}\.[A-Za-z0-9]+$")
ABSOLUTE_URL = re.compile(r"https?://127\.0\.0\.1:\d+/[^\s\"'<>\\)]*")


def parse_csp(policy: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        tokens = part.split()
        if tokens:
            directives.setdefault(tokens[0].lower(), tokens[1:])
    return directives


def cache_directives(value: str) -> dict[str, str]:
    result = {}
    for part in value.split(","):
        name, _, argument = part.strip().partition("=")
        if name:
            result[name.lower()] = argument
    return result


def security_header_problems(response: Response, frame_ancestors: str = "'none'") -> list[str]:
    """The headers every HTML response needs: one strict CSP, no referrer, nosniff, no cookies."""
    problems = []
    where = response.url
    if response.header_count("Content-Security-Policy") != 1:
        problems.append(f"{where}: {response.header_count('Content-Security-Policy')} Content-Security-Policy headers, expected 1")
    policy = parse_csp(response.header("Content-Security-Policy"))
    if policy.get("frame-ancestors") != [frame_ancestors]:
        problems.append(f"{where}: frame-ancestors is {policy.get('frame-ancestors')}, expected {frame_ancestors}")
    if policy.get("default-src") != ["'none'"]:
        problems.append(f"{where}: default-src is {policy.get('default-src')}, expected 'none'")
    for name in ("script-src", "style-src"):
        if policy.get(name) != ["'self'"]:
            problems.append(f"{where}: {name} is {policy.get(name)}, expected 'self' only")
    if "unsafe-inline" in response.header("Content-Security-Policy") or "unsafe-eval" in response.header("Content-Security-Policy"):
        problems.append(f"{where}: the policy allows unsafe-inline or unsafe-eval")
    if response.header("Referrer-Policy").lower() != "no-referrer":
        problems.append(f"{where}: Referrer-Policy is {response.header('Referrer-Policy')!r}, expected no-referrer")
    if response.header("X-Content-Type-Options").lower() != "nosniff":
        problems.append(f"{where}: X-Content-Type-Options is {response.header('X-Content-Type-Options')!r}, expected nosniff")
    if response.header("Set-Cookie"):
        problems.append(f"{where}: sets a cookie")
    return problems


def html_page_problems(response: Response, frame_ancestors: str = "'none'", status: int = 200) -> list[str]:
    """An HTML page: status, UTF-8 HTML type, security headers, and a cache that revalidates."""
    problems = []
    if response.status != status:
        return [f"{response.url}: status {response.status}, expected {status}"]
    content_type = response.header("Content-Type").lower().replace(" ", "")
    if content_type != "text/html;charset=utf-8":
        problems.append(f"{response.url}: Content-Type is {response.header('Content-Type')!r}, expected text/html; charset=utf-8")
    problems += security_header_problems(response, frame_ancestors)
    cache = cache_directives(response.header("Cache-Control"))
    revalidates = "no-cache" in cache or (cache.get("max-age") == "0" and "must-revalidate" in cache)
    if not revalidates or "immutable" in cache:
        problems.append(f"{response.url}: Cache-Control is {response.header('Cache-Control')!r}; an HTML page must be revalidated")
    return problems


def immutable_asset_problems(response: Response) -> list[str]:
    if response.status != 200:
        return [f"{response.url}: status {response.status}"]
    cache = cache_directives(response.header("Cache-Control"))
    max_age = cache.get("max-age", "")
    if "immutable" not in cache or not max_age.isdigit() or int(max_age) < ONE_YEAR:
        return [f"{response.url}: Cache-Control is {response.header('Cache-Control')!r}, expected immutable with max-age >= {ONE_YEAR}"]
    return []


def cors_problems(response: Response) -> list[str]:
    if response.header("Access-Control-Allow-Origin") != "*":
        return [f"{response.url}: Access-Control-Allow-Origin is {response.header('Access-Control-Allow-Origin')!r}, expected *"]
    return []


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "poster") and value is not None:
                self.targets.append(value)
            elif name == "srcset" and value:
                self.targets += [item.strip().split(" ")[0] for item in value.split(",") if item.strip()]


def link_targets(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.targets


def depth_independent_link_problems(page: Path, html: str) -> list[str]:
    """A 404 page is served at any URL, so a relative link in it would point somewhere else each time."""
    allowed = ("/", "#", "http://", "https://", "tel:", "mailto:", "sms:")
    return [f"{page}: relative link {target!r} breaks when the page is served for a deep missing URL"
            for target in link_targets(html) if not target.startswith(allowed)]


def headers_file_rules(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """`_headers` rules as (path pattern, [(name, value)]); `! Name` detach lines are kept with value None."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not raw[0].isspace():
            rules.append((raw.strip(), []))
        elif rules:
            line = raw.strip()
            if line.startswith("!"):
                rules[-1][1].append((line[1:].strip(), None))
            else:
                name, _, value = line.partition(":")
                rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_file_problems(text: str, base_path: str) -> list[str]:
    """The `_headers` rules sit under the base path and carry the same policies as the nginx block."""
    problems = []
    rules = headers_file_rules(text)
    if not rules:
        return ["_headers has no rules"]
    by_path = {path: dict(headers) for path, headers in rules}
    for path, _ in rules:
        if not path.startswith(base_path):
            problems.append(f"_headers rule {path!r} is outside the base path {base_path}")
    expectations = {
        base_path + "*": {"Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff"},
        base_path + "api/*": {"Access-Control-Allow-Origin": "*"},
        base_path + "embed.js": {"Access-Control-Allow-Origin": "*"},
    }
    for path, wanted in expectations.items():
        headers = by_path.get(path)
        if headers is None:
            problems.append(f"_headers has no rule for {path}")
            continue
        for name, value in wanted.items():
            if headers.get(name) != value:
                problems.append(f"_headers {path}: {name} is {headers.get(name)!r}, expected {value!r}")
    everything = by_path.get(base_path + "*", {})
    if parse_csp(everything.get("Content-Security-Policy") or "").get("frame-ancestors") != ["'none'"]:
        problems.append(f"_headers {base_path}*: the policy does not say frame-ancestors 'none'")
    if cache_directives(everything.get("Cache-Control") or "").get("max-age") != "0":
        problems.append(f"_headers {base_path}*: pages are not revalidated (Cache-Control {everything.get('Cache-Control')!r})")
    for language in ("en", "fr"):
        embed = by_path.get(f"{base_path}{language}/embed/*")
        if embed is None or parse_csp(embed.get("Content-Security-Policy") or "").get("frame-ancestors") != ["*"]:
            problems.append(f"_headers has no {base_path}{language}/embed/* rule allowing frame-ancestors *")
    assets = by_path.get(base_path + "assets/*", {})
    if "immutable" not in cache_directives(assets.get("Cache-Control") or ""):
        problems.append(f"_headers {base_path}assets/*: not immutable (Cache-Control {assets.get('Cache-Control')!r})")
    return problems


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    return []


def local_urls_in_data_files(site: DeployedSite) -> dict[str, str]:
    """URLs of the site named inside JSON, XML and JavaScript output (which LinkChecker does not read).

    Absolute URLs on the site's origin anywhere, and in JSON also string values that are paths under
    the base path (the search index stores paths). Returns URL → the file it was found in.
    """
    found: dict[str, str] = {}
    for file in sorted(site.public.rglob("*")):
        if file.suffix not in (".json", ".xml", ".js") or not file.is_file():
            continue
        text = file.read_text(encoding="utf-8", errors="replace")
        candidates = [url for url in ABSOLUTE_URL.findall(text) if url.startswith(site.origin + "/")]
        if file.suffix == ".json":
            try:
                data = json.loads(text)
            except ValueError:
                data = None
            for value in _strings(data):
                if value.startswith(site.base_path) and not value.startswith("//") and " " not in value:
                    candidates.append(site.origin + value)
        for url in candidates:
            clean = urllib.parse.urldefrag(url)[0].split("?")[0]
            # openapi.json's server URL is the base URL without its final slash: a prefix its paths
            # (`/api/v1/…`) are appended to, not an address of its own.
            if clean == site.origin + site.base_path.rstrip("/"):
                continue
            found.setdefault(clean, file.relative_to(site.public).as_posix())
    return found


def unresolved_urls(urls: dict[str, str]) -> list[str]:
    problems = []
    for url, source in sorted(urls.items()):
        response = fetch(url, method="HEAD")
        if response.status != 200:
            problems.append(f"{url} (named in {source}): status {response.status}")
    return problems


def crawl_problems(report: CrawlReport, site: DeployedSite, min_links: int, min_pages_per_language: int) -> list[str]:
    """The crawl really covered the site: enough links, both languages, and every built page reached."""
    problems = list(report.notes)
    if report.links < min_links:
        problems.append(f"LinkChecker checked only {report.links} links in {report.urls} URLs (expected at least {min_links})")
    for language in ("en", "fr"):
        count = len(report.fetched_under(site.url(language + "/")))
        if count < min_pages_per_language:
            problems.append(f"LinkChecker fetched only {count} URLs under {site.url(language + '/')} (expected at least {min_pages_per_language})")
    fetched = report.fetched_under(site.base_url)
    missed = [site.url(site.site_path_of(page)) for page in site.html_pages() if site.url(site.site_path_of(page)) not in fetched]
    if missed:
        problems.append("pages in the build that the crawl never reached (no link leads to them):\n  " + "\n  ".join(missed))
    return problems
