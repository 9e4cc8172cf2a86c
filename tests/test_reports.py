"""Machine-readable reports, validated against their schemas."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from helpers import ROOT, run_check, workspace

from checker import report

SARIF_SCHEMA = ROOT / "tests" / ".cache" / "sarif-schema-2.1.0.json"

CLAIMS = """\
- {id: a, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
- {id: b, metric: 区域就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 95%以上, source: {doc: d.txt, line: 2, quote: 区域就诊率达95%以上}}
- {id: c, metric: 区域内就诊率, entity: 荣昌区, period: "2025", kind: target, surface: 95%以上, source: {doc: d.txt, line: 3, quote: 2025年区域内就诊率达95%以上}}
"""
DOC = "区域内就诊率由2020年的88.6%提升到93.4%。\n医疗服务能力持续提升，区域就诊率达95%以上，接种率率达99%。\n2025年区域内就诊率达95%以上\n"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("reports")
    c, d, r = workspace(tmp, {"claims": CLAIMS, "docs": {"d.txt": DOC},
                              "metrics": [{"name": "区域内就诊率", "aliases": ["区域就诊率"], "unit": "percent"}]})
    return run_check([str(c)], str(d), str(r))


def test_json_report_matches_its_published_schema(result):
    schema = json.loads((ROOT / "checker" / "data" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = json.loads(report.render(result, "json"))
    jsonschema.Draft202012Validator(schema).validate(doc)
    assert {f["code"] for f in doc["findings"]} >= {"CC201", "CC202", "CC203", "CC401"}


def test_sarif_is_valid_sarif_2_1_0(result):
    assert SARIF_SCHEMA.exists(), "run tests/setup.sh: it fetches the SARIF 2.1.0 schema"
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(report.render(result, "sarif"))
    jsonschema.Draft7Validator(schema).validate(log)
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["CC201"]["defaultConfiguration"]["level"] == "error" and rules["CC201"]["help"]["text"]
    [contradiction] = [r for r in run["results"] if r["ruleId"] == "CC201"]
    assert run["tool"]["driver"]["rules"][contradiction["ruleIndex"]]["id"] == "CC201"
    uris = [loc["physicalLocation"]["artifactLocation"]["uri"]
            for loc in contradiction["locations"] + contradiction["relatedLocations"]]
    assert any(u.endswith("example.yaml") for u in uris) and any(u.endswith("d.txt") for u in uris)
    assert len(contradiction["partialFingerprints"]["claimcheck/v1"]) == 32


def test_fingerprints_are_stable_across_runs_and_line_moves(tmp_path, result):
    before = {f.code: f.fingerprint() for f in result.findings if f.code == "CC201"}
    c, d, r = workspace(tmp_path, {"claims": "# a comment that moves every record down\n\n" + CLAIMS,
                                   "docs": {"d.txt": "\n" + DOC},
                                   "metrics": [{"name": "区域内就诊率", "aliases": ["区域就诊率"], "unit": "percent"}]})
    moved = run_check([str(c)], str(d), str(r))
    after = {f.code: f.fingerprint() for f in moved.findings if f.code == "CC201"}
    assert before == after and before


def test_junit_has_one_case_per_rule_and_failures_for_findings(result):
    root = ET.fromstring(report.render(result, "junit"))
    suite = root.find("testsuite")
    cases = {c.get("name").split()[0]: c for c in suite.findall("testcase")}
    assert cases["CC201"].find("failure") is not None
    assert cases["CC100"].find("failure") is None
    assert int(suite.get("failures")) == sum(1 for c in cases.values() if c.find("failure") is not None)


def test_github_annotations(result):
    lines = report.render(result, "github").splitlines()
    [error] = [line for line in lines if "title=CC201" in line]
    assert error.startswith("::error file=") and ",line=" in error and "::" in error[2:]
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_github_escapes_newlines_and_commas():
    from checker.report.github import _data, _prop
    assert _data("a\nb%") == "a%0Ab%25" and _prop("x,y:z") == "x%2Cy%3Az"


def test_claimreview_rates_every_claim(result):
    reviews = json.loads(report.render(result, "claimreview"))
    by_id = {r["identifier"]: r for r in reviews}
    assert set(by_id) == {"a", "b", "c"}
    assert by_id["a"]["@type"] == "ClaimReview" and by_id["a"]["@context"] == "https://schema.org"
    assert by_id["a"]["reviewRating"]["ratingValue"] == 1  # contradicted
    assert by_id["a"]["claimReviewed"] == "提升到93.4%"
    assert "CC201" in by_id["a"]["reviewBody"]


def test_markdown_and_text_agree_on_the_summary(result):
    md = report.render(result, "markdown")
    text = report.render(result, "text")
    from checker.report.summary import summary_line
    line = summary_line(result)
    assert line in text and line.split(" in ")[0] in md


def test_text_report_prints_places_as_written():
    """A place such as `doc.txt:100:92` is printed as it is: rich would read `:100:` as an emoji code."""
    from checker.model.findings import Finding, Location
    from checker.report import text
    from checker.run.runner import Result

    finding = Finding("CC401", "warning", "`率` is printed twice in “接种率率达”", (Location("doc.txt", 100, 92, "source"),))
    shown = text.render(Result([finding], 0, 0))
    assert "100:92" in shown and "💯" not in shown
