"""JSON report, schema version 1 (documented in docs/cli.md).

{"version": 1, "tool": {...}, "findings": [{"code", "severity", "message",
"claims", "locations": [{"path", "line", "column", "role"}]}], "verified": [...], "summary": {...}}
"""
from __future__ import annotations

import json

from checker import __version__
from checker.report.summary import summary

VERSION = 1


def render(result) -> str:
    doc = {
        "version": VERSION,
        "tool": {"name": "claimcheck", "version": __version__},
        "findings": [f.as_dict() for f in result.findings],
        **({"verified": result.verified} if getattr(result, "verified", None) else {}),
        "summary": summary(result),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
