"""Unit conflict: the ``unit`` given is not the unit printed in the surface.

When the surface carries a unit (``%``, ``‰``, ``个百分点``, ``倍`` or a
trailing counter such as ``300余名``), the record's ``unit`` must be the same
unit or an alias of it (名 = 人). A percent recorded as 个百分点, or 人 as
人次, changes what the number means.

Passing example::

    claims:
      - {id: rc-1, metric: 基层就诊率差距, entity: 荣昌区, period: "2022", kind: change, surface: 10个百分点, unit: 个百分点, source: {doc: d.txt, line: 1, quote: 高于全市10个百分点}}
    docs:
      d.txt: 基层医疗卫生机构就诊率65.9%，高于全市10个百分点。
    metrics:
      - {name: 基层就诊率差距}

Failing example::

    claims:
      - {id: rc-1, metric: 基层就诊率差距, entity: 荣昌区, period: "2022", kind: change, surface: 10个百分点, unit: percent, source: {doc: d.txt, line: 1, quote: 高于全市10个百分点}}
    docs:
      d.txt: 基层医疗卫生机构就诊率65.9%，高于全市10个百分点。
"""
CODE = "CC114"
NAME = "unit-conflict"
SEVERITY = "error"
READS = "records"


def check(ctx):
    out = []
    for r in ctx.where(lambda f: f("unit_conflict").is_valid()):
        v = ctx.records[r].values
        out.append(ctx.finding(CODE, f"unit `{v['unit']}` differs from `{ctx.readings[r].unit_conflict}` "
                                     f"printed in surface `{v['surface']}`", [r]))
    return out
