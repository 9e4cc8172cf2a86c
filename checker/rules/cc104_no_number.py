"""No number: a record needs exactly one of ``surface`` (printed) or ``derived`` (implied).

A claim is either a number printed in the text, given as ``surface``, or a
figure the text implies without printing it, given as a ``derived``
arithmetic expression over other claims. A record with neither has nothing
to check; one with both is ambiguous.

Passing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。

Failing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, unit: percent, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。
"""
CODE = "CC104"
NAME = "no-number"
SEVERITY = "error"
READS = "records"


def check(ctx):
    out = []
    for r in ctx.where(lambda f: f("surface").is_null() == f("derived").is_null()):
        has = "both `surface` and `derived`" if ctx.records[r].values.get("surface") else "neither `surface` nor `derived`"
        out.append(ctx.finding(CODE, f"the record has {has}; give exactly one", [r]))
    return out
