"""Unknown unit: the claim has no unit, or one not defined in rules/units.txt.

Units are data: rules/units.txt defines counters (人, 人次, 家, 个…),
measures (公里, 吨, 平方米, 元) and ratios (percent, ‰, 个百分点, 倍) in
pint's syntax. A claim's unit comes from ``unit:`` or from the surface
(``%``). An unknown unit is reported instead of guessed; add it to the file
if it is real.

Passing example::

    claims:
      - {id: rc-1, metric: 医疗机构数, entity: 荣昌区, period: "2022", kind: actual, surface: "36", unit: 家, source: {doc: d.txt, line: 1, quote: 荣昌区36家医疗机构}}
    docs:
      d.txt: 荣昌区36家医疗机构全部开通跨异地就医住院直接结算。

Failing example::

    claims:
      - {id: rc-1, metric: 医疗机构数, entity: 荣昌区, period: "2022", kind: actual, surface: "36", unit: 家家, source: {doc: d.txt, line: 1, quote: 荣昌区36家医疗机构}}
    docs:
      d.txt: 荣昌区36家医疗机构全部开通跨异地就医住院直接结算。
"""
CODE = "CC113"
NAME = "unknown-unit"
SEVERITY = "error"
READS = "records"


def check(ctx):
    return [ctx.finding(CODE, ctx.readings[r].unit_error, [r])
            for r in ctx.where(lambda f: f("unit_error").is_valid())]
