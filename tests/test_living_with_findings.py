"""Baselines, document suppressions and configuration, through the command line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import TWO_CLAIMS as CLAIMS
from helpers import inside, run, small_project

DOC = "区域内就诊率由2020年的88.6%提升到93.4%。\n医疗服务能力持续提升，区域内就诊率达95%以上，接种率率达99%。\n"


@pytest.fixture
def project(tmp_path):
    """A small project folder, used as the working directory."""
    with inside(small_project(tmp_path, CLAIMS, DOC)) as folder:
        yield folder


def report(*args) -> dict:
    result = run("check", "--docs", "docs", "--format", "json", *args)
    return json.loads(result.stdout) | {"exit": result.exit_code}


def test_baseline_accepts_known_findings_and_reports_fixed_ones(project):
    assert report()["exit"] == 1
    assert run("baseline", "create", "--docs", "docs").exit_code == 0
    assert Path(".claimcheck-baseline.json").exists()
    known = report("--baseline", ".claimcheck-baseline.json")
    assert known["exit"] == 0 and known["findings"] == [] and known["summary"]["baselined"] >= 2
    # fix the contradiction: its baseline entry is now stale
    Path("claims/c.yaml").write_text(CLAIMS.replace("95%以上", "93.4%").replace("达93.4%}", "达93.4%}"), encoding="utf-8")
    Path("docs/d.txt").write_text(DOC.replace("95%以上", "93.4%"), encoding="utf-8")
    after = report("--baseline", ".claimcheck-baseline.json")
    assert "CC106" in {f["code"] for f in after["findings"]} and after["exit"] == 0
    # a new problem is not in the baseline and fails the run
    Path("docs/d.txt").write_text(DOC.replace("95%以上", "93.4%") + "复评复评工作\n", encoding="utf-8")
    assert "CC401" in {f["code"] for f in report("--baseline", ".claimcheck-baseline.json", "--fail-on", "warning")["findings"]}


def test_baseline_create_refuses_to_overwrite_and_update_needs_a_file(project):
    assert run("baseline", "update", "--docs", "docs").exit_code == 2
    assert run("baseline", "create", "--docs", "docs").exit_code == 0
    again = run("baseline", "create", "--docs", "docs")
    assert again.exit_code == 2 and "refusing to overwrite" in again.stderr
    assert run("baseline", "update", "--docs", "docs").exit_code == 0


def test_a_broken_baseline_is_a_clear_error(project):
    Path("b.json").write_text("[1, 2]", encoding="utf-8")
    result = run("check", "--docs", "docs", "--baseline", "b.json")
    assert result.exit_code == 2 and "not a claimcheck baseline" in result.stderr


def test_document_suppressions_need_a_reason_and_must_match(project):
    Path(".claimcheck-ignore.yaml").write_text(
        "- {doc: docs/d.txt, line: 2, code: CC401, reason: quoted verbatim from the source on purpose}\n"
        "- {doc: docs/d.txt, line: 9, code: CC404, reason: no longer there}\n", encoding="utf-8")
    out = report()
    codes = [f["code"] for f in out["findings"]]
    assert "CC401" not in codes and out["summary"]["suppressed"] == 1
    assert codes.count("CC107") == 1  # the line-9 entry matches nothing
    Path(".claimcheck-ignore.yaml").write_text("- {doc: docs/d.txt, line: 2, code: CC401, reason: ''}\n",
                                               encoding="utf-8")
    codes = [f["code"] for f in report()["findings"]]
    assert "CC401" in codes and "CC105" in codes


def test_configuration_in_pyproject(project):
    Path("pyproject.toml").write_text(
        '[tool.claimcheck]\ndocs = "docs"\nfail-on = "warning"\nignore = ["CC201"]\n'
        '[tool.claimcheck.severity]\nCC401 = "error"\n', encoding="utf-8")
    result = run("check", "--format", "json")
    found = json.loads(result.stdout)["findings"]
    assert "CC201" not in {f["code"] for f in found}
    assert {f["severity"] for f in found if f["code"] == "CC401"} == {"error"}
    assert result.exit_code == 1


def test_configuration_in_yaml_and_tolerances(project):
    Path(".claimcheck.yaml").write_text("docs: docs\nselect: [CC201]\ntolerances: {about: 0.2}\n", encoding="utf-8")
    Path("claims/c.yaml").write_text(CLAIMS.replace("95%以上", "约110%"), encoding="utf-8")
    Path("docs/d.txt").write_text(DOC.replace("95%以上", "约110%"), encoding="utf-8")
    assert report()["findings"] == []  # ±20% makes 约110% reach 93.4%
    Path(".claimcheck.yaml").write_text("docs: docs\nselect: [CC201]\n", encoding="utf-8")
    assert [f["code"] for f in report()["findings"]] == ["CC201"]


def test_settings_merge_the_command_line_over_the_file_over_the_defaults(project):
    """One typed Settings, merged once; the library takes the same object the command line makes."""
    from checker.load import settings

    Path(".claimcheck.yaml").write_text("fail_on: warning\nselect: [cc201]\nengine: duckdb\n", encoding="utf-8")
    merged = settings.resolve({"fail_on": "info", "docs": None}, folder=Path("."))
    assert merged.fail_on == "info"  # the command line wins
    assert merged.select == ("CC201",)  # the file, in the form codes are compared in
    assert merged.claims == ("claims",) and merged.cache_dir == ".claimcheck-cache"  # the defaults
    assert merged.origin("select") == "`select` of .claimcheck.yaml" and merged.origin("fail_on") == "--fail-on"
    assert settings.resolve({}, folder=Path("."), command="lint").claims == ()
    Path(".claimcheck.yaml").write_text("fail_on: infos\n", encoding="utf-8")
    with pytest.raises(settings.SettingsError, match=r"\.claimcheck\.yaml.*fail-on"):
        settings.resolve({}, folder=Path("."))


def test_a_code_of_no_rule_is_refused_naming_where_it_was_written(project):
    from checker.load import settings
    from checker.run import runner

    Path(".claimcheck.yaml").write_text("select: [CC2O1]\n", encoding="utf-8")
    with pytest.raises(runner.InputError, match=r"'CC2O1' in `select` of \.claimcheck\.yaml \(did you mean CC201\?\)"):
        runner.run(settings.resolve({}, folder=Path(".")))


@pytest.mark.parametrize("text,message", [
    ("[tool.claimcheck]\ncolour = 1\n", "unknown setting"),
    ("[tool.claimcheck]\nfail-on = 'loud'\n", "fail-on"),
    ("[tool.claimcheck.severity]\nCC401 = 'fatal'\n", "severity"),
    ("[tool.claimcheck\n", "pyproject.toml"),
])
def test_bad_configuration_is_a_clear_error(project, text, message):
    Path("pyproject.toml").write_text(text, encoding="utf-8")
    result = run("check", "--docs", "docs")
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_the_library_behaves_as_the_command_line(project):
    """The same configuration, suppressions and findings, whether typed or called."""
    from checker import report as reports
    from checker.load import settings
    from checker.run import runner

    Path(".claimcheck.yaml").write_text("docs: docs\nfail_on: warning\n", encoding="utf-8")
    typed = report()
    called = json.loads(reports.render(runner.run(settings.resolve({}, folder=Path("."))), "json"))
    assert [f["fingerprint"] for f in called["findings"]] == [f["fingerprint"] for f in typed["findings"]]
    assert called["summary"] == typed["summary"]
