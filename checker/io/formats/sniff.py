"""What a file holds, from its first bytes; its name's extension must agree.

A file named .pdf that holds a web page (a failed download) or a .docx that is
really an old binary .doc is refused with a message saying what it is, rather
than read as something it is not.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from checker.io.reading import ReadError

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, Excel .xls, and other compound files
_HTML = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_WHAT = {"pdf": "a PDF", "docx": "a Word document (.docx)", "xlsx": "an Excel workbook (.xlsx)",
         "html": "a web page", "text": "plain text", "csv": "plain text", "zip": "a zip archive"}
_EXPECTED = {".pdf": {"pdf"}, ".docx": {"docx"}, ".xlsx": {"xlsx"}, ".xlsm": {"xlsx"},
             ".html": {"html", "text"}, ".htm": {"html", "text"}, ".csv": {"csv"},
             ".txt": {"text", "html"}, ".md": {"text", "html"}}


def kind_of(data: bytes, path: Path) -> str:
    """text, csv, html, pdf, docx or xlsx; ReadError when the content cannot be read or contradicts the name."""
    suffix = path.suffix.lower()
    kind = _content(data, path)
    if suffix in (".html", ".htm") and kind == "text":
        kind = "html"  # a fragment without <html>
    elif suffix == ".csv" and kind == "text":
        kind = "csv"
    elif kind == "html" and suffix in (".txt", ".md"):
        kind = "text"  # markup someone chose to keep as text is checked as written
    expected = _EXPECTED.get(suffix)
    if expected is not None and kind not in expected:
        raise ReadError(f"{path}: named {suffix} but holds {_WHAT[kind]}; rename it to what it is")
    return kind


def _content(data: bytes, path: Path) -> str:
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(_OLE):
        raise ReadError(f"{path}: an old binary Office file (Word .doc or Excel .xls): "
                        "save it as .docx or .xlsx and check that")
    if data.startswith(b"{\\rtf"):
        raise ReadError(f"{path}: a rich text (.rtf) file: save it as .docx and check that")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data, path)
    if _HTML.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    return "text"


def _zip_kind(data: bytes, path: Path) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError(f"{path}: a damaged or truncated zip file (Word and Excel files are zips): {exc}") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return "zip"
