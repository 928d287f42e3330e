"""Keyboard use on representative pages: skip link, focus order, no trap, visible focus.

PYTEST_DONT_REWRITE: every assert carries its own message; pytest's rewritten
form would repeat whole page records in the output.
"""
from __future__ import annotations

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from sitetest import chromium

ACTIVE_SCRIPT = r"""
const a = document.activeElement;
const main = document.getElementById('main');
const r = main ? main.getBoundingClientRect() : null;
return {
  tag: a ? a.tagName.toLowerCase() : null,
  id: a ? a.id : null,
  className: a ? String(a.className) : null,
  href: a ? a.getAttribute('href') : null,
  hash: location.hash,
  inMain: !!(a && main && main.contains(a)),
  afterMain: !!(a && main && (main.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING)),
  mainTop: r ? r.top : null, mainBottom: r ? r.bottom : null, viewport: window.innerHeight,
};
"""

# Helpers installed in the page: a DOM-order index and a description for elements.
INSTALL_HELPERS = r"""
window.__trilliumAll = document.getElementsByTagName('*');
window.__trilliumStyle = (el) => {
  const s = getComputedStyle(el);
  return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor,
           outlineOffset: s.outlineOffset, boxShadow: s.boxShadow };
};
window.__trilliumDescribe = (el) => {
  let d = el.tagName.toLowerCase();
  if (el.id) d += '#' + el.id;
  if (el.classList.length) d += '.' + Array.from(el.classList).join('.');
  const text = (el.textContent || el.value || '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return text ? d + ' "' + text + '"' : d;
};
"""

# Once the focused element's transitions have finished, describe it.
FOCUSED_ELEMENT = r"""
const done = arguments[arguments.length - 1];
const settled = (el) => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  .then(() => Promise.all(el.getAnimations().map((a) => a.finished.catch(() => null))));
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) { done(null); return; }
settled(el).then(() => {
  const r = el.getBoundingClientRect();
  done({
    index: Array.prototype.indexOf.call(window.__trilliumAll, el),
    what: window.__trilliumDescribe(el),
    style: window.__trilliumStyle(el),
    box: { left: r.left + scrollX, top: r.top + scrollY, width: r.width, height: r.height },
    page: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight },
  });
});
"""

EXPECTED_TABBABLE = r"""
const all = window.__trilliumAll;
const selector = 'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]';
const found = [];
for (const el of document.querySelectorAll(selector)) {
  if (el.disabled || el.tabIndex < 0 || (el.type === 'hidden')) continue;
  if (el.closest('[inert]')) continue;
  if (getComputedStyle(el).visibility !== 'visible' || el.getClientRects().length === 0) continue;
  found.push({ index: Array.prototype.indexOf.call(all, el), what: window.__trilliumDescribe(el) });
}
return found;
"""

UNFOCUSED_STYLES = r"""
const indexes = arguments[0];
const done = arguments[arguments.length - 1];
if (document.activeElement) document.activeElement.blur();
requestAnimationFrame(() => requestAnimationFrame(() => {
  const elements = indexes.map((i) => window.__trilliumAll[i]);
  Promise.all(elements.flatMap((el) => el.getAnimations().map((a) => a.finished.catch(() => null))))
    .then(() => done(elements.map((el) => window.__trilliumStyle(el))));
}));
"""


def _press(driver, key, times: int = 1) -> None:
    actions = ActionChains(driver)
    for _ in range(times):
        actions.send_keys(key)
    actions.perform()


def _fresh_page(driver, site, path: str) -> None:
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
    chromium.load(driver, site.url(path), settle=0.05)
    driver.execute_script("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);")


def test_first_tab_focuses_the_skip_link_and_enter_moves_to_main(keyboard_page, site, js_driver):
    driver = js_driver
    _fresh_page(driver, site, keyboard_page)
    _press(driver, Keys.TAB)
    first = driver.execute_script(ACTIVE_SCRIPT)
    assert first["tag"] == "a" and "skip-link" in (first["className"] or "").split() and first["href"] == "#main", (
        f"the first Tab on {keyboard_page} focused {first['tag']}.{first['className']} (href {first['href']!r}), "
        "not the skip link to #main"
    )
    _press(driver, Keys.ENTER)
    after = driver.execute_script(ACTIVE_SCRIPT)
    assert after["hash"] == "#main" or after["id"] == "main", f"Enter on the skip link did not go to #main: {after}"
    assert after["id"] == "main", f"after Enter on the skip link, focus is on {after['tag']}#{after['id']}, not on main"
    assert after["mainTop"] < after["viewport"] and after["mainBottom"] > 0, "main is not scrolled into view"
    _press(driver, Keys.TAB)
    following = driver.execute_script(ACTIVE_SCRIPT)
    assert following["inMain"] or following["afterMain"], (
        f"Tab after the skip link went back before main: {following['tag']}.{following['className']}"
    )


def test_tabbing_through_the_page_follows_dom_order_and_wraps_around(keyboard_page, site, js_driver):
    driver = js_driver
    _fresh_page(driver, site, keyboard_page)
    driver.execute_script(INSTALL_HELPERS)
    expected = driver.execute_script(EXPECTED_TABBABLE)
    bound = max(300, 2 * len(expected) + 20)
    cycle: list[dict] = []
    restart = None
    for _ in range(bound):
        _press(driver, Keys.TAB)
        focused = driver.execute_async_script(FOCUSED_ELEMENT)
        if focused is None:  # focus left the document after the last element
            continue
        if cycle and focused["index"] <= cycle[-1]["index"]:
            restart = focused
            break
        cycle.append(focused)
    assert cycle, f"Tab never moved focus on {keyboard_page}"
    assert restart is not None, (
        f"after {bound} Tab presses focus never came back to the start of {keyboard_page}: "
        f"possible keyboard trap near {cycle[-1]['what']}"
    )
    assert restart["index"] != cycle[-1]["index"], (
        f"keyboard trap on {keyboard_page}: Tab does not move focus away from {restart['what']}"
    )
    assert restart["index"] == cycle[0]["index"], (
        f"focus left DOM order on {keyboard_page}: after {cycle[-1]['what']} came {restart['what']} "
        f"(expected either the next element in the page or, at the end, {cycle[0]['what']} again)"
    )
    assert "skip-link" in cycle[0]["what"], f"the first focusable element is {cycle[0]['what']}, not the skip link"

    visited = {e["index"] for e in cycle}
    missing = [e["what"] for e in expected if e["index"] not in visited]
    assert not missing, f"Tab skipped {len(missing)} focusable elements on {keyboard_page}: {missing[:10]}"

    unfocused = driver.execute_async_script(UNFOCUSED_STYLES, [e["index"] for e in cycle])
    invisible = []
    for entry, plain in zip(cycle, unfocused):
        focused = entry["style"]
        has_ring = (focused["outlineStyle"] != "none" and not focused["outlineWidth"].startswith("0")) or (
            focused["boxShadow"] not in ("none", "")
        )
        changed = any(focused[k] != plain[k] for k in focused)
        box, page_size = entry["box"], entry["page"]
        on_page = (
            box["width"] > 0 and box["height"] > 0
            and box["left"] + box["width"] > 0 and box["top"] + box["height"] > 0
            and box["left"] < page_size["width"] and box["top"] < page_size["height"]
        )
        if not (has_ring and changed):
            invisible.append(f"{entry['what']} (focused: {focused}, unfocused: {plain})")
        elif not on_page:
            invisible.append(f"{entry['what']} is off the page while focused ({box})")
    assert not invisible, (
        f"{len(invisible)} elements on {keyboard_page} show no visible focus indicator:\n" + "\n".join(invisible[:15])
    )
