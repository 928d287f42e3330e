"""Site search: the header field, the search page, its A to Z list and the quality of results.

The quality table runs real queries on the real site (Content/) in Chromium: each query must
find the listed pages and services among its first five results.

PYTEST_DONT_REWRITE: every assert carries its own message; pytest's rewritten
form would repeat whole page records in the output.
"""
from __future__ import annotations

import json
import re
import urllib.parse
import xml.etree.ElementTree as ElementTree

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from sitetest import chromium

SEARCH_PAGES = {"en": "/en/search/", "fr": "/fr/recherche/"}

# (language, query, pages and services that must be among the first five results)
QUALITY = [
    ("en", "signs of labour trafficking", ["/en/warning-signs/labour-trafficking/", "/en/warning-signs/"]),
    ("en", "kidshelpphone", ["/en/services/kids-help-phone/"]),
    ("en", "kids help phone", ["/en/services/kids-help-phone/"]),
    ("en", "talk 4 healing", ["/en/services/talk4healing/"]),
    ("en", "talk4healing", ["/en/services/talk4healing/"]),
    ("en", "hotline", ["/en/services/canadian-human-trafficking-hotline/", "/en/get-help/calling-the-hotline/"]),
    ("en", "human trafficking hotline", ["/en/services/canadian-human-trafficking-hotline/"]),
    ("en", "1-833-900-1010", ["/en/services/canadian-human-trafficking-hotline/"]),
    ("en", "988", ["/en/services/suicide-crisis-helpline-988/"]),
    ("en", "forced marriage", ["/en/warning-signs/forced-marriage/", "/en/services/south-asian-legal-clinic-of-ontario/"]),
    ("en", "sextortion", ["/en/warning-signs/online-exploitation/", "/en/services/cybertip-ca/"]),
    ("en", "trafficing", ["/en/warning-signs/"]),
    ("en", "sextortin", ["/en/warning-signs/online-exploitation/"]),
    ("en", "cyber tip", ["/en/services/cybertip-ca/"]),
    ("en", "migrant workers", ["/en/help-for/migrant-workers/", "/en/services/migrant-workers-alliance-for-change/"]),
    ("en", "legal aid", ["/en/services/legal-aid-ontario/"]),
    ("fr", "droits des survivantes", ["/fr/obtenir-de-l-aide/vos-droits/"]),
    ("fr", "jeunesse j'ecoute", ["/fr/services/kids-help-phone/"]),
    ("fr", "jeunessejecoute", ["/fr/services/kids-help-phone/"]),
    ("fr", "Jeunesse, J’écoute", ["/fr/services/kids-help-phone/"]),
    ("fr", "mariage forcé", ["/fr/signes/mariage-force/", "/fr/services/south-asian-legal-clinic-of-ontario/"]),
    ("fr", "mariage force", ["/fr/signes/mariage-force/"]),
    ("fr", "sextorsion", ["/fr/signes/exploitation-en-ligne/", "/fr/services/cybertip-ca/"]),
    ("fr", "ligne d'urgence", ["/fr/services/canadian-human-trafficking-hotline/", "/fr/obtenir-de-l-aide/appeler-la-ligne/"]),
    ("fr", "1 833 900 1010", ["/fr/services/canadian-human-trafficking-hotline/"]),
    ("fr", "988", ["/fr/services/suicide-crisis-helpline-988/"]),
    ("fr", "signes de traite", ["/fr/signes/"]),
    ("fr", "travailleurs migrants", ["/fr/aide-pour-vous/travailleurs-migrants/"]),
    ("fr", "exploitaton sexuelle", ["/fr/signes/exploitation-sexuelle/"]),
]

# The search page's state: results shown, their links, marks and phone links, and the count.
SEARCH_STATE = r"""
const box = document.querySelector('.site-search-page');
const status = document.getElementById('search-status');
const items = Array.from(document.querySelectorAll('#search-results > li'));
const more = document.getElementById('search-more');
return {
  search: location.search,
  shown: !!box && !box.hidden && box.getClientRects().length > 0,
  status: status ? status.textContent.trim() : '',
  query: (document.getElementById('search-q') || {}).value,
  hrefs: items.map((li) => { const a = li.querySelector('h2 a'); return a ? new URL(a.href).pathname : null; }),
  titles: items.map((li) => (li.querySelector('h2') || {}).textContent),
  sections: items.map((li) => (li.querySelector('.search-result__section') || {}).textContent || ''),
  marks: items.map((li) => Array.from(li.querySelectorAll('mark')).map((m) => m.textContent)),
  phones: items.map((li) => Array.from(li.querySelectorAll('.search-result__phones a')).map((a) => a.getAttribute('href'))),
  more: !!more && !more.hidden,
  resources: performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname),
};
"""


def _state(driver) -> dict:
    return driver.execute_script(SEARCH_STATE)


def _results(driver, site, language: str, query: str) -> dict:
    """Opens the search page with ?q= and waits for the results to be shown."""
    url = site.url(SEARCH_PAGES[language] + "?" + urllib.parse.urlencode({"q": query}))
    chromium.load(driver, url, settle=0)
    return chromium.wait_for(
        lambda: (lambda s: s if s["status"] and (s["hrefs"] or s["status"].startswith(("No ", "Aucun"))) else None)(_state(driver)),
        timeout=10, message=lambda: f"searching {query!r} in {language} did not settle: {_state(driver)}")


# ---- the field in every page's header ------------------------------------------------


def test_every_page_has_a_search_form_in_its_header_that_leads_to_its_search_page(chrome_page, site):
    language = site.language_of(chrome_page)
    if language is None:
        pytest.skip("the bilingual language choice (/ and /404.html) has no header")
    document = site.document(chrome_page)
    forms = [f for f in document.find_all("form") if f.get("role") == "search" and f.has_class("site-search")]
    assert len(forms) == 1, f"{chrome_page} has {len(forms)} search forms in its header"
    form = forms[0]
    assert (form.get("method") or "").lower() == "get", f"the header search form of {chrome_page} is not a GET form"
    assert site.site_path(chrome_page, form.get("action") or "") == SEARCH_PAGES[language], (
        f"the header search form of {chrome_page} leads to {form.get('action')}, not {SEARCH_PAGES[language]}"
    )
    inputs = [i for i in form.find_all("input") if i.get("type") == "search" and i.get("name") == "q"]
    assert inputs, f"the header search form of {chrome_page} has no <input type=search name=q>"
    labels = [label for label in form.find_all("label") if label.get("for") == inputs[0].get("id")]
    assert labels and labels[0].text().strip(), f"the header search field of {chrome_page} has no label"


def test_without_javascript_the_header_field_leads_to_the_a_to_z_list(site, nojs_driver):
    driver = nojs_driver
    chromium.load(driver, site.url("/fr/"), settle=0)
    field = driver.find_element(By.ID, "site-search-q")
    field.send_keys("traite", Keys.ENTER)
    chromium.wait_for(lambda: urllib.parse.urlsplit(driver.current_url).path == "/fr/recherche/", timeout=5,
                      message=lambda: f"the header form led to {driver.current_url}")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query).get("q") == ["traite"]
    assert driver.find_element(By.ID, "search-nojs").is_displayed(), "the search page does not say what to do without JavaScript"
    assert not driver.find_element(By.CSS_SELECTOR, ".site-search-page").is_displayed(), "a form that cannot work shows"
    letters = driver.find_elements(By.CSS_SELECTOR, ".az__letters a")
    assert len(letters) >= 10, f"the search page offers {len(letters)} letters of the A to Z list"
    letters[0].click()
    chromium.wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, ".az__entries a"), timeout=5,
                      message="the first letter of the A to Z list shows no entries")


# ---- the A to Z list ------------------------------------------------------------------


def _sitemap_pages(site, language: str) -> set[str]:
    tree = ElementTree.parse(site.file_for("/sitemap.xml"))
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = {urllib.parse.urlsplit(loc.text or "").path for loc in tree.getroot().findall("s:url/s:loc", namespace)}
    return {p for p in paths if p.startswith(f"/{language}/")}


def _generated_lists(path: str) -> bool:
    """The directory, its lists (every service, a category, a region, an audience, in pages) and
    the partners page: not entries."""
    parts = path.strip("/").split("/")
    if parts[1:] == ["services"] or parts[1:2] in (["partners"], ["partenaires"]):
        return True
    return len(parts) >= 3 and parts[1] == "services" and parts[2] in ("category", "categorie", "region", "all", "tous", "audience", "public")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_a_to_z_list_holds_every_page_and_service_once_in_small_pages(site, language):
    search = SEARCH_PAGES[language]
    az_pages = [p for p in site.pages if p.startswith(search) and p != search]
    assert az_pages, f"no A to Z pages under {search}"
    listed: list[str] = []
    for page in az_pages:
        entries = [li.find_all("a")[0] for ul in site.document(page).select_class("az__entries") for li in ul.element_children]
        assert len(entries) <= 100, f"{page} lists {len(entries)} entries"
        if not entries:  # a letter only the other language uses: the page exists for the language toggle
            said = site.document(page).find("main").text()
            assert "starts with this letter" in said or "commence par cette lettre" in said, f"{page} lists nothing and does not say so"
        letter = page[len(search):].split("/")[0]
        for a in entries:
            first = re.sub(r"[^a-z0-9]", "", a.text().lower().translate(str.maketrans("àâäçéèêëîïôöùûüÿœæ", "aaaceeeeiioouuuyoa")))[:1]
            assert (first.isdigit() or not first) if letter == "0-9" else first == letter, f"{a.text()!r} is listed under {letter} on {page}"
        listed += [site.site_path(page, a.get("href") or "") for a in entries]
    expected = {p for p in _sitemap_pages(site, language) if not _generated_lists(p)}
    assert len(listed) == len(set(listed)), f"entries listed twice: {sorted({p for p in listed if listed.count(p) > 1})}"
    assert set(listed) == expected, (
        f"missing from the A to Z list: {sorted(expected - set(listed))[:10]}; not expected: {sorted(set(listed) - expected)[:10]}"
    )


# ---- results in the browser -----------------------------------------------------------


@pytest.mark.parametrize("language,query,expected", QUALITY, ids=[f"{lang}:{q}" for lang, q, _ in QUALITY])
def test_a_query_finds_its_pages_and_services_in_the_first_five(site, js_driver, language, query, expected):
    state = _results(js_driver, site, language, query)
    top = state["hrefs"][:5]
    missing = [p for p in expected if p not in top]
    assert not missing, f"{query!r} ({language}) does not find {missing} in its first five results: {list(zip(top, state['titles']))}"


def test_results_show_title_section_marked_snippet_and_a_services_phone(site, js_driver):
    state = _results(js_driver, site, "en", "kids help phone")
    assert state["hrefs"][0] == "/en/services/kids-help-phone/", f"first result: {state['hrefs'][:3]}"
    assert state["sections"][0], "the first result names no section"
    assert any(m.lower() in ("kids", "help", "phone") for marks in state["marks"] for m in marks), f"no word is marked: {state['marks']}"
    assert state["phones"][0] and all(re.match(r"^(tel|sms):\+?\d+$", h) for h in state["phones"][0]), (
        f"the service's result shows no phone link: {state['phones'][0]}"
    )
    assert state["status"] == f"{len(state['hrefs'])} results for “kids help phone”" or state["more"], f"count: {state['status']!r}"


def test_the_count_is_announced_and_a_query_without_results_says_so(site, js_driver):
    state = _results(js_driver, site, "fr", "xyzzyq")
    assert state["hrefs"] == [], f"'xyzzyq' found {state['hrefs']}"
    assert state["status"].startswith("Aucun résultat pour «\u00a0xyzzyq\u00a0»"), f"status: {state['status']!r}"
    status = js_driver.find_element(By.ID, "search-status")
    assert status.get_attribute("role") == "status", "the count is not in a live region"


def test_results_appear_as_you_type_and_the_query_goes_into_the_address(site, js_driver):
    driver = js_driver
    chromium.load(driver, site.url(SEARCH_PAGES["en"]), settle=0)
    chromium.wait_for(lambda: _state(driver)["shown"], timeout=5, message="the search form stays hidden with JavaScript on")
    field = driver.find_element(By.ID, "search-q")
    for letter in "sextor":
        field.send_keys(letter)
    state = chromium.wait_for(
        lambda: (lambda s: s if s["hrefs"] and "q=sextor" in s["search"] else None)(_state(driver)), timeout=5,
        message=lambda: f"typing 'sextor' showed nothing: {_state(driver)}")
    assert "/en/warning-signs/online-exploitation/" in state["hrefs"][:5], f"'sextor' (as typed) gave {state['hrefs'][:5]}"


def test_a_query_fetches_only_the_index_parts_it_needs(site, js_driver):
    state = _results(js_driver, site, "en", "forced marriage")
    shards = [p for p in state["resources"] if p.startswith("/search/en/t/")]
    fragments = [p for p in state["resources"] if p.startswith("/search/en/d/")]
    meta = json.loads(site.file_for("/search/en/meta.json").read_text(encoding="utf-8"))
    assert "/search/en/meta.json" in state["resources"], f"meta.json was not fetched: {state['resources']}"
    assert 0 < len(set(shards)) < len(meta["shards"]) or len(meta["shards"]) == 1, f"fetched shards {shards} of {len(meta['shards'])}"
    assert 0 < len(fragments) <= 10 and len(fragments) == len(state["hrefs"]), (
        f"fetched {len(fragments)} fragments for {len(state['hrefs'])} results shown"
    )
    assert not [p for p in state["resources"] if p.startswith("/search/fr/")], "the English page fetched the French index"


@pytest.mark.parametrize("language,query", [("en", "trafficking"), ("fr", "traite des personnes")])
def test_the_search_page_with_results_has_no_axe_violations_and_stores_nothing(site, js_driver, language, query):
    state = _results(js_driver, site, language, query)
    assert state["more"], f"{query!r} should have more than one page of results (to check the button too)"
    violations = chromium.run_axe(js_driver)
    assert not violations, f"axe-core found violations on the search page with results:\n" + chromium.describe_violations(violations)
    stored = js_driver.execute_script("return [document.cookie, Object.keys(localStorage).length, Object.keys(sessionStorage).length]")
    assert stored == ["", 0, 0], f"the search page stored {stored}"
    foreign = [r for r in js_driver.execute_script("return performance.getEntriesByType('resource').map((r) => r.name)")
               if not r.startswith(site.origin + "/")]
    assert not foreign, f"the search page fetched from other hosts: {foreign}"


def test_show_more_adds_the_next_results(site, js_driver):
    state = _results(js_driver, site, "en", "trafficking")
    first = list(state["hrefs"])
    js_driver.find_element(By.ID, "search-more").click()
    after = chromium.wait_for(lambda: (lambda s: s if len(s["hrefs"]) > len(first) else None)(_state(js_driver)), timeout=5,
                              message="'Show more results' added nothing")
    assert after["hrefs"][:len(first)] == first and len(set(after["hrefs"])) == len(after["hrefs"]), "results moved or repeated"
