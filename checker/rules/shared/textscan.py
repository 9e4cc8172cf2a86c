"""Small helpers shared by the source-document rules (CC4xx)."""
from __future__ import annotations

import re

from checker.language import words

SENTENCE_END = words.SENTENCE_MARKS + "…"  # a paragraph may end on an ellipsis
CLOSERS = words.CLOSING_MARKS
_CLAUSE_END = re.compile(f"[{re.escape(words.CLAUSE_MARKS)}\n]")
DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")


def lines(ctx):
    """(path, line number, text) for every line of every document to lint."""
    for path, texts in ctx.texts.items():
        for number, text in enumerate(texts, start=1):
            yield path, number, text


def excerpt(line: str, start: int, end: int, before: int = 4, after: int = 2) -> tuple[str, int]:
    """The span with a little context, and where the span starts inside it."""
    left = max(0, start - before)
    return line[left:min(len(line), end + after)], start - left


def clauses(line: str):
    """(start, text) of each clause, split at Chinese and Western punctuation."""
    start = 0
    for m in _CLAUSE_END.finditer(line):
        yield start, line[start:m.start()]
        start = m.end()
    if start < len(line):
        yield start, line[start:]
