"""The words and marks with which Chinese reports qualify and punctuate figures: one list for every reader.

The number parser (checker.language.numbers), the extractor
(checker.extract.extractor) and the document rules read their words here, so
a qualifier that one knows the others know too.
"""
from __future__ import annotations

# Words before a number that make it a bound (超过90% is more than 90%), by the qualifier they give.
QUALIFIER_PREFIXES = [
    ("不低于", "at_least"), ("不少于", "at_least"), ("至少", "at_least"),
    ("不超过", "at_most"), ("不高于", "at_most"), ("最多", "at_most"),
    ("不足", "less_than"), ("不到", "less_than"), ("低于", "less_than"),
    ("超过", "more_than"), ("突破", "more_than"), ("高于", "more_than"), ("超", "more_than"), ("逾", "more_than"),
    ("将近", "nearly"), ("接近", "nearly"), ("近", "nearly"),
    ("大约", "about"), ("约", "about"),
]
# Words after a number (with its unit) that make it a bound or an approximation: 95%以上, 30分钟内, 300人左右.
QUALIFIER_SUFFIXES = [
    ("及以上", "at_least"), ("以上", "at_least"),
    ("及以下", "at_most"), ("以下", "at_most"), ("以内", "at_most"), ("之内", "at_most"), ("内", "at_most"),
    ("左右", "about"), ("上下", "about"),
]
PLUS_WORDS = ("余", "多")  # 300余人, 300多人: at least 300, fewer than the next step
RANGE_MARKS = "~～〜—–-－至到"  # between the two ends of a range: 10~30分钟, 10至30分钟

# Marks that end a clause, and those that end a sentence.
CLAUSE_MARKS = "，,。；;！!？?：:"
SENTENCE_MARKS = "。！？!?"
LIST_MARK = "、"  # between the items of a list: 医院、基层医疗卫生机构
CLOSING_MARKS = "”’」』）)》】"  # may follow a sentence's last mark


def longest_first(words) -> list[str]:
    """Words in the order a regular expression's alternation must try them: 超过 before 超."""
    return sorted(words, key=len, reverse=True)


def alternation(pairs) -> str:
    """The words of (word, meaning) pairs as a regular-expression alternation, longest first."""
    import re

    return "|".join(re.escape(w) for w in longest_first(w for w, _ in pairs))
