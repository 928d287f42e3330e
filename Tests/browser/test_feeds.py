"""Update feeds: Atom and JSON Feed 1.1 per language, advertised by the pages.

PYTEST_DONT_REWRITE: every assert carries its own message; pytest's rewritten
form would repeat whole page records in the output.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Optional

import pytest

ATOM = "application/atom+xml"
JSON_FEED = "application/feed+json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
MINIMUM_ENTRIES = 3


def updates_index(site, language: str) -> str:
    """The updates section's first page in a language (the French one is found through the toggle)."""
    if language == "en":
        assert "/en/updates/" in site.pages, "there is no /en/updates/ page"
        return "/en/updates/"
    toggles = site.document("/en/updates/").select_class("language-toggle")
    assert toggles, "/en/updates/ has no language toggle to find the French updates page"
    path = site.site_path("/en/updates/", toggles[0].get("href") or "")
    assert path in site.pages, f"the French updates page {path} does not exist"
    return path


def advertised_feed(site, page: str, media_type: str) -> Optional[str]:
    for link in site.document(page).links("alternate"):
        if (link.get("type") or "").lower() == media_type:
            return site.site_path(page, link.get("href") or "")
    return None


@pytest.fixture(params=["en", "fr"])
def language(request) -> str:
    return request.param


def test_updates_pages_advertise_both_feeds(site, language):
    page = updates_index(site, language)
    for media_type in (ATOM, JSON_FEED):
        feed = advertised_feed(site, page, media_type)
        assert feed is not None, f'{page} has no <link rel="alternate" type="{media_type}">'
        assert site.file_for(feed) is not None, f"{page} advertises {feed}, which does not exist"
        assert site.language_of(feed) == language, f"{page} advertises a feed of another language: {feed}"


def test_every_advertised_feed_exists(page, site):
    for media_type in (ATOM, JSON_FEED):
        feed = advertised_feed(site, page, media_type)
        if feed is not None:
            assert site.file_for(feed) is not None, f"{page} advertises a missing {media_type} feed: {feed}"


def _feed_path(site, language: str, media_type: str, fallback: str) -> str:
    advertised = advertised_feed(site, updates_index(site, language), media_type)
    return advertised or f"/{language}/updates/{fallback}"


def test_atom_feed_parses_cleanly_with_absolute_links_ids_and_dates(site, language):
    import feedparser

    path = _feed_path(site, language, ATOM, "feed.xml")
    file = site.file_for(path)
    assert file is not None, f"no Atom feed at {path}"
    feed = feedparser.parse(file.read_bytes())
    assert feed.bozo == 0, f"{path} is not well-formed: {feed.get('bozo_exception')}"
    assert feed.version == "atom10", f"{path} is {feed.version!r}, not Atom 1.0"
    assert feed.feed.get("title"), f"{path} has no title"
    assert len(feed.entries) >= MINIMUM_ENTRIES, f"{path} has {len(feed.entries)} entries"
    problems = []
    for entry in feed.entries:
        name = entry.get("title", "?")
        link = entry.get("link", "")
        if not link.startswith(site.base_url):
            problems.append(f"{name}: link {link!r} is not absolute under {site.base_url}")
        elif site.file_for(site.site_path("/", link)) is None:
            problems.append(f"{name}: link {link} leads to a missing page")
        if not entry.get("id"):
            problems.append(f"{name}: no id")
        if not (entry.get("updated_parsed") or entry.get("published_parsed")):
            problems.append(f"{name}: no date")
    assert not problems, f"{path}:\n" + "\n".join(problems)


def _rfc3339(value: str) -> bool:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return False
    return "T" in value


def test_json_feed_is_version_1_1_with_complete_items(site, language):
    path = _feed_path(site, language, JSON_FEED, "feed.json")
    file = site.file_for(path)
    assert file is not None, f"no JSON feed at {path}"
    feed = json.loads(file.read_text(encoding="utf-8"))
    assert feed.get("version") == JSON_FEED_VERSION, f"{path} has version {feed.get('version')!r}"
    assert feed.get("title"), f"{path} has no title"
    items = feed.get("items")
    assert isinstance(items, list) and len(items) >= MINIMUM_ENTRIES, f"{path} has {len(items or [])} items"
    problems = []
    for item in items:
        name = item.get("title") or item.get("id") or "?"
        if not item.get("id"):
            problems.append(f"{name}: no id")
        url = item.get("url", "")
        if not url.startswith(site.base_url):
            problems.append(f"{name}: url {url!r} is not absolute under {site.base_url}")
        elif site.file_for(site.site_path("/", url)) is None:
            problems.append(f"{name}: url {url} leads to a missing page")
        if not (item.get("content_html") or item.get("content_text")):
            problems.append(f"{name}: neither content_html nor content_text")
        if not _rfc3339(item.get("date_published", "")):
            problems.append(f"{name}: date_published {item.get('date_published')!r} is not an RFC 3339 date-time")
    assert not problems, f"{path}:\n" + "\n".join(problems)
