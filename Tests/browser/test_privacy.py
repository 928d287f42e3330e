"""Privacy and content-security: nothing leaves the site, nothing is stored, nothing inline.

PYTEST_DONT_REWRITE: every assert carries its own message; pytest's rewritten
form would repeat whole page records in the output.
"""
from __future__ import annotations

import re
import urllib.parse

NOT_NETWORK_SCHEMES = ("data", "blob", "about")
EVENT_HANDLER = re.compile(r"^on[a-z]+$")
JAVASCRIPT_URL = re.compile(r"^[\s\x00-\x1f]*j[\s]*a[\s]*v[\s]*a[\s]*s[\s]*c[\s]*r[\s]*i[\s]*p[\s]*t[\s]*:", re.IGNORECASE)


def parse_csp(policy: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        tokens = part.split()
        if tokens:
            directives.setdefault(tokens[0].lower(), tokens[1:])
    return directives


def csp_problems(policy: str) -> list[str]:
    problems = []
    directives = parse_csp(policy)
    for name, sources in directives.items():
        for source in sources:
            lowered = source.lower()
            if lowered in ("'unsafe-inline'", "'unsafe-eval'"):
                problems.append(f"{name} allows {source}")
            elif "*" in source:
                problems.append(f"{name} allows the wildcard {source}")
            elif lowered.startswith("http:") or lowered.startswith("https:"):
                problems.append(f"{name} allows the origin or scheme {source}")
    for name in ("script-src", "style-src"):
        sources = directives.get(name, directives.get("default-src"))
        if sources is None:
            problems.append(f"no {name} (and no default-src)")
        elif not set(s.lower() for s in sources) <= {"'self'", "'none'"}:
            problems.append(f"{name} is {' '.join(sources)!r}, expected 'self' only")
    if "default-src" not in directives:
        problems.append("no default-src")
    return problems


def _visit(visits, page):
    visit = visits.get(page)
    assert visit.error is None, f"{page} could not be loaded: {visit.error}"
    return visit


def test_every_page_requests_nothing_from_other_hosts(page, site, visits):
    visit = _visit(visits, page)
    assert visit.requests, f"no network requests were recorded for {page} (is performance logging on?)"
    foreign = [
        u for u in visit.requests
        if urllib.parse.urlsplit(u).scheme not in NOT_NETWORK_SCHEMES and not u.startswith(site.origin + "/")
    ]
    assert not foreign, f"{page} made requests outside {site.origin}: {foreign}"


def test_every_page_sets_no_cookies_and_stores_nothing(page, visits):
    probe = _visit(visits, page).probe
    assert probe["cookie"] == "", f"document.cookie on {page} is {probe['cookie']!r}"
    assert probe["localStorage"] == [], f"{page} left localStorage keys {probe['localStorage']}"
    assert probe["sessionStorage"] == [], f"{page} left sessionStorage keys {probe['sessionStorage']}"


def test_every_page_starts_its_head_with_charset_then_a_strict_csp(page, site):
    head = site.document(page).head
    assert head is not None, f"{page} has no <head>"
    first_two = head.element_children[:2]
    assert first_two and first_two[0].tag == "meta" and "charset" in first_two[0].attrs, (
        f"the first element in the head of {page} is {first_two[0].describe() if first_two else 'nothing'}, "
        "not <meta charset>"
    )
    assert len(first_two) == 2 and first_two[1].tag == "meta" and (
        (first_two[1].get("http-equiv") or "").lower() == "content-security-policy"
    ), f"<meta charset> in {page} is not immediately followed by the Content-Security-Policy meta"
    policy = first_two[1].get("content") or ""
    problems = csp_problems(policy)
    assert not problems, f"the CSP of {page} is not strict enough ({policy!r}): " + "; ".join(problems)


def test_every_page_asks_for_no_referrer(page, site):
    metas = [m for m in site.document(page).find_all("meta") if (m.get("name") or "").lower() == "referrer"]
    assert metas, f"{page} has no <meta name=referrer>"
    assert [m.get("content") for m in metas] == ["no-referrer"], (
        f"{page} has referrer policy {[m.get('content') for m in metas]}, expected no-referrer"
    )


def test_every_page_has_no_inline_scripts_event_handlers_or_style_attributes(page, site):
    doc = site.document(page)
    problems = []
    for el in doc.root.iter():
        if el.tag == "script" and el.get("src") is None and (el.get("type") or "").lower() != "application/ld+json":
            problems.append(f"inline script {el.describe()}")
        for name, _ in el.raw_attrs:
            if EVENT_HANDLER.match(name):
                problems.append(f"event handler attribute {name}= on {el.describe()}")
            elif name == "style":
                problems.append(f"style= attribute on {el.describe()}")
        if el.tag == "style":
            problems.append(f"<style> element {el.describe()}")
    assert not problems, f"{page} has inline code or styles the CSP would block:\n" + "\n".join(problems)


def test_every_link_to_another_site_carries_noreferrer(page, site):
    missing = []
    for a in site.document(page).find_all("a"):
        href = (a.get("href") or "").strip()
        if not re.match(r"^https?://", href, re.IGNORECASE) or href.startswith(site.origin + "/"):
            continue
        if "noreferrer" not in (a.get("rel") or "").lower().split():
            missing.append(f"{href} ({a.describe()}, rel={a.get('rel')!r})")
    assert not missing, f"external links on {page} without rel=noreferrer:\n" + "\n".join(missing)


def test_no_page_contains_a_javascript_url(page, site):
    found = [
        f"{name}={value!r} on {el.describe()}"
        for el in site.document(page).root.iter()
        for name, value in el.raw_attrs
        if value and JAVASCRIPT_URL.match(value)
    ]
    assert not found, f"javascript: URLs in {page}: {found}"
