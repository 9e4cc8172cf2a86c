"""Missing measure word: a count written straight before a word that begins with its counter.

Chinese counts take a measure word: 396支家庭医生队伍. Written without it,
396家庭医生队伍 reads as "396 homes" or "396 families", and an extractor takes
家 as the counter. A number followed by one of the words listed under
``counter_words`` in rules/lint.yaml (家庭, 项目, 人员…) is reported, unless a
quotation mark opens it: “117项目” is a project's name.

Passing example::

    docs:
      d.txt: 396支家庭医生队伍下沉一线，签约577234人，抽检食品3250批次，办好10件事，建成3个体育公园，推动“117项目”核心区建设。

Failing example::

    docs:
      d.txt: 396家庭医生队伍下沉一线，签约577234人。
"""
import re

from checker.rules.shared.textscan import lines

CODE = "CC407"
NAME = "missing-counter"
SEVERITY = "warning"
READS = "texts"

_OPENING_QUOTES = ("“", "‘", "「", "『", '"')


def check(ctx):
    words = sorted(ctx.lint.get("counter_words") or [], key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(r"(?<![0-9０-９.．])([0-9０-９]+)(" + "|".join(map(re.escape, words)) + ")")
    out = []
    for path, number, line in lines(ctx):
        for m in pattern.finditer(line):
            if line[m.end(1):m.end(1) + 1] == "年" or line[m.start() - 1:m.start()] in _OPENING_QUOTES:
                continue  # “117项目”: a project's name in quotes, not a count
            out.append(ctx.text_finding(
                CODE, f"“{m.group()}”: the number {m.group(1)} has no measure word before {m.group(2)}",
                path, number, m.start() + 1, m.group()))
    return out
