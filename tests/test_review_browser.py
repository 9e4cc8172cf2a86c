"""claimcheck review in headless Chromium (issue #24): confirm two drafts, correct a third, reject a fourth,
draft a claim for a figure that has none, all from the keyboard and the panel; then the claim file on disk
and the findings the page shows. Screenshots go to tests/.cache/screenshots/review-*.png."""
from __future__ import annotations

import threading

import pytest
import yaml
from review_workspace import COMMENT, SEED, started
from test_html_browser import SHOTS, browser  # noqa: F401  (the shared headless Chromium)

from checker.review.server import create_app

pytestmark = pytest.mark.browser
TOKEN = "browser-test-token"


@pytest.fixture()
def server(tmp_path):
    from werkzeug.serving import make_server

    review, path = started(tmp_path)
    httpd = make_server("127.0.0.1", 0, create_app(review, TOKEN), threaded=False)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/?token={TOKEN}", path, review
    httpd.shutdown()


def test_an_editor_confirms_corrects_rejects_and_drafts_from_the_page(server, browser):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    url, path, review = server
    browser.get(url)
    wait = WebDriverWait(browser, 60)
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "mark.draft"))
    body = browser.find_element(By.TAG_NAME, "body")
    saves = [0]

    def saved():
        saves[0] += 1
        wait.until(lambda b: b.find_element(By.TAG_NAME, "body").get_attribute("data-saved") == str(saves[0]))

    def pick(state: str, nth: int = 0):
        browser.find_elements(By.CSS_SELECTOR, f"mark.{state}")[nth].click()
        return browser.find_element(By.ID, "panel-where").text.split(" in ")[0]

    first = pick("draft")
    body.send_keys("c")  # confirm from the keyboard
    saved()
    second = pick("draft")
    body.send_keys("c")
    saved()
    third = pick("draft")
    metric = browser.find_element(By.CSS_SELECTOR, "input[name=metric]")
    metric.clear()
    metric.send_keys("三级医院数")
    browser.find_element(By.ID, "confirm").click()  # correct and confirm
    saved()
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "review-panel.png"))
    fourth = pick("draft")
    body.send_keys("x")  # asks for the reason first
    reason = browser.find_element(By.ID, "reason")
    assert browser.switch_to.active_element == reason
    reason.send_keys("不是统计数字", Keys.ENTER)
    saved()
    browser.find_elements(By.CSS_SELECTOR, "mark.none")[-1].click()
    uncaptured = browser.find_element(By.ID, "panel-title").text.split(" · ")[0]
    body.send_keys("d")  # draft a claim for a figure that has none
    saved()
    browser.save_screenshot(str(SHOTS / "review-document.png"))

    records = {r["id"]: r for r in yaml.safe_load(path.read_text(encoding="utf-8"))}
    assert records[first]["status"] == records[second]["status"] == "reviewed"
    assert records[third]["status"] == "reviewed" and records[third]["metric"] == "三级医院数"
    assert fourth not in records and "不是统计数字" in path.read_text(encoding="utf-8")
    drafted = [r for r in records.values() if r["surface"] == uncaptured and r["status"] == "reviewed"]
    assert len(drafted) == 1
    assert COMMENT in path.read_text(encoding="utf-8")  # an untouched record's comment

    shown = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#findings li")]
    expected = review.document(f"{SEED}.txt")["findings"]
    assert len(shown) == len(expected) and all(f["code"] in line for f, line in zip(expected, shown))
    mark = browser.find_element(By.CSS_SELECTOR, f"mark[title^='{first}']")
    assert mark.get_attribute("class").split()[0] in ("confirmed", "finding")  # no longer a draft
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
