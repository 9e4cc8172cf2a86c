"""The page each place in a PDF is on, added to findings once a run has made them.

Findings are made where the lines are (in a helper process, or kept from the
last run), and a page is only a way to show a line: so pages are added last,
for the few documents with pages that findings point into.
"""
from __future__ import annotations

from pathlib import Path

from checker.io import formats
from checker.io.reading import ReadError
from checker.model.findings import Finding

PAGED = (".pdf",)  # the formats whose text has pages (checker.io.formats)


def with_pages(findings: list[Finding], known=None) -> list[Finding]:
    """The findings, each place in a document with pages given its page. known(path) may give a document's
    page starts already read (checker.load.documents.Documents.pages_at), else the document is read for them."""
    pages: dict[str, tuple[int, ...]] = {}
    out = []
    for f in findings:
        if not any(loc.path.lower().endswith(PAGED) and loc.line for loc in f.locations):
            out.append(f)
            continue
        places = []
        for loc in f.locations:
            if loc.line and loc.path.lower().endswith(PAGED):
                if loc.path not in pages:
                    pages[loc.path] = _starts(loc.path, known)
                loc = loc._replace(page=formats.page_of(pages[loc.path], loc.line))
            places.append(loc)
        out.append(f._replace(locations=tuple(places)))
    return out


def _starts(path: str, known) -> tuple[int, ...]:
    found = known(path) if known is not None else None
    if found is not None:
        return found
    try:
        return formats.read_document(Path(path)).pages
    except ReadError:
        return ()
