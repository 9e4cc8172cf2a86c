"""The HTML report in a real headless browser: it loads cleanly, the filters work, a screenshot is taken."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from helpers import ROOT, run_check, workspace

from checker import report

pytestmark = pytest.mark.browser

SHOTS = ROOT / "tests" / ".cache" / "screenshots"

CLAIMS = """\
- {id: a, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
- {id: b, metric: 区域就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 95%以上, source: {doc: d.txt, line: 3, quote: 区域就诊率达95%以上}}
- {id: c, metric: 人均预期寿命, entity: 荣昌区, period: "2022", kind: actual, surface: 78.9岁, source: {doc: d.txt, line: 1, quote: 人均预期寿命达78.9岁}}
- {id: x, metric: "<script>alert('x')</script>", entity: 荣昌区, period: "2022", kind: actual, surface: "36家", source: {doc: d.txt, line: 5, quote: "<b>36家</b>"}}
"""
DOC = ("区域内就诊率由2020年的88.6%提升到93.4%，人均预期寿命达78.9岁。\n\n"
       "医疗服务能力持续提升，区域就诊率达95%以上，接种率率达99%。\n\n<b>36家</b>医疗机构<script>alert(1)</script>\n")


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("html")
    metrics = [{"name": "区域内就诊率", "aliases": ["区域就诊率"], "unit": "percent"},
               {"name": "人均预期寿命", "unit": "岁"}]
    c, d, r = workspace(tmp, {"claims": CLAIMS, "docs": {"d.txt": DOC}, "metrics": metrics})
    result = run_check([str(c)], str(d), str(r))
    out = tmp / "report.html"
    out.write_text(report.render(result, "html"), encoding="utf-8")
    return out


def test_everything_from_documents_and_claims_is_escaped(page):
    html = page.read_text(encoding="utf-8")
    assert "<script>alert" not in html.split("<script>\n(function")[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;<mark" in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html  # a metric name from a claim file
    assert "http://" not in html and "https://" not in html  # self-contained: nothing to fetch


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium and driver, "run tests/setup.sh: it installs Debian's chromium and chromium-driver"
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not try to download anything
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1280,2000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    b = webdriver.Chrome(service=Service(driver), options=options)
    yield b
    b.quit()


def test_page_loads_without_console_errors_and_filters_work(page, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(page.as_uri())
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    visible = lambda: [f for f in browser.find_elements(By.CSS_SELECTOR, ".finding") if f.is_displayed()]
    total = len(visible())
    codes = {f.get_attribute("data-code") for f in visible()}
    assert {"CC201", "CC401"} <= codes and total >= 3
    assert browser.find_element(By.ID, "shown").text == str(total)

    Select(browser.find_element(By.ID, "rule")).select_by_value("CC201")
    assert {f.get_attribute("data-code") for f in visible()} == {"CC201"}
    Select(browser.find_element(By.ID, "rule")).select_by_value("")

    browser.find_element(By.CSS_SELECTOR, "input[name=severity][value=error]").click()
    assert "error" not in {f.get_attribute("data-severity") for f in visible()}
    assert len(visible()) < total

    marks = browser.find_elements(By.CSS_SELECTOR, "mark.claim")
    assert {m.text for m in marks} >= {"93.4%", "95%以上", "78.9岁"}
    assert "bad" in browser.find_element(By.ID, "claim-b").get_attribute("class")

    link = browser.find_element(By.CSS_SELECTOR, ".finding[data-code=CC201] a[href*='-L3']")
    assert link is not None  # both ends of the contradiction are linked
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / "report.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000


def test_consistent_claims_are_listed(page):
    html = page.read_text(encoding="utf-8")
    section = html.split('id="consistent"')[1]
    assert ">c<" in section and "78.9岁" in section  # 人均预期寿命 had no finding
    assert ">a<" not in section  # a is contradicted


def test_the_info_resting_on_drafts_guesses_shows_when_asked(tmp_path, browser):
    from selenium.webdriver.common.by import By

    from checker.extract.drafts import records, render_yaml
    from checker.extract.extractor import make_extractor
    from checker.load.rulefiles import RuleFiles

    text = "全区建成长者照护之家54家。全区建成长者照护之家60家。区域内就诊率达93.4%，就诊率达95%。\n"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.txt").write_text(text, encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text(render_yaml(records(make_extractor(RuleFiles.of(None)).document("plan.txt", text))),
                      encoding="utf-8")
    result = run_check([str(claims)], str(tmp_path / "docs"), None, lint=[])
    held = [f for f in result.findings if f.guess]
    assert held
    out = tmp_path / "report.html"
    out.write_text(report.render(result, "html"), encoding="utf-8")
    browser.get(out.as_uri())
    visible = lambda: [f for f in browser.find_elements(By.CSS_SELECTOR, ".finding") if f.is_displayed()]
    assert not any(f.get_attribute("data-guess") for f in visible())  # held back, as in the terminal
    assert browser.find_element(By.ID, "shown").text == str(len(result.findings) - len(held))
    browser.find_element(By.ID, "guesses").click()
    assert len([f for f in visible() if f.get_attribute("data-guess")]) == len(held)
