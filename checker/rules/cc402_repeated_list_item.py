"""Repeated list item: the same name listed twice in one enumeration (A、B、A).

Lists joined with 、 name each partner, district or hospital once; an item
that comes back in the same list is usually a copy-and-paste slip, and it
inflates any count a reader makes of the list.

Passing example::

    docs:
      d.txt: 继续深化与成都中医药大学、重庆中医药大学、西南医科大学附属医院推进合作办医。

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
                if name:
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
    if first and len(b) >= 4 and a.endswith(b):
        return b
    return ""
