"""A document's text as every format gives it: the lines, and where each page starts."""
from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentText:
    text: str
    pages: tuple[int, ...] = ()  # the 1-based line each page starts on (PDF); empty when the format has no pages

    def page_of(self, line: int) -> int | None:
        return page_of(self.pages, line)


def page_of(pages: tuple[int, ...], line: int | None) -> int | None:
    """The page a line is on, None for formats without pages."""
    if not pages or line is None:
        return None
    return max(1, bisect.bisect_right(pages, line))
