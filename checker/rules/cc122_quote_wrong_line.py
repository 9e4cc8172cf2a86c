"""Quote on another line: the quote is in the document, but not on ``source.line``.

Line numbers let a reader jump to the evidence, so a wrong one is reported
with the line where the quote really is.

Passing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 2, quote: 提升到93.4%}}
    docs:
      d.txt: |
        核心提示
        区域内就诊率由2020年的88.6%提升到93.4%。

Failing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
    docs:
      d.txt: |
        核心提示
        区域内就诊率由2020年的88.6%提升到93.4%。
"""
CODE = "CC122"
NAME = "quote-wrong-line"
SEVERITY = "error"
READS = "records"


def check(ctx):
    rows = ctx.where(lambda f: f("quote_line").is_valid() & ~f("quote_at_line"))
    return [ctx.finding(CODE, f"quote is on line {ctx.readings[r].quote_line}, not line "
                              f"{ctx.records[r].values['line']}", [r]) for r in rows]
