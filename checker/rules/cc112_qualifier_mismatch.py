"""Qualifier mismatch: the ``qualifier`` given contradicts the ``surface``.

The qualifier is derived from the surface (以上 → at_least, 超 → more_than,
余/多 → plus, 近 → nearly, 约/左右 → about, 10~30 → range, none → exact).
Giving it is optional; when given, it must agree, so the reading of the
number is never ambiguous.

Passing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2025", kind: target, surface: 95%以上, qualifier: at_least, source: {doc: d.txt, line: 1, quote: 区域内就诊率达95%以上}}
    docs:
      d.txt: 2025年区域内就诊率达95%以上

Failing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2025", kind: target, surface: 95%以上, qualifier: exact, source: {doc: d.txt, line: 1, quote: 区域内就诊率达95%以上}}
    docs:
      d.txt: 2025年区域内就诊率达95%以上
"""
CODE = "CC112"
NAME = "qualifier-mismatch"
SEVERITY = "error"
READS = "records"


def check(ctx):
    return [ctx.finding_at(CODE, f"qualifier `{v['qualifier']}` does not match surface `{v['surface']}`, "
                                 f"which reads as `{v['qualifier_mismatch']}`", v)
            for v in ctx.rows_where(lambda f: f("qualifier_mismatch").is_valid(), ("qualifier", "qualifier_mismatch"))]
