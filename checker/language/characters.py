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


# A character, then its pinyin with a tone mark in brackets (網(wǎng), 統(tǒng)): annotations some sites that reprint
# reports insert, no part of the report's text.
PINYIN_GLOSS = re.compile("(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


def without_glosses(text: str) -> tuple[str, dict]:
    """text without its pinyin glosses, and for each line that had some (by index), where each of its remaining
    characters stands in the line as printed (one more entry: the line's end)."""
    if not PINYIN_GLOSS.search(text):
        return text, {}
    lines, where = text.split("\n"), {}
    for i, line in enumerate(lines):
        if not PINYIN_GLOSS.search(line):
            continue
        kept, at = [], []
        last = 0
        for m in PINYIN_GLOSS.finditer(line):
            kept.append(line[last:m.start()])
            at.extend(range(last, m.start()))
            last = m.end()
        kept.append(line[last:])
        at.extend(range(last, len(line) + 1))
        lines[i], where[i] = "".join(kept), at
    return "\n".join(lines), where
