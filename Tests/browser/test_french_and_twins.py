"""Canadian French typography, and English/French twins that find each other.

PYTEST_DONT_REWRITE: every assert carries its own message; pytest's rewritten
form would repeat whole page records in the output.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Iterator, Optional

from sitetest.french import english_spacing_problems, french_spacing_problems, text_blocks
from sitetest.markup import Element

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
HTML_LANG = {"en": "en", "fr": "fr-CA"}
OTHER = {"en": "fr", "fr": "en"}


def _sections(root: Element, language: str) -> Iterator[Element]:
    """Top-most elements whose own lang is `language` (or a regional form of it)."""
    def effective(el: Element) -> str:
        for node in [el, *el.ancestors()]:
            if node.get("lang"):
                return (node.get("lang") or "").lower()
        return ""

    for el in root.iter():
        lang = (el.get("lang") or "").lower()
        if lang.startswith(language) and (el.parent is None or not effective(el.parent).startswith(language)):
            yield el


def _blocks(site, page: str, language: str) -> list[str]:
    html = site.document(page).html
    assert html is not None, f"{page} has no <html> element"
    blocks: list[str] = []
    for section in _sections(html, language):
        blocks.extend(text_blocks(section, language))
    return blocks


def test_french_text_uses_canadian_french_spacing(page, site):
    problems = [p for block in _blocks(site, page, "fr") for p in french_spacing_problems(block)]
    assert not problems, f"{len(problems)} French spacing problems on {page}:\n" + "\n".join(problems[:30])


def test_english_text_has_no_narrow_no_break_spaces(page, site):
    problems = [p for block in _blocks(site, page, "en") for p in english_spacing_problems(block)]
    assert not problems, f"French typography leaked into English text on {page}:\n" + "\n".join(problems[:30])


def test_every_page_declares_its_language(page, site):
    html = site.document(page).html
    lang = html.get("lang") if html is not None else None
    language = site.language_of(page)
    if language is None:
        assert lang in HTML_LANG.values(), f"{page} has <html lang={lang!r}>, expected en or fr-CA"
    else:
        assert lang == HTML_LANG[language], f"{page} has <html lang={lang!r}>, expected {HTML_LANG[language]!r}"


def _toggle(site, page: str) -> Optional[Element]:
    toggles = site.document(page).select_class("language-toggle")
    return toggles[0] if toggles else None


def _language_key(hreflang: str) -> str:
    """`fr-CA` → `fr`; `x-default` stays as it is."""
    hreflang = hreflang.lower()
    return hreflang if hreflang == "x-default" else hreflang.split("-")[0]


def _alternates(site, page: str) -> dict[str, Optional[str]]:
    """Language (en, fr, x-default) → site path (None when the link leaves the site)."""
    found: dict[str, Optional[str]] = {}
    for link in site.document(page).links("alternate"):
        hreflang = link.get("hreflang")
        if hreflang:
            found[_language_key(hreflang)] = site.site_path(page, link.get("href") or "")
    return found


def test_language_toggle_leads_to_the_twin_and_back(chrome_page, site):
    page = chrome_page
    language = site.language_of(page)
    toggle = _toggle(site, page)
    if language is None:
        assert toggle is None or site.page_exists(page, toggle.get("href") or ""), "the root page's toggle leads nowhere"
        return
    assert toggle is not None, f"{page} has no .language-toggle"
    other = OTHER[language]
    twin = site.site_path(page, toggle.get("href") or "")
    assert twin is not None and site.file_for(twin) is not None, f"the language toggle on {page} leads to a missing page: {toggle.get('href')!r}"
    assert site.language_of(twin) == other, f"the toggle on {page} leads to {twin}, not a {other} page"
    assert (toggle.get("hreflang") or "").lower().startswith(other), f"the toggle on {page} has hreflang={toggle.get('hreflang')!r}"
    assert (toggle.get("lang") or "").lower().startswith(other), f"the toggle on {page} has lang={toggle.get('lang')!r}"
    back = _toggle(site, twin)
    assert back is not None, f"the twin {twin} of {page} has no language toggle"
    assert site.site_path(twin, back.get("href") or "") == page, (
        f"{page} → {twin}, but the toggle on {twin} leads to {back.get('href')!r}"
    )


def test_hreflang_alternates_name_existing_twins_both_ways(page, site):
    alternates = _alternates(site, page)
    language = site.language_of(page)
    kind = site.kind_of(page)
    for hreflang, target in alternates.items():
        assert target is not None and site.file_for(target) is not None, (
            f"{page}: <link rel=alternate hreflang={hreflang}> leads to a missing page ({target})"
        )
    if kind != "content":
        return
    missing = {"en", "fr", "x-default"} - alternates.keys()
    assert not missing, f"{page} lacks <link rel=alternate> for hreflang {sorted(missing)}"
    assert alternates[language] == page, f"{page}: its own hreflang={language} alternate is {alternates[language]}"
    twin = alternates[OTHER[language]]
    toggle = _toggle(site, page)
    if toggle is not None:
        assert site.site_path(page, toggle.get("href") or "") == twin, (
            f"{page}: the language toggle and the hreflang={OTHER[language]} alternate disagree"
        )
    twin_alternates = _alternates(site, twin)
    assert twin_alternates.get(language) == page, (
        f"{page} names {twin} as its twin, but {twin} names {twin_alternates.get(language)} as its {language} version"
    )
    assert twin_alternates.get("x-default") == alternates["x-default"], f"{page} and {twin} disagree on x-default"


def _sitemap_entries(site) -> dict[str, dict[str, str]]:
    """loc (site path) → {hreflang: site path} for every URL in the sitemap(s)."""
    root_file = site.public / "sitemap.xml"
    assert root_file.is_file(), "the site has no sitemap.xml"
    entries: dict[str, dict[str, str]] = {}
    queue = [root_file]
    while queue:
        tree = ET.parse(queue.pop())
        root = tree.getroot()
        if root.tag == SITEMAP_NS + "sitemapindex":
            for loc in root.iter(SITEMAP_NS + "loc"):
                path = site.site_path("/", (loc.text or "").strip())
                assert path is not None, f"sitemap index lists a foreign sitemap {loc.text}"
                queue.append(site.public / path.lstrip("/"))
            continue
        assert root.tag == SITEMAP_NS + "urlset", f"unexpected sitemap root element {root.tag}"
        for url in root.findall(SITEMAP_NS + "url"):
            loc = (url.findtext(SITEMAP_NS + "loc") or "").strip()
            assert loc.startswith(site.base_url), f"sitemap <loc> {loc!r} is not an absolute URL under {site.base_url}"
            alternates = {}
            for link in url.findall(XHTML_NS + "link"):
                if link.get("rel") == "alternate" and link.get("hreflang"):
                    href = link.get("href") or ""
                    assert href.startswith(site.base_url), f"sitemap alternate {href!r} is not under {site.base_url}"
                    alternates[_language_key(link.get("hreflang"))] = site.site_path("/", href)
            entries[site.site_path("/", loc)] = alternates
    return entries


def test_sitemap_lists_existing_pages_whose_alternates_pair_up(site):
    entries = _sitemap_entries(site)
    assert entries, "the sitemap lists no URLs"
    problems = []
    for loc, alternates in entries.items():
        if site.file_for(loc) is None:
            problems.append(f"{loc} is in the sitemap but does not exist")
            continue
        for hreflang, target in alternates.items():
            if target is None or site.file_for(target) is None:
                problems.append(f"{loc}: alternate hreflang={hreflang} → missing page {target}")
        language = site.language_of(loc)
        if language in OTHER and OTHER[language] in alternates:
            twin = alternates[OTHER[language]]
            if entries.get(twin, {}).get(language) != loc:
                problems.append(f"{loc} → {twin}, but the sitemap entry for {twin} does not point back")
        if language in OTHER and site.kind_of(loc) == "content" and loc in site.pages:
            head = {k: v for k, v in _alternates(site, loc).items() if k in ("en", "fr")}
            listed = {k: v for k, v in alternates.items() if k in ("en", "fr")}
            if head != listed:
                problems.append(f"{loc}: sitemap alternates {listed} differ from the page's {head}")
    assert not problems, f"{len(problems)} sitemap problems:\n" + "\n".join(problems[:30])

