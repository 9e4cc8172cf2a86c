"""Redundant or impossible unit: a rate given per thousand twice, or a count given as a percentage.

千人口献血量12.18‰ says "per thousand" twice (千人口 and ‰), so a reader cannot
tell which base is meant; 手术人数达35% gives a count (人数) as a percentage.
The per-thousand and per-hundred words and the count words are listed in
rules/lint.yaml.

Passing example::

    docs:
      d.txt: 每千人口献血12.18人次，手术人数达350人，无偿献血占比100%。

Failing example::

    docs:
      d.txt: 千人口献血量12.18‰。
"""
import re

from checker.rules.shared.textscan import clauses, lines

CODE = "CC409"
NAME = "redundant-unit"
SEVERITY = "warning"
READS = "texts"

_FIGURE = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?\s*([‰%％])")


def check(ctx):
    per = {"‰": ctx.lint.get("per_thousand") or [], "%": ctx.lint.get("per_hundred") or [],
           "％": ctx.lint.get("per_hundred") or []}
    counts = ctx.lint.get("count_words") or []
    out = []
    for path, number, line in lines(ctx):
        if "%" not in line and "‰" not in line and "％" not in line:
            continue  # no percentage or per-mille figure: most lines
        for start, clause in clauses(line):
            for m in _FIGURE.finditer(clause):
                before = clause[:m.start()]
                twice = next((w for w in per[m.group(1)] if w in before), None)
                if twice:
                    out.append(ctx.text_finding(
                        CODE, f"“{twice}” and “{m.group(1)}” both give the base of “{m.group()}”: it is stated twice",
                        path, number, start + m.start() + 1, m.group()))
                    continue
                count = next((w for w in counts if before.rstrip("达为是约近超").endswith(w)), None)
                if count and m.group(1) != "‰":
                    out.append(ctx.text_finding(
                        CODE, f"“{count}” is a count but “{m.group()}” is a percentage",
                        path, number, start + m.start() + 1, m.group()))
    return out
