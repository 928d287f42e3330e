"""The same checks, briefly, for the default deployment: the site at the root of its domain."""
from __future__ import annotations

from deploysite import checks
from deploysite.http import fetch


def test_the_root_serves_the_language_choice_page_and_pages_with_headers(root_site):
    response = fetch(root_site.url(""))
    assert response.status == 200, response.describe()
    assert response.body == (root_site.public / "index.html").read_bytes()
    problems = []
    for path in ("", "en/", "fr/"):
        problems += checks.html_page_problems(fetch(root_site.url(path)))
    assert not problems, "\n".join(problems)


def test_a_missing_page_at_the_root_gets_the_404_page_of_its_language(root_site):
    for language, path in (("fr", "fr/introuvable/"), ("en", "en/missing/"), ("en", "missing/")):
        response = fetch(root_site.url(path))
        assert response.status == 404, response.describe()
        assert response.body == (root_site.public / language / "404.html").read_bytes(), f"{response.url} did not get {language}/404.html"


def test_assets_api_and_embeds_keep_their_headers_at_the_root(root_site):
    asset = next(p for p in sorted((root_site.public / "assets").iterdir()) if checks.HASHED_NAME.search(p.name))
    problems = checks.immutable_asset_problems(fetch(root_site.url("assets/" + asset.name)))
    problems += checks.cors_problems(fetch(root_site.url("api/v1/services.json")))
    problems += checks.cors_problems(fetch(root_site.url("embed.js")))
    problems += checks.html_page_problems(fetch(root_site.url("fr/embed/services/")), frame_ancestors="*")
    assert not problems, "\n".join(problems)


def test_the_headers_file_at_the_root_is_not_served_and_covers_the_whole_site(root_site):
    response = fetch(root_site.url("_headers"))
    assert response.status == 404, response.describe()
    text = (root_site.public / "_headers").read_text(encoding="utf-8")
    problems = checks.headers_file_problems(text, "/")
    assert not problems, "\n".join(problems) + "\n--- _headers ---\n" + text


def test_linkchecker_finds_no_broken_link_at_the_root(crawls, root_site):
    report = crawls["root"]
    assert report.returncode == 0 and not report.broken and report.errors_in_summary == 0, report.failure_text()
    problems = checks.crawl_problems(report, root_site, min_links=200, min_pages_per_language=40)
    assert not problems, "\n".join(problems)


def test_urls_inside_feeds_json_and_scripts_resolve_at_the_root(root_site):
    problems = checks.unresolved_urls(checks.local_urls_in_data_files(root_site))
    assert not problems, "\n".join(problems)
