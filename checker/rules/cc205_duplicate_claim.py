"""Duplicate claim: the same value for the same key is stated more than once.

Not an error in itself (a summary repeats the body), but it shows repeated
passages and lets an editor decide whether the repetition is intended. Claims
match when metric, entity, period, kind, dimension and interval are equal;
every place is listed. A figure a claim only implies (`derived`: last year's,
behind 比上年增加N) is not stated, and agreeing with a printed one is the
arithmetic working out, so it is left out.

Passing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。

Failing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
      - {id: rc-2, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 2, quote: 区域内就诊率达93.4%}}
    docs:
      d.txt: |
        区域内就诊率由2020年的88.6%提升到93.4%。
        区域内就诊率达93.4%。
"""
from checker.rules.shared.messages import key, show
from checker.rules.shared.relational import BOUNDS, KEY, keyed, repeated
from checker.table.engines import built_once

CODE = "CC205"
NAME = "duplicate-claim"
SEVERITY = "info"
READS = "table"
SCOPE = ("metric_key", "entity_key")  # each finding is about claims of one metric and entity (checker.run.kept)


def check(ctx):
    out = []
    for g in ctx.in_batches(ctx.rows(_stated_again(ctx.table)), lambda g: g["rows"]):
        rows = sorted(g["rows"])
        out.append(ctx.finding(CODE, f"{key(ctx, rows[0])} · {g['period']}: the same {g['kind']} value is stated "
                                     f"{g['n']} times: {'; '.join(show(ctx, r) for r in rows)}", rows))
    return out


@built_once
def _stated_again(claims):
    """Each key, kind and value stated by more than one claim, with their rows."""
    same = KEY + ["kind"] + BOUNDS
    stated = keyed(claims)
    t = repeated(stated.filter(stated.derived.isnull() | (stated.derived == "")), same)
    return t.group_by(same).aggregate(n=t.count(), rows=t.row.collect(), first=t.row.min()).order_by("first")
