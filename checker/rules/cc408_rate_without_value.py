"""Rate without a value: a rate is named and then the sentence moves on without its figure.

“全区孕产妇死亡率“无艾梅乙”母婴传播发生” names a maternal mortality rate but
gives no number: the figure has dropped out, or another sentence has been
joined onto it. A word ending in 率 (rate) that is followed directly by an
opening quote is reported.

Passing example::

    docs:
      d.txt: 全区孕产妇死亡率为0，实现“无艾梅乙”母婴传播。

Failing example::

    docs:
      d.txt: 全区孕产妇死亡率“无艾梅乙”母婴传播发生。
"""
import re

from checker.rules.shared.textscan import lines

CODE = "CC408"
NAME = "rate-without-value"
SEVERITY = "warning"
READS = "texts"

_RATE = re.compile(r"([\u4e00-\u9fff]{1,10}率)(?=[“‘「『\"])")


def check(ctx):
    out = []
    for path, number, line in lines(ctx):
        for m in _RATE.finditer(line):
            out.append(ctx.text_finding(CODE, f"“{m.group(1)}” is named without its value; the text goes on "
                                              f"with “{line[m.end():m.end() + 8]}”",
                                        path, number, m.start(1) + 1, m.group(1)))
    return out
