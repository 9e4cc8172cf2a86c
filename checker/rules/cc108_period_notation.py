"""Period notation: months that make a quarter, a half or the whole year are written as that period.

The claim format writes part of a year one way: a quarter ``2018Q4``, a half
``2025H1``, a span of months ``2022-01~08``. Claims are compared only with
claims of the same period, as written: ``2018-10~12`` never meets the
``2018Q4`` that ``claimcheck extract`` drafts from 第四季度, nor ``2023-01~12``
the plain ``2023``. Write the months as the period they make.

Passing example::

    claims:
      - {id: sc-1, metric: 总诊疗人次, entity: 四川省, period: 2018Q4, kind: actual, surface: 1.31亿人次, source: {doc: d.txt, line: 1, quote: 总诊疗1.31亿人次}}
    docs:
      d.txt: 2018年第四季度,全省医疗卫生机构总诊疗1.31亿人次。

Failing example::

    claims:
      - {id: sc-1, metric: 总诊疗人次, entity: 四川省, period: 2018-10~12, kind: actual, surface: 1.31亿人次, source: {doc: d.txt, line: 1, quote: 总诊疗1.31亿人次}}
    docs:
      d.txt: 2018年第四季度,全省医疗卫生机构总诊疗1.31亿人次。
"""
import re

CODE = "CC108"
NAME = "period-notation"
SEVERITY = "warning"
READS = "records"

_MADE = {"01~03": "Q1", "04~06": "Q2", "07~09": "Q3", "10~12": "Q4", "01~06": "H1", "07~12": "H2", "01~12": ""}
_ONE_MONTH = [f"{m:02d}~{m:02d}" for m in range(1, 13)]  # spelt out: Arrow's regular expressions refer to no group
_MONTHS = r"^[0-9]{4}-(?:" + "|".join([*_MADE, *_ONE_MONTH]) + r")$"


def check(ctx):
    import pyarrow.compute as pc

    out = []
    for r in ctx.where(lambda f: pc.match_substring_regex(f("period"), _MONTHS)):
        period = ctx.records[r].values["period"]
        written = as_written(period)
        out.append(ctx.finding(CODE, f"period `{period}` is written `{written}` in the claim format, as extract drafts "
                                     f"it; as it is, no claim of `{written}` is compared with it", [r]))
    return out


def as_written(period: str) -> str:
    """2018-10~12 → 2018Q4, 2025-01~06 → 2025H1, 2023-01~12 → 2023, 2022-05~05 → 2022-05."""
    year, months = period[:4], period[5:]
    if months in _MADE:
        return year + _MADE[months]
    return re.sub(r"^([0-9]{4})-([0-9]{2})~\2$", r"\1-\2", period)
