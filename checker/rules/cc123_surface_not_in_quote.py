"""Surface not in quote: the printed number does not occur inside ``source.quote``.

The quote must really contain the value: the surface (as printed, e.g.
``95%以上``) has to be a part of the quote, so the claim cannot drift from
its evidence.

Passing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2025", kind: target, surface: 95%以上, source: {doc: d.txt, line: 1, quote: 区域内就诊率达95%以上}}
    docs:
      d.txt: 2025年区域内就诊率达95%以上

Failing example::

    claims:
      - {id: rc-1, metric: 区域内就诊率, entity: 荣昌区, period: "2025", kind: target, surface: 96%以上, source: {doc: d.txt, line: 1, quote: 区域内就诊率达95%以上}}
    docs:
      d.txt: 2025年区域内就诊率达95%以上
"""
CODE = "CC123"
NAME = "surface-not-in-quote"
SEVERITY = "error"
READS = "records"


def check(ctx):
    rows = ctx.where(lambda f: f("surface").is_valid() & f("quote").is_valid() & ~f("surface_in_quote"))
    return [ctx.finding(CODE, f"surface `{ctx.records[r].values['surface']}` does not occur in the quote", [r])
            for r in rows]
