"""Report formats: one module each, each with render(result) -> str."""
from __future__ import annotations

import importlib

from checker.io.own_reports import is_report

__all__ = ["FORMATS", "VERBOSE", "is_report", "render"]

FORMATS = {
    "text": "text", "json": "json_report", "markdown": "markdown", "sarif": "sarif", "junit": "junit",
    "github": "github", "html": "html", "claimreview": "claimreview",
}


VERBOSE = {"text", "markdown"}  # the formats people read top to bottom; the rest keep every finding


def render(result, fmt: str, verbose: bool = False) -> str:
    """The report in one format; verbose lists, in the formats people read in order, also the info that rests on
    drafts' guesses (otherwise counted in one line per document)."""
    module = importlib.import_module(f"checker.report.{FORMATS[fmt]}")
    return module.render(result, verbose=verbose) if fmt in VERBOSE else module.render(result)
