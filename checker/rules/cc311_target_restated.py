"""Target restated: one target stated with values that cannot both hold.

Two ``target`` claims of the same metric, entity and period whose intervals
do not overlap (2025年 ``95%以上`` in one place, ``90%`` in another) state the
same goal two ways. The finding names the two most different statements.

Passing example::

    claims:
      - {id: q-1, metric: 区域内就诊率, entity: 荣昌区, period: "2025", kind: target, surface: 95%以上, source: {doc: d.txt, line: 1, quote: 区域内就诊率达95%以上}}
      - {id: q-2, metric: 区域内就诊率, entity: 荣昌区, period: "2025", kind: target, surface: 96%, source: {doc: d.txt, line: 2, quote: 区域内就诊率达到96%}}
    docs:
      d.txt: |
        2025年区域内就诊率达95%以上
        力争2025年区域内就诊率达到96%

Failing example::

    claims:
      - {id: q-1, metric: 区域内就诊率, entity: 荣昌区, period: "2025", kind: target, surface: 95%以上, source: {doc: d.txt, line: 1, quote: 区域内就诊率达95%以上}}
      - {id: q-2, metric: 区域内就诊率, entity: 荣昌区, period: "2025", kind: target, surface: 90%, source: {doc: d.txt, line: 2, quote: 区域内就诊率达到90%}}
    docs:
      d.txt: |
        2025年区域内就诊率达95%以上
        力争2025年区域内就诊率达到90%
"""
from checker.rules.shared.messages import key, show
from checker.rules.shared.relational import disagreeing

CODE = "CC311"
NAME = "target-restated"
SEVERITY = "warning"
READS = "table"
SCOPE = ("metric_key", "entity_key")  # each finding is about claims of one metric and entity (checker.run.kept)


def check(ctx):
    out = []
    for g in ctx.rows(disagreeing(ctx.table, "target")):
        rows = sorted([g["top_row"], g["bottom_row"]])
        out.append(ctx.finding(CODE, f"{key(ctx, rows[0])} · {g['period']}: the target is stated two ways: "
                                     f"{show(ctx, rows[0])} vs {show(ctx, rows[1])}", rows))
    return out
