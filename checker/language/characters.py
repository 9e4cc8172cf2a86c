"""Characters that matter when reading Chinese reports: invisible ones, and how to name one in a message."""
from __future__ import annotations

import re
from functools import lru_cache

# Characters that print as nothing (or as a plain space) and break a verbatim match.
INVISIBLE = dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00a0\u00ad")


# Quotation marks around a name (“智慧医院”): the name is the same without them.
QUOTES = re.compile("[“”\"‘’「」『』]")


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


def to_simplified(text: str) -> str:
    """text with every traditional character written simplified (醫療衛生機構 → 医疗卫生机构), one character
    for one, so that positions in it are positions in text: the vocabulary and the word lists are
    simplified, and reports reprinted in Hong Kong, Taiwan or abroad are not."""
    if text.isascii():
        return text
    table, traditional = _simplified_table()
    return text.translate(table) if traditional.search(text) else text


# Characters the simplified standard keeps in names, which OpenCC maps all the same: 乾县, 乾安县 (not 干县).
_KEPT = "乾"


@lru_cache(maxsize=1)
def _simplified_table() -> tuple[dict, re.Pattern]:
    """OpenCC's traditional-to-simplified conversion of each character of the CJK block on its own (about
    20 ms, once): the characters it changes, and a pattern that finds them."""
    import opencc

    chars = [chr(code) for code in range(0x4E00, 0xA000)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        return {}, re.compile("(?!)")
    table = {ord(a): b for a, b in zip(chars, converted) if a != b and len(b) == 1 and a not in _KEPT}
    return table, re.compile("[" + "".join(map(chr, table)) + "]")
