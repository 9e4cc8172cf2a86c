"""Report formats: one module each, each with render(result) -> str."""
from __future__ import annotations

import importlib

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


def is_report(text: str) -> bool:
    """True when text is a report claimcheck wrote, in any format: a re-run may replace it.

    Each format is recognised by what it already says about its origin (the
    JSON `tool` field, SARIF's `tool.driver.name`, the HTML generator meta, the
    Markdown heading and footer, the JUnit suite name, the ClaimReview author)
    or, for the two plain formats, by its shape (text ends with the summary
    line; GitHub annotations are workflow commands for claimcheck's rule codes).
    An empty file holds nothing to lose (a GitHub report with no findings is empty).
    """
    if not text.strip():
        return True
    return any(recognise(text) for recognise in (_json, _html, _markdown, _junit, _github, _text))


def _json(text: str) -> bool:
    import json

    if text.lstrip()[:1] not in ("{", "["):
        return False
    try:
        doc = json.loads(text)
    except ValueError:
        return False
    if isinstance(doc, list):  # claimreview
        return all(isinstance(r, dict) and r.get("@type") == "ClaimReview"
                   and (r.get("author") or {}).get("name") == "claimcheck" for r in doc)
    if not isinstance(doc, dict):
        return False
    if isinstance(doc.get("runs"), list) and doc["runs"]:  # sarif
        return all(isinstance(run, dict) and ((run.get("tool") or {}).get("driver") or {}).get("name") == "claimcheck"
                   for run in doc["runs"])
    return isinstance(doc.get("tool"), dict) and doc["tool"].get("name") == "claimcheck" and "findings" in doc


def _html(text: str) -> bool:
    head = text[:2000]
    return head.startswith("<!DOCTYPE html>") and (
        '<meta name="generator" content="claimcheck' in head or "<title>claimcheck report</title>" in head)


def _markdown(text: str) -> bool:
    import re

    return text.startswith("# claimcheck report\n") and re.search(r"<sub>claimcheck [^<]*</sub>\s*\Z", text) is not None


def _junit(text: str) -> bool:
    return text.startswith("<?xml") and '<testsuite name="claimcheck"' in text[:500]


def _github(text: str) -> bool:
    import re

    line = re.compile(r"::(error|warning|notice) [^\n]*title=CC\d{3}::")
    return all(line.match(x) for x in text.splitlines() if x)


def _text(text: str) -> bool:
    import re

    plain = re.sub(r"\x1b\[[0-9;]*m", "", text).rstrip().rsplit("\n", 1)[-1]
    return re.fullmatch(r"\d+ errors?, \d+ warnings?, \d+ info\b.* in \d+ (claims?|documents?) .*", plain) is not None
