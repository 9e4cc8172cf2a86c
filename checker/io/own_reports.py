"""Reports claimcheck wrote, told from people's files: a re-run may replace one, and no folder walk lints one.

Each format is recognised by what it already says about its origin (the
JSON `tool` field, SARIF's `tool.driver.name`, the HTML generator meta, the
Markdown heading and footer, the JUnit suite name, the ClaimReview author)
or, for the two plain formats, by its shape (text ends with the summary
line; GitHub annotations are workflow commands for claimcheck's rule codes).
"""
from __future__ import annotations

import re
from pathlib import Path

WHOLE = 1 << 20      # bytes: a file up to this size is read whole to tell; a larger one by its ends
ENDS = 8192          # bytes read at each end of a larger file (a report's origin is said at its head or its foot)
SUFFIXES = (".txt", ".md", ".html", ".htm")  # the document formats a report may be written in


def is_report_file(path: Path) -> bool:
    """True when the file is a report claimcheck wrote (an empty file counts: nothing to lose, nothing to lint)."""
    if path.suffix.lower() not in SUFFIXES:
        return False
    try:
        with open(path, "rb") as handle:
            size = handle.seek(0, 2)
            handle.seek(0)
            if size <= WHOLE:
                return is_report(handle.read().decode("utf-8", errors="replace"))
            head = handle.read(ENDS)
            handle.seek(size - ENDS)
            ends = head.decode("utf-8", errors="replace") + "\n" + handle.read().decode("utf-8", errors="replace")
    except OSError:
        return False  # the reader says why, naming the file
    return is_report(ends)


def is_report(text: str) -> bool:
    """True when text is a report claimcheck wrote, in any format. An empty file holds nothing to lose (a GitHub
    report with no findings is empty)."""
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
    return text.startswith("# claimcheck report\n") and re.search(r"<sub>claimcheck [^<]*</sub>\s*\Z", text) is not None


def _junit(text: str) -> bool:
    return text.startswith("<?xml") and '<testsuite name="claimcheck"' in text[:500]


def _github(text: str) -> bool:
    line = re.compile(r"::(error|warning|notice) [^\n]*title=CC\d{3}::")
    return all(line.match(x) for x in text.splitlines() if x)


def _text(text: str) -> bool:
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text).rstrip().rsplit("\n", 1)[-1]
    return re.fullmatch(r"\d+ errors?, \d+ warnings?, \d+ info\b.* in \d+ (claims?|documents?) .*", plain) is not None
