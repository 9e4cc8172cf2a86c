"""Unreadable number: the ``surface`` is not a number claimcheck can read.

The surface is the number exactly as printed: Arabic or full-width digits,
Chinese numerals (两千, 百余, 近万), magnitudes (46.8万), qualifiers (超, 近,
约, 以上, 余, 多), ranges (10~30, 5—10) and %, ‰, 个百分点, 倍. Anything
else cannot be compared, so it is an error rather than a silent skip.

Passing example::

    claims:
      - {id: rc-1, metric: 卫生人才, entity: 荣昌区, period: "2020-2023", kind: actual, surface: 300余名, source: {doc: d.txt, line: 1, quote: 招聘300余名卫生人才}}
    docs:
      d.txt: 2020年至今招聘300余名卫生人才充实到各医疗卫生单位
    metrics:
      - {name: 卫生人才}

Failing example::

    claims:
      - {id: rc-1, metric: 卫生人才, entity: 荣昌区, period: "2020-2023", kind: actual, surface: 若干名, source: {doc: d.txt, line: 1, quote: 招聘若干名卫生人才}}
    docs:
      d.txt: 2020年至今招聘若干名卫生人才充实到各医疗卫生单位
"""
CODE = "CC110"
NAME = "unreadable-number"
SEVERITY = "error"
READS = "records"


def check(ctx):
    return [ctx.finding(CODE, f"cannot read the surface: {ctx.readings[r].parse_error}", [r])
            for r in ctx.where(lambda f: f("parse_error").is_valid())]
