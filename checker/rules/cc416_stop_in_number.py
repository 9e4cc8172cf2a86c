"""Stop inside a number: a full stop where the decimal point belongs.

增加2。5个百分点 is 2.5 percentage points with its decimal point typed, or
converted, as the Chinese full stop: a reader may take it for two figures, and
so does any tool that reads the figures (an extractor reads 增加2 and then 5个百分点).
A full stop (。) between two digits is reported when the digits after it are
followed by a unit that no sentence begins with: a percentage, a per-mille,
percentage points, 倍 or a rate's base (the list ``units_after_decimal`` in
rules/lint.yaml). A sentence that ends on a number may be followed by one that
begins with a count or a date (缩小至2.54。30个县区……, 2。5月份……), and a
number that already has its decimal part cannot take a second one.

Passing example::

    docs:
      d.txt: 住院分娩率增加2.5个百分点。城乡居民收入比缩小至2.54。30个县区通过评估。增长率为2。5月份起实施新办法。

Failing example::

    docs:
      d.txt: 与上年比较，住院分娩率增加2。5个百分点。
"""
import re

from checker.rules.shared.textscan import lines

CODE = "CC416"
NAME = "stop-in-number"
SEVERITY = "warning"
READS = "texts"

_STOPPED = re.compile(r"(?<![0-9０-９.．])([0-9０-９]+)。([0-9０-９]+)")  # not the end of a decimal (2.54。30个)


def check(ctx):
    units = tuple(ctx.lint.get("units_after_decimal") or ())
    out = []
    for path, number, line in lines(ctx):
        if "。" not in line:
            continue
        for m in _STOPPED.finditer(line):
            if not line.startswith(units, m.end()):
                continue
            meant = f"{m.group(1)}.{m.group(2)}"
            out.append(ctx.text_finding(
                CODE, f"a full stop stands inside the number “{m.group()}”: the decimal point of {meant}?",
                path, number, m.start() + 1, m.group(), meant))
    return out
