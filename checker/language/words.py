"""The words and marks with which Chinese reports qualify and punctuate figures: one list for every reader.

The number parser (checker.language.numbers), the extractor
(checker.extract.extractor) and the document rules read their words here, so
a qualifier that one knows the others know too.
"""
from __future__ import annotations

# Words before a number that make it a bound (超过90% is more than 90%), by the qualifier they give.
QUALIFIER_PREFIXES = [
    ("不低于", "at_least"), ("不少于", "at_least"), ("不小于", "at_least"), ("至少", "at_least"),
    ("≥", "at_least"), (">=", "at_least"),
    ("不超过", "at_most"), ("不高于", "at_most"), ("不大于", "at_most"), ("最多", "at_most"),
    ("≤", "at_most"), ("<=", "at_most"),
    ("不足", "less_than"), ("不到", "less_than"), ("低于", "less_than"), ("小于", "less_than"),
    ("<", "less_than"), ("＜", "less_than"),
    ("超过", "more_than"), ("突破", "more_than"), ("高于", "more_than"), ("大于", "more_than"), ("超", "more_than"),
    ("逾", "more_than"), (">", "more_than"), ("＞", "more_than"),
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
# Units printed as signs or words right after a number, by the unit they name (checker/data/units.txt).
UNIT_SIGNS = [("个百分点", "percentage_point"), ("百分点", "percentage_point"),
              ("%", "percent"), ("‰", "permille"), ("‱", "per_10k"), ("倍", "times")]
# Rates per so many people, as bulletins print them: 9.52/10万 (maternal mortality), 1/10万, 5.6/千.
PER_POPULATION = [("100000", "per_100k"), ("10万", "per_100k"), ("十万", "per_100k"),
                  ("10000", "per_10k"), ("1万", "per_10k"), ("万", "per_10k"),
                  ("1000", "permille"), ("1千", "permille"), ("千", "permille")]
POPULATION_WORDS = ("名活产儿", "例活产", "活产儿", "活产", "人口", "人")  # what is counted: /10万人, /10万活产
# Fractions written out, by the unit of their numerator: 百分之五 is 5%, 千分之五 5‰, 万分之三 3‱.
FRACTION_WORDS = [("百分之", "percent"), ("千分之", "permille"), ("万分之", "per_10k")]
RANGE_MARKS = "~～〜—–-－至到"  # between the two ends of a range: 10~30分钟, 10至30分钟

# Marks that end a clause, and those that end a sentence.
CLAUSE_MARKS = "，,。；;！!？?：:"
SENTENCE_MARKS = "。！？!?"
LIST_MARK = "、"  # between the items of a list: 医院、基层医疗卫生机构
CLOSING_MARKS = "”’」』）)》】"  # may follow a sentence's last mark


def sentence_start(text: str, pos: int, marks: str = SENTENCE_MARKS) -> int:
    """Where the sentence holding text[pos] begins: just after the last of marks before pos, else 0."""
    return max(text.rfind(mark, 0, pos) for mark in marks) + 1


def longest_first(words) -> list[str]:
    """Words in the order a regular expression's alternation must try them: 超过 before 超."""
    return sorted(words, key=len, reverse=True)


def alternation(pairs) -> str:
    """The words of (word, meaning) pairs as a regular-expression alternation, longest first."""
    import re

    return "|".join(re.escape(w) for w in longest_first(w for w, _ in pairs))


def per_population(text: str) -> tuple[str, int] | None:
    """The unit of a printed rate per so many people at the start of text (`/10万人…`), and its length."""
    if not text.startswith("/"):
        return None
    for written, name in PER_POPULATION:
        if text.startswith(written, 1):
            end = 1 + len(written)
            rest = text[end:]
            word = next((w for w in POPULATION_WORDS if rest.startswith(w)), "")
            return name, end + len(word)
    return None


def unit_name(text: str) -> str | None:
    """The unit a printed form names when it is one of the forms above (`1/10万`, `/十万人`, `‰`), else None."""
    text = text.strip().replace(" ", "")
    if text.startswith("1/"):
        text = text[1:]
    found = per_population(text)
    if found and found[1] == len(text):
        return found[0]
    return next((name for sign, name in UNIT_SIGNS if sign == text), None)
