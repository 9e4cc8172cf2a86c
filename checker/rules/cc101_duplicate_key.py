"""Duplicate key: a record names the same field twice.

YAML keeps only the last of two equal keys, so the first value would be lost
without a word. claimcheck reads every mapping itself and reports the second
key with the line of the first.

Passing example::

    claims:
      - id: rc-1
        metric: 区域内就诊率
        entity: 荣昌区
        period: "2022"
        kind: actual
        surface: 93.4%
        source: {doc: d.txt, line: 1, quote: 提升到93.4%}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。

Failing example::

    claims:
      - id: rc-1
        metric: 区域内就诊率
        entity: 荣昌区
        period: "2022"
        period: "2020"
        kind: actual
        surface: 93.4%
        source: {doc: d.txt, line: 1, quote: 提升到93.4%}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。
"""
CODE = "CC101"
NAME = "duplicate-key"
SEVERITY = "error"
READS = "records"


def check(ctx):
    return ctx.problem_findings(CODE)
