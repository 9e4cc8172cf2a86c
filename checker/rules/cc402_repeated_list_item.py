"""Repeated list item: the same name listed twice in one enumeration (A、B、A).

Lists joined with 、 name each partner, district or hospital once; an item
that comes back in the same list is usually a copy-and-paste slip, and it
inflates any count a reader makes of the list. Figures are values, which may
be equal (二产、三产分别增长5.2%、5.2%), and are not reported.

Passing example::

    docs:
      d.txt: |
        继续深化与成都中医药大学、重庆中医药大学、西南医科大学附属医院推进合作办医。
        一二三产增加值年均分别增长3.5%左右、6%左右、5%左右，分别增长6%、5.2%、5.2%。

Failing example::

    docs:
      d.txt: 继续深化与成都中医药大学、西南医科大学附属医院、西南医科大学附属医院推进合作办医。
"""
from checker.rules.shared.textscan import clauses, lines

CODE = "CC402"
NAME = "repeated-list-item"
SEVERITY = "warning"
READS = "texts"


def check(ctx):
    out = []
    for path, number, line in lines(ctx):
        for start, clause in clauses(line):
            if "、" not in clause:
                continue
            items, pos = [], start
            for item in clause.split("、"):
                items.append((pos, item))
                pos += len(item) + 1
            for (i, (p1, a)), (j, (p2, b)) in _pairs(items):
                name = _same(a, b, first=i == 0, last=j == len(items) - 1)
                if name and not name[:1].isdigit():  # 分别增长6%、5.2%、5.2%: values may be equal, names not
                    at = p2 + b.find(name)
                    out.append(ctx.text_finding(CODE, f"`{name}` is listed twice in one enumeration",
                                                path, number, at + 1, name, "", ((number, p1 + a.find(name) + 1),)))
    return out


def _pairs(items):
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            yield (i, items[i]), (j, items[j])


def _same(a: str, b: str, first: bool, last: bool) -> str:
    """The repeated name, allowing the list's first item to carry text before it and the last after it."""
    a, b = a.strip(), b.strip()
    if len(a) >= 2 and a == b:
        return a
    if last and len(a) >= 4 and b.startswith(a):
        return a
    if first and len(b) >= 4 and a.endswith(b) and not _goes_on(a[-len(b) - 1:-len(b)], b[:1]):
        return b
    return ""


def _goes_on(before: str, start: str) -> bool:
    """The character before a match continues what it starts: 3.5%左右 does not end with 5%左右."""
    return bool(before) and (before.isdigit() or before in ".．") and (start.isdigit() or start in ".．")
