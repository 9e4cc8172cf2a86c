"""The parts of a year reports name and how the claim format writes them: 上半年 H1, 第三季度 Q3, 1-8月 -01~08,
前三季度 and 前5个月 -01~09 and -01~05, 3月 -03, 1月1日至6月30日 -01~06. Read in running text by the extractor and
in a table's column headers (2018年第四季度) by checker.extract.tables."""
from __future__ import annotations

import re

from checker.language import numbers

PART = (r"(?P<part>上半年|下半年|(?<!提)前(?P<qs>[一二三1-3])(?:个)?季度|(?<!提)前(?P<ms>[1-9]|1[01]|[二三四五六七八九十]|十一)个月|"
        r"第?(?P<q>[一二三四1-4])季度|(?P<m1>\d{1,2})[-—–~～至](?P<m2>\d{1,2})月|(?P<mon>\d{1,2})月)")
YEAR_PART = re.compile(PART)  # 今年上半年, 去年1-8月: the part of a year a relative word names
# 2024年1月1日0时至1月31日24时, 2017年1月1日零时至12月31日24时: the days a report covers, after a month
_DAYS_COVERED = re.compile(r"(?P<d1>[0-9]{1,2})日(?:零时|0时|0点|起)?[-—–~～至到](?:(?:19|20)[0-9]{2}年)?"
                           r"(?P<m2>[0-9]{1,2})月(?P<d2>[0-9]{1,2})日")


def count_of(count: str) -> int:
    """A small count in digits or in words: 5, 五, 十, 十一."""
    if count.isdigit():
        return int(count)
    if count.startswith("十"):
        return 10 + numbers.CN_DIGITS.get(count[1:], 0)
    return numbers.CN_DIGITS.get(count, 0)


def in_part(period: str, m: re.Match | None) -> str:
    """The year's part a match of PART names, if any: H1, Q3, -06, -01~08 after the year."""
    if m is None or not m.group("part"):
        return period
    if m.group("part") in ("上半年", "下半年"):
        return period + ("H1" if m.group("part") == "上半年" else "H2")
    if m.group("qs") or m.group("ms"):  # 前三季度: January to September; 前5个月: January to May
        last = 3 * count_of(m.group("qs")) if m.group("qs") else count_of(m.group("ms"))
        return period + f"-01~{last:02d}"
    if m.group("q"):
        return period + f"Q{count_of(m.group('q'))}"
    if m.group("m2"):
        return period + f"-{int(m.group('m1')):02d}~{int(m.group('m2')):02d}"  # 1-8月: January to August
    month = int(m.group("mon"))
    covered = _DAYS_COVERED.match(m.string, m.end())
    whole = _days_covered(period, month, covered) if covered else None
    if whole is not None:
        return whole
    if month == 12 and m.string.startswith("31日", m.end()):
        return period  # 截至2023年12月31日: the year's end, where its stocks are counted
    return period + f"-{month:02d}" if 1 <= month <= 12 else period


def _days_covered(period: str, first: int, covered: re.Match) -> str | None:
    """The period of the days from the first of a month to a month's end: the year (1月1日至12月31日), a month
    (1月1日至1月31日) or months (1月1日至6月30日); None for other days (read as the first day's month)."""
    last = int(covered.group("m2"))
    if int(covered.group("d1")) != 1 or int(covered.group("d2")) < 28 or not 1 <= first <= last <= 12:
        return None
    if (first, last) == (1, 12):
        return period
    return period + (f"-{first:02d}" if first == last else f"-{first:02d}~{last:02d}")
