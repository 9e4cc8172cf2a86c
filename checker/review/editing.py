"""Changing one record of a claim file and leaving every other byte as it was.

A record is the lines from its `- ` to the last line of its own content
(blank lines and whole-line comments after it belong to what follows). A
changed record is written again in place, a removed one leaves nothing, a new
one is appended as `extract --merge` appends drafts; comments elsewhere and
the file's indentation and line endings are kept. A rejected figure is
remembered by a comment line in the file, so that `extract --merge` does not
draft it again.
"""
from __future__ import annotations

import hashlib

from checker.extract.drafts import REJECTED_MARK, render_yaml
from checker.io.yamlfile import LoadError
from checker.load.claimfile import load_text


class EditError(Exception):
    """A change that cannot be made; the message says why."""


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def replace(text: str, path: str, record_id: str, values: dict | None) -> str:
    """The file with the record record_id written anew from values (None: removed)."""
    records = _records(text, path)
    lines = text.splitlines(True)
    found = next((i for i, r in enumerate(records) if r.values.get("id") == record_id), None)
    if found is None:
        raise EditError(f"{path}: no record with id {record_id!r} (changed on disk?)")
    start = records[found].line - 1
    end = records[found + 1].line - 1 if found + 1 < len(records) else len(lines)
    while end > start + 1 and _trailing(lines[end - 1]):
        end -= 1
    new = "" if values is None else _rendered(values, lines[start], _newline(text))
    out = "".join(lines[:start]) + new + "".join(lines[end:])
    _check(out, path, len(records) - (values is None))
    return out


def append(text: str, path: str, values: dict) -> str:
    """The file with a new record after its last."""
    records = _records(text, path) if text.strip() else []
    newline = _newline(text)
    indent = _indent_of(text.splitlines(True)[records[0].line - 1]) if records else ""
    if text and not text.endswith(("\n", "\r")):
        text += newline
    out = text + _rendered(values, indent + "- ", newline)
    _check(out, path, len(records) + 1)
    return out


def reject(text: str, doc: str, line: int, surface: str, reason: str) -> str:
    """The file with a comment saying this figure is no claim."""
    newline = _newline(text)
    reason = " ".join(reason.split())
    note = f"{REJECTED_MARK} {doc}:{line} {surface}" + (f" — {reason}" if reason else "")
    if text and not text.endswith(("\n", "\r")):
        text += newline
    return text + note + newline


def _records(text: str, path: str) -> list:
    found: list = []
    try:
        load_text(text, path, found, [])
    except LoadError as exc:
        raise EditError(str(exc)) from None
    return found


def _trailing(line: str) -> bool:
    """A blank line, or a comment on a line of its own."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _indent_of(line: str) -> str:
    return line[:len(line) - len(line.lstrip(" "))]


def _rendered(values: dict, first_line: str, newline: str) -> str:
    indent = _indent_of(first_line)
    text = render_yaml([values])
    return "".join(indent + line if line.strip() else line for line in text.splitlines(True)).replace("\n", newline)


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _check(text: str, path: str, expected: int) -> None:
    again = _records(text, path) if text.strip() else []
    if len(again) != expected:
        raise EditError(f"{path}: the change would not leave {expected} records; the file is written as "
                        "a flow list or in a way the review cannot edit in place: edit it by hand")
