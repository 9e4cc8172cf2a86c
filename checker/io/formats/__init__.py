"""Documents in the formats people publish them in, each read as one text with lines.

Every format becomes plain lines, the same on every run: Word paragraphs and
web page blocks one per line, a PDF's lines as a reader sees them (a sentence
broken by the page's width joined again, running headers, footers and page
numbers left out; likewise a plain text wrapped at a fixed width, each paragraph on the line it starts
on, checker.io.formats.wrapped), and table rows as cells between `|` (医院 | 36976 | 38355),
the form the extractor reads tables in. `source.line` counts these lines;
`claimcheck text FILE` prints them.
"""
from __future__ import annotations

from pathlib import Path

from checker.io import reading
from checker.io.formats.document import DocumentText, page_of
from checker.io.formats.sniff import kind_of

__all__ = ["DocumentText", "SUFFIXES", "page_of", "read_document"]

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm", ".xlsx", ".csv")


def read_document(path: Path) -> DocumentText:
    """The document's text, whatever its format; reading.ReadError, naming the file, when it cannot be read."""
    data = reading.read_bytes(path)
    kind = kind_of(data, path)
    if kind == "text":
        from checker.io.formats.wrapped import unwrap
        return DocumentText(unwrap(reading.decode(data, path, reading.current().encoding)))
    if kind == "csv":
        from checker.io.formats.sheet import csv_text
        return DocumentText(csv_text(reading.decode(data, path, reading.current().encoding)))
    if kind == "html":
        from checker.io.formats.web import html_text
        return DocumentText(html_text(data, path, reading.current().encoding))
    if kind == "pdf":
        from checker.io.formats.pdf import pdf_text
        return pdf_text(data, path)
    if kind == "docx":
        from checker.io.formats.word import docx_text
        return DocumentText(docx_text(data, path))
    from checker.io.formats.sheet import xlsx_text
    return DocumentText(xlsx_text(data, path))
