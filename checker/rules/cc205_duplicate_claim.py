"""Duplicate claim: the same value for the same key is stated more than once.

Not an error in itself (a summary repeats the body), but it shows repeated
passages and lets an editor decide whether the repetition is intended. Claims
match when metric, entity, period, kind, dimension and interval are equal;
every place is listed.

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
from checker.relational import BOUNDS, KEY, keyed

CODE = "CC205"
NAME = "duplicate-claim"
SEVERITY = "info"


def check(ctx):
    t = keyed(ctx.table)
    same = KEY + ["kind"] + BOUNDS
    groups = t.group_by(same).aggregate(n=t.count(), first=t.row.min())
    repeated = groups.filter(groups.n > 1)
    # Only the rows of repeated groups leave the engine; collecting rows for every group held a list
    # per claim at scale. Null-safe equality: a claim without a dimension still matches its twin.
    j = t.join(repeated, [t[c].identical_to(repeated[c]) for c in same])
    places: dict = {}
    for r in ctx.rows(j.select(row=t.row, first=repeated.first, n=repeated.n, period=t.period, kind=t.kind)):
        places.setdefault(r["first"], (r, []))[1].append(r["row"])
    out = []
    for first in sorted(places):
        g, rows = places[first]
        rows.sort()
        out.append(ctx.finding(CODE, f"{ctx.key(rows[0])} · {g['period']}: the same {g['kind']} value is stated "
                                     f"{g['n']} times: {'; '.join(ctx.show(r) for r in rows)}", rows))
    return out
