"""Unknown field: a record has a field the claim format does not define.

A misspelt field (``qualifer``, ``sorce``) is otherwise ignored silently and
the information in it is lost. The message suggests the nearest known name.

Passing example::

    claims:
      - id: rc-1
        metric: 区域内就诊率
        entity: 荣昌区
        period: "2022"
        kind: actual
        surface: 93.4%
        note: 过去一年的数字
        source: {doc: d.txt, line: 1, quote: 提升到93.4%}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。

Failing example::

    claims:
      - id: rc-1
        metric: 区域内就诊率
        entity: 荣昌区
        period: "2022"
        kind: actual
        surface: 93.4%
        notes: 过去一年的数字
        source: {doc: d.txt, line: 1, quote: 提升到93.4%}
    docs:
      d.txt: 区域内就诊率由2020年的88.6%提升到93.4%。
"""
CODE = "CC103"
NAME = "unknown-field"
SEVERITY = "error"
READS = "records"


def check(ctx):
    return ctx.problem_findings(CODE)
