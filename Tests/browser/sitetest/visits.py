"""One recorded visit per page, shared by the tests that need a live page.

Loading a page and running axe-core is the slow part of the suite, so each
page is visited once (1280×900, JavaScript on) and everything the tests ask
about is recorded: the network requests it made, cookies and storage after
load, where the exit button sits, and axe's violations.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from . import chromium

PROBE_SCRIPT = r"""
const keys = (name) => { try { return Object.keys(window[name]); } catch (e) { return []; } };
const visibleText = (el) => {
  const copy = el.cloneNode(true);
  copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
  return copy.textContent.replace(/\s+/g, ' ').trim();
};
const box = (el) => {
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    href: el.getAttribute('href'),
    rel: el.getAttribute('rel'),
    role: el.getAttribute('role'),
    text: visibleText(el),
    top: r.top + window.scrollY,
    shown: r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0,
  };
};
return {
  url: location.href,
  cookie: document.cookie,
  localStorage: keys('localStorage'),
  sessionStorage: keys('sessionStorage'),
  exitButton: box(document.querySelector('.exit-this-page__button')),
  exitSkipLinks: Array.from(document.querySelectorAll('.exit-this-page__skiplink')).map((a) => a.getAttribute('href')),
};
"""


@dataclass
class PageVisit:
    path: str
    requests: list[str] = field(default_factory=list)
    probe: dict = field(default_factory=dict)
    axe_violations: list[dict] = field(default_factory=list)
    error: Optional[str] = None
    axe_error: Optional[str] = None


class PageVisits:
    def __init__(self, driver, site) -> None:
        self.driver = driver
        self.site = site
        self._visits: dict[str, PageVisit] = {}

    def get(self, path: str) -> PageVisit:
        if path not in self._visits:
            self._visits[path] = self._visit(path)
        return self._visits[path]

    def _visit(self, path: str) -> PageVisit:
        driver = self.driver
        visit = PageVisit(path)
        driver.set_window_size(1280, 900)
        forget_site_data(driver)
        chromium.drain_logs(driver)
        try:
            chromium.load(driver, self.site.url(path), settle=0.25)
            visit.requests = chromium.requested_urls(driver)
            visit.probe = driver.execute_script(PROBE_SCRIPT)
        except Exception as error:  # recorded, reported by each test that uses the visit
            visit.error = f"{type(error).__name__}: {error}"
        else:
            try:
                visit.axe_violations = chromium.run_axe(driver)
            except Exception as error:
                visit.axe_error = f"{type(error).__name__}: {error}"
        finally:
            forget_site_data(driver)
        return visit


def forget_site_data(driver) -> None:
    """Clear cookies and storage so one page's leftovers are not blamed on the next."""
    try:
        driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        driver.execute_script("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}")
    except Exception:
        pass
