"""Characters that matter when reading Chinese reports: invisible ones, and how to name one in a message."""
from __future__ import annotations

# Characters that print as nothing (or as a plain space) and break a verbatim match.
INVISIBLE = dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00a0\u00ad")


def visible(text: str) -> str:
    return "".join(ch for ch in text if ch not in INVISIBLE)


def char_name(ch: str) -> str:
    import unicodedata

    return f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".rstrip()


def is_han(ch: str) -> bool:
    """A Chinese character (the CJK Unified Ideographs block, where the words of a report are)."""
    return "\u4e00" <= ch <= "\u9fff"


def han_count(text: str) -> int:
    return sum(1 for ch in text if is_han(ch))
