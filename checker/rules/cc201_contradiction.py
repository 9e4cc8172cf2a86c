"""Contradiction: two actual values for the same metric, entity and period cannot both be true.

Claims are compared by canonical metric and entity (aliases from
rules/metrics.yaml and rules/entities.yaml), period and unit dimension. Each
value is an interval that respects how it was printed: ``93.4%`` is
[93.35, 93.45), ``95%以上`` is [95, +inf), ``300余`` is [300, 400). Two
``actual`` claims of one key whose intervals do not overlap contradict each
other. The finding names the two claims that disagree most: the one with the
highest lower bound and the one with the lowest upper bound. When a
reference set is given and each of the two holds an official figure (the
statistics bureau's preliminary count and the health commission's final
one, or a figure and its revision), the texts still disagree, but both are
right as published: the finding is a warning that names both editions. So
is a figure that is the other cut short rather than rounded (a headline's
``13.4亿`` for ``134592万人``, 13.46亿): common in news, worth a look, but no
contradiction of fact.

Passing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
      - {id: rc-2, metric: 区域就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 90%以上, source: {doc: d.txt, line: 2, quote: 区域就诊率达90%以上}}
    docs:
      d.txt: |
        区域内就诊率由2020年的88.6%提升到93.4%。
        医疗服务能力持续提升，区域就诊率达90%以上。
    metrics:
      - {name: 区域内就诊率, aliases: [区域就诊率], unit: percent}

Failing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
      - {id: rc-2, metric: 区域就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 95%以上, source: {doc: d.txt, line: 2, quote: 区域就诊率达95%以上}}
    docs:
      d.txt: |
        区域内就诊率由2020年的88.6%提升到93.4%。
        医疗服务能力持续提升，区域就诊率达95%以上。
    metrics:
      - {name: 区域内就诊率, aliases: [区域就诊率], unit: percent}
"""
from checker.language.numbers import NumberError, parse
from checker.rules.shared.messages import key, show
from checker.rules.shared.reference import official_editions, shown
from checker.rules.shared.relational import disagreeing

CODE = "CC201"
NAME = "contradiction"
SEVERITY = "error"
READS = "table"
SCOPE = ("metric_key", "entity_key")  # each finding is about claims of one metric and entity (checker.run.kept)


def check(ctx):
    out = []
    official = None
    for g in ctx.rows(disagreeing(ctx.table, "actual")):
        rows = sorted([g["top_row"], g["bottom_row"]])
        more = f" ({g['n']} actual claims share this key)" if g["n"] > 2 else ""
        message = (f"{key(ctx, rows[0])} · {g['period']}: actual values contradict each other: "
                   f"{show(ctx, rows[0])} vs {show(ctx, rows[1])}{more}")
        if official is None:
            official = official_editions(ctx) if ctx.references else {}
        editions = [official.get(r) for r in rows]
        both = all(editions) and editions[0] != editions[1]
        if both:  # each holds an official figure: the bureau's preliminary one and the final, or a revision
            message += f"; each is an official figure as published: {shown(editions[0])} and {shown(editions[1])}"
        cut = None if both else _cut_short(ctx, rows)
        if cut is not None:
            message += f"; {_printed(ctx, cut)} is the other cut short, not rounded"
        out.append(ctx.finding(CODE, message, rows, milder=both or cut is not None))
    return out


def _printed(ctx, row: int) -> str:
    return ctx.records[row].values.get("surface") or ctx.records[row].values.get("id") or f"#{row}"


def _cut_short(ctx, rows: list) -> int | None:
    """The row of the two whose printed figure is the other's truncated to its last digit (13.4亿 for
    13.4592亿): a plainly printed figure whose interval [x - u/2, x + u/2) is shifted up half a unit to
    [x, x + u) meets the other's. None when neither is."""
    for this, other in (rows, rows[::-1]):
        surface = ctx.records[this].values.get("surface")
        mine, theirs = ctx.readings[this].base, ctx.readings[other].base
        if not surface or mine is None or theirs is None or None in (mine.lo, mine.hi, theirs.lo, theirs.hi):
            continue
        try:
            if parse(surface).qualifier != "exact":
                continue
        except NumberError:
            continue
        width = mine.hi - mine.lo
        if width > 0 and (mine.lo + mine.hi) / 2 <= theirs.hi and theirs.lo < (mine.lo + mine.hi) / 2 + width:
            return this
    return None
