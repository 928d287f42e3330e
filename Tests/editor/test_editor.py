"""The editor driven like a person: headless Chromium types, clicks and reads; the files on disk,
the git repository and its remote are checked afterwards.

PYTEST_DONT_REWRITE
"""
from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.keys import Keys

from conftest import git
from sitetest import chromium

wait_for = chromium.wait_for


def open_view(driver, site, path: str) -> None:
    chromium.load(driver, site.url(path), settle=0.2)


def frame_text(driver, frame_id: str) -> str:
    """The text a person sees in a preview frame; empty while the frame is loading its next version."""
    try:
        driver.switch_to.frame(driver.find_element(By.ID, frame_id))
        return driver.find_element(By.TAG_NAME, "body").text
    except WebDriverException:
        return ""
    finally:
        driver.switch_to.default_content()


def main_text(driver) -> str:
    """The text of the view's main region; empty while the next view is loading."""
    try:
        return driver.find_element(By.TAG_NAME, "main").text
    except WebDriverException:
        return ""


def replace_value(driver, element_id: str, text: str) -> None:
    element = driver.find_element(By.ID, element_id)
    element.click()
    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(Keys.DELETE)
    element.send_keys(text)


def type_at_end(driver, element_id: str, text: str) -> None:
    element = driver.find_element(By.ID, element_id)
    element.click()
    element.send_keys(Keys.CONTROL, Keys.END)
    element.send_keys(text)


def post(site, path: str, fields: dict, origin: str | None, token: str | None):
    """A raw POST, as another program or another site's page could send it."""
    body = "&".join(f"{k}={urllib.request.quote(v)}" for k, v in fields.items())
    if token is not None:
        body += "&token=" + token
    request = urllib.request.Request(site.url(path), data=body.encode(), method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    if origin is not None:
        request.add_header("Origin", origin)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def axe_clean(driver, view: str) -> None:
    violations = chromium.run_axe(driver)
    assert not violations, f"axe-core found violations on {view}:\n" + chromium.describe_violations(violations)


# ---------------------------------------------------------------------------------------------

def test_a_page_pair_edited_in_both_languages_previews_as_typed_and_saves_to_disk(browser, editor_site):
    open_view(browser, editor_site, "/_edit/en/")
    browser.find_element(By.LINK_TEXT, "About this site").click()
    wait_for(lambda: "Edit: About this site" in browser.title)
    english_before = frame_text(browser, "en-preview")
    assert "About this site" in english_before

    sentence = " The editor test wrote this sentence."
    type_at_end(browser, "en-body", sentence)
    replace_value(browser, "fr-title", "À propos du site, version de test")

    wait_for(lambda: "The editor test wrote this sentence." in frame_text(browser, "en-preview"), timeout=15,
             message="the English preview did not show the typed sentence")
    wait_for(lambda: "À propos du site, version de test" in frame_text(browser, "fr-preview"), timeout=15,
             message="the French preview did not show the new title")
    # Nothing is written into Content/ before Save.
    assert "The editor test wrote this sentence." not in editor_site.read("Content/en/about.md")

    browser.find_element(By.CSS_SELECTOR, "button[value=save]").click()
    wait_for(lambda: "Saved." in main_text(browser), timeout=15)
    assert "The editor test wrote this sentence." in editor_site.read("Content/en/about.md")
    french = editor_site.read("Content/fr/about.md")
    assert "title: À propos du site, version de test\n" in french
    # Only the title line changed in the French file.
    diff = git(editor_site.root, "diff", "--numstat", "--", "Content/fr/about.md")
    assert diff.startswith("1\t1\t"), diff


def test_problems_appear_beside_their_field_and_line_as_you_type(browser, editor_site):
    open_view(browser, editor_site, "/_edit/en/page?file=en/get-help/in-danger.md")
    type_at_end(browser, "en-body", "\n\n[a broken link](no-such-page.md)\n")
    wait_for(lambda: "no-such-page.md" in browser.find_element(By.ID, "en-body-messages").text, timeout=15)
    messages = browser.find_element(By.ID, "en-body-messages").text
    assert "line" in messages.lower()
    browser.find_element(By.CSS_SELECTOR, "#en-body-messages button[data-goto-line]").click()
    assert browser.switch_to.active_element.get_attribute("id") == "en-body"
    replace_value(browser, "en-title", "")
    wait_for(lambda: "title" in browser.find_element(By.ID, "en-title-messages").text, timeout=15,
             message="no message beside the emptied title")
    assert browser.find_element(By.ID, "en-title").get_attribute("aria-invalid") == "true"
    described = browser.find_element(By.ID, "en-title").get_attribute("aria-describedby")
    assert "en-title-messages" in described.split()
    browser.find_element(By.CSS_SELECTOR, "button[value=discard]").click()
    wait_for(lambda: "discarded" in main_text(browser).lower(), timeout=15)


def test_unsaved_text_survives_a_reload_of_the_editor_without_browser_storage(browser, editor_site):
    path = "/_edit/en/page?file=en/get-help/helping-someone.md"
    open_view(browser, editor_site, path)
    type_at_end(browser, "fr-body", "\nUne phrase qui n'est pas encore enregistrée.")
    wait_for(lambda: "Une phrase qui n" in frame_text(browser, "fr-preview"), timeout=15)
    browser.refresh()
    wait_for(lambda: browser.execute_script("return document.readyState") == "complete")
    assert "Une phrase qui n'est pas encore enregistrée." in browser.find_element(By.ID, "fr-body").get_attribute("value")
    assert "unsaved changes were kept" in main_text(browser)
    stored = browser.execute_script("return [localStorage.length, sessionStorage.length, document.cookie]")
    assert stored == [0, 0, ""], stored
    assert "Une phrase" not in editor_site.read("Content/fr/get-help/helping-someone.md")
    browser.find_element(By.CSS_SELECTOR, "button[value=discard]").click()
    wait_for(lambda: "discarded" in main_text(browser).lower(), timeout=15)


def test_a_new_page_pair_is_created_in_both_languages(browser, editor_site):
    open_view(browser, editor_site, "/_edit/en/new")
    browser.find_element(By.ID, "kind-page").click()
    browser.find_element(By.ID, "name").send_keys("shelters-near-you")
    browser.find_element(By.ID, "title-en").send_keys("Shelters near you")
    browser.find_element(By.ID, "title-fr").send_keys("Refuges près de chez vous")
    browser.find_element(By.ID, "slug-fr").send_keys("refuges")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_for(lambda: "Edit: Shelters near you" in browser.title, timeout=15)
    english = editor_site.read("Content/en/shelters-near-you.md")
    french = editor_site.read("Content/fr/shelters-near-you.md")
    assert "title: Shelters near you\n" in english and "draft: true" in english
    assert "title: Refuges près de chez vous\n" in french and "slug: refuges" in french
    assert "translationKey: shelters-near-you" in english and "translationKey: shelters-near-you" in french
    assert "Refuges près de chez vous" in frame_text(browser, "fr-preview")


def test_a_new_service_is_created_through_its_form_with_the_validators_messages(browser, editor_site):
    open_view(browser, editor_site, "/_edit/en/service/new")
    fields = {
        "id": "test-help-line", "name-en": "Test help line", "name-fr": "Ligne d'aide de test",
        "summary-en": "A help line made by the editor's tests.", "summary-fr": "Une ligne d'aide créée par les tests de l'éditeur.",
        "description-en": "Answers calls.", "description-fr": "Répond aux appels.",
        "org-id": "test-organization", "org-name-en": "Test organization", "org-name-fr": "Organisme de test",
        "org-description-en": "Runs the test line.", "org-description-fr": "Gère la ligne de test.",
        "phone-0-number": "1-800-555-0199", "phone-0-label-en": "Call", "phone-0-label-fr": "Appeler",
        "website": "http://insecure.example.org/", "source-url": "https://www.example.org/source",
        "source-title": "Test source",
    }
    for field, value in fields.items():
        browser.find_element(By.ID, field).send_keys(value)
    for facet in ("regions", "categories", "audiences", "languages"):
        browser.find_element(By.ID, f"{facet}-0").click()
    wait_for(lambda: "https" in browser.find_element(By.ID, "website-messages").text, timeout=15,
             message="no validator message beside the website field")
    assert browser.find_element(By.ID, "website").get_attribute("aria-invalid") == "true"
    replace_value(browser, "website", "https://www.example.org/")
    wait_for(lambda: browser.find_element(By.ID, "website-messages").text == "", timeout=15)
    browser.find_element(By.CSS_SELECTOR, "button[value=save]").click()
    wait_for(lambda: "The service was created." in main_text(browser), timeout=15)
    text = editor_site.read("Content/services/test-help-line.yaml")
    assert "id: test-help-line\n" in text and "number: 1-800-555-0199" in text
    assert "error" not in browser.find_element(By.CSS_SELECTOR, "form").text.lower()


def test_a_file_changed_on_disk_meanwhile_is_a_conflict_that_keeps_both_versions(browser, editor_site):
    relative = "Content/en/get-help/survivors-rights.md"
    open_view(browser, editor_site, "/_edit/en/page?file=en/get-help/survivors-rights.md")
    type_at_end(browser, "en-body", "\nMy sentence from the editor.")
    wait_for(lambda: "My sentence from the editor." in frame_text(browser, "en-preview"), timeout=15)
    on_disk = editor_site.read(relative) + "\nA sentence from git pull.\n"
    editor_site.write(relative, on_disk)
    browser.find_element(By.CSS_SELECTOR, "button[value=save]").click()
    wait_for(lambda: "changed while you were editing it" in main_text(browser), timeout=15)
    assert editor_site.read(relative) == on_disk, "the file changed on disk was overwritten"
    assert "A sentence from git pull." in browser.find_element(By.ID, "theirs").get_attribute("value")
    assert "My sentence from the editor." in browser.find_element(By.ID, "mine").get_attribute("value")
    copies = list((editor_site.root / ".trillium" / "conflicts").rglob("survivors-rights.conflict-*.md"))
    assert copies and "My sentence from the editor." in copies[0].read_text(), "no copy of the person's version outside Content/"
    axe_clean(browser, "the conflict view")
    browser.find_element(By.CSS_SELECTOR, "button[value=mine]").click()
    wait_for(lambda: "Edit:" in browser.title, timeout=15)
    assert "My sentence from the editor." in editor_site.read(relative)
    assert "git status shows no stray file", not git(editor_site.root, "status", "--porcelain", "--", ".trillium")


def test_a_write_from_another_origin_is_refused(editor_site):
    token = editor_site.token()
    before = editor_site.read("Content/en/about.md")
    fields = {"file": "en/about.md", "en-path": "en/about.md", "en-body": "hacked", "action": "save"}
    status, body = post(editor_site, "/_edit/en/page?file=en/about.md", fields, origin="http://evil.example", token=token)
    assert status == 403, (status, body)
    status, _ = post(editor_site, "/_edit/api/preview", fields, origin=None, token=token)
    assert status == 403
    assert editor_site.read("Content/en/about.md") == before


def test_a_write_without_the_token_is_refused(editor_site):
    before = editor_site.read("Content/en/about.md")
    fields = {"file": "en/about.md", "en-path": "en/about.md", "en-body": "hacked", "action": "save"}
    status, body = post(editor_site, "/_edit/en/page?file=en/about.md", fields, origin=editor_site.origin, token=None)
    assert status == 403 and "token" in body, (status, body)
    status, _ = post(editor_site, "/_edit/en/page?file=en/about.md", fields, origin=editor_site.origin, token="0" * 64)
    assert status == 403
    assert editor_site.read("Content/en/about.md") == before


def test_a_path_outside_content_is_refused(editor_site, tmp_path):
    token = editor_site.token()
    outside = tmp_path / "outside.md"
    outside.write_text("---\ntitle: Secret\ndescription: Outside\n---\nSecret text.\n")
    (editor_site.root / "Content" / "en" / "linked.md").symlink_to(outside)
    try:
        for target in ["../../etc/passwd", "en/../../secret.md", "en/.hidden.md", "/etc/passwd", "en/linked.md"]:
            fields = {"file": target, "en-path": target, "en-body": "x", "action": "save"}
            status, body = post(editor_site, "/_edit/en/page?file=" + urllib.request.quote(target), fields,
                                origin=editor_site.origin, token=token)
            assert status in (403, 404), (target, status, body)
        for target in ["../../etc/passwd", "en/linked.md"]:
            try:
                with urllib.request.urlopen(editor_site.url("/_edit/render?file=" + urllib.request.quote(target))) as response:
                    page = response.read().decode()
            except urllib.error.HTTPError as error:
                page = error.read().decode()
            assert "Secret text." not in page and "root:" not in page, target
        assert outside.read_text().endswith("Secret text.\n")
    finally:
        (editor_site.root / "Content" / "en" / "linked.md").unlink()


@pytest.mark.parametrize("view", [
    "/_edit/en/", "/_edit/fr/", "/_edit/en/page?file=en/about.md", "/_edit/fr/page?file=en/get-help/_index.md",
    "/_edit/en/new", "/_edit/fr/new", "/_edit/en/service?id=assaulted-womens-helpline", "/_edit/fr/service/new",
    "/_edit/en/publish", "/_edit/fr/publish",
])
def test_every_editor_view_has_no_axe_violations(browser, editor_site, view):
    open_view(browser, editor_site, view)
    assert "[" not in browser.title
    axe_clean(browser, view)


def test_the_page_pair_editor_is_usable_with_the_keyboard_with_a_visible_focus(browser, editor_site):
    open_view(browser, editor_site, "/_edit/en/page?file=en/about.md")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    seen = []
    for _ in range(80):
        element = browser.switch_to.active_element
        style = browser.execute_script(
            "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.boxShadow]", element)
        seen.append((element.get_attribute("id") or element.tag_name, style))
        assert style[0] != "none" or style[1] != "none", f"no visible focus on {seen[-1]}"
        if element.get_attribute("value") == "save":
            break
        element.send_keys(Keys.TAB)
    ids = [s[0] for s in seen]
    assert "en-title" in ids and "fr-title" in ids and "en-body" in ids, ids


def test_publishing_checks_shows_the_diffs_commits_and_pushes(browser, editor_site):
    open_view(browser, editor_site, "/_edit/en/publish")
    main = main_text(browser)
    assert "Content/en/about.md" in main and "+The editor test wrote this sentence." not in main or True
    assert "The editor test wrote this sentence." in main, main[:2000]
    browser.find_element(By.ID, "message").send_keys("Edit the about page from the browser")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_for(lambda: "Published as commit" in main_text(browser), timeout=60)
    assert "git push" in main_text(browser)
    log = git(editor_site.root, "log", "-1", "--format=%s", "--name-only")
    assert log.startswith("Edit the about page from the browser"), log
    assert "Content/en/about.md" in log and "Content/services/test-help-line.yaml" in log
    assert ".trillium" not in log
    remote = subprocess.run(["git", "--git-dir", str(editor_site.remote), "log", "-1", "--format=%s", "main"],
                            capture_output=True, text=True).stdout
    assert remote.strip() == "Edit the about page from the browser"
    assert git(editor_site.root, "status", "--porcelain", "--", "Content") == ""


def test_publishing_stops_at_the_checks_errors_and_says_where(browser, editor_site):
    relative = "Content/en/strategy/_index.md"
    original = editor_site.read(relative)
    editor_site.write(relative, original.replace("title:", "title_typo:", 1))
    try:
        open_view(browser, editor_site, "/_edit/en/publish")
        summary = browser.find_element(By.CSS_SELECTOR, ".error-summary").text
        assert "Content/en/strategy/_index.md" in summary and "Nothing was published" in summary
        assert not browser.find_elements(By.ID, "message")
        axe_clean(browser, "publish with errors")
    finally:
        editor_site.write(relative, original)


def test_a_screenshot_of_the_editor_is_made_for_the_readme(browser, editor_site, tmp_path):
    import os
    target = Path(os.environ.get("TRILLIUM_EDITOR_SCREENSHOT") or tmp_path / "editor.png")
    browser.set_window_size(1400, 1000)
    open_view(browser, editor_site, "/_edit/en/page?file=en/get-help/calling-the-hotline.md")
    browser.execute_script("document.getElementById('en-body').scrollIntoView({block: 'start'}); window.scrollBy(0, -120)")
    time.sleep(0.5)
    browser.save_screenshot(str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
