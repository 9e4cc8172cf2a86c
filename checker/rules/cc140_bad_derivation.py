"""Bad derivation: a ``derived`` expression cannot be evaluated.

A derived record states a figure the text implies, as arithmetic over other
claims: ``derived: "003-017-a / 003-017-b"``. The expression may use claim
ids, numbers, ``+ - * /`` and parentheses (put spaces around a minus between
two ids). It fails when an id is unknown, a claim it uses has no value, it
refers to itself, or its units do not give the record's ``unit``.

Passing example::

    claims:
      - {id: d-1, metric: 基层就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 65.9%, source: {doc: d.txt, line: 1, quote: 就诊率65.9%}}
      - {id: d-2, metric: 基层就诊率差距, entity: 荣昌区, period: "2022", kind: change, surface: 10个百分点, source: {doc: d.txt, line: 1, quote: 高于全市10个百分点}}
      - {id: d-3, metric: 基层就诊率, entity: 重庆市, period: "2022", kind: actual, derived: "d-1 - d-2", unit: percent, source: {doc: d.txt, line: 1, quote: 高于全市10个百分点}}
    docs:
      d.txt: 基层医疗卫生机构就诊率65.9%，高于全市10个百分点。
    metrics:
      - {name: 基层就诊率差距}

Failing example::

    claims:
      - {id: d-1, metric: 基层就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 65.9%, source: {doc: d.txt, line: 1, quote: 就诊率65.9%}}
      - {id: d-3, metric: 基层就诊率, entity: 重庆市, period: "2022", kind: actual, derived: "d-1 - d-9", unit: percent, source: {doc: d.txt, line: 1, quote: 高于全市10个百分点}}
    docs:
      d.txt: 基层医疗卫生机构就诊率65.9%，高于全市10个百分点。
"""
CODE = "CC140"
NAME = "bad-derivation"
SEVERITY = "error"
READS = "records"


def check(ctx):
    return [ctx.finding(CODE, f"cannot derive `{ctx.records[r].values['derived']}`: {ctx.readings[r].derive_error}", [r])
            for r in ctx.where(lambda f: f("derive_error").is_valid())]
