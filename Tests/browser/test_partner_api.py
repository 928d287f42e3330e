"""The partner API: HSDS /services pages against the official schemas, and the OpenAPI document.

PYTEST_DONT_REWRITE: every assert carries its own message; pytest's rewritten
form would repeat whole records in the output.
"""
from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path

import pytest

from sitetest import chromium
from sitetest.server import PageServer

FIXTURES = Path(__file__).resolve().parents[1] / "Fixtures" / "hsds-3.0.1"
# The base the official files refer to each other from (`"$ref": "phone.json"`).
HSDS_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
FIRST_PAGE = "/api/v1/hsds/services/1.json"
PAGE_SIZE = 25
E164_OR_SHORT_CODE = re.compile(r"^(\+1[2-9][0-9]{2}[2-9][0-9]{6}|[0-9]{3}|[0-9]{5,6})$")
PARTNER_FILES = [
    "/api/v1/services.json", "/api/v1/services.schema.json", "/api/v1/hsds/services.json",
    "/api/v1/openapi.json", "/embed.js", "/en/embed/services/", "/fr/embed/services/",
]


def _json(site, path: str):
    file = site.file_for(path)
    assert file is not None, f"{path} was not generated"
    return json.loads(file.read_text(encoding="utf-8"))


def _site_path(site, url: str) -> str:
    assert url.startswith(site.origin + "/"), f"{url} is not on this site ({site.origin})"
    return urllib.parse.urlsplit(url).path


@pytest.fixture(scope="session")
def hsds_pages(site) -> list[dict]:
    """Every page, reached from the first one by following x-trillium-links.next."""
    pages, path, seen = [], FIRST_PAGE, set()
    while path is not None:
        assert path not in seen, f"the pages loop back to {path}"
        seen.add(path)
        page = _json(site, path)
        pages.append(page)
        following = page.get("x-trillium-links", {}).get("next")
        path = _site_path(site, following) if following else None
    return pages


@pytest.fixture(scope="session")
def services_json(site) -> dict:
    return _json(site, "/api/v1/services.json")


@pytest.fixture(scope="session")
def hsds_validators():
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    registry = Registry()
    for file in sorted(FIXTURES.glob("*.json")):
        contents = json.loads(file.read_text(encoding="utf-8"))
        registry = registry.with_resource(HSDS_BASE + file.name, Resource.from_contents(contents, default_specification=DRAFT202012))
    return {
        name: Draft202012Validator({"$ref": HSDS_BASE + name}, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
        for name in ("service_list.json", "service.json")
    }


def test_the_hsds_pages_are_page_objects_that_link_to_each_other(site, hsds_pages, services_json):
    total = len(services_json["services"])
    expected_pages = max(1, -(-total // PAGE_SIZE))
    problems = []
    if len(hsds_pages) != expected_pages:
        problems.append(f"following next from page 1 reached {len(hsds_pages)} pages, expected {expected_pages} for {total} services")
    for number, page in enumerate(hsds_pages, start=1):
        where = f"page {number}"
        contents = page.get("contents", [])
        expected = {
            "page_number": number, "total_pages": expected_pages, "total_items": total, "size": len(contents),
            "first_page": number == 1, "last_page": number == expected_pages, "empty": total == 0,
        }
        for key, value in expected.items():
            if page.get(key) != value:
                problems.append(f"{where}: {key} is {page.get(key)!r}, expected {value!r}")
        if number < expected_pages and len(contents) != PAGE_SIZE:
            problems.append(f"{where}: {len(contents)} services, expected {PAGE_SIZE} on every page but the last")
        links = page.get("x-trillium-links", {})
        if links.get("self") != site.url(f"/api/v1/hsds/services/{number}.json"):
            problems.append(f"{where}: self is {links.get('self')}")
        if number > 1 and links.get("previous") != site.url(f"/api/v1/hsds/services/{number - 1}.json"):
            problems.append(f"{where}: previous is {links.get('previous')}")
        if links.get("last") != site.url(f"/api/v1/hsds/services/{expected_pages}.json"):
            problems.append(f"{where}: last is {links.get('last')}")
    if site.file_for(f"/api/v1/hsds/services/{expected_pages + 1}.json") is not None:
        problems.append(f"a page {expected_pages + 1} exists beyond the last page")
    ids = [record.get("x-trillium-id") for page in hsds_pages for record in page.get("contents", [])]
    if ids != sorted(s["id"] for s in services_json["services"]):
        problems.append("the pages do not hold every service of services.json exactly once, in id order")
    assert not problems, f"{len(problems)} paging problems:\n" + "\n".join(problems[:30])


def test_every_hsds_record_passes_the_official_hsds_schemas_with_format_checks(hsds_pages, hsds_validators):
    problems = []
    for page in hsds_pages:
        for record in page.get("contents", []):
            for name, validator in hsds_validators.items():
                for error in validator.iter_errors(record):
                    path = "/".join(map(str, error.absolute_path))
                    problems.append(f"{record.get('x-trillium-id')}: {name} at /{path}: {error.message[:200]}")
    assert not problems, f"{len(problems)} schema errors:\n" + "\n".join(problems[:30])


def test_the_official_schemas_reject_a_broken_record(hsds_pages, hsds_validators):
    record = json.loads(json.dumps(hsds_pages[0]["contents"][0]))
    record["phones"][0]["id"] = "not-a-uuid"
    record["service_at_locations"][0]["location"]["location_type"] = "moon"
    record["last_modified"] = "2026-11-30"
    messages = [e.message for v in hsds_validators.values() for e in v.iter_errors(record)]
    for fragment in ("'not-a-uuid' is not a 'uuid'", "'moon' is not one of", "'2026-11-30' is not a 'date-time'"):
        assert any(fragment in m for m in messages), f"the schemas did not report {fragment!r}; they said {messages}"


def test_hsds_records_carry_the_facts_services_json_gives(hsds_pages, services_json):
    by_id = {s["id"]: s for s in services_json["services"]}
    problems = []
    for record in (r for page in hsds_pages for r in page.get("contents", [])):
        key = record.get("x-trillium-id")
        service = by_id.get(key, {})
        if record.get("organization_id") != record.get("organization", {}).get("id"):
            problems.append(f"{key}: organization_id differs from organization.id")
        if record.get("last_modified") != f"{service.get('last_verified')}T00:00:00Z":
            problems.append(f"{key}: last_modified {record.get('last_modified')} is not last_verified {service.get('last_verified')}")
        numbers = [p.get("number") for p in record.get("phones", [])]
        if numbers != [p["tel"] for p in service.get("phones", [])]:
            problems.append(f"{key}: phone numbers {numbers} are not the dialled forms {[p['tel'] for p in service.get('phones', [])]}")
        problems += [f"{key}: {n} is not E.164 or a short code" for n in numbers if not E164_OR_SHORT_CODE.match(n or "")]
        schedules = record.get("schedules", [])
        for schedule in schedules:
            if "24:00" in (schedule.get("opens_at"), schedule.get("closes_at")):
                problems.append(f"{key}: a schedule says 24:00")
        if service.get("hours", {}).get("open_24_7") and not any(
                s.get("opens_at") == "00:00" and s.get("closes_at") == "23:59" and s.get("byday") == "MO,TU,WE,TH,FR,SA,SU" for s in schedules):
            problems.append(f"{key}: open 24/7 but no 00:00–23:59 schedule on every day")
        locations = [sal.get("location", {}) for sal in record.get("service_at_locations", [])]
        if [l.get("location_type") for l in locations] != ["virtual"]:
            problems.append(f"{key}: expected one virtual location, found {locations}")
        elif locations[0].get("url") != (service.get("website") or service.get("chat")):
            problems.append(f"{key}: the virtual location's url is {locations[0].get('url')}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])


def test_the_openapi_document_is_valid_and_describes_every_partner_url(site, hsds_pages):
    from openapi_spec_validator import validate

    document = _json(site, "/api/v1/openapi.json")
    validate(document)
    server = document["servers"][0]["url"]
    assert server == site.origin, f"the server URL is {server}, expected the site's base URL {site.origin}"
    paths = set(document["paths"])
    missing = [p for p in PARTNER_FILES + ["/api/v1/hsds/services/{page}.json"] if p not in paths]
    assert not missing, f"openapi.json does not describe {missing}"
    unpublished = [p for p in paths if "{" not in p and site.file_for(p) is None]
    assert not unpublished, f"openapi.json describes URLs the build did not publish: {unpublished}"
    pages = [site.file_for(f"/api/v1/hsds/services/{n}.json") for n in range(1, len(hsds_pages) + 1)]
    assert all(pages), "a page of {page}.json that openapi.json promises is missing"


def test_the_hsds_pages_validate_against_the_openapi_page_schema(site, hsds_pages):
    from jsonschema import Draft202012Validator

    document = _json(site, "/api/v1/openapi.json")
    validator = Draft202012Validator({"$ref": "#/components/schemas/hsds.ServicePage", "components": document["components"]},
                                     format_checker=Draft202012Validator.FORMAT_CHECKER)
    problems = [f"page {p['page_number']} at /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
                for p in hsds_pages for e in validator.iter_errors(p)]
    assert not problems, f"{len(problems)} errors:\n" + "\n".join(problems[:30])


def test_the_list_files_and_facets_blocks_validate_against_the_openapi_document(site):
    """Every /api/v1/lists/ file matches its OpenAPI component, and a yes/no fact a source does not
    state is left out, not written as false (no service of the real site has a source that says no)."""
    from jsonschema import Draft202012Validator

    document = _json(site, "/api/v1/openapi.json")
    for path in ("/api/v1/lists/{language}/region/{region}/category/{category}/{page}.json", "/api/v1/lists/facets/{block}.json"):
        assert path in document["paths"], f"openapi.json does not describe {path}"

    def validator(name):
        return Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": document["components"]},
                                    format_checker=Draft202012Validator.FORMAT_CHECKER)

    pages, blocks = validator("lists.Page"), validator("lists.FacetsBlock")
    root = site.file_for("/api/v1/services.json").parent / "lists"
    files = sorted(root.rglob("*.json"))
    assert files, "no list files were published"
    problems = []
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        checker = blocks if file.parent.name == "facets" else pages
        problems += [f"{file.relative_to(root)} at /{'/'.join(map(str, e.absolute_path))}: {e.message[:160]}" for e in checker.iter_errors(data)]
        for record in data.get("services", []) if checker is pages else []:
            for key in ("confidential", "indigenous_led"):
                if record.get(key) is False:
                    problems.append(f"{file.relative_to(root)}: {record['id']} says {key}: false")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])


WALK_PAGES = """
const done = arguments[arguments.length - 1];
(async () => {
  let url = arguments[0], ids = [], pages = 0;
  try {
    while (url && pages < 1000) {
      const response = await fetch(url, { referrerPolicy: 'no-referrer' });
      const page = await response.json();
      pages += 1;
      ids = ids.concat(page.contents.map((s) => s['x-trillium-id']));
      url = page['x-trillium-links'].next;
    }
    done({ pages, ids });
  } catch (error) { done({ error: String(error) }); }
})();
"""


@pytest.fixture(scope="module")
def partner_site():
    server = PageServer()
    yield server
    server.stop()


def test_a_partner_page_in_chromium_walks_every_hsds_page_across_origins(site, js_driver, partner_site, services_json):
    driver = js_driver
    chromium.load(driver, partner_site.add("/importer.html", "<!doctype html><html lang=en><title>Importer</title><main>Importer</main></html>"))
    driver.set_script_timeout(20)
    result = driver.execute_async_script(WALK_PAGES, site.url(FIRST_PAGE))
    assert "error" not in result, f"fetching the pages from {partner_site.origin} failed: {result['error']}"
    expected = sorted(s["id"] for s in services_json["services"])
    assert result["ids"] == expected, f"walked {result['pages']} pages and found {len(result['ids'])} services, expected {len(expected)}"
