"""The services directory: open data (JSON + HSDS) and search-as-you-type in the browser.

PYTEST_DONT_REWRITE: every assert carries its own message; pytest's rewritten
form would repeat whole page records in the output.
"""
from __future__ import annotations

import json
import re
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from sitetest import chromium

HOTLINE = "canadian-human-trafficking-hotline"
TALK4HEALING = "talk4healing"
MINIMUM_SERVICES = 30

# State of the directory page: which cards show, in what order, and what the count says.
DIRECTORY_STATE = r"""
const box = document.querySelector('.directory-search');
const count = document.getElementById('directory-count');
// The search's results (the first page's featured services stay as they are, outside the list).
const cards = Array.from(document.querySelectorAll('#service-list .service-card'));
const more = document.getElementById('directory-more');
const shown = cards.filter((c) => !c.hidden && c.getClientRects().length > 0);
const input = document.getElementById('q');
const open247 = document.getElementById('f-open247');
return {
  search: location.search,
  searchShown: !!box && !box.hidden && box.getClientRects().length > 0,
  countText: count ? count.textContent.replace(/\s+/g, ' ').trim() : null,
  templates: box ? { none: box.dataset.i18nCountNone, one: box.dataset.i18nCountOne, many: box.dataset.i18nCountMany, more: box.dataset.i18nCountMore } : null,
  total: cards.length,
  shown: shown.map((c) => c.dataset.serviceId),
  shownOpen247: shown.map((c) => c.dataset.open247),
  query: input ? input.value : null,
  open247: open247 ? open247.checked : null,
  busy: document.getElementById('service-list').getAttribute('aria-busy') === 'true',
  moreShown: !!more && !more.hidden,
};
"""


def _load_json(site, path: str):
    file = site.file_for(path)
    assert file is not None, f"{path} was not generated"
    return json.loads(file.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def services_json(site) -> dict:
    return _load_json(site, "/api/v1/services.json")


@pytest.fixture(scope="session")
def services_by_id(services_json) -> dict[str, dict]:
    return {s["id"]: s for s in services_json.get("services", [])}


def test_services_json_matches_its_published_schema(site, services_json):
    from jsonschema import Draft202012Validator

    schema = _load_json(site, "/api/v1/services.schema.json")
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(services_json), key=lambda e: list(e.absolute_path))
    assert not errors, f"{len(errors)} schema errors in services.json:\n" + "\n".join(
        f"- at /{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in errors[:20]
    )


def test_services_json_lists_at_least_thirty_services_with_unique_ids(services_json):
    ids = [s.get("id") for s in services_json.get("services", [])]
    assert len(ids) >= MINIMUM_SERVICES, f"services.json lists {len(ids)} services, expected at least {MINIMUM_SERVICES}"
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate service ids: {duplicates}"
    assert HOTLINE in ids and TALK4HEALING in ids, "the hotline and Talk4Healing must be listed"


def _hsds_records(data) -> list[dict]:
    if isinstance(data, list):
        return data
    for key in ("contents", "services", "items", "data"):
        if isinstance(data, dict) and isinstance(data.get(key), list):
            return data[key]
    raise AssertionError(f"cannot find the list of services in hsds/services.json (keys: {list(data)[:10]})")


def test_hsds_export_describes_every_service(site, services_json):
    records = _hsds_records(_load_json(site, "/api/v1/hsds/services.json"))
    assert len(records) == len(services_json["services"]), (
        f"hsds/services.json has {len(records)} services, services.json has {len(services_json['services'])}"
    )
    problems = []
    for record in records:
        label = record.get("id") or record.get("name") or "?"
        for key in ("id", "name", "status"):
            if not record.get(key):
                problems.append(f"{label}: no {key}")
        organization = record.get("organization")
        if not isinstance(organization, dict):
            problems.append(f"{label}: no organization object")
        else:
            for key in ("id", "name", "description"):
                if not organization.get(key):
                    problems.append(f"{label}: organization has no {key}")
        for key in ("phones", "languages", "service_areas"):
            if not isinstance(record.get(key), list):
                problems.append(f"{label}: {key} is not a list")
        if isinstance(record.get("service_areas"), list) and not record["service_areas"]:
            problems.append(f"{label}: no service areas")
        if isinstance(record.get("languages"), list) and not record["languages"]:
            problems.append(f"{label}: no languages")
    hsds_names = sorted(str(r.get("name")) for r in records)
    english_names = sorted(s["name"]["en"] for s in services_json["services"])
    if hsds_names != english_names:
        problems.append(
            f"service names differ from services.json: only in HSDS {sorted(set(hsds_names) - set(english_names))}, "
            f"only in services.json {sorted(set(english_names) - set(hsds_names))}"
        )
    ids = [r.get("id") for r in records]
    duplicates = sorted({i for i in ids if i and ids.count(i) > 1})
    if duplicates:
        problems.append(f"duplicate ids {duplicates}")
    assert not problems, f"{len(problems)} HSDS problems:\n" + "\n".join(problems[:30])


# ---- search in the browser ---------------------------------------------------


def _expected_count_text(state: dict) -> str:
    """What the count says: the number of results shown, or, while "Show more" offers the rest,
    their total (read from the text, which must then exceed what is shown) or, when the total is
    not known yet, how many are shown and that there are more."""
    n = len(state["shown"])
    templates = state["templates"] or {}
    if state.get("moreShown"):
        many = templates.get("many") or ""
        match = re.fullmatch(re.escape(many).replace(re.escape("{n}"), r"(\d[\d\s\u00a0\u202f,]*)"), state["countText"] or "")
        total = int(re.sub(r"\D", "", match.group(1))) if match else 0
        if total > n:
            return state["countText"]
        # The total is not known yet (filters checked result by result): it says how many are shown.
        return (templates.get("more") or "").replace("{n}", str(n))
    if n == 0:
        return templates.get("none", "")
    if n == 1:
        return templates.get("one", "")
    return (templates.get("many") or "").replace("{n}", str(n))


def _settled(driver, query: str):
    """The directory state once the query is applied: URL updated and count announced."""
    state = driver.execute_script(DIRECTORY_STATE)
    params = urllib.parse.parse_qs(state["search"].lstrip("?"))
    if params.get("q") != [query] or state["busy"]:
        return None
    if state["countText"] != _expected_count_text(state):
        return None
    return state


def _search(driver, site, path: str, query: str) -> dict:
    chromium.load(driver, site.url(path))
    chromium.wait_for(lambda: driver.execute_script(DIRECTORY_STATE)["searchShown"], timeout=3,
                      message=lambda: f"the search form on {path} stays hidden with JavaScript on")
    before = driver.execute_script(DIRECTORY_STATE)
    field = driver.find_element(By.ID, "q")
    field.send_keys(query)
    state = chromium.wait_for(
        lambda: _settled(driver, query), timeout=5,
        message=lambda: f"searching {query!r} on {path} did not settle: {driver.execute_script(DIRECTORY_STATE)}",
    )
    state["before"] = before
    return state


def test_french_search_for_traite_finds_the_hotline_and_updates_count_and_url(site, js_driver, services_by_id):
    state = _search(js_driver, site, "/fr/services/", "traite")
    assert HOTLINE in state["shown"], f"'traite' did not list the hotline; shown: {state['shown']}"
    found = int(re.sub(r"\D", "", state["countText"]) or 0)
    assert len(state["shown"]) <= found < len(services_by_id), f"'traite' did not narrow the list: {state['countText']}"
    assert state["countText"] != state["before"]["countText"], "the #directory-count text did not change"
    assert "q=traite" in state["search"]


def test_french_search_without_accents_finds_ecoute(site, js_driver, services_by_id):
    state = _search(js_driver, site, "/fr/services/", "ecoute")

    def french_text(service: dict) -> str:
        parts = [service.get(k, {}).get("fr", "") for k in ("name", "summary", "description")]
        parts.append(service.get("organization", {}).get("name", {}).get("fr", ""))
        return " ".join(p for p in parts if isinstance(p, str)).lower()

    with_ecoute = {sid for sid, s in services_by_id.items() if "écoute" in french_text(s)}
    assert with_ecoute, "no service's French text contains « écoute » (check the data)"
    assert with_ecoute & set(state["shown"]), (
        f"'ecoute' showed {state['shown']}, none of the services whose French text has « écoute » ({sorted(with_ecoute)})"
    )


def test_french_search_for_autochtones_finds_talk4healing(site, js_driver):
    state = _search(js_driver, site, "/fr/services/", "autochtones")
    assert TALK4HEALING in state["shown"], f"'autochtones' did not list Talk4Healing; shown: {state['shown']}"


def test_english_search_ranks_the_trafficking_hotline_first(site, js_driver):
    state = _search(js_driver, site, "/en/services/", "trafficking hotline")
    assert state["shown"], "'trafficking hotline' found nothing"
    assert state["shown"][0] == HOTLINE, f"'trafficking hotline' ranked {state['shown'][:5]}"


def test_search_state_in_the_url_is_restored_on_load(site, js_driver, services_by_id):
    driver = js_driver
    chromium.load(driver, site.url("/fr/services/?q=traite&open247=1"))
    state = chromium.wait_for(
        lambda: (lambda s: s if s["query"] == "traite" and s["open247"] and not s["busy"] and s["countText"] == _expected_count_text(s) else None)(
            driver.execute_script(DIRECTORY_STATE)),
        timeout=5,
        message=lambda: f"the URL state was not restored: {driver.execute_script(DIRECTORY_STATE)}",
    )
    assert HOTLINE in state["shown"], f"the hotline (open 24/7) is missing: {state['shown']}"
    not_open = [sid for sid in state["shown"] if not (services_by_id.get(sid, {}).get("hours") or {}).get("open_24_7")]
    assert state["shown"] and not not_open, f"'open 24/7' shows services that are not: {not_open}"


def test_without_javascript_the_whole_directory_is_listed(site, nojs_driver, services_json):
    """Every service is reached from the directory's first page by following its lists' links
    (browse lists and their numbered pages), with no card hidden and the search form not shown."""
    driver = nojs_driver
    everyone = {s["id"] for s in services_json["services"]}
    for path in ("/en/services/", "/fr/services/"):
        chromium.load(driver, site.url(path), settle=0)
        form = driver.find_elements(By.CSS_SELECTOR, ".directory-search")
        assert form and not form[0].is_displayed(), f"the search form on {path} shows without JavaScript"
        queue, seen, listed, hidden = [path], {path}, set(), []
        while queue:
            page = queue.pop()
            document = site.document(page)
            for card in document.root.iter():
                if card.has_class("service-card") and card.get("data-service-id"):
                    listed.add(card.get("data-service-id"))
                    if "hidden" in card.attrs:
                        hidden.append(card.get("data-service-id"))
            for link in document.root.iter():
                href = urllib.parse.urlsplit(link.get("href") or "").path if link.tag == "a" else ""
                if href.startswith(path) and href not in seen and href.rstrip("/").rsplit("/", 1)[-1] not in everyone:
                    seen.add(href)
                    queue.append(href)
        assert listed == everyone, f"not reached from {path} without JavaScript: {sorted(everyone - listed)[:10]}"
        assert not hidden, f"cards hidden without JavaScript below {path}: {hidden[:10]}"