"""Inputs to survive (issue #8): every bad input gets a clear message, the right exit code, no traceback.

Each case is a record: `description` and `outcome` are the rows of
docs/bad-inputs.md, which `python tests/bad_inputs_table.py` writes and
`test_table_is_up_to_date` keeps in step with this file.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from helpers import GOOD_RECORD as GOOD
from helpers import ROOT, workspace
from typer.testing import CliRunner

from checker.cli.app import app

runner = CliRunner()

DOC = "区域内就诊率由2020年的88.6%提升到93.4%。\n"
METRICS = [{"name": "区域内就诊率", "unit": "percent"}]


@dataclass(frozen=True)
class Case:
    name: str
    description: str                      # the input, as docs/bad-inputs.md shows it
    outcome: str                          # what claimcheck does with it
    build: Callable[[Path], list]         # writes the files under tmp, returns the command line
    exit: int
    expect: tuple = ()                    # text the output must contain: file, line, field, advice
    verify: Callable | None = None        # further checks: verify(tmp, output)
    in_tmp: bool = False                  # run with tmp as the working folder (configuration files)
    interrupt: str | None = None          # run in a real process, interrupted (Ctrl-C) in this function


# --- building workspaces -----------------------------------------------------------------------

def ws(tmp: Path, claims: str = GOOD, docs: dict | None = None):
    return workspace(tmp, {"claims": claims, "docs": {"d.txt": DOC} if docs is None else docs, "metrics": METRICS})


def check_with(claims: str = GOOD, docs: dict | None = None, *extra):
    def build(tmp):
        c, d, r = ws(tmp, claims, docs)
        return ["check", str(c), "--docs", str(d), "--rules", str(r), *extra]
    return build


def edit(old: str, new: str, *extra) -> Callable:
    assert old in GOOD
    return check_with(GOOD.replace(old, new), None, *extra)


def doc_bytes(data: bytes, *extra, command: str = "check"):
    """The claim file is good; d.txt holds exactly these bytes."""
    def build(tmp):
        c, d, r = ws(tmp)
        (d / "d.txt").write_bytes(data)
        if command == "check":
            return ["check", str(c), "--docs", str(d), "--rules", str(r), *extra]
        return [command, str(d / "d.txt"), "--rules", str(r), *extra]
    return build


def with_file(name: str, text: str, *extra, claims: str = GOOD):
    """A file next to the workspace (configuration, suppressions) and the check command."""
    def build(tmp):
        c, d, r = ws(tmp, claims)
        (tmp / name).write_text(text, encoding="utf-8")
        return ["check", str(c), "--docs", str(d), "--rules", str(r), *extra]
    return build


def rules_file(name: str, text: str, command: str = "check"):
    """A rules folder whose file `name` is replaced by text (or by a folder when text is None)."""
    def build(tmp):
        c, d, r = ws(tmp)
        target = r / name
        target.unlink(missing_ok=True)
        if text is None:
            target.mkdir()
        else:
            target.write_text(text, encoding="utf-8")
        if command == "extract":
            return ["extract", str(d / "d.txt"), "--rules", str(r)]
        return ["check", str(c), "--docs", str(d), "--rules", str(r)]
    return build


def duplicate_id_files(tmp):
    c, d, r = ws(tmp)
    (c / "other.yaml").write_text(GOOD, encoding="utf-8")
    return ["check", str(c), "--docs", str(d), "--rules", str(r)]


def symlink_outside(tmp):
    (tmp / "outside.txt").write_text(DOC, encoding="utf-8")
    c, d, r = ws(tmp, GOOD.replace("doc: d.txt", "doc: link.txt"))
    (d / "link.txt").symlink_to(tmp / "outside.txt")
    return ["check", str(c), "--docs", str(d), "--rules", str(r)]


def doc_is_folder(tmp):
    c, d, r = ws(tmp, GOOD.replace("doc: d.txt", "doc: sub"))
    (d / "sub").mkdir()
    return ["check", str(c), "--docs", str(d), "--rules", str(r)]


def folder_option(option: str):
    def build(tmp):
        c, d, r = ws(tmp)
        (tmp / "a-folder").mkdir()
        return ["check", str(c), "--docs", str(d), "--rules", str(r), option, str(tmp / "a-folder")]
    return build


def unreadable(which: str):
    def build(tmp):
        c, d, r = ws(tmp)
        target = c / "example.yaml" if which == "file" else d
        target.chmod(0)
        return ["check", str(c), "--docs", str(d), "--rules", str(r)]
    return build


def long_lines(tmp):
    filler = "一" * 1_000_000
    quote = "提升到93.4%" + "二" * 100_000
    c, d, r = ws(tmp, GOOD.replace("quote: 提升到93.4%", f"quote: {quote}"), {"d.txt": filler + quote + "。\n"})
    return ["check", str(c), "--docs", str(d), "--rules", str(r), "--select", "CC121,CC122,CC123"]


def extract_doc(data: bytes, *extra):
    def build(tmp):
        (tmp / "d.txt").write_bytes(data)
        return ["extract", str(tmp / "d.txt"), "--rules", str(ROOT / "rules"), *extra]
    return build


def reports(tmp):
    evil = "<script>alert(1)</script>"
    doc = DOC  # the quote is not in it: CC121 repeats the quote in every report
    claims = GOOD.replace("quote: 提升到93.4%", f"quote: '提升到93.4%{evil}'").replace("line: 1", "line: 2").replace(
        "  source:", f"  note: '{evil} & <b>bold</b>'\n  source:")
    c, d, r = ws(tmp, claims, {"d.txt": doc})
    out = []
    for fmt, name in (("html", "r.html"), ("junit", "r.xml"), ("markdown", "r.md"), ("sarif", "r.sarif")):
        out += ["-f", fmt, "-o", str(tmp / name)]
    return ["check", str(c), "--docs", str(d), "--rules", str(r), *out]


# --- documents in other formats (issue #23) -------------------------------------------------------

FORMATS = ROOT / "tests" / "formats"


def document_file(name: str, make: Callable[[], bytes], command: str = "extract", *extra):
    """A document `name` holding make()'s bytes, given to extract, text, lint, or check (cited by the claim)."""
    def build(tmp):
        c, d, r = ws(tmp, GOOD.replace("doc: d.txt", f"doc: {name}"))
        (d / name).write_bytes(make())
        if command == "check":
            return ["check", str(c), "--docs", str(d), "--rules", str(r), *extra]
        return [command, str(d / name), *extra] + (["--rules", str(r)] if command in ("extract", "lint") else [])
    return build


def scanned_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a page with a picture and no text layer
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "93.4% in 2022")
    return bytes(pdf.output())


def truncated_docx() -> bytes:
    data = (FORMATS / "table.docx").read_bytes()
    return data[: len(data) // 2]


def damaged_docx() -> bytes:
    """A whole zip whose document part has been overwritten in the middle (its checksum fails)."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(FORMATS / "table.docx") as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename))
    data = bytearray(out.getvalue())
    at = data.find(b"<w:body>")
    data[at:at + 8] = b"XXXXXXXX"
    return bytes(data)


def zip_bomb(part: str) -> Callable[[], bytes]:
    """A few kilobytes of zip whose one part expands to 200 MB of zeros."""
    def make() -> bytes:
        import io
        import zipfile

        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            with archive.open(part, "w", force_zip64=True) as entry:
                block = b"\0" * (1 << 20)
                for _ in range(200):
                    entry.write(block)
        return out.getvalue()
    return make


def old_doc() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096


def page_with_scripts() -> bytes:
    return ("<html><head><script>document.title='x'; fetch('/pwned')</script></head><body>"
            "<p>区域内就诊率由2020年的88.6%提升到93.4%。</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
            "<script>window.location='https://example.com/'</script></body></html>").encode("utf-8")


def html_named_pdf() -> bytes:
    return b"<!DOCTYPE html><html><body><p>404 Not Found</p></body></html>"


def corrupt_pdf() -> bytes:
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ngarbage" + b"\x00\xff" * 100


def scripts_never_run_nor_shown(tmp, output):
    html = (tmp / "r.html").read_text(encoding="utf-8")
    assert "CC401" in html  # the page was read: 率率
    assert "fetch('/pwned')" not in html and "window.location" not in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def lint_page_with_scripts(tmp):
    c, d, r = ws(tmp)
    (d / "page.html").write_bytes(page_with_scripts() + "<p>接种率率达99%以上。</p>".encode("utf-8"))
    return ["lint", str(d / "page.html"), "--rules", str(r), "-f", "html", "-o", str(tmp / "r.html")]


def one_finding_for_the_run(tmp, output):
    assert output.stdout.count("CC401") == 1 and "40,000 times in a row" in output.stdout, output.stdout[:2000]


# --- further checks ----------------------------------------------------------------------------

def nothing_executed(tmp, output):
    assert not (tmp / "pwned").exists()


def quick(seconds: float):
    def verify(tmp, output):
        assert output.elapsed < seconds, f"took {output.elapsed:.1f} s"
    return verify


def escaped_everywhere(tmp, output):
    evil = "<script>alert(1)</script>"
    html, junit = (tmp / "r.html").read_text(encoding="utf-8"), (tmp / "r.xml").read_text(encoding="utf-8")
    assert evil not in html and "&lt;script&gt;" in html
    assert evil not in junit and "&lt;script&gt;alert(1)&lt;/script&gt;" in junit
    assert evil not in (tmp / "r.md").read_text(encoding="utf-8")
    sarif = json.loads((tmp / "r.sarif").read_text(encoding="utf-8"))  # JSON: the text survives as data
    assert any(evil in r["message"]["text"] for r in sarif["runs"][0]["results"])


def drafts_at_line(line: int, surface: str):
    def verify(tmp, output):
        assert f"line: {line}" in output.stdout and surface in output.stdout
    return verify


# --- the cases ---------------------------------------------------------------------------------

Z = "\u200b"
CASES = [
    # YAML that does not parse, or is not a list of records
    Case("yaml-tab", "Malformed YAML: a tab used as indentation",
         "exit 2: `FILE:LINE:COL: cannot parse YAML: found character that cannot start any token`",
         edit("  kind: actual", "\tkind: actual"), 2, ("example.yaml:5", "cannot parse YAML")),
    Case("yaml-indent", "Malformed YAML: a key indented deeper than its siblings",
         "exit 2: `FILE:LINE:COL: cannot parse YAML: …`",
         edit("  kind: actual", "     kind: actual"), 2, ("example.yaml:5", "cannot parse YAML")),
    Case("yaml-unclosed-quote", "Malformed YAML: a quote never closed",
         "exit 2: `FILE:LINE:COL: cannot parse YAML: found unexpected end of stream`",
         edit('period: "2022"', 'period: "2022'), 2, ("example.yaml:", "cannot parse YAML", "end of stream")),
    Case("empty-file", "An empty claim file (or one with only comments)",
         "accepted as a file that claims nothing yet (exit 0); the summary counts 0 claims",
         check_with("# nothing yet\n"), 0, ("0 errors",)),
    Case("mapping-not-list", "A claim file that is one mapping instead of a list of records",
         "exit 2: `FILE:1: a claim file is a YAML list of records (`- id: ...`), not a mapping`",
         check_with("id: rc-1\nmetric: 区域内就诊率\n"), 2, ("example.yaml:1", "a YAML list of records")),
    Case("list-item-not-record", "A list item that is text, not a record",
         "CC100 at the item's line (exit 1): `a list item is text, not a record`",
         check_with(GOOD + "- just a sentence\n"), 1, ("example.yaml:11", "CC100", "a list item is text")),
    Case("unknown-field", "An unknown field (`sorce:`)",
         "CC103 at its line (exit 1), with the nearest known name: ``did you mean `source`?``",
         edit("  source:", "  sorce: x\n  source:"), 1, ("example.yaml:7", "CC103", "did you mean `source`")),
    Case("unknown-nested-field", "An unknown field inside `source` (`qoute:`)",
         "CC103 at its line (exit 1): ``unknown field `source.qoute`; did you mean `source.quote`?``",
         edit("    line: 1", "    line: 1\n    qoute: x"), 1, ("example.yaml:10", "`source.qoute`", "did you mean `source.quote`")),
    Case("missing-field", "A required field missing (`metric`)",
         "CC100 at the record's line (exit 1): ``field `metric` is required``",
         edit("  metric: 区域内就诊率\n", ""), 1, ("example.yaml:1", "CC100", "`metric` is required")),
    Case("duplicate-key", "The same key twice in one record",
         "CC101 at the second key (exit 1): ``duplicate key `kind` (first at line 5)``",
         edit("  kind: actual", "  kind: actual\n  kind: target"), 1, ("example.yaml:6", "CC101", "duplicate key `kind`")),
    Case("duplicate-id", "One id in two claim files",
         "CC102 (exit 1) naming both files and lines",
         duplicate_id_files, 1, ("CC102", "example.yaml:1", "other.yaml:1")),
    # YAML features used against the reader
    Case("billion-laughs", "YAML aliases nested as an expansion bomb (\"billion laughs\")",
         "exit 2 within a second: `FILE:LINE: YAML aliases expand this document beyond 100,000 extra nodes … refused`",
         check_with('- &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
                    + "".join(f"- &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))
                    + "- {id: x, metric: *i}\n"),
         2, ("example.yaml:", "billion laughs", "refused"), quick(10)),
    Case("alias-cycle", "A YAML alias that contains itself (`&a [*a]`)",
         "exit 2: `FILE:LINE: a YAML alias refers to itself; refused`",
         check_with("- &a [*a]\n"), 2, ("example.yaml:1", "refers to itself")),
    Case("alias-merge-ok", "Anchors and merge keys (`<<: *base`) used sparingly",
         "accepted: the merged record is checked like any other (exit 0)",
         check_with(GOOD.replace("- id: rc-1", "- &base\n  id: rc-1") + "- <<: *base\n  id: rc-2\n"), 0, ("2 claims",)),
    Case("python-object-tag", "`!!python/object/apply:os.system` and other Python tags",
         "exit 2 and nothing executed: `FILE:LINE:COL: cannot parse YAML: could not determine a constructor for the tag …`",
         lambda tmp: check_with(f"- !!python/object/apply:os.system [\"touch {tmp}/pwned\"]\n")(tmp),
         2, ("example.yaml:1", "could not determine a constructor", "python/object"), nothing_executed),
    Case("python-name-tag", "`!!python/name:os.system` as a field value",
         "exit 2: `FILE:LINE:COL: cannot parse YAML: could not determine a constructor …`",
         edit("  kind: actual", "  kind: !!python/name:os.system ''"), 2, ("example.yaml:5", "could not determine a constructor")),
    Case("custom-tag", "An unknown local tag (`!include other.yaml`)",
         "exit 2: `FILE:LINE:COL: cannot parse YAML: could not determine a constructor for the tag '!include'`",
         edit("  kind: actual", "  kind: !include other.yaml"), 2, ("example.yaml:5", "'!include'")),
    Case("deep-nesting", "Lists nested 100,000 deep",
         "exit 2: `FILE:LINE:COL: cannot parse YAML: exceeded maximum nesting depth`",
         check_with("- " + "[" * 100_000 + "]" * 100_000 + "\n"), 2, ("example.yaml", "cannot parse YAML")),
    # sizes
    Case("large-claim-file", "A claim file larger than the size limit (tested with `--max-file-size 8KB`)",
         "exit 2 before reading it: `FILE: N bytes is over the size limit of 8,192 bytes (raise it with --max-file-size …)`; "
         "the default limit is 100 MB",
         check_with(GOOD * 60, None, "--max-file-size", "8KB"), 2, ("example.yaml", "over the size limit", "--max-file-size")),
    Case("large-file-config", "The same limit set in `.claimcheck.yaml` (`max-file-size: 8KB`)",
         "exit 2, the same message",
         with_file(".claimcheck.yaml", "max-file-size: 8KB\n", claims=GOOD * 60), 2,
         ("example.yaml", "over the size limit"), in_tmp=True),
    Case("large-document", "A source document larger than the size limit",
         "exit 2: `DOC: N bytes is over the size limit …`",
         check_with(GOOD, {"d.txt": DOC * 300}, "--max-file-size", "8KB"), 2, ("d.txt", "over the size limit")),
    Case("bad-size", "`--max-file-size lots`",
         "exit 2: `not a size: 'lots' (write 100MB, 512KB or a number of bytes)`",
         check_with(GOOD, None, "--max-file-size", "lots"), 2, ("not a size",)),
    Case("long-lines", "Very long lines: a 1-million-character document line, a 100,000-character quote",
         "checked like any other (exit 0), in seconds",
         long_lines, 0, ("0 errors",), quick(60)),
    # values of the wrong kind
    Case("nan", "`value: .nan`", "CC100 at its line (exit 1): ``field `value` must be a finite number``",
         edit("  surface: 93.4%", "  surface: 93.4%\n  value: .nan"), 1, ("example.yaml:7", "`value` must be a finite number")),
    Case("inf", "`value: -.inf`", "CC100 at its line (exit 1): ``field `value` must be a finite number``",
         edit("  surface: 93.4%", "  surface: 93.4%\n  value: -.inf"), 1, ("example.yaml:7", "`value` must be a finite number")),
    Case("bool-value", "`value: yes` (a boolean in YAML 1.1)", "CC100 at its line (exit 1): ``field `value` must be a number, got True``",
         edit("  surface: 93.4%", "  surface: 93.4%\n  value: yes"), 1, ("example.yaml:7", "`value` must be a number", "True")),
    Case("bool-line", "`line: true`", "CC100 at its line (exit 1): ``field `source.line` must be a whole number``",
         edit("line: 1", "line: true"), 1, ("example.yaml:9", "`source.line` must be a whole number")),
    Case("date-value", "`value: 2022-01-01` (a date)", "CC100 at its line (exit 1): ``field `value` must be a number, got datetime.date(…)``",
         edit("  surface: 93.4%", "  surface: 93.4%\n  value: 2022-01-01"), 1, ("example.yaml:7", "`value` must be a number")),
    Case("date-period", "`period: 2022-06-01` (an unquoted date)",
         "CC100 at its line (exit 1): ``field `period` must be text (quote dates: \"2023-06\")``",
         edit('period: "2022"', "period: 2022-06-01"), 1, ("example.yaml:4", "`period` must be text", "quote dates")),
    Case("thousands-value", "`value: \"1,234\"` (thousands separators in `value`)",
         "CC100 at its line (exit 1): ``field `value` must be a number, got '1,234' (write it without separators: 1234)``",
         check_with(GOOD.replace("93.4%", "1,234人").replace("\n  source:", '\n  value: "1,234"\n  source:'),
                    {"d.txt": "共签约1,234人。\n"}),
         1, ("example.yaml:7", "`value` must be a number", "1234")),
    Case("fullwidth-value", "`value: \"９３.４\"` (full-width digits in `value`)",
         "read as 93.4, like the surface (exit 0)",
         edit("  surface: 93.4%", '  surface: 93.4%\n  value: "９３.４"'), 0, ("0 errors",)),
    Case("fullwidth-surface", "Full-width digits and a thousands separator in the surface and document (`１,２３４人`)",
         "read exactly as 1234 (exit 0)",
         check_with(GOOD.replace("93.4%", "１,２３４人").replace("区域内就诊率", "签约人数").replace(
             "\n  source:", "\n  value: 1234\n  source:"), {"d.txt": "签约人数提升到１,２３４人。\n"}), 0, ("0 errors",)),
    Case("unknown-unit", "`unit: 坨` (not in rules/units.txt)",
         "CC113 at the record (exit 1): ``unknown unit `坨` …``",
         edit("  surface: 93.4%", "  surface: '93.4'\n  unit: 坨"), 1, ("example.yaml:", "CC113", "坨")),
    Case("unknown-counter", "A surface with an unknown counter (`5坨`)",
         "CC113 (exit 1): the counter is not a unit",
         check_with(GOOD.replace("93.4%", "5坨"), {"d.txt": "提升到5坨。\n"}), 1, ("example.yaml:", "CC113")),
    # where documents are
    Case("doc-dotdot", "`source.doc: ../d.txt`",
         "CC120 at the record (exit 1): ``\\`../d.txt\\` must be a path inside the documents folder``",
         edit("doc: d.txt", "doc: ../d.txt"), 1, ("example.yaml:", "CC120", "must be a path inside the documents folder")),
    Case("doc-absolute", "`source.doc: /etc/passwd`",
         "CC120 (exit 1): ``\\`/etc/passwd\\` must be a path inside the documents folder``",
         edit("doc: d.txt", "doc: /etc/passwd"), 1, ("CC120", "must be a path inside the documents folder")),
    Case("doc-symlink", "`source.doc` a symlink to a file outside the documents folder",
         "CC120 (exit 1): `DOCS/link.txt leads outside the documents folder`",
         symlink_outside, 1, ("CC120", "leads outside the documents folder")),
    Case("doc-folder", "`source.doc` naming a folder", "CC120 (exit 1): `DOCS/sub: is a folder, not a file`",
         doc_is_folder, 1, ("CC120", "is a folder, not a file")),
    # encodings and line ends
    Case("gbk-document", "A document in GBK/GB18030, no `--encoding`",
         "exit 2: `DOC: not UTF-8 text (byte N); if it is GBK or GB18030, give --encoding gb18030`",
         doc_bytes(DOC.encode("gb18030")), 2, ("d.txt", "not UTF-8", "--encoding gb18030")),
    Case("gbk-with-encoding", "The same document with `--encoding gb18030`",
         "read as GB18030 (exit 0); UTF-8 files and files with a byte order mark are still read as such",
         doc_bytes(DOC.encode("gb18030"), "--encoding", "gb18030"), 0, ("0 errors",)),
    Case("utf16-bom", "A document in UTF-16 with a byte order mark", "detected from the mark and read (exit 0)",
         doc_bytes(DOC.encode("utf-16")), 0, ("0 errors",)),
    Case("utf8-bom", "A document in UTF-8 with a byte order mark",
         "the mark is dropped; lines and columns are right (exit 0)",
         doc_bytes(b"\xef\xbb\xbf" + DOC.encode()), 0, ("0 errors",)),
    Case("utf16-no-bom", "A document in UTF-16 without a byte order mark",
         "exit 2: `DOC: contains NUL bytes: UTF-16 without a byte order mark? Give --encoding utf-16-le …`",
         doc_bytes(DOC.encode("utf-16-le")), 2, ("d.txt", "NUL bytes", "--encoding utf-16-le")),
    Case("bad-encoding", "`--encoding klingon`", "exit 2: `unknown encoding 'klingon' (try gb18030, gbk, big5, utf-16)`",
         doc_bytes(DOC.encode(), "--encoding", "klingon"), 2, ("unknown encoding 'klingon'",)),
    Case("lint-gbk", "`claimcheck lint` on a GB18030 document with `--encoding gb18030`", "linted (exit 0)",
         doc_bytes(DOC.encode("gb18030"), "--encoding", "gb18030", command="lint"), 0, ("0 errors",)),
    Case("extract-gbk", "`claimcheck extract` on a GB18030 document, no `--encoding`",
         "exit 2: `DOC: not UTF-8 text (byte N); … give --encoding gb18030`",
         extract_doc(DOC.encode("gb18030")), 2, ("d.txt", "--encoding gb18030")),
    Case("extract-gbk-encoding", "`claimcheck extract --encoding gb18030` on it", "drafts the figures (exit 0)",
         extract_doc(DOC.encode("gb18030"), "--encoding", "gb18030"), 0, ("surface: 93.4%",)),
    Case("mixed-line-endings", "A document mixing CRLF, CR and LF line ends",
         "each ends one line, so `source.line` 4 is line 4 (exit 0; a wrong count would be CC122)",
         check_with(GOOD.replace("line: 1", "line: 4"), {"d.txt": "一\r\n二\r三\n" + DOC}), 0, ("0 errors",)),
    Case("extract-line-endings", "`claimcheck extract` on the same document", "drafts say `line: 4` (exit 0)",
         extract_doc("一\r\n二\r三\n".encode() + DOC.encode()), 0, (), drafts_at_line(4, "93.4%")),
    # invisible characters
    Case("zwsp-in-document", "U+200B (zero-width space) inside a number in the document",
         "CC121 (exit 1), saying where: `… (line 1 has it once invisible characters are ignored: U+200B ZERO WIDTH SPACE at 1:C)`",
         check_with(GOOD, {"d.txt": DOC.replace("93.4", "93" + Z + ".4")}), 1, ("CC121", "U+200B ZERO WIDTH SPACE at 1:")),
    Case("nbsp-in-document", "U+00A0 (no-break space) before the % in the document",
         "CC121 (exit 1): `… U+00A0 NO-BREAK SPACE at 1:C`",
         check_with(GOOD, {"d.txt": DOC.replace("93.4%", "93.4\u00a0%")}), 1, ("CC121", "U+00A0 NO-BREAK SPACE")),
    Case("wj-in-quote", "U+2060 (word joiner) inside the number in `source.quote`",
         "CC121 (exit 1): `… U+2060 WORD JOINER in the quote`",
         edit("quote: 提升到93.4%", "quote: \"提升到9\\u20603.4%\""), 1, ("CC121", "U+2060 WORD JOINER in the quote")),
    Case("bom-in-quote", "U+FEFF (a stray byte order mark) in `source.quote`",
         "CC121 (exit 1): `… U+FEFF ZERO WIDTH NO-BREAK SPACE in the quote`",
         edit("quote: 提升到93.4%", "quote: \"\\ufeff提升到93.4%\""), 1, ("CC121", "U+FEFF")),
    Case("zwsp-in-surface", "U+200B inside `surface` (or `id`, `period`, `unit`, `source.doc`)",
         "CC100 at its line (exit 1): ``field `surface` has an invisible character, U+200B ZERO WIDTH SPACE, at character 3: remove it``",
         edit("surface: 93.4%", 'surface: "93\\u200b.4%"'), 1, ("example.yaml:6", "CC100", "U+200B ZERO WIDTH SPACE")),
    Case("nbsp-in-metric", "U+00A0 (no-break space) in `metric` (or `entity`)",
         "CC130 warning (CC131 for an entity): the name is not the registry's (exit 1 with `--fail-on warning`)",
         edit("metric: 区域内就诊率", 'metric: "区域内\\u00a0就诊率"', "--fail-on", "warning"), 1,
         ("example.yaml:1", "CC130", "区域内\u00a0就诊率")),
    # markup in text fields
    Case("script-in-quote", "`<script>` and HTML in a quote and a note",
         "reported (exit 1); escaped in the HTML, JUnit and Markdown reports, kept as JSON text in SARIF",
         reports, 1, (), escaped_everywhere),
    # rules and rule codes
    Case("bad-regex-extract", "A bad regular expression in rules/extract.yaml `not_quantities` (`extract`)",
         "exit 2: ``FILE:LINE: `not_quantities`: bad regular expression '(unclosed': …``",
         rules_file("extract.yaml", "not_quantities:\n  - '[0-9]+号'\n  - '(unclosed'\n", command="extract"),
         2, ("extract.yaml:3", "not_quantities", "bad regular expression")),
    Case("bad-regex-lint", "A bad regular expression in rules/lint.yaml `compounds`",
         "exit 2: ``FILE:LINE: `compounds`: bad regular expression …``",
         rules_file("lint.yaml", "compounds:\n  - '十五五'\n  - '卒中(中心'\n"), 2, ("lint.yaml:3", "compounds")),
    Case("bad-regex-lint-slips", "A bad regular expression in rules/lint.yaml `slips`",
         "exit 2: ``FILE:LINE: `slips`: bad regular expression …``",
         rules_file("lint.yaml", "slips:\n  - {pattern: '3岁以上[婴', fix: x}\n"), 2, ("lint.yaml:2", "slips")),
    Case("bad-metrics-yaml", "rules/metrics.yaml that does not parse", "exit 2: `FILE:LINE:COL: cannot parse YAML: …`",
         rules_file("metrics.yaml", "- {name: x\n"), 2, ("metrics.yaml:", "cannot parse YAML")),
    Case("bad-units", "rules/units.txt with a bad definition", "exit 2: `FILE: bad unit definitions: …`",
         rules_file("units.txt", "坨 = [blob\n"), 2, ("units.txt",)),
    Case("unknown-code-select", "`--select CC999`",
         "exit 2: `unknown rule code 'CC999' in --select; `claimcheck rules` lists them`",
         check_with(GOOD, None, "--select", "CC999"), 2, ("'CC999'", "--select")),
    Case("unknown-code-ignore", "`--ignore CC20` (a typo)", "exit 2, with the nearest code: `… in --ignore (did you mean CC201?)`",
         check_with(GOOD, None, "--ignore", "CC20"), 2, ("'CC20'", "--ignore", "did you mean")),
    Case("unknown-code-config", "`select: [CC999]` in .claimcheck.yaml",
         "exit 2, naming the file: ``unknown rule code 'CC999' in `select` of .claimcheck.yaml``",
         with_file(".claimcheck.yaml", "select: [CC999]\n"), 2, ("'CC999'", "`select` of .claimcheck.yaml"), in_tmp=True),
    Case("unknown-code-severity", "`severity: {CC999: warning}` in .claimcheck.yaml",
         "exit 2: ``unknown rule code 'CC999' in `severity` of .claimcheck.yaml``",
         with_file(".claimcheck.yaml", "severity: {CC999: warning}\n"), 2, ("'CC999'", "`severity` of .claimcheck.yaml"),
         in_tmp=True),
    Case("unknown-setting", "`fail_onn: error` in .claimcheck.yaml",
         "exit 2: ``.claimcheck.yaml: unknown setting `fail_onn` (did you mean `fail-on`?) …``",
         with_file(".claimcheck.yaml", "fail_onn: error\n"), 2, (".claimcheck.yaml", "did you mean `fail-on`"), in_tmp=True),
    Case("unknown-code-ignore-field", "`ignore: {CC999: reason}` on a claim",
         "CC105 at the record (exit 1): the code belongs to no rule",
         edit("  kind: actual", "  kind: actual\n  ignore: {CC999: because}"), 1, ("example.yaml:", "CC105", "CC999")),
    Case("unknown-code-sidecar", "`code: CC999` in the suppressions file",
         "CC105 at the entry's line (exit 1)",
         lambda tmp: with_file("ignore.yaml", "- {doc: d.txt, line: 1, code: CC999, reason: x}\n",
                               "--suppressions", str(tmp / "ignore.yaml"))(tmp), 1, ("ignore.yaml:1", "CC105", "CC999")),
    # files that cannot be read
    Case("unreadable-claim-file", "A claim file with no read permission (chmod 000)",
         "exit 2: `FILE: cannot read: Permission denied` (as root, where chmod does not stop reading, the refusal is raised where files are opened)",
         unreadable("file"), 2, ("example.yaml", "Permission denied")),
    Case("unreadable-docs-folder", "A documents folder with no permissions (chmod 000)",
         "exit 2: `DOCS/…: cannot read: Permission denied` or CC120 per claim",
         unreadable("folder"), 2, ("Permission denied",)),
    Case("suppressions-folder", "`--suppressions` naming a folder", "exit 2: `FOLDER: is a folder, not a file`",
         folder_option("--suppressions"), 2, ("a-folder", "is a folder, not a file")),
    Case("baseline-folder", "`--baseline` naming a folder", "exit 2: `FOLDER: cannot read the baseline: …`",
         folder_option("--baseline"), 2, ("a-folder", "cannot read the baseline")),
    Case("rules-file", "`--rules` naming a file, not a folder", "exit 2: `FILE: rules folder not found (give --rules, or leave it out to use the built-in data alone)`",
         lambda tmp: check_with()(tmp)[:-1] + [str(tmp / "claims" / "example.yaml")], 2, ("rules folder not found",)),
    Case("lint-yaml-folder", "rules/lint.yaml that is a folder", "exit 2: `rules/lint.yaml: is a folder, not a file`",
         rules_file("lint.yaml", None), 2, ("lint.yaml", "is a folder, not a file")),
    # documents in other formats (issue #23)
    Case("pdf-scanned", "A PDF of scanned pages: no text layer",
         "exit 2: `FILE: no text layer (a scanned document?): run OCR first, for example with ocrmypdf`",
         document_file("scan.pdf", scanned_pdf), 2, ("scan.pdf", "no text layer", "run OCR first")),
    Case("pdf-encrypted", "A PDF that needs a password to open",
         "exit 2: `FILE: an encrypted PDF that needs a password: save an unprotected copy`",
         document_file("locked.pdf", encrypted_pdf, "text"), 2, ("locked.pdf", "encrypted PDF")),
    Case("pdf-corrupt", "A damaged PDF (a header, then garbage)", "exit 2: `FILE: not a readable PDF (…)`",
         document_file("broken.pdf", corrupt_pdf), 2, ("broken.pdf", "not a readable PDF")),
    Case("pdf-cited-scanned", "A claim citing a scanned PDF in the documents folder, in `check`",
         "exit 2: `FILE: no text layer …` (check lints the documents folder, and a document it cannot read stops it)",
         document_file("scan.pdf", scanned_pdf, "check"), 2, ("scan.pdf", "no text layer")),
    Case("docx-truncated", "A .docx cut off in the middle (an interrupted download)",
         "exit 2: `FILE: a damaged or truncated zip file (Word and Excel files are zips): …`",
         document_file("cut.docx", truncated_docx), 2, ("cut.docx", "damaged or truncated")),
    Case("docx-damaged", "A .docx whose document part fails its checksum",
         "exit 2: `FILE: a damaged or truncated file (word/document.xml does not match its checksum)`",
         document_file("bad.docx", damaged_docx), 2, ("bad.docx", "word/document.xml")),
    Case("docx-zip-bomb", "A zip bomb named .docx: 200 KB that expand to 200 MB",
         "exit 2: `FILE: expands to 209,715,200 bytes, over the size limit …` (refused from the zip's table of contents, before expanding)",
         document_file("bomb.docx", zip_bomb("word/document.xml")), 2, ("bomb.docx", "over the size limit")),
    Case("xlsx-zip-bomb", "A zip bomb named .xlsx", "exit 2: `FILE: expands to … bytes, over the size limit …`",
         document_file("bomb.xlsx", zip_bomb("xl/workbook.xml"), "text"), 2, ("bomb.xlsx", "over the size limit")),
    Case("old-doc", "An old binary Word file (.doc, or one renamed .docx)",
         "exit 2: `FILE: an old binary Office file (Word .doc or Excel .xls): save it as .docx or .xlsx and check that`",
         document_file("old.docx", old_doc), 2, ("old.docx", "save it as .docx")),
    Case("extension-lies", "A file whose extension lies: a web page (a failed download) named .pdf",
         "exit 2: `FILE: named .pdf but holds a web page; rename it to what it is`",
         document_file("report.pdf", html_named_pdf, "text"), 2, ("report.pdf", "named .pdf but holds a web page")),
    Case("html-scripts", "A web page with scripts, and script tags written as text",
         "exit 0 with the page's warnings; scripts are dropped, never run, and the text `<script>` is escaped in the HTML report",
         lint_page_with_scripts, 0, (), scripts_never_run_nor_shown),
    Case("degenerate-line", "A PDF text layer's degenerate line: `重复` 40,000 times on one line",
         "exit 0 with one CC401 warning for the whole run (`printed 40,000 times in a row`), in time linear in the line",
         doc_bytes(("重复" * 40000 + "。\n").encode("utf-8"), command="lint"), 0, ("CC401",), one_finding_for_the_run),
    # interrupted runs
    Case("interrupt-check", "Ctrl-C (KeyboardInterrupt) while the rules run",
         "exit 130 with `claimcheck: interrupted`; no report file written",
         lambda tmp: check_with(GOOD, None, "-f", "json", "-o", str(tmp / "r.json"))(tmp), 130,
         ("claimcheck: interrupted",), lambda tmp, output: no_reports(tmp), interrupt="checker.run.runner.run"),
    Case("interrupt-report", "Ctrl-C while the second of two reports is rendered",
         "exit 130; neither report is written (all are rendered before any is written)",
         lambda tmp: check_with(GOOD, None, "-f", "json", "-o", str(tmp / "r.json"),
                                "-f", "sarif", "-o", str(tmp / "r.sarif"))(tmp), 130,
         ("claimcheck: interrupted",), lambda tmp, output: no_reports(tmp), interrupt="checker.report.render#2"),
]


def no_reports(tmp):
    left = [p.name for p in tmp.iterdir() if p.is_file()]
    assert left == [], left


# --- running them ------------------------------------------------------------------------------

@dataclass
class Output:
    exit_code: int
    stdout: str
    stderr: str
    elapsed: float

    @property
    def text(self) -> str:
        return self.stdout + self.stderr


def invoke(args: list) -> Output:
    """In process, like tests/test_cli.py; an uncaught exception shows up as the traceback it would print."""
    start = time.monotonic()
    result = runner.invoke(app, [str(a) for a in args])
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback (most recent call last):\n" + "".join(traceback.format_exception(result.exception))
    return Output(result.exit_code, result.stdout, stderr, time.monotonic() - start)


INTERRUPT = """
import sys, importlib
target, _, nth = sys.argv[1].partition("#")
module, name = target.rsplit(".", 1)
module = importlib.import_module(module)
real, calls = getattr(module, name), []
def interrupted(*args, **kwargs):
    calls.append(1)
    if len(calls) >= int(nth or 1):
        raise KeyboardInterrupt
    return real(*args, **kwargs)
setattr(module, name, interrupted)
from checker.cli.app import main
sys.argv = ["claimcheck", *sys.argv[2:]]
main()
"""


def invoke_interrupted(target: str, args: list) -> Output:
    """A real process, so that the entry point's own handling of Ctrl-C is what is tested."""
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", INTERRUPT, target, *map(str, args)], capture_output=True,
                         text=True, cwd=ROOT, timeout=300)
    return Output(out.returncode, out.stdout, out.stderr, time.monotonic() - start)


def runs_as_root_for(case: Case, tmp: Path) -> bool:
    """chmod 000 does not stop root (or CAP_DAC_OVERRIDE) from reading."""
    target = tmp / "claims" / "example.yaml" if case.name == "unreadable-claim-file" else tmp / "docs"
    return case.name.startswith("unreadable") and os.access(target, os.R_OK)


def invoke_denied(case: Case, tmp: Path, args: list, monkeypatch) -> Output:
    """Root reads past chmod 000, so the refusal the system would give anyone else is raised where files are opened."""
    import builtins

    from checker.io import reading as inputs

    target = (tmp / "claims" / "example.yaml" if case.name == "unreadable-claim-file" else tmp / "docs").resolve()

    def guarded(path, *rest, **options):
        if Path(path).resolve() == target or target in Path(path).resolve().parents:
            raise PermissionError(13, "Permission denied", str(path))
        return builtins.open(path, *rest, **options)

    monkeypatch.setattr(inputs, "open", guarded, raising=False)
    return invoke(args)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, tmp_path, monkeypatch):
    if case.in_tmp:
        monkeypatch.chdir(tmp_path)
    args = case.build(tmp_path)
    output = invoke_interrupted(case.interrupt, args) if case.interrupt else invoke(args)
    try:
        assert "Traceback" not in output.text, output.text
        if runs_as_root_for(case, tmp_path):
            output = invoke_denied(case, tmp_path, args, monkeypatch)
            assert "Traceback" not in output.text, output.text
        assert output.exit_code == case.exit, output.text
        for text in case.expect:
            assert text in output.text, output.text
        if case.verify:
            case.verify(tmp_path, output)
    finally:
        for p in (tmp_path / "claims" / "example.yaml", tmp_path / "docs"):
            if p.exists():
                p.chmod(0o755)  # so that pytest can clean up


def test_there_are_enough_cases():
    assert len(CASES) >= 30 and len({c.name for c in CASES}) == len(CASES)


def test_table_is_up_to_date():
    from bad_inputs_table import OUTPUT, render

    assert OUTPUT.read_text(encoding="utf-8") == render(CASES), "run: python tests/bad_inputs_table.py"
