"""Mixed number formats: one document writes digits or ranges in more than one style.

Full-width digits (１２３) beside half-width ones (123), or ranges written with
~, 〜, —, – and - in one document, make figures harder to search and compare
and often show where text was pasted from elsewhere. Reported once per
document, as information, with the first place of each style.

Passing example::

    docs:
      d.txt: |
        创建5—10家三级甲等疾病预防控制中心。
        新建1—2个国家重点实验室。

Failing example::

    docs:
      d.txt: |
        创建5—10家三级甲等疾病预防控制中心。
        新建1~2个国家重点实验室，１２个区县参与。
"""
import re

CODE = "CC412"
NAME = "mixed-number-format"
SEVERITY = "info"
READS = "texts"

_STYLES = [
    ("half-width digits", re.compile(r"[0-9]")),
    ("full-width digits", re.compile(r"[０-９]")),
]
_RANGE = re.compile(r"(?<=[0-9０-９一二三四五六七八九十])([~～〜—–\-－])(?=[0-9０-９一二三四五六七八九十])")


def check(ctx):
    out = []
    for path, texts in ctx.texts.items():  # each document once: a scan of all lines per document was quadratic
        digits, ranges = {}, {}
        for number, line in enumerate(texts, start=1):
            for name, pattern in _STYLES:
                m = pattern.search(line)
                if m and name not in digits:
                    digits[name] = (number, m.start() + 1)
            for m in _RANGE.finditer(line):
                ranges.setdefault(m.group(1), (number, m.start() + 1))
        for kind, found in (("digits", digits), ("range marks", ranges)):
            if len(found) > 1:
                styles = ", ".join(f"{name} (line {n})" for name, (n, _) in found.items())
                (first, *rest) = found.values()
                out.append(ctx.text_finding(CODE, f"{kind} are written in {len(found)} styles: {styles}",
                                            path, first[0], first[1], "", "", tuple(rest)))
    return out
