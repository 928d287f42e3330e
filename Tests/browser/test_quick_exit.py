"""The "Exit this page" quick exit: visible everywhere, fast, keyboard-operable, works without JavaScript.

PYTEST_DONT_REWRITE: every assert carries its own message; pytest's rewritten
form would repeat whole page records in the output.
"""
from __future__ import annotations

import json
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from sitetest import chromium
from sitetest.server import PROBE_PATH

BUTTON_TEXT = {"en": "Exit this page", "fr": "Quitter cette page"}
NEAR_THE_TOP_PX = 200

# Report to the test server (a beacon is sent even while the page is being
# left) whether the page was covered before it was left.
WATCH_FOR_OVERLAY = r"""
const probe = arguments[0];
const record = () => {
  const overlay = document.querySelector('.exit-this-page-overlay');
  const main = document.getElementById('main');
  const r = overlay ? overlay.getBoundingClientRect() : null;
  const state = {
    overlay: !!overlay,
    bodyClass: document.body.classList.contains('exit-this-page--hide-content'),
    coversViewport: !!r && r.left <= 0 && r.top <= 0 && r.right >= innerWidth && r.bottom >= innerHeight,
    mainHidden: !main || main.getClientRects().length === 0 || getComputedStyle(main).visibility === 'hidden',
  };
  if (state.overlay || state.bodyClass) navigator.sendBeacon(probe, JSON.stringify(state));
};
new MutationObserver(record).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
"""

PAGE_STATE = r"""
const main = document.getElementById('main');
return {
  url: location.href,
  overlay: !!document.querySelector('.exit-this-page-overlay'),
  bodyClass: document.body.classList.contains('exit-this-page--hide-content'),
  mainShown: !!main && getComputedStyle(main).display !== 'none' && main.getBoundingClientRect().height > 0,
};
"""


def _watch_for_overlay(driver, site) -> int:
    """Start watching; return how many probes the server had before."""
    driver.execute_script(WATCH_FOR_OVERLAY, PROBE_PATH)
    return len(site.server.probes)


def _hidden_before_leaving(site, probes_before: int) -> dict:
    """The last state the watcher reported before the page was left."""
    chromium.wait_for(lambda: len(site.server.probes) > probes_before, timeout=2,
                      message="the page reported no overlay before it was left")
    return json.loads(site.server.probes[-1])


def _press_shift(driver, times: int = 1) -> None:
    actions = ActionChains(driver)
    for _ in range(times):
        actions.key_down(Keys.SHIFT).key_up(Keys.SHIFT)
    actions.perform()


def _status_text(driver) -> str:
    return driver.execute_script(
        "const s = document.querySelector('.exit-this-page [role=status]');"
        "return s ? s.textContent.replace(/\\s+/g, ' ').trim() : null;"
    )


def _messages(driver) -> dict:
    component = driver.find_element(By.CSS_SELECTOR, "[data-module='exit-this-page']")
    return {
        key: " ".join((component.get_attribute(f"data-i18n-{key}") or "").split())
        for key in ("press-two-more-times", "press-one-more-time", "activated", "timed-out")
    }


def test_every_page_shows_the_exit_button_near_the_top(chrome_page, site, visits):
    visit = visits.get(chrome_page)
    assert visit.error is None, f"{chrome_page} could not be checked: {visit.error}"
    button = visit.probe.get("exitButton")
    assert button is not None, f"{chrome_page} has no .exit-this-page__button"
    assert button["shown"], f"the exit button on {chrome_page} is not visible: {button}"
    assert button["top"] <= NEAR_THE_TOP_PX, (
        f"the exit button on {chrome_page} starts {button['top']:.0f} px down the page (expected ≤ {NEAR_THE_TOP_PX} px)"
    )
    language = site.language_of(chrome_page)
    if language is None:  # the bilingual root page
        assert any(t in button["text"] for t in BUTTON_TEXT.values()), f"root page exit button says {button['text']!r}"
    else:
        expected = BUTTON_TEXT[language]
        assert button["text"] == expected, f"the exit button on {chrome_page} says {button['text']!r}, not {expected!r}"
    assert button["href"] == site.neutral_url, f"the exit button leads to {button['href']!r}, not the neutral site"
    assert "noreferrer" in (button["rel"] or "").split(), f"the exit button's rel is {button['rel']!r}"
    skip_links = visit.probe.get("exitSkipLinks") or []
    assert skip_links, f"{chrome_page} has no .exit-this-page__skiplink"
    assert all(h == site.neutral_url for h in skip_links), f"exit skip links lead to {skip_links}"


def test_clicking_exit_hides_the_page_at_once_and_back_returns_to_it(exit_page, site, js_driver):
    driver = js_driver
    url = site.url(exit_page)
    chromium.load(driver, url)
    probes = _watch_for_overlay(driver, site)
    asked_before = len(site.server.neutral_requests)
    driver.find_element(By.CSS_SELECTOR, ".exit-this-page__button").click()
    chromium.wait_for(lambda: driver.current_url == site.neutral_url, timeout=5,
                      message=lambda: f"clicking the exit button on {exit_page} did not open the neutral page ({driver.current_url})")
    hidden = _hidden_before_leaving(site, probes)
    assert hidden.get("overlay") and hidden.get("bodyClass"), (
        f"the page was not covered before leaving {exit_page} (overlay and body class expected): {hidden}"
    )
    assert hidden.get("coversViewport"), f"the overlay did not cover the whole viewport: {hidden}"
    assert hidden.get("mainHidden"), f"the page's main content was still showing while exiting: {hidden}"
    assert len(site.server.neutral_requests) > asked_before
    referer = site.server.neutral_requests[-1].get("Referer")
    assert referer is None, f"the neutral site was told where the visitor came from (Referer: {referer})"

    driver.back()
    state = chromium.wait_for(
        lambda: (lambda s: s if s["url"] == url and not s["overlay"] and not s["bodyClass"] else None)(
            driver.execute_script(PAGE_STATE)),
        timeout=5,
        message=lambda: f"after Back, {exit_page} still shows the overlay or did not come back: {driver.execute_script(PAGE_STATE)}",
    )
    assert state["mainShown"], f"after Back, the main content of {exit_page} is hidden"


def test_pressing_shift_three_times_exits_and_announces_each_press(exit_page, site, js_driver):
    driver = js_driver
    chromium.load(driver, site.url(exit_page))
    messages = _messages(driver)
    probes = _watch_for_overlay(driver, site)
    assert _status_text(driver) is not None, f"{exit_page} has no role=status region in the exit component"

    _press_shift(driver)
    chromium.wait_for(lambda: _status_text(driver) == messages["press-two-more-times"], timeout=2,
                      message=lambda: f"after one Shift the status says {_status_text(driver)!r}, "
                              f"expected {messages['press-two-more-times']!r}")
    _press_shift(driver)
    chromium.wait_for(lambda: _status_text(driver) == messages["press-one-more-time"], timeout=2,
                      message=lambda: f"after two Shifts the status says {_status_text(driver)!r}, "
                              f"expected {messages['press-one-more-time']!r}")
    _press_shift(driver)
    chromium.wait_for(lambda: driver.current_url == site.neutral_url, timeout=5,
                      message=lambda: f"three Shift presses did not exit {exit_page} (now at {driver.current_url})")
    hidden = _hidden_before_leaving(site, probes)
    assert hidden.get("overlay") and hidden.get("bodyClass"), f"the page was not covered before leaving: {hidden}"


def test_another_key_between_shift_presses_cancels_the_exit(exit_page, site, js_driver):
    driver = js_driver
    url = site.url(exit_page)
    chromium.load(driver, url)
    messages = _messages(driver)
    asked_before = len(site.server.neutral_requests)
    actions = ActionChains(driver)
    actions.key_down(Keys.SHIFT).key_up(Keys.SHIFT).key_down(Keys.SHIFT).key_up(Keys.SHIFT)
    actions.send_keys("a")
    actions.key_down(Keys.SHIFT).key_up(Keys.SHIFT)
    actions.perform()
    time.sleep(1.0)
    state = driver.execute_script(PAGE_STATE)
    assert state["url"] == url and not state["overlay"], f"Shift, Shift, A, Shift exited {exit_page}: {state}"
    assert len(site.server.neutral_requests) == asked_before, "the neutral page was requested"
    assert _status_text(driver) == messages["press-two-more-times"], (
        f"after the other key, the count should restart: status says {_status_text(driver)!r}"
    )


def test_without_javascript_the_exit_button_is_a_plain_link_to_the_neutral_site(exit_page, site, nojs_driver):
    driver = nojs_driver
    chromium.load(driver, site.url(exit_page), settle=0)
    # The script adds a role=status region; without JavaScript there is none.
    assert not driver.find_elements(By.CSS_SELECTOR, ".exit-this-page [role=status]"), "JavaScript seems to be on"
    button = driver.find_element(By.CSS_SELECTOR, ".exit-this-page__button")
    assert button.tag_name == "a", f"the exit button is a <{button.tag_name}>, not a link"
    assert button.is_displayed(), "the exit button is hidden without JavaScript"
    assert button.get_attribute("href") == site.neutral_url
    rel = (button.get_attribute("rel") or "").split()
    assert "noreferrer" in rel, f"rel={rel}"
    asked_before = len(site.server.neutral_requests)
    button.click()
    chromium.wait_for(lambda: driver.current_url == site.neutral_url, timeout=5,
                      message=lambda: f"following the exit link without JavaScript did not reach the neutral page ({driver.current_url})")
    assert len(site.server.neutral_requests) > asked_before
    assert site.server.neutral_requests[-1].get("Referer") is None, "the neutral site received a Referer header"
