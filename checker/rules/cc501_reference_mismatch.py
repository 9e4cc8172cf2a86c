"""Disagrees with the official figure: a claim's value is not the reference set's for its metric, entity and period.

With `--reference national` (or a folder of the project's own official
figures, see docs/reference.md), every claim of what was so (an actual, a
starting value, a share such as 个人卫生支出占卫生总费用27.7%), and every figure
a claim implies (last year's value behind 比上年增加N), is compared with the
reference figure of the same metric, entity, period and dimension, by the
same intervals as every other rule: 77.3岁 is [77.25, 77.35) and does not
meet 77.93岁. The finding names the reference value, its document, when it
was published and its quote; earlier editions of the figure are named too. A
claim that agrees is listed as verified in the reports. When the newest figure
is a preliminary one (a document the set marks `preliminary: true`, such as
the statistics bureau's February figures that the health bulletin revises),
a claim that differs may hold the final figure: the finding is a warning. So
is a figure a claim only implies: a bulletin's 比上年增加N is reckoned from
last year's figure as revised since, which may differ from the one first
published. And so is a claim that agrees with an earlier edition (an article
quoting the statistics bureau's February figure, revised in the health
bulletin since): it was right when written, and the finding says it is out
of date rather than wrong.

Passing example::

    claims:
      - {id: le-1, metric: 人均预期寿命, entity: 全国, period: "2020", kind: actual, surface: 77.93岁, source: {doc: d.txt, line: 1, quote: 人均预期寿命达到77.93岁}}
    docs:
      d.txt: 2020年，我国居民人均预期寿命达到77.93岁。
    reference:
      d.txt: 2020年，我国居民人均预期寿命提高到77.93岁。
      claims:
        - {id: ref-le, metric: 人均预期寿命, entity: 全国, period: "2020", kind: actual, surface: 77.93岁, status: reviewed, source: {doc: d.txt, line: 1, quote: 人均预期寿命提高到77.93岁}}

Failing example::

    claims:
      - {id: le-1, metric: 人均预期寿命, entity: 全国, period: "2020", kind: actual, surface: 77.3岁, source: {doc: d.txt, line: 1, quote: 人均预期寿命达到77.3岁}}
    docs:
      d.txt: 2020年，我国居民人均预期寿命达到77.3岁。
    reference:
      d.txt: 2020年，我国居民人均预期寿命提高到77.93岁。
      claims:
        - {id: ref-le, metric: 人均预期寿命, entity: 全国, period: "2020", kind: actual, surface: 77.93岁, status: reviewed, source: {doc: d.txt, line: 1, quote: 人均预期寿命提高到77.93岁}}
"""
from checker.model.findings import Location
from checker.rules.shared.messages import key, show
from checker.rules.shared.reference import comparisons, shown

CODE = "CC501"
NAME = "reference-mismatch"
SEVERITY = "error"
READS = "table"


def check(ctx):
    out = []
    for c in comparisons(ctx):
        if c.agrees:
            continue
        ref = c.reference
        earlier = ("; earlier editions: " + "; ".join(shown(e) for e in sorted(c.others, key=lambda e: e.published))
                   if c.others else "")
        where = (Location(ref.doc_path, ref.line, None, "reference"),)
        head = f"{key(ctx, c.row)} · {ctx.records[c.row].values.get('period')}: {show(ctx, c.row)}"
        if c.agrees_earlier is not None:
            message = (f"{head} is the earlier figure {shown(c.agrees_earlier)}, revised since: "
                       f"the official figure is now {shown(ref)}")
        else:
            message = f"{head} disagrees with the official figure {shown(ref)}{earlier}"
        implied = bool(ctx.records[c.row].values.get("derived"))
        # a warning at most: a preliminary figure is not the last word, nor one reckoned from a revised one
        milder = ref.preliminary or implied or c.agrees_earlier is not None
        out.append(ctx.finding(CODE, message, [c.row], where, milder=milder))
    return out
