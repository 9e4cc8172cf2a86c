"""Value mismatch: the ``value`` given does not equal what the ``surface`` says.

``value`` is optional; when it is given it must be the surface normalised
exactly (46.8万 is 468000, not 46.8; a range is ``[low, high]``). A mismatch
usually means a slip while curating, or a surface copied wrongly.

Passing example::

    claims:
      - {id: rc-1, metric: 家庭医生签约人数, entity: 荣昌区, period: "2022", kind: actual, surface: 23万, value: 230000, unit: 人, source: {doc: d.txt, line: 1, quote: 签约服务23万人}}
    docs:
      d.txt: 打造142个家庭医生签约服务团队，签约服务23万人。

Failing example::

    claims:
      - {id: rc-1, metric: 家庭医生签约人数, entity: 荣昌区, period: "2022", kind: actual, surface: 23万, value: 23000, unit: 人, source: {doc: d.txt, line: 1, quote: 签约服务23万人}}
    docs:
      d.txt: 打造142个家庭医生签约服务团队，签约服务23万人。
"""
CODE = "CC111"
NAME = "value-mismatch"
SEVERITY = "error"
READS = "records"


def check(ctx):
    return [ctx.finding_at(CODE, f"value {v['value']} does not match surface `{v['surface']}`, "
                                 f"which reads {v['value_mismatch']}", v)
            for v in ctx.rows_where(lambda f: f("value_mismatch").is_valid(), ("value", "value_mismatch"))]
