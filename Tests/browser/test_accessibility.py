"""WCAG 2.2 AA checks with axe-core, and reflow at 320 CSS pixels (400 % zoom).

PYTEST_DONT_REWRITE: every assert carries its own message; pytest's rewritten
form would repeat whole page records in the output.
"""
from __future__ import annotations

from sitetest import chromium

OVERFLOW_SCRIPT = r"""
const width = window.innerWidth;
const describe = (el) => {
  let d = el.tagName.toLowerCase();
  if (el.id) d += '#' + el.id;
  if (el.classList.length) d += '.' + Array.from(el.classList).join('.');
  return d;
};
const sticksOut = (el) => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.right > width + 0.5;
};
const culprits = [];
for (const el of document.body.querySelectorAll('*')) {
  if (!sticksOut(el)) continue;
  if (Array.from(el.children).some(sticksOut)) continue;  // report the innermost element
  const r = el.getBoundingClientRect();
  culprits.push(describe(el) + ' (right edge at ' + Math.round(r.right) + 'px: "' +
    el.textContent.trim().slice(0, 40) + '")');
  if (culprits.length >= 10) break;
}
return {
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: width,
  culprits: culprits,
};
"""


def test_every_page_has_no_axe_violations(page, visits):
    visit = visits.get(page)
    assert visit.error is None, f"{page} could not be loaded: {visit.error}"
    assert visit.axe_error is None, f"axe-core could not run on {page}: {visit.axe_error}"
    assert not visit.axe_violations, (
        f"axe-core found {len(visit.axe_violations)} kinds of violations on {page}:\n"
        + chromium.describe_violations(visit.axe_violations)
    )


def test_every_page_reflows_at_320_pixels_without_horizontal_scrolling(page, site, js_driver):
    js_driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": False},
    )
    chromium.load(js_driver, site.url(page), settle=0.05)
    result = js_driver.execute_script(OVERFLOW_SCRIPT)
    assert result["innerWidth"] == 320, f"the viewport could not be set to 320 px (got {result['innerWidth']})"
    assert result["scrollWidth"] <= result["innerWidth"], (
        f"{page} scrolls sideways at 320 px: document is {result['scrollWidth']} px wide. "
        f"Elements sticking out: {'; '.join(result['culprits']) or 'none found (check margins)'}"
    )
