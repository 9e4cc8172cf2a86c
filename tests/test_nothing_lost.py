"""Nothing lost: every file claimcheck writes is written atomically, and no file it did not write is replaced.

Each writer (reports via --output, extract -o, extract --merge, baseline create/update) is tested to
refuse a foreign file (exit 2, contents unchanged), to replace its own earlier output where that is
allowed, to obey --force, and to leave the old content and no temporary file when interrupted.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ROOT, inside, run, run_check, small_project
from helpers import TWO_CLAIMS as CLAIMS
from typer.testing import CliRunner

from checker import report
from checker.cli.app import app
from checker.io import writing as files

runner = CliRunner()

DOC = "区域内就诊率由2020年的88.6%提升到93.4%。\n医疗服务能力持续提升，区域内就诊率达95%以上，门诊量达到46.8万人次。\n"
FOREIGN = "my own notes, not a report\n"
FORMATS = sorted(report.FORMATS)


@pytest.fixture
def project(tmp_path):
    with inside(small_project(tmp_path, CLAIMS, DOC)) as folder:
        yield folder


def leftovers(folder: Path = Path(".")) -> list:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ---------------------------------------------------------------- reports

@pytest.mark.parametrize("fmt", FORMATS)
def test_a_report_refuses_a_foreign_file_and_replaces_its_own(project, fmt):
    out = Path(f"report.{fmt}")
    out.write_text(FOREIGN, encoding="utf-8")
    refused = run("check", "--docs", "docs", "-f", fmt, "-o", str(out))
    assert refused.exit_code == 2
    assert str(out) in refused.stderr and "--force" in refused.stderr and "not written by claimcheck" in refused.stderr
    assert out.read_text(encoding="utf-8") == FOREIGN
    forced = run("check", "--docs", "docs", "-f", fmt, "-o", str(out), "--force")
    assert forced.exit_code == 1, forced.stderr  # the contradiction between a and b
    first = out.read_text(encoding="utf-8")
    assert first != FOREIGN and report.is_report(first)
    Path("docs/d.txt").write_text(DOC.replace("95%以上", "93.4%"), encoding="utf-8")  # fixed: a new report
    again = run("check", "--docs", "docs", "-f", fmt, "-o", str(out))  # a CI re-run over its own report
    assert again.exit_code in (0, 1), again.stderr
    assert out.read_text(encoding="utf-8") != first or fmt in ("claimreview",)
    assert leftovers() == []


@pytest.mark.parametrize("command", [["validate", "--docs", "docs"], ["lint", "docs"]])
def test_validate_and_lint_reports_are_guarded_too(project, command):
    out = Path("out.json")
    out.write_text(FOREIGN, encoding="utf-8")
    assert run(*command, "-f", "json", "-o", str(out)).exit_code == 2
    assert out.read_text(encoding="utf-8") == FOREIGN
    assert run(*command, "-f", "json", "-o", str(out), "--force").exit_code in (0, 1)
    assert json.loads(out.read_text(encoding="utf-8"))["tool"]["name"] == "claimcheck"
    assert run(*command, "-f", "json", "-o", str(out)).exit_code in (0, 1)


def test_one_foreign_output_stops_the_run_before_anything_is_written(project):
    Path("mine.html").write_text(FOREIGN, encoding="utf-8")
    result = run("check", "--docs", "docs", "-f", "sarif", "-o", "new.sarif", "-f", "html", "-o", "mine.html")
    assert result.exit_code == 2 and "mine.html" in result.stderr
    assert not Path("new.sarif").exists() and Path("mine.html").read_text(encoding="utf-8") == FOREIGN


def test_a_report_never_replaces_a_claim_file_or_a_baseline(project):
    assert run("baseline", "create", "--docs", "docs").exit_code == 0
    for target in ("claims/c.yaml", ".claimcheck-baseline.json"):
        before = Path(target).read_bytes()
        assert run("check", "--docs", "docs", "-f", "json", "-o", target).exit_code == 2
        assert Path(target).read_bytes() == before


def test_a_folder_is_not_a_report_file(project):
    result = run("check", "--docs", "docs", "-f", "json", "-o", "docs")
    assert result.exit_code == 2 and "is a folder" in result.stderr


def test_every_format_is_recognised_and_other_files_are_not():

    spec_dir = ROOT / "seeds"
    result = run_check([str(ROOT / "claims" / "002_e4d2c26514aca587.yaml")], str(spec_dir), str(ROOT / "rules"))
    for fmt in FORMATS:
        assert report.is_report(report.render(result, fmt)), fmt
    from checker.run.suppressions import render_baseline
    for text in ("# notes\n", "{}", "[1, 2]", '{"tool": "claimcheck"}', "- id: a\n", "<html></html>",
                 "::error ::not ours\n", render_baseline(result.findings), CLAIMS, "\x00binary"):
        assert not report.is_report(text), text
    assert report.is_report("")  # an empty file holds nothing (a GitHub report with no findings is empty)


# ---------------------------------------------------------------- extract

def test_extract_refuses_any_existing_file_even_its_own_drafts(project):
    """Drafts are edited by people after they are written: a re-run needs --merge or --force."""
    assert run("extract", "docs/d.txt", "-o", "drafts.yaml", "--rules", "rules").exit_code == 0
    edited = Path("drafts.yaml").read_text(encoding="utf-8").replace("  status: draft", "  status: reviewed", 1)
    Path("drafts.yaml").write_text(edited, encoding="utf-8")
    again = run("extract", "docs/d.txt", "-o", "drafts.yaml", "--rules", "rules")
    assert again.exit_code == 2 and "drafts.yaml" in again.stderr and "--force" in again.stderr
    assert Path("drafts.yaml").read_text(encoding="utf-8") == edited
    assert run("extract", "docs/d.txt", "-o", "drafts.yaml", "--rules", "rules", "--force").exit_code == 0
    assert "  status: reviewed" not in Path("drafts.yaml").read_text(encoding="utf-8")


def test_merge_keeps_a_bom_crlf_file_byte_for_byte(project):
    original = ("\ufeff# 人工整理，请保留此注释\r\n"
                "- id: mine-1\r\n  metric: 区域内就诊率   # corrected\r\n  entity: 荣昌区\r\n  period: \"2022\"\r\n"
                "  kind: actual\r\n  surface: 93.4%\r\n  source: {doc: d.txt, line: 1, quote: 提升到93.4%}").encode("utf-8")
    path = Path("claims/c.yaml")
    path.write_bytes(original)
    first = run("extract", "docs/d.txt", "--docs", "docs", "-o", str(path), "--merge", "--rules", "rules")
    assert first.exit_code == 0, first.stderr
    merged = path.read_bytes()
    assert merged.startswith(original) and b"\n" not in merged[len(original):].replace(b"\r\n", b"")
    assert b"- id: mine-1" in merged and merged.count(b"status: draft") >= 2
    second = run("extract", "docs/d.txt", "--docs", "docs", "-o", str(path), "--merge", "--rules", "rules")
    assert second.exit_code == 0 and "0 new drafts" in second.stderr
    assert path.read_bytes() == merged


def test_merge_refuses_a_file_it_cannot_append_to(project):
    path = Path("flow.yaml")
    path.write_text("[{id: x, metric: m, entity: e, period: \"2022\", kind: actual, surface: 1个,"
                    " source: {doc: d.txt, line: 1, quote: 1个}}]\n", encoding="utf-8")
    before = path.read_bytes()
    result = run("extract", "docs/d.txt", "--docs", "docs", "-o", str(path), "--merge", "--rules", "rules")
    assert result.exit_code == 2 and "flow.yaml" in result.stderr and "block list" in result.stderr
    assert path.read_bytes() == before
    Path("notes.txt").write_text(FOREIGN, encoding="utf-8")  # not a claim file at all
    result = run("extract", "docs/d.txt", "-o", "notes.txt", "--merge", "--rules", "rules")
    assert result.exit_code == 2 and Path("notes.txt").read_text(encoding="utf-8") == FOREIGN


# ---------------------------------------------------------------- baseline

def test_baseline_update_replaces_its_own_baseline_and_refuses_another_file(project):
    assert run("baseline", "create", "--docs", "docs").exit_code == 0
    refused = run("baseline", "create", "--docs", "docs")
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert run("baseline", "update", "--docs", "docs").exit_code == 0
    assert json.loads(Path(".claimcheck-baseline.json").read_text(encoding="utf-8"))["version"] == 1
    Path("package.json").write_text('{"name": "site"}\n', encoding="utf-8")
    refused = run("baseline", "update", "--docs", "docs", "-o", "package.json")
    assert refused.exit_code == 2 and "package.json" in refused.stderr and "--force" in refused.stderr
    assert Path("package.json").read_text(encoding="utf-8") == '{"name": "site"}\n'
    assert run("baseline", "update", "--docs", "docs", "-o", "package.json", "--force").exit_code == 0
    assert json.loads(Path("package.json").read_text(encoding="utf-8"))["version"] == 1


# ---------------------------------------------------------------- interrupted writes

WRITERS = {
    "report": (["check", "--docs", "docs", "-f", "json", "-o", "out.json"], "out.json"),
    "extract": (["extract", "docs/d.txt", "-o", "out.yaml", "--rules", "rules", "--force"], "out.yaml"),
    "merge": (["extract", "docs/d.txt", "--docs", "docs", "-o", "claims/c.yaml", "--merge", "--rules", "rules"],
              "claims/c.yaml"),
    "baseline": (["baseline", "update", "--docs", "docs", "-o", "out.json"], "out.json"),
}


@pytest.mark.parametrize("where", ["fsync", "replace"])
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_an_interrupted_write_keeps_the_old_file_and_leaves_no_temporary_one(project, monkeypatch, writer, where):
    args, target = WRITERS[writer]
    if writer in ("report", "baseline"):  # an earlier file of its own, which the run would replace
        assert run("baseline", "create", "--docs", "docs", "-o", target).exit_code == 0
        if writer == "report":
            Path(target).write_text(json.dumps({"version": 1, "tool": {"name": "claimcheck"}, "findings": []}),
                                    encoding="utf-8")
    elif writer == "extract":
        Path(target).write_text("# old drafts\n", encoding="utf-8")
    before = Path(target).read_bytes()

    def interrupt(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, where, interrupt)
    try:
        result = runner.invoke(app, args, catch_exceptions=False)
    except KeyboardInterrupt:
        pass
    else:
        assert result.exit_code == 130  # the command caught it and said so
    monkeypatch.undo()
    assert Path(target).read_bytes() == before
    assert leftovers(Path(target).parent) == [] and leftovers() == []


def test_a_failing_disk_is_a_clear_error_with_no_temporary_file(project, monkeypatch):
    def full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    result = run("check", "--docs", "docs", "-f", "json", "-o", "out.json")
    assert result.exit_code == 2 and "out.json" in result.stderr and "No space left" in result.stderr
    assert not Path("out.json").exists() and leftovers() == []


def test_atomic_write_keeps_permissions_and_refuses_unless_told(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    with pytest.raises(files.WriteError, match="refusing to overwrite"):
        files.atomic_write(path, "new")
    with pytest.raises(files.WriteError, match="not written by claimcheck"):
        files.atomic_write(path, "new", ours=lambda text: text == "mine")
    files.atomic_write(path, "new", ours=lambda text: text == "old")
    assert path.read_text(encoding="utf-8") == "new" and (path.stat().st_mode & 0o777) == 0o640
    files.atomic_write(path, "newer", overwrite=True)
    assert path.read_text(encoding="utf-8") == "newer" and leftovers(tmp_path) == []


def test_atomic_write_makes_the_folders_on_the_way(tmp_path):
    """`extract report.txt -o claims/report.yaml` in a project that has no claims folder yet."""
    path = tmp_path / "claims" / "2023" / "report.yaml"
    files.atomic_write(path, "- id: a\n")
    assert path.read_text(encoding="utf-8") == "- id: a\n" and leftovers(tmp_path / "claims" / "2023") == []
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(files.WriteError, match="cannot write"):
        files.atomic_write(tmp_path / "file" / "under-a-file.yaml", "x")  # a file is in the way: a clear error
