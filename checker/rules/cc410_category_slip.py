"""Category slip: a category that contradicts itself (3岁以上婴幼儿, 三甲甲等).

婴幼儿 are children under three, so "3岁以上婴幼儿托位" has the bound the wrong
way round; 三甲 already means 三级甲等, so "三甲甲等" states the grade twice.
The patterns, what is wrong with them and the likely intended text are data:
``slips`` in rules/lint.yaml.

Passing example::

    docs:
      d.txt: 每1000人拥有3岁以下婴幼儿托位数4.26个，力争通过三级甲等医院评审。

Failing example::

    docs:
      d.txt: 每1000人拥有3岁以上婴幼儿托位数4.26个。
"""
import re

from checker.rules.shared.textscan import lines

CODE = "CC410"
NAME = "category-slip"
SEVERITY = "warning"
READS = "texts"


def check(ctx):
    slips = [(re.compile(s["pattern"]), s.get("message", ""), s.get("fix", "")) for s in ctx.lint.get("slips") or []]
    out = []
    for path, number, line in lines(ctx):
        for pattern, message, fix in slips:
            for m in pattern.finditer(line):
                out.append(ctx.text_finding(CODE, f"“{m.group()}”: {message}", path, number, m.start() + 1,
                                            m.group(), m.expand(fix) if fix else ""))
    return out
