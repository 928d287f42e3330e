"""The site served by a real nginx under /humantrafficking/, with the server block that
`trillium nginx-config` prints, checked header by header and crawled by LinkChecker."""
from __future__ import annotations

from deploysite import checks
from deploysite.http import fetch

BASE = "/humantrafficking/"


def _deepest_page(site, language: str) -> str:
    pages = [site.site_path_of(p) for p in site.html_pages()
             if site.site_path_of(p).startswith(language + "/") and p.name == "index.html" and "/embed/" not in "/" + site.site_path_of(p)]
    return max(pages, key=lambda path: (path.count("/"), path))


def _without_origin(target: str, site) -> str:
    """`http://127.0.0.1:PORT/x/` → `/x/`; other values unchanged."""
    return target[len(site.origin):] if target.startswith(site.origin + "/") else target


def test_html_pages_send_the_security_and_cache_headers(subpath_site):
    paths = ["", "en/", "fr/", _deepest_page(subpath_site, "en"), _deepest_page(subpath_site, "fr")]
    problems = []
    for path in paths:
        problems += checks.html_page_problems(fetch(subpath_site.url(path)))
    assert not problems, "\n".join(problems)


def test_hashed_assets_are_cached_for_a_year_as_immutable(subpath_site):
    assets = [p for p in sorted((subpath_site.public / "assets").iterdir()) if checks.HASHED_NAME.search(p.name)]
    assert assets, "the build has no content-hashed files in assets/"
    problems = []
    for asset in assets:
        response = fetch(subpath_site.url("assets/" + asset.name))
        problems += checks.immutable_asset_problems(response)
        if response.header("X-Content-Type-Options") != "nosniff":
            problems.append(f"{response.url}: no X-Content-Type-Options: nosniff")
        expected_type = {".css": "text/css", ".js": "javascript", ".json": "application/json"}.get(asset.suffix)
        if expected_type and expected_type not in response.header("Content-Type"):
            problems.append(f"{response.url}: Content-Type {response.header('Content-Type')!r}, expected {expected_type}")
    assert not problems, "\n".join(problems)


def test_a_missing_asset_answers_404_without_a_year_long_cache(subpath_site):
    response = fetch(subpath_site.url("assets/missing.0123456789.js"))
    assert response.status == 404, response.describe()
    assert "immutable" not in response.header("Cache-Control"), response.describe()


def test_the_service_api_is_json_that_any_site_may_read(subpath_site):
    files = sorted((subpath_site.public / "api").rglob("*.json"))
    assert any(p.relative_to(subpath_site.public).as_posix() == "api/v1/services.json" for p in files), "no api/v1/services.json in the build"
    problems = []
    for file in files:
        response = fetch(subpath_site.url(file.relative_to(subpath_site.public).as_posix()))
        if response.status != 200:
            problems.append(response.describe())
            continue
        if not response.header("Content-Type").startswith("application/json"):
            problems.append(f"{response.url}: Content-Type {response.header('Content-Type')!r}, expected application/json")
        problems += checks.cors_problems(response)
    assert not problems, "\n".join(problems)


def test_the_service_api_answers_a_cors_preflight(subpath_site):
    response = fetch(subpath_site.url("api/v1/services.json"), method="OPTIONS", headers={
        "Origin": "http://127.0.0.1:9", "Access-Control-Request-Method": "GET",
    })
    assert response.status in (200, 204), response.describe()
    assert not checks.cors_problems(response), response.describe()
    assert "GET" in response.header("Access-Control-Allow-Methods"), response.describe()


def test_the_embed_script_is_javascript_that_any_site_may_load(subpath_site):
    response = fetch(subpath_site.url("embed.js"))
    assert response.status == 200, response.describe()
    assert "javascript" in response.header("Content-Type"), response.describe()
    assert not checks.cors_problems(response), response.describe()
    assert "immutable" not in response.header("Cache-Control"), "embed.js keeps its name across releases, so it must not be immutable"


def test_embed_pages_may_be_framed_by_any_site_and_nothing_else_may(subpath_site):
    embeds = [subpath_site.site_path_of(p) for p in subpath_site.html_pages() if "/embed/" in "/" + subpath_site.site_path_of(p)]
    assert {path.split("/")[0] for path in embeds} == {"en", "fr"}, f"expected embed pages in both languages, found {embeds}"
    problems = []
    for path in embeds:
        problems += checks.html_page_problems(fetch(subpath_site.url(path)), frame_ancestors="*")
    assert not problems, "\n".join(problems)


def test_a_missing_french_page_gets_the_french_404_page(subpath_site):
    expected = (subpath_site.public / "fr" / "404.html").read_bytes()
    for path in ("fr/cette-page-n-existe-pas/", "fr/strategie/a/b/c", "fr/nope.html"):
        response = fetch(subpath_site.url(path))
        assert response.status == 404, response.describe()
        assert response.body == expected, f"{response.url} did not get fr/404.html"
        assert not checks.security_header_problems(response), checks.security_header_problems(response)


def test_a_missing_english_page_gets_the_english_404_page(subpath_site):
    expected = (subpath_site.public / "en" / "404.html").read_bytes()
    for path in ("en/this-page-does-not-exist/", "en/strategy/a/b/c", "not-a-language/", "api/v1/missing.json"):
        response = fetch(subpath_site.url(path))
        assert response.status == 404, response.describe()
        assert response.body == expected, f"{response.url} did not get en/404.html"


def test_folders_without_an_index_answer_404_rather_than_403(subpath_site):
    for path in ("api/", "assets/", "en/embed/", "fr/embed/"):
        response = fetch(subpath_site.url(path))
        assert response.status == 404, response.describe()


def test_404_pages_only_use_links_that_work_at_any_depth(subpath_site):
    problems = []
    for language in ("en", "fr"):
        page = subpath_site.public / language / "404.html"
        problems += checks.depth_independent_link_problems(page, page.read_text(encoding="utf-8"))
    assert not problems, "\n".join(problems)


def test_the_base_path_serves_the_language_choice_page(subpath_site):
    response = fetch(subpath_site.url(""))
    assert response.status == 200, response.describe()
    assert response.body == (subpath_site.public / "index.html").read_bytes()
    targets = {_without_origin(t, subpath_site) for t in checks.link_targets(response.text)}
    assert {BASE + "en/", BASE + "fr/"} <= targets, f"the language choice page does not link to both languages: {sorted(targets)}"


def test_the_base_path_without_its_slash_redirects_to_it(subpath_site):
    response = fetch(subpath_site.origin + BASE.rstrip("/"))
    assert response.status in (301, 308), response.describe()
    assert _without_origin(response.header("Location"), subpath_site) == BASE, response.describe()


def test_a_folder_without_its_slash_redirects_inside_the_base_path(subpath_site):
    folder = _deepest_page(subpath_site, "fr").rstrip("/")
    response = fetch(subpath_site.url(folder))
    assert response.status in (301, 308), response.describe()
    assert _without_origin(response.header("Location"), subpath_site) == BASE + folder + "/", response.describe()


def test_the_headers_file_is_not_served(subpath_site):
    response = fetch(subpath_site.url("_headers"))
    assert response.status == 404, response.describe()
    assert b"Content-Security-Policy:" not in response.body


def test_the_headers_file_rules_sit_under_the_base_path(subpath_site):
    text = (subpath_site.public / "_headers").read_text(encoding="utf-8")
    problems = checks.headers_file_problems(text, BASE)
    assert not problems, "\n".join(problems) + "\n--- _headers ---\n" + text


def test_the_headers_file_and_nginx_send_the_same_policies(subpath_site):
    rules = dict((path, dict(headers)) for path, headers in checks.headers_file_rules((subpath_site.public / "_headers").read_text(encoding="utf-8")))
    page = fetch(subpath_site.url("en/"))
    embed = fetch(subpath_site.url("en/embed/services/"))
    assert page.header("Content-Security-Policy") == rules[BASE + "*"]["Content-Security-Policy"]
    assert embed.header("Content-Security-Policy") == rules[BASE + "en/embed/*"]["Content-Security-Policy"]


def test_feeds_are_served_with_the_types_their_links_announce(subpath_site):
    feeds = sorted(subpath_site.public.rglob("feed.xml")) + sorted(subpath_site.public.rglob("feed.json"))
    assert feeds, "the build has no feeds"
    problems = []
    for feed in feeds:
        response = fetch(subpath_site.url(subpath_site.site_path_of(feed)))
        expected = "application/atom+xml" if feed.suffix == ".xml" else "application/feed+json"
        if response.status != 200 or not response.header("Content-Type").startswith(expected):
            problems.append(f"{response.url}: {response.status}, Content-Type {response.header('Content-Type')!r}, expected {expected}")
        problems += checks.security_header_problems(response)
    assert not problems, "\n".join(problems)


def test_pages_and_stylesheets_are_compressed(subpath_site):
    css = next(p for p in sorted((subpath_site.public / "assets").glob("*.css")))
    for path in ("en/", "assets/" + css.name):
        response = fetch(subpath_site.url(path), headers={"Accept-Encoding": "gzip"})
        assert response.header("Content-Encoding") == "gzip", response.describe()
        assert "Accept-Encoding" in response.header("Vary"), response.describe()


def test_linkchecker_finds_no_broken_link_under_the_base_path(crawls):
    report = crawls["subpath"]
    assert report.returncode == 0 and not report.broken and report.errors_in_summary == 0, report.failure_text()


def test_linkchecker_crawled_every_page_in_both_languages(crawls, subpath_site):
    problems = checks.crawl_problems(crawls["subpath"], subpath_site, min_links=200, min_pages_per_language=40)
    assert not problems, "\n".join(problems)


def test_urls_inside_feeds_json_and_scripts_resolve(subpath_site):
    urls = checks.local_urls_in_data_files(subpath_site)
    assert len(urls) > 50, f"expected many site URLs in the feeds, the service API and the search index, found {len(urls)}"
    problems = checks.unresolved_urls(urls)
    assert not problems, "\n".join(problems)
