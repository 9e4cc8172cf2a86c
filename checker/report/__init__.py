"""Report formats: one module each, each with render(result) -> str."""
from __future__ import annotations

import importlib

FORMATS = {
    "text": "text", "json": "json_report", "markdown": "markdown", "sarif": "sarif", "junit": "junit",
    "github": "github", "html": "html", "claimreview": "claimreview",
}


def render(result, fmt: str) -> str:
    return importlib.import_module(f"checker.report.{FORMATS[fmt]}").render(result)
