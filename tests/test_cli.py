"""The command line: formats, exit codes, errors without tracebacks."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from helpers import ROOT, run, workspace
from typer.testing import CliRunner

from checker.cli.app import app

runner = CliRunner()

CLAIMS = """\
- {id: a, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
- {id: b, metric: 区域就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 95%以上, source: {doc: d.txt, line: 2, quote: 区域就诊率达95%以上}}
"""
DOCS = {"d.txt": "区域内就诊率由2020年的88.6%提升到93.4%。\n医疗服务能力持续提升，区域就诊率达95%以上。\n"}
METRICS = [{"name": "区域内就诊率", "aliases": ["区域就诊率"], "unit": "percent"}]


def invoke(tmp_path, claims=CLAIMS, *args):
    c, d, r = workspace(tmp_path, {"claims": claims, "docs": DOCS, "metrics": METRICS})
    return runner.invoke(app, ["check", str(c), "--docs", str(d), "--rules", str(r), *args])


def test_contradiction_exits_1_and_names_both_lines(tmp_path):
    result = invoke(tmp_path, CLAIMS, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["version"] == 1
    [finding] = [f for f in report["findings"] if f["code"] == "CC201"]
    assert finding["severity"] == "error"
    sources = [(loc["path"].rsplit("/", 1)[-1], loc["line"]) for loc in finding["locations"] if loc["role"] == "source"]
    assert sources == [("d.txt", 1), ("d.txt", 2)]
    claims = [loc["line"] for loc in finding["locations"] if loc["role"] == "claim"]
    assert claims == [1, 2]
    assert report["summary"]["by_severity"]["error"] == 1


def test_clean_claims_exit_0(tmp_path):
    result = invoke(tmp_path, CLAIMS.splitlines()[0] + "\n")
    assert result.exit_code == 0, result.stdout
    assert "0 errors" in result.stdout


def test_fail_on_warning_counts_warnings(tmp_path):
    claims = CLAIMS.splitlines()[0] + "\n" + CLAIMS.splitlines()[0].replace("id: a", "id: c").replace("区域内就诊率,", "就诊率X,") + "\n"
    assert invoke(tmp_path, claims).exit_code == 0  # CC130 is a warning
    assert invoke(tmp_path / "w", claims, "--fail-on", "warning").exit_code == 1


def test_select_and_ignore(tmp_path):
    assert invoke(tmp_path, CLAIMS, "--ignore", "CC201").exit_code == 0
    result = invoke(tmp_path / "s", CLAIMS, "--select", "CC205", "--format", "json")
    assert json.loads(result.stdout)["findings"] == []


def test_unknown_rule_code_is_a_usage_error(tmp_path):
    result = invoke(tmp_path, CLAIMS, "--select", "CC999")
    assert result.exit_code == 2
    assert "unknown rule code" in result.stderr


def test_text_report_groups_by_document(tmp_path):
    result = invoke(tmp_path, CLAIMS)
    out = result.stdout
    assert "d.txt" in out.splitlines()[0]
    assert "CC201" in out and "error" in out
    assert "1 error" in out.splitlines()[-1]


def test_output_file_is_written(tmp_path):
    out = tmp_path / "report.json"
    result = invoke(tmp_path, CLAIMS, "--format", "json", "--output", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["findings"]


def test_bad_yaml_exits_2_without_traceback(tmp_path):
    result = invoke(tmp_path, "- id: a\n  metric: [oops\n")
    assert result.exit_code == 2
    assert "example.yaml:3" in result.stderr and "cannot parse YAML" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_missing_rules_folder_exits_2(tmp_path):
    c, d, _ = workspace(tmp_path, {"claims": CLAIMS, "docs": DOCS})
    result = runner.invoke(app, ["check", str(c), "--docs", str(d), "--rules", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "rules folder not found" in result.stderr


def test_missing_claims_path_exits_2(tmp_path):
    result = runner.invoke(app, ["check", str(tmp_path / "none.yaml"), "--rules", str(ROOT / "rules")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_validate_skips_cross_checks(tmp_path):
    c, d, r = workspace(tmp_path, {"claims": CLAIMS, "docs": DOCS, "metrics": METRICS})
    result = runner.invoke(app, ["validate", str(c), "--docs", str(d), "--rules", str(r)])
    assert result.exit_code == 0, result.stdout


def test_rules_and_explain():
    listed = runner.invoke(app, ["rules"])
    assert listed.exit_code == 0 and "CC201" in listed.stdout and "contradiction" in listed.stdout
    explained = runner.invoke(app, ["explain", "cc201"])
    assert "Failing example::" in explained.stdout and "Passing example::" in explained.stdout
    assert runner.invoke(app, ["explain", "CC999"]).exit_code == 2


def test_module_and_version_entry_points():
    out = subprocess.run([sys.executable, "-m", "checker", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and out.stdout.startswith("claimcheck ")


def test_bad_option_is_exit_2(tmp_path):
    result = invoke(tmp_path, CLAIMS, "--format", "pdf")
    assert result.exit_code == 2


def test_markdown_report_escapes_and_summarises(tmp_path):
    claims = CLAIMS.replace("metric: 区域就诊率", "metric: 区域就诊率")
    result = invoke(tmp_path, claims, "--format", "markdown")
    assert result.exit_code == 1
    md = result.stdout
    assert md.startswith("# claimcheck report")
    assert "| CC201 | 1 |" in md
    assert "\\[actual, 2022\\]" in md  # brackets from messages are escaped


def test_markdown_escape_neutralises_html():
    from checker.report.markdown import escape
    assert escape("<script>alert(1)</script> | *x*") == "\\<script\\>alert(1)\\</script\\> \\| \\*x\\*"


def test_a_failing_schema_prints_findings_and_no_library_warnings(tmp_path):
    # pandera reports a failing schema and imports pyspark's pandas layer when pyspark is installed (as here):
    # its warning about pandas versions is noise above the findings
    (tmp_path / "c.yaml").write_text('- {id: a, metric: 床位数, entity: 甲市, period: "2023", kind: guess, surface: 12张}\n',
                                     encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "checker", "check", "c.yaml"], capture_output=True, text=True,
                         cwd=tmp_path, env={k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"})
    assert out.returncode == 1 and "field `kind` is 'guess'" in out.stdout
    assert "Warning" not in out.stderr, out.stderr


def test_check_finds_the_documents_beside_the_one_claim_file_it_is_given(tmp_path):
    (tmp_path / "report.txt").write_text("2024年，全市医院病床使用率达85.2%。\n", encoding="utf-8")
    drafted = run("extract", str(tmp_path / "report.txt"), "-o", str(tmp_path / "claims.yaml"))
    assert drafted.exit_code == 0, drafted.output
    assert drafted.output.strip().endswith(f"next: claimcheck check {tmp_path / 'claims.yaml'}")  # no --docs needed
    out = run("check", str(tmp_path / "claims.yaml"), "--no-cache")
    assert "CC120" not in out.output and "the claim file's folder" in out.output and "1 document linted" in out.output
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "claims.yaml").rename(elsewhere / "claims.yaml")  # the documents are not beside it: --docs needed
    out = run("check", str(elsewhere / "claims.yaml"), "--no-cache")
    assert "CC120" in out.output and "--docs" in out.output
    assert out.output.startswith("claimcheck: no documents folder (--docs DIR")  # said once, before the findings


def test_the_reports_claimcheck_wrote_beside_the_documents_are_not_linted_as_documents(tmp_path):
    (tmp_path / "report.txt").write_text("2024年，全市医院病床使用率达85.2%。\n", encoding="utf-8")
    claims = str(tmp_path / "claims.yaml")
    assert run("extract", str(tmp_path / "report.txt"), "-o", claims).exit_code == 0
    for fmt, name in (("html", "out.html"), ("markdown", "out.md"), ("text", "out.txt")):
        out = run("check", claims, "--no-cache", "-f", fmt, "-o", str(tmp_path / name))
        assert (tmp_path / name).stat().st_size > 0, out.output
    (tmp_path / "notes.md").write_text("# 备忘\n\n全市医院病床使用率达85.2%。\n", encoding="utf-8")  # a person's file
    out = run("check", claims, "--no-cache")
    assert "2 documents linted" in out.output, out.output  # report.txt and notes.md, none of the three reports


def test_extract_again_in_a_folder_skips_what_claimcheck_wrote_there(tmp_path):
    (tmp_path / "2023年卫生健康统计公报.txt").write_text("2023年末，全国医院38355个。\n", encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    assert run("extract", str(tmp_path / "2023年卫生健康统计公报.txt"), "-o", str(claims)).exit_code == 0
    report = tmp_path / "report.html"
    assert run("check", str(claims), "-f", "html", "-o", str(report)).exit_code == 0
    again = run("extract", *sorted(str(p) for p in tmp_path.iterdir()), "-o", str(tmp_path / "again.yaml"))
    assert again.exit_code == 0, again.output
    assert "claims.yaml: skipped, a claim file" in again.output and "report.html: skipped, a report" in again.output
    drafts = (tmp_path / "again.yaml").read_text(encoding="utf-8")
    assert drafts.count("surface:") == 1 and "report.html" not in drafts  # the bulletin's one figure, nothing else
    folder = run("extract", str(tmp_path), "-o", str(tmp_path / "folder.yaml"))  # a folder: the documents in it
    assert folder.exit_code == 0 and (tmp_path / "folder.yaml").read_text(encoding="utf-8").count("surface:") == 1
    alone = run("extract", str(claims), "-o", str(tmp_path / "none.yaml"))
    assert alone.exit_code == 2 and "no documents to draft claims from" in alone.output
