"""The partner widget and the iframe page, embedded in a page from another origin.

PYTEST_DONT_REWRITE: every assert carries its own message; pytest's rewritten
form would repeat whole page records in the output.
"""
from __future__ import annotations

import json
import re

import pytest

from sitetest import chromium
from sitetest.server import PageServer

WIDGET_HOST_PAGE = """<!doctype html>
<html lang="fr-CA">
<head><meta charset="utf-8"><title>Page d'un partenaire</title>
<script src="{site}/embed.js" defer></script></head>
<body><main><h1>Notre organisme</h1>
<trillium-services lang="fr" limit="5"></trillium-services>
</main></body></html>
"""

IFRAME_HOST_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Partner page</title>
<script>
window.trilliumMessages = [];
window.addEventListener('message', function (event) {{
  window.trilliumMessages.push({{ origin: event.origin, data: event.data }});
}});
</script></head>
<body><main><h1>Our organization</h1>
<iframe src="{site}/en/embed/services/" title="Help services" width="600" height="300"></iframe>
</main></body></html>
"""

SHADOW_STATE = r"""
const host = document.querySelector('trillium-services');
if (!host || !host.shadowRoot) return null;
const root = host.shadowRoot;
const list = root.querySelector('ul');
return {
  text: root.textContent.replace(/\s+/g, ' ').trim().slice(0, 300),
  items: list ? list.children.length : 0,
  links: Array.from(root.querySelectorAll('a')).map((a) => ({ href: a.href, rel: a.getAttribute('rel') || '' })),
};
"""


@pytest.fixture(scope="module")
def partner_site():
    server = PageServer()
    yield server
    server.stop()


def test_widget_renders_at_most_five_french_services_linking_to_the_site(site, js_driver, partner_site):
    driver = js_driver
    url = partner_site.add("/widget.html", WIDGET_HOST_PAGE.format(site=site.origin))
    chromium.drain_logs(driver)
    chromium.load(driver, url)
    state = chromium.wait_for(
        lambda: (lambda s: s if s and any("/services/" in l["href"] for l in s["links"]) else None)(
            driver.execute_script(SHADOW_STATE)),
        timeout=10,
        message=lambda: f"the widget rendered no service links: {driver.execute_script(SHADOW_STATE)}",
    )
    assert 1 <= state["items"] <= 5, f"the widget's list has {state['items']} items (limit=5)"
    web_links = [l for l in state["links"] if l["href"].startswith("http")]
    ids = {s["id"] for s in json.loads(site.file_for("/api/v1/services.json").read_text(encoding="utf-8"))["services"]}
    service_link = re.compile(re.escape(site.origin) + r"/fr/services/([a-z0-9-]+)/$")
    # Links to services (the widget may also link to the whole list on the site).
    services = [l["href"] for l in web_links if (m := service_link.match(l["href"])) and m.group(1) in ids]
    assert 1 <= len(services) <= 5, f"the widget links {len(services)} services: {services}"
    wrong = [l["href"] for l in web_links if not l["href"].startswith(site.origin + "/fr/services/")]
    assert not wrong, f"widget links that do not lead to {site.origin}/fr/services/…: {wrong}"
    no_referrer = [l["href"] for l in web_links if "noreferrer" not in l["rel"].split()]
    assert not no_referrer, f"widget links without rel=noreferrer: {no_referrer}"
    foreign = [u for u in chromium.requested_urls(driver)
               if u.startswith("http") and not (u.startswith(site.origin + "/") or u.startswith(partner_site.origin + "/"))]
    assert not foreign, f"the widget page requested other hosts: {foreign}"

    violations = chromium.run_axe(driver)
    assert not violations, "axe-core found violations in the widget page:\n" + chromium.describe_violations(violations)


def test_iframe_page_reports_its_height_to_the_partner_page(site, js_driver, partner_site):
    driver = js_driver
    url = partner_site.add("/iframe.html", IFRAME_HOST_PAGE.format(site=site.origin))
    chromium.load(driver, url)
    messages = chromium.wait_for(
        lambda: [m for m in driver.execute_script("return window.trilliumMessages")
                 if isinstance(m["data"], dict) and m["data"].get("type") == "trillium:height"],
        timeout=10,
        message=lambda: "the embedded page posted no trillium:height message "
                f"(messages: {driver.execute_script('return window.trilliumMessages')})",
    )
    last = messages[-1]
    assert last["origin"] == site.origin, f"the height message came from {last['origin']}"
    height = last["data"].get("height")
    assert isinstance(height, (int, float)) and height > 0, f"the reported height is {height!r}"
