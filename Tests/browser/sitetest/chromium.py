"""Headless Chromium through Selenium 4, set up so it never leaves 127.0.0.1."""
from __future__ import annotations

import json
import os
import time
from typing import Callable, Optional, Union

# Debian's packages `chromium` and `chromium-driver`; override with CHROMIUM_BIN / CHROMEDRIVER_BIN.
CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--no-first-run",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
    # Any host name other than 127.0.0.1 fails to resolve: nothing can leak out.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--window-size=1280,900",
]

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


class BrowserUnavailable(Exception):
    pass


def missing_prerequisites() -> list[str]:
    missing = []
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            missing.append(f"{path} is not installed (Debian packages `chromium` and `chromium-driver`)")
    return missing


def start_chromium(javascript: bool = True):
    """Start one headless Chromium session; `javascript=False` blocks all scripts."""
    problems = missing_prerequisites()
    if problems:
        raise BrowserUnavailable("; ".join(problems))
    # Selenium Manager must not try to download a browser or a driver.
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in CHROMIUM_ARGS:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(CHROMEDRIVER, log_output=os.devnull)
    try:
        driver = webdriver.Chrome(service=service, options=options)
    except Exception as error:  # selenium raises several kinds here
        raise BrowserUnavailable(f"could not start headless Chromium: {error}") from error
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    driver.set_window_size(1280, 900)
    return driver


def wait_for(condition: Callable[[], object], timeout: float = 5.0, interval: float = 0.05,
             message: Union[str, Callable[[], str]] = "") -> object:
    """Poll `condition` until it returns something truthy; return that value or raise AssertionError.

    `message` may be a function, called only on failure (to describe the final state).
    """
    deadline = time.monotonic() + timeout
    last: object = None
    while True:
        last = condition()
        if last:
            return last
        if time.monotonic() > deadline:
            text = message() if callable(message) else message
            raise AssertionError(text or f"condition not met within {timeout} s (last value: {last!r})")
        time.sleep(interval)


def drain_logs(driver) -> None:
    driver.get_log("performance")


def load(driver, url: str, settle: float = 0.15) -> None:
    """Navigate and wait until the document and its deferred scripts have run."""
    driver.get(url)
    wait_for(lambda: driver.execute_script("return document.readyState") == "complete", timeout=15)
    if settle:
        time.sleep(settle)


def requested_urls(driver) -> list[str]:
    """Every URL the browser asked for since the last call (performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        method = message.get("method")
        params = message.get("params", {})
        if method == "Network.requestWillBeSent":
            urls.append(params.get("request", {}).get("url", ""))
        elif method == "Network.webSocketCreated":
            urls.append(params.get("url", ""))
    return urls


def run_axe(driver, options: Optional[dict] = None) -> list[dict]:
    """Inject axe-core (from axe-selenium-python) and return its violations."""
    try:
        from axe_selenium_python import Axe
    except ImportError as error:
        raise RuntimeError(
            "axe-selenium-python is not installed "
            "(pip install --ignore-requires-python axe-selenium-python==3.0.0)"
        ) from error

    axe = Axe(driver)
    axe.inject()
    results = axe.run(options=json.dumps(options or AXE_OPTIONS))
    return results.get("violations", [])


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v.get('help')} [{v.get('helpUrl', '')}]")
        for node in v.get("nodes", [])[:10]:
            target = " ".join(json.dumps(t) if not isinstance(t, str) else t for t in node.get("target", []))
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    at {target}: {summary[:300]}")
        if len(v.get("nodes", [])) > 10:
            lines.append(f"    … and {len(v['nodes']) - 10} more elements")
    return "\n".join(lines)
